/**
 * The rules every request value follows, whatever the operation (ADR 0014). The server's validator
 * (platform/http/validation.ts) applies them to every body, query string and path parameter, so no
 * endpoint can forget them; the OpenAPI document states them; web forms may use the same functions.
 *
 * - Text never carries C0 control characters other than tab, line feed and carriage return, nor a
 *   UTF-16 surrogate without its pair (PostgreSQL refuses both: 22021 / 22P05).
 * - Dates (`format: date`, `YYYY-MM-DD`) and instants (`format: date-time`, RFC 3339 with a zone) lie
 *   in the years DATE_YEARS.min … DATE_YEARS.max: birth dates and history need the 1900s, plans reach
 *   a few decades ahead, and nothing a person types as year 0000 or 9999 reaches the database.
 * - A URL (`format: uri`) is an absolute http:// or https:// address with a host.
 */

/** The years a date or an instant may fall in, both inclusive. */
export const DATE_YEARS = { min: 1900, max: 2200 } as const;

/** C0 controls other than \t \n \r, and lone surrogates (a `u` regex sees them as code points). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters refused
export const FORBIDDEN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDFFF]/u;

/** The same rule as a JSON Schema `pattern` (for the OpenAPI document). */
export const SAFE_TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uD800-\\uDFFF]*$';

export const isSafeText = (value: string): boolean => !FORBIDDEN_TEXT.test(value);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

const inYears = (year: number) => year >= DATE_YEARS.min && year <= DATE_YEARS.max;

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD`, a real calendar day, in DATE_YEARS. */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return inYears(year) && isCalendarDay(year, month, day);
}

/** RFC 3339 date-time with a zone (no leap second), a real instant whose date and UTC date are in DATE_YEARS. */
export function isIsoDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!inYears(year) || !isCalendarDay(year, month, day)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  const at = Date.parse(value.replace(' ', 'T'));
  return Number.isFinite(at) && inYears(new Date(at).getUTCFullYear());
}

/**
 * An email address (`format: email`): international addresses (Cyrillic domains such as .рф) pass; spaces,
 * quotes, brackets and control characters do not.
 */
export const EMAIL_PATTERN =
  /^[^\s@"<>()[\],;:\\\p{Cc}]+@[^\s@"<>()[\],;:\\\p{Cc}]+\.[^\s@"<>()[\],;:\\\p{Cc}.]{2,}$/u;

export const isEmail = (value: string): boolean => EMAIL_PATTERN.test(value);

/** An absolute http(s) URL with a host and no whitespace or control characters. */
export function isHttpUrl(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a URL carries no control character
  if (!/^https?:\/\//i.test(value) || /[\s\u0000-\u001F\u007F]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
