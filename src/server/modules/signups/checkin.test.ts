import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckinScene, checkinScene, HOUR, MINUTE } from '../../../../test/support/checkin-scene.js';
import { CODE_ATTEMPTS } from './checkin.wiring.js';

let s: CheckinScene;
beforeAll(async () => {
  s = await checkinScene();
});
afterAll(async () => {
  await s.t.close();
});

const code = (cookie: string | null, shiftId: string) =>
  s.t.request('GET', `/api/shifts/${shiftId}/checkin-code`, { cookie });
const checkIn = (cookie: string, body: object) => s.t.request('POST', '/api/check-in', { cookie, body });

describe('who may see and rotate the QR code', () => {
  it('the centre coordinator and the operator; not a volunteer, another centre or anonymous', async () => {
    const shift = await s.shift();
    const v = await s.volunteer();
    expect((await code(null, shift.id)).statusCode).toBe(401);
    expect((await code(v.cookie, shift.id)).statusCode).toBe(404);
    expect((await code(s.otherCoordinator, shift.id)).statusCode).toBe(404);
    const rotateByOther = await s.t.request('POST', `/api/shifts/${shift.id}/checkin-code/rotate`, {
      cookie: s.otherCoordinator,
    });
    expect(rotateByOther.statusCode).toBe(404);
    const mine = await code(s.coordinator, shift.id);
    expect(mine.statusCode).toBe(200);
    const body = mine.json();
    expect(body.url).toBe(`http://localhost:3000/check-in?t=${encodeURIComponent(body.token)}`);
    expect(body.code).toMatch(/^\d{6}$/);
    const start = Date.parse(body.shift.startsAt);
    expect(Date.parse(body.validFrom)).toBe(start - HOUR);
    expect(Date.parse(body.validUntil)).toBe(Date.parse(body.shift.endsAt) + HOUR);
    // The key is made once: the operator sees the same code.
    expect((await code(s.operator, shift.id)).json().token).toBe(body.token);
    const key = await s.t.db
      .selectFrom('shifts')
      .select('checkin_key')
      .where('id', '=', shift.id)
      .executeTakeFirst();
    expect(key?.checkin_key).toMatch(/^[\w-]{43}$/);
  });
});

describe('the token', () => {
  it('refuses a tampered token, another shift id under the same signature, and a token of a rotated key', async () => {
    const shift = await s.shift();
    const other = await s.shift();
    const v = await s.volunteer();
    await s.signUp(v.cookie, shift.id);
    const { token } = (await code(s.coordinator, shift.id)).json();
    const { token: otherToken } = (await code(s.coordinator, other.id)).json();
    const [id, exp, sig] = token.split('.');
    const flipped = `${id}.${exp}.${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`;
    for (const bad of [
      flipped,
      `${otherToken.split('.')[0]}.${exp}.${sig}`,
      `${id}.${(Number.parseInt(exp, 36) + 3600).toString(36)}.${sig}`,
      'nonsense',
    ]) {
      const res = await checkIn(v.cookie, { token: bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json()).toMatchObject({ code: 'checkin_token_invalid', errors: [{ field: 'token' }] });
    }
    const rotated = await s.t.request('POST', `/api/shifts/${shift.id}/checkin-code/rotate`, {
      cookie: s.coordinator,
    });
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().code).not.toBe(undefined);
    expect(rotated.json().token).not.toBe(token);
    expect((await checkIn(v.cookie, { token })).json().code).toBe('checkin_token_invalid');
    const ok = await checkIn(v.cookie, { token: rotated.json().token });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().result).toBe('checked_in');
    const audit = await s.t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', shift.id)
      .where('action', '=', 'shift.checkin_code_rotated')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('opens an hour before the start, closes an hour after the end; an expired token says so', async () => {
    const shift = await s.shift();
    const v = await s.volunteer();
    await s.signUp(v.cookie, shift.id);
    // Moved later: the window now opens in 1.5 hours.
    const start = new Date(s.t.clock.now().getTime() + 150 * MINUTE);
    await s.t.db
      .updateTable('shifts')
      .set({ starts_at: start, ends_at: new Date(start.getTime() + 3 * HOUR) })
      .where('id', '=', shift.id)
      .execute();
    const { token } = (await code(s.coordinator, shift.id)).json();
    const early = await checkIn(v.cookie, { token });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('checkin_not_open');
    // Novokuznetsk local time of start − 60 min, in the message.
    const opens = new Intl.DateTimeFormat('ru-RU', {
      timeZone: 'Asia/Novokuznetsk',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(start.getTime() - HOUR));
    expect(early.json().detail).toContain(opens);
    s.advance(91 * MINUTE);
    expect((await checkIn(v.cookie, { token })).json().result).toBe('checked_in');
    s.advance(5 * HOUR);
    const late = await checkIn(v.cookie, { token, action: 'out' });
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ code: 'checkin_token_expired', errors: [{ field: 'token' }] });
  });
});

