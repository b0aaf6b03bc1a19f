/**
 * Field messages from the server's own contracts: a form's request body is checked against the TypeBox
 * schema the server validates it with (src/shared/contracts), with the same formats and text rule
 * (src/shared/contracts/formats.ts), and each issue becomes a message in the UI language.
 *
 * This module and TypeBox's checker are loaded on demand, the first time a form is checked
 * (useContractForm imports it), so neither reaches the public entry. Checking is interpreted, not
 * compiled: the Content-Security-Policy allows no `eval`.
 */
import type { TFunction } from 'i18next';
import type { TSchema } from 'typebox';
import { Format } from 'typebox/format';
import { Errors } from 'typebox/schema';
import { Settings } from 'typebox/system';
import {
  DATE_YEARS,
  isEmail,
  isHttpUrl,
  isIsoDate,
  isIsoDateTime,
  isSafeText,
} from '../../shared/contracts/formats.js';
import checksEn from '../i18n/lazy/checks.en.json' with { type: 'json' };
import checksRu from '../i18n/lazy/checks.ru.json' with { type: 'json' };

/** Field path → message (the same shape as components/validation's FieldErrors). */
export type FieldErrors = Partial<Record<string, string>>;

/** The server's formats (platform/http/validation.ts), not TypeBox's own. */
Format.Set('email', isEmail);
Format.Set('date', isIsoDate);
Format.Set('date-time', isIsoDateTime);
Format.Set('uri', isHttpUrl);
// A form shows every field's problem at once, not the first eight.
Settings.Set({ maxErrors: 200 });

/** The checker's own messages (src/web/i18n/lazy): they come with it, mounted under `checks`. */
export const CHECK_MESSAGES = { ru: checksRu, en: checksEn } as const;

/** The schema keywords a message can be set for per field. */
export type Keyword =
  | 'required'
  | 'minLength'
  | 'maxLength'
  | 'format'
  | 'pattern'
  | 'enum'
  | 'const'
  | 'type'
  | 'minimum'
  | 'maximum'
  | 'minItems'
  | 'maxItems'
  | 'uniqueItems'
  | 'safeText';

/**
 * Messages of a form's own for some fields (by body path, e.g. `consent.personalData`, or with `*` for
 * any list index, `coordinators.*.phone`): one message for any issue of that field, or one per keyword
 * (the generic message for the rest).
 */
export type FieldMessages = Partial<Record<string, string | Partial<Record<Keyword, string>>>>;

interface Issue {
  keyword: string;
  schemaPath?: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const fromPointer = (pointer: string): string =>
  pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');

/** Every string (and object key) in `value` that breaks the text rule, as field paths. */
function unsafeText(value: unknown, path: string[] = [], found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (!isSafeText(value)) found.push(path.join('.'));
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) unsafeText(item, [...path, String(i)], found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) unsafeText(item, [...path, key], found);
  }
  return found;
}

