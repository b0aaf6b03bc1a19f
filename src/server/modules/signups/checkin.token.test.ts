import { describe, expect, it } from 'vitest';
import {
  checkinWindow,
  codeMatches,
  newCheckinKey,
  readToken,
  shortCode,
  signToken,
  verifyToken,
} from './checkin.token.js';

const shiftId = '0b3c6a52-8f1e-4d2a-9c3b-5e6f7a8b9c0d';
const until = new Date('2026-12-01T12:00:00Z');
const before = new Date('2026-12-01T11:59:00Z');

describe('check-in token', () => {
  it('round-trips the shift id and verifies only under its key and before expiry', () => {
    const key = newCheckinKey();
    const token = signToken(key, shiftId, until);
    expect(token).toMatch(/^[\w-]{22}\.[0-9a-z]+\.[\w-]{22}$/);
    expect(readToken(token)?.shiftId).toBe(shiftId);
    expect(verifyToken(key, token, before)).toBe('ok');
    expect(verifyToken(newCheckinKey(), token, before)).toBe('invalid');
    expect(verifyToken(key, token, new Date(until.getTime() + 1000))).toBe('expired');
    const [id, exp, sig] = token.split('.') as [string, string, string];
    expect(verifyToken(key, `${id}.${(Number.parseInt(exp, 36) + 60).toString(36)}.${sig}`, before)).toBe(
      'invalid',
    );
    expect(verifyToken(key, `${id}.${exp}`, before)).toBe('invalid');
    expect(verifyToken(key, '', before)).toBe('invalid');
  });

  it('short code: six digits, stable for the key, different after rotation; compared whole', () => {
    const key = newCheckinKey();
    const code = shortCode(key, shiftId, until);
    expect(code).toMatch(/^\d{6}$/);
    expect(shortCode(key, shiftId, until)).toBe(code);
    expect(codeMatches(key, shiftId, until, ` ${code} `)).toBe(true);
    expect(codeMatches(key, shiftId, until, code.slice(0, 5))).toBe(false);
    expect(codeMatches(key, shiftId, until, `${code}0`)).toBe(false);
    const keys = Array.from({ length: 5 }, () => shortCode(newCheckinKey(), shiftId, until));
    expect(new Set([code, ...keys]).size).toBeGreaterThan(1);
  });

  it('window: an hour before the start to an hour after the end', () => {
    const w = checkinWindow({
      starts_at: new Date('2026-12-01T09:00:00Z'),
      ends_at: new Date('2026-12-01T12:00:00Z'),
    });
    expect(w.validFrom.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(w.validUntil.toISOString()).toBe('2026-12-01T13:00:00.000Z');
  });
});
