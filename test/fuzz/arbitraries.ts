/**
 * fast-check arbitraries from the OpenAPI document's JSON schemas. Two flavours per schema: `valid`
 * keeps to the schema (so requests get past validation and reach the services), `hostile` swaps some
 * leaves for what people and attackers send: NUL and other controls, lone surrogates, year 0000 / 9999,
 * Cyrillic and right-to-left text, decomposed accents, padding, 1 MB strings, huge numbers, wrong types.
 */
import fc from 'fast-check';
import { SAFE_TEXT_PATTERN } from '../../src/shared/contracts/formats.js';

export type Schema = Record<string, unknown>;

/** Real values the world offers for a key (ids of created resources, codes, e-mail addresses). */
export type Pools = {
  /** Ids for a hint: a field name (`centerId`) or the path segment before a parameter (`centers`). */
  uuids: (hint: string) => string[];
  emails: () => string[];
};

const CYRILLIC = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ'];
const ASCII = [...'abcdefghijklmnopqrstuvwxyz0123456789 -_.,'];
const EXOTIC = ['😀', 'ש', 'ل', 'é', '\u0301', '\u00a0', '\t', '\n', '«', '»', '№', '—'];

const textUnit = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...CYRILLIC) },
  { weight: 3, arbitrary: fc.constantFrom(...ASCII) },
  { weight: 1, arbitrary: fc.constantFrom(...EXOTIC) },
);

/** What people and attackers send instead of a string. */
export const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\u0007звонок',
  '\ud800',
  'x\udfff',
  '\ud83d',
  '0000-01-01',
  '9999-12-31',
  '2026-02-30',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '',
  ' ',
  '   пробелы по краям   ',
  'Ёжик в тумане',
  'שלום עולם',
  '\u202Eevil\u202C',
  'Cafe\u0301',
  'NaN',
  'Infinity',
  '1e400',
  '-0',
  'null',
];

const HOSTILE_NUMBERS = [
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 1,
  1e308,
  -1e308,
  0.5,
  -1,
  0,
  Number.MAX_SAFE_INTEGER,
];

const HOSTILE_OTHER: unknown[] = [null, true, [], {}, 'строка', 42, [null], { a: '\u0000' }];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const validDate = fc
  .record({
    y: fc.integer({ min: 1950, max: 2100 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);

const validDateTime = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function limits(schema: Schema) {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 200;
  return { min, max: Math.max(min, Math.min(max, 60)), declaredMax: max };
}

function stringArb(schema: Schema, pools: Pools, hint: string): fc.Arbitrary<string> {
  const { min, max } = limits(schema);
  const format = schema.format;
  if (format === 'uuid') {
    return fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constant(null).chain(() => fc.constantFrom(...withFallback(pools.uuids(hint)))),
      },
      { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
    );
  }
  if (format === 'date') return validDate;
  if (format === 'date-time') return validDateTime;
  if (format === 'email') {
    return fc.oneof(
      {
        weight: 2,
        arbitrary: fc
          .constant(null)
          .chain(() => fc.constantFrom(...withFallback(pools.emails(), 'someone@example.ru'))),
      },
      { weight: 1, arbitrary: fc.emailAddress() },
    );
  }
  if (format === 'uri') {
    return fc
      .tuple(
        fc.constantFrom('https://', 'http://'),
        fc.constantFrom('example.ru', 'добро.рф', 'sub.example.org'),
        fc.webPath(),
      )
      .map(([scheme, host, path]) => `${scheme}${host}${path}`);
  }
  if (typeof schema.pattern === 'string' && schema.pattern !== SAFE_TEXT_PATTERN) {
    try {
      const re = new RegExp(schema.pattern, 'u');
      return fc.stringMatching(re).filter((s) => s.length >= min && s.length <= limits(schema).declaredMax);
    } catch {
      // an expression fast-check cannot invert: plain text below
    }
  }
  return fc.string({ unit: textUnit, minLength: min, maxLength: max });
}

function withFallback(values: string[], fallback = '00000000-0000-4000-8000-000000000000') {
  return values.length > 0 ? values : [fallback];
}

function numberArb(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const lo =
    typeof schema.minimum === 'number'
      ? schema.minimum
      : typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + 1
        : -1_000;
  const hi =
    typeof schema.maximum === 'number'
      ? schema.maximum
      : typeof schema.exclusiveMaximum === 'number'
        ? schema.exclusiveMaximum - 1
        : 1_000_000;
  const min = Math.max(lo, -1_000_000);
  const max = Math.min(hi, 1_000_000);
  if (integer) return fc.integer({ min: Math.ceil(Math.min(min, max)), max: Math.floor(Math.max(min, max)) });
  return fc.double({
    min: Math.min(min, max),
    max: Math.max(min, max),
    noNaN: true,
    noDefaultInfinity: true,
  });
}

export function hostileLeaf(schema: Schema): fc.Arbitrary<unknown> {
  const { declaredMax } = limits(schema);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_OTHER) },
    { weight: 1, arbitrary: fc.constant('я'.repeat(Math.min(declaredMax + 1, 100_000))) },
    // a megabyte of text: the body limit's answer, 413, must be a problem too
    { weight: 1, arbitrary: fc.constant(null).map(() => 'ж'.repeat(600_000)) },
  );
}

