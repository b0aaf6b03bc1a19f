/** Database tables owned by the volunteers module (merged into `Database` in platform/db/schema.ts). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const CONSENT_PURPOSES = [
  'volunteering',
  'newsletters',
  'publication',
  'partner_transfer',
  'guardian_consent',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** One weekly time window: ISO weekday 1 (Monday) … 7, local times `HH:MM`. */
export type AvailabilitySlot = { day: number; from: string; to: string };

export type VocabularyTable = {
  code: string;
  name_ru: string;
  name_en: string;
  position: Generated<number>;
  active: Generated<boolean>;
};

/**
 * Columns this module adds to the core `volunteer_profiles` table (migration 0012). Intersected with the
 * core row type, so Kysely sees both sets of columns.
 */
export type VolunteerProfileColumns = {
  full_name: string | null;
  skills: Generated<string[]>;
  skill_tags: Generated<string[]>;
  languages: Generated<string[]>;
  home_lat: number | null;
  home_lon: number | null;
  availability: ColumnType<AvailabilitySlot[], string | undefined, string>;
  interests: Generated<string[]>;
  about: string | null;
  home_center_id: string | null;
  visible_fields: Generated<string[]>;
  updated_at: DefaultTimestamp;
  /** Optional photo in the file store (0013): key and sniffed type, both or neither. */
  photo_key: ColumnType<string | null, string | null | undefined, string | null>;
  photo_type: ColumnType<
    'image/jpeg' | 'image/png' | null,
    'image/jpeg' | 'image/png' | null | undefined,
    'image/jpeg' | 'image/png' | null
  >;
};

export type ConsentDocumentsTable = {
  purpose: ConsentPurpose;
  version: string;
  title_ru: string;
  title_en: string;
  text_ru: string;
  text_en: string;
  required: Generated<boolean>;
  published_at: Timestamp;
};

export type GuardianRelation = 'parent' | 'adoptive_parent' | 'guardian' | 'trustee';
export type GuardianConsentsTable = {
  consent_id: string;
  guardian_name: string;
  guardian_contact: string;
  relation: GuardianRelation;
};

export type SquadsTable = {
  id: Generated<string>;
  center_id: string;
  name: string;
  focus: string | null;
  tags: Generated<string[]>;
  invite_code: string;
  is_demo: Generated<boolean>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
};

export type SquadMemberStatus = 'requested' | 'active' | 'removed';
export type SquadMembersTable = {
  squad_id: string;
  user_id: string;
  status: SquadMemberStatus;
  /** `leader` is no longer written (0016 turned those rows into invitations); `invitation` = accepted one. */
  joined_via: 'request' | 'code' | 'leader' | 'invitation';
  requested_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: string | null;
  /** Removed by a leader or coordinator: back only through an approved request, not the code (0019). */
  rejoin_needs_approval: Generated<boolean>;
};

/** A pending invitation to lead a squad; the person becomes a leader (and member) only by accepting it. */
export type SquadLeaderInvitationsTable = {
  squad_id: string;
  user_id: string;
  invited_by: string | null;
  invited_at: Timestamp;
};

export type VolunteersTables = {
  skills: VocabularyTable;
  interest_categories: VocabularyTable;
  volunteer_profiles: VolunteerProfileColumns;
  consent_documents: ConsentDocumentsTable;
  guardian_consents: GuardianConsentsTable;
  squads: SquadsTable;
  squad_members: SquadMembersTable;
  squad_leader_invitations: SquadLeaderInvitationsTable;
};

declare module '../../platform/db/schema.js' {
  /** This module's tables, part of the platform's `Database` type. */
  interface ModuleTables extends VolunteersTables {}
}
