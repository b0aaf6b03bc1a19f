/**
 * What a scenario writes to and checks afterwards: a centre with shifts of known capacity and a crowd
 * of volunteers with sessions (set up in the database before the app starts), and the verification of
 * every acknowledged write against the database once the faults are over.
 */
import { type Kysely, sql } from 'kysely';
import { systemClock } from '../../src/server/platform/clock.js';
import type { DatabaseHandle } from '../../src/server/platform/db/database.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import type { Database } from '../../src/server/platform/db/schema.js';
import { seedAll } from '../../src/server/seed/seed.js';
import { buildCenter } from '../support/factories.js';
import { buildShift } from '../support/signups.fixtures.js';
import { buildVolunteerCrowd } from '../support/volunteer-crowd.js';
import type { Ack, Write } from './harness.js';

export type World = { shifts: { id: string; capacity: number }[]; plan: Write[] };

const DAY = 86_400_000;

/** Deterministic shuffle (so a run's plan is reproducible from its size). */
function shuffle<T>(items: T[], seed = 42): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Migrates and seeds the database, then adds `shiftCount` shifts (each on its own day, so one volunteer
 * may hold all of them) and `volunteers` volunteers; the plan is every (volunteer, shift) pair, shuffled.
 */
export async function buildWorld(
  handle: DatabaseHandle,
  options: { shiftCount: number; capacity: number; volunteers: number },
): Promise<World> {
  await migrateToLatest(handle.db);
  await seedAll(handle.db, systemClock, { demo: false });
  const center = await buildCenter(handle.db);
  const shifts = [];
  for (let k = 0; k < options.shiftCount; k++) {
    const startsAt = new Date(Math.floor(Date.now() / DAY) * DAY + (20 + k) * DAY + 4 * 3_600_000);
    const shift = await buildShift(handle.db, {
      centerId: center.id,
      startsAt,
      capacity: options.capacity,
      title: `Смена ${k + 1}`,
    });
    shifts.push({ id: shift.id, capacity: options.capacity });
  }
  const crowd = await buildVolunteerCrowd(handle.db, options.volunteers);
  const pairs: Write[] = [];
  for (const member of crowd) {
    for (const shift of shifts)
      pairs.push({ cookie: member.cookie, userId: member.userId, shiftId: shift.id });
  }
  return { shifts, plan: shuffle(pairs) };
}

export type Verdict = {
  acknowledged: number;
  found: number;
  lost: number;
  duplicated: number;
  overbooked: number;
};

/** Checks every acknowledged signup against the database, and the shifts against their capacity. */
export async function verify(db: Kysely<Database>, world: World, acks: Ack[]): Promise<Verdict> {
  const shiftIds = world.shifts.map((s) => s.id);
  const rows = await db
    .selectFrom('signups')
    .select(['id', 'user_id', 'shift_id', 'status'])
    .where('shift_id', 'in', shiftIds)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  let found = 0;
  const ackIds = new Set<string>();
  for (const ack of acks) {
    const row = byId.get(ack.signupId);
    if (row && row.user_id === ack.userId && row.shift_id === ack.shiftId) found++;
    ackIds.add(ack.signupId);
  }
  // One volunteer, one shift, one row: nobody cancels in these runs, so any second row is a duplicate;
  // an acknowledgement given twice for different rows of one pair counts too.
  const perPair = new Map<string, number>();
  for (const r of rows)
    perPair.set(`${r.user_id}/${r.shift_id}`, (perPair.get(`${r.user_id}/${r.shift_id}`) ?? 0) + 1);
  const duplicateRows = [...perPair.values()].filter((n) => n > 1).length;
  const ackPairs = new Map<string, Set<string>>();
  for (const a of acks) {
    const key = `${a.userId}/${a.shiftId}`;
    const ids = ackPairs.get(key) ?? new Set();
    ids.add(a.signupId);
    ackPairs.set(key, ids);
  }
  const duplicateAcks = [...ackPairs.values()].filter((ids) => ids.size > 1).length;
  const held = await sql<{ shift_id: string; n: number }>`
    select shift_id, count(*)::int as n from signups
     where shift_id in (${sql.join(shiftIds)}) and status in ('confirmed', 'offered', 'attended')
     group by shift_id`.execute(db);
  const capacity = new Map(world.shifts.map((s) => [s.id, s.capacity]));
  const overbooked = held.rows.filter((r) => r.n > (capacity.get(r.shift_id) ?? 0)).length;
  return {
    acknowledged: acks.length,
    found,
    lost: acks.length - found,
    duplicated: duplicateRows + duplicateAcks,
    overbooked,
  };
}

/** Outbox messages by status (mail that is still pending after the run was not delivered by the jobs). */
export async function outbox(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('outbox_emails')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
}
