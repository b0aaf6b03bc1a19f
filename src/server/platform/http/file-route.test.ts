/**
 * File endpoints through `route()`: the headers set once for every download, the name made safe, the
 * declared types enforced, streams passed through. A bare Fastify app, no database.
 */
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Uuid } from '../../../shared/contracts/common.js';
import { EXPORT_FILE, MEDIA } from '../../../shared/contracts/files.js';
import { contentDisposition } from './file-route.js';
import { registerProblemHandlers } from './problem.js';
import { route } from './route.js';
import { registerValidation } from './validation.js';

const ID = '3d3041ff-0000-4000-8000-000000000001';
const sheet = {
  method: 'GET',
  path: '/files/:id/sheet.csv',
  params: Type.Object({ id: Uuid }),
  file: { ...EXPORT_FILE, types: [MEDIA.csv], description: 'CSV' },
} as const;
const picture = {
  method: 'GET',
  path: '/files/picture',
  query: Type.Object({ as: Type.String() }, { additionalProperties: false }),
  file: { types: [MEDIA.jpeg, MEDIA.png], description: 'JPEG or PNG', disposition: 'inline' },
} as const;
const upload = {
  method: 'GET',
  path: '/files/upload',
  file: {
    types: [MEDIA.pdf],
    description: 'PDF',
    disposition: 'attachment',
    names: 'uploaded',
    cache: 'private, no-store',
  },
} as const;
const stream = {
  method: 'GET',
  path: '/files/stream',
  file: { ...EXPORT_FILE, types: [MEDIA.gzip], description: 'gzip' },
} as const;

let app: FastifyInstance;
let destroyed = false;

beforeAll(async () => {
  app = Fastify();
  registerValidation(app);
  registerProblemHandlers(app);
  route(app, sheet, {
    summary: 'A sheet',
    tags: ['test'],
    handler: async ({ params }) => ({ body: Buffer.from(`id;${params.id}\r\n`), filename: 'a/b"c.csv' }),
  });
  route(app, picture, {
    summary: 'A picture',
    tags: ['test'],
    handler: async ({ query }) => {
      if (query.as === 'png') return { body: Buffer.from('png'), contentType: MEDIA.png };
      const body = Readable.from(['not', 'a', 'gif']);
      body.once('close', () => {
        destroyed = true;
      });
      return { body, contentType: 'image/gif' };
    },
  });
  route(app, upload, {
    summary: 'An upload',
    tags: ['test'],
    handler: async () => ({ body: Buffer.from('%PDF'), filename: 'Устав.exe' }),
  });
  route(app, stream, {
    summary: 'A stream',
    tags: ['test'],
    handler: async () => ({
      body: Readable.from([Buffer.from('ab'), Buffer.from('c')]),
      filename: 'x.gz',
      length: 3,
    }),
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

describe('file endpoints', () => {
  it('send the declared type, length, a safe attachment name, the cache rule and nosniff', async () => {
    const res = await app.inject({ method: 'GET', url: `/files/${ID}/sheet.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(`id;${ID}\r\n`);
    expect(res.headers).toMatchObject({
      'content-type': 'text/csv; charset=utf-8',
      'content-length': String(res.rawPayload.length),
      'content-disposition': 'attachment; filename="b_c.csv"',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  });

  it('validate params and query by their schemas', async () => {
    for (const url of ['/files/nope/sheet.csv', '/files/picture?as=png&x=1']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.json().code, url).toBe('validation_failed');
    }
  });

  it('show inline files without a name, and pick among several declared types', async () => {
    const res = await app.inject({ method: 'GET', url: '/files/picture?as=png' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe('inline');
    expect(res.headers['cache-control']).toBeUndefined();
  });

  it('refuse a type the endpoint does not declare (500), closing a stream it returned', async () => {
    const res = await app.inject({ method: 'GET', url: '/files/picture?as=gif' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('internal');
    await new Promise((resolve) => setImmediate(resolve));
    expect(destroyed).toBe(true);
  });

  it('name uploaded files by RFC 6266 with a UTF-8 filename*, the extension of the type', async () => {
    const res = await app.inject({ method: 'GET', url: '/files/upload' });
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent('Устав')}.pdf`,
    );
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('stream a body with its known length', async () => {
    const res = await app.inject({ method: 'GET', url: '/files/stream' });
    expect(res.body).toBe('abc');
    expect(res.headers['content-length']).toBe('3');
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="x.gz"');
  });
});

describe('contentDisposition', () => {
  it('made names stay plain when ASCII; anything else also goes out as filename*', () => {
    expect(contentDisposition('dobroset-centers-2026-11-25.csv', { names: 'made' })).toBe(
      'attachment; filename="dobroset-centers-2026-11-25.csv"',
    );
    expect(contentDisposition('отчёт.csv', { names: 'made' })).toBe(
      `attachment; filename="_____.csv"; filename*=UTF-8''${encodeURIComponent('отчёт')}.csv`,
    );
    expect(contentDisposition('charter.pdf')).toBe(
      `attachment; filename="charter.pdf"; filename*=UTF-8''charter.pdf`,
    );
    expect(contentDisposition('a\\b"c.pdf', { kind: 'inline', names: 'made' })).toBe(
      `inline; filename="a_b_c.pdf"; filename*=UTF-8''a%5Cb%22c.pdf`,
    );
  });
});
