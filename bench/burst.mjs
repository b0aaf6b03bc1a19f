// A burst of signups over real HTTP (issue 9, item 1): N volunteers, each with their own session, POST a
// signup for ONE shift at the same moment. Measured twice in the same run, on separate shifts:
//   - baseline: the queue in front of the database unbounded (what the platform did before: every request
//     waits for its turn, however long);
//   - bounded:  the default load-shedding gate (MAX_REQUESTS_IN_FLIGHT / _QUEUED / MAX_QUEUE_WAIT_MS):
//     whatever cannot be served soon is answered 503 `overloaded` with Retry-After at once.
// Prints per-answer latency (p50/p95/max), the time until the last answer, statuses, and checks that the
// shift ends with exactly its capacity confirmed and that every 201 is in the database.
// On PGlite the database runs on the server's own event loop; each turn of its connection yields to the
// loop (db/mutex.ts), so the requests reach the gate there too (before, they waited unread in the kernel's
// accept queue and the gate never shed on PGlite). The second burst runs on a
// database that already holds the first one's people and signups; BURST_ORDER=bounded-first swaps them, and
// BURST_ANALYZE=1 runs ANALYZE between the two (PGlite has no autovacuum).
// Usage: node bench/burst.mjs [n=1000] [capacity=50]
//   embedded PGlite in memory by default; DATABASE_URL=postgres://… runs it on PostgreSQL (a scratch
//   database you can throw away: tables are created in it). 127.0.0.1 only.
import { sql } from 'kysely';
import { ensureBuilt, root } from '../scripts/build-lib.mjs';
import { buildCenter, buildShift, buildVolunteers } from './fixtures.mjs';
import { createInProcessApp, openScratchHandle } from './lib/capture.mjs';

const N = Number(process.argv[2] ?? 1000);
const CAPACITY = Number(process.argv[3] ?? 50);
ensureBuilt();
const url = process.env.DATABASE_URL;
const handle = await openScratchHandle(root);
const db = handle.db;
const tag = Date.now().toString(36);

const center = await buildCenter(db, tag);

const volunteers = (prefix) => buildVolunteers(db, { count: N, prefix, tag });

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function burst(label, env, startsAt) {
  const runtime = await createInProcessApp({ root, handle, env });
  await runtime.app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${runtime.app.server.address().port}`;
  const shift = await buildShift(db, { centerId: center.id, startsAt, capacity: CAPACITY });
  const users = await volunteers(label);
  const cookies = [];
  for (const id of users) {
    const { token } = await runtime.services.sessions.start(id, { ip: '127.0.0.1', userAgent: 'bench' });
    cookies.push(`dobroset_session=${token}`);
  }
  const t0 = performance.now();
  const answers = await Promise.all(
    cookies.map(async (cookie) => {
      const s = performance.now();
      try {
        const res = await fetch(`${base}/api/shifts/${shift.id}/signups`, {
          method: 'POST',
          headers: { cookie, 'x-requested-with': 'dobroset', 'content-type': 'application/json' },
          body: '{}',
        });
        const body = await res.json().catch(() => ({}));
        return { status: res.status, code: body.code ?? body.signup?.status, ms: performance.now() - s };
      } catch (error) {
        return { status: 0, code: String(error.cause?.code ?? error.message), ms: performance.now() - s };
      }
    }),
  );
  const total = performance.now() - t0;
  await runtime.close();
  const held = await db
    .selectFrom('signups')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .where('shift_id', '=', shift.id)
    .groupBy('status')
    .execute();
  const inDb = Object.fromEntries(held.map((r) => [r.status, Number(r.n)]));
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
  const byStatus = {};
  for (const a of answers) byStatus[`${a.status} ${a.code}`] = (byStatus[`${a.status} ${a.code}`] ?? 0) + 1;
  const created = answers.filter((a) => a.status === 201).length;
  const stored = Object.values(inDb).reduce((n, v) => n + v, 0);
  return {
    label,
    total,
    p50: pct(ms, 50),
    p95: pct(ms, 95),
    max: ms.at(-1),
    byStatus,
    inDb,
    created,
    stored,
  };
}

const week = Date.now() + 7 * 86_400_000;
const runUnbounded = (day) =>
  burst(
    'baseline (queue unbounded)',
    { MAX_REQUESTS_IN_FLIGHT: '10000', MAX_REQUESTS_QUEUED: '100000', MAX_QUEUE_WAIT_MS: '120000' },
    new Date(week + day * 86_400_000),
  );
const runBounded = (day) => burst('bounded (default gate)', {}, new Date(week + day * 86_400_000));
// BURST_ORDER=bounded-first measures the gate on the emptier database (to see the order's share)
const boundedFirst = process.env.BURST_ORDER === 'bounded-first';
const first = boundedFirst ? await runBounded(0) : await runUnbounded(0);
if (process.env.BURST_ANALYZE) {
  const t = performance.now();
  await sql`analyze`.execute(db);
  console.error(`analyze ${Math.round(performance.now() - t)} ms`);
}
const second = boundedFirst ? await runUnbounded(1) : await runBounded(1);
const [unbounded, bounded] = boundedFirst ? [second, first] : [first, second];
await handle.close();

console.log(
  `burst bench on ${url ? 'PostgreSQL' : 'PGlite'}: ${N} signups at once for one shift of ${CAPACITY}`,
);
for (const r of [unbounded, bounded]) {
  console.log(
    `  ${r.label.padEnd(28)} last answer ${(r.total / 1000).toFixed(1).padStart(5)} s  ` +
      `p50 ${(r.p50 / 1000).toFixed(2)} s  p95 ${(r.p95 / 1000).toFixed(2)} s  max ${(r.max / 1000).toFixed(2)} s`,
  );
  console.log(`    answers: ${JSON.stringify(r.byStatus)}; in the database: ${JSON.stringify(r.inDb)}`);
}
console.log(
  `  bounded / baseline: last answer ${(bounded.total / unbounded.total).toFixed(2)}×, p95 ${(bounded.p95 / unbounded.p95).toFixed(2)}×`,
);
let ok = true;
for (const r of [unbounded, bounded]) {
  if ((r.inDb.confirmed ?? 0) !== CAPACITY) ok = false;
  if (r.created !== r.stored) ok = false;
  if (Object.keys(r.byStatus).some((k) => k.startsWith('500') || k.startsWith('0 '))) ok = false;
}
console.log(ok ? '  exact: capacity confirmed, every 201 stored, no 500' : '  NOT EXACT');
if (!ok) process.exit(1);
