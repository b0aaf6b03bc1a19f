/**
 * Idempotency-Key on POST: a retried create replays the first answer instead of creating a second record,
 * on one instance or two sharing the database; reuse for a different request is refused; the key belongs
 * to its caller and expires.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildRegion, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { PERSONAL_DATA_CONSENT_VERSION } from '../../../shared/limits.js';
import { seedOpportunityCategories } from '../../modules/opportunities/index.js';
import { createRuntime, type Runtime } from '../../runtime.js';
import { registerSessions } from '../auth/session-plugin.js';
import { AppError } from '../errors.js';
import { registerIdempotency, SWEEP_QUEUE } from './idempotency.js';
import { registerProblemHandlers } from './problem.js';

let t: TestPlatform;
let center: { id: string };
let coordinator: string;
let coordinatorEmail: string;
let otherCoordinator: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));

beforeAll(async () => {
  t = await createTestPlatform();
  await seedOpportunityCategories(t.db);
  await buildRegion(t.db);
  center = await buildCenter(t.db);
  coordinatorEmail = (await buildUser(t.db, { role: 'center_coordinator', scopeId: center.id })).email;
  coordinator = await login(coordinatorEmail);
  otherCoordinator = await login(
    (await buildUser(t.db, { role: 'center_coordinator', scopeId: center.id })).email,
  );
});
afterAll(async () => {
  await t.close();
});

const workLogUrl = () => `/api/centers/${center.id}/work-log`;
const entry = (title: string) => ({ kind: 'training', occurredOn: '2026-10-05', title, quantity: 1 });
const entriesTitled = async (title: string) =>
  (await t.db.selectFrom('work_log_entries').select('id').where('title', '=', title).execute()).length;
const post = (url: string, body: unknown, cookie: string | null, key?: string) =>
  t.request('POST', url, { cookie, body, headers: key === undefined ? {} : { 'idempotency-key': key } });

describe('a retried create replays the first answer', () => {
  it('work-log entry: the same key answers the same 201 and body, marked as a replay; one row', async () => {
    const key = randomUUID();
    const first = await post(workLogUrl(), entry('Обучение волонтёров (повтор)'), coordinator, key);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    const again = await post(workLogUrl(), entry('Обучение волонтёров (повтор)'), coordinator, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.json()).toEqual(first.json());
    expect(await entriesTitled('Обучение волонтёров (повтор)')).toBe(1);
  });

  it('the key may be sent as a structured-field string (the IETF draft) or as a bare token', async () => {
    const key = randomUUID();
    const first = await post(workLogUrl(), entry('Кавычки'), coordinator, `"${key}"`);
    const again = await post(workLogUrl(), entry('Кавычки'), coordinator, key);
    expect(first.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(await entriesTitled('Кавычки')).toBe(1);
  });

  it('opportunity: a retried create makes one draft', async () => {
    const key = randomUUID();
    const body = { title: 'Субботник у реки (повтор)', description: 'Уборка берега' };
    const url = `/api/centers/${center.id}/opportunities`;
    const first = await post(url, body, coordinator, key);
    const again = await post(url, body, coordinator, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().opportunity.id).toBe(first.json().opportunity.id);
    const rows = await t.db
      .selectFrom('opportunities')
      .select('id')
      .where('title', '=', body.title)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('registration (anonymous caller): a retried sign-up replays the answer and mails once', async () => {
    const key = randomUUID();
    const body = {
      email: `retry-${randomUUID().slice(0, 8)}@example.ru`,
      password: TEST_PASSWORD,
      displayName: 'Повторная Регистрация',
      consent: { personalData: true, version: PERSONAL_DATA_CONSENT_VERSION },
    };
    const first = await post('/api/auth/register', body, null, key);
    expect(first.statusCode).toBe(202);
    const again = await post('/api/auth/register', body, null, key);
    expect(again.statusCode).toBe(202);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const users = await t.db.selectFrom('users').select('id').where('email', '=', body.email).execute();
    expect(users).toHaveLength(1);
    // The retry did not run: one mail (a second registration would mail the owner again).
    expect(await t.mailbox(body.email)).toHaveLength(1);
  });

  it('a refused request (4xx) is stored too: the retry gets the same refusal without running again', async () => {
    const key = randomUUID();
    const future = { ...entry('Из будущего'), occurredOn: '2027-01-01' };
    const first = await post(workLogUrl(), future, coordinator, key);
    expect(first.statusCode).toBe(400);
    const again = await post(workLogUrl(), future, coordinator, key);
    expect(again.statusCode).toBe(400);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().code).toBe(first.json().code);
  });

  it('without the header nothing changes: two identical posts make two entries', async () => {
    await post(workLogUrl(), entry('Без ключа'), coordinator);
    await post(workLogUrl(), entry('Без ключа'), coordinator);
    expect(await entriesTitled('Без ключа')).toBe(2);
  });
});

describe('reuse, validation and ownership of keys', () => {
  it('the same key with a different body is refused with 422 and creates nothing', async () => {
    const key = randomUUID();
    expect((await post(workLogUrl(), entry('Первое'), coordinator, key)).statusCode).toBe(201);
    const other = await post(workLogUrl(), entry('Другое'), coordinator, key);
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.json().code).toBe('idempotency_key_mismatch');
    expect(await entriesTitled('Другое')).toBe(0);
  });

  it('the same key on another endpoint is refused with 422', async () => {
    const key = randomUUID();
    expect((await post(workLogUrl(), entry('Путь'), coordinator, key)).statusCode).toBe(201);
    const other = await post(
      `/api/centers/${center.id}/opportunities`,
      { title: 'Путь', description: 'x' },
      coordinator,
      key,
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_mismatch');
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['with a space', 'two words'],
    ['not ASCII', 'ключ'],
    ['an unterminated quoted string', '"abc'],
  ])('a malformed key (%s) is a 400 problem and nothing is created', async (_label, key) => {
    const title = `Плохой ключ ${_label}`;
    const res = await post(workLogUrl(), entry(title), coordinator, key);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('idempotency_key_invalid');
    expect(await entriesTitled(title)).toBe(0);
  });

  it('a key of 255 visible characters is accepted', async () => {
    const res = await post(workLogUrl(), entry('Длинный ключ'), coordinator, `${'k'.repeat(254)}!`);
    expect(res.statusCode).toBe(201);
  });

  it('a key belongs to its caller: another user with the same key gets their own result', async () => {
    const key = randomUUID();
    const mine = await post(workLogUrl(), entry('Чужой ключ'), coordinator, key);
    const theirs = await post(workLogUrl(), entry('Чужой ключ'), otherCoordinator, key);
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotency-replayed']).toBeUndefined();
    expect(theirs.json().entry.id).not.toBe(mine.json().entry.id);
    expect(await entriesTitled('Чужой ключ')).toBe(2);
  });

  it('responses that set a cookie are not stored: a retried login logs in again', async () => {
    const user = await buildUser(t.db);
    const key = randomUUID();
    const body = { email: user.email, password: TEST_PASSWORD };
    const first = await post('/api/auth/login', body, null, key);
    const again = await post('/api/auth/login', body, null, key);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotency-replayed']).toBeUndefined();
    expect(sessionCookie(again)).not.toBe(sessionCookie(first));
  });
});

describe('concurrent twins and several instances', () => {
  it('two identical requests at once: one entry; the other answer is the replay or 409 in progress', async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([
      post(workLogUrl(), entry('Близнецы'), coordinator, key),
      post(workLogUrl(), entry('Близнецы'), coordinator, key),
    ]);
    expect(await entriesTitled('Близнецы')).toBe(1);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses[0]).toBe(201);
    for (const r of [a, b]) {
      if (r.statusCode === 409) {
        expect(r.json().code).toBe('idempotency_in_progress');
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      } else expect(r.statusCode).toBe(201);
    }
  });

  describe('two app instances on one database', () => {
    let second: Runtime;
    beforeAll(async () => {
      second = await createRuntime({
        config: t.runtime.config,
        log: pino({ level: 'silent' }),
        clock: t.clock,
        handle: t.runtime.handle,
        work: false,
        webDir: null,
        authRateLimit: { max: 1000, timeWindow: '1 minute' },
      });
    });
    afterAll(async () => {
      await second.app.close();
      await second.jobs.stop();
    });

    const viaSecond = (body: unknown, key: string) =>
      second.app.inject({
        method: 'POST',
        url: workLogUrl(),
        headers: { 'x-requested-with': 'dobroset', cookie: coordinator, 'idempotency-key': key },
        payload: body as object,
      });

    it('a retry that reaches the other instance replays the first answer', async () => {
      const key = randomUUID();
      const first = await post(workLogUrl(), entry('Два экземпляра'), coordinator, key);
      const again = await viaSecond(entry('Два экземпляра'), key);
      expect(first.statusCode).toBe(201);
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotency-replayed']).toBe('true');
      expect(again.json()).toEqual(first.json());
      expect(await entriesTitled('Два экземпляра')).toBe(1);
    });

    it('twins sent to both instances at once make one entry', async () => {
      const key = randomUUID();
      const results = await Promise.all([
        post(workLogUrl(), entry('Близнецы на двух'), coordinator, key),
        viaSecond(entry('Близнецы на двух'), key),
      ]);
      expect(await entriesTitled('Близнецы на двух')).toBe(1);
      expect(results.map((r) => r.statusCode)).toContain(201);
      for (const r of results) expect([201, 409]).toContain(r.statusCode);
    });
  });
});

describe('lifetime of keys', () => {
  it('an answer is kept for 24 hours; after that the key runs afresh and old rows are swept', async () => {
    const key = randomUUID();
    expect((await post(workLogUrl(), entry('Сутки'), coordinator, key)).statusCode).toBe(201);
    t.clock.advance(23 * 3_600_000);
    // The key belongs to the user, not to the session: a new login still sees it.
    coordinator = await login(coordinatorEmail);
    expect((await post(workLogUrl(), entry('Сутки'), coordinator, key)).headers['idempotency-replayed']).toBe(
      'true',
    );
    t.clock.advance(2 * 3_600_000);
    coordinator = await login(coordinatorEmail);
    const fresh = await post(workLogUrl(), entry('Сутки'), coordinator, key);
    expect(fresh.statusCode).toBe(201);
    expect(fresh.headers['idempotency-replayed']).toBeUndefined();
    expect(await entriesTitled('Сутки')).toBe(2);
    const expired = await t.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('expires_at', '<=', t.clock.now())
      .execute();
    expect(expired).toEqual([]);
  });

  it('the hourly job deletes expired keys (and their stored answers) and keeps live ones', async () => {
    const now = t.clock.now();
    const row = (key: string, expiresAt: Date) => ({
      owner: 'anon:sweep-test',
      key,
      fingerprint: 'f',
      claim: randomUUID(),
      state: 'done' as const,
      response_status: 201,
      response_headers: JSON.stringify({ 'content-type': 'application/json' }),
      response_body: '{"personal":"data"}',
      created_at: now,
      locked_until: now,
      expires_at: expiresAt,
    });
    await t.db
      .insertInto('idempotency_keys')
      .values([row('old', new Date(now.getTime() - 1000)), row('live', new Date(now.getTime() + 3_600_000))])
      .execute();
    await t.runtime.jobs.send(SWEEP_QUEUE, {});
    expect(await t.runtime.jobs.drain(SWEEP_QUEUE)).toBe(1);
    const left = await t.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('owner', '=', 'anon:sweep-test')
      .execute();
    expect(left.map((r) => r.key)).toEqual(['live']);
  });

  it('a key left in progress (the instance died) answers 409 until its lease ends, then runs again', async () => {
    const key = randomUUID();
    // What a crash between claiming the key and storing the answer leaves behind:
    const first = await post(workLogUrl(), entry('Сбой'), coordinator, key);
    expect(first.statusCode).toBe(201);
    await t.db
      .updateTable('idempotency_keys')
      .set({
        state: 'in_progress',
        response_status: null,
        response_headers: null,
        response_body: null,
        locked_until: new Date(t.clock.now().getTime() + 60_000),
      })
      .where('key', '=', key)
      .execute();
    const during = await post(workLogUrl(), entry('Сбой'), coordinator, key);
    expect(during.statusCode).toBe(409);
    expect(during.json().code).toBe('idempotency_in_progress');
    t.clock.advance(61_000);
    coordinator = await login(coordinatorEmail);
    const after = await post(workLogUrl(), entry('Сбой'), coordinator, key);
    expect(after.statusCode).toBe(201);
    expect(after.headers['idempotency-replayed']).toBeUndefined();
  });
});

describe('answers that are not kept', () => {
  it('a server error (5xx, 503) is not kept: the retry runs again, and its success is kept', async () => {
    const app = Fastify();
    registerProblemHandlers(app);
    await app.register(cookie);
    registerSessions(app, async () => null);
    registerIdempotency(app, { db: t.db, clock: t.clock });
    const outcomes = [
      () => {
        throw new Error('database went away');
      },
      () => {
        throw new AppError('internal', 503, 'Not ready.');
      },
      () => ({ made: 3 }),
    ];
    let calls = 0;
    app.post('/api/test/flaky', async (_request, reply) => {
      const outcome = outcomes[calls++] as () => { made: number };
      return reply.status(201).send(outcome());
    });
    await app.ready();
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/api/test/flaky',
        headers: { 'idempotency-key': 'flaky-1' },
        payload: {},
      });
    expect((await send()).statusCode).toBe(500);
    expect((await send()).statusCode).toBe(503);
    const success = await send();
    expect(success.statusCode).toBe(201);
    const replay = await send();
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotency-replayed']).toBe('true');
    expect(replay.json()).toEqual({ made: 3 });
    expect(calls).toBe(3);
    await app.close();
  });

  it('a key that could not be released during an outage is released once the database answers again', async () => {
    const { createIdempotencyStore } = await import('./idempotency.store.js');
    const real = createIdempotencyStore(t.db);
    let away = true;
    const store = {
      ...real,
      release: async (claim: Parameters<typeof real.release>[0]) => {
        if (away) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        return real.release(claim);
      },
    };
    const app = Fastify({ logger: false });
    registerProblemHandlers(app);
    await app.register(cookie);
    registerSessions(app, async () => null);
    registerIdempotency(app, { db: t.db, clock: t.clock, store });
    let calls = 0;
    app.post('/api/test/outage', async (_request, reply) => {
      calls += 1;
      if (calls === 1) throw new AppError('internal', 503, 'Database unavailable.');
      return reply.status(201).send({ made: calls });
    });
    await app.ready();
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/api/test/outage',
        headers: { 'idempotency-key': 'outage-1' },
        payload: { a: 1 },
      });
    expect((await send()).statusCode).toBe(503);
    // The key could not be released: while the database is away a retry is told to wait, not run twice.
    expect((await send()).statusCode).toBe(409);
    away = false;
    const retried = await send();
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toEqual({ made: 2 });
    expect((await send()).headers['idempotency-replayed']).toBe('true');
    expect(calls).toBe(2);
    await app.close();
  });
});
