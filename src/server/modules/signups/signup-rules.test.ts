import { describe, expect, it } from 'vitest';
import {
  canTransition,
  checkEligibility,
  checkSchedule,
  initialStatus,
  localDay,
  TRANSITIONS,
  type Transition,
} from './signup-rules.js';
import { SIGNUP_STATUSES } from './signups.tables.js';

const at = (iso: string) => new Date(iso);
const slot = (from: string, to: string) => ({ startsAt: at(from), endsAt: at(to) });
const TZ = 'Asia/Novokuznetsk';

describe('transitions', () => {
  it('allows exactly the listed steps and refuses every other one', () => {
    const allowed: Record<Transition, string[]> = {
      approve: ['applied'],
      decline: ['applied', 'waitlisted'],
      withdraw: ['applied', 'confirmed', 'waitlisted', 'offered'],
      cancel: ['applied', 'confirmed', 'waitlisted', 'offered'],
      offer: ['waitlisted'],
      accept: ['offered'],
      pass: ['offered'],
      expire: ['offered'],
      attend: ['confirmed', 'no_show'],
      no_show: ['confirmed', 'attended'],
    };
    for (const step of Object.keys(TRANSITIONS) as Transition[]) {
      for (const status of SIGNUP_STATUSES) {
        expect(canTransition(status, step), `${status} -${step}->`).toBe(allowed[step].includes(status));
      }
    }
    expect(canTransition('cancelled', 'cancel')).toBe(false);
  });
  it('lands a new signup by mode and free place', () => {
    expect(initialStatus('auto', true)).toBe('confirmed');
    expect(initialStatus('auto', false)).toBe('waitlisted');
    expect(initialStatus('approval', true)).toBe('applied');
    expect(initialStatus('approval', false)).toBe('applied');
  });
});

describe('schedule checks', () => {
  const limits = { maxHoursPerDay: 8, minRestHours: 1 };
  it('refuses an overlap, even by a minute, and accepts back-to-back with enough rest', () => {
    const shift = slot('2026-12-01T03:00:00Z', '2026-12-01T06:00:00Z');
    expect(
      checkSchedule(shift, [slot('2026-12-01T05:59:00Z', '2026-12-01T07:00:00Z')], limits, TZ)[0]?.code,
    ).toBe('shift_overlap');
    expect(checkSchedule(shift, [slot('2026-12-01T07:00:00Z', '2026-12-01T08:00:00Z')], limits, TZ)).toEqual(
      [],
    );
  });
  it('refuses too little rest between shifts', () => {
    const shift = slot('2026-12-01T03:00:00Z', '2026-12-01T06:00:00Z');
    const issues = checkSchedule(shift, [slot('2026-12-01T06:30:00Z', '2026-12-01T07:00:00Z')], limits, TZ);
    expect(issues.map((i) => i.code)).toEqual(['rest_too_short']);
  });
  it('counts hours per local day of the region', () => {
    const shift = slot('2026-12-01T10:00:00Z', '2026-12-01T14:00:00Z'); // 17:00–21:00 local, 1 Dec
    const morning = slot('2026-12-01T01:00:00Z', '2026-12-01T06:00:00Z'); // 08:00–13:00 local, 1 Dec
    expect(checkSchedule(shift, [morning], limits, TZ).map((i) => i.code)).toEqual([
      'hours_per_day_exceeded',
    ]);
    // 30 Nov 20:00 UTC is 1 Dec 03:00 local: the same local day
    expect(localDay(at('2026-11-30T20:00:00Z'), TZ)).toBe('2026-12-01');
    const previousDay = slot('2026-11-30T10:00:00Z', '2026-11-30T15:00:00Z');
    expect(checkSchedule(shift, [previousDay], limits, TZ)).toEqual([]);
  });
});

describe('eligibility', () => {
  const base = {
    minAge: null,
    requiredSkills: [],
    birthDate: '1990-01-01',
    guardianConsent: false,
    volunteeringConsent: 'active' as const,
    skills: [],
  };
  it('needs the consent to volunteering, of the current version', () => {
    expect(checkEligibility(base, '2026-12-01')).toEqual([]);
    for (const state of ['none', 'withdrawn'] as const) {
      expect(checkEligibility({ ...base, volunteeringConsent: state }, '2026-12-01')).toMatchObject([
        { field: 'consents', code: 'consent_required' },
      ]);
    }
    expect(
      checkEligibility({ ...base, volunteeringConsent: 'renewal_needed' }, '2026-12-01').map((i) => i.code),
    ).toEqual(['consent_renewal_required']);
  });
  it('needs a birth date even when the shift has no minimum age (the age decides the rest)', () => {
    expect(checkEligibility({ ...base, birthDate: null }, '2026-12-01').map((i) => i.code)).toEqual([
      'birth_date_required',
    ]);
    // an account with no profile and no consent at all (issue 9): both are named
    expect(
      checkEligibility({ ...base, birthDate: null, volunteeringConsent: 'none' }, '2026-12-01').map(
        (i) => i.code,
      ),
    ).toEqual(['consent_required', 'birth_date_required']);
  });
  it('checks the minimum age on the shift day', () => {
    expect(checkEligibility({ ...base, minAge: 18, birthDate: '2008-12-02' }, '2026-12-01')[0]?.code).toBe(
      'too_young',
    );
    expect(checkEligibility({ ...base, minAge: 18, birthDate: '2008-12-01' }, '2026-12-01')).toEqual([]);
    expect(checkEligibility({ ...base, minAge: 16, birthDate: null }, '2026-12-01')[0]?.code).toBe(
      'birth_date_required',
    );
  });
  it('needs a guardian consent for a minor', () => {
    const minor = { ...base, birthDate: '2011-01-01' };
    expect(checkEligibility(minor, '2026-12-01')[0]?.code).toBe('guardian_consent_required');
    expect(checkEligibility({ ...minor, guardianConsent: true }, '2026-12-01')).toEqual([]);
    expect(checkEligibility({ ...base, birthDate: '2014-01-01' }, '2026-12-01')[0]?.code).toBe('too_young');
  });
  it('names missing skills', () => {
    const issues = checkEligibility(
      { ...base, requiredSkills: ['first_aid', 'driving'], skills: ['driving'] },
      '2026-12-01',
    );
    expect(issues).toMatchObject([{ code: 'skills_missing', params: { skills: 'first_aid' } }]);
  });
});
