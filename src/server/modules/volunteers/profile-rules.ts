/** Pure checks of a volunteer profile form: names in any script, birth date and age, codes, time windows. */
import { ageOn, isIsoDate, MIN_VOLUNTEER_AGE } from '../../../shared/age.js';
import type { UpdateProfileBody } from '../../../shared/contracts/volunteers.js';
import type { FieldIssue } from '../../platform/errors.js';

/** Letters of any script (with combining marks), spaces, hyphens, apostrophes and dots between them. */
const NAME = /^[\p{L}\p{M}]+(?:[ '’.-]+[\p{L}\p{M}]+)*\.?$/u;
const LANGUAGE = /^[a-z]{2,3}$/;
const OLDEST_AGE = 120;

export type CheckedProfile = {
  full_name: string | null;
  birth_date: string | null;
  profession: string | null;
  skills: string[];
  skill_tags: string[];
  languages: string[];
  municipality_id: string | null;
  home_center_id: string | null;
  home_lat: number | null;
  home_lon: number | null;
  availability: UpdateProfileBody['availability'];
  interests: string[];
  about: string | null;
  visible_fields: string[];
};

const clean = (s: string | null | undefined) => {
  const v = s?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return v ? v : null;
};
const unique = <T>(xs: T[]) => [...new Set(xs)];
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function checkProfile(
  body: UpdateProfileBody,
  known: { skills: Set<string>; interests: Set<string> },
  today: string,
): { profile: CheckedProfile; errors: FieldIssue[] } {
  const errors: FieldIssue[] = [];
  const fullName = clean(body.fullName);
  if (fullName && !NAME.test(fullName)) {
    errors.push({
      field: 'fullName',
      code: 'invalid_person_name',
      message: 'Use letters, spaces and hyphens.',
    });
  }

  const birthDate = clean(body.birthDate);
  if (birthDate) {
    if (!isIsoDate(birthDate)) {
      errors.push({ field: 'birthDate', code: 'invalid_birth_date', message: 'Enter a date as YYYY-MM-DD.' });
    } else if (birthDate > today) {
      errors.push({
        field: 'birthDate',
        code: 'birth_date_in_future',
        message: 'The birth date cannot be in the future.',
      });
    } else {
      const age = ageOn(birthDate, today);
      if (age < MIN_VOLUNTEER_AGE) {
        errors.push({
          field: 'birthDate',
          code: 'below_volunteer_age',
          message: `Volunteering starts at ${MIN_VOLUNTEER_AGE}.`,
          params: { min: String(MIN_VOLUNTEER_AGE) },
        });
      } else if (age > OLDEST_AGE) {
        errors.push({ field: 'birthDate', code: 'invalid_birth_date', message: 'Check the year of birth.' });
      }
    }
  }

  const skills = unique(body.skills);
  skills.forEach((code, i) => {
    if (!known.skills.has(code)) {
      errors.push({
        field: `skills/${i}`,
        code: 'unknown_skill',
        message: `Unknown skill "${code}".`,
        params: { code },
      });
    }
  });
  const interests = unique(body.interests);
  interests.forEach((code, i) => {
    if (!known.interests.has(code)) {
      errors.push({
        field: `interests/${i}`,
        code: 'unknown_interest',
        message: `Unknown interest "${code}".`,
        params: { code },
      });
    }
  });
  const skillTags = unique(body.skillTags.map((t) => clean(t)?.replace(/^#/, '') ?? '').filter(Boolean));
  const languages = unique(body.languages.map((l) => l.trim().toLowerCase()));
  languages.forEach((l, i) => {
    if (!LANGUAGE.test(l)) {
      errors.push({ field: `languages/${i}`, code: 'invalid_language', message: 'Use a language code.' });
    }
  });

  body.availability.forEach((slot, i) => {
    if (minutes(slot.to) <= minutes(slot.from)) {
      errors.push({
        field: `availability/${i}`,
        code: 'invalid_time_window',
        message: 'The window must end after it starts.',
      });
    }
  });
  const availability = [...body.availability].sort(
    (a, b) => a.day - b.day || minutes(a.from) - minutes(b.from),
  );

  return {
    errors,
    profile: {
      full_name: fullName,
      birth_date: birthDate,
      profession: clean(body.profession),
      skills,
      skill_tags: skillTags,
      languages,
      municipality_id: body.municipalityId,
      home_center_id: body.homeCenterId,
      home_lat: body.homePoint?.lat ?? null,
      home_lon: body.homePoint?.lon ?? null,
      availability,
      interests,
      about: body.about?.normalize('NFC').trim() || null,
      visible_fields: unique(body.visibleFields),
    },
  };
}
