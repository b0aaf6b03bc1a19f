/**
 * The per-account login delay (login-throttle.ts): whoever sprays one account is slowed down, answered
 * 429 with Retry-After without the password being looked at; the account's owner, whose browser carries
 * the device cookie of an earlier login, is not locked out; the count decays; unknown addresses are
 * counted like known ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import { buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { DEVICE_COOKIE } from '../../platform/auth/device-cookie.js';
import { LOGIN_DELAY } from './login-throttle.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => {
  await t.close();
});

const login = (email: string, password: string, cookie?: string) =>
  t.request('POST', '/api/auth/login', { body: { email, password }, cookie: cookie ?? null });

function deviceCookie(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const found = (Array.isArray(raw) ? raw : [raw]).find(
    (c) => typeof c === 'string' && c.startsWith(`${DEVICE_COOKIE}=`),
  );
  if (typeof found !== 'string') throw new Error('no device cookie');
  return found;
}
const cookiePair = (setCookie: string) => setCookie.split(';')[0] as string;

/** Wrong passwords until the account is slowed down; returns the refusal. */
async function spray(email: string) {
  for (let i = 0; i < LOGIN_DELAY.free; i++) {
    const res = await login(email, `wrong-${i}`);
    expect(res.statusCode).toBe(401);
  }
  return login(email, 'wrong-again');
}

describe('the per-account login delay', () => {
  it('slows down whoever sprays one account: 429 with Retry-After, growing, without trying the password', async () => {
    const user = await buildUser(t.db);
    const refused = await spray(user.email);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'login_throttled' });
    const first = Number(refused.headers['retry-after']);
    expect(first).toBeGreaterThanOrEqual(1);
    // even the right password is not looked at while the delay runs
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(429);

    t.clock.advance(first * 1000);
    expect((await login(user.email, 'wrong-after-wait')).statusCode).toBe(401);
    const again = await login(user.email, 'wrong-at-once');
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(first);
  });

  it('never grows past the cap, and forgets after a quiet window', async () => {
    const user = await buildUser(t.db);
    await spray(user.email);
    for (let i = 0; i < 8; i++) {
      t.clock.advance(LOGIN_DELAY.maxMs);
      expect((await login(user.email, `wrong-late-${i}`)).statusCode).toBe(401);
    }
    const capped = await login(user.email, 'wrong');
    expect(Number(capped.headers['retry-after'])).toBeLessThanOrEqual(LOGIN_DELAY.maxMs / 1000);
    t.clock.advance(LOGIN_DELAY.windowMs + 1000);
    const fresh = await login(user.email, TEST_PASSWORD);
    expect(fresh.statusCode).toBe(200);
  });

  it('the owner with the device cookie of an earlier login is not locked out; others are', async () => {
    const user = await buildUser(t.db);
    const before = await login(user.email, TEST_PASSWORD);
    expect(before.statusCode).toBe(200);
    const device = deviceCookie(before);
    expect(device).toMatch(/HttpOnly/i);
    expect(device).toMatch(/SameSite=Strict/i);
    expect(device).toMatch(/Path=\/api\/auth\/login/);

    const attack = await spray(user.email);
    expect(attack.statusCode).toBe(429);
    // a new browser of the owner waits like anyone else …
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(429);
    // … the browser that logged in before goes straight in, again and again
    for (let i = 0; i < 3; i++) {
      const owner = await login(user.email, TEST_PASSWORD, cookiePair(device));
      expect(owner.statusCode).toBe(200);
    }
  });

  it('a device cookie is good for its own account only, and a forged one for none', async () => {
    const owner = await buildUser(t.db);
    const other = await buildUser(t.db);
    const device = cookiePair(deviceCookie(await login(owner.email, TEST_PASSWORD)));
    await spray(other.email);
    expect((await login(other.email, TEST_PASSWORD, device)).statusCode).toBe(429);
    const forged = `${DEVICE_COOKIE}=${device.split('=')[1]?.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}`;
    await spray(owner.email);
    expect((await login(owner.email, TEST_PASSWORD, forged)).statusCode).toBe(429);
    expect((await login(owner.email, TEST_PASSWORD, device)).statusCode).toBe(200);
  });

  it('a device cookie is throttled on its own: a stolen one gives no free guesses', async () => {
    const user = await buildUser(t.db);
    const device = cookiePair(deviceCookie(await login(user.email, TEST_PASSWORD)));
    for (let i = 0; i < LOGIN_DELAY.free; i++) {
      expect((await login(user.email, `wrong-${i}`, device)).statusCode).toBe(401);
    }
    expect((await login(user.email, 'wrong', device)).statusCode).toBe(429);
  });

  it('an unknown address is slowed down exactly like a registered one', async () => {
    const user = await buildUser(t.db);
    const known = await spray(user.email);
    const unknown = await spray('nobody-at-all@example.ru');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.headers['retry-after']).toBe(known.headers['retry-after']);
    expect(unknown.json().detail).toBe(known.json().detail);
  });
});
