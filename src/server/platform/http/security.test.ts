/**
 * Addresses behind proxies (TRUST_PROXY), the auth limits shared by every instance, and
 * `Cache-Control: no-store` on every personal API answer (checked over the OpenAPI document).
 */
import { randomInt, randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF, createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { createRuntime } from '../../runtime.js';
import { ConfigError, loadConfig, trustProxy } from '../config.js';
import { mustNotStore } from './security.js';

const randomIp = () => `${randomInt(1, 223)}.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const LIMIT = { max: 10, timeWindow: '1 minute' };

/** 30 logins (each to another address, so no account delay interferes) with the given X-Forwarded-For. */
async function loginsFrom(t: TestPlatform, forwardedFor: () => string) {
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) {
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: `spray-${randomUUID()}@example.ru`, password: 'guess' },
      headers: { 'x-forwarded-for': forwardedFor() },
    });
    statuses.push(res.statusCode);
  }
  return statuses;
}

describe('TRUST_PROXY', () => {
  it('reads false, a hop count (true = 1) or proxy addresses, and refuses anything else by name', () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('true')).toBe(1);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy(' 10.0.0.1, 192.168.0.0/16 ,::1,loopback')).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'loopback',
    ]);
    for (const bad of ['everything', '11', '10.0.0.1/33', '10.0.0.0/8/1', '*']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });

  for (const setting of ['1', 'true']) {
    it(`TRUST_PROXY=${setting}: an address the client writes into X-Forwarded-For is not believed`, async () => {
      const t = await createTestPlatform({ env: { TRUST_PROXY: setting }, authRateLimit: LIMIT });
      try {
        // the client's own entries come first; the trusted proxy (the socket, 127.0.0.1) appended the last
        const statuses = await loginsFrom(t, () => `${randomIp()}, 127.0.0.1`);
        expect(statuses.slice(0, LIMIT.max).every((s) => s === 401)).toBe(true);
        expect(statuses.slice(LIMIT.max).every((s) => s === 429)).toBe(true);
      } finally {
        await t.close();
      }
    });
  }

  it('TRUST_PROXY=<proxy address>: the client is the address that proxy saw', async () => {
    const t = await createTestPlatform({ env: { TRUST_PROXY: '127.0.0.1' }, authRateLimit: LIMIT });
    try {
      const statuses = await loginsFrom(t, () => `${randomIp()}, 203.0.113.9`);
      expect(statuses.filter((s) => s === 429)).toHaveLength(30 - LIMIT.max);
      const user = await buildUser(t.db);
      const login = await t.request('POST', '/api/auth/login', {
        body: { email: user.email, password: TEST_PASSWORD },
        headers: { 'x-forwarded-for': '198.51.100.7' },
      });
      const sessions = await t.request('GET', '/api/me/sessions', { cookie: sessionCookie(login) });
      expect(sessions.json().items[0].ip).toBe('198.51.100.7');
    } finally {
      await t.close();
    }
  });
});

describe('auth limits are shared by every instance', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform({ authRateLimit: { max: 3, timeWindow: '1 minute' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('two instances over one database count one client together', async () => {
    const second = await createRuntime({
      config: t.runtime.config,
      log: pino({ level: 'silent' }),
      clock: t.clock,
      handle: t.runtime.handle,
      work: false,
      webDir: null,
      authRateLimit: { max: 3, timeWindow: '1 minute' },
    });
    try {
      const attempt = (i: number) => {
        const payload = { email: `two-${i}@example.ru` };
        return i % 2
          ? t.request('POST', '/api/auth/password-reset/request', { body: payload })
          : second.app.inject({
              method: 'POST',
              url: '/api/auth/password-reset/request',
              headers: CSRF,
              payload,
            });
      };
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await attempt(i)).statusCode);
      expect(statuses).toEqual([202, 202, 202, 429, 429, 429]);
      // the window is the database's, on the injected clock: it ends for both instances at once
      t.clock.advance(61_000);
      expect((await attempt(1)).statusCode).toBe(202);
      expect((await attempt(0)).statusCode).toBe(202);
    } finally {
      await second.close();
    }
  });
});

describe('Cache-Control on API answers', () => {
  it('the rule: non-public always no-store (unless the route chose private); public only with a session', () => {
    expect(mustNotStore('/api/me', false, undefined)).toBe(true);
    expect(mustNotStore('/api/me', true, 'public, max-age=60')).toBe(true);
    expect(mustNotStore('/api/calendar/:token', false, 'private, max-age=300')).toBe(false);
    expect(mustNotStore(undefined, false, undefined)).toBe(true);
    expect(mustNotStore('/api/public/region', false, undefined)).toBe(false);
    expect(mustNotStore('/api/public/region', true, undefined)).toBe(true);
    expect(mustNotStore('/api/public/municipality-shapes', true, 'public, max-age=60')).toBe(false);
  });

  it('every operation of the OpenAPI document answers a logged-in user with no-store (public ones may cache)', async () => {
    const t = await createTestPlatform();
    try {
      const user = await buildUser(t.db);
      const login = await t.request('POST', '/api/auth/login', {
        body: { email: user.email, password: TEST_PASSWORD },
      });
      expect(login.headers['cache-control']).toBe('no-store');
      const cookie = sessionCookie(login);
      const doc = (await t.request('GET', '/api/openapi.json')).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const checked: string[] = [];
      const missing: string[] = [];
      for (const [path, operations] of Object.entries(doc.paths)) {
        for (const method of Object.keys(operations)) {
          if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
          // logging out or ending sessions must not end the session the other checks use
          if (/logout|sessions/.test(path) && method !== 'get') continue;
          const url = path.replace(/\{[^}]+\}/g, randomUUID());
          const res = await t.request(method.toUpperCase() as 'GET', url, {
            cookie,
            ...(method === 'get' || method === 'delete' ? {} : { body: {} }),
          });
          const rule = String(res.headers['cache-control'] ?? '');
          const isPublic = path.startsWith('/api/public/');
          const ok = isPublic ? rule === 'no-store' || /max-age|no-cache/.test(rule) : rule === 'no-store';
          checked.push(`${method} ${path}`);
          if (!ok) missing.push(`${method.toUpperCase()} ${path} → ${res.statusCode} "${rule}"`);
        }
      }
      expect(checked.length).toBeGreaterThan(100);
      expect(missing).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
