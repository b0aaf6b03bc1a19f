// A busy centre's week: SHIFTS shifts over seven days with PER_SHIFT confirmed volunteers each.
// Measures the coordinator's week (`/centers/:id/schedule`: one SQL statement with lateral counts), the
// check-in desk of one full shift (with a name search), and one reminder sweep over every shift starting
// within 24 h (each reminder claimed, written to the outbox and the in-app list). Baseline in the same
// run: `select 1` through the same database handle.
// Usage: node bench/checkin.mjs [shifts=200] [perShift=30] [runs=20]
//   embedded PGlite in memory by default; DATABASE_URL=postgres://… runs it on a scratch PostgreSQL database.
import { sql } from 'kysely';
import { ensureBuilt, root } from '../scripts/build-lib.mjs';
import { buildCenter, buildShift } from './fixtures.mjs';
import { createInProcessApp, openScratchHandle } from './lib/capture.mjs';

const SHIFTS = Number(process.argv[2] ?? 200);
const PER_SHIFT = Number(process.argv[3] ?? 30);
const RUNS = Number(process.argv[4] ?? 20);
ensureBuilt();
const url = process.env.DATABASE_URL;
const handle = await openScratchHandle(root);
const db = handle.db;
const runtime = await createInProcessApp({ root, handle, env: { PUBLIC_URL: 'http://localhost:3000' } });
const { schedule, checkin, signups } = runtime.services;

const tag = Date.now().toString(36);
const one = (q) => q.returning('id').executeTakeFirstOrThrow();
const center = await buildCenter(db, tag);
const coordinator = {
  kind: 'user',
  userId: (
    await one(
      db.insertInto('users').values({
        email: `coord-${tag}@bench.example`,
        display_name: 'Координатор',
        password_hash: 'x',
        created_at: new Date(),
        updated_at: new Date(),
      }),
    )
  ).id,
  sessionId: 'bench',
  email: `coord-${tag}@bench.example`,
  mustChangePassword: false,
  grants: [{ role: 'center_coordinator', scopeType: 'center', scopeId: center.id }],
};

// People: PER_SHIFT × 4 volunteers, each shift takes a rotating slice (shifts overlap, signups go in directly).
const people = [];
for (let i = 0; i < PER_SHIFT * 4; i += 200) {
  const now = new Date();
  const rows = Array.from({ length: Math.min(200, PER_SHIFT * 4 - i) }, (_, j) => ({
    email: `v-${i + j}-${tag}@bench.example`,
    display_name: `Волонтёр Ёлкин ${i + j}`,
    password_hash: 'x',
    email_verified_at: now,
    created_at: now,
    updated_at: now,
  }));
  people.push(...(await db.insertInto('users').values(rows).returning('id').execute()).map((r) => r.id));
}
const t0 = performance.now();
const now = Date.now();
const shifts = [];
for (let i = 0; i < SHIFTS; i++) {
  // spread over seven days from now + 1 h (so the first ones are inside the 24 h reminder window)
  const startsAt = new Date(now + 3_600_000 + Math.floor((i * 7 * 86_400_000) / SHIFTS));
  const s = await buildShift(db, {
    centerId: center.id,
    startsAt,
    capacity: PER_SHIFT + 5,
    title: `Смена ${i}`,
  });
  shifts.push({ id: s.id, startsAt });
  const who = Array.from({ length: PER_SHIFT }, (_, k) => people[(i * 7 + k) % people.length]);
  await sql`insert into signups (shift_id, user_id, status, created_at, updated_at)
    select ${s.id}, u, 'confirmed', now() - interval '3 days', now() - interval '3 days'
    from unnest(${sql.val(who)}::uuid[]) as u`.execute(db);
}
const setupMs = performance.now() - t0;

async function timed(fn) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
const base = await timed(() => sql`select 1`.execute(db));
const week = await timed(() => schedule.forCenter(coordinator, center.id, {}));
const weekResult = await schedule.forCenter(coordinator, center.id, {});
const deskAll = await timed(() => checkin.desk.desk(coordinator, shifts[0].id));
const deskSearch = await timed(() => checkin.desk.desk(coordinator, shifts[0].id, 'елкин 1'));

const dueIn24h = shifts.filter((s) => s.startsAt.getTime() - now <= 86_400_000).length;
const sweep0 = performance.now();
const first = await signups.reminders.sweep();
const sweepMs = performance.now() - sweep0;
const again0 = performance.now();
const second = await signups.reminders.sweep();
const againMs = performance.now() - again0;

const fmt = (ms) => `${ms.toFixed(2)} ms`;
const ratio = (ms) => `${(ms / base).toFixed(0)}× baseline`;
console.log(`database: ${url ? 'PostgreSQL' : 'PGlite (memory)'}; ${SHIFTS} shifts × ${PER_SHIFT} confirmed`);
console.log(`setup: ${(setupMs / 1000).toFixed(1)} s`);
console.log(`baseline select 1 (median of ${RUNS}): ${fmt(base)}`);
console.log(
  `centre week (${weekResult.totals.shifts} shifts, ${weekResult.totals.held} places held): ${fmt(week)} (${ratio(week)})`,
);
console.log(`check-in desk, ${PER_SHIFT} people: ${fmt(deskAll)} (${ratio(deskAll)})`);
console.log(`check-in desk with a name search: ${fmt(deskSearch)} (${ratio(deskSearch)})`);
console.log(
  `reminder sweep: ${first.sent} sent, ${first.skipped} skipped over ${dueIn24h} shifts in 24 h: ${(sweepMs / 1000).toFixed(2)} s (${((first.sent / sweepMs) * 1000).toFixed(0)} reminders/s)`,
);
console.log(`second sweep (nothing left): ${second.sent} sent in ${fmt(againMs)}`);
if (second.sent !== 0) throw new Error('a reminder was sent twice');
await runtime.close?.();
await handle.close?.();
process.exit(0);
