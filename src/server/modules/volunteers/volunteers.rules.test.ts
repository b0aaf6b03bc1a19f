import { describe, expect, it } from 'vitest';
import type { UpdateProfileBody } from '../../../shared/contracts/volunteers.js';
import type { Actor, Grant } from '../../platform/auth/actor.js';
import { eligibility } from './consent-rules.js';
import { checkProfile } from './profile-rules.js';
import { canAssignSquadLeader, canCreateSquad, canManageSquad, profileAccess } from './volunteers.policy.js';

const TODAY = '2026-11-24';
const known = { skills: new Set(['first_aid', 'driving']), interests: new Set(['ecology']) };
const body = (over: Partial<UpdateProfileBody> = {}): UpdateProfileBody => ({
  fullName: null,
  birthDate: null,
  profession: null,
  skills: [],
  skillTags: [],
  languages: [],
  municipalityId: null,
  homeCenterId: null,
  homePoint: null,
  availability: [],
  interests: [],
  about: null,
  visibleFields: [],
  ...over,
});
const codes = (r: ReturnType<typeof checkProfile>) => r.errors.map((e) => `${e.field}:${e.code}`);

describe('profile validation', () => {
  it('accepts names in any script, with hyphens and apostrophes', () => {
    for (const name of [
      'Анна-Мария Щукина',
      'Гульнара Сагитова',
      "D'Artagnan O'Neil",
      'Ли Юн',
      'Ёлкин Пётр',
    ]) {
      expect(codes(checkProfile(body({ fullName: name }), known, TODAY))).toEqual([]);
    }
    expect(checkProfile(body({ fullName: '  Иван   Петров ' }), known, TODAY).profile.full_name).toBe(
      'Иван Петров',
    );
    expect(codes(checkProfile(body({ fullName: 'Иван <script>' }), known, TODAY))).toEqual([
      'fullName:invalid_person_name',
    ]);
    expect(codes(checkProfile(body({ fullName: '12345' }), known, TODAY))).toEqual([
      'fullName:invalid_person_name',
    ]);
  });
  it('refuses under 14, a future birth date and non-dates; 14 on the day is fine', () => {
    expect(codes(checkProfile(body({ birthDate: '2012-11-25' }), known, TODAY))).toEqual([
      'birthDate:below_volunteer_age',
    ]);
    expect(codes(checkProfile(body({ birthDate: '2012-11-24' }), known, TODAY))).toEqual([]);
    expect(codes(checkProfile(body({ birthDate: '2027-01-01' }), known, TODAY))).toEqual([
      'birthDate:birth_date_in_future',
    ]);
    expect(codes(checkProfile(body({ birthDate: '2001-02-30' }), known, TODAY))).toEqual([
      'birthDate:invalid_birth_date',
    ]);
  });
  it('checks skill and interest codes, languages and time windows', () => {
    const r = checkProfile(
      body({
        skills: ['first_aid', 'juggling', 'first_aid'],
        interests: ['ecology', 'space'],
        skillTags: ['#бердск', ' ', 'квадрокоптер'],
        languages: ['RU', 'english'],
        availability: [
          { day: 6, from: '14:00', to: '10:00' },
          { day: 1, from: '09:00', to: '12:00' },
        ],
      }),
      known,
      TODAY,
    );
    expect(codes(r)).toEqual([
      'skills/1:unknown_skill',
      'interests/1:unknown_interest',
      'languages/1:invalid_language',
      'availability/0:invalid_time_window',
    ]);
    expect(r.profile.skills).toEqual(['first_aid', 'juggling']);
    expect(r.profile.skill_tags).toEqual(['бердск', 'квадрокоптер']);
    expect(r.profile.languages[0]).toBe('ru');
    expect(r.profile.availability[0]?.day).toBe(1);
  });
});

