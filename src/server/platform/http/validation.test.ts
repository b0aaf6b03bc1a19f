/**
 * The platform's input rules hold for every operation (issue 9, items 12–14): text without NUL, other C0
 * controls or lone surrogates, dates in the years 1900–2200, integers PostgreSQL can hold and only
 * http(s) URLs — refused at validation with a field-level 400 problem, in bodies, query strings and path
 * parameters alike. And every error the framework or Node's HTTP parser raises is problem+json too.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildMunicipality,
  buildRegion,
  buildUser,
  TEST_PASSWORD,
} from '../../../../test/support/factories.js';
import { PERSONAL_DATA_CONSENT_VERSION } from '../../../shared/limits.js';
import { unsafeTextPaths, withPlatformRules } from './validation.js';

let t: TestPlatform;
let operator: string;
let municipalityId: string;

beforeAll(async () => {
  t = await createTestPlatform();
  const regionId = (await buildRegion(t.db)).id;
  municipalityId = (await buildMunicipality(t.db, { regionId })).id;
  const admin = await buildUser(t.db, { role: 'regional_admin', scopeId: regionId });
  operator = sessionCookie(
    await t.request('POST', '/api/auth/login', { body: { email: admin.email, password: TEST_PASSWORD } }),
  );
});
afterAll(async () => {
  await t.close();
});

type Reply = Awaited<ReturnType<TestPlatform['request']>>;

function expectFieldProblem(res: Reply, field: string, code: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status: 400, code: 'validation_failed' });
  expect(res.json().errors).toContainEqual(expect.objectContaining({ field, code }));
}

const register = (displayName: string) => ({
  email: `rules-${Math.random().toString(36).slice(2)}@example.ru`,
  password: 'Кузбасс-2026-волонтёр',
  displayName,
  consent: { personalData: true, version: PERSONAL_DATA_CONSENT_VERSION },
});

describe('text: no NUL, no other C0 control, no lone surrogate — anywhere', () => {
  it('a NUL in a body string → 400 on that field (not 22021 from PostgreSQL)', async () => {
    const res = await t.request('POST', '/api/auth/register', { body: register('Пётр\u0000') });
    expectFieldProblem(res, 'displayName', 'forbidden_characters');
    expect(res.json().errors[0].message).toMatch(/недопустимые символы/);
  });

  it('a lone surrogate, sent as a JSON escape, → 400 (not 22P05)', async () => {
    const body = JSON.stringify(register('x')).replace('"displayName":"x"', '"displayName":"\\ud800x"');
    const res = await t.request('POST', '/api/auth/register', {
      body,
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    });
    expectFieldProblem(res, 'displayName', 'forbidden_characters');
    expect(res.json().errors[0].message).toMatch(/not allowed/);
  });

  it('in a nested field and in an object key', async () => {
    const res = await t.request('POST', '/api/organizations', {
      cookie: operator,
      body: { name: 'Фонд', kind: 'education', municipalityId, address: 'ул.\u0007Ленина' },
    });
    expectFieldProblem(res, 'address', 'forbidden_characters');
    expect(unsafeTextPaths({ a: [{ 'b\u0000': 1 }], c: 'ok\tyes\n', d: '😀' })).toEqual(['/a/0/b\u0000']);
  });

  it('in a query string and in a path parameter', async () => {
    expectFieldProblem(
      await t.request('GET', '/api/public/opportunities?q=%00'),
      'querystring.q',
      'forbidden_characters',
    );
    const path = await t.request('PATCH', '/api/admin/center-service-kinds/%01', {
      cookie: operator,
      body: { nameRu: 'x', nameEn: 'x' },
    });
    expect(path.statusCode).toBe(400);
    expect(path.json().errors.map((e: { field: string }) => e.field)).toContain('params.code');
  });

  it('tab, line breaks, emoji, Cyrillic and right-to-left text still pass', async () => {
    const res = await t.request('POST', '/api/auth/register', {
      body: register('Пётр\tИванов 😀 שלום'),
    });
    expect(res.statusCode).toBeLessThan(300);
  });
});

describe('dates: real days in the years 1900–2200', () => {
  for (const on of ['0000-01-01', '9999-12-31', '1899-12-31', '2201-01-01', '2026-02-30', '2026-13-01']) {
    it(`?on=${on} → 400 invalid_date`, async () => {
      const res = await t.request('GET', `/api/public/municipalities?on=${on}`);
      expectFieldProblem(res, 'querystring.on', 'invalid_date');
      expect(res.json().errors[0].message).toBe('Введите дату в виде ГГГГ-ММ-ДД между 1900 и 2200 годом.');
    });
  }

  it('the edges of the range pass', async () => {
    for (const on of ['1900-01-01', '2200-12-31', '2024-02-29']) {
      expect((await t.request('GET', `/api/public/municipalities?on=${on}`)).statusCode).toBe(200);
    }
  });

  it('a body date of year 9999 → 400 (the plan accepted it and broke the dashboard)', async () => {
    const res = await t.request('POST', '/api/plan/targets', {
      cookie: operator,
      body: { kind: 'active_centers', dueDate: '9999-12-31', target: 5, comment: 'x' },
    });
    expectFieldProblem(res, 'dueDate', 'invalid_date');
  });

  it('a week query of year 9999 → 400, not "Not a local date and time"', async () => {
    const res = await t.request('GET', '/api/public/opportunities?from=9999-12-31&to=9999-12-31');
    expectFieldProblem(res, 'querystring.from', 'invalid_date');
  });
});

describe('numbers and URLs', () => {
  it('an integer without bounds of its own stays within PostgreSQL integer', () => {
    const ruled = withPlatformRules({
      type: 'object',
      properties: { a: { type: 'integer' }, b: { type: 'integer', maximum: 10 }, c: { type: 'number' } },
    }) as { properties: Record<string, Record<string, unknown>> };
    expect(ruled.properties.a).toMatchObject({ minimum: -2_147_483_648, maximum: 2_147_483_647 });
    expect(ruled.properties.b).toMatchObject({ maximum: 10, minimum: -2_147_483_648 });
    expect(ruled.properties.c).toEqual({ type: 'number', minimum: -1e15, maximum: 1e15 });
  });

  it('a huge number in a query → 400 out of range (coercion makes it Infinity)', async () => {
    for (const q of ['offset=1e400', 'lat=1e400&lon=1', 'radiusKm=-Infinity']) {
      expectFieldProblem(
        await t.request('GET', `/api/public/opportunities?${q}`),
        `querystring.${q.split('=')[0]}`,
        'out_of_range',
      );
    }
  });

  it('a number too close to zero to compute with → 400 (PostgreSQL underflows: 22003)', async () => {
    // found by the fuzzer: distance search with lat=3.5e-323 answered 500
    for (const q of ['lat=3.5e-323&lon=1&radiusKm=5', 'lat=1&lon=-1e-300&radiusKm=5']) {
      const res = await t.request('GET', `/api/public/opportunities?${q}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ code: 'out_of_range' });
    }
    const fine = await t.request('GET', '/api/public/opportunities?lat=0&lon=86.0870&radiusKm=5');
    expect(fine.statusCode).toBe(200);
  });

  it('an organization website must be http(s): javascript: is refused', async () => {
    for (const website of [
      'javascript:alert(1)',
      'JavaScript://example.ru/%0aalert(1)',
      'data:text/html,x',
      'ftp://example.ru',
    ]) {
      const res = await t.request('POST', '/api/organizations', {
        cookie: operator,
        body: { name: 'Фонд «Свет»', kind: 'education', municipalityId, website },
      });
      expectFieldProblem(res, 'website', 'invalid_url');
    }
    const ok = await t.request('POST', '/api/organizations', {
      cookie: operator,
      body: {
        name: 'Фонд «Свет»',
        kind: 'education',
        municipalityId,
        website: 'https://svet.example.ru/о-нас',
      },
    });
    expect(ok.statusCode).toBe(201);
  });
});

describe('framework and parser errors are problem+json too', () => {
  const isProblem = (res: Reply, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status, code });
    expect(typeof res.json().detail).toBe('string');
  };

  it('bad percent-encoding in the path → 400 bad_url', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/opportunities/%E0%A4%A' });
    isProblem(res, 400, 'bad_url');
    expect(res.headers['x-request-id']).toBe(res.json().requestId);
  });

  it('a path parameter over the router limit → 414 uri_too_long', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/opportunities/${'a'.repeat(500)}` });
    isProblem(res, 414, 'uri_too_long');
  });

  describe('before Fastify: Node’s HTTP parser', () => {
    let port: number;
    beforeAll(async () => {
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      const address = t.app.server.address();
      port = typeof address === 'object' && address ? address.port : 0;
    });

    /** Sends raw bytes and reads the whole answer (the server closes the connection). */
    const raw = (request: string) =>
      new Promise<{ head: string; body: string }>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1');
        const chunks: Buffer[] = [];
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.on('error', reject);
        socket.on('close', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const at = text.indexOf('\r\n\r\n');
          resolve({ head: text.slice(0, at), body: text.slice(at + 4) });
        });
        socket.end(request);
      });

    it('headers over the limit → 431 problem+json', async () => {
      const res = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(res.head).toMatch(/^HTTP\/1\.1 431 /);
      expect(res.head).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(res.body)).toMatchObject({ status: 431, code: 'headers_too_large' });
    });

    it('a URL that alone fills the header limit → 431 problem+json', async () => {
      const res = await raw(`GET /api/health?${'q'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(res.head).toMatch(/^HTTP\/1\.1 (414|431) /);
      expect(JSON.parse(res.body).code).toMatch(/^(uri_too_long|headers_too_large)$/);
    });

    it('a malformed request → 400 problem+json', async () => {
      const res = await raw('NOT A REQUEST\r\n\r\n');
      expect(res.head).toMatch(/^HTTP\/1\.1 400 /);
      expect(res.head).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(res.body)).toMatchObject({ status: 400, code: 'bad_request' });
    });
  });
});
