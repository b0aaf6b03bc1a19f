/** Database tables owned by the opportunities module (merged into `Database` in platform/db/schema.ts). */
import type { ColumnType, Generated } from 'kysely';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = ColumnType<string, string, string>;

/** A recurring rule's roles, copied into `shift_roles` for each new occurrence. */
export type RoleSlot = { name: string; capacity: number };
/** One shift of a template: local times of day (HH:MM) in the region's time zone. */
export type TemplateSlot = { start: string; end: string; capacity: number; roles: RoleSlot[] };

/** Columns 0010 adds to `opportunities` (intersected with the core table type). */
type OpportunityDetailColumns = {
  category: string | null;
  project_tags: Generated<string[]>;
  municipality_id: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  is_online: Generated<boolean>;
  contact: string | null;
  partner_organization_id: string | null;
  partner_approved_by: string | null;
  partner_approved_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Generated (migration 0010); the catalogue reports a generated column as nullable. */
  search_vector: ColumnType<string | null, never, never>;
};

/** Columns 0010 adds to `shifts`. */
type ShiftSeriesColumns = {
  series_id: string | null;
  occurrence_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** Secret that signs the shift's QR check-in tokens (0013); null until first used. */
  checkin_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** The iCalendar SEQUENCE (0015): raised with every change of the shift's time, place or status. */
  ical_sequence: ColumnType<number, number | undefined, number>;
  /** Places held (0021): signups confirmed, offered or attended and walk-ins, kept by triggers. */
  taken: ColumnType<number, never, never>;
};

export type OpportunitiesTables = {
  opportunities: OpportunityDetailColumns;
  shifts: ShiftSeriesColumns;
  /** The upcoming figures of each opportunity (0021), kept by triggers: never written by the code. */
  opportunity_rollups: {
    opportunity_id: ColumnType<string, never, never>;
    next_shift_at: ColumnType<Date | null, never, never>;
    last_shift_at: ColumnType<Date | null, never, never>;
    upcoming_shifts: ColumnType<number, never, never>;
    rollup_at: ColumnType<Date, never, never>;
    /** The opportunity's own `search_vector` (0026), so that a text search reads the rollup alone. */
    search_vector: ColumnType<string | null, never, never>;
  };
  opportunity_categories: {
    code: string;
    name_ru: string;
    name_en: string;
    sort_order: Generated<number>;
  };
  shift_series: {
    id: Generated<string>;
    opportunity_id: string;
    frequency: 'weekly' | 'monthly';
    repeat_every: Generated<number>;
    weekdays: Generated<number[]>;
    month_day: number | null;
    starts_on: DateString;
    until: DateString;
    start_time: string;
    duration_minutes: number;
    capacity: number;
    roles: ColumnType<RoleSlot[], string | undefined, string>;
    time_zone: string;
    created_at: DefaultTimestamp;
    updated_at: DefaultTimestamp;
  };
  shift_templates: {
    id: Generated<string>;
    center_id: string;
    name: string;
    slots: ColumnType<TemplateSlot[], string, string>;
    created_at: DefaultTimestamp;
  };
  calendar_feeds: {
    user_id: string;
    token_hash: string;
    created_at: DefaultTimestamp;
  };
};

declare module '../../platform/db/schema.js' {
  /** This module's tables, part of the platform's `Database` type. */
  interface ModuleTables extends OpportunitiesTables {}
}
