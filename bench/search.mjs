// Volunteer search (GET /api/public/opportunities): median latency at 10,000 published opportunities with
// 50,000 upcoming shifts (and confirmed signups on some of them), for a few typical searches, each against
// GET /api/health measured in the same run as the baseline.
// Usage: node bench/search.mjs [runs=30]   (builds first if needed; in-process, embedded database in memory)
import { sql } from 'kysely';
import pino from 'pino';
import { ensureBuilt, root } from '../scripts/build-lib.mjs';
import { distImporter, median } from './lib/util.mjs';

const RUNS = Number(process.argv[2] ?? 30);
const OPPORTUNITIES = 10_000;
const SHIFTS_PER = 5;
ensureBuilt();
const dist = distImporter(root);
const { createRuntime } = await dist('runtime.js');
const { loadConfig } = await dist('platform/config.js');
const { openPglite } = await dist('platform/db/database.js');
const { migrateToLatest } = await dist('platform/db/migrate.js');
const { seedAll } = await dist('seed/seed.js');
const { systemClock } = await dist('platform/clock.js');

const WORDS = ['волонтёры', 'субботник', 'библиотека', 'фестиваль', 'помощь', 'пожилым', 'детям', 'приюту'];

async function seedOpportunities(db) {
  const centers = await db
    .selectFrom('centers as c')
    .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
    .select(['c.id', 'c.municipality_id', 'm.lat', 'm.lon'])
    .where('c.status', '=', 'active')
    .execute();
  const categories = (await db.selectFrom('opportunity_categories').select('code').execute()).map(
    (c) => c.code,
  );
  const now = Date.now();
  for (let start = 0; start < OPPORTUNITIES; start += 1000) {
    const rows = Array.from({ length: 1000 }, (_, k) => {
      const i = start + k;
      const c = centers[i % centers.length];
      return {
        center_id: c.id,
        title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} №${i}`,
        description: `Нужны волонтеры: ${WORDS[(i * 3) % WORDS.length]}, ${WORDS[(i * 5) % WORDS.length]}.`,
        status: 'published',
        category: categories[i % categories.length],
        municipality_id: c.municipality_id,
        lat: c.lat + ((i % 100) - 50) / 1000,
        lon: c.lon + ((i % 70) - 35) / 1000,
        min_age: i % 4 === 0 ? 18 : null,
      };
    });
    const ids = await db.insertInto('opportunities').values(rows).returning('id').execute();
    const shifts = ids.flatMap((o, k) =>
      Array.from({ length: SHIFTS_PER }, (_, j) => {
        const startsAt = new Date(now + ((start + k + j * 11) % 90) * 86_400_000 + 3_600_000);
        return {
          opportunity_id: o.id,
          starts_at: startsAt,
          ends_at: new Date(startsAt.getTime() + 3 * 3_600_000),
          capacity: 5 + (k % 10),
        };
      }),
    );
    for (let i = 0; i < shifts.length; i += 1000)
      await db
        .insertInto('shifts')
        .values(shifts.slice(i, i + 1000))
        .execute();
  }
  // A confirmed signup on every tenth shift, so free places are really counted.
  const user = await db
    .insertInto('users')
    .values({
      email: 'bench-volunteer@example.ru',
      display_name: 'Замер',
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const exists = await sql`select to_regclass('signups') is not null as ok`.execute(db);
  if (exists.rows[0].ok)
    await sql`insert into signups (shift_id, user_id, status, created_at, updated_at)
      select id, ${user.id}, 'confirmed', now(), now() from shifts where ctid in
        (select ctid from shifts order by id limit ${(OPPORTUNITIES * SHIFTS_PER) / 10})`.execute(db);
  await sql`analyze`.execute(db);
}

const handle = await openPglite({ dataDir: 'memory://' });
await migrateToLatest(handle.db);
await seedAll(handle.db, systemClock, { demo: false });
const t0 = Date.now();
await seedOpportunities(handle.db);
process.stdout.write(
  `seeded ${OPPORTUNITIES} opportunities / ${OPPORTUNITIES * SHIFTS_PER} shifts in ${Date.now() - t0} ms\n`,
);
const municipality = await handle.db
  .selectFrom('opportunities')
  .select('municipality_id')
  .limit(1)
  .executeTakeFirstOrThrow();
const runtime = await createRuntime({
  config: loadConfig({ PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent' }),
  log: pino({ level: 'silent' }),
  handle,
  work: false,
  webDir: null,
});
const cases = {
  'health (baseline)': '/api/health',
  'first page, by start': '/api/public/opportunities',
  'text «волонтёры»': `/api/public/opportunities?q=${encodeURIComponent('волонтёры')}`,
  'text + municipality + free': `/api/public/opportunities?q=${encodeURIComponent('субботник')}&municipalityId=${municipality.municipality_id}&freeOnly=true`,
  'near me, by distance': '/api/public/opportunities?lat=55.35&lon=86.08&sort=distance',
  'near me, 30 km, page 5': '/api/public/opportunities?lat=55.35&lon=86.08&radiusKm=30&offset=80',
};
const results = {};
for (const [label, url] of Object.entries(cases)) {
  const times = [];
  for (let i = 0; i < RUNS + 2; i += 1) {
    const start = performance.now();
    const res = await runtime.app.inject({ method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    if (i >= 2) times.push(performance.now() - start);
  }
  results[label] = median(times);
}
await runtime.close();
await handle.close();
const base = results['health (baseline)'];
for (const [label, ms] of Object.entries(results))
  process.stdout.write(
    `${label.padEnd(30)} median ${ms.toFixed(1).padStart(7)} ms  (×${(ms / base).toFixed(1)} of health)\n`,
  );
