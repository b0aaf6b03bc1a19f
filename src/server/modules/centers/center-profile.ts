/** Validation and normalisation of a centre's public profile. Pure. */
import type { UpdateCenterProfileBody } from '../../../shared/contracts/centers.js';
import type { FieldIssue } from '../../platform/errors.js';

export type ProfileUpdate = {
  services?: string[];
  opening_hours?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  address?: string | null;
  description?: string | null;
};

const text = (v: string | null | undefined) =>
  v === undefined ? undefined : v?.normalize('NFC').trim() || null;

/** Digits, spaces, + ( ) - . and an optional extension; 10 to 15 digits (e.g. +7 (3842) 12-34-56). */
export function normalizePhone(raw: string): string | null {
  if (!/^\+?[\d\s().-]+(\s*(доб\.?|ext\.?)\s*\d{1,6})?$/i.test(raw)) return null;
  const main = raw.replace(/\s*(доб\.?|ext\.?)\s*\d+$/i, '');
  const digits = main.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 15 ? raw.replace(/\s+/g, ' ') : null;
}

const EMAIL_RE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** http(s) URLs only; a bare host gets https:// in front. */
export function normalizeWebsite(raw: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.') || /\s/.test(raw)) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** The changes to write, or field errors. `knownServices` are the codes of the vocabulary in use. */
export function checkProfile(
  body: UpdateCenterProfileBody,
  knownServices: ReadonlySet<string>,
): { update: ProfileUpdate; errors: FieldIssue[] } {
  const errors: FieldIssue[] = [];
  const update: ProfileUpdate = {};
  if (body.services !== undefined) {
    const codes = [...new Set(body.services.map((s) => s.trim()))];
    codes.forEach((code) => {
      if (!knownServices.has(code)) {
        errors.push({
          field: 'services',
          code: 'unknown_service',
          message: `Unknown service "${code}".`,
          params: { code },
        });
      }
    });
    update.services = codes;
  }
  const phone = text(body.phone);
  if (phone !== undefined) {
    update.phone = phone && normalizePhone(phone);
    if (phone && !update.phone) {
      errors.push({
        field: 'phone',
        code: 'invalid_phone',
        message: 'Enter a phone number, e.g. +7 3842 12-34-56.',
      });
    }
  }
  const email = text(body.email);
  if (email !== undefined) {
    update.email = email?.toLowerCase() ?? null;
    if (email && !EMAIL_RE.test(email)) {
      errors.push({
        field: 'email',
        code: 'invalid_email',
        message: 'Enter an email address, e.g. name@example.ru.',
      });
    }
  }
  const website = text(body.website);
  if (website !== undefined) {
    update.website = website && normalizeWebsite(website);
    if (website && !update.website) {
      errors.push({
        field: 'website',
        code: 'invalid_url',
        message: 'Enter a web address, e.g. https://example.ru.',
      });
    }
  }
  for (const [key, column] of [
    ['openingHours', 'opening_hours'],
    ['address', 'address'],
    ['description', 'description'],
  ] as const) {
    const value = text(body[key]);
    if (value !== undefined) update[column] = value;
  }
  return { update, errors };
}
