// What the benchmarks build straight in the database, around the services they measure: a published
// opportunity with one shift, and adult volunteers with the consent every signup needs. (The tests have
// their own fixtures in test/support; nothing of either is compiled into the server.)
import { sql } from 'kysely';

const HOUR = 3_600_000;

/** A published opportunity at the centre with one shift; returns the shift's id. */
export async function buildShift(
  db,
  { centerId, startsAt, hours = 3, capacity = 3, title = 'Субботник в парке' },
) {
  const opportunity = await db
    .insertInto('opportunities')
    .values({ center_id: centerId, title, status: 'published', signup_mode: 'auto' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return db
    .insertInto('shifts')
    .values({
      opportunity_id: opportunity.id,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + hours * HOUR),
      capacity,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The current `volunteering` consent document's version; publishes one when there is none yet. */
async function volunteeringDocument(db) {
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
      version: 'bench-1',
      title_ru: 'Согласие на участие в добровольческой деятельности',
      title_en: 'Consent to volunteering',
      text_ru: 'Текст согласия.',
      text_en: 'Consent text.',
      published_at: new Date('2000-01-01T00:00:00Z'),
    })
    .onConflict((oc) => oc.columns(['purpose', 'version']).doNothing())
    .execute();
  return 'bench-1';
}

/** Many adult volunteers at once: a profile with a birth date and the volunteering consent. */
export async function makeEligible(db, userIds) {
  if (userIds.length === 0) return;
  const version = await volunteeringDocument(db);
  await sql`insert into volunteer_profiles (user_id, birth_date)
    select u, date '1990-01-01' from unnest(${sql.val([...userIds])}::uuid[]) as u
    on conflict (user_id) do nothing`.execute(db);
  await sql`insert into consents (user_id, purpose, version, given_at)
    select u, 'volunteering', ${version}, timestamptz '2020-01-01 00:00:00+00'
    from unnest(${sql.val([...userIds])}::uuid[]) as u`.execute(db);
}

/** A region with one town, an organization and one active centre in it; returns the centre's id. */
export async function buildCenter(db, tag) {
  const one = (q) => q.returning('id').executeTakeFirstOrThrow();
  const region = await one(
    db
      .insertInto('regions')
      .values({ slug: `bench-${tag}`, name_ru: 'Регион', name_en: 'Region', timezone: 'Asia/Novokuznetsk' }),
  );
  const mun = await one(
    db.insertInto('municipalities').values({
      region_id: region.id,
      slug: `m-${tag}`,
      name_ru: 'Город',
      name_en: 'Town',
      kind: 'urban_okrug',
      admin_center_ru: 'г. Город',
      lat: 55,
      lon: 86,
    }),
  );
  const org = await one(
    db
      .insertInto('organizations')
      .values({ region_id: region.id, municipality_id: mun.id, name: 'Организация', kind: 'ngo' }),
  );
  return one(
    db
      .insertInto('centers')
      .values({ organization_id: org.id, municipality_id: mun.id, name: 'Добро.Центр', status: 'active' }),
  );
}

/** `count` verified adult volunteers with the volunteering consent, inserted 200 at a time; returns their ids. */
export async function buildVolunteers(db, { count, prefix, tag }) {
  const now = new Date();
  const users = [];
  for (let i = 0; i < count; i += 200) {
    const rows = Array.from({ length: Math.min(200, count - i) }, (_, j) => ({
      email: `${prefix}-${i + j}-${tag}@bench.example`,
      display_name: `Волонтёр ${i + j}`,
      password_hash: 'x',
      email_verified_at: now,
      created_at: now,
      updated_at: now,
    }));
    users.push(...(await db.insertInto('users').values(rows).returning('id').execute()));
  }
  // every signup checks the birth date and the consent to volunteering
  await makeEligible(
    db,
    users.map((u) => u.id),
  );
  return users.map((u) => u.id);
}
