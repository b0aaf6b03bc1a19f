import { describe, expect, it } from 'vitest';
import { ageGroup, ageOn, isIsoDate, isMinorOn } from './age.js';

describe('ageOn', () => {
  it('counts full years, turning a year older on the birthday', () => {
    expect(ageOn('2010-06-15', '2024-06-14')).toBe(13);
    expect(ageOn('2010-06-15', '2024-06-15')).toBe(14);
    expect(ageOn('2010-06-15', '2025-01-01')).toBe(14);
  });
  it('a 29 February birthday counts from 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });
  it('is negative before birth and refuses malformed dates', () => {
    expect(ageOn('2030-01-01', '2026-01-01')).toBe(-4);
    expect(() => ageOn('01.01.2000', '2026-01-01')).toThrow(RangeError);
  });
});

describe('ageGroup at the boundaries', () => {
  it.each([
    [13, null],
    [14, '14-17'],
    [17, '14-17'],
    [18, '18-35'],
    [35, '18-35'],
    [36, '36-54'],
    [54, '36-54'],
    [55, '55+'],
    [90, '55+'],
  ])('%i → %s', (age, group) => {
    expect(ageGroup(age)).toBe(group);
  });
  it('minors are 14–17 on the day', () => {
    expect(isMinorOn('2008-11-24', '2026-11-23')).toBe(true);
    expect(isMinorOn('2008-11-24', '2026-11-24')).toBe(false);
    expect(isMinorOn('2013-01-01', '2026-11-24')).toBe(false);
  });
  it('knows real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
  });
});
