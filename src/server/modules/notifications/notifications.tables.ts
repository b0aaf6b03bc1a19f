/** The `notifications` table (created by migration 0005; merged into `Database` via applications.tables.ts). */
import type { ColumnType, Generated } from 'kysely';

export type NotificationParams = Record<string, string | null>;

export type NotificationsTable = {
  id: Generated<string>;
  /** Insertion order (several notifications can share an instant). */
  seq: Generated<number>;
  user_id: string;
  kind: string;
  params: ColumnType<NotificationParams, string, string>;
  link: string | null;
  created_at: ColumnType<Date, Date | string, Date | string>;
  read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

export type NotificationsTables = { notifications: NotificationsTable };

declare module '../../platform/db/schema.js' {
  /** This module's tables, part of the platform's `Database` type. */
  interface ModuleTables extends NotificationsTables {}
}
