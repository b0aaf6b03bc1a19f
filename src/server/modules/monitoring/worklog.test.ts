import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildRegion, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';

let t: TestPlatform;
let center: { id: string };
let other: { id: string };
let coordinator: string;
let otherCoordinator: string;
let operator: string;
let volunteer: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
const url = (id = center.id) => `/api/centers/${id}/work-log`;

beforeAll(async () => {
  t = await createTestPlatform();
  const regionId = (await buildRegion(t.db)).id;
  center = await buildCenter(t.db, { name: 'Добро.Центр «Исток»' });
  await t.db.updateTable('centers').set({ opened_on: '2024-03-01' }).where('id', '=', center.id).execute();
  other = await buildCenter(t.db, { name: 'Добро.Центр «Другой»' });
  coordinator = await login(
    (
      await buildUser(t.db, {
        role: 'center_coordinator',
        scopeId: center.id,
        displayName: 'Координатор Кира',
      })
    ).email,
  );
  otherCoordinator = await login(
    (await buildUser(t.db, { role: 'center_coordinator', scopeId: other.id })).email,
  );
  operator = await login(
    (await buildUser(t.db, { role: 'regional_admin', scopeId: regionId, displayName: 'Оператор Ольга' }))
      .email,
  );
  volunteer = await login((await buildUser(t.db, { role: 'volunteer' })).email);
});
afterAll(async () => {
  await t.close();
});

const consultation = {
  kind: 'consultation',
  audience: 'ngos',
  occurredOn: '2026-10-05',
  title: 'Консультация для НКО «Забота» по грантам',
  quantity: 2,
  peopleReached: 6,
};

