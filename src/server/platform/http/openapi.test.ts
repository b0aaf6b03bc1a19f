/**
 * The OpenAPI document a client generator reads (issue 9, item 13): valid for a real parser, every $ref
 * resolves, one unique operationId per operation (the endpoint table's names), errors declared as
 * application/problem+json, the CSRF header on every write, the session scheme used where it applies.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import { endpoints } from '../../../shared/contracts/endpoints.js';
import { SAFE_TEXT_PATTERN } from '../../../shared/contracts/formats.js';
import { fallbackOperationId, isPublicOperation } from './openapi.js';

type Operation = {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Record<string, unknown> }[];
  responses: Record<string, { content?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
};
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
};

let t: TestPlatform;
let doc: Document;
const operations: { method: string; path: string; op: Operation }[] = [];

beforeAll(async () => {
  t = await createTestPlatform();
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) operations.push({ method, path, op });
  }
});
afterAll(async () => {
  await t.close();
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 for a real parser, and every $ref resolves', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(100);
    const $refs = await SwaggerParser.resolve(structuredClone(doc) as never);
    for (const ref of new Set(refs)) expect(() => $refs.get(ref), ref).not.toThrow();
    const dereferenced = await SwaggerParser.dereference(structuredClone(doc) as never);
    expect(JSON.stringify(dereferenced)).not.toContain('"$ref"');
  });

  it('has one unique operationId per operation: the endpoint table’s names', () => {
    expect(operations.length).toBeGreaterThan(140);
    const ids = operations.map(({ op }) => op.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const name of Object.keys(endpoints)) expect(ids, name).toContain(name);
    const byName = new Map(operations.map((o) => [o.op.operationId, o]));
    expect(byName.get('login')).toMatchObject({ method: 'post', path: '/api/auth/login' });
    // routes outside the table (the uploads) get one from method and path
    expect(fallbackOperationId('get', '/api/exports/centers.csv')).toBe('getExportsCentersCsv');
    expect(fallbackOperationId('get', '/api/applications/{id}/documents/{kind}')).toBe(
      'getApplicationsByIdDocumentsByKind',
    );
  });

  it('describes each file endpoint’s answer as binary content in its media types', () => {
    const files = Object.entries(endpoints).flatMap(([name, e]) => ('file' in e ? [{ name, e }] : []));
    expect(files.length).toBeGreaterThanOrEqual(16);
    for (const { name, e } of files) {
      const op = doc.paths[e.path.replace(/:(\w+)/g, '{$1}')]?.get;
      expect(op?.operationId, name).toBe(name);
      const content = op?.responses['200']?.content ?? {};
      expect(Object.keys(content), name).toEqual(e.file.types);
      for (const media of Object.values(content))
        expect(media, name).toEqual({ schema: { type: 'string', format: 'binary' } });
    }
    expect(doc.paths['/api/calendar/{token}']?.get?.security).toEqual([]);
  });

  it('declares every error response as application/problem+json with the Problem schema', () => {
    expect(doc.components.schemas.Problem).toBeDefined();
    for (const { method, path, op } of operations) {
      const errors = Object.entries(op.responses).filter(([status]) => /^[45]/.test(status));
      expect(errors.length, `${method} ${path}`).toBeGreaterThanOrEqual(2);
      for (const [status, response] of errors) {
        expect(response.content, `${method} ${path} ${status}`).toEqual({
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        });
      }
    }
  });

  it('documents the required X-Requested-With header on every write, and only there', () => {
    let writes = 0;
    for (const { method, path, op } of operations) {
      const header = op.parameters?.find((p) => p.in === 'header' && p.name === 'X-Requested-With');
      if (['post', 'put', 'patch', 'delete'].includes(method)) {
        writes++;
        expect(header, `${method} ${path}`).toMatchObject({ required: true, schema: { enum: ['dobroset'] } });
      } else {
        expect(header, `${method} ${path}`).toBeUndefined();
      }
    }
    expect(writes).toBeGreaterThan(60);
  });

  it('documents If-Match and the 412 answer on every edit, and Idempotency-Key on every POST', () => {
    let edits = 0;
    for (const { method, path, op } of operations) {
      const header = (name: string) => op.parameters?.find((p) => p.in === 'header' && p.name === name);
      if (method === 'patch' || method === 'put') {
        edits++;
        expect(header('If-Match'), `${method} ${path}`).toMatchObject({ required: false });
        expect(op.responses['412']?.content, `${method} ${path}`).toHaveProperty([
          'application/problem+json',
        ]);
      } else {
        expect(header('If-Match'), `${method} ${path}`).toBeUndefined();
      }
      if (method === 'post') expect(header('Idempotency-Key'), `${method} ${path}`).toBeDefined();
    }
    expect(edits).toBeGreaterThan(10);
  });

  it('uses the session cookie scheme on the operations that need a signed-in user', () => {
    expect(doc.components.securitySchemes).toEqual({
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'dobroset_session' }),
    });
    for (const { path, op } of operations) {
      expect(op.security).toEqual(isPublicOperation(path) ? [] : [{ session: [] }]);
    }
    const security = (method: string, path: string) => doc.paths[path]?.[method]?.security;
    expect(security('get', '/api/me')).toEqual([{ session: [] }]);
    expect(security('get', '/api/public/region')).toEqual([]);
    expect(security('post', '/api/auth/login')).toEqual([]);
  });

  it('states the platform’s input rules in request schemas', () => {
    const search = doc.paths['/api/public/opportunities']?.get;
    const q = search?.parameters?.find((p) => p.name === 'q');
    expect(q?.schema).toMatchObject({ pattern: SAFE_TEXT_PATTERN });
    const from = search?.parameters?.find((p) => p.name === 'from');
    expect(String(from?.schema?.description)).toContain('1900–2200');
    expect(JSON.stringify(doc)).toContain('forbidden_characters');
  });
});
