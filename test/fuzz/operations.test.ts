/** The fuzzer's own checks catch what they claim to catch (so a green fuzz run means something). */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { replaceLeaf, valueArb } from './arbitraries.js';
import { acceptedForms, answerProblem, type Operation, storedDifferently } from './operations.js';

const op = (over: Partial<Operation> = {}): Operation => ({
  method: 'PATCH',
  path: '/api/things/{id}',
  operationId: 'updateThing',
  parameters: [],
  needsSession: true,
  ...over,
});

const answer = (statusCode: number, body: unknown, type = 'application/json') =>
  ({
    statusCode,
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }) as unknown as LightMyRequestResponse;

const problem = (status: number, code: string, errors?: { code: string }[]) =>
  answer(status, { status, code, errors }, 'application/problem+json; charset=utf-8');

describe('answerProblem', () => {
  it('flags a 5xx, a 4xx that is not problem+json and codes outside the catalogue', () => {
    expect(answerProblem(op(), false, answer(500, { error: 'boom' }))).toMatch(/answered 500/);
    expect(answerProblem(op(), false, answer(400, { error: 'Bad Request' }))).toMatch(/not problem\+json/);
    expect(answerProblem(op(), false, problem(400, 'made_up_code'))).toMatch(/not in the catalogue/);
    expect(answerProblem(op(), false, problem(400, 'validation_failed', [{ code: 'nope' }]))).toMatch(
      /field code nope/,
    );
    expect(answerProblem(op(), false, problem(409, 'validation_failed'))).toBeNull();
    expect(
      answerProblem(
        op(),
        false,
        answer(409, { status: 400, code: 'bad_request' }, 'application/problem+json'),
      ),
    ).toMatch(/status 400/);
  });

  it('flags an operation that needs a session answering 2xx anonymously', () => {
    expect(answerProblem(op(), true, answer(200, {}))).toMatch(/without a session/);
    expect(answerProblem(op({ needsSession: false }), true, answer(200, {}))).toBeNull();
    expect(answerProblem(op(), false, answer(200, {}))).toBeNull();
  });
});

describe('storedDifferently', () => {
  const get = op({ method: 'GET' });
  const reading = (stored: unknown) => async () => answer(200, { thing: stored });

  it('reads the resource back and names a field stored otherwise than sent', async () => {
    const request = { method: 'PATCH', url: '/api/things/1', body: { name: 'Ёлка', note: 'a' } };
    const wrong = await storedDifferently(
      op(),
      [op(), get],
      request,
      answer(200, {}),
      reading({ name: 'Елка', note: 'a' }),
    );
    expect(wrong).toMatch(/name: sent "Ёлка", stored "Елка"/);
    const right = await storedDifferently(
      op(),
      [op(), get],
      request,
      answer(200, {}),
      reading({ name: 'Ёлка', note: 'a' }),
    );
    expect(right).toBeNull();
  });

  it('accepts the documented normalisation and nothing more', () => {
    expect(acceptedForms(['name'], '  Cafe\u0301  ')).toContain('Café');
    expect(acceptedForms(['name'], 'a \t b')).toContain('a b');
    expect(acceptedForms(['note'], '   ')).toContain(null);
    expect(acceptedForms(['email'], 'A@Example.RU')).toContain('a@example.ru');
    expect(acceptedForms(['tags', 0], 'лето')).toContain('#лето');
    expect(acceptedForms(['name'], 'Ёлка')).not.toContain('Елка');
  });

  it('finds a new resource through the collection’s item GET', async () => {
    const create = op({ method: 'POST', path: '/api/things' });
    const item = op({ method: 'GET', path: '/api/things/{id}' });
    const read = async (url: string) =>
      answer(url === '/api/things/7' ? 200 : 404, { thing: { title: 'x' } });
    const wrong = await storedDifferently(
      create,
      [create, item],
      { method: 'POST', url: '/api/things', body: { title: 'y' } },
      answer(201, { thing: { id: '7' } }),
      read,
    );
    expect(wrong).toMatch(/title/);
  });
});

describe('arbitraries', () => {
  it('replace exactly one leaf, anywhere in the value', () => {
    const value = { a: 'x', b: [1, { c: true }] };
    expect(replaceLeaf(value, 0, '\u0000')).toEqual({ a: '\u0000', b: [1, { c: true }] });
    expect(replaceLeaf(value, 2, null)).toEqual({ a: 'x', b: [1, { c: null }] });
    expect(value).toEqual({ a: 'x', b: [1, { c: true }] });
  });

  it('valid values keep to the schema', () => {
    const schema = {
      type: 'object',
      required: ['name', 'count'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 5 },
        count: { type: 'integer', minimum: 1, maximum: 3 },
        day: { type: 'string', format: 'date' },
      },
    };
    const pools = { uuids: () => [], emails: () => [] };
    for (const v of fc.sample(valueArb(schema, pools, 0), { numRuns: 50, seed: 1 }) as Record<
      string,
      unknown
    >[]) {
      expect(String(v.name).length).toBeGreaterThanOrEqual(1);
      expect([...String(v.name)].length).toBeLessThanOrEqual(5);
      expect(v.count).toBeGreaterThanOrEqual(1);
      if (v.day !== undefined) expect(v.day).toMatch(/^(19[5-9]\d|20\d\d|2100)-\d\d-\d\d$/);
    }
  });
});
