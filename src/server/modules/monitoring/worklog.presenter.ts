/** API shapes of work-log entries and their revisions. */
import type { WorkLogEntry } from '../../../shared/contracts/monitoring.js';
import type { EntryRow, EntryWithPeople } from './worklog.repo.js';

const person = (id: string | null, name: string | null | undefined) =>
  id ? { id, displayName: name ?? '' } : null;

export function toEntryView(e: EntryWithPeople): WorkLogEntry {
  return {
    id: e.id,
    centerId: e.center_id,
    kind: e.kind,
    audience: e.audience,
    occurredOn: e.occurred_on,
    title: e.title,
    quantity: e.quantity,
    peopleReached: e.people_reached,
    link: e.link,
    note: e.note,
    version: e.version,
    author: person(e.author_id, e.author_name),
    createdAt: e.created_at.toISOString(),
    updatedBy: person(e.updated_by, e.updated_by_name),
    updatedAt: e.updated_at ? e.updated_at.toISOString() : null,
    removed:
      e.deleted_at && e.deleted_reason !== null
        ? {
            by: person(e.deleted_by, e.deleted_by_name),
            at: e.deleted_at.toISOString(),
            reason: e.deleted_reason,
          }
        : null,
  };
}

/** The editable fields of an entry, as kept in a revision's snapshot. */
export function snapshotOf(e: EntryRow) {
  return {
    kind: e.kind,
    audience: e.audience,
    occurredOn: e.occurred_on,
    title: e.title,
    quantity: e.quantity,
    peopleReached: e.people_reached,
    link: e.link,
    note: e.note,
  };
}