describe('eligibility', () => {
  const documents = [
    { purpose: 'volunteering', version: 'v2', required: true },
    { purpose: 'newsletters', version: 'v1', required: false },
  ];
  const rec = (purpose: string, version: string, withdrawn = false) => ({
    purpose,
    version,
    given_at: new Date('2026-01-01T00:00:00Z'),
    withdrawn_at: withdrawn ? new Date('2026-02-01T00:00:00Z') : null,
  });
  it('needs a birth date and the current volunteering consent; optional ones never matter', () => {
    expect(eligibility({ birthDate: null, today: TODAY, documents, records: [] }).missing).toEqual([
      'profile_incomplete',
      'consent_missing',
    ]);
    const adult = { birthDate: '1990-01-01', today: TODAY, documents };
    expect(eligibility({ ...adult, records: [rec('volunteering', 'v2')] })).toEqual({
      canVolunteer: true,
      missing: [],
    });
    expect(
      eligibility({ ...adult, records: [rec('volunteering', 'v2'), rec('newsletters', 'v1', true)] })
        .canVolunteer,
    ).toBe(true);
    expect(eligibility({ ...adult, records: [rec('volunteering', 'v1')] }).missing).toEqual([
      'consent_outdated',
    ]);
    expect(eligibility({ ...adult, records: [rec('volunteering', 'v2', true)] }).missing).toEqual([
      'consent_missing',
    ]);
  });
  it('a minor also needs a live guardian consent', () => {
    const minor = { birthDate: '2010-03-01', today: TODAY, documents };
    expect(eligibility({ ...minor, records: [rec('volunteering', 'v2')] }).missing).toEqual([
      'guardian_consent_missing',
    ]);
    expect(
      eligibility({ ...minor, records: [rec('volunteering', 'v2'), rec('guardian_consent', 'v0')] })
        .canVolunteer,
    ).toBe(true);
    expect(
      eligibility({ ...minor, records: [rec('volunteering', 'v2'), rec('guardian_consent', 'v0', true)] })
        .missing,
    ).toEqual(['guardian_consent_missing']);
  });
});

describe('policy per role', () => {
  const user = (grants: Grant[], userId = 'U'): Actor => ({
    kind: 'user',
    userId,
    sessionId: 's',
    email: 'e',
    mustChangePassword: false,
    grants,
  });
  const volunteer = user([{ role: 'volunteer', scopeType: 'self', scopeId: null }]);
  const coordC1 = user([{ role: 'center_coordinator', scopeType: 'center', scopeId: 'C1' }]);
  const coordC2 = user([{ role: 'center_coordinator', scopeType: 'center', scopeId: 'C2' }]);
  const admin = user([{ role: 'regional_admin', scopeType: 'region', scopeId: 'R1' }]);
  const leaderS1 = user([{ role: 'squad_leader', scopeType: 'squad', scopeId: 'S1' }]);
  const leaderS2 = user([{ role: 'squad_leader', scopeType: 'squad', scopeId: 'S2' }]);
  const squad = { id: 'S1', center_id: 'C1' };

  it('profile access: self, own centre, other centres, nobody else', () => {
    const ties = { userId: 'V', centerIds: ['C1'] };
    expect(profileAccess(user([], 'V'), ties)).toBe('self');
    expect(profileAccess(coordC1, ties)).toBe('own_center');
    expect(profileAccess(coordC2, ties)).toBe('other_center');
    expect(profileAccess(admin, ties)).toBe('other_center');
    expect(profileAccess(volunteer, ties)).toBe('none');
    expect(profileAccess(leaderS1, ties)).toBe('none');
    expect(profileAccess({ kind: 'anonymous' }, ties)).toBe('none');
  });
  it('squads: the leader and the centre coordinator manage; only the coordinator creates and names leaders', () => {
    expect(canManageSquad(leaderS1, squad)).toBe(true);
    expect(canManageSquad(coordC1, squad)).toBe(true);
    expect(canManageSquad(leaderS2, squad)).toBe(false);
    expect(canManageSquad(coordC2, squad)).toBe(false);
    expect(canManageSquad(volunteer, squad)).toBe(false);
    expect(canManageSquad(admin, squad)).toBe(false);
    expect(canCreateSquad(coordC1, 'C1')).toBe(true);
    expect(canCreateSquad(leaderS1, 'C1')).toBe(false);
    expect(canAssignSquadLeader(coordC1, squad)).toBe(true);
    expect(canAssignSquadLeader(leaderS1, squad)).toBe(false);
  });
});
