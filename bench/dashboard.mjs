// The operator's dashboard API (GET /api/plan/dashboard): median latency on the seeded Kuzbass region and
// on a synthetic larger network (300 municipalities with 20 mergers, 1,000 centres with status histories,
// 500 applications), each against GET /api/health measured in the same run as the baseline.
// Usage: node bench/dashboard.mjs [runs=30]   (builds first if needed; in-process, embedded database in memory)
import pino from 'pino';
import { ensureBuilt, root } from '../scripts/build-lib.mjs';
import { freePort } from './lib/server.mjs';
import { distImporter, median } from './lib/util.mjs';

const RUNS = Number(process.argv[2] ?? 30);
ensureBuilt();
const dist = distImporter(root);
const { createRuntime } = await dist('runtime.js');
const { loadConfig } = await dist('platform/config.js');
const { openPglite } = await dist('platform/db/database.js');
const { migrateToLatest } = await dist('platform/db/migrate.js');
const { seedAll } = await dist('seed/seed.js');
const { systemClock } = await dist('platform/clock.js');

const EMAIL = 'bench-operator@example.ru';
const PASSWORD = 'Скамейка-замер-2026!';

/** A region of 300 municipalities (20 merged into others in 2024), 1,000 centres, 500 applications. */
async function seedSynthetic(db) {
  const region = await db
    .insertInto('regions')
    .values({
      slug: 'synthetic',
      name_ru: 'Синтетический регион',
      name_en: 'Synthetic region',
      timezone: 'Asia/Novokuznetsk',
      population: 3_000_000,
      program_since: 2021,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const municipalities = await db
    .insertInto('municipalities')
    .values(
      Array.from({ length: 300 }, (_, i) => ({
        region_id: region.id,
        slug: `m-${i + 1}`,
        name_ru: `Муниципалитет ${i + 1}`,
        name_en: `Municipality ${i + 1}`,
        kind: 'municipal_okrug',
        admin_center_ru: 'г. Синтетика',
        lat: 54 + (i % 30) / 10,
        lon: 86 + Math.floor(i / 30) / 10,
        population: 2000 + i * 37,
        effective_to: i >= 280 ? '2024-06-01' : null,
      })),
    )
    .returning('id')
    .execute();
  for (let i = 280; i < 300; i += 1) {
    const change = await db
      .insertInto('municipality_changes')
      .values({ region_id: region.id, kind: 'merger', effective_on: '2024-06-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('municipality_lineage')
      .values({
        change_id: change.id,
        predecessor_id: municipalities[i].id,
        successor_id: municipalities[i - 280].id,
      })
      .execute();
  }
  const orgs = await db
    .insertInto('organizations')
    .values(
      municipalities.map((m, i) => ({
        region_id: region.id,
        municipality_id: m.id,
        name: `Организация ${i + 1}`,
        kind: 'education',
      })),
    )
    .returning(['id', 'municipality_id'])
    .execute();
  const day = (base, days) =>
    new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const centers = await db
    .insertInto('centers')
    .values(
      Array.from({ length: 1000 }, (_, i) => {
        const org = orgs[(i * 7) % 300];
        return {
          organization_id: org.id,
          municipality_id: org.municipality_id,
          name: `Центр ${i + 1}`,
          status: i % 10 === 0 ? 'closed' : i % 3 === 0 ? 'suspended' : 'active',
          opened_on: day('2021-01-10', (i * 13) % 2000),
        };
      }),
    )
    .returning(['id', 'status', 'opened_on'])
    .execute();
  const events = [];
  for (const [i, c] of centers.entries()) {
    const at = (days) => new Date(Date.parse(`${day(c.opened_on, days)}T05:00:00Z`));
    if (i % 3 === 0) {
      events.push({
        center_id: c.id,
        from_status: 'active',
        to_status: 'suspended',
        comment: 'ремонт',
        at: at(60),
      });
      if (c.status !== 'suspended')
        events.push({ center_id: c.id, from_status: 'suspended', to_status: 'active', at: at(120) });
    }
    if (c.status === 'closed')
      events.push({
        center_id: c.id,
        from_status: 'active',
        to_status: 'closed',
        comment: 'закрыт',
        at: at(200),
      });
  }
  for (let i = 0; i < events.length; i += 500)
    await db
      .insertInto('center_status_events')
      .values(events.slice(i, i + 500))
      .execute();
  const stages = [
    'submitted',
    'interview_and_documents',
    'acceleration',
    'licence_agreement',
    'preparation',
    'changes_requested',
  ];
  await db
    .insertInto('center_applications')
    .values(
      Array.from({ length: 500 }, (_, i) => {
        const org = orgs[(i * 11) % 300];
        return {
          organization_id: org.id,
          municipality_id: org.municipality_id,
          stage: stages[i % stages.length],
          stage_since: day('2026-01-01', -(i % 200)),
          ...(i % 5 === 0 ? { expected_opening_on: day('2026-06-01', i % 400) } : {}),
        };
      }),
    )
    .execute();
  for (const [kind, due, target] of [
    ['active_centers', '2026-12-31', 900],
    ['active_centers', '2027-12-31', 1200],
    ['municipal_coverage', '2027-12-31', 280],
  ]) {
    await db
      .insertInto('rollout_targets')
      .values({ region_id: region.id, kind, due_date: due, target })
      .execute();
  }
  return region.id;
}

async function measure(label, prepare) {
  const handle = await openPglite({ dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  const regionId = await prepare(handle.db);
  const port = await freePort();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  const runtime = await createRuntime({
    config,
    log: pino({ level: 'silent' }),
    handle,
    work: false,
    webDir: null,
  });
  await runtime.app.listen({ host: '127.0.0.1', port });
  await runtime.services.accounts.createRegionalAdmin({
    email: EMAIL,
    displayName: 'Bench',
    password: PASSWORD,
    regionId,
  });
  const base = `http://127.0.0.1:${port}`;
  const headers = { 'content-type': 'application/json', 'x-requested-with': 'dobroset' };
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const time = async (urlPath) => {
    const times = [];
    let body = null;
    for (let i = 0; i < RUNS + 3; i += 1) {
      const t0 = performance.now();
      const res = await fetch(`${base}${urlPath}`, { headers: { ...headers, cookie } });
      body = await res.json();
      if (!res.ok) throw new Error(`${urlPath}: ${res.status} ${JSON.stringify(body)}`);
      if (i >= 3) times.push(performance.now() - t0); // three warm-up requests
    }
    return { ms: median(times), body };
  };
  const health = await time('/api/health');
  const dashboard = await time('/api/plan/dashboard');
  await runtime.close();
  await handle.close();
  const d = dashboard.body;
  return {
    label,
    health: health.ms,
    dashboard: dashboard.ms,
    size: `${d.actual.municipalitiesTotal} mun., ${d.actual.activeCenters} active, ${d.pipeline.length} apps, ${d.series.length} months`,
  };
}

const rows = [
  await measure('Kuzbass (seeded)', async (db) => {
    await seedAll(db, systemClock, { demo: false });
    return (await db.selectFrom('regions').select('id').executeTakeFirstOrThrow()).id;
  }),
  await measure('synthetic', seedSynthetic),
];
const fmt = (x) => x.toFixed(1).padStart(8);
console.log(`\nGET /api/plan/dashboard, median of ${RUNS} (ms), baseline GET /api/health in the same run\n`);
console.log(
  `${'network'.padEnd(18)} ${'health'.padStart(8)} ${'dashboard'.padStart(9)} ${'×health'.padStart(8)}  data`,
);
for (const r of rows) {
  console.log(
    `${r.label.padEnd(18)} ${fmt(r.health)} ${fmt(r.dashboard).padStart(9)} ${(r.dashboard / r.health).toFixed(1).padStart(8)}  ${r.size}`,
  );
}
