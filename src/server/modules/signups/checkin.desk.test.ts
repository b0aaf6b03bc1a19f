import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckinScene, checkinScene, HOUR, MINUTE } from '../../../../test/support/checkin-scene.js';
import { foldName } from './checkin.desk.js';

let s: CheckinScene;
beforeAll(async () => {
  s = await checkinScene();
});
afterAll(async () => {
  await s.t.close();
});

const desk = (cookie: string | null, shiftId: string, q?: string) =>
  s.t.request('GET', `/api/shifts/${shiftId}/desk${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`, {
    cookie,
  });
const act = (signupId: string, action: string, cookie = s.coordinator) =>
  s.t.request('POST', `/api/signups/${signupId}/desk`, { cookie, body: { action } });
const walkUp = (shiftId: string, body: object, cookie = s.coordinator) =>
  s.t.request('POST', `/api/shifts/${shiftId}/walk-ins`, { cookie, body });

describe('who may open the desk', () => {
  it('the centre coordinator and the operator; not a volunteer or another centre', async () => {
    const shift = await s.shift();
    const v = await s.volunteer();
    const signup = await s.signUp(v.cookie, shift.id);
    expect((await desk(null, shift.id)).statusCode).toBe(401);
    expect((await desk(v.cookie, shift.id)).statusCode).toBe(404);
    expect((await desk(s.otherCoordinator, shift.id)).statusCode).toBe(404);
    expect((await act(signup.id, 'check_in', v.cookie)).statusCode).toBe(404);
    expect((await act(signup.id, 'check_in', s.otherCoordinator)).statusCode).toBe(404);
    expect((await walkUp(shift.id, { fullName: 'Гость' }, s.otherCoordinator)).statusCode).toBe(404);
    expect((await desk(s.operator, shift.id)).statusCode).toBe(200);
    expect((await act(signup.id, 'check_in', s.operator)).json().entry.status).toBe('attended');
  });
});

describe('the list and search', () => {
  it('lists holding and applied people with counts; finds names case-insensitively with ё = е', async () => {
    expect(foldName('ЁЛКИНА Алёна')).toBe('елкина алена');
    const shift = await s.shift({ capacity: 3 });
    const a = await s.volunteer('Ёлкина Алёна');
    const b = await s.volunteer('Сергей Иванов');
    const c = await s.volunteer('Пётр Смирнов');
    await s.signUp(a.cookie, shift.id);
    await s.signUp(b.cookie, shift.id);
    const cancelled = await s.signUp(c.cookie, shift.id);
    await s.t.request('POST', `/api/signups/${cancelled.id}/cancel`, {
      cookie: c.cookie,
      body: { reason: 'нет' },
    });
    await walkUp(shift.id, { fullName: 'Фёдор Гость', contact: '+7 900 000-00-00' });
    const all = (await desk(s.coordinator, shift.id)).json();
    expect(all.entries.map((e: { user: { displayName: string } }) => e.user.displayName)).toEqual([
      'Ёлкина Алёна',
      'Сергей Иванов',
    ]);
    expect(all.counts).toEqual({ expected: 3, arrived: 1, noShow: 0, free: 0 });
    for (const q of ['елкина', 'АЛЕНА', 'алёна', 'Ёлк']) {
      const found = (await desk(s.coordinator, shift.id, q)).json();
      expect(
        found.entries.map((e: { user: { displayName: string } }) => e.user.displayName),
        q,
      ).toEqual(['Ёлкина Алёна']);
      expect(found.walkIns, q).toEqual([]);
      expect(found.counts.expected).toBe(3);
    }
    const guest = (await desk(s.coordinator, shift.id, 'федор')).json();
    expect(guest.entries).toEqual([]);
    expect(guest.walkIns.map((w: { fullName: string }) => w.fullName)).toEqual(['Фёдор Гость']);
  });
});

