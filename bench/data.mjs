// The benchmark data generator (issue 11): a realistic, deterministic dataset built with bulk SQL
// (generate_series, no row-by-row inserts) on top of the Kuzbass reference data, consistent with every
// constraint. Ids are md5 of a name and a number, so the same scale gives the same data, and rows find
// each other by formula instead of by lookups.
//
// Usage: npm run bench:data -- --scale demo|region|nation [--force]
//   DATABASE_URL=postgres://…  PostgreSQL (the database must hold no generated data yet)
//   DATA_DIR=dir               the embedded database (PGlite) in dir; default data-bench/<scale>
// Prints the time of each step, the row counts and the database size, and writes
// bench/results/data-<scale>-<database>.json with the accounts the benchmarks sign in with.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { hash } from '@node-rs/argon2';
import { sql } from 'kysely';
import { ensureBuilt, root } from '../scripts/build-lib.mjs';
import * as V from './data-vocabulary.mjs';
import { distImporter } from './lib/util.mjs';

export const SCALES = {
  demo: { municipalities: 0, centers: 12, volunteers: 2_000, published: 400, shifts: 2_000, signups: 20_000 },
  region: {
    municipalities: 0,
    centers: 60,
    volunteers: 100_000,
    published: 20_000,
    shifts: 100_000,
    signups: 1_000_000,
  },
  nation: {
    municipalities: 2_300,
    centers: 3_000,
    volunteers: 3_000_000,
    published: 600_000,
    shifts: 3_000_000,
    signups: 30_000_000,
  },
};
export const BENCH_PASSWORD = 'bench-password-2026';
export const BENCH_DOMAIN = 'bench.dobroset.ru';
const TZ = 'Asia/Novokuznetsk';
const CHUNK = 20_000;

const arr = (xs) => sql`${sql.val(xs)}::text[]`;
/** Deterministic uuid for the n-th row of a kind (n is an SQL expression). */
const uid = (kind, n) => sql`md5(${`dobroset-bench-${kind}-`} || (${n})::text)::uuid`;
/** The n-th element (0-based, any integer SQL expression) of a text array. */
const pick = (xs, n) => sql`(${arr(xs)})[1 + ((${n}) % ${xs.length})]`;

function parseArgs(argv) {
  const scale = argv[argv.indexOf('--scale') + 1];
  if (!argv.includes('--scale') || !SCALES[scale]) {
    process.stderr.write('Usage: npm run bench:data -- --scale demo|region|nation [--force]\n');
    process.exit(2);
  }
  return { scale, force: argv.includes('--force') };
}

