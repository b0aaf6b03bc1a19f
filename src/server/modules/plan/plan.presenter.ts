/** Rows of the plan module as API shapes. */
import type { PlanRevision, PlanTargetItem } from '../../../shared/contracts/plan.js';
import type { RevisionRow, TargetRow } from './plan.repo.js';

export const toTargetItem = (t: TargetRow): PlanTargetItem => ({
  id: t.id,
  kind: t.kind,
  dueDate: t.due_date,
  target: t.target,
  note: t.note,
  version: t.version,
});

export const toRevision = (r: RevisionRow): PlanRevision => ({
  id: r.id,
  targetId: r.target_id,
  action: r.action,
  kind: r.kind,
  before:
    r.old_due_date !== null && r.old_target !== null
      ? { dueDate: r.old_due_date, target: r.old_target, note: r.old_note }
      : null,
  after:
    r.new_due_date !== null && r.new_target !== null
      ? { dueDate: r.new_due_date, target: r.new_target, note: r.new_note }
      : null,
  comment: r.comment,
  actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
  at: r.at.toISOString(),
});