describe('desk actions', () => {
  it('check in (desk, by whom), check out, undo each, no-show only without a check-in, undo a no-show', async () => {
    const shift = await s.shift();
    const v = await s.volunteer();
    const signup = await s.signUp(v.cookie, shift.id);
    const coordinatorId = (
      await s.t.db
        .selectFrom('users')
        .select('id')
        .where('display_name', '=', 'Координатор')
        .executeTakeFirstOrThrow()
    ).id;
    const inRes = await act(signup.id, 'check_in');
    expect(inRes.json().entry).toMatchObject({ status: 'attended', method: 'desk', hours: 3 });
    const row = await s.t.db
      .selectFrom('signups')
      .selectAll()
      .where('id', '=', signup.id)
      .executeTakeFirstOrThrow();
    expect(row.checked_in_by).toBe(coordinatorId);
    expect((await act(signup.id, 'check_in')).json().code).toBe('already_checked_in');
    expect((await act(signup.id, 'no_show')).json().code).toBe('undo_check_in_first');
    s.advance(90 * MINUTE);
    expect((await act(signup.id, 'check_out')).json().entry.hours).toBe(1.5);
    expect((await act(signup.id, 'undo')).json().entry).toMatchObject({
      status: 'attended',
      checkedOutAt: null,
      hours: 3,
    });
    expect((await act(signup.id, 'undo')).json().entry).toMatchObject({
      status: 'confirmed',
      checkedInAt: null,
      method: null,
      hours: null,
    });
    expect((await act(signup.id, 'no_show')).json().entry.status).toBe('no_show');
    expect((await desk(s.coordinator, shift.id)).json().counts).toMatchObject({ noShow: 1, arrived: 0 });
    expect((await act(signup.id, 'undo')).json().entry.status).toBe('confirmed');
    expect((await act(signup.id, 'undo')).json().code).toBe('nothing_to_undo');
    const actions = await s.t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', signup.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'signup.created',
      'signup.attend',
      'signup.checked_out',
      'signup.check_out_undone',
      'signup.check_in_undone',
      'signup.no_show',
      'signup.no_show_undone',
    ]);
  });

  it('a late no-show comes back only into a free place', async () => {
    const shift = await s.shift({ capacity: 1 });
    const a = await s.volunteer();
    const signup = await s.signUp(a.cookie, shift.id);
    s.advance(31 * MINUTE);
    expect((await act(signup.id, 'no_show')).json().entry.status).toBe('no_show');
    await walkUp(shift.id, { fullName: 'Анна Гостья' });
    const back = await s.t.request('POST', '/api/check-in', {
      cookie: a.cookie,
      body: {
        token: (
          await s.t.request('GET', `/api/shifts/${shift.id}/checkin-code`, { cookie: s.coordinator })
        ).json().token,
      },
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().code).toBe('shift_full');
    expect((await act(signup.id, 'check_in')).json().code).toBe('shift_full');
  });
});

