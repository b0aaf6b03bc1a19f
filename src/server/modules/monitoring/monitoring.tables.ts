/** Database tables owned by the monitoring module (merged into `Database` in platform/db/schema.ts). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = ColumnType<string, string, string>;
/** `numeric` columns arrive as strings (normalised in database.ts); numbers may be written. */
type Numeric = ColumnType<string, number | string, number | string>;

export type WorkLogKindColumn =
  | 'consultation'
  | 'training'
  | 'coworking'
  | 'help_desk'
  | 'event'
  | 'publication';
export type AudienceColumn = 'volunteers' | 'activists' | 'ngos';

export type WorkLogEntriesTable = {
  id: Generated<string>;
  center_id: string;
  kind: WorkLogKindColumn;
  audience: AudienceColumn | null;
  occurred_on: DateString;
  title: string;
  quantity: Generated<number>;
  people_reached: number | null;
  link: string | null;
  note: string | null;
  author_id: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp | null;
  deleted_by: string | null;
  deleted_at: Timestamp | null;
  deleted_reason: string | null;
  version: Generated<number>;
  is_demo: Generated<boolean>;
};

export type WorkLogRevisionsTable = {
  id: Generated<string>;
  entry_id: string;
  version: number;
  action: 'corrected' | 'removed';
  snapshot: ColumnType<Record<string, unknown>, string, string>;
  actor_id: string | null;
  at: Timestamp;
  reason: string | null;
};

export type IndicatorMethodColumn = 'entered' | 'infrastructure' | 'services' | 'information';

export type MonitoringIndicatorsTable = {
  code: string;
  name_ru: string;
  name_en: string;
  max_score: Numeric;
  weight: ColumnType<string, number | string | undefined, number | string>;
  method: ColumnType<IndicatorMethodColumn, IndicatorMethodColumn | undefined, IndicatorMethodColumn>;
  position: Generated<number>;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
};

export type MonitoringRoundsTable = {
  id: Generated<string>;
  region_id: string;
  year: number;
  half: number;
  period_start: DateString;
  period_end: DateString;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  green_from: Numeric;
  yellow_from: Numeric;
  opened_by: string | null;
  opened_at: Timestamp;
  closed_by: string | null;
  closed_at: Timestamp | null;
  is_demo: Generated<boolean>;
};

export type MonitoringRoundIndicatorsTable = {
  round_id: string;
  code: string;
  name_ru: string;
  name_en: string;
  max_score: Numeric;
  weight: Numeric;
  method: IndicatorMethodColumn;
  position: number;
};

export type MonitoringRoundCentersTable = { round_id: string; center_id: string };

export type MonitoringScoresTable = {
  round_id: string;
  center_id: string;
  indicator_code: string;
  computed: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  computed_basis: number | null;
  entered: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  comment: string | null;
  entered_by: string | null;
  entered_at: Timestamp | null;
};

export type MonitoringTables = {
  work_log_entries: WorkLogEntriesTable;
  work_log_revisions: WorkLogRevisionsTable;
  monitoring_indicators: MonitoringIndicatorsTable;
  monitoring_rounds: MonitoringRoundsTable;
  monitoring_round_indicators: MonitoringRoundIndicatorsTable;
  monitoring_round_centers: MonitoringRoundCentersTable;
  monitoring_scores: MonitoringScoresTable;
};

declare module '../../platform/db/schema.js' {
  /** This module's tables, part of the platform's `Database` type. */
  interface ModuleTables extends MonitoringTables {}
}
