// Phase 1 of `npm run bench`, in the runner's own process: the ids of what is measured, fixtures (burst
// shifts, a check-in desk), sessions, and the SQL each request runs (recorded for the same-SQL baseline).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { replayPlan } from './baseline.mjs';
import { captureRequest, createInProcessApp, openRecordingHandle } from './capture.mjs';

const BENCH_DOMAIN = 'bench.dobroset.ru';

/** The name of the recorded signup that the bursts' baseline replays. */
export const SIGNUP_PLAN = 'signup: one signup';
const CSRF = { 'x-requested-with': 'dobroset' };

async function findIds(db) {
  const one = async (query) => (await query.execute(db)).rows[0];
  const coordinator = await one(sql`select u.id, ra.scope_id as center_id from users u
    join role_assignments ra on ra.user_id = u.id and ra.role = 'center_coordinator'
    where u.email = ${`coordinator-0@${BENCH_DOMAIN}`}`);
  const operator = await one(sql`select id from users where email = ${`operator@${BENCH_DOMAIN}`}`);
  const volunteer = await one(sql`select id from users where email = ${`v0@${BENCH_DOMAIN}`}`);
  if (!coordinator || !operator || !volunteer)
    throw new Error(`The accounts of bench/data.mjs are missing: run it with --scale ${scale} first`);
  const center = await one(sql`select c.id, c.municipality_id, m.slug from centers c
    join municipalities m on m.id = c.municipality_id where c.id = ${coordinator.center_id}`);
  const kemerovo =
    (await one(sql`select id, lat, lon from municipalities where name_ru like 'Кемеровский%' limit 1`)) ??
    (await one(sql`select id, lat, lon from municipalities where lat is not null limit 1`));
  // the roster: the centre's upcoming shift with the most signups
  const rosterShift = await one(sql`select s.id, count(g.id)::int as n from shifts s
    join opportunities o on o.id = s.opportunity_id
    left join signups g on g.shift_id = s.id
    where o.center_id = ${center.id} and s.starts_at > now() and s.status = 'scheduled'
      and o.title not like 'Замер:%'
    group by s.id order by count(g.id) desc, s.id limit 1`);
  const round = await one(sql`select id from monitoring_rounds order by created_at desc limit 1`).catch(
    () => undefined,
  );
  const volunteers = Number(
    (await one(sql`select count(*)::int as n from users where email like ${`v%@${BENCH_DOMAIN}`}`)).n,
  );
  return { coordinator, operator, volunteer, center, kemerovo, rosterShift, round, volunteers };
}

