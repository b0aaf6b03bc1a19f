/**
 * The signup rules as pure functions: which status may follow which, who holds a place, and the checks
 * made at signup (consent to volunteering, age and guardian consent, skills, overlap, hours per day and
 * rest between shifts).
 * The service gathers the facts under its locks and asks these functions; they never touch the database.
 */
import { ageOn, isMinorOn } from '../../../shared/age.js';
import { localDay } from '../../../shared/time-zone.js';
import type { FieldIssue } from '../../platform/errors.js';
import type { SignupStatus } from './signups.tables.js';

/** Statuses that hold a place on the shift (an offered place is kept for the offeree until the deadline). */
export const HOLDING: readonly SignupStatus[] = ['confirmed', 'offered', 'attended'];
/** Statuses that still count as "signed up" (one per volunteer and shift). */
export const ACTIVE: readonly SignupStatus[] = ['applied', 'confirmed', 'waitlisted', 'offered'];

export type Transition =
  | 'approve'
  | 'decline'
  | 'withdraw'
  | 'cancel'
  | 'offer'
  | 'accept'
  | 'pass'
  | 'expire'
  | 'attend'
  | 'no_show';

/** Every allowed step: from which statuses, to which status. Anything else is refused. */
export const TRANSITIONS: Record<Transition, { from: readonly SignupStatus[]; to: SignupStatus }> = {
  approve: { from: ['applied'], to: 'confirmed' },
  decline: { from: ['applied', 'waitlisted'], to: 'cancelled' },
  withdraw: { from: ['applied', 'confirmed', 'waitlisted', 'offered'], to: 'cancelled' },
  cancel: { from: ['applied', 'confirmed', 'waitlisted', 'offered'], to: 'cancelled' },
  offer: { from: ['waitlisted'], to: 'offered' },
  accept: { from: ['offered'], to: 'confirmed' },
  pass: { from: ['offered'], to: 'cancelled' },
  expire: { from: ['offered'], to: 'cancelled' },
  attend: { from: ['confirmed', 'no_show'], to: 'attended' },
  no_show: { from: ['confirmed', 'attended'], to: 'no_show' },
};

export const canTransition = (from: SignupStatus, step: Transition) => TRANSITIONS[step].from.includes(from);

/** Where a new signup lands: approval opportunities wait for the coordinator; else a place or the waitlist. */
export function initialStatus(mode: 'auto' | 'approval', hasPlace: boolean): SignupStatus {
  if (mode === 'approval') return 'applied';
  return hasPlace ? 'confirmed' : 'waitlisted';
}

export type Interval = { startsAt: Date; endsAt: Date };

export const overlaps = (a: Interval, b: Interval) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

const HOUR = 3_600_000;

/** Calendar day of an instant in a time zone, as YYYY-MM-DD. */
export { localDay };

export type Limits = { maxHoursPerDay: number; minRestHours: number };

/**
 * Overlap, hours per day and rest against the shifts the volunteer already holds. Hours of a shift count
 * towards the local day it starts on (the region's time zone).
 */
export function checkSchedule(shift: Interval, held: readonly Interval[], limits: Limits, timeZone: string) {
  const issues: FieldIssue[] = [];
  const clash = held.find((h) => overlaps(h, shift));
  if (clash) {
    issues.push({
      field: 'shiftId',
      code: 'shift_overlap',
      message: 'You already hold a shift at this time.',
      params: { startsAt: clash.startsAt.toISOString(), endsAt: clash.endsAt.toISOString() },
    });
    return issues;
  }
  const day = localDay(shift.startsAt, timeZone);
  const hours = (i: Interval) => (i.endsAt.getTime() - i.startsAt.getTime()) / HOUR;
  const total = held.filter((h) => localDay(h.startsAt, timeZone) === day).reduce((s, h) => s + hours(h), 0);
  if (total + hours(shift) > limits.maxHoursPerDay) {
    issues.push({
      field: 'shiftId',
      code: 'hours_per_day_exceeded',
      message: `At most ${limits.maxHoursPerDay} hours of shifts a day.`,
      params: { max: String(limits.maxHoursPerDay) },
    });
  }
  const restMs = limits.minRestHours * HOUR;
  const tooClose = held.find(
    (h) =>
      (h.endsAt <= shift.startsAt && shift.startsAt.getTime() - h.endsAt.getTime() < restMs) ||
      (shift.endsAt <= h.startsAt && h.startsAt.getTime() - shift.endsAt.getTime() < restMs),
  );
  if (tooClose) {
    issues.push({
      field: 'shiftId',
      code: 'rest_too_short',
      message: `Leave at least ${limits.minRestHours} hours between shifts.`,
      params: { min: String(limits.minRestHours) },
    });
  }
  return issues;
}

/**
 * The person's consent to volunteering as the volunteers module defines it: `active` (given for the
 * current document version, not withdrawn), `renewal_needed` (only an older version is live), `withdrawn`
 * (given once, withdrawn since) or `none`.
 */
export type VolunteeringConsent = 'active' | 'renewal_needed' | 'withdrawn' | 'none';

export type Eligibility = {
  minAge: number | null;
  requiredSkills: readonly string[];
  birthDate: string | null;
  guardianConsent: boolean;
  volunteeringConsent: VolunteeringConsent;
  skills: readonly string[];
};

/**
 * What a person must have to take a place: the consent to volunteering (current version), a birth date
 * (the age decides everything else), 14 or over and the shift's minimum age on its day, a guardian's
 * consent for a minor (14–17), and the required skills. The same check runs on every path that puts
 * someone on a shift (self, assignment, team, swap, walk-up, offer, approval, invitation).
 */
export function checkEligibility(e: Eligibility, shiftDay: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (e.volunteeringConsent === 'renewal_needed') {
    issues.push({
      field: 'consents',
      code: 'consent_renewal_required',
      message: 'The consent to volunteering has a new text: read it and confirm it in your profile.',
    });
  } else if (e.volunteeringConsent !== 'active') {
    issues.push({
      field: 'consents',
      code: 'consent_required',
      message: 'Give your consent to volunteering in your profile (Consents) first.',
    });
  }
  if (!e.birthDate) {
    issues.push({
      field: 'birthDate',
      code: 'birth_date_required',
      message: 'Add your date of birth first.',
    });
  } else {
    const age = ageOn(e.birthDate, shiftDay);
    if (e.minAge !== null && age < e.minAge) {
      issues.push({
        field: 'birthDate',
        code: 'too_young',
        message: `This shift is for volunteers aged ${e.minAge} and over.`,
        params: { min: String(e.minAge) },
      });
    } else if (age < 14) {
      issues.push({
        field: 'birthDate',
        code: 'too_young',
        message: 'Volunteers are 14 and over.',
        params: { min: '14' },
      });
    } else if (isMinorOn(e.birthDate, shiftDay) && !e.guardianConsent) {
      issues.push({
        field: 'birthDate',
        code: 'guardian_consent_required',
        message: "A parent's or guardian's consent is needed first.",
      });
    }
  }
  const missing = e.requiredSkills.filter((s) => !e.skills.includes(s));
  if (missing.length) {
    issues.push({
      field: 'skills',
      code: 'skills_missing',
      message: `Required skills missing: ${missing.join(', ')}.`,
      params: { skills: missing.join(', ') },
    });
  }
  return issues;
}