describe('walk-ups and capacity', () => {
  it('walk-ins hold places: nothing overbooks, signups waitlist; removal needs a reason and frees the place', async () => {
    const shift = await s.shift({ capacity: 2 });
    const a = await s.volunteer();
    await s.signUp(a.cookie, shift.id);
    const first = await walkUp(shift.id, { fullName: '  Мария Гостья ', contact: 'maria@example.ru' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      entry: null,
      walkIn: { fullName: 'Мария Гостья', contact: 'maria@example.ru', hours: 3 },
    });
    const full = await walkUp(shift.id, { fullName: 'Ещё Гость' });
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('shift_full');
    const b = await s.volunteer();
    expect((await s.signUp(b.cookie, shift.id)).status).toBe('waitlisted');
    expect((await desk(s.coordinator, shift.id)).json().counts.free).toBe(0);
    // the roster counts places as the capacity check does: the walk-in holds one
    const roster = await s.t.request('GET', `/api/shifts/${shift.id}/roster`, { cookie: s.coordinator });
    expect(roster.json().shift).toMatchObject({ capacity: 2, held: 2 });
    const id = first.json().walkIn.id;
    const noReason = await s.t.request('POST', `/api/walk-ins/${id}/remove`, {
      cookie: s.coordinator,
      body: { reason: '  ' },
    });
    expect(noReason.statusCode).toBe(400);
    s.advance(12 * MINUTE);
    const out = await s.t.request('POST', `/api/walk-ins/${id}/check-out`, { cookie: s.coordinator });
    expect(out.json().walkIn.hours).toBe(0.2);
    const removed = await s.t.request('POST', `/api/walk-ins/${id}/remove`, {
      cookie: s.coordinator,
      body: { reason: 'добавлен по ошибке' },
    });
    expect(removed.json().walkIn.removedAt).not.toBeNull();
    expect(
      (
        await s.t.request('POST', `/api/walk-ins/${id}/remove`, {
          cookie: s.coordinator,
          body: { reason: 'x' },
        })
      ).json().code,
    ).toBe('walk_in_removed');
    const row = await s.t.db
      .selectFrom('shift_walk_ins')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.removal_reason).toBe('добавлен по ошибке');
    // The freed place went to the waitlist (an offer holds it), so still nothing overbooks.
    await s.t.runtime.jobs.drain('signups-promote');
    const after = (await desk(s.coordinator, shift.id)).json();
    expect(after.walkIns).toEqual([]);
    expect(after.entries.map((e: { status: string }) => e.status).sort()).toEqual(['confirmed', 'offered']);
    expect(after.counts.free).toBe(0);
    expect((await walkUp(shift.id, { fullName: 'Поздний Гость' })).json().code).toBe('shift_full');
  });

  it("one of the centre's people goes straight to attended; a signed-up one is checked in; strangers are invited, full shift refused", async () => {
    const shift = await s.shift({ capacity: 2 });
    const signed = await s.volunteer();
    const signup = await s.signUp(signed.cookie, shift.id);
    const walker = await s.volunteer('Глеб Пешеходов');
    // related to the centre by his own act: a member of its squad
    const squad = await s.t.db
      .insertInto('squads')
      .values({ center_id: s.center.id, name: 'Отряд у входа', invite_code: 'DESK-SQUAD' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await s.t.db
      .insertInto('squad_members')
      .values({
        squad_id: squad.id,
        user_id: walker.id,
        status: 'active',
        joined_via: 'code',
        requested_at: new Date(),
      })
      .execute();
    const found = await s.t.request('GET', `/api/shifts/${shift.id}/candidates?q=глеб`, {
      cookie: s.coordinator,
    });
    expect(found.json().items).toMatchObject([{ id: walker.id, displayName: 'Глеб Пешеходов' }]);
    const res = await walkUp(shift.id, { userId: walker.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      walkIn: null,
      invitation: null,
      entry: { status: 'attended', method: 'desk', user: { displayName: 'Глеб Пешеходов' } },
    });
    const audit = await s.t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', res.json().entry.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['signup.walk_up']);
    // the one already signed up (his own act at this centre) is checked in
    const again = await walkUp(shift.id, { userId: signed.id });
    expect(again.json().entry).toMatchObject({ id: signup.id, status: 'attended', method: 'desk' });
    // someone with no relation to the centre is not placed by id …
    const third = await s.volunteer();
    const stranger = await walkUp(shift.id, { userId: third.id });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0]).toMatchObject({ field: 'userId', code: 'not_a_candidate' });
    // … but invited by e-mail; the answer is the same for an unknown address
    const invited = await walkUp(shift.id, { email: third.email });
    const unknown = await walkUp(shift.id, { email: 'nobody@example.ru' });
    expect([invited.statusCode, unknown.statusCode]).toEqual([201, 201]);
    expect(invited.json()).toMatchObject({ entry: null, walkIn: null, invitation: { status: 'pending' } });
    expect(Object.keys(unknown.json().invitation).sort()).toEqual(
      Object.keys(invited.json().invitation).sort(),
    );
    // the shift is full now: accepting the invitation is refused
    const inv = (await s.t.request('GET', '/api/my/signups', { cookie: third.cookie })).json().invitations[0];
    const full = await s.t.request('POST', `/api/invitations/${inv.id}/accept`, { cookie: third.cookie });
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('shift_full');
    expect((await walkUp(shift.id, {})).json().code).toBe('walk_up_target_required');
  });

  it('walk-ups wait for the check-in window', async () => {
    const start = new Date(s.t.clock.now().getTime() + 5 * HOUR);
    const shift = await s.shift();
    await s.t.db
      .updateTable('shifts')
      .set({ starts_at: start, ends_at: new Date(start.getTime() + HOUR) })
      .where('id', '=', shift.id)
      .execute();
    const res = await walkUp(shift.id, { fullName: 'Рано Пришедший' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('checkin_not_open');
  });
});
