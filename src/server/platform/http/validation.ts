/**
 * Request validation with Ajv: bodies are strict (no type coercion, unknown fields rejected, all errors
 * reported); query strings and path parameters coerce from text, as they must.
 *
 * On top of each operation's own schema, every compiled schema gets the platform's rules (ADR 0014), so
 * no endpoint can forget them:
 * - `safeText` at the root: no string anywhere in the value (nor an object key) carries a C0 control
 *   character other than tab/LF/CR or an unpaired surrogate — PostgreSQL would refuse it with a 500;
 * - `date` / `date-time` formats accept real dates in the years DATE_YEARS only; `uri` accepts only
 *   absolute http(s) addresses (no `javascript:`);
 * - an `integer` without bounds of its own stays within PostgreSQL's `integer`, a `number` within ±1e15;
 * - numbers are finite (`strictNumbers`, and after coercion: `?offset=1e400` would be Infinity) and
 *   either 0 or at least 1e-9 in magnitude (smaller ones underflow in PostgreSQL's arithmetic).
 */
import { Ajv, type AnySchema, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import {
  isEmail,
  isHttpUrl,
  isIsoDate,
  isIsoDateTime,
  isSafeText,
} from '../../../shared/contracts/formats.js';

export const INT32 = { min: -2_147_483_648, max: 2_147_483_647 } as const;
/** Bounds of a `number` without its own, and the smallest magnitude other than 0 (ADR 0014). */
export const NUMBER_RANGE = { max: 1e15, smallest: 1e-9 } as const;

type Issue = { keyword: string; instancePath: string; params: Record<string, unknown>; message: string };

const pointer = (path: readonly (string | number)[]) =>
  path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** Every string (and object key) in `value` that breaks the text rule, as JSON pointers. */
export function unsafeTextPaths(value: unknown, path: (string | number)[] = [], found: string[] = []) {
  if (found.length >= 20) return found;
  if (typeof value === 'string') {
    if (!isSafeText(value)) found.push(pointer(path));
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) unsafeTextPaths(item, [...path, i], found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isSafeText(key)) found.push(pointer([...path, key]));
      else unsafeTextPaths(item, [...path, key], found);
    }
  }
  return found;
}

/**
 * Numbers PostgreSQL cannot compute with, as JSON pointers: not finite (a query's `1e400` coerces to
 * Infinity) or so close to zero (`3.5e-323`) that arithmetic on them underflows (22003) — a stored one
 * would break every later distance computation, so such input is refused, not rounded.
 */
export function unusableNumberPaths(value: unknown, path: (string | number)[] = [], found: string[] = []) {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || (value !== 0 && Math.abs(value) < NUMBER_RANGE.smallest))
      found.push(pointer(path));
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) unusableNumberPaths(item, [...path, i], found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) unusableNumberPaths(item, [...path, key], found);
  }
  return found;
}

function safeText(this: unknown, _schema: boolean, data: unknown): boolean {
  const paths = unsafeTextPaths(data);
  (safeText as unknown as { errors: Issue[] }).errors = paths.map((instancePath) => ({
    keyword: 'safeText',
    instancePath,
    params: {},
    message: 'must not contain control characters or unpaired surrogates',
  }));
  return paths.length === 0;
}

function makeAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes,
    strict: false,
    strictNumbers: true,
  });
  addFormats.default(ajv);
  ajv.addFormat('email', { type: 'string', validate: isEmail });
  ajv.addFormat('date', { type: 'string', validate: isIsoDate });
  ajv.addFormat('date-time', { type: 'string', validate: isIsoDateTime });
  ajv.addFormat('uri', { type: 'string', validate: isHttpUrl });
  ajv.addKeyword({ keyword: 'safeText', schemaType: 'boolean', errors: true, validate: safeText });
  return ajv;
}

type Node = Record<string, unknown>;

/**
 * A copy of `schema` with the platform's bounds on integers that have none (`integer` in PostgreSQL:
 * a bigger number would fail in the database with a 500, not in validation with a 400).
 */
export function withPlatformRules(schema: unknown, seen = new WeakMap<object, unknown>()): unknown {
  if (Array.isArray(schema)) return schema.map((item) => withPlatformRules(item, seen));
  if (schema === null || typeof schema !== 'object') return schema;
  const known = seen.get(schema);
  if (known) return known;
  const copy: Node = {};
  seen.set(schema, copy);
  for (const [key, value] of Object.entries(schema as Node)) {
    // `const`, `enum`, `default` and `examples` hold values, not schemas
    copy[key] = ['const', 'enum', 'default', 'examples'].includes(key)
      ? value
      : withPlatformRules(value, seen);
  }
  const type = copy.type;
  const isInteger = type === 'integer' || (Array.isArray(type) && type.includes('integer'));
  const isNumber = type === 'number' || (Array.isArray(type) && type.includes('number'));
  if (isInteger || isNumber) {
    const [min, max] = isInteger ? [INT32.min, INT32.max] : [-NUMBER_RANGE.max, NUMBER_RANGE.max];
    if (copy.maximum === undefined && copy.exclusiveMaximum === undefined) copy.maximum = max;
    if (copy.minimum === undefined && copy.exclusiveMinimum === undefined) copy.minimum = min;
  }
  return copy;
}

type Validator = ((data: unknown) => boolean) & { errors: ErrorObject[] | null | undefined };
type Kind = 'strict' | 'coercing';

/**
 * One pair of Ajv instances and one compiled validator per schema object and kind (body: strict, elsewhere:
 * coercing) for the life of the process: the endpoint table's schemas are constants, so an app built
 * again in the same process (every test file builds one) compiles nothing twice.
 */
let ajvs: Record<Kind, Ajv> | undefined;
const compiled = new WeakMap<object, Partial<Record<Kind, Validator>>>();

function compileValidator(schema: unknown, kind: Kind): Validator {
  ajvs ??= { strict: makeAjv(false), coercing: makeAjv('array') };
  const ruled = { ...(withPlatformRules(schema) as Node), safeText: true } as AnySchema;
  const validate = ajvs[kind].compile(ruled);
  // Ajv checks no range on a number that coercion made infinite (`?offset=1e400`), and no schema
  // keyword refuses a magnitude too small to compute with: both here.
  const checked = (data: unknown): boolean => {
    if (!validate(data)) {
      checked.errors = validate.errors;
      return false;
    }
    const unusable = unusableNumberPaths(data);
    checked.errors = unusable.length
      ? unusable.map((instancePath) => ({
          keyword: 'maximum',
          instancePath,
          schemaPath: '#/platform/finite',
          params: {},
          message: 'must be finite, and 0 or at least 1e-9 in magnitude',
        }))
      : null;
    return unusable.length === 0;
  };
  checked.errors = null as ErrorObject[] | null | undefined;
  return checked;
}

export function registerValidation(app: FastifyInstance) {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const kind: Kind = httpPart === 'body' ? 'strict' : 'coercing';
    if (typeof schema !== 'object' || schema === null) return compileValidator(schema, kind);
    const known = compiled.get(schema) ?? {};
    compiled.set(schema, known);
    known[kind] ??= compileValidator(schema, kind);
    return known[kind];
  });
}
