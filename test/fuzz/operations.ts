/**
 * The operations of the OpenAPI document as request generators, and the checks every answer must pass:
 * no 5xx; every 4xx is application/problem+json with a catalogue `code` (and catalogue field codes);
 * an operation the document says needs a session never succeeds anonymously; what a successful write
 * accepted is what is stored (read back through the resource's GET, else the write's own answer).
 */
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { isProblemCode } from '../../src/shared/problems/index.js';
import { hostileLeaf, replaceLeaf, type Schema, valueArb } from './arbitraries.js';
import type { WorldPools } from './world.js';

export type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
export type Operation = {
  method: string;
  path: string;
  operationId: string;
  parameters: Parameter[];
  body?: Schema;
  needsSession: boolean;
};

export type FuzzRequest = { method: string; url: string; body?: unknown; raw?: Buffer; contentType?: string };

type Document = {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
        security?: unknown[];
      }
    >
  >;
};

export function operationsOf(doc: Document): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        parameters: (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema,
        needsSession: (op.security ?? []).length > 0,
      });
    }
  }
  return ops;
}

/** encodeURIComponent that also takes lone surrogates (as the bytes a sloppy client would send). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((ch) => {
        try {
          return encodeURIComponent(ch);
        } catch {
          const code = ch.charCodeAt(0);
          return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
        }
      })
      .join('');
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The path segment before `{name}`: `/api/centers/{id}/…` → `centers`. */
const segmentBefore = (path: string, name: string) => {
  const parts = path.split('/');
  const at = parts.indexOf(`{${name}}`);
  return at > 0 ? (parts[at - 1] as string) : name;
};

function pathParamArb(op: Operation, p: Parameter, pools: WorldPools, hostile: number) {
  const schema = p.schema ?? { type: 'string' };
  const segment = segmentBefore(op.path, p.name);
  if (p.name === 'code' || p.name === 'kind') {
    const hint = p.name === 'kind' ? 'documents' : segment;
    const real = fc.constant(null).chain(() => fc.constantFrom(...fallback(pools.codes(hint), 'charter')));
    return fc.oneof(
      { weight: 3, arbitrary: real },
      { weight: 1, arbitrary: valueArb(schema, pools, hostile, p.name) },
    );
  }
  const hint = p.name === 'id' ? segment : p.name;
  return valueArb(schema, pools, hostile, hint);
}

const fallback = (values: string[], value: string) => (values.length > 0 ? values : [value]);

