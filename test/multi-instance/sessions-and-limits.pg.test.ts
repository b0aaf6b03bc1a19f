/**
 * Two app instances on one PostgreSQL (`npm run test:pg` only; the setup is `./two-instances.ts`): what
 * one instance knows, the other knows too.
 *
 * - Sessions: a login on one instance works on the other; a logout on one ends the session on both.
 * - Rate limits: the login limit per address and the check-in code limit per person are counted once for
 *   the cluster, also for a parallel burst spread over both instances.
 * - Retries: a POST retried with its Idempotency-Key on the other instance gets the first answer, and
 *   twins sent to both at once create one record.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AUTH_RATE_LIMIT } from '../../src/server/platform/http/security.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { buildShift } from '../support/signups.fixtures.js';
import { buildVolunteerCrowd, type CrowdMember } from '../support/volunteer-crowd.js';
import type { Instance } from './instances.js';
import { type Answer, call, DAY, itStopsCleanly, post, setupTwoInstances } from './two-instances.js';

const setup = setupTwoInstances();

const sessionFrom = (answer: Answer) => {
  const found = answer.headers.getSetCookie().find((c) => c.startsWith('dobroset_session='));
  if (!found) throw new Error(`no session cookie (status ${answer.status})`);
  return found.split(';')[0] as string;
};

let crowd: CrowdMember[] = [];
let signedUpShiftId = '';

/** Two volunteers with a confirmed place on a shift: the check-in code limit and the retries need them. */
beforeAll(async () => {
  const center = await buildCenter(setup.db);
  const shift = await buildShift(setup.db, {
    centerId: center.id,
    startsAt: new Date(Date.now() + 20 * DAY),
    capacity: 6,
  });
  signedUpShiftId = shift.id;
  crowd = await buildVolunteerCrowd(setup.db, 2);
  for (const [i, m] of crowd.entries())
    await post(setup.via(), `/api/shifts/${shift.id}/signups`, { body: {}, cookie: m.cookie, key: `s-${i}` });
}, 300_000);

describe('two instances behind a round-robin proxy', () => {
  it('a session made on one instance works on the other, and a logout on one ends it on both', async () => {
    const [a, b] = setup.instances as [Instance, Instance];
    const user = await buildUser(setup.db, { role: 'volunteer' });
    const login = await call(a.url, 'POST', '/api/auth/login', {
      body: { email: user.email, password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
    const cookie = sessionFrom(login);
    const onB = await call(b.url, 'GET', '/api/me', { cookie });
    expect(onB.status).toBe(200);
    expect(onB.json.user?.id).toBe(user.id);

    expect((await call(a.url, 'POST', '/api/auth/logout', { cookie })).status).toBe(204);
    expect((await call(b.url, 'GET', '/api/me', { cookie })).status).toBe(401);
    expect((await call(a.url, 'GET', '/api/me', { cookie })).status).toBe(401);

    // and the other way round: logged in on B, out on B, gone on A
    const again = sessionFrom(
      await call(b.url, 'POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } }),
    );
    expect((await call(a.url, 'GET', '/api/me', { cookie: again })).status).toBe(200);
    expect((await call(b.url, 'POST', '/api/auth/logout', { cookie: again })).status).toBe(204);
    expect((await call(a.url, 'GET', '/api/me', { cookie: again })).status).toBe(401);
  });

  it('the login limit per address holds for a parallel burst spread over both instances', async () => {
    const attempts = AUTH_RATE_LIMIT.max * 3;
    // A fresh window: the logins of the session test above counted against this address too.
    await setup.db.deleteFrom('rate_limits').where('key', 'like', 'http:POST /api/auth/login:%').execute();
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        call(setup.via(), 'POST', '/api/auth/login', {
          body: { email: `nobody-${i}@multi.example`, password: 'not-the-password-1' },
        }),
      ),
    );
    const passed = answers.filter((a) => a.status !== 429);
    expect(passed.map((a) => a.status).filter((s) => s !== 401)).toEqual([]);
    // Both instances refused: each counted against the one counter in the database.
    expect(new Set(answers.filter((a) => a.status === 429).map((a) => a.backend))).toEqual(
      new Set(['0', '1']),
    );
    expect(passed.length).toBeLessThanOrEqual(AUTH_RATE_LIMIT.max);
    // The window is a minute from the first attempt: a burst that took less got exactly the limit.
    if (Date.now() - started < 55_000) expect(passed.length).toBe(AUTH_RATE_LIMIT.max);
  });

  it('the check-in code limit per person holds for a parallel burst spread over both instances', async () => {
    const confirmed = await setup.db
      .selectFrom('signups')
      .select('user_id')
      .where('shift_id', '=', signedUpShiftId)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    const member = crowd.find((m) => m.userId === confirmed.user_id) as CrowdMember;
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        call(setup.via(), 'POST', '/api/check-in', {
          body: { shiftId: signedUpShiftId, code: 'ZZZZZZ' },
          cookie: member.cookie,
        }),
      ),
    );
    const codes = answers.map((a) => a.json.code);
    // 5 codes per person per 15 minutes: five were compared (and wrong), the rest refused before comparing.
    expect(codes.filter((c) => c === 'checkin_code_invalid')).toHaveLength(5);
    expect(codes.filter((c) => c === 'checkin_too_many_attempts')).toHaveLength(7);
    expect(new Set(answers.map((a) => a.backend))).toEqual(new Set(['0', '1']));
  });

  it('a POST retried with its Idempotency-Key on the other instance gets the first answer', async () => {
    const [a, b] = setup.instances as [Instance, Instance];
    const center = await buildCenter(setup.db);
    const shift = await buildShift(setup.db, {
      centerId: center.id,
      startsAt: new Date(Date.now() + 30 * DAY),
    });
    const [first, second] = crowd as [CrowdMember, CrowdMember];
    const url = `/api/shifts/${shift.id}/signups`;

    const original = await post(a.url, url, { body: {}, cookie: first.cookie, key: 'retry-me' });
    expect(original.status).toBe(201);
    const retried = await post(b.url, url, { body: {}, cookie: first.cookie, key: 'retry-me' });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotency-replayed')).toBe('true');
    expect(retried.json).toEqual(original.json);

    // Twins at once, one to each instance: one runs; the other waits its turn (409) or gets the answer.
    const twins = await Promise.all([
      call(a.url, 'POST', url, { body: {}, cookie: second.cookie, key: 'twin' }),
      call(b.url, 'POST', url, { body: {}, cookie: second.cookie, key: 'twin' }),
    ]);
    const made = twins.filter((t) => t.status === 201);
    expect(made.length).toBeGreaterThanOrEqual(1);
    for (const t of twins.filter((t) => t.status !== 201)) {
      expect(t.status).toBe(409);
      expect(t.json.code).toBe('idempotency_in_progress');
    }
    const settled = await post(b.url, url, { body: {}, cookie: second.cookie, key: 'twin' });
    expect(settled.json.signup?.id).toBe(made[0]?.json.signup?.id);
    for (const t of made) expect(t.json.signup?.id).toBe(made[0]?.json.signup?.id);

    const rows = await setup.db
      .selectFrom('signups')
      .select(['user_id'])
      .where('shift_id', '=', shift.id)
      .where('user_id', 'in', [first.userId, second.userId])
      .execute();
    expect(rows.map((r) => r.user_id).sort()).toEqual([first.userId, second.userId].sort());
  });

  itStopsCleanly(setup);
});
