import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildRegion, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import type { Actor } from '../../platform/auth/actor.js';
import { allowedNext, canTransition } from './center-status.js';
import { canChangeCenterStatus, canSeeCenterHistory } from './centers.policy.js';

let t: TestPlatform;
let regionId: string;
let operator: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));

beforeAll(async () => {
  t = await createTestPlatform();
  regionId = (await buildRegion(t.db)).id;
  operator = await login(
    (await buildUser(t.db, { role: 'regional_admin', scopeId: regionId, displayName: 'Оператор Ольга' }))
      .email,
  );
});
afterAll(async () => {
  await t.close();
});

describe('status machine and policy (pure)', () => {
  it('active ⇄ suspended, either → closed, closed is final', () => {
    expect(canTransition('active', 'suspended')).toBe(true);
    expect(canTransition('suspended', 'active')).toBe(true);
    expect(canTransition('suspended', 'closed')).toBe(true);
    expect(canTransition('active', 'active')).toBe(false);
    expect(allowedNext('closed')).toEqual([]);
  });
  it('only the operator decides; a coordinator sees the history of their own centre', () => {
    const user = (grants: Extract<Actor, { kind: 'user' }>['grants']): Actor => ({
      kind: 'user',
      userId: 'u',
      sessionId: 's',
      email: 'e',
      mustChangePassword: false,
      grants,
    });
    const center = { id: 'C1', organization_id: 'O1', region_id: 'R1' };
    const coordinator = user([{ role: 'center_coordinator', scopeType: 'center', scopeId: 'C1' }]);
    expect(
      canChangeCenterStatus(user([{ role: 'regional_admin', scopeType: 'region', scopeId: 'R1' }]), center),
    ).toBe(true);
    expect(canChangeCenterStatus(coordinator, center)).toBe(false);
    expect(canSeeCenterHistory(coordinator, center)).toBe(true);
    expect(
      canSeeCenterHistory(user([{ role: 'center_coordinator', scopeType: 'center', scopeId: 'C2' }]), center),
    ).toBe(false);
  });
});

describe('changing a centre status', () => {
  it('suspends with a reason, hides the centre from the public, reactivates, closes for good — all recorded', async () => {
    const center = await buildCenter(t.db, { name: 'Добро.Центр «Радуга»' });
    expect((await t.request('GET', `/api/public/centers/${center.id}`)).statusCode).toBe(200);

    const noReason = await t.request('POST', `/api/centers/${center.id}/status`, {
      cookie: operator,
      body: { to: 'suspended' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'comment', code: 'reason_required' });

    const suspended = await t.request('POST', `/api/centers/${center.id}/status`, {
      cookie: operator,
      body: { to: 'suspended', comment: 'Помещение на ремонте до весны' },
    });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json().center.status).toBe('suspended');
    expect((await t.request('GET', `/api/public/centers/${center.id}`)).statusCode).toBe(404);
    const list = (await t.request('GET', '/api/public/centers'))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(list).not.toContain(center.id);

    t.clock.advance(60_000);
    await t.request('POST', `/api/centers/${center.id}/status`, { cookie: operator, body: { to: 'active' } });
    t.clock.advance(60_000);
    const closed = await t.request('POST', `/api/centers/${center.id}/status`, {
      cookie: operator,
      body: { to: 'closed', comment: 'Организация прекратила работу' },
    });
    const events = closed.json().events;
    expect(events.map((e: { from: string; to: string }) => `${e.from}→${e.to}`)).toEqual([
      'active→suspended',
      'suspended→active',
      'active→closed',
    ]);
    expect(events[0]).toMatchObject({
      comment: 'Помещение на ремонте до весны',
      actor: { displayName: 'Оператор Ольга' },
    });

    const again = await t.request('POST', `/api/centers/${center.id}/status`, {
      cookie: operator,
      body: { to: 'active' },
      headers: { 'accept-language': 'ru' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'illegal_transition',
      errors: [{ field: 'to', code: 'illegal_transition' }],
    });
    expect(again.json().detail).toContain('из «closed» в «active»');
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', center.id)
      .execute();
    expect(audit).toHaveLength(3);
  });

  it('a coordinator cannot change the status; a stranger cannot even see the centre history', async () => {
    const center = await buildCenter(t.db);
    const coordinator = await login(
      (await buildUser(t.db, { role: 'center_coordinator', scopeId: center.id })).email,
    );
    const res = await t.request('POST', `/api/centers/${center.id}/status`, {
      cookie: coordinator,
      body: { to: 'closed', comment: 'Хочу закрыть' },
    });
    expect(res.statusCode).toBe(403);
    expect(
      (await t.request('GET', `/api/centers/${center.id}/history`, { cookie: coordinator })).statusCode,
    ).toBe(200);
    const stranger = await login((await buildUser(t.db)).email);
    expect(
      (await t.request('GET', `/api/centers/${center.id}/history`, { cookie: stranger })).statusCode,
    ).toBe(404);
    expect((await t.request('GET', `/api/centers/${center.id}/history`)).statusCode).toBe(401);
    const row = await t.db
      .selectFrom('centers')
      .select('status')
      .where('id', '=', center.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
  });

  it('two operators deciding at once: one transition wins, the other is refused', async () => {
    const center = await buildCenter(t.db);
    const results = await Promise.all(
      ['Причина один', 'Причина два'].map((comment) =>
        t.request('POST', `/api/centers/${center.id}/status`, {
          cookie: operator,
          body: { to: 'suspended', comment },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await t.db
      .selectFrom('center_status_events')
      .selectAll()
      .where('center_id', '=', center.id)
      .execute();
    expect(events).toHaveLength(1);
  });

  it('coverage drops when the only centre of a municipality is suspended', async () => {
    const center = await buildCenter(t.db);
    const state = async () =>
      (await t.request('GET', '/api/public/municipalities'))
        .json()
        .items.find((m: { id: string }) => m.id === center.municipality_id).coverage;
    expect(await state()).toBe('covered');
    await t.request('POST', `/api/centers/${center.id}/status`, {
      cookie: operator,
      body: { to: 'suspended', comment: 'Проверка' },
    });
    expect(await state()).toBe('none');
  });
});
