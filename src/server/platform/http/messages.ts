/**
 * Localised texts of problem codes and of Ajv validation issues. The texts themselves live in the one
 * catalogue, src/shared/problems (add a new code there, in its area's file — never here).
 */
import { DATE_YEARS } from '../../../shared/contracts/formats.js';
import type { Locale } from '../../../shared/limits.js';
import { isProblemCode, type ProblemCode, problemText } from '../../../shared/problems/index.js';

/**
 * The code's text in the locale, `{placeholders}` filled from `params`. `fallback` is only used for a
 * code missing from the catalogue (a programming error the catalogue test catches).
 */
export function errorMessage(
  code: ProblemCode | string,
  locale: Locale,
  fallback = '',
  params?: Record<string, string | number>,
): string {
  if (isProblemCode(code)) return problemText(code, locale, params);
  return fallback || problemText('invalid_value', locale);
}

type AjvIssue = { keyword: string; params: Record<string, unknown>; message?: string };

const FORMAT_CODES: Record<string, ProblemCode> = {
  date: 'invalid_date',
  'date-time': 'invalid_date_time',
  uuid: 'invalid_uuid',
  email: 'invalid_email',
  uri: 'invalid_url',
  time: 'invalid_time',
};

function issueCode(issue: AjvIssue): { code: ProblemCode; params?: Record<string, string> } {
  const p = issue.params;
  const limit = { limit: String(p.limit) };
  switch (issue.keyword) {
    case 'required':
      return { code: 'required' };
    case 'additionalProperties':
      return { code: 'unknown_field' };
    case 'minLength':
      return Number(p.limit) <= 1 ? { code: 'required' } : { code: 'too_short', params: limit };
    case 'maxLength':
      return { code: 'too_long', params: limit };
    case 'format': {
      const code = FORMAT_CODES[String(p.format)] ?? 'invalid_format';
      return { code, params: { min: String(DATE_YEARS.min), max: String(DATE_YEARS.max) } };
    }
    case 'safeText':
      return { code: 'forbidden_characters' };
    case 'type':
      return { code: 'wrong_type', params: { type: String(p.type) } };
    case 'const':
    case 'enum':
      return { code: 'not_allowed_value' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { code: 'out_of_range' };
    case 'multipleOf':
      return { code: 'not_multiple', params: { multipleOf: String(p.multipleOf) } };
    case 'pattern':
      return { code: 'invalid_format' };
    case 'minItems':
      return { code: 'too_few', params: limit };
    case 'maxItems':
      return { code: 'too_many', params: limit };
    case 'uniqueItems':
      return { code: 'not_unique' };
    case 'minProperties':
      return { code: 'empty' };
    default:
      return { code: 'invalid_value' };
  }
}

/** One field's code and message for an Ajv validation issue. */
export function validationMessage(issue: AjvIssue, locale: Locale): { code: ProblemCode; message: string } {
  const { code, params } = issueCode(issue);
  return { code, message: problemText(code, locale, params) };
}
