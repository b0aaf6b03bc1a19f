import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildCenter,
  buildMunicipality,
  buildOrganization,
  buildRegion,
  buildUser,
  TEST_PASSWORD,
} from '../../../../test/support/factories.js';
import { SEEDED_COMMENT, seedPlanHistory } from './plan.seed.js';

let t: TestPlatform;
let regionId: string;
let operator: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));

beforeAll(async () => {
  t = await createTestPlatform();
  regionId = (await buildRegion(t.db)).id;
  for (let i = 0; i < 3; i += 1) await buildMunicipality(t.db, { regionId });
  operator = await login(
    (await buildUser(t.db, { role: 'regional_admin', scopeId: regionId, displayName: 'Оператор Ольга' }))
      .email,
  );
});
afterAll(async () => {
  await t.close();
});

const create = (body: Record<string, unknown>, cookie = operator, headers?: Record<string, string>) =>
  t.request('POST', '/api/plan/targets', { cookie, body, headers });

describe('who may see and edit the plan', () => {
  it('anonymous → 401; a coordinator or an organization representative → 403', async () => {
    expect((await t.request('GET', '/api/plan/targets')).statusCode).toBe(401);
    const center = await buildCenter(t.db);
    const org = await buildOrganization(t.db);
    const coordinator = await login(
      (await buildUser(t.db, { role: 'center_coordinator', scopeId: center.id })).email,
    );
    const representative = await login(
      (await buildUser(t.db, { role: 'org_representative', scopeId: org.id })).email,
    );
    for (const cookie of [coordinator, representative]) {
      expect((await t.request('GET', '/api/plan/targets', { cookie })).statusCode).toBe(403);
      expect((await t.request('GET', '/api/plan/dashboard', { cookie })).statusCode).toBe(403);
      expect((await t.request('GET', '/api/plan/history', { cookie })).statusCode).toBe(403);
      const refused = await create({ kind: 'active_centers', dueDate: '2030-12-31', target: 5 }, cookie);
      expect(refused.statusCode).toBe(403);
    }
    const count = await t.db
      .selectFrom('rollout_targets')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(0);
  });
});