export async function generate({ db, scale, isPostgres, log = () => {} }) {
  const size = SCALES[scale];
  const steps = [];
  const step = async (name, fn) => {
    const started = performance.now();
    await fn();
    const seconds = (performance.now() - started) / 1000;
    steps.push({ name, seconds: Number(seconds.toFixed(2)) });
    log(`  ${name.padEnd(28)} ${seconds.toFixed(1)} s`);
  };
  const passwordHash = await hash(BENCH_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2 });
  const region = (await sql`select id from regions order by created_at limit 1`.execute(db)).rows[0];
  if (!region) throw new Error('No region: the reference data was not seeded.');
  const regionId = region.id;
  const base = sql`(now() at time zone ${TZ})::date`;

  await db.connection().execute(async (c) => {
    // the counters and rollups the triggers keep (migration 0021) are computed once at the end instead
    await sql`select set_config('dobroset.bulk_load', 'on', false)`.execute(c);
    await step('municipalities', async () => {
      if (!size.municipalities) return;
      // more places across the country: lat 43–68, lon 28–170, one region row keeps the app's assumptions
      await sql`insert into municipalities (region_id, slug, name_ru, name_en, kind, admin_center_ru, lat, lon, population)
        select ${regionId}, 'bench-m-' || i, 'Муниципальный округ № ' || i, 'Municipal okrug ' || i,
          (array['urban_okrug','municipal_okrug','municipal_district'])[1 + i % 3], 'с. Центральное-' || i,
          43 + (i::bigint * 7919 % 2500) / 100.0, 28 + (i::bigint * 104729 % 14200) / 100.0, 2000 + (i * 37 % 300000)
        from generate_series(1, ${sql.lit(size.municipalities)} - (select count(*)::int from municipalities)) i`.execute(
        c,
      );
    });
    await sql`create temp table g_mun as select row_number() over (order by slug)::int - 1 as n, id, lat, lon
      from municipalities where effective_to is null`.execute(c);
    const municipalities = Number((await sql`select count(*)::int as n from g_mun`.execute(c)).rows[0].n);
    // the reference data has centres already: the scale counts them
    const existing = Number((await sql`select count(*)::int as n from centers`.execute(c)).rows[0].n);
    const nCenters = Math.max(1, size.centers - existing);

    await step('centres and staff', async () => {
      await sql`insert into organizations (id, region_id, municipality_id, name, kind)
        select ${uid('org', sql`i`)}, ${regionId}, m.id, 'МБУ «Молодёжный центр № ' || i || '»', 'youth_policy'
        from generate_series(0, ${sql.lit(nCenters - 1)}) i join g_mun m on m.n = i % ${sql.lit(municipalities)}`.execute(
        c,
      );
      await sql`insert into centers (id, organization_id, municipality_id, name, status, address, lat, lon, opened_on)
        select ${uid('center', sql`i`)}, ${uid('org', sql`i`)}, m.id, 'Добро.Центр № ' || i,
          case when i % 29 = 28 then 'suspended' else 'active' end, 'ул. Ленина, д. ' || (1 + i % 120),
          m.lat + (i % 7) / 1000.0, m.lon + (i % 5) / 1000.0, date '2022-01-01' + (i % 1000)
        from generate_series(0, ${sql.lit(nCenters - 1)}) i join g_mun m on m.n = i % ${sql.lit(municipalities)}`.execute(
        c,
      );
      await sql`create temp table g_center as select i as n, ${uid('center', sql`i`)} as id, m.id as municipality_id,
          m.lat, m.lon
        from generate_series(0, ${sql.lit(nCenters - 1)}) i join g_mun m on m.n = i % ${sql.lit(municipalities)}`.execute(
        c,
      );
      await sql`insert into users (id, email, password_hash, display_name, email_verified_at, created_at, updated_at)
        select ${uid('staff', sql`i`)},
          case when i < 0 then 'operator@' else 'coordinator-' || i || '@' end || ${BENCH_DOMAIN},
          ${passwordHash}, case when i < 0 then 'Оператор региона' else 'Координатор центра № ' || i end,
          now(), now(), now()
        from generate_series(-1, ${sql.lit(nCenters - 1)}) i`.execute(c);
      await sql`insert into role_assignments (user_id, role, scope_type, scope_id)
        select ${uid('staff', sql`i`)}, case when i < 0 then 'regional_admin' else 'center_coordinator' end,
          case when i < 0 then 'region' else 'center' end,
          case when i < 0 then ${regionId}::uuid else ${uid('center', sql`i`)} end
        from generate_series(-1, ${sql.lit(nCenters - 1)}) i`.execute(c);
    });

    await step('volunteers', async () => {
      for (let from = 0; from < size.volunteers; from += CHUNK * 5) {
        const to = Math.min(size.volunteers, from + CHUNK * 5) - 1;
        await sql`create temp table g_v as
          select i, ${uid('user', sql`i`)} as id, i % 2 = 0 as female,
            case when i % 3 = 0 then 14 + i % 8 else 18 + (i * 37) % 63 end as age
          from generate_series(${sql.lit(from)}, ${sql.lit(to)}) i`.execute(c);
        await sql`insert into users (id, email, password_hash, display_name, email_verified_at, created_at, updated_at)
          select id, 'v' || i || '@' || ${BENCH_DOMAIN}, ${passwordHash},
            case when female then ${pick(V.FIRST_NAMES_F, sql`i / 2`)} else ${pick(V.FIRST_NAMES_M, sql`i / 2`)} end
              || ' ' || left(${pick(V.LAST_NAMES, sql`i / 7`)}, 1) || '.',
            now(), now() - (i % 700) * interval '1 day', now()
          from g_v`.execute(c);
        await sql`insert into role_assignments (user_id, role, scope_type) select id, 'volunteer', 'self' from g_v`.execute(
          c,
        );
        await sql`insert into volunteer_profiles (user_id, birth_date, profession, municipality_id, full_name, skills,
            languages, home_lat, home_lon, interests, home_center_id)
          select v.id, ${base} - make_interval(years => v.age, days => v.i % 365),
            case when v.age < 18 then 'школьник' else ${pick(V.PROFESSIONS, sql`v.i / 3`)} end, c.municipality_id,
            ${pick(V.LAST_NAMES, sql`v.i / 7`)} || case when v.female then 'а ' else ' ' end
              || case when v.female then ${pick(V.FIRST_NAMES_F, sql`v.i / 2`)} || ' ' || ${pick(V.PATRONYMICS_F, sql`v.i / 11`)}
                 else ${pick(V.FIRST_NAMES_M, sql`v.i / 2`)} || ' ' || ${pick(V.PATRONYMICS_M, sql`v.i / 11`)} end,
            coalesce((select array_agg(code order by code) from (select code, row_number() over (order by code) - 1 as k
              from skills) s where k in (v.i % 20, (v.i / 20) % 20) and v.i % 4 <> 0), '{}'),
            array['ru'] || case when v.i % 10 = 0 then array['en'] else '{}'::text[] end,
            c.lat + ((v.i::bigint * 7919) % 2000 - 1000) / 20000.0, c.lon + ((v.i::bigint * 104729) % 2000 - 1000) / 12000.0,
            array[${pick(V.INTERESTS, sql`v.i`)}], c.id
          from g_v v join g_center c on c.n = v.i % ${sql.lit(nCenters)}`.execute(c);
        await sql`insert into consents (id, user_id, purpose, version, given_at)
          select ${uid('consent', sql`i`)}, id, 'volunteering', '2025-09-01', now() - (i % 600) * interval '1 day'
          from g_v`.execute(c);
        await sql`insert into consents (id, user_id, purpose, version, given_at)
          select ${uid('guardian', sql`i`)}, id, 'guardian_consent', '2025-09-01', now() - (i % 600) * interval '1 day'
          from g_v where age < 18`.execute(c);
        await sql`insert into guardian_consents (consent_id, guardian_name, guardian_contact, relation)
          select ${uid('guardian', sql`i`)}, ${pick(V.LAST_NAMES, sql`i / 7`)} || 'а ' || ${pick(V.FIRST_NAMES_F, sql`i / 5`)},
            '+7 900 ' || lpad((i % 10000000)::text, 7, '0'), 'parent'
          from g_v where age < 18`.execute(c);
        await sql`drop table g_v`.execute(c);
      }
    });

    await step('squads', async () => {
      await sql`insert into squads (id, center_id, name, focus, invite_code)
        select ${uid('squad', sql`c.n * 5 + k`)}, c.id, 'Отряд «' || ${pick(V.SQUADS, sql`c.n + k`)} || '» № ' || (c.n * 5 + k),
          ${pick(V.INTERESTS, sql`k`)}, upper(left(md5('squad-code-' || (c.n * 5 + k)), 10))
        from g_center c cross join generate_series(0, 4) k`.execute(c);
      await sql`insert into squad_members (squad_id, user_id, status, joined_via, requested_at, decided_at)
        select ${uid('squad', sql`c.n * 5 + k`)}, ${uid('user', sql`c.n + ${sql.lit(nCenters)} * (k * 20 + j)`)}, 'active', 'code',
          now() - interval '100 days', now() - interval '100 days'
        from g_center c cross join generate_series(0, 4) k cross join generate_series(0, 19) j
        where c.n + ${sql.lit(nCenters)} * (k * 20 + j) < ${sql.lit(size.volunteers)}`.execute(c);
    });

    const categories = Object.keys(V.TITLES);
    const total = Math.round(size.published * 1.1);
    await step('opportunities', async () => {
      const activities = categories.map((k) => V.TITLES[k][0].join('|'));
      const places = categories.map((k) => V.TITLES[k][1].join('|'));
      for (let from = 0; from < total; from += CHUNK) {
        const to = Math.min(total, from + CHUNK) - 1;
        await sql`insert into opportunities (id, center_id, title, description, status, signup_mode, min_age,
            required_skills, category, municipality_id, address, lat, lon, is_online, contact, created_at, updated_at)
          select ${uid('opportunity', sql`o`)}, c.id,
            split_part((${arr(activities)})[1 + cat], '|', 1 + o / 14 % 5) || ' '
              || split_part((${arr(places)})[1 + cat], '|', 1 + o / 70 % 4),
            ${pick(V.SENTENCES, sql`o`)} || ' ' || ${pick(V.SENTENCES, sql`o / 3 + 4`)} || ' '
              || ${pick(V.SENTENCES, sql`o / 7 + 8`)} || ' ' || ${pick(V.EXTRA, sql`o / 11`)},
            case when o < ${sql.lit(size.published)} then 'published' when o % 10 < 5 then 'draft'
              when o % 10 < 9 then 'completed' else 'cancelled' end,
            case when o % 10 = 3 then 'approval' else 'auto' end,
            case when o % 5 = 0 then 18 when o % 7 = 0 then 16 end,
            case when o % 6 = 0 then array[(select code from skills order by code offset (o / 6) % 20 limit 1)]
              else '{}'::text[] end,
            (${arr(categories)})[1 + cat], c.municipality_id,
            case when cat = 13 then null else 'ул. ' || ${pick(V.STREETS, sql`o`)} || ', ' || (1 + o % 90) end,
            case when cat = 13 then null else c.lat + ((o::bigint * 7919) % 1000 - 500) / 10000.0 end,
            case when cat = 13 then null else c.lon + ((o::bigint * 104729) % 1000 - 500) / 6000.0 end,
            cat = 13, '+7 3842 ' || lpad((o % 1000000)::text, 6, '0'), now() - (o % 200) * interval '1 day', now()
          from (select o, o % 14 as cat from generate_series(${sql.lit(from)}, ${sql.lit(to)}) o) g
          join g_center c on c.n = g.o % ${sql.lit(nCenters)}`.execute(c);
      }
    });

    await step('shifts', async () => {
      await sql`create temp table g_shift as
        select k, ${uid('shift', sql`k`)} as id, ${uid('opportunity', sql`k % ${sql.lit(total)}`)} as opportunity_id,
          ((${base} + ((k * 37 + k / ${sql.lit(total)} * 11) % 181 - 90)) + make_time(9 + k * 7 % 9, 0, 0)) at time zone ${TZ} as starts_at,
          2 + k % 3 as hours, 5 + k * 7 % 26 as capacity, k % 33 = 0 as cancelled, (k % ${sql.lit(total)}) % 10 = 3 as approval,
          (k * 13) % 21 as wanted
        from generate_series(0, ${sql.lit(size.shifts - 1)}) k`.execute(c);
      await sql`insert into shifts (id, opportunity_id, starts_at, ends_at, capacity, status)
        select id, opportunity_id, starts_at, starts_at + hours * interval '1 hour', capacity,
          case when cancelled then 'cancelled' else 'scheduled' end
        from g_shift`.execute(c);
    });

    await step('signups', async () => {
      const perShift = size.signups / size.shifts;
      for (let from = 0; from < size.shifts; from += CHUNK) {
        const to = Math.min(size.shifts, from + CHUNK) - 1;
        await sql`insert into signups (shift_id, user_id, status, offered_until, cancelled_by, created_by, created_at,
            updated_at, checked_in_at, checked_out_at, check_in_method, reminded_24h_at, reminded_2h_at)
          select s.id, ${uid('user', sql`(s.k::bigint * 7919 + j * 4729) % ${sql.lit(size.volunteers)}`)}, st.status,
            case when st.status = 'offered' then now() + interval '12 hours' end,
            case when st.status = 'cancelled' then case when s.cancelled or past then 'system' else 'volunteer' end end,
            ${uid('user', sql`(s.k::bigint * 7919 + j * 4729) % ${sql.lit(size.volunteers)}`)},
            s.starts_at - (1 + j % 14) * interval '1 day', s.starts_at - (1 + j % 14) * interval '1 day',
            case when st.status = 'attended' then s.starts_at + (j % 10) * interval '1 minute' end,
            case when st.status = 'attended' then s.starts_at + s.hours * interval '1 hour' end,
            case when st.status = 'attended' then case when j % 2 = 0 then 'qr' else 'desk' end end,
            -- the reminders a running platform would have sent by now (the sweep sends the rest)
            case when s.starts_at < now() + interval '24 hours' then s.starts_at - interval '24 hours' end,
            case when s.starts_at < now() + interval '2 hours' then s.starts_at - interval '2 hours' end
          from (select *, starts_at < now() as past from g_shift where k between ${sql.lit(from)} and ${sql.lit(to)}) s
          cross join lateral generate_series(0, (s.wanted * ${sql.lit(perShift / 10)})::int - 1) j
          cross join lateral (select case
            when s.cancelled then 'cancelled'
            when s.past and j >= s.capacity then 'cancelled'
            when s.past then case when j % 9 = 8 then 'cancelled' when j % 7 = 6 then 'no_show' else 'attended' end
            when j % 9 = 8 and j < s.capacity then 'cancelled'
            when j < s.capacity then case when s.approval and j % 2 = 1 then 'applied' else 'confirmed' end
            when j = s.capacity and s.capacity >= 9 and s.k % 50 = 0 then 'offered'
            else 'waitlisted' end as status) st`.execute(c);
      }
      await sql`insert into shift_walk_ins (shift_id, full_name, checked_in_at, checked_out_at, created_at)
        select s.id, ${pick(V.LAST_NAMES, sql`s.k + w`)} || ' ' || ${pick(V.FIRST_NAMES_M, sql`s.k / 3 + w`)},
          s.starts_at + interval '5 minutes', s.starts_at + s.hours * interval '1 hour', s.starts_at
        from g_shift s cross join generate_series(0, 1) w
        where s.starts_at < now() and not s.cancelled and s.k % 10 = 0 and s.wanted + 2 < s.capacity`.execute(
        c,
      );
    });

    await step('counters and rollups', async () => {
      await sql`select recompute_rollups()`.execute(c);
      await sql`select set_config('dobroset.bulk_load', '', false)`.execute(c);
    });
    await step('analyze', async () => {
      await sql`analyze`.execute(c);
    });
  });

  const counts = {};
  for (const t of [
    'municipalities',
    'centers',
    'users',
    'opportunities',
    'shifts',
    'signups',
    'squad_members',
  ]) {
    counts[t] = Number((await sql`select count(*)::int as n from ${sql.table(t)}`.execute(db)).rows[0].n);
  }
  const bytes = isPostgres
    ? Number((await sql`select pg_database_size(current_database())::bigint as b`.execute(db)).rows[0].b)
    : null;
  return { steps, counts, bytes };
}

