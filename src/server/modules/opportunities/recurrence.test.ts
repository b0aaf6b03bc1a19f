import { describe, expect, it } from 'vitest';
import { expand, occurrenceDates, type RecurrenceRule, zonedInstant } from './recurrence.js';

const rule = (over: Partial<RecurrenceRule>): RecurrenceRule => ({
  frequency: 'weekly',
  interval: 1,
  weekdays: [6],
  monthDay: null,
  startsOn: '2026-03-01',
  until: '2026-03-31',
  startTime: '10:00',
  durationMinutes: 180,
  timeZone: 'Asia/Novokuznetsk',
  ...over,
});

describe('recurrence expansion', () => {
  it('weekly: every Saturday of March 2026', () => {
    expect(occurrenceDates(rule({}))).toEqual(['2026-03-07', '2026-03-14', '2026-03-21', '2026-03-28']);
  });

  it('weekly on several days, every second week counted from the first week', () => {
    const dates = occurrenceDates(rule({ weekdays: [2, 4], interval: 2, startsOn: '2026-03-04' }));
    // 4 March is a Wednesday: that week's Thursday, then the week of 16 March, then of 30 March.
    expect(dates).toEqual(['2026-03-05', '2026-03-17', '2026-03-19', '2026-03-31']);
  });

  it('monthly on the 31st: the last day of shorter months, leap February included', () => {
    const dates = occurrenceDates(
      rule({ frequency: 'monthly', monthDay: 31, startsOn: '2028-01-01', until: '2028-06-30' }),
    );
    expect(dates).toEqual([
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
      '2028-04-30',
      '2028-05-31',
      '2028-06-30',
    ]);
  });

  it('monthly skips a first month whose day is already past', () => {
    const dates = occurrenceDates(
      rule({ frequency: 'monthly', monthDay: 5, startsOn: '2026-01-10', until: '2026-03-31' }),
    );
    expect(dates).toEqual(['2026-02-05', '2026-03-05']);
  });

  it('local times in Asia/Novokuznetsk (UTC+7, no DST) become the same UTC hour all year', () => {
    const winter = expand(rule({ startsOn: '2026-01-01', until: '2026-01-10' }))[0]!;
    const summer = expand(rule({ startsOn: '2026-07-01', until: '2026-07-10' }))[0]!;
    expect(winter.startsAt.toISOString()).toBe('2026-01-03T03:00:00.000Z');
    expect(summer.startsAt.toISOString()).toBe('2026-07-04T03:00:00.000Z');
    expect(summer.endsAt.toISOString()).toBe('2026-07-04T06:00:00.000Z');
  });

  it('a zone with DST keeps the wall-clock time across the change', () => {
    expect(zonedInstant('2026-03-07', '10:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-07T09:00:00.000Z',
    );
    expect(zonedInstant('2026-04-04', '10:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-04-04T08:00:00.000Z',
    );
  });

  it('a rule that ends before its first matching day yields nothing, and dates never repeat', () => {
    expect(occurrenceDates(rule({ until: '2026-03-06' }))).toEqual([]);
    const dates = occurrenceDates(rule({ weekdays: [1, 1, 2], until: '2026-12-31' }));
    expect(new Set(dates).size).toBe(dates.length);
  });
});