/** One request for `op`: valid-looking, valid but for one hostile value, or hostile all over (3 : 2 : 1). */
export function requestArb(op: Operation, pools: WorldPools): fc.Arbitrary<FuzzRequest> {
  const build = (hostile: number) => {
    const path = fc.record(
      Object.fromEntries(
        op.parameters
          .filter((p) => p.in === 'path')
          .map((p) => [p.name, pathParamArb(op, p, pools, hostile)]),
      ),
    );
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const query = fc.record(
      Object.fromEntries(queryParams.map((p) => [p.name, valueArb(p.schema ?? {}, pools, hostile, p.name)])),
      { requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) },
    );
    const body = op.body ? valueArb(op.body, pools, hostile) : fc.constant(undefined);
    // writes without a JSON body (uploads) get bytes now and then
    const raw =
      !op.body && op.method !== 'GET'
        ? fc.option(
            fc.tuple(
              fc.uint8Array({ maxLength: 64 }),
              fc.constantFrom('application/pdf', 'image/png', 'application/octet-stream'),
            ),
            { freq: 8 },
          )
        : fc.constant(null);
    return fc.tuple(path, query, body, raw);
  };
  // A valid request with exactly one leaf (of the body, the query or the path) made hostile: it gets
  // past validation wherever the schema allows the value, and reaches the service.
  const oneHostile = fc
    .tuple(build(0), fc.nat(), fc.nat(), hostileLeaf({}))
    .map(([[pathValues, queryValues, bodyValue, rawValue], part, n, replacement]) => {
      const parts: [Record<string, unknown>, Record<string, unknown>, unknown] = [
        pathValues,
        queryValues,
        bodyValue,
      ];
      const at = part % 3;
      if (parts[at] !== undefined) parts[at] = replaceLeaf(parts[at], n, replacement);
      return [parts[0], parts[1], parts[2], rawValue] as const;
    });
  const toRequest = ([pathValues, queryValues, bodyValue, rawValue]: readonly [
    Record<string, unknown>,
    Record<string, unknown>,
    unknown,
    [Uint8Array, string] | null,
  ]): FuzzRequest => {
    let url = op.path;
    for (const [name, value] of Object.entries(pathValues))
      url = url.replace(`{${name}}`, encode(text(value)));
    const search = Object.entries(queryValues)
      .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as const) : [[k, v] as const]))
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${encode(k)}=${encode(text(v))}`)
      .join('&');
    if (search) url += `?${search}`;
    const request: FuzzRequest = { method: op.method, url };
    if (bodyValue !== undefined) request.body = bodyValue;
    if (rawValue) {
      request.raw = Buffer.from(rawValue[0]);
      request.contentType = rawValue[1];
    }
    return request;
  };
  return fc
    .oneof(
      { weight: 3, arbitrary: build(0) },
      { weight: 2, arbitrary: oneHostile },
      { weight: 1, arbitrary: build(0.25) },
    )
    .map(toRequest);
}

export function injectOptions(request: FuzzRequest, cookie: string | null): InjectOptions {
  const headers: Record<string, string> = { 'x-requested-with': 'dobroset', 'accept-language': 'ru' };
  if (cookie) headers.cookie = cookie;
  const options: InjectOptions = {
    method: request.method as InjectOptions['method'],
    url: request.url,
    headers,
  };
  if (request.raw) {
    headers['content-type'] = request.contentType ?? 'application/octet-stream';
    options.payload = request.raw;
  } else if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    options.payload = JSON.stringify(request.body);
  }
  return options;
}

/** What is wrong with the answer, or null. */
export function answerProblem(op: Operation, anonymous: boolean, res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode >= 400) {
    if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) {
      return `a ${res.statusCode} that is not problem+json (${res.headers['content-type']}): ${res.body.slice(0, 200)}`;
    }
    let body: { status?: unknown; code?: unknown; errors?: { code?: unknown }[] };
    try {
      body = JSON.parse(res.body);
    } catch {
      return `a ${res.statusCode} whose body is not JSON: ${res.body.slice(0, 200)}`;
    }
    if (body.status !== res.statusCode) return `problem status ${String(body.status)} ≠ ${res.statusCode}`;
    if (typeof body.code !== 'string' || !isProblemCode(body.code)) {
      return `problem code ${String(body.code)} is not in the catalogue`;
    }
    for (const e of body.errors ?? []) {
      if (typeof e.code !== 'string' || !isProblemCode(e.code))
        return `field code ${String(e.code)} is not in the catalogue`;
    }
    return null;
  }
  if (anonymous && op.needsSession)
    return `answered ${res.statusCode} without a session, but the document says it needs one`;
  return null;
}

type Leaf = { path: (string | number)[]; value: string };

function leaves(value: unknown, path: (string | number)[] = [], out: Leaf[] = []): Leaf[] {
  if (typeof value === 'string') out.push({ path, value });
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) leaves(v, [...path, i], out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  return out;
}

function at(value: unknown, path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Where the resource sits in an answer: the answer itself or its envelope (`{ organization: {…} }`). */
function candidates(answer: unknown): unknown[] {
  if (!answer || typeof answer !== 'object') return [];
  return [answer, ...Object.values(answer).filter((v) => v && typeof v === 'object' && !Array.isArray(v))];
}

/**
 * The documented normalisation of accepted text (ADR 0014): Unicode NFC, trimmed, and in single-line
 * fields runs of white space collapsed to one space; blank means none (null); e-mail addresses are
 * kept in lower case; tags are hashtags (`#tag`).
 */
