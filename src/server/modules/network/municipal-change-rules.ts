/**
 * The rules of a municipal change as pure functions: first its shape (kind, number of predecessors,
 * successor), then how it fits the municipalities it names on the change day (checked on locked rows).
 */
import {
  type RecordMunicipalChangeBody,
  SINGLE_PREDECESSOR_KINDS,
} from '../../../shared/contracts/municipal-changes.js';
import type { FieldIssue } from '../../platform/errors.js';

const issue = (field: string, code: FieldIssue['code'], message: string): FieldIssue => ({
  field,
  code,
  message,
});

/** Trims, normalises Unicode (NFC) and collapses inner whitespace; Cyrillic and Latin alike. */
export const cleanText = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

export function existingSuccessorId(body: RecordMunicipalChangeBody): string | null {
  return body.successor && 'existingId' in body.successor ? body.successor.existingId : null;
}

/** Rules that need no database. Refusals are 400. */
export function shapeIssues(body: RecordMunicipalChangeBody): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  body.predecessorIds.forEach((id, i) => {
    if (seen.has(id))
      issues.push(
        issue(`predecessorIds.${i}`, 'duplicate_predecessor', 'This municipality is listed twice.'),
      );
    seen.add(id);
  });
  if (SINGLE_PREDECESSOR_KINDS.includes(body.kind) && body.predecessorIds.length !== 1) {
    issues.push(
      issue(
        'predecessorIds',
        'one_predecessor_required',
        'A conversion or a rename ends exactly one municipality.',
      ),
    );
  }
  if (body.kind === 'abolition' && body.successor) {
    issues.push(issue('successor', 'successor_not_allowed', 'An abolished municipality has no successor.'));
  }
  if (body.kind !== 'abolition' && !body.successor) {
    issues.push(issue('successor', 'successor_required', 'Name the successor: an existing or a new one.'));
  }
  const existing = existingSuccessorId(body);
  if (existing && seen.has(existing)) {
    issues.push(
      issue(
        'successor.existingId',
        'successor_is_predecessor',
        'The successor cannot also be a predecessor.',
      ),
    );
  }
  if (body.successor && 'new' in body.successor) {
    const m = body.successor.new;
    for (const field of ['nameRu', 'nameEn', 'adminCenterRu'] as const) {
      if (!cleanText(m[field])) issues.push(issue(`successor.new.${field}`, 'blank', 'Fill in this field.'));
    }
  }
  return issues;
}

export type DatedMunicipality = { id: string; effective_from: string; effective_to: string | null };

/** In force on `day`: effective_from <= day < effective_to (or no end). */
export const inForceOn = (m: DatedMunicipality, day: string) =>
  m.effective_from <= day && (m.effective_to === null || day < m.effective_to);

/**
 * Rules against the region's municipalities (locked): unknown ids are 400, a change that does not fit
 * the dates is 409. A predecessor must be in force on the day, have started before it, and not already be
 * ended by another change; an existing successor must be in force on the day.
 */
export function stateIssues(
  body: RecordMunicipalChangeBody,
  rows: Map<string, DatedMunicipality>,
): { unknown: FieldIssue[]; conflicts: FieldIssue[] } {
  const unknown: FieldIssue[] = [];
  const conflicts: FieldIssue[] = [];
  const day = body.effectiveOn;
  body.predecessorIds.forEach((id, i) => {
    const field = `predecessorIds.${i}`;
    const m = rows.get(id);
    if (!m) unknown.push(issue(field, 'unknown_municipality', 'No such municipality in the region.'));
    else if (!inForceOn(m, day))
      conflicts.push(issue(field, 'not_in_force', 'The municipality is not in force on that date.'));
    else if (m.effective_from === day)
      conflicts.push(issue(field, 'starts_on_change_day', 'The municipality only starts on that date.'));
    else if (m.effective_to !== null)
      conflicts.push(issue(field, 'already_ends', 'Another change already ends this municipality.'));
  });
  const existing = existingSuccessorId(body);
  if (existing) {
    const m = rows.get(existing);
    const field = 'successor.existingId';
    if (!m) unknown.push(issue(field, 'unknown_municipality', 'No such municipality in the region.'));
    else if (!inForceOn(m, day))
      conflicts.push(issue(field, 'not_in_force', 'The municipality is not in force on that date.'));
  }
  return { unknown, conflicts };
}
