/** Test and benchmark fixtures: an opportunity with a shift, and a volunteer's profile facts. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

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

/** A volunteer profile with a birth date and (if the column exists) skill codes. */
export async function setProfile(
  db: Db,
  userId: string,
  opts: { birthDate?: string | null; skills?: string[] },
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
}

export async function giveGuardianConsent(db: Db, userId: string) {
  await db
    .insertInto('consents')
    .values({ user_id: userId, purpose: 'guardian_consent', version: 'test', given_at: new Date() })
    .execute();
}