/** The value at a JSON pointer in `body`. */
function valueAt(body: unknown, pointer: string): unknown {
  let value = body;
  for (const part of pointer.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return value;
}

const DATE_FORMATS = new Set(['date', 'date-time']);

/** The generic message of an issue, in the UI language. */
export function issueMessage(t: TFunction, issue: Issue): string {
  const p = issue.params;
  const limit = Number(p.limit);
  switch (issue.keyword) {
    case 'required':
      return t('validation.required');
    case 'minLength':
      return limit <= 1 ? t('validation.required') : t('checks.tooShort', { min: limit });
    case 'maxLength':
      return t('validation.tooLong', { max: limit });
    case 'format':
      if (p.format === 'email') return t('validation.email');
      if (p.format === 'uri') return t('validation.website');
      if (DATE_FORMATS.has(String(p.format))) return t('checks.date', DATE_YEARS);
      return t('checks.format');
    case 'pattern':
      return t('checks.format');
    case 'enum':
    case 'const':
      return t('validation.chooseOne');
    case 'type':
      if (p.type === 'integer') return t('checks.wholeNumber');
      if (p.type === 'number') return t('checks.number');
      return t('validation.required');
    case 'minimum':
    case 'exclusiveMinimum':
      return t('checks.min', { min: limit });
    case 'maximum':
    case 'exclusiveMaximum':
      return t('checks.max', { max: limit });
    case 'minItems':
      return limit <= 1 ? t('checks.chooseAtLeastOne') : t('checks.tooFew', { min: limit });
    case 'maxItems':
      return t('checks.tooMany', { max: limit });
    case 'uniqueItems':
      return t('checks.notUnique');
    case 'safeText':
      return t('checks.forbiddenCharacters');
    default:
      return t('checks.invalid');
  }
}

/** Issues that say nothing by themselves: a union's summary, and a union branch's «must be null». */
const isSummary = (issue: Issue) =>
  issue.keyword === 'anyOf' ||
  issue.keyword === 'oneOf' ||
  issue.keyword === 'additionalProperties' ||
  (issue.keyword === 'type' && issue.params.type === 'null');

/**
 * The issues of the union branches the value fits. A branch whose shape does not fit the value (another
 * type, or properties it does not know: `{ existingId }` against the `{ new }` branch) says nothing about
 * the fields; its issues are dropped when another branch fits.
 */
function fittingBranches(errors: Issue[]): Issue[] {
  const dropped = new Set<string>();
  for (const union of errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')) {
    const prefix = `${union.schemaPath}/${union.keyword}/`;
    const branches = new Map<string, Issue[]>();
    for (const e of errors) {
      if (!e.schemaPath?.startsWith(prefix)) continue;
      const branch = prefix + e.schemaPath.slice(prefix.length).split('/')[0];
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const misfits = [...branches].filter(([, issues]) =>
      issues.some(
        (e) =>
          e.instancePath === union.instancePath &&
          (e.keyword === 'type' || e.keyword === 'additionalProperties'),
      ),
    );
    if (misfits.length < branches.size) for (const [branch] of misfits) dropped.add(branch);
  }
  const isDropped = (e: Issue) =>
    [...dropped].some((branch) => e.schemaPath === branch || e.schemaPath?.startsWith(`${branch}/`));
  return errors.filter((e) => !isDropped(e));
}

/** Field paths → the first, most telling issue of each (required properties named by their own path). */
function issuesByField(schema: TSchema, body: unknown): Map<string, Issue> {
  const errors = fittingBranches(Errors(schema, body)[1] as Issue[]);
  const byField = new Map<string, Issue>();
  const add = (field: string, issue: Issue) => {
    const known = byField.get(field);
    if (!known || (isSummary(known) && !isSummary(issue))) byField.set(field, issue);
  };
  for (const error of errors) {
    const field = fromPointer(error.instancePath);
    if (error.keyword === 'required') {
      const names = (error.params.requiredProperties as string[] | undefined) ?? [];
      for (const name of names) add(field ? `${field}.${name}` : name, error);
    } else if (valueAt(body, error.instancePath) === '' && !isSummary(error)) {
      // An empty field is missing, whatever text it needs (a length, a date, a pattern).
      add(field, { ...error, keyword: 'required' });
    } else add(field, error);
  }
  for (const field of unsafeText(body)) add(field, { keyword: 'safeText', instancePath: '', params: {} });
  // A union's summary is no news when one of its fields says what is wrong.
  for (const [field, issue] of byField) {
    const inside = [...byField.keys()].some((other) => other.startsWith(`${field}.`));
    if ((issue.keyword === 'anyOf' || issue.keyword === 'oneOf') && inside) byField.delete(field);
  }
  return byField;
}

/**
 * The field messages for `body` under `schema` (empty when the body is valid). Issues the form cannot
 * show next to a field are left out.
 */
export function contractErrors(
  t: TFunction,
  schema: TSchema,
  body: unknown,
  messages: FieldMessages = {},
): FieldErrors {
  const result: FieldErrors = {};
  for (const [field, issue] of issuesByField(schema, body)) {
    // An unknown property is a bug of the form, and a rule on the whole body (e.g. «change at least one
    // field») has no field to stand beside: the server's answer says those.
    if (issue.keyword === 'additionalProperties' || field === '') continue;
    const own = messages[field] ?? messages[field.replace(/\.\d+(?=\.|$)/g, '.*')];
    const message =
      typeof own === 'string' ? own : (own?.[issue.keyword as Keyword] ?? issueMessage(t, issue));
    result[field] = message;
  }
  return result;
}
