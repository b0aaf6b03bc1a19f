/**
 * Changing a shift's capacity while signups queue on the shift's row lock (issue 9, item 2). A blocking
 * transaction holds the shift row; signups queue behind it, then the capacity is lowered. On PostgreSQL
 * the requests really wait on the lock (`TEST_DB=postgres`); on PGlite they run one at a time. Either
 * way the shift never ends above its capacity, and a capacity below the places held is refused.
 */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { buildShift, setProfile } from '../../../../test/support/signups.fixtures.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';

let t: TestPlatform;
let centerId: string;
let coordinator: string;
const DEC = (day: number, hourUtc = 2) => new Date(Date.UTC(2026, 11, day, hourUtc));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function volunteers(n: number) {
  const out: { id: string; actor: Actor }[] = [];
  for (let i = 0; i < n; i++) {
    const user = await buildUser(t.db, { role: 'volunteer' });
    await setProfile(t.db, user.id, { birthDate: '1990-01-01' });
    out.push({
      id: user.id,
      actor: {
        kind: 'user',
        userId: user.id,
        sessionId: 'test',
        email: user.email,
        mustChangePassword: false,
        grants: [{ role: 'volunteer', scopeType: 'self', scopeId: null }],
      },
    });
  }
  return out;
}

const held = async (shiftId: string) =>
  Number(
    (
      await sql<{ n: string }>`select count(*) as n from signups
        where shift_id = ${shiftId} and status in ('confirmed', 'offered', 'attended')`.execute(t.db)
    ).rows[0]?.n,
  );
const capacity = async (shiftId: string) =>
  (await t.db.selectFrom('shifts').select('capacity').where('id', '=', shiftId).executeTakeFirstOrThrow())
    .capacity;

/**
 * Holds the shift row `for update` while `queued` start (they wait on the lock), then starts `late`
 * (which also waits) and lets everyone go. Returns what `late` answered.
 */
/**
 * Until `n` statements of this database wait for a lock (PostgreSQL), so that the order in which they
 * queue does not depend on how fast the machine is; on PGlite every statement queues on its one
 * connection in the order it is sent, and a pause lets them be sent.
 */
