/**
 * Pure consent rules (152-FZ): each purpose is its own document with versions; a consent counts when it
 * was given for the current version and not withdrawn. Only `volunteering` (and, for a minor,
 * `guardian_consent`) gate volunteering; declining any other purpose never blocks it.
 */
import { ageOn, isMinorOn, MIN_VOLUNTEER_AGE } from '../../../shared/age.js';

export type ConsentRecord = {
  purpose: string;
  version: string;
  given_at: Date;
  withdrawn_at: Date | null;
};
export type CurrentDocument = { purpose: string; version: string; required: boolean };

/** The latest record per purpose (by time given). */
export function latestByPurpose<R extends ConsentRecord>(records: R[]): Map<string, R> {
  const out = new Map<string, R>();
  for (const r of records) {
    const seen = out.get(r.purpose);
    if (!seen || r.given_at.getTime() >= seen.given_at.getTime()) out.set(r.purpose, r);
  }
  return out;
}

export type ConsentState = 'active' | 'renewal_needed' | 'withdrawn' | 'none';

export function consentState(doc: CurrentDocument, latest: ConsentRecord | undefined): ConsentState {
  if (!latest) return 'none';
  if (latest.withdrawn_at) return 'withdrawn';
  return latest.version === doc.version ? 'active' : 'renewal_needed';
}

/**
 * Whether a person may sign up to volunteer on `today`, and what is missing. A minor (14–17) also needs a
 * guardian's consent on record (any version, not withdrawn: the guardian's act does not lapse with a
 * new text of the volunteer's own consent).
 */
export function eligibility(input: {
  birthDate: string | null;
  today: string;
  documents: CurrentDocument[];
  records: ConsentRecord[];
}): { canVolunteer: boolean; missing: string[] } {
  const missing: string[] = [];
  if (!input.birthDate) missing.push('profile_incomplete');
  else if (ageOn(input.birthDate, input.today) < MIN_VOLUNTEER_AGE) missing.push('below_volunteer_age');
  const latest = latestByPurpose(input.records);
  const volunteering = input.documents.find((d) => d.purpose === 'volunteering');
  const state = volunteering ? consentState(volunteering, latest.get('volunteering')) : 'none';
  if (state === 'renewal_needed') missing.push('consent_outdated');
  else if (state !== 'active') missing.push('consent_missing');
  if (input.birthDate && isMinorOn(input.birthDate, input.today)) {
    const guardian = latest.get('guardian_consent');
    if (!guardian || guardian.withdrawn_at) missing.push('guardian_consent_missing');
  }
  return { canVolunteer: missing.length === 0, missing };
}