/** v<from>…v<from+count-1>: their user ids, in that order. */
async function volunteerIds(db, from, count) {
  const emails = Array.from({ length: count }, (_, i) => `v${from + i}@${BENCH_DOMAIN}`);
  const rows = (
    await sql`select id, email from users where email = any(${sql.val(emails)}::text[])`.execute(db)
  ).rows;
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  return emails.map((e) => byEmail.get(e)).filter(Boolean);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A published auto-signup opportunity at the centre with `count` shifts from `startsAt`, a minute apart. */
async function buildShifts(db, { centerId, title, startsAt, hours, capacity, count, stepMs = 60_000 }) {
  const opp = (
    await sql`insert into opportunities (center_id, title, description, status, signup_mode)
      values (${centerId}, ${title}, 'Замер нагрузки (npm run bench).', 'published', 'auto') returning id`.execute(
      db,
    )
  ).rows[0];
  const rows = (
    await sql`insert into shifts (opportunity_id, starts_at, ends_at, capacity)
      select ${opp.id}, ${startsAt}::timestamptz + i * ${`${stepMs} milliseconds`}::interval,
        ${startsAt}::timestamptz + i * ${`${stepMs} milliseconds`}::interval + ${`${hours} hours`}::interval, ${capacity}
      from generate_series(0, ${count - 1}) i order by i returning id`.execute(db)
  ).rows;
  return rows.map((r) => r.id);
}

/**
 * `run`: { root, databaseUrl, dataDir, poolSize, opts, wanted(name), log(line), setHandle(handle | null) } —
 * setHandle lets the runner close the recording connection if it is stopped meanwhile.
 */
export async function prepare(run) {
  const { root, databaseUrl, dataDir, poolSize: POOL_SIZE, opts, wanted } = run;
  const { handle, recorder } = await openRecordingHandle({ root, databaseUrl, dataDir, poolSize: POOL_SIZE });
  run.setHandle(handle);
  const runtime = await createInProcessApp({ root, handle, env: { DATABASE_POOL_SIZE: String(POOL_SIZE) } });
  try {
    const { db } = handle;
    if (!databaseUrl) {
      // The embedded database as its maintenance job leaves it (PostgreSQL has autovacuum all along):
      // without it, a data directory that earlier runs filled is measured with its dead rows.
      const { maintain } = await import(
        pathToFileURL(path.join(root, 'dist/server/platform/db/maintenance.js')).href
      );
      const started = performance.now();
      const done = await maintain(db, { analyzeFirst: true });
      run.log(
        `embedded maintenance: ${done.filter((t) => t.vacuum).length} tables vacuumed, ` +
          `${done.filter((t) => !t.vacuum).length} analyzed, ${Math.round(performance.now() - started)} ms`,
      );
    }
    const ids = await findIds(db);
    const { sessions } = runtime.services;
    const cookieOf = async (userId) =>
      `dobroset_session=${(await sessions.start(userId, { ip: '127.0.0.1', userAgent: 'npm run bench' })).token}`;
    const cookies = {
      operator: await cookieOf(ids.operator.id),
      coordinator: await cookieOf(ids.coordinator.id),
      volunteer: await cookieOf(ids.volunteer.id),
    };
    const tag = new Date().toISOString().slice(0, 16);

    // The signup bursts: volunteers v0…v(2N-1), shifts on a day of their own
    // far ahead (a different day each run, so earlier runs' signups do not clash).
    const burstN = Math.min(1000, Math.floor(ids.volunteers / 2));
    const bursts = [];
    let solo = null;
    if (wanted('signup burst') && burstN > 0) {
      const day = 200 + (Math.floor(Date.now() / 60_000) % 5000);
      const base = new Date(Math.floor(Date.now() / DAY + day) * DAY + 3 * HOUR); // 10:00 in Kemerovo
      // v(2N) signs up once on a shift of its own, to record the SQL of one signup for the baseline
      const people = await volunteerIds(db, 0, 2 * burstN + 1);
      const sessionsFor = async (userIds) => {
        const out = [];
        for (const id of userIds) out.push(await cookieOf(id));
        return out;
      };
      // each burst has twin shifts for its baseline (the app's signups stay on the burst's own)
      const shifts = (title, startsAt, count) =>
        buildShifts(db, { centerId: ids.center.id, title, startsAt, hours: 3, capacity: 50, count });
      const one = await shifts(`Замер: запись ${tag}`, base, 1);
      const oneTwin = await shifts(`Замер: образец записи ${tag}`, new Date(base.getTime() + 3 * DAY), 1);
      bursts.push({
        name: `signup burst: ${burstN} at once, one shift of 50`,
        capacity: 50,
        shiftIds: one,
        shiftFor: () => one[0],
        baselineShiftFor: () => oneTwin[0],
        userIds: people.slice(0, burstN),
        cookies: await sessionsFor(people.slice(0, burstN)),
        expect: { confirmed: 50, waitlisted: burstN - 50 },
      });
      const many = await shifts(
        `Замер: запись на 500 смен ${tag}`,
        new Date(base.getTime() + DAY),
        Math.ceil(burstN / 2),
      );
      const manyTwin = await shifts(
        `Замер: образец 500 смен ${tag}`,
        new Date(base.getTime() + 4 * DAY),
        Math.ceil(burstN / 2),
      );
      bursts.push({
        name: `signup burst: ${burstN} at once, ${many.length} shifts (2 each)`,
        capacity: 50,
        shiftIds: many,
        shiftFor: (i) => many[Math.floor(i / 2)],
        baselineShiftFor: (i) => manyTwin[Math.floor(i / 2)],
        userIds: people.slice(burstN, 2 * burstN),
        cookies: await sessionsFor(people.slice(burstN, 2 * burstN)),
        expect: { confirmed: burstN, waitlisted: 0 },
      });
      solo = {
        userId: people.at(-1),
        shiftId: (await shifts(`Замер: запись для образца ${tag}`, new Date(base.getTime() + 2 * DAY), 1))[0],
      };
    }

    // The check-in desk: a shift under way (started 30 min ago) with DESK confirmed volunteers.
    let desk = null;
    if (wanted('check-in')) {
      const DESK = Math.min(300, ids.volunteers);
      const [shiftId] = await buildShifts(db, {
        centerId: ids.center.id,
        title: `Замер: стойка отметки ${tag}`,
        startsAt: new Date(Date.now() - HOUR / 2),
        hours: 3,
        capacity: DESK + 10,
        count: 1,
      });
      const people = await volunteerIds(db, 0, DESK);
      const signupIds = (
        await sql`insert into signups (shift_id, user_id, status, created_by, created_at, updated_at)
          select ${shiftId}, u, 'confirmed', u, now() - interval '3 days', now() - interval '3 days'
          from unnest(${sql.val(people)}::uuid[]) as u returning id`.execute(db)
      ).rows.map((r) => r.id);
      const name = (await sql`select display_name from users where id = ${people[7]}`.execute(db)).rows[0];
      desk = { shiftId, signupIds, q: name.display_name.split(' ')[0] };
    }

    // The endpoints, as the web app calls them.
    const k = ids.kemerovo;
    const search = (q) => `/api/public/opportunities${q ? `?${new URLSearchParams(q)}` : ''}`;
    const get = (name, group, pathname, who) => ({
      name,
      group,
      request: { path: pathname, headers: { ...CSRF, ...(who ? { cookie: cookies[who] } : {}) } },
    });
    const endpoints = [
      get('search: first page', 'search', search()),
      get('search: text', 'search', search({ q: 'субботник' })),
      get(
        'search: text + municipality + free places',
        'search',
        search({ q: 'помощь', municipalityId: k.id, freeOnly: 'true' }),
      ),
      get('search: near me', 'search', search({ lat: k.lat, lon: k.lon, sort: 'distance' })),
      get('search: deep page', 'search', search({ offset: 2000 })),
      get('public: summary', 'summary', '/api/public/summary'),
      get('public: centre page', null, `/api/public/centers/${ids.center.id}`),
      get('public: municipality centres', null, `/api/public/centers?municipality=${ids.center.slug}`),
      get('coordinator: centre week', 'coordinator', `/api/centers/${ids.center.id}/schedule`, 'coordinator'),
      ...(ids.rosterShift
        ? [
            get(
              'coordinator: roster',
              'coordinator',
              `/api/shifts/${ids.rosterShift.id}/roster`,
              'coordinator',
            ),
          ]
        : []),
      get('volunteer: my signups', null, '/api/my/signups', 'volunteer'),
      get('operator: dashboard', 'dashboard', '/api/plan/dashboard', 'operator'),
      ...(desk
        ? [
            get('check-in desk: list', 'coordinator', `/api/shifts/${desk.shiftId}/desk`, 'coordinator'),
            get(
              'check-in desk: name search',
              'coordinator',
              `/api/shifts/${desk.shiftId}/desk?${new URLSearchParams({ q: desk.q })}`,
              'coordinator',
            ),
          ]
        : []),
    ].filter((e) => wanted(e.name));

    // Every file download (the endpoint table's `file` entries) the data can serve.
    const { endpoints: table } = await import(
      pathToFileURL(path.join(root, 'dist/shared/contracts/endpoints.js')).href
    );
    const exportsList = [];
    for (const [key, ep] of Object.entries(table)) {
      if (!ep.file) continue;
      let pathname = null;
      let who = 'operator';
      if (ep.path.startsWith('/api/exports/')) pathname = ep.path;
      else if (ep.path.startsWith('/api/shifts/:id/roster.') && ids.rosterShift) {
        pathname = ep.path.replace(':id', ids.rosterShift.id);
        who = 'coordinator';
      } else if (ep.path.startsWith('/api/monitoring/rounds/:roundId/') && ids.round)
        pathname = ep.path.replace(':roundId', ids.round.id);
      else if (key === 'downloadBackup' && !opts['skip-backup']) pathname = ep.path;
      if (!pathname) continue;
      const name = `export: ${key === 'downloadBackup' ? 'backup (all tables)' : pathname.replace(/^\/api\//, '').replace(/\/[0-9a-f-]{36}\//, '/:id/')}`;
      if (wanted(name))
        exportsList.push({ name, key, request: { path: pathname, headers: { cookie: cookies[who] } } });
    }

    // The SQL of each request, recorded once (the backup reads through a connection of its own: not here).
    const plans = new Map();
    const capture = async (name, request) => {
      const { status, statements, res } = await captureRequest(runtime.app, recorder, request);
      if (status >= 300)
        throw new Error(`${request.method ?? 'GET'} ${request.path}: ${status} ${res.body.slice(0, 300)}`);
      if (statements.length) plans.set(name, replayPlan(statements));
      return { statements: statements.length, res };
    };
    for (const e of endpoints) e.statements = (await capture(e.name, e.request)).statements;
    for (const e of exportsList)
      if (e.key !== 'downloadBackup') e.statements = (await capture(e.name, e.request)).statements;
    if (solo) {
      // one signup recorded on a shift of its own; the baseline replays it with each burst's volunteer
      // and shift in place of the recorded ones (SIGNUP_PLAN, see startBaseline's `bind`)
      const { res } = await capture(SIGNUP_PLAN, {
        method: 'POST',
        path: `/api/shifts/${solo.shiftId}/signups`,
        headers: { ...CSRF, cookie: await cookieOf(solo.userId), 'content-type': 'application/json' },
        body: '{}',
      });
      // the app names the signup itself (a guessed place writes its audit row first)
      Object.assign(plans.get(SIGNUP_PLAN), {
        bind: { user: solo.userId, shift: solo.shiftId },
        fresh: [res.json().signup.id],
      });
    }
    if (desk && wanted('check-in desk: check in')) {
      // the first signup is checked in here (to record the SQL); the load checks in the others
      await capture('check-in desk: check in', {
        method: 'POST',
        path: `/api/signups/${desk.signupIds[0]}/desk`,
        headers: { ...CSRF, cookie: cookies.coordinator, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'check_in' }),
      });
      desk.cookie = cookies.coordinator;
    }
    return { ids, endpoints, exportsList, bursts, desk, plans };
  } finally {
    await runtime.close();
    await handle.close();
    run.setHandle(null);
  }
}
