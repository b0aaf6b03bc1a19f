/**
 * Every POST honours Idempotency-Key. Table-driven over the endpoint table, so a new POST endpoint is
 * covered without anyone remembering it: the same key twice gets the first answer replayed (same status,
 * same body, `Idempotency-Replayed: true`), the same key with another body gets 422. The calls are made as
 * an anonymous caller with a probe body, so most are refused (401, 400…) — refusals are kept and replayed
 * like successes, which is what shows that the mechanism sits in front of the route. Real creates
 * (work-log entry, opportunity, registration) are replayed in platform/http/idempotency.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/shared/contracts/endpoints.js';
import { createTestPlatform, type TestPlatform } from '../support/app.js';

/** POST endpoints that may not replay, each with the reason. */
const EXEMPT: Record<string, string> = {
  logout:
    'its answer clears the session cookie; answers that set a cookie are never kept (the key is released), ' +
    'and ending a session twice is harmless',
};

/** A value for each path parameter that passes the parameter's schema (the record need not exist). */
const PARAM_VALUES: Record<string, string> = {
  code: 'probe_code',
  kind: 'charter',
  purpose: 'volunteering',
};

/** POST routes registered outside the endpoint table (raw bytes bodies), covered all the same. */
const OUTSIDE_TABLE = { uploadApplicationDocument: { path: '/api/applications/:id/documents/:kind' } };

const POSTS = [
  ...Object.entries(endpoints).filter(([, e]) => e.method === 'POST'),
  ...Object.entries(OUTSIDE_TABLE),
];

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => {
  await t.close();
});

it('the endpoint table has POST endpoints, and every exemption names one', () => {
  expect(POSTS.length).toBeGreaterThan(40);
  for (const name of Object.keys(EXEMPT)) expect(POSTS.map(([n]) => n)).toContain(name);
});

describe.each(POSTS.filter(([name]) => !EXEMPT[name]))('%s', (_name, endpoint) => {
  it('replays the first answer to the same key, and refuses the key for another body with 422', async () => {
    const url = endpoint.path.replace(/:([A-Za-z]+)/g, (_, key: string) => PARAM_VALUES[key] ?? randomUUID());
    const key = randomUUID();
    const send = (body: unknown) =>
      t.request('POST', url, {
        body,
        headers: { 'idempotency-key': key, 'content-type': 'application/json' },
      });

    const first = await send({ probe: 1 });
    expect(first.statusCode).toBeLessThan(500);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    const again = await send({ probe: 1 });
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.body).toBe(first.body);

    const other = await send({ probe: 2 });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_mismatch');
  });
});
