import { describe, expect, it } from 'vitest';
import { zonedInstant, zonedParts, zoneOffsetMinutes } from './time-zone.js';

describe('region wall-clock time', () => {
  it('reads an instant in Kemerovo time (UTC+7) whatever the process zone is', () => {
    const at = new Date('2026-11-25T02:30:00Z');
    expect(zonedParts(at, 'Asia/Novokuznetsk')).toEqual({ date: '2026-11-25', time: '09:30' });
    expect(zonedParts(at, 'Europe/Moscow')).toEqual({ date: '2026-11-25', time: '05:30' });
    expect(zoneOffsetMinutes(at, 'Asia/Novokuznetsk')).toBe(420);
  });

  it('turns a Kemerovo wall-clock time into the right instant, across midnight UTC', () => {
    expect(zonedInstant('2026-12-01', '06:00', 'Asia/Novokuznetsk').toISOString()).toBe(
      '2026-11-30T23:00:00.000Z',
    );
    expect(zonedInstant('2026-12-01', '18:15', 'Europe/Moscow').toISOString()).toBe(
      '2026-12-01T15:15:00.000Z',
    );
  });

  it('round-trips through a zone with summer time, on both sides of the change', () => {
    for (const [date, time] of [
      ['2026-03-28', '12:00'],
      ['2026-03-30', '12:00'],
      ['2026-10-24', '23:30'],
    ] as const) {
      const at = zonedInstant(date, time, 'Europe/Berlin');
      expect(zonedParts(at, 'Europe/Berlin')).toEqual({ date, time });
    }
    expect(zonedInstant('2026-07-01', '12:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T10:00:00.000Z',
    );
  });

  it('refuses malformed input instead of guessing', () => {
    expect(() => zonedInstant('01.12.2026', '10:00', 'Asia/Novokuznetsk')).toThrow(RangeError);
    expect(() => zonedInstant('2026-12-01', '10', 'Asia/Novokuznetsk')).toThrow(RangeError);
  });
});
