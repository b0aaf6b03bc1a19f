/** Database tables owned by the organizations module (merged into `Database` in platform/db/schema.ts). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A pending invitation to represent an organization, addressed to an e-mail address (migration 0016). */
export type OrganizationInvitationsTable = {
  id: Generated<string>;
  organization_id: string;
  email: string;
  invited_by: string | null;
  invited_at: Timestamp;
  expires_at: Timestamp;
};

export type OrganizationsTables = { organization_invitations: OrganizationInvitationsTable };

declare module '../../platform/db/schema.js' {
  /** This module's tables, part of the platform's `Database` type. */
  interface ModuleTables extends OrganizationsTables {}
}