async function queuedOnLocks(trx: Kysely<Database>, n: number) {
  if (process.env.TEST_DB !== 'postgres') return pause(250);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    // asked on the lock holder's own connection (the others may all be taken by the waiters), with a
    // fresh statistics snapshot each time (a transaction keeps its first one)
    await sql`select pg_stat_clear_snapshot()`.execute(trx);
    // row locks only (a waiter on the shift row waits for our transaction or for the tuple lock of the
    // waiter ahead of it); the job queue's advisory locks do not count
    const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where wait_event_type = 'Lock' and wait_event in ('transactionid', 'tuple')
        and datname = current_database()`.execute(trx);
    if (Number(waiting.rows[0]?.n ?? 0) >= n) return;
    await pause(20);
  }
}

async function whileLocked<T>(shiftId: string, queued: () => Promise<unknown>[], late: () => Promise<T>) {
  let first: Promise<unknown>[] = [];
  let last: Promise<T> | undefined;
  await t.db.transaction().execute(async (trx) => {
    await sql`select id from shifts where id = ${shiftId} for update`.execute(trx);
    first = queued();
    await queuedOnLocks(trx, first.length);
    last = late();
    await queuedOnLocks(trx, first.length + 1);
  });
  await Promise.allSettled(first);
  return (last as Promise<T>).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

beforeAll(async () => {
  t = await createTestPlatform();
  const center = await buildCenter(t.db);
  centerId = center.id;
  const coord = await buildUser(t.db, { role: 'center_coordinator', scopeId: centerId });
  coordinator = sessionCookie(
    await t.request('POST', '/api/auth/login', { body: { email: coord.email, password: TEST_PASSWORD } }),
  );
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('changing capacity while signups wait on the shift lock', () => {
  // PostgreSQL does not promise first-come order among transactions waiting on a row that its holder
  // updates (each signup moves the shift's `taken`, and a waiter then locks the row's new version), so the
  // change may be decided before or after any queued signup: what must hold is that it is decided against
  // the places held at its turn, and that the shift never holds more than its capacity.
  it('lowering a shift to 10 with 9 held and 3 signups queued: decided at its turn, never above capacity', async () => {
    for (let round = 0; round < 3; round++) {
      const shift = await buildShift(t.db, { centerId, startsAt: DEC(2 + round), capacity: 20 });
      const crowd = await volunteers(12);
      for (const v of crowd.slice(0, 9)) await t.services.signups.service.signUp(v.actor, shift.id, {});
      const patch = await whileLocked(
        shift.id,
        () => crowd.slice(9).map((v) => t.services.signups.service.signUp(v.actor, shift.id, {})),
        () =>
          t.request('PATCH', `/api/opportunities/${shift.opportunityId}/shifts/${shift.id}`, {
            cookie: coordinator,
            body: { capacity: 10 },
          }),
      );
      const now = { held: await held(shift.id), capacity: await capacity(shift.id) };
      expect(now.held).toBeLessThanOrEqual(now.capacity);
      expect(patch.ok).toBe(true);
      const response = patch.ok ? patch.value : null;
      if (response?.statusCode === 409) {
        // refused: more than 10 were held at its turn (11 or 12), and every queued signup got its place
        const problem = response.json();
        expect(problem.code).toBe('capacity_below_taken');
        expect(problem.errors[0]).toMatchObject({ field: 'capacity', code: 'capacity_below_taken' });
        expect(problem.errors[0].message).toMatch(/\((11|12)\)/);
        expect(now).toEqual({ held: 12, capacity: 20 });
      } else {
        // applied at 9 or 10 held: the signups after it found one place at most
        expect(response?.statusCode).toBe(200);
        expect(now).toEqual({ held: 10, capacity: 10 });
      }
    }
  }, 120_000);

  it('re-planning a series does not shrink a shift that signups are queued on', async () => {
    const created = await t.request('POST', `/api/centers/${centerId}/opportunities`, {
      cookie: coordinator,
      body: { title: 'Серия', description: 'Каждый вторник' },
    });
    expect(created.statusCode).toBe(201);
    const opportunityId = created.json().opportunity.id as string;
    const series = {
      frequency: 'weekly',
      weekdays: [2],
      startsOn: '2026-12-01',
      until: '2026-12-01',
      startTime: '10:00',
      durationMinutes: 120,
    };
    const made = await t.request('POST', `/api/opportunities/${opportunityId}/series`, {
      cookie: coordinator,
      body: { ...series, capacity: 5 },
    });
    expect(made.statusCode).toBe(201);
    const seriesId = made.json().opportunity.series[0].id as string;
    expect(
      (
        await t.request('PATCH', `/api/opportunities/${opportunityId}`, {
          cookie: coordinator,
          body: { status: 'published' },
        })
      ).statusCode,
    ).toBe(200);
    const shiftId = (
      await t.db.selectFrom('shifts').select('id').where('series_id', '=', seriesId).executeTakeFirstOrThrow()
    ).id;
    const crowd = await volunteers(3);
    const put = await whileLocked(
      shiftId,
      () => crowd.map((v) => t.services.signups.service.signUp(v.actor, shiftId, {})),
      () =>
        t.request('PUT', `/api/opportunities/${opportunityId}/series/${seriesId}`, {
          cookie: coordinator,
          body: { ...series, capacity: 1 },
        }),
    );
    expect(put.ok && put.value.statusCode).toBe(200);
    // the booked occurrence keeps its capacity; nobody is over it
    expect(await held(shiftId)).toBe(3);
    expect(await capacity(shiftId)).toBe(5);
  }, 60_000);
});

describe('a self signup guesses its place before the shift lock (takePlace: placeGuessed)', () => {
  // The last place is taken in a transaction that holds the shift and has not committed: on PostgreSQL
  // the signup reads room, writes its notice and audit for "confirmed", then waits on the lock and finds
  // the shift full; everything it wrote for the guess must go (on PGlite it runs after the commit).
  it('a guess overtaken while it waited is taken back: waitlisted, told and audited once, no mail', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(10), capacity: 1 });
    const [taker, late] = (await volunteers(2)) as [
      { id: string; actor: Actor },
      { id: string; actor: Actor },
    ];
    let answer: ReturnType<typeof t.services.signups.service.signUp> | undefined;
    await t.db.transaction().execute(async (trx) => {
      await sql`select id from shifts where id = ${shift.id} for update`.execute(trx);
      await sql`insert into signups (shift_id, user_id, status, created_at, updated_at)
        values (${shift.id}, ${taker.id}, 'confirmed', now(), now())`.execute(trx);
      answer = t.services.signups.service.signUp(late.actor, shift.id, {});
      await queuedOnLocks(trx, 1);
    });
    expect((await (answer as NonNullable<typeof answer>)).signup.status).toBe('waitlisted');
    expect(await held(shift.id)).toBe(1);
    const notices = await t.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', late.id)
      .execute();
    expect(notices.map((n) => n.kind)).toEqual(['signup.waitlisted']);
    const audited = await sql<{ status: string }>`select data->>'status' as status from audit_events
      where entity = 'signup' and data->>'userId' = ${late.id}`.execute(t.db);
    expect(audited.rows).toEqual([{ status: 'waitlisted' }]);
    const email = (
      await t.db.selectFrom('users').select('email').where('id', '=', late.id).executeTakeFirstOrThrow()
    ).email;
    expect(await t.mailbox(email)).toEqual([]);
  }, 60_000);
});
