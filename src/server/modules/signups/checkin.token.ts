/**
 * The shift's check-in token and short code (pure). A token is the shift id and an expiry signed with
 * HMAC-SHA256 under the shift's own secret (`shifts.checkin_key`); replacing the secret revokes every printed
 * code. Format: `<shift id, 16 bytes base64url>.<expiry, unix seconds base36>.<MAC, first 16 bytes base64url>`,
 * MAC over `dobroset-checkin:v1:<shift id>:<expiry>`. The short code is 6 digits from a second MAC.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const MINUTE = 60_000;
/** Check-in opens this long before the shift starts and closes this long after it ends. */
export const WINDOW_MINUTES = 60;
export const CODE_LENGTH = 6;

export const newCheckinKey = () => randomBytes(32).toString('base64url');

export type Window = { validFrom: Date; validUntil: Date };

export const checkinWindow = (shift: { starts_at: Date; ends_at: Date }): Window => ({
  validFrom: new Date(shift.starts_at.getTime() - WINDOW_MINUTES * MINUTE),
  validUntil: new Date(shift.ends_at.getTime() + WINDOW_MINUTES * MINUTE),
});

const mac = (key: string, text: string) =>
  createHmac('sha256', Buffer.from(key, 'base64url')).update(text).digest();

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidText = (bytes: Buffer) => {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const expSeconds = (until: Date) => Math.floor(until.getTime() / 1000);

export function signToken(key: string, shiftId: string, until: Date): string {
  const exp = expSeconds(until);
  const sig = mac(key, `dobroset-checkin:v1:${shiftId}:${exp}`).subarray(0, 16);
  return `${uuidBytes(shiftId).toString('base64url')}.${exp.toString(36)}.${sig.toString('base64url')}`;
}

/** The shift a token names, without trusting it yet (the key is looked up by this id). */
export function readToken(token: string): { shiftId: string; exp: number; sig: Buffer } | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  const [id, exp, sig] = parts as [string, string, string];
  if (!/^[\w-]{22}$/.test(id) || !/^[0-9a-z]{1,10}$/.test(exp) || !/^[\w-]{22}$/.test(sig)) return null;
  const bytes = Buffer.from(id, 'base64url');
  const mac16 = Buffer.from(sig, 'base64url');
  if (bytes.length !== 16 || mac16.length !== 16) return null;
  return { shiftId: uuidText(bytes), exp: Number.parseInt(exp, 36), sig: mac16 };
}

/** Checks the MAC in constant time and the expiry: 'ok', 'invalid' (tampered, other key) or 'expired'. */
export function verifyToken(key: string, token: string, now: Date): 'ok' | 'invalid' | 'expired' {
  const read = readToken(token);
  if (!read) return 'invalid';
  const expected = mac(key, `dobroset-checkin:v1:${read.shiftId}:${read.exp}`).subarray(0, 16);
  if (!timingSafeEqual(expected, read.sig)) return 'invalid';
  return read.exp * 1000 < now.getTime() ? 'expired' : 'ok';
}

/** The 6-digit code shown next to the QR for people who cannot scan; changes with the key. */
export function shortCode(key: string, shiftId: string, until: Date): string {
  const n = mac(key, `dobroset-checkin-code:v1:${shiftId}:${expSeconds(until)}`).readUInt32BE(0);
  return String(n % 10 ** CODE_LENGTH).padStart(CODE_LENGTH, '0');
}

export function codeMatches(key: string, shiftId: string, until: Date, code: string): boolean {
  const expected = Buffer.from(shortCode(key, shiftId, until));
  const given = Buffer.from(code.trim().padEnd(CODE_LENGTH, ' ').slice(0, 32));
  return given.length === expected.length && timingSafeEqual(expected, given);
}

/** Local time in the region for messages ("opens at 25.11.2026, 09:00"). */
export function localTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}