export function acceptedForms(path: (string | number)[], sent: string): (string | null)[] {
  const field = String(path.findLast((p) => typeof p === 'string') ?? '');
  const text = sent.normalize('NFC').trim();
  if (text === '') return [null, ''];
  const forms = [sent, text, text.replace(/\s+/g, ' ')];
  if (field.toLowerCase().endsWith('email')) forms.push(...forms.map((f) => f.toLowerCase()));
  if (field === 'tags' || field === 'skillTags') forms.push(...forms.map((f) => `#${f.replace(/^#+/, '')}`));
  return forms;
}

export type ReadBack = (url: string) => Promise<LightMyRequestResponse>;

/** How many successful writes were read back and compared (the fuzz run reports it). */
export const readBacks = { count: 0 };

async function readJson(read: ReadBack, url: string): Promise<unknown> {
  const got = await read(url);
  return got.statusCode === 200 ? JSON.parse(got.body) : undefined;
}

/**
 * Each string the write accepted, compared with what the resource shows afterwards. The resource is
 * read through its GET (same path, or the collection path + the new id); without one, the write's own
 * answer (read back from the database by the service) stands for it.
 */
export async function storedDifferently(
  op: Operation,
  allOps: Operation[],
  request: FuzzRequest,
  res: LightMyRequestResponse,
  read: ReadBack,
): Promise<string | null> {
  if (!['PUT', 'PATCH', 'POST'].includes(op.method) || res.statusCode >= 300 || !request.body) return null;
  if (typeof request.body !== 'object' || Array.isArray(request.body)) return null;
  let answer: unknown;
  try {
    answer = JSON.parse(res.body);
  } catch {
    return null;
  }
  const url = request.url.split('?')[0] as string;
  const hasGet = (path: string) => allOps.some((o) => o.method === 'GET' && o.path === path);
  // Only writes whose body is the resource: an edit of a path that has a GET, or a creation in a
  // collection whose items have one. An action's body (a transition, an e-mail to invite) is not.
  if ((op.method === 'PUT' || op.method === 'PATCH') && hasGet(op.path)) {
    answer = await readJson(read, url);
  } else if (op.method === 'POST' && hasGet(`${op.path}/{id}`)) {
    const id = candidates(answer)
      .map((c) => (c as { id?: unknown }).id)
      .find((v) => typeof v === 'string');
    if (typeof id !== 'string') return null;
    answer = await readJson(read, `${url}/${id}`);
  } else {
    return null;
  }
  if (answer === undefined) return null;
  readBacks.count++;
  const differences: string[] = [];
  for (const leaf of leaves(request.body)) {
    // a list of strings (tags, skills) may be kept in another order and without duplicates
    const inList = typeof leaf.path.at(-1) === 'number';
    for (const candidate of candidates(answer)) {
      const stored = inList ? at(candidate, leaf.path.slice(0, -1)) : at(candidate, leaf.path);
      if (stored === undefined) continue;
      const forms = acceptedForms(leaf.path, leaf.value);
      const ok = inList
        ? Array.isArray(stored) && forms.some((f) => f === null || stored.includes(f))
        : (typeof stored === 'string' || stored === null) && forms.includes(stored as string | null);
      const comparable = inList ? Array.isArray(stored) : typeof stored === 'string' || stored === null;
      if (comparable && !ok) {
        differences.push(
          `${leaf.path.join('.')}: sent ${JSON.stringify(leaf.value)}, stored ${JSON.stringify(stored)}`,
        );
      }
      if (comparable) break;
    }
  }
  return differences.length > 0 ? `stored differently than accepted — ${differences.join('; ')}` : null;
}