describe('checking in and out', () => {
  it('confirmed → attended (qr) with history; a repeat scan is not a check-out; later it is; hours on my list', async () => {
    const shift = await s.shift();
    const v = await s.volunteer();
    const signup = await s.signUp(v.cookie, shift.id);
    const { token } = (await code(s.coordinator, shift.id)).json();
    const first = await checkIn(v.cookie, { token });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      result: 'checked_in',
      signupId: signup.id,
      checkedOutAt: null,
      hours: 3,
    });
    const row = await s.t.db
      .selectFrom('signups')
      .selectAll()
      .where('id', '=', signup.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'attended', check_in_method: 'qr', checked_in_by: null });
    expect(row.checked_in_at?.getTime()).toBe(s.t.clock.now().getTime());
    const audit = await s.t.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('entity_id', '=', signup.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['signup.created', 'signup.attend']);
    s.advance(MINUTE);
    const again = await checkIn(v.cookie, { token });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_checked_in');
    s.advance(2 * HOUR);
    const out = await checkIn(v.cookie, { token });
    expect(out.json()).toMatchObject({ result: 'checked_out', hours: 2.02 });
    const twice = await checkIn(v.cookie, { token, action: 'out' });
    expect(twice.json().code).toBe('already_checked_out');
    const mine = (await s.t.request('GET', '/api/my/signups', { cookie: v.cookie })).json();
    expect(mine.items[0]).toMatchObject({ status: 'attended', hours: 2.02 });
    expect(mine.items[0].checkedOutAt).toBe(out.json().checkedOutAt);
  });

  it('explains: not signed up, waitlisted, cancelled; explicit out before in', async () => {
    const shift = await s.shift({ capacity: 1 });
    const [a, b, c, d] = [await s.volunteer(), await s.volunteer(), await s.volunteer(), await s.volunteer()];
    const { token } = (await code(s.coordinator, shift.id)).json();
    await s.signUp(a.cookie, shift.id);
    expect((await s.signUp(b.cookie, shift.id)).status).toBe('waitlisted');
    const cancelled = await s.signUp(c.cookie, shift.id);
    await s.t.request('POST', `/api/signups/${cancelled.id}/cancel`, {
      cookie: c.cookie,
      body: { reason: 'болею' },
    });
    const expect409 = async (cookie: string, body: object, codeName: string) => {
      const res = await checkIn(cookie, body);
      expect(res.statusCode, codeName).toBe(409);
      expect(res.json().code).toBe(codeName);
      expect(res.json().errors[0].field).toBe('shiftId');
    };
    await expect409(d.cookie, { token }, 'not_signed_up');
    await expect409(b.cookie, { token }, 'signup_not_confirmed');
    await expect409(c.cookie, { token }, 'signup_cancelled');
    const outFirst = await checkIn(a.cookie, { token, action: 'out' });
    expect(outFirst.json().code).toBe('not_checked_in');
    expect((await s.t.request('POST', '/api/check-in', { body: { token } })).statusCode).toBe(401);
    const neither = await checkIn(a.cookie, {});
    expect(neither.statusCode).toBe(400);
    expect(neither.json().code).toBe('checkin_target_required');
  });
});

describe('the short code', () => {
  it('checks in with the right code; wrong codes are limited per user; outsiders cannot guess', async () => {
    const shift = await s.shift();
    const v = await s.volunteer();
    const outsider = await s.volunteer();
    await s.signUp(v.cookie, shift.id);
    const right = (await code(s.coordinator, shift.id)).json().code as string;
    const wrong = right === '000000' ? '000001' : '000000';
    const notMine = await checkIn(outsider.cookie, { shiftId: shift.id, code: wrong });
    expect(notMine.json().code).toBe('not_signed_up');
    for (let i = 0; i < CODE_ATTEMPTS.max; i++) {
      const res = await checkIn(v.cookie, { shiftId: shift.id, code: wrong });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'checkin_code_invalid', errors: [{ field: 'code' }] });
    }
    const blocked = await checkIn(v.cookie, { shiftId: shift.id, code: right });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('checkin_too_many_attempts');
    s.advance(CODE_ATTEMPTS.windowMs + MINUTE);
    const ok = await checkIn(v.cookie, { shiftId: shift.id, code: right });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().result).toBe('checked_in');
  });
});