describe('editing targets with history', () => {
  let targetId: string;

  it('creates a target and records who created it', async () => {
    const res = await create({
      kind: 'active_centers',
      dueDate: '2027-12-31',
      target: 12,
      note: 'к концу 2027',
    });
    expect(res.statusCode).toBe(201);
    targetId = res.json().target.id;
    expect(res.json().target).toMatchObject({ kind: 'active_centers', dueDate: '2027-12-31', target: 12 });
    const list = (await t.request('GET', '/api/plan/targets', { cookie: operator })).json();
    expect(list.programStart).toBe('2021-01-01');
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([targetId]);
    const history = (await t.request('GET', '/api/plan/history', { cookie: operator })).json().items;
    expect(history[0]).toMatchObject({
      action: 'created',
      targetId,
      before: null,
      after: { dueDate: '2027-12-31', target: 12, note: 'к концу 2027' },
      actor: { displayName: 'Оператор Ольга' },
    });
  });

  it('refuses a duplicate (kind, due date) with 409, bad dates and values with field errors', async () => {
    const dup = await create({ kind: 'active_centers', dueDate: '2027-12-31', target: 15 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'target_exists', errors: [{ field: 'dueDate' }] });

    const early = await create({ kind: 'active_centers', dueDate: '2020-06-30', target: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'dueDate', code: 'due_before_program' });
    expect(early.json().errors[0].message).toContain('2021-01-01');

    const negative = await create({ kind: 'active_centers', dueDate: '2028-12-31', target: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].field).toBe('target');

    // 3 municipalities in force (plus any the other tests added): more than exist is refused, in English too.
    const total = Number(
      (
        await t.db
          .selectFrom('municipalities')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
    const tooMany = await create(
      { kind: 'municipal_coverage', dueDate: '2028-12-31', target: total + 1 },
      operator,
      {
        'accept-language': 'en',
      },
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0]).toMatchObject({ field: 'target', code: 'coverage_above_total' });
    expect(tooMany.json().errors[0].message).toContain(`${total} municipalities`);
    const ok = await create({ kind: 'municipal_coverage', dueDate: '2028-12-31', target: total });
    expect(ok.statusCode).toBe(201);
  });

  it('a change needs a comment, must change something, and is kept with old and new values', async () => {
    const url = `/api/plan/targets/${targetId}`;
    const noComment = await t.request('PATCH', url, { cookie: operator, body: { target: 14 } });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().errors.map((e: { field: string }) => e.field)).toContain('comment');
    const blank = await t.request('PATCH', url, { cookie: operator, body: { target: 14, comment: '   ' } });
    expect(blank.json()).toMatchObject({
      code: 'plan_reason_required',
      detail: 'Укажите причину изменения плана.',
      errors: [{ field: 'comment' }],
    });
    const same = await t.request('PATCH', url, { cookie: operator, body: { target: 12, comment: 'то же' } });
    expect(same.json().code).toBe('nothing_changed');

    const changed = await t.request('PATCH', url, {
      cookie: operator,
      body: { target: 14, dueDate: '2027-11-30', comment: 'Министерство увеличило план' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().target).toMatchObject({ target: 14, dueDate: '2027-11-30', note: 'к концу 2027' });

    const history = (
      await t.request('GET', `/api/plan/history?targetId=${targetId}`, { cookie: operator })
    ).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['changed', 'created']);
    expect(history[0]).toMatchObject({
      before: { target: 12, dueDate: '2027-12-31' },
      after: { target: 14, dueDate: '2027-11-30' },
      comment: 'Министерство увеличило план',
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'rollout_target')
      .where('entity_id', '=', targetId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['plan.target_created', 'plan.target_changed']);
  });

  it('moving a target onto another target’s date is a 409; an unknown target a 404', async () => {
    await create({ kind: 'active_centers', dueDate: '2029-12-31', target: 20 });
    const clash = await t.request('PATCH', `/api/plan/targets/${targetId}`, {
      cookie: operator,
      body: { dueDate: '2029-12-31', comment: 'перенос' },
    });
    expect(clash.statusCode).toBe(409);
    const missing = await t.request('PATCH', '/api/plan/targets/00000000-0000-4000-8000-000000000000', {
      cookie: operator,
      body: { target: 1, comment: 'x' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('removal needs a comment; the history keeps the removed target', async () => {
    const url = `/api/plan/targets/${targetId}/remove`;
    expect((await t.request('POST', url, { cookie: operator, body: {} })).statusCode).toBe(400);
    const removed = await t.request('POST', url, {
      cookie: operator,
      body: { comment: 'Цель объединена с 2029' },
    });
    expect(removed.statusCode).toBe(204);
    const list = (await t.request('GET', '/api/plan/targets', { cookie: operator })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(targetId);
    const history = (
      await t.request('GET', `/api/plan/history?targetId=${targetId}`, { cookie: operator })
    ).json().items;
    expect(history[0]).toMatchObject({
      action: 'removed',
      before: { target: 14, dueDate: '2027-11-30' },
      after: null,
      comment: 'Цель объединена с 2029',
    });
    expect(
      (await t.request('POST', url, { cookie: operator, body: { comment: 'ещё раз' } })).statusCode,
    ).toBe(404);
  });

  it('the seed gives targets without history a first revision, once', async () => {
    await t.db
      .insertInto('rollout_targets')
      .values({ region_id: regionId, kind: 'active_centers', due_date: '2031-12-31', target: 30, note: null })
      .execute();
    expect(await seedPlanHistory(t.db, t.clock.now())).toBe(1);
    expect(await seedPlanHistory(t.db, t.clock.now())).toBe(0);
    const all = (await t.request('GET', '/api/plan/history', { cookie: operator })).json().items;
    expect(all[0]).toMatchObject({ action: 'created', comment: SEEDED_COMMENT, actor: null });
  });
});
