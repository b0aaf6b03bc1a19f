import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildRegion, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';

let t: TestPlatform;
const c: Record<'A' | 'B' | 'C', { id: string }> = {} as never;
let operator: string;
let coordinatorB: string;
let coordinatorC: string;
let volunteer: string;
let roundId: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));

type Row = {
  rank: number;
  center: { id: string; name: string };
  scores: {
    indicator: string;
    computed: number | null;
    basis: number | null;
    entered: number | null;
    final: number | null;
    comment: string | null;
  }[];
  percent: number;
  points: number;
  zone: string;
  complete: boolean;
};
const rowOf = (rows: Row[], key: 'A' | 'B' | 'C') => rows.find((r) => r.center.id === c[key].id) as Row;
const scoreOf = (row: Row, code: string) => row.scores.find((s) => s.indicator === code);

async function log(key: 'A' | 'B' | 'C', kind: string, quantity: number, occurredOn = '2025-03-15') {
  const res = await t.request('POST', `/api/centers/${c[key].id}/work-log`, {
    cookie: operator,
    body: {
      kind,
      occurredOn,
      title: `${kind} ×${quantity}`,
      quantity,
      ...(kind === 'consultation' ? { audience: 'volunteers' } : {}),
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().entry.id as string;
}
const enter = (
  centre: 'A' | 'B' | 'C',
  indicator: string,
  score: number | null,
  comment?: string,
  cookie = operator,
) =>
  t.request('PUT', `/api/monitoring/rounds/${roundId}/scores`, {
    cookie,
    body: { centerId: c[centre].id, indicator, score, ...(comment ? { comment } : {}) },
  });

beforeAll(async () => {
  t = await createTestPlatform();
  const regionId = (await buildRegion(t.db)).id;
  c.A = await buildCenter(t.db, { name: 'А-центр' });
  c.B = await buildCenter(t.db, { name: 'Б-центр' });
  c.C = await buildCenter(t.db, { name: 'В-центр' });
  await buildCenter(t.db, { name: 'Закрытый центр', status: 'closed' });
  operator = await login((await buildUser(t.db, { role: 'regional_admin', scopeId: regionId })).email);
  coordinatorB = await login((await buildUser(t.db, { role: 'center_coordinator', scopeId: c.B.id })).email);
  coordinatorC = await login((await buildUser(t.db, { role: 'center_coordinator', scopeId: c.C.id })).email);
  volunteer = await login((await buildUser(t.db, { role: 'volunteer' })).email);

  // The hand-checked case (2025 H1): see monitoring.scoring.ts for the formulas.
  await log('A', 'coworking', 3);
  await log('A', 'event', 1);
  await log('A', 'consultation', 2);
  await log('A', 'training', 1);
  await log('A', 'help_desk', 5);
  await log('A', 'publication', 2);
  await log('B', 'event', 2);
  await log('B', 'consultation', 4);
  await log('B', 'publication', 10, '2025-07-05'); // the next half-year: not counted
  const removed = await log('B', 'help_desk', 100);
  await t.request('POST', `/api/centers/${c.B.id}/work-log/${removed}/remove`, {
    cookie: operator,
    body: { reason: 'Ошибка ввода' },
  });
});
afterAll(async () => {
  await t.close();
});

describe('opening a round', () => {
  it('only the regional operator runs monitoring', async () => {
    for (const cookie of [coordinatorB, volunteer]) {
      expect(
        (await t.request('POST', '/api/monitoring/rounds', { cookie, body: { year: 2025, half: 1 } }))
          .statusCode,
      ).toBe(403);
      expect((await t.request('GET', '/api/monitoring/rounds', { cookie })).statusCode).toBe(403);
    }
    expect((await t.request('GET', '/api/monitoring/rounds')).statusCode).toBe(401);
  });

  it('opens 2025 H1 over the active centres, with the six indicators as data', async () => {
    const res = await t.request('POST', '/api/monitoring/rounds', {
      cookie: operator,
      body: { year: 2025, half: 1 },
    });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    roundId = d.round.id;
    expect(d.round).toMatchObject({
      periodStart: '2025-01-01',
      periodEnd: '2025-06-30',
      status: 'open',
      greenFrom: 80,
      yellowFrom: 50,
      centers: 3,
    });
    expect(d.indicators.map((i: { code: string }) => i.code)).toEqual([
      'infrastructure',
      'services',
      'association',
      'priority_goals',
      'information',
      'franchise',
    ]);
    const indicators = (await t.request('GET', '/api/monitoring/indicators', { cookie: operator })).json();
    expect(indicators.items).toHaveLength(6);
  });

  it('one round per half-year; no future half-years; thresholds in order', async () => {
    const again = await t.request('POST', '/api/monitoring/rounds', {
      cookie: operator,
      body: { year: 2025, half: 1 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('round_exists');
    const future = await t.request('POST', '/api/monitoring/rounds', {
      cookie: operator,
      body: { year: 2027, half: 1 },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ field: 'half', code: 'period_in_future' });
    const order = await t.request('POST', '/api/monitoring/rounds', {
      cookie: operator,
      body: { year: 2024, half: 2, greenFrom: 40, yellowFrom: 60 },
    });
    expect(order.json().errors[0]).toMatchObject({ field: 'yellowFrom', code: 'thresholds_order' });
    expect((await t.db.selectFrom('monitoring_rounds').select('id').execute()).length).toBe(1);
  });
});

describe('scores and the rating', () => {
  it('computes the work-log indicators against the best centre (hand-checked)', async () => {
    const d = (await t.request('GET', `/api/monitoring/rounds/${roundId}`, { cookie: operator })).json();
    const A = rowOf(d.rows, 'A');
    const B = rowOf(d.rows, 'B');
    const C = rowOf(d.rows, 'C');
    expect([scoreOf(A, 'infrastructure'), scoreOf(A, 'services'), scoreOf(A, 'information')]).toMatchObject([
      { computed: 20, basis: 4 },
      { computed: 20, basis: 8 },
      { computed: 15, basis: 2 },
    ]);
    expect([scoreOf(B, 'infrastructure'), scoreOf(B, 'services'), scoreOf(B, 'information')]).toMatchObject([
      { computed: 10, basis: 2 },
      { computed: 10, basis: 4 },
      { computed: 0, basis: 0 },
    ]);
    expect(scoreOf(A, 'association')).toMatchObject({ computed: null, final: null });
    expect(A).toMatchObject({ rank: 1, points: 55, percent: 55, zone: 'yellow', complete: false });
    expect(B).toMatchObject({ rank: 2, percent: 20, zone: 'red' });
    expect(C).toMatchObject({ rank: 3, percent: 0, zone: 'red' });
  });

  it('entered scores complete the sheet; totals, zones and ranks follow', async () => {
    for (const [code, score] of [
      ['association', 12],
      ['priority_goals', 15],
      ['franchise', 10],
    ] as const)
      expect((await enter('A', code, score)).statusCode).toBe(200);
    for (const [code, score] of [
      ['association', 10],
      ['priority_goals', 10],
      ['franchise', 5],
    ] as const)
      await enter('B', code, score);
    const d = (await enter('B', 'franchise', 5)).json();
    expect(rowOf(d.rows, 'A')).toMatchObject({
      rank: 1,
      points: 92,
      percent: 92,
      zone: 'green',
      complete: true,
    });
    expect(rowOf(d.rows, 'B')).toMatchObject({
      rank: 2,
      points: 45,
      percent: 45,
      zone: 'red',
      complete: true,
    });
    expect(scoreOf(rowOf(d.rows, 'A'), 'association')).toMatchObject({ entered: 12, final: 12 });
  });

  it('an override of a computed score needs a comment and keeps both', async () => {
    const bare = await enter('B', 'information', 5);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0]).toMatchObject({ field: 'comment', code: 'override_comment_required' });
    const over = await enter('B', 'information', 16, 'Публикации в сети ВК');
    expect(over.json().errors[0]).toMatchObject({ field: 'score', code: 'score_above_max' });

    const d = (await enter('B', 'information', 5, 'Публикации в сети ВК не внесены в журнал')).json();
    const B = rowOf(d.rows, 'B');
    expect(scoreOf(B, 'information')).toMatchObject({
      computed: 0,
      entered: 5,
      final: 5,
      comment: 'Публикации в сети ВК не внесены в журнал',
    });
    // 50 % is exactly the yellow threshold.
    expect(B).toMatchObject({ percent: 50, zone: 'yellow' });
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', roundId)
      .where('action', '=', 'monitoring.score_entered')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(7);

    const unknown = await t.request('PUT', `/api/monitoring/rounds/${roundId}/scores`, {
      cookie: operator,
      body: { centerId: c.A.id, indicator: 'nonsense', score: 1 },
    });
    expect(unknown.json().errors[0]).toMatchObject({ field: 'indicator', code: 'unknown_indicator' });
    expect((await enter('A', 'association', 1, undefined, coordinatorB)).statusCode).toBe(403);
  });

  it('the work log feeds an open round live', async () => {
    const id = await log('C', 'publication', 1);
    const d = (await t.request('GET', `/api/monitoring/rounds/${roundId}`, { cookie: operator })).json();
    expect(scoreOf(rowOf(d.rows, 'C'), 'information')).toMatchObject({ computed: 7.5, basis: 1 });
    await t.request('POST', `/api/centers/${c.C.id}/work-log/${id}/remove`, {
      cookie: operator,
      body: { reason: 'тест' },
    });
  });

  it('exports the rating as CSV (BOM, ;) and XLSX', async () => {
    const csv = await t.request('GET', `/api/monitoring/rounds/${roundId}/rating.csv`, { cookie: operator });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('dobroset-monitoring-2025-h1.csv');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.rawPayload.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Место;Центр;Муниципалитет;Инфраструктура/);
    expect(lines[1]).toMatch(/^1;А-центр;.*;92;92;зелёная;да$/);
    expect(lines[2]).toMatch(/^2;Б-центр;.*;50;50;жёлтая;да$/);

    const xlsx = await t.request('GET', `/api/monitoring/rounds/${roundId}/rating.xlsx`, {
      cookie: operator,
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const sheet = workbook.getWorksheet('Рейтинг 2025-1');
    expect(sheet?.rowCount).toBe(4);
    expect(sheet?.getCell('B2').value).toBe('А-центр');
    expect(sheet?.getCell('A2').value).toBe(1);
    // Points and percent are numbers in the workbook, not text.
    expect(sheet?.getCell('J2').value).toBe(92);
    expect(sheet?.getCell('K2').value).toBe(92);
    expect(
      (await t.request('GET', `/api/monitoring/rounds/${roundId}/rating.csv`, { cookie: coordinatorB }))
        .statusCode,
    ).toBe(403);
  });
});

describe('closing', () => {
  it('a coordinator sees no open round in the centre history', async () => {
    const h = (await t.request('GET', `/api/centers/${c.B.id}/monitoring`, { cookie: coordinatorB })).json();
    expect(h.items).toEqual([]);
    const op = (await t.request('GET', `/api/centers/${c.B.id}/monitoring`, { cookie: operator })).json();
    expect(op.items).toHaveLength(1);
  });

  it('closes the round: computed scores are frozen and the round is final', async () => {
    const closed = await t.request('POST', `/api/monitoring/rounds/${roundId}/close`, { cookie: operator });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().round).toMatchObject({ status: 'closed' });

    // More work logged for the period later does not move a closed round.
    await log('B', 'publication', 50);
    const d = (await t.request('GET', `/api/monitoring/rounds/${roundId}`, { cookie: operator })).json();
    expect(scoreOf(rowOf(d.rows, 'B'), 'information')).toMatchObject({ computed: 0, entered: 5 });
    expect(rowOf(d.rows, 'A')).toMatchObject({ percent: 92, zone: 'green', rank: 1 });

    const change = await enter('A', 'association', 1);
    expect(change.statusCode).toBe(409);
    expect(change.json().code).toBe('round_closed');
    expect(
      (await t.request('POST', `/api/monitoring/rounds/${roundId}/close`, { cookie: operator })).json().code,
    ).toBe('round_closed');
    const reopen = await t.request('POST', `/api/monitoring/rounds/${roundId}/reopen`, { cookie: operator });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().code).toBe('round_final');
  });

  it("the centre's history across rounds: own centre only", async () => {
    const h = await t.request('GET', `/api/centers/${c.B.id}/monitoring`, { cookie: coordinatorB });
    expect(h.statusCode).toBe(200);
    expect(h.json().items).toEqual([
      expect.objectContaining({
        round: expect.objectContaining({ year: 2025, half: 1, status: 'closed' }),
        of: 3,
        row: expect.objectContaining({ rank: 2, percent: 50, zone: 'yellow' }),
      }),
    ]);
    expect(
      (await t.request('GET', `/api/centers/${c.B.id}/monitoring`, { cookie: coordinatorC })).statusCode,
    ).toBe(403);
    expect(
      (await t.request('GET', `/api/centers/${c.B.id}/monitoring`, { cookie: volunteer })).statusCode,
    ).toBe(403);
  });
});
