/**
 * The short-code limit is counted in PostgreSQL before a code is compared: a burst of parallel guesses
 * gets at most the limit evaluated, and a second instance of the platform over the same database sees
 * the same count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF } from '../../../../test/support/app.js';
import { type CheckinScene, checkinScene } from '../../../../test/support/checkin-scene.js';
import { createRuntime } from '../../runtime.js';
import { CODE_ATTEMPTS } from './checkin.wiring.js';

let s: CheckinScene;
beforeAll(async () => {
  s = await checkinScene();
});
afterAll(async () => {
  await s.t.close();
});

const checkIn = (cookie: string, body: object) => s.t.request('POST', '/api/check-in', { cookie, body });
const wrongCode = async (shiftId: string) => {
  const right = (
    await s.t.request('GET', `/api/shifts/${shiftId}/checkin-code`, { cookie: s.coordinator })
  ).json().code as string;
  return { right, wrong: right === '000000' ? '000001' : '000000' };
};

describe('guessing the short code', () => {
  it('40 parallel guesses: at most the limit are evaluated, the rest are refused unseen', async () => {
    const shift = await s.shift();
    const v = await s.volunteer();
    await s.signUp(v.cookie, shift.id);
    const { wrong } = await wrongCode(shift.id);
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => checkIn(v.cookie, { shiftId: shift.id, code: wrong })),
    );
    const evaluated = answers.filter((r) => r.json().code === 'checkin_code_invalid');
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(evaluated.length).toBeLessThanOrEqual(CODE_ATTEMPTS.max);
    expect(evaluated.length + refused.length).toBe(40);
  });

  it('a right code does not use up the allowance; a second instance shares the count', async () => {
    const shift = await s.shift();
    const v = await s.volunteer();
    await s.signUp(v.cookie, shift.id);
    const { right, wrong } = await wrongCode(shift.id);
    const ok = await checkIn(v.cookie, { shiftId: shift.id, code: right, action: 'in' });
    expect(ok.statusCode).toBe(200);

    const second = await createRuntime({
      config: s.t.runtime.config,
      log: (await import('pino')).default({ level: 'silent' }),
      clock: s.t.clock,
      handle: s.t.runtime.handle,
      work: false,
      webDir: null,
    });
    try {
      const viaSecond = (body: object) =>
        second.app.inject({
          method: 'POST',
          url: '/api/check-in',
          headers: { ...CSRF, cookie: v.cookie },
          payload: body as Record<string, unknown>,
        });
      for (let i = 0; i < CODE_ATTEMPTS.max; i++) {
        const res = await (i % 2
          ? checkIn(v.cookie, { shiftId: shift.id, code: wrong })
          : viaSecond({ shiftId: shift.id, code: wrong }));
        expect(res.json().code).toBe('checkin_code_invalid');
      }
      expect((await viaSecond({ shiftId: shift.id, code: right })).statusCode).toBe(429);
      expect((await checkIn(v.cookie, { shiftId: shift.id, code: right })).statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });
});
