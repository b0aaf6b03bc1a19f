/** Emails are compared and stored normalised: trimmed, NFC, lower case (local parts too, as users expect). */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

/** Accepts international addresses (Cyrillic domains such as .рф); one pattern for server and web forms. */
export { EMAIL_PATTERN } from '../../../shared/contracts/formats.js';

const COMMON = new Set([
  'password',
  'password1',
  'qwerty',
  '123456',
  'йцукен',
  'пароль',
  'iloveyou',
  'admin',
]);

/** Passwords of the allowed length may still be too easy to guess. */
export function isWeakPassword(password: string, email: string, name: string): boolean {
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return true;
  if (/^(\d+|0123456789.*|1234567890.*)$/.test(lower)) return true;
  for (const word of COMMON) if (lower.replace(/[\d!.?]+$/, '') === word) return true;
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && lower.includes(local)) return true;
  const first = name.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return first.length >= 4 && lower.includes(first);
}
