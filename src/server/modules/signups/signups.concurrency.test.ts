/**
 * Capacity, overlap, waitlist promotion and swap under concurrency. Runs on PGlite (`npm test`) and on
 * PostgreSQL (`npm run test:pg -- src/server/modules/signups`), where the requests really interleave.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { buildShift, setProfile } from '../../../../test/support/signups.fixtures.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';

let t: TestPlatform;
let centerId: string;
let coordinatorId: string;
const DEC = (day: number, hourUtc = 2) => new Date(Date.UTC(2026, 11, day, hourUtc));
const START = new Date('2026-11-24T10:00:00Z');

const actorOf = (user: { id: string; email: string }): Actor => ({
  kind: 'user',
  userId: user.id,
  sessionId: 'test',
  email: user.email,
  mustChangePassword: false,
  grants: [{ role: 'volunteer', scopeType: 'self', scopeId: null }],
});
async function volunteers(n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const user = await buildUser(t.db, { role: 'volunteer' });
    await setProfile(t.db, user.id, { birthDate: '1990-01-01' });
    out.push({ ...user, actor: actorOf(user) });
  }
  return out;
}
const statuses = async (shiftId: string) => {
  const rows = await t.db
    .selectFrom('signups')
    .select(['status', 'user_id', 'id'])
    .where('shift_id', '=', shiftId)
    .execute();
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  return { rows, count, held: count('confirmed') + count('offered') + count('attended') };
};
const code = (r: PromiseSettledResult<unknown>) =>
  r.status === 'rejected' ? (r.reason instanceof AppError ? r.reason.code : String(r.reason)) : 'ok';
const svc = () => t.services.signups;
type V = Awaited<ReturnType<typeof volunteers>>[number];
const take = async <N extends number>(n: N) => (await volunteers(n)) as V[] as [V, V, V, V];

beforeAll(async () => {
  t = await createTestPlatform();
  centerId = (await buildCenter(t.db)).id;
  coordinatorId = (await buildUser(t.db, { role: 'center_coordinator', scopeId: centerId })).id;
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('capacity under concurrency', () => {
  it('hundreds of simultaneous signups (service and HTTP) never exceed the capacity; the rest wait', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(1), capacity: 7 });
    const crowd = await volunteers(260);
    const web = await volunteers(12);
    const cookies = await Promise.all(
      web.map(async (u) =>
        sessionCookie(
          await t.request('POST', '/api/auth/login', { body: { email: u.email, password: TEST_PASSWORD } }),
        ),
      ),
    );
    const results = await Promise.allSettled([
      ...crowd.map((u) => svc().service.signUp(u.actor, shift.id, {})),
      ...cookies.map(async (cookie) => {
        const res = await t.request('POST', `/api/shifts/${shift.id}/signups`, { cookie, body: {} });
        if (res.statusCode !== 201) throw new Error(`HTTP ${res.statusCode}`);
        return res.json();
      }),
    ]);
    expect(results.map(code).filter((c) => c !== 'ok')).toEqual([]);
    const { count, rows } = await statuses(shift.id);
    expect(count('confirmed')).toBe(7);
    expect(count('waitlisted')).toBe(272 - 7);
    expect(rows).toHaveLength(272);
  }, 120_000);

  it('a role keeps its own capacity within the shift', async () => {
    const shift = await buildShift(t.db, {
      centerId,
      startsAt: DEC(2),
      capacity: 10,
      roles: [{ name: 'Повар', capacity: 2 }],
    });
    const crowd = await volunteers(40);
    const roleId = shift.roles[0]?.id as string;
    await Promise.all(crowd.map((u) => svc().service.signUp(u.actor, shift.id, { roleId })));
    const { count } = await statuses(shift.id);
    expect(count('confirmed')).toBe(2);
    expect(count('waitlisted')).toBe(38);
  }, 60_000);

  it('one volunteer signing up for many overlapping shifts at once gets exactly one', async () => {
    const [v] = await volunteers(1);
    const volunteer = v as NonNullable<typeof v>;
    const shifts = [];
    for (let i = 0; i < 15; i++)
      shifts.push(await buildShift(t.db, { centerId, startsAt: new Date(DEC(3).getTime() + i * 60_000) }));
    const results = await Promise.allSettled(
      shifts.map((s) => svc().service.signUp(volunteer.actor, s.id, {})),
    );
    const codes = results.map(code);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === 'schedule_conflict')).toHaveLength(14);
  }, 60_000);

  it('the same signup sent five times at once, then again: one place, one notice, one audit row', async () => {
    const [v] = await volunteers(1);
    const volunteer = v as NonNullable<typeof v>;
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(4), capacity: 5 });
    const twins = await Promise.allSettled(
      Array.from({ length: 5 }, () => svc().service.signUp(volunteer.actor, shift.id, {})),
    );
    const retry = await Promise.allSettled([svc().service.signUp(volunteer.actor, shift.id, {})]);
    const codes = [...twins, ...retry].map(code);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === 'already_signed_up')).toHaveLength(5);
    const { rows, held } = await statuses(shift.id);
    expect(rows).toHaveLength(1);
    expect(held).toBe(1);
    const notices = await t.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', volunteer.id)
      .execute();
    expect(notices.map((n) => n.kind)).toEqual(['signup.confirmed']);
    const audited = await t.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'signup.created')
      .where('entity_id', '=', rows[0]?.id ?? '')
      .execute();
    expect(audited).toHaveLength(1);
  }, 60_000);
});

describe('waitlist promotion', () => {
  it('offers a freed place with a deadline; pass and timeout move it on; accepting confirms', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(10), capacity: 1 });
    const [a, b, c, d] = await take(4);
    const ids: Record<string, string> = {};
    for (const v of [a, b, c, d]) ids[v.id] = (await svc().service.signUp(v.actor, shift.id, {})).signup.id;
    await svc().service.cancel(a.actor, ids[a.id] as string, 'Не смогу');
    expect(await svc().jobs.drain()).toBeGreaterThan(0);
    let state = await statuses(shift.id);
    const offeredTo = () => state.rows.filter((r) => r.status === 'offered').map((r) => r.user_id);
    expect(offeredTo()).toEqual([b.id]);
    const offer = await t.db
      .selectFrom('signups')
      .select('offered_until')
      .where('id', '=', ids[b.id] as string)
      .executeTakeFirstOrThrow();
    expect(offer.offered_until?.toISOString()).toBe(new Date(START.getTime() + 12 * 3_600_000).toISOString());
    expect((await t.mailbox(b.email)).at(-1)?.text_body).toContain('освободилось место');

    await svc().service.pass(b.actor, ids[b.id] as string);
    await svc().jobs.drain();
    state = await statuses(shift.id);
    expect(offeredTo()).toEqual([c.id]);

    t.clock.advance(13 * 3_600_000);
    try {
      await expect(svc().service.accept(c.actor, ids[c.id] as string)).rejects.toMatchObject({
        code: 'offer_expired',
      });
      await svc().jobs.sweep();
      await svc().jobs.drain();
      state = await statuses(shift.id);
      expect(state.rows.find((r) => r.user_id === c.id)?.status).toBe('cancelled');
      expect(offeredTo()).toEqual([d.id]);
      const accepted = await svc().service.accept(d.actor, ids[d.id] as string);
      expect(accepted.signup.status).toBe('confirmed');
      await expect(svc().service.accept(d.actor, ids[d.id] as string)).rejects.toMatchObject({
        code: 'illegal_transition',
      });
    } finally {
      t.clock.set(START);
    }
    const actions = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', ids[c.id] as string)
      .execute();
    expect(actions.map((x) => x.action)).toEqual(['signup.created', 'signup.offer', 'signup.expire']);
  });

  it('many places freed at once and promotions racing each other never overbook', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(11), capacity: 5 });
    const crowd = await volunteers(40);
    const signups: string[] = [];
    for (const v of crowd) signups.push((await svc().service.signUp(v.actor, shift.id, {})).signup.id);
    await Promise.all(
      crowd
        .slice(0, 5)
        .map((v, i) => svc().service.cancel(v.actor, signups[i] as string, 'Планы изменились')),
    );
    // several workers promoting the same shift at the same time
    await Promise.all([
      svc().jobs.drain(),
      ...Array.from({ length: 6 }, () => svc().service.promote(shift.id)),
    ]);
    let state = await statuses(shift.id);
    expect(state.count('offered')).toBe(5);
    expect(state.held).toBe(5);
    // offerees accept while newcomers sign up: still five
    const offered = state.rows.filter((r) => r.status === 'offered');
    const late = await volunteers(20);
    await Promise.allSettled([
      ...offered.map((r) =>
        svc().service.accept(crowd.find((v) => v.id === r.user_id)?.actor as Actor, r.id),
      ),
      ...late.map((v) => svc().service.signUp(v.actor, shift.id, {})),
    ]);
    state = await statuses(shift.id);
    expect(state.count('confirmed')).toBe(5);
    expect(state.held).toBe(5);
  }, 60_000);
});

describe('swap', () => {
  it('two peers accepting the same offer at once: exactly one gets the place; the coordinator is told', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(12), capacity: 1 });
    const [a, b, c] = await take(3);
    const mine = (await svc().service.signUp(a.actor, shift.id, {})).signup;
    const toB = (await svc().swaps.offer(a.actor, mine.id, b.email)).swap;
    const toC = (await svc().swaps.offer(a.actor, mine.id, c.email)).swap;
    expect(toB.status).toBe('pending');
    await expect(svc().swaps.accept(a.actor, toB.id)).rejects.toMatchObject({ status: 404 });
    const results = await Promise.allSettled([
      svc().swaps.accept(b.actor, toB.id),
      svc().swaps.accept(c.actor, toC.id),
    ]);
    expect(results.map(code).sort()).toEqual(['ok', 'swap_unavailable']);
    const state = await statuses(shift.id);
    expect(state.held).toBe(1);
    const holder = state.rows.find((r) => r.status === 'confirmed')?.user_id;
    expect([b.id, c.id]).toContain(holder);
    expect(state.rows.find((r) => r.user_id === a.id)).toMatchObject({ status: 'cancelled' });
    const notes = await t.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', coordinatorId)
      .execute();
    expect(notes.map((n) => n.kind)).toContain('signup.swap_accepted');
  });

  it('a swap racing the offerer’s cancellation leaves one consistent outcome', async () => {
    for (let round = 0; round < 5; round++) {
      const shift = await buildShift(t.db, { centerId, startsAt: DEC(13 + round), capacity: 1 });
      const [a, b] = await take(2);
      const mine = (await svc().service.signUp(a.actor, shift.id, {})).signup;
      const swap = (await svc().swaps.offer(a.actor, mine.id, b.email)).swap;
      const [accept, cancel] = await Promise.allSettled([
        svc().swaps.accept(b.actor, swap.id),
        svc().service.cancel(a.actor, mine.id, 'Передумал'),
      ]);
      const state = await statuses(shift.id);
      expect(state.held).toBeLessThanOrEqual(1);
      if (code(accept) === 'ok') {
        expect(code(cancel)).toBe('illegal_transition');
        expect(state.rows.find((r) => r.status === 'confirmed')?.user_id).toBe(b.id);
      } else {
        expect(code(accept)).toBe('swap_unavailable');
        expect(state.held).toBe(0);
      }
    }
  }, 60_000);

  it('refuses a peer who does not qualify or whose schedule clashes when they accept', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(20), capacity: 1, minAge: 18 });
    const [a, b] = await take(2);
    const mine = (await svc().service.signUp(a.actor, shift.id, {})).signup;
    await setProfile(t.db, b.id, { birthDate: '2010-01-01' });
    // the offer is made whoever the address belongs to; the checks run when the person accepts
    const swap = (await svc().swaps.offer(a.actor, mine.id, b.email)).swap;
    expect(swap.status).toBe('pending');
    await expect(svc().swaps.accept(b.actor, swap.id)).rejects.toMatchObject({ code: 'not_eligible' });
    await setProfile(t.db, b.id, { birthDate: '1990-01-01' });
    const busy = await buildShift(t.db, { centerId, startsAt: DEC(20, 3) });
    await svc().service.signUp(b.actor, busy.id, {});
    await expect(svc().swaps.accept(b.actor, swap.id)).rejects.toMatchObject({ code: 'schedule_conflict' });
    expect((await statuses(shift.id)).rows.find((r) => r.user_id === a.id)?.status).toBe('confirmed');
    await expect(svc().swaps.offer(a.actor, mine.id, a.email)).rejects.toMatchObject({
      code: 'swap_to_self',
    });
  });
});
