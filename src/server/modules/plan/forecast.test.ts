import { describe, expect, it } from 'vitest';
import { addMonths, monthEnd, monthsBetween } from './dates.js';
import {
  forecast,
  forecastAtPace,
  forecastWithPipeline,
  monthsNeeded,
  openingsPerMonth,
  targetStatus,
} from './forecast.js';

describe('calendar helpers', () => {
  it('moves by months, keeping the month end within shorter months', () => {
    expect(addMonths('2026-11-24', 3)).toBe('2027-02-24');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-11-24', -12)).toBe('2025-11-24');
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('forecast (hand-checked)', () => {
  const today = '2026-11-24';

  it('counts openings in the 12 months up to today, per month', () => {
    // In the window (2025-11-24, 2026-11-24]: 2025-12-01, 2026-03-15, 2026-11-24 → 3 / 12 = 0.25.
    const opened = ['2025-11-24', '2025-12-01', '2026-03-15', '2026-11-24', '2026-11-25', null];
    expect(openingsPerMonth(opened, today)).toBe(0.25);
  });

  it('gap ÷ pace, rounded up to whole months', () => {
    expect(monthsNeeded(4, 0.5)).toBe(8);
    expect(monthsNeeded(3, 0.25)).toBe(12);
    expect(monthsNeeded(1, 0.3)).toBe(4); // 3.33 → 4
    expect(monthsNeeded(5, 0)).toBeNull();
    // 9 active, target 18, 1.5 openings a month → 6 months → 2027-05-24.
    expect(forecastAtPace({ today, actual: 9, target: 18, pacePerMonth: 1.5 })).toBe('2027-05-24');
  });

  it('is null when met or when there is no pace', () => {
    expect(forecastAtPace({ today, actual: 18, target: 18, pacePerMonth: 1 })).toBeNull();
    expect(forecastAtPace({ today, actual: 9, target: 18, pacePerMonth: 0 })).toBeNull();
    expect(forecastAtPace({ today, actual: 9, target: 18, pacePerMonth: -0.5 })).toBeNull();
  });

  it('with the pipeline: expected openings first (overdue ones today), then the pace', () => {
    // 9 + 2 pipeline openings = 11 ≥ 11 on the later expected date.
    expect(
      forecastWithPipeline({
        today,
        actual: 9,
        target: 11,
        pacePerMonth: 0,
        pipelineDates: ['2027-03-01', '2026-12-10'],
      }),
    ).toBe('2027-03-01');
    // 9 + 1 (overdue → today) = 10; 3 left at 1 a month from today → 3 months.
    expect(
      forecastWithPipeline({ today, actual: 9, target: 13, pacePerMonth: 1, pipelineDates: ['2026-01-01'] }),
    ).toBe('2027-02-24');
    // 9 + 2 = 11, 2 left at 0.5 a month from the last expected date 2027-01-31 → 4 months → 2027-05-31.
    expect(
      forecastWithPipeline({
        today,
        actual: 9,
        target: 13,
        pacePerMonth: 0.5,
        pipelineDates: ['2027-01-31', '2026-12-01'],
      }),
    ).toBe('2027-05-31');
    // Pipeline not enough and no pace: not at this pace.
    expect(
      forecastWithPipeline({ today, actual: 9, target: 13, pacePerMonth: 0, pipelineDates: ['2027-01-31'] }),
    ).toBeNull();
    expect(forecast({ today, actual: 3, target: 3, pacePerMonth: 1, pipelineDates: [] })).toEqual({
      atPace: null,
      withPipeline: null,
    });
  });

  it('status: met, missed after the due date, on track when the pace reaches it in time, else behind', () => {
    const base = { actual: 9, target: 18, today };
    expect(targetStatus({ ...base, actual: 18, dueDate: '2024-12-31', atPace: null })).toBe('met');
    expect(targetStatus({ ...base, dueDate: '2024-12-31', atPace: '2027-05-24' })).toBe('missed');
    expect(targetStatus({ ...base, dueDate: '2027-12-31', atPace: '2027-05-24' })).toBe('on_track');
    expect(targetStatus({ ...base, dueDate: '2027-01-31', atPace: '2027-05-24' })).toBe('behind');
    expect(targetStatus({ ...base, dueDate: '2027-12-31', atPace: null })).toBe('behind');
  });
});

describe('the forecast horizon', () => {
  const today = '2026-11-24';

  it('a date past the last year the API carries is "not at this pace", never a year like 27000', () => {
    // 100,000 centres at 0.25 a month: 400,000 months away.
    expect(forecastAtPace({ today, actual: 0, target: 100_000, pacePerMonth: 0.25 })).toBeNull();
    expect(
      forecastWithPipeline({ today, actual: 0, target: 100_000, pacePerMonth: 0.25, pipelineDates: [today] }),
    ).toBeNull();
    // The last month within the horizon is still a forecast; one more is not.
    const monthsToEdge = (2200 - 2026) * 12 + 1; // 2200-12-24
    expect(forecastAtPace({ today, actual: 0, target: monthsToEdge, pacePerMonth: 1 })).toBe('2200-12-24');
    expect(forecastAtPace({ today, actual: 0, target: monthsToEdge + 1, pacePerMonth: 1 })).toBeNull();
  });
});
