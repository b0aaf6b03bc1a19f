/** Test fixtures: an opportunity with a shift, and a volunteer's profile facts. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/server/platform/db/schema.js';

type Db = Kysely<Database>;
const HOUR = 3_600_000;

export async function buildShift(
  db: Db,
  opts: {
    centerId: string;
    startsAt: Date;
    hours?: number;
    capacity?: number;
    mode?: 'auto' | 'approval';
    minAge?: number | null;
    skills?: string[];
    title?: string;
    roles?: { name: string; capacity: number }[];
  },
) {
  const opportunity = await db
    .insertInto('opportunities')
    .values({
      center_id: opts.centerId,
      title: opts.title ?? 'Субботник в парке',
      status: 'published',
      signup_mode: opts.mode ?? 'auto',
      min_age: opts.minAge ?? null,
      required_skills: opts.skills ?? [],
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const shift = await db
    .insertInto('shifts')
    .values({
      opportunity_id: opportunity.id,
      starts_at: opts.startsAt,
      ends_at: new Date(opts.startsAt.getTime() + (opts.hours ?? 3) * HOUR),
      capacity: opts.capacity ?? 3,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const roles = [];
  for (const r of opts.roles ?? []) {
    roles.push(
      await db
        .insertInto('shift_roles')
        .values({ shift_id: shift.id, name: r.name, capacity: r.capacity })
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow(),
    );
  }
  return { id: shift.id, opportunityId: opportunity.id, roles };
}

/**
 * The current `volunteering` consent document's version; publishes a test one (dated 2000) when the
 * database has none yet (test databases start without the seed's documents).
 */
export async function volunteeringDocument(db: Db): Promise<string> {
  const current = await db
    .selectFrom('consent_documents')
    .select('version')
    .where('purpose', '=', 'volunteering')
    .where('published_at', '<=', new Date())
    .orderBy('published_at', 'desc')
    .executeTakeFirst();
  if (current) return current.version;
  await db
    .insertInto('consent_documents')
    .values({
      purpose: 'volunteering',
      version: 'test-1',
      title_ru: 'Согласие на участие в добровольческой деятельности',
      title_en: 'Consent to volunteering',
      text_ru: 'Текст согласия.',
      text_en: 'Consent text.',
      published_at: new Date('2000-01-01T00:00:00Z'),
    })
    .onConflict((oc) => oc.columns(['purpose', 'version']).doNothing())
    .execute();
  return 'test-1';
}

/** Records the volunteer's consent to volunteering for the current document version. */
export async function giveVolunteeringConsent(db: Db, userId: string) {
  const version = await volunteeringDocument(db);
  await db
    .insertInto('consents')
    .values({ user_id: userId, purpose: 'volunteering', version, given_at: new Date('2020-01-01T00:00:00Z') })
    .execute();
}

/**
 * A volunteer profile with a birth date and (if the column exists) skill codes; by default also the
 * consent to volunteering (current version) that every signup needs — `consent: false` leaves it out.
 */
export async function setProfile(
  db: Db,
  userId: string,
  opts: { birthDate?: string | null; skills?: string[]; consent?: boolean },
) {
  await db
    .insertInto('volunteer_profiles')
    .values({ user_id: userId, birth_date: opts.birthDate ?? null } as never)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ birth_date: opts.birthDate ?? null } as never))
    .execute();
  if (opts.skills) {
    await sql`update volunteer_profiles set skills = ${sql.val(opts.skills)}::text[] where user_id = ${userId}`.execute(
      db,
    );
  }
  if (opts.consent !== false) {
    const live = await db
      .selectFrom('consents')
      .select('id')
      .where('user_id', '=', userId)
      .where('purpose', '=', 'volunteering')
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (!live) await giveVolunteeringConsent(db, userId);
  }
}

export async function giveGuardianConsent(db: Db, userId: string) {
  await db
    .insertInto('consents')
    .values({ user_id: userId, purpose: 'guardian_consent', version: 'test', given_at: new Date() })
    .execute();
}
