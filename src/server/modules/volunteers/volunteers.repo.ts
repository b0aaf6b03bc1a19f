/**
 * Typed SQL for volunteer profiles, the vocabularies and guardian details; it reads consent records,
 * which the accounts module writes (`consentRecords`). No rules here.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { CheckedProfile } from './profile-rules.js';

type Db = Kysely<Database>;

export function createVolunteersRepo(db: Db) {
  return {
    activeSkills: (trx: Db = db) =>
      trx
        .selectFrom('skills')
        .select(['code', 'name_ru', 'name_en'])
        .where('active', '=', true)
        .orderBy('position')
        .orderBy('code')
        .execute(),

    activeInterests: (trx: Db = db) =>
      trx
        .selectFrom('interest_categories')
        .select(['code', 'name_ru', 'name_en'])
        .where('active', '=', true)
        .orderBy('position')
        .orderBy('code')
        .execute(),

    profile: (userId: string, trx: Db = db) =>
      trx.selectFrom('volunteer_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst(),

    /** The profile row locked for a change, created empty when the volunteer has none yet. */
    lockProfile: async (userId: string, trx: Db) => {
      await trx
        .insertInto('volunteer_profiles')
        .values({ user_id: userId })
        .onConflict((oc) => oc.column('user_id').doNothing())
        .execute();
      return trx
        .selectFrom('volunteer_profiles')
        .selectAll()
        .where('user_id', '=', userId)
        .forUpdate()
        .executeTakeFirstOrThrow();
    },

    saveProfile: (userId: string, p: CheckedProfile, now: Date, trx: Db) =>
      trx
        .updateTable('volunteer_profiles')
        .set({ ...p, availability: JSON.stringify(p.availability), updated_at: now })
        .where('user_id', '=', userId)
        .execute(),

    municipalityExists: async (id: string, trx: Db = db) =>
      (await trx.selectFrom('municipalities').select('id').where('id', '=', id).executeTakeFirst()) !==
      undefined,

    centerExists: async (id: string, trx: Db = db) =>
      (await trx.selectFrom('centers').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,

    userExists: async (id: string, trx: Db = db) =>
      (await trx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,

    /**
     * Centres the volunteer belongs to by their own act: the home centre they chose and the centres of
     * squads they joined themselves. Never a relationship someone else created for them.
     */
    centersOf: async (userId: string, trx: Db = db) => {
      const [squads, profile] = await Promise.all([
        trx
          .selectFrom('squad_members as m')
          .innerJoin('squads as s', 's.id', 'm.squad_id')
          .select('s.center_id')
          .where('m.user_id', '=', userId)
          .where('m.status', '=', 'active')
          // only memberships the volunteer entered (asked, used the code, accepted an invitation); a
          // legacy row a coordinator wrote for them (`leader`, before 0016) gives nobody access
          .where('m.joined_via', 'in', ['request', 'code', 'invitation'])
          .execute(),
        trx
          .selectFrom('volunteer_profiles')
          .select('home_center_id')
          .where('user_id', '=', userId)
          .executeTakeFirst(),
      ]);
      const ids = squads.map((r) => r.center_id);
      if (profile?.home_center_id) ids.push(profile.home_center_id);
      return [...new Set(ids)];
    },

    /** Current version of each purpose: the latest published on or before `now`. */
    currentDocuments: (now: Date, trx: Db = db) =>
      trx
        .selectFrom('consent_documents as d')
        .selectAll('d')
        .where('d.published_at', '<=', now)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('consent_documents as n')
                .select('n.version')
                .whereRef('n.purpose', '=', 'd.purpose')
                .where('n.published_at', '<=', now)
                .whereRef('n.published_at', '>', 'd.published_at'),
            ),
          ),
        )
        .execute(),

    consentRecords: (userId: string, trx: Db = db) =>
      trx
        .selectFrom('consents as c')
        .leftJoin('guardian_consents as g', 'g.consent_id', 'c.id')
        .select([
          'c.id',
          'c.purpose',
          'c.version',
          'c.given_at',
          'c.withdrawn_at',
          'g.guardian_name',
          'g.guardian_contact',
          'g.relation',
        ])
        .where('c.user_id', '=', userId)
        .orderBy('c.given_at')
        .execute(),

    insertGuardian: (
      row: Database['guardian_consents'] extends infer T ? { [K in keyof T]: T[K] } : never,
      trx: Db,
    ) => trx.insertInto('guardian_consents').values(row).execute(),

    /** Sets or clears the profile photo (the row must exist: see lockProfile). */
    setPhoto: (
      userId: string,
      photo: { key: string; type: 'image/jpeg' | 'image/png' } | null,
      now: Date,
      trx: Db,
    ) =>
      trx
        .updateTable('volunteer_profiles')
        .set({ photo_key: photo?.key ?? null, photo_type: photo?.type ?? null, updated_at: now })
        .where('user_id', '=', userId)
        .execute(),
  };
}
export type VolunteersRepo = ReturnType<typeof createVolunteersRepo>;