/** `value` with its `n`-th leaf (mod the number of leaves) replaced by `replacement`. */
export function replaceLeaf(value: unknown, n: number, replacement: unknown): unknown {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) v.forEach((item, i) => void walk(item, [...path, i]));
    else if (v !== null && typeof v === 'object')
      for (const [k, item] of Object.entries(v)) walk(item, [...path, k]);
    else if (path.length > 0) paths.push(path);
  };
  walk(value, []);
  if (paths.length === 0) return value;
  const target = paths[n % paths.length] as (string | number)[];
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of target.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[target.at(-1) as string | number] = replacement;
  return copy;
}

/** A value for `schema`; `hostile` is the chance (0–1) that a leaf is replaced by a hostile value. */
export function valueArb(
  schema: Schema,
  pools: Pools,
  hostile: number,
  hint = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const own = schemaArb(schema, pools, hostile, hint, depth);
  if (hostile <= 0) return own;
  const weight = Math.round(hostile * 100);
  return fc.oneof({ weight: 100 - weight, arbitrary: own }, { weight, arbitrary: hostileLeaf(schema) });
}

function schemaArb(
  schema: Schema,
  pools: Pools,
  hostile: number,
  hint: string,
  depth: number,
): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(branches) && branches.length > 0) {
    return fc.oneof(...branches.map((b) => schemaArb(b, pools, hostile, hint, depth)));
  }
  if (Array.isArray(schema.allOf)) {
    return schemaArb(Object.assign({}, ...(schema.allOf as Schema[])), pools, hostile, hint, depth);
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[])[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArb(schema, pools, hint);
    case 'integer':
      return numberArb(schema, true);
    case 'number':
      return numberArb(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = (schema.items ?? {}) as Schema;
      const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const maxLength = Math.max(
        minLength,
        Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 4, 4),
      );
      return fc.array(valueArb(items, pools, hostile, hint, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return objectArb(schema, pools, hostile, depth);
    default:
      return depth > 3 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArb(schema: Schema, pools: Pools, hostile: number, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  if (depth > 5) return fc.constant({});
  const record = fc.record(
    Object.fromEntries(
      Object.entries(properties).map(([k, s]) => [k, valueArb(s, pools, hostile, k, depth + 1)]),
    ),
    { requiredKeys: [...required].filter((k) => k in properties) },
  );
  if (hostile <= 0 || schema.additionalProperties !== false) return record;
  // now and then a field the schema does not know
  return fc.oneof(
    { weight: 9, arbitrary: record },
    { weight: 1, arbitrary: record.map((r) => ({ ...(r as object), 'неизвестное\u0000поле': 1 })) },
  );
}