async function main() {
  const { scale, force } = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL || null;
  if (scale === 'nation' && !databaseUrl) {
    process.stderr.write('The nation scale needs PostgreSQL: set DATABASE_URL.\n');
    process.exit(2);
  }
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, 'data-bench', scale));
  ensureBuilt();
  const dist = distImporter(root);
  const { openDatabase, UNBOUNDED_TIMEOUTS } = await dist('platform/db/database.js');
  const { migrateToLatest } = await dist('platform/db/migrate.js');
  const { seedAll } = await dist('seed/seed.js');
  const { systemClock } = await dist('platform/clock.js');

  const started = performance.now();
  const handle = await openDatabase({
    dataDir,
    databaseUrl,
    lockCommand: 'bench:data',
    timeouts: UNBOUNDED_TIMEOUTS,
  });
  try {
    const { db } = handle;
    await migrateToLatest(db);
    await seedAll(db, systemClock, { demo: false });
    const existing =
      await sql`select count(*)::int as n from users where email like ${`%@${BENCH_DOMAIN}`}`.execute(db);
    if (Number(existing.rows[0].n) > 0 && !force) {
      process.stderr.write('This database already holds generated data (use a new one).\n');
      process.exitCode = 1;
      return;
    }
    const where = databaseUrl ? 'PostgreSQL' : `PGlite in ${path.relative(root, dataDir) || dataDir}`;
    process.stdout.write(`Generating the ${scale} dataset into ${where}…\n`);
    const result = await generate({
      db,
      scale,
      isPostgres: Boolean(databaseUrl),
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const seconds = (performance.now() - started) / 1000;
    const bytes = result.bytes ?? dirBytes(path.join(dataDir, 'pgdata'));
    const summary = {
      scale,
      database: databaseUrl ? 'postgres' : 'pglite',
      generatedAt: new Date().toISOString(),
      seconds: Number(seconds.toFixed(1)),
      databaseBytes: bytes,
      ...result,
      accounts: {
        password: BENCH_PASSWORD,
        operator: `operator@${BENCH_DOMAIN}`,
        coordinator: `coordinator-0@${BENCH_DOMAIN}`,
        volunteer: `v0@${BENCH_DOMAIN}`,
        volunteerPattern: `v<n>@${BENCH_DOMAIN}`,
      },
    };
    process.stdout.write(`${JSON.stringify(result.counts)}\n`);
    process.stdout.write(`Done in ${seconds.toFixed(1)} s; database ${(bytes / 2 ** 20).toFixed(0)} MiB.\n`);
    fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'bench/results', `data-${scale}-${summary.database}.json`),
      `${JSON.stringify(summary, null, 2)}\n`,
    );
  } finally {
    await handle.close();
  }
}

function dirBytes(dir) {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirBytes(p) : fs.statSync(p).size;
  }
  return total;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