describe('entering the work log', () => {
  it("the centre's coordinator records a consultation; the author and time are kept and audited", async () => {
    const res = await t.request('POST', url(), { cookie: coordinator, body: consultation });
    expect(res.statusCode).toBe(201);
    const { entry } = res.json();
    expect(entry).toMatchObject({
      kind: 'consultation',
      audience: 'ngos',
      quantity: 2,
      version: 1,
      author: { displayName: 'Координатор Кира' },
      removed: null,
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', entry.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('work_log.added');
  });

  it('refuses bad dates and a consultation without an audience with field errors', async () => {
    const future = await t.request('POST', url(), {
      cookie: coordinator,
      body: { ...consultation, occurredOn: '2026-11-25' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([
      expect.objectContaining({ field: 'occurredOn', code: 'date_in_future' }),
    ]);

    const early = await t.request('POST', url(), {
      cookie: coordinator,
      body: { ...consultation, occurredOn: '2024-02-29' },
      headers: { 'accept-language': 'ru' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'occurredOn', code: 'before_center_opened' });
    expect(early.json().errors[0].message).toContain('2024-03-01');

    const noAudience = await t.request('POST', url(), {
      cookie: coordinator,
      body: { ...consultation, audience: undefined },
    });
    expect(noAudience.json().errors[0]).toMatchObject({ field: 'audience', code: 'audience_required' });
    const strayAudience = await t.request('POST', url(), {
      cookie: coordinator,
      body: { ...consultation, kind: 'event' },
    });
    expect(strayAudience.json().errors[0]).toMatchObject({ field: 'audience', code: 'audience_not_allowed' });
    const badDate = await t.request('POST', url(), {
      cookie: coordinator,
      body: { ...consultation, occurredOn: '2026-02-30' },
    });
    expect(badDate.statusCode).toBe(400);
    const badLink = await t.request('POST', url(), {
      cookie: coordinator,
      body: { kind: 'publication', occurredOn: '2026-10-01', title: 'Статья', link: 'javascript:alert(1)' },
    });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().errors[0].field).toBe('link');
  });

  it('another centre’s coordinator, a volunteer and anonymous visitors are refused', async () => {
    expect((await t.request('GET', url(), { cookie: otherCoordinator })).statusCode).toBe(403);
    expect(
      (await t.request('POST', url(), { cookie: otherCoordinator, body: consultation })).statusCode,
    ).toBe(403);
    expect((await t.request('GET', url(), { cookie: volunteer })).statusCode).toBe(403);
    expect((await t.request('POST', url(), { cookie: volunteer, body: consultation })).statusCode).toBe(403);
    expect((await t.request('GET', url())).statusCode).toBe(401);
    expect(
      (await t.request('GET', url('00000000-0000-4000-8000-000000000000'), { cookie: operator })).statusCode,
    ).toBe(404);
    // …while the other coordinator keeps their own log.
    expect((await t.request('GET', url(other.id), { cookie: otherCoordinator })).statusCode).toBe(200);
  });
});

describe('correcting and removing', () => {
  it('a correction keeps the earlier state, who changed it and when', async () => {
    const { entry } = (
      await t.request('POST', url(), {
        cookie: coordinator,
        body: {
          kind: 'training',
          occurredOn: '2026-09-10',
          title: 'Школа волонтёра',
          quantity: 1,
          peopleReached: 20,
        },
      })
    ).json();
    t.clock.advance(60_000);
    const fixed = await t.request('PATCH', `${url()}/${entry.id}`, {
      cookie: operator,
      body: { peopleReached: 25, title: 'Школа волонтёра: модуль 1', reason: 'Уточнили по списку' },
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().entry).toMatchObject({
      title: 'Школа волонтёра: модуль 1',
      peopleReached: 25,
      version: 2,
      author: { displayName: 'Координатор Кира' },
      updatedBy: { displayName: 'Оператор Ольга' },
    });
    const history = (await t.request('GET', `${url()}/${entry.id}/history`, { cookie: coordinator })).json();
    expect(history.revisions).toEqual([
      expect.objectContaining({
        version: 1,
        action: 'corrected',
        reason: 'Уточнили по списку',
        actor: expect.objectContaining({ displayName: 'Оператор Ольга' }),
        before: expect.objectContaining({ title: 'Школа волонтёра', peopleReached: 20 }),
      }),
    ]);
    // A correction to a future date is refused like a new entry.
    const future = await t.request('PATCH', `${url()}/${entry.id}`, {
      cookie: coordinator,
      body: { occurredOn: '2027-01-01' },
    });
    expect(future.json().errors[0]).toMatchObject({ field: 'occurredOn', code: 'date_in_future' });
    // Changing the kind away from consultation drops the audience.
    const c = (await t.request('POST', url(), { cookie: coordinator, body: consultation })).json().entry;
    const asEvent = await t.request('PATCH', `${url()}/${c.id}`, {
      cookie: coordinator,
      body: { kind: 'event' },
    });
    expect(asEvent.json().entry).toMatchObject({ kind: 'event', audience: null });
  });

  it('removal needs a reason, keeps the entry (no longer counted) and makes it final', async () => {
    const { entry } = (
      await t.request('POST', url(), {
        cookie: coordinator,
        body: { kind: 'help_desk', occurredOn: '2026-11-01', title: 'Заявка: помощь семье', quantity: 3 },
      })
    ).json();
    const before = (await t.request('GET', `${url()}?kind=help_desk`, { cookie: coordinator })).json();
    expect(before.totals).toEqual([{ kind: 'help_desk', entries: 1, quantity: 3, peopleReached: 0 }]);

    const noReason = await t.request('POST', `${url()}/${entry.id}/remove`, {
      cookie: coordinator,
      body: { reason: '   ' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'reason', code: 'reason_required' });

    const removed = await t.request('POST', `${url()}/${entry.id}/remove`, {
      cookie: coordinator,
      body: { reason: 'Записано дважды' },
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().entry.removed).toMatchObject({ reason: 'Записано дважды' });

    const after = (await t.request('GET', `${url()}?kind=help_desk`, { cookie: coordinator })).json();
    expect(after.items).toEqual([]);
    expect(after.totals[0]).toMatchObject({ entries: 0, quantity: 0 });
    const withRemoved = (
      await t.request('GET', `${url()}?kind=help_desk&removed=true`, { cookie: coordinator })
    ).json();
    expect(withRemoved.items.map((e: { id: string }) => e.id)).toEqual([entry.id]);

    const again = await t.request('PATCH', `${url()}/${entry.id}`, {
      cookie: coordinator,
      body: { quantity: 1 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('entry_removed');
    const row = await t.db
      .selectFrom('work_log_entries')
      .selectAll()
      .where('id', '=', entry.id)
      .executeTakeFirst();
    expect(row?.deleted_reason).toBe('Записано дважды');
  });

  it('filters by period and kind, with totals per kind', async () => {
    await t.request('POST', url(), {
      cookie: coordinator,
      body: {
        kind: 'publication',
        occurredOn: '2025-05-05',
        title: 'Интервью',
        link: 'https://example.ru/news/1',
      },
    });
    const period = (
      await t.request('GET', `${url()}?from=2025-01-01&to=2025-06-30`, { cookie: coordinator })
    ).json();
    expect(period.items.map((e: { title: string }) => e.title)).toEqual(['Интервью']);
    expect(period.totals.find((x: { kind: string }) => x.kind === 'publication')).toMatchObject({
      entries: 1,
      quantity: 1,
    });
    expect(period.totals).toHaveLength(6);
    const reversed = await t.request('GET', `${url()}?from=2025-06-30&to=2025-01-01`, {
      cookie: coordinator,
    });
    expect(reversed.json().errors[0]).toMatchObject({ field: 'to', code: 'before_from' });
  });
});
