/** What leaves the server about volunteers. Rows never go out as they are; birth dates only to the owner. */
import { ageGroup, ageOn, isMinorOn } from '../../../shared/age.js';
import type {
  ConsentDocumentView,
  Eligibility,
  OwnProfile,
  ProfileForCoordinator,
  VisibleField,
} from '../../../shared/contracts/volunteers.js';
import { consentState, latestByPurpose } from './consent-rules.js';
import type { VolunteersRepo } from './volunteers.repo.js';

type ProfileRow = NonNullable<Awaited<ReturnType<VolunteersRepo['profile']>>>;
type DocumentRow = Awaited<ReturnType<VolunteersRepo['currentDocuments']>>[number];
type ConsentRow = Awaited<ReturnType<VolunteersRepo['consentRecords']>>[number];

/**
 * Where the photo is served; the key's last segment in the query makes a new photo a new URL (the image
 * itself may then be cached privately).
 */
export const photoUrl = (p: Pick<ProfileRow, 'user_id' | 'photo_key'> | undefined) =>
  p?.photo_key ? `/api/volunteers/${p.user_id}/photo?v=${p.photo_key.split('/').pop()}` : null;

const ageOf = (p: Pick<ProfileRow, 'birth_date'> | undefined, today: string) =>
  p?.birth_date ? ageOn(p.birth_date, today) : null;

export function toOwnProfile(
  userId: string,
  p: ProfileRow | undefined,
  today: string,
  eligibility: Eligibility,
): OwnProfile {
  const age = ageOf(p, today);
  return {
    userId,
    fullName: p?.full_name ?? null,
    birthDate: p?.birth_date ?? null,
    age,
    ageGroup: age === null ? null : ageGroup(age),
    isMinor: p?.birth_date ? isMinorOn(p.birth_date, today) : false,
    profession: p?.profession ?? null,
    skills: p?.skills ?? [],
    skillTags: p?.skill_tags ?? [],
    languages: p?.languages ?? [],
    municipalityId: p?.municipality_id ?? null,
    homeCenterId: p?.home_center_id ?? null,
    homePoint: p && p.home_lat !== null && p.home_lon !== null ? { lat: p.home_lat, lon: p.home_lon } : null,
    availability: p?.availability ?? [],
    interests: p?.interests ?? [],
    about: p?.about ?? null,
    visibleFields: (p?.visible_fields ?? ['age_group', 'skills']) as VisibleField[],
    photoUrl: photoUrl(p),
    eligibility,
    updatedAt: p ? p.updated_at.toISOString() : null,
    // A profile not saved yet is created at version 1 by its first save.
    version: p?.version ?? 1,
  };
}

/**
 * The own centre's coordinators see the working profile (age group, never the birth date or home point);
 * other coordinators only the fields the volunteer chose to show, the rest as null.
 */
export function toCoordinatorProfile(
  p: ProfileRow,
  access: 'own_center' | 'other_center',
  today: string,
): ProfileForCoordinator {
  const shown = new Set<string>(access === 'own_center' ? ['*'] : p.visible_fields);
  const show = <T>(field: VisibleField, value: T): T | null =>
    shown.has('*') || shown.has(field) ? value : null;
  const age = ageOf(p, today);
  return {
    userId: p.user_id,
    access,
    fullName: show('full_name', p.full_name),
    ageGroup: show('age_group', age === null ? null : ageGroup(age)),
    isMinor: show('age_group', p.birth_date ? isMinorOn(p.birth_date, today) : null),
    profession: show('profession', p.profession),
    skills: show('skills', p.skills),
    skillTags: show('skills', p.skill_tags),
    languages: show('languages', p.languages),
    municipalityId: show('municipality', p.municipality_id),
    availability: show('availability', p.availability),
    interests: show('interests', p.interests),
    about: show('about', p.about),
    photoUrl: show('photo', photoUrl(p)),
  };
}

export function toConsentViews(documents: DocumentRow[], records: ConsentRow[]): ConsentDocumentView[] {
  const latest = latestByPurpose(records);
  const order = ['volunteering', 'guardian_consent', 'newsletters', 'publication', 'partner_transfer'];
  return [...documents]
    .sort((a, b) => order.indexOf(a.purpose) - order.indexOf(b.purpose))
    .map((d) => {
      const r = latest.get(d.purpose);
      const state = consentState(d, r);
      return {
        purpose: d.purpose,
        version: d.version,
        titleRu: d.title_ru,
        titleEn: d.title_en,
        textRu: d.text_ru,
        textEn: d.text_en,
        required: d.required,
        publishedAt: d.published_at.toISOString(),
        given: r
          ? {
              version: r.version,
              givenAt: r.given_at.toISOString(),
              withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
              guardian:
                r.guardian_name && r.guardian_contact && r.relation
                  ? { name: r.guardian_name, contact: r.guardian_contact, relation: r.relation }
                  : null,
            }
          : null,
        active: state === 'active',
        renewalNeeded: state === 'renewal_needed',
      };
    });
}
