/** Database tables owned by the plan module (merged into `Database` in platform/db/schema.ts). */
import type { ColumnType, Generated } from 'kysely';

type DateString = ColumnType<string, string, string>;

export type RolloutTargetKind = 'active_centers' | 'municipal_coverage';
export type RevisionAction = 'created' | 'changed' | 'removed';

/** One change of the plan: a target created, changed or removed, with the values before and after. */
export type RolloutTargetRevisionsTable = {
  id: Generated<string>;
  seq: Generated<number>;
  region_id: string;
  target_id: string;
  action: RevisionAction;
  kind: RolloutTargetKind;
  old_due_date: DateString | null;
  old_target: number | null;
  old_note: string | null;
  new_due_date: DateString | null;
  new_target: number | null;
  new_note: string | null;
  comment: string | null;
  actor_id: string | null;
  at: ColumnType<Date, Date | string, Date | string>;
};

export type PlanTables = {
  rollout_target_revisions: RolloutTargetRevisionsTable;
};

declare module '../../platform/db/schema.js' {
  /** This module's tables, part of the platform's `Database` type. */
  interface ModuleTables extends PlanTables {}
}
