import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import { PERSONAL_DATA_CONSENT_VERSION } from '../../../shared/limits.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => {
  await t.close();
});

const validRegister = {
  email: 'bad-input@example.ru',
  password: 'Кузбасс-2026-волонтёр',
  displayName: 'Пётр',
  consent: { personalData: true, version: PERSONAL_DATA_CONSENT_VERSION },
};

/** One write endpoint per route family, with a valid body to break in different ways. */
const families = [
  {
    name: 'auth',
    url: '/api/auth/register',
    method: 'POST' as const,
    body: validRegister,
    field: 'email',
    wrong: { email: 42 },
  },
  {
    name: 'auth/login',
    url: '/api/auth/login',
    method: 'POST' as const,
    body: { email: 'a@example.ru', password: 'x' },
    field: 'password',
    wrong: { password: ['x'] },
  },
  {
    name: 'password reset',
    url: '/api/auth/password-reset/confirm',
    method: 'POST' as const,
    body: { token: 'x'.repeat(20), password: 'Кузбасс-2026-волонтёр' },
    field: 'token',
    wrong: { token: null },
  },
];

describe('bad input never gets a 500', () => {
  for (const f of families) {
    it(`${f.name}: malformed JSON → 400 problem+json`, async () => {
      const res = await t.request(f.method, f.url, {
        body: '{"email": "a@',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 400, code: 'malformed_json', title: 'Bad Request' });
    });
    it(`${f.name}: wrong types → 400 with the field named`, async () => {
      const res = await t.request(f.method, f.url, { body: { ...f.body, ...f.wrong } });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(f.field);
    });
    it(`${f.name}: unknown fields → 400 unknown_field`, async () => {
      const res = await t.request(f.method, f.url, { body: { ...f.body, isAdmin: true } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toContainEqual(
        expect.objectContaining({ field: 'isAdmin', code: 'unknown_field' }),
      );
    });
    it(`${f.name}: oversize body → 413 problem+json`, async () => {
      const res = await t.request(f.method, f.url, { body: { ...f.body, pad: 'я'.repeat(700_000) } });
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('body_too_large');
    });
  }

  it('profile update: empty patch and wrong language are field errors', async () => {
    const res = await t.request('PATCH', '/api/me', { body: { locale: 'de' } });
    // Validation runs before authentication is required, so bad input is reported even when logged out.
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('locale');
  });

  it('reports every invalid field at once, in Russian by default', async () => {
    const res = await t.request('POST', '/api/auth/register', { body: { email: 'нет', password: 'short' } });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['consent', 'displayName', 'email', 'password']);
    expect(res.json().errors.find((e: { field: string }) => e.field === 'password').message).toBe(
      'Не короче 10 символов.',
    );
  });

  it('a text/plain body (what a cross-site form can send) is refused with 415', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: '{"email":"a@example.ru","password":"x"}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media_type');
  });

  it('path parameters are validated too', async () => {
    const res = await t.request('DELETE', '/api/me/sessions/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('params.id');
  });

  it('public lists: an over-long query parameter is a field error', async () => {
    const res = await t.request('GET', `/api/public/centers?municipality=${'я'.repeat(100)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'querystring.municipality', code: 'too_long' });
  });

  it('an unknown API path is a 404 problem, not the web app', async () => {
    const res = await t.request('GET', '/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'route_not_found', status: 404 });
  });
});

describe('platform behaviour', () => {
  it('every response carries a request id, and problems repeat it', async () => {
    const res = await t.request('GET', '/api/nothing');
    expect(res.headers['x-request-id']).toMatch(/[\w-]{8,}/);
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
    const given = await t.request('GET', '/api/health', { headers: { 'x-request-id': 'lb-1234567890' } });
    expect(given.headers['x-request-id']).toBe('lb-1234567890');
  });

  it('health and readiness', async () => {
    expect((await t.request('GET', '/api/health')).json()).toEqual({ status: 'ok' });
    const ready = await t.request('GET', '/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: 'ok', migrations: { current: true } });
  });

  it('sends security headers with a Content-Security-Policy that forbids inline scripts', async () => {
    const res = await t.request('GET', '/api/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves OpenAPI 3 with every API route and its schemas', async () => {
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/register', '/api/me/sessions', '/api/public/centers']),
    );
    expect(doc.paths['/api/auth/register'].post.requestBody).toBeDefined();
    expect((await t.request('GET', '/api/docs/')).statusCode).toBe(200);
  });

  it('readiness answers 503 when the schema is not current', async () => {
    const { sql } = await import('kysely');
    const [row] = (
      await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration`.execute(
        t.db,
      )
    ).rows;
    await sql`delete from kysely_migration where name = ${row!.name}`.execute(t.db);
    try {
      const res = await t.request('GET', '/api/ready');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        status: 'not_ready',
        database: 'ok',
        migrations: { current: false },
      });
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${row!.name}, ${row!.timestamp})`.execute(
        t.db,
      );
    }
  });

  it('behind https: Secure cookies, HSTS and upgrade-insecure-requests', async () => {
    const secure = await createTestPlatform({ env: { PUBLIC_URL: 'https://dobro.example.ru' } });
    try {
      const { buildUser, TEST_PASSWORD } = await import('../../../../test/support/factories.js');
      const user = await buildUser(secure.db);
      const res = await secure.request('POST', '/api/auth/login', {
        body: { email: user.email, password: TEST_PASSWORD },
      });
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
      const link = await secure.request('POST', '/api/auth/password-reset/request', {
        body: { email: user.email },
      });
      expect(link.statusCode).toBe(202);
      expect((await secure.mailbox(user.email))[0]?.text_body).toContain(
        'https://dobro.example.ru/reset-password?token=',
      );
    } finally {
      await secure.close();
    }
  });

  it('the public config exposes no secrets', async () => {
    const res = await t.request('GET', '/api/public/config');
    expect(Object.keys(res.json()).sort()).toEqual([
      'demo',
      'mapTileAttribution',
      'mapTileUrl',
      'smtpConfigured',
      'timeZone',
      'uploadMaxBytes',
    ]);
    expect(res.json().uploadMaxBytes).toBe(10 * 1_048_576);
    // no region is loaded on this bare platform: Moscow time until one is (seed.test checks Kuzbass)
    expect(res.json().timeZone).toBe('Europe/Moscow');
  });
});

describe('cross-site request forgery protection', () => {
  it('refuses API writes without the X-Requested-With header', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: 'a@example.ru', password: 'x' },
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_rejected');
  });
  it('refuses writes from a foreign origin even with the header', async () => {
    const res = await t.request('POST', '/api/auth/logout', { headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    const site = await t.request('POST', '/api/auth/logout', { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(site.statusCode).toBe(403);
  });
  it('accepts same-origin writes', async () => {
    const res = await t.request('POST', '/api/auth/logout', {
      headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' },
    });
    expect(res.statusCode).toBe(204);
  });
  it('reads need no header', async () => {
    expect((await t.request('GET', '/api/health', { csrf: false })).statusCode).toBe(200);
  });
});

describe('rate limits on authentication', () => {
  it('limits login attempts per client and answers 429 problem+json', async () => {
    const limited = await createTestPlatform({ authRateLimit: { max: 3, timeWindow: '1 minute' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.request('POST', '/api/auth/login', {
          body: { email: 'a@example.ru', password: 'wrong' },
        });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) {
          expect(res.json().code).toBe('rate_limited');
          expect(res.headers['retry-after']).toBeDefined();
        }
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('unexpected failures', () => {
  it('answer a generic 500 problem that carries no internals', async () => {
    const broken = await createTestPlatform();
    const { buildRegion } = await import('../../../../test/support/factories.js');
    await buildRegion(broken.db);
    // Drop a table the summary needs: the query fails inside the service, as a real outage would.
    const { sql } = await import('kysely');
    await sql`drop table public_counters cascade`.execute(broken.db);
    try {
      const res = await broken.request('GET', '/api/public/summary', {
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body).toMatchObject({
        status: 500,
        code: 'internal',
        detail: 'Internal server error. It has been logged.',
      });
      expect(JSON.stringify(body)).not.toMatch(/role_assignments|relation|stack|at /);
      expect(body.requestId).toBe(res.headers['x-request-id']);
    } finally {
      await broken.close();
    }
  });
});
