// Throughput of concurrent signups: N volunteers sign up for ONE shift at the same moment (all contend for
// the shift's row lock), against a baseline in the same run where the same N signups go to N different
// shifts (no contention). A popular shift (capacity < N) must end
// with exactly `capacity` confirmed.
// Usage: node bench/signups.mjs [n=500] [capacity=50]
//   embedded PGlite in memory by default; DATABASE_URL=postgres://… runs it on PostgreSQL (a scratch
//   database you can throw away: tables are created in it).
import { ensureBuilt, root } from '../scripts/build-lib.mjs';
import { buildCenter, buildShift, buildVolunteers } from './fixtures.mjs';
import { createInProcessApp, openScratchHandle } from './lib/capture.mjs';

const N = Number(process.argv[2] ?? 500);
const CAPACITY = Number(process.argv[3] ?? 50);
ensureBuilt();
const url = process.env.DATABASE_URL;
const handle = await openScratchHandle(root);
const db = handle.db;
const runtime = await createInProcessApp({ root, handle, env: { PUBLIC_URL: 'http://localhost:3000' } });
const signups = runtime.services.signups.service;

const tag = Date.now().toString(36);
const center = await buildCenter(db, tag);

async function volunteers(prefix) {
  const ids = await buildVolunteers(db, { count: N, prefix, tag });
  const users = await db.selectFrom('users').select(['id', 'email']).where('id', 'in', ids).execute();
  return users.map((u) => ({
    kind: 'user',
    userId: u.id,
    sessionId: 'bench',
    email: u.email,
    mustChangePassword: false,
    grants: [],
  }));
}

const start = new Date(Date.now() + 7 * 86_400_000);
async function run(label, actors, shiftFor) {
  const t0 = performance.now();
  const results = await Promise.allSettled(actors.map((a, i) => signups.signUp(a, shiftFor(i), {})));
  const ms = performance.now() - t0;
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) throw new Error(`${label}: ${failed.length} failed, e.g. ${failed[0].reason}`);
  return { label, ms, perSecond: (N / ms) * 1000 };
}

// Baseline: N signups, each on its own shift (different start times so nobody clashes).
const own = [];
for (let i = 0; i < N; i++)
  own.push(
    (
      await buildShift(db, {
        centerId: center.id,
        startsAt: new Date(start.getTime() + i * 86_400_000),
        capacity: 1,
      })
    ).id,
  );
const baseline = await run('baseline: N shifts, no contention', await volunteers('b'), (i) => own[i]);

// Same work per signup as the baseline (everyone confirmed), but all on one shift.
const full = await buildShift(db, {
  centerId: center.id,
  startsAt: new Date(start.getTime() - 86_400_000),
  capacity: N,
});
const contended = await run('one shift (capacity N), at once', await volunteers('c'), () => full.id);
// A popular shift: capacity CAPACITY, the rest go to the waitlist.
const one = await buildShift(db, {
  centerId: center.id,
  startsAt: new Date(start.getTime() - 2 * 86_400_000),
  capacity: CAPACITY,
});
const popular = await run(`one shift (capacity ${CAPACITY}), at once`, await volunteers('p'), () => one.id);
const counts = await db
  .selectFrom('signups')
  .select(['status', (eb) => eb.fn.countAll().as('n')])
  .where('shift_id', '=', one.id)
  .groupBy('status')
  .execute();
const confirmed = Number(counts.find((c) => c.status === 'confirmed')?.n ?? 0);

console.log(
  `signups bench on ${url ? 'PostgreSQL' : 'PGlite'}: ${N} concurrent signups, capacity ${CAPACITY}`,
);
for (const r of [baseline, contended, popular]) {
  console.log(
    `  ${r.label.padEnd(36)} ${r.ms.toFixed(0).padStart(7)} ms  ${r.perSecond.toFixed(0).padStart(6)} signups/s`,
  );
}
console.log(`  one shift / baseline time: ${(contended.ms / baseline.ms).toFixed(2)}×`);
console.log(`  confirmed on the popular shift: ${confirmed} (capacity ${CAPACITY}); the rest waitlisted`);
await runtime.close();
await handle.close();
if (confirmed !== CAPACITY) process.exit(1);
