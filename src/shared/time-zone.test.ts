import fc from 'fast-check';
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

describe('the cached zone offsets (wall time without asking Intl for every instant)', () => {
  // the reference: Intl for every instant
  const exact = (at: Date, timeZone: string) => {
    const n: Record<string, string> = {};
    for (const x of new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(at))
      n[x.type] = x.value;
    return { date: `${n.year?.padStart(4, '0')}-${n.month}-${n.day}`, time: `${n.hour}:${n.minute}` };
  };
  const ZONES = [
    'Asia/Novokuznetsk', // +7 today, +6/+7 with DST and a change in 2014 and 2016
    'Europe/Moscow',
    'America/New_York',
    'Australia/Lord_Howe', // half an hour of DST
    'Asia/Kathmandu', // +5:45
    'Europe/London',
    'UTC',
  ];
  const YEAR = 365.25 * 86_400_000;
  const from = Date.UTC(1900, 0, 1);

  it('agree with Intl at random instants from 1900 to 2200 and around every change of offset', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: Math.floor(300 * YEAR) }),
        (zone, ms) => {
          const at = new Date(from + ms);
          expect(zonedParts(at, zone)).toEqual(exact(at, zone));
        },
      ),
      { seed: 20261207, numRuns: 3000 },
    );
    // minute by minute around offset changes: Novokuznetsk 2010-03-27/28 (DST to +7), 2014-10-26 (to +6),
    // 2016-03-27 (to +7); New York 2026-03-08 and 2026-11-01; Lord Howe 2026-04-05; Kathmandu 1986
    const around = [
      ['Asia/Novokuznetsk', '2010-03-27T19:00:00Z'],
      ['Asia/Novokuznetsk', '2014-10-25T18:00:00Z'],
      ['Asia/Novokuznetsk', '2016-03-26T18:00:00Z'],
      ['America/New_York', '2026-03-08T05:00:00Z'],
      ['America/New_York', '2026-11-01T04:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T13:00:00Z'],
      ['Asia/Kathmandu', '1985-12-31T17:00:00Z'], // +5:30 → +5:45 at 18:30 UTC, inside an hour
    ] as const;
    for (const [zone, start] of around) {
      for (let m = 0; m < 240; m += 1) {
        const at = new Date(Date.parse(start) + m * 60_000 + 17_000);
        expect(zonedParts(at, zone)).toEqual(exact(at, zone));
      }
    }
  });
});
