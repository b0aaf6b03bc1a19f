/** A volunteer's own profile, the vocabularies for its form, and the profile as coordinators see it. */
import type { Kysely } from 'kysely';
import type { UpdateProfileBody } from '../../../shared/contracts/volunteers.js';
import { localDay } from '../../../shared/time-zone.js';
import type { AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { beginEdit } from '../../platform/db/versions.js';
import { type FieldIssue, invalid, notFound } from '../../platform/errors.js';
import type { IfMatch } from '../../platform/http/etag.js';
import { eligibility } from './consent-rules.js';
import { checkProfile } from './profile-rules.js';
import { profileAccess } from './volunteers.policy.js';
import { toCoordinatorProfile, toOwnProfile } from './volunteers.presenter.js';
import type { VolunteersRepo } from './volunteers.repo.js';

export function createProfilesService(deps: {
  db: Kysely<Database>;
  repo: VolunteersRepo;
  clock: Clock;
  audit: AuditWriter;
  /** The region's time zone: ages and age groups change on the region's date, not UTC's. */
  timeZone: () => Promise<string>;
}) {
  const { db, repo, clock, audit } = deps;
  const today = async () => localDay(clock.now(), await deps.timeZone());

  /** Whether the user may volunteer today and what is missing (profile, consent, guardian consent). */
  async function eligibilityOf(userId: string) {
    const [profile, documents, records] = await Promise.all([
      repo.profile(userId),
      repo.currentDocuments(clock.now()),
      repo.consentRecords(userId),
    ]);
    return eligibility({
      birthDate: profile?.birth_date ?? null,
      today: await today(),
      documents,
      records,
    });
  }

  async function own(userId: string) {
    const profile = await repo.profile(userId);
    return { profile: toOwnProfile(userId, profile, await today(), await eligibilityOf(userId)) };
  }

  return {
    eligibilityOf,

    async vocabulary() {
      const [skills, interests] = await Promise.all([repo.activeSkills(), repo.activeInterests()]);
      const item = (r: { code: string; name_ru: string; name_en: string }) => ({
        code: r.code,
        nameRu: r.name_ru,
        nameEn: r.name_en,
      });
      return { skills: skills.map(item), interests: interests.map(item) };
    },

    async mine(actor: Actor) {
      return own(requireUser(actor).userId);
    },

    /**
     * Saves the whole form. Names in any script; under 14 and future birth dates are refused; unknown
     * skill or interest codes, municipality or centre are field errors and nothing is written.
     */
    async update(actor: Actor, body: UpdateProfileBody, ifMatch?: IfMatch) {
      const user = requireUser(actor);
      const [skills, interests] = await Promise.all([repo.activeSkills(), repo.activeInterests()]);
      const { profile, errors } = checkProfile(
        body,
        { skills: new Set(skills.map((s) => s.code)), interests: new Set(interests.map((s) => s.code)) },
        await today(),
      );
      const refs: FieldIssue[] = [];
      if (profile.municipality_id && !(await repo.municipalityExists(profile.municipality_id))) {
        refs.push({
          field: 'municipalityId',
          code: 'unknown_municipality',
          message: 'Unknown municipality.',
        });
      }
      if (profile.home_center_id && !(await repo.centerExists(profile.home_center_id))) {
        refs.push({ field: 'homeCenterId', code: 'unknown_home_center', message: 'Unknown centre.' });
      }
      if (errors.length || refs.length) {
        throw invalid('volunteer_profile_invalid', 'Please check the profile fields.', [...errors, ...refs]);
      }
      await db.transaction().execute(async (trx) => {
        const before = await repo.lockProfile(user.userId, trx);
        await beginEdit(trx, 'volunteer_profiles', { column: 'user_id', value: user.userId }, ifMatch);
        await repo.saveProfile(user.userId, profile, clock.now(), trx);
        const changed = (Object.keys(profile) as (keyof typeof profile)[]).filter(
          (k) => JSON.stringify(before[k]) !== JSON.stringify(profile[k]),
        );
        await audit.record(trx, {
          actorId: user.userId,
          action: 'volunteer.profile_updated',
          target: 'volunteer_profile',
          targetId: user.userId,
          data: { fields: changed },
        });
      });
      return own(user.userId);
    },

    /** Another person's view: own-centre coordinators, other coordinators (chosen fields), else 404. */
    async view(actor: Actor, userId: string) {
      const viewer = requireUser(actor);
      const [profile, centerIds] = await Promise.all([repo.profile(userId), repo.centersOf(userId)]);
      const access = profileAccess(actor, { userId, centerIds });
      if (!profile || access === 'none') throw notFound('volunteer');
      if (access === 'self') {
        return { profile: toCoordinatorProfile(profile, 'own_center', await today()) };
      }
      await audit.record(db, {
        actorId: viewer.userId,
        action: 'volunteer.profile_viewed',
        target: 'volunteer_profile',
        targetId: userId,
        data: { access },
      });
      return { profile: toCoordinatorProfile(profile, access, await today()) };
    },
  };
}
export type ProfilesService = ReturnType<typeof createProfilesService>;
