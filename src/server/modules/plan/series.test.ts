import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, expectedOpening, isInProgress, pathStages } from './pipeline.js';
import {
  activeOn,
  activePeriods,
  figuresOn,
  monthlySeries,
  type NetworkHistory,
  planOn,
  sweepFigures,
} from './series.js';

describe('a centre over time', () => {
  it('is active from its opening date while its status is active', () => {
    const periods = activePeriods(
      {
        municipalityId: 'A',
        openedOn: '2022-03-10',
        status: 'active',
        changes: [
          { day: '2023-01-15', from: 'active', to: 'suspended' },
          { day: '2023-04-01', from: 'suspended', to: 'active' },
        ],
      },
      '2021-01-01',
    );
    expect(periods).toEqual([
      { from: '2022-03-10', to: '2023-01-15' },
      { from: '2023-04-01', to: null },
    ]);
    expect(activeOn(periods, '2022-03-09')).toBe(false);
    expect(activeOn(periods, '2022-03-10')).toBe(true);
    expect(activeOn(periods, '2023-01-15')).toBe(false); // suspended that day
    expect(activeOn(periods, '2023-03-31')).toBe(false);
    expect(activeOn(periods, '2026-01-01')).toBe(true);
  });

  it('a closed centre ends on its closing day; an undated one counts from the programme start', () => {
    expect(
      activePeriods(
        {
          municipalityId: 'A',
          openedOn: null,
          status: 'closed',
          changes: [{ day: '2024-06-30', from: 'active', to: 'closed' }],
        },
        '2021-01-01',
      ),
    ).toEqual([{ from: '2021-01-01', to: '2024-06-30' }]);
    // Never active since its opening: suspended before it opened and never reactivated.
    expect(
      activePeriods(
        {
          municipalityId: 'A',
          openedOn: '2025-01-01',
          status: 'suspended',
          changes: [{ day: '2024-12-01', from: 'active', to: 'suspended' }],
        },
        '2021-01-01',
      ),
    ).toEqual([]);
  });
});

describe('network figures and the monthly series', () => {
  // A and B merge into AB on 2024-01-01; C stands alone. Centres: one in A from 2022-02-01, one in C
  // from 2023-06-15 (closed 2025-01-10), one in AB from 2024-05-01 (undated ones count from 2021-01-01).
  const history: NetworkHistory = {
    municipalities: [
      { id: 'A', effective_from: '1900-01-01', effective_to: '2024-01-01' },
      { id: 'B', effective_from: '1900-01-01', effective_to: '2024-01-01' },
      { id: 'AB', effective_from: '2024-01-01', effective_to: null },
      { id: 'C', effective_from: '1900-01-01', effective_to: null },
    ],
    lineage: [
      { predecessor_id: 'A', successor_id: 'AB', effective_on: '2024-01-01' },
      { predecessor_id: 'B', successor_id: 'AB', effective_on: '2024-01-01' },
    ],
    centers: [
      { municipalityId: 'A', periods: [{ from: '2022-02-01', to: null }] },
      { municipalityId: 'C', periods: [{ from: '2023-06-15', to: '2025-01-10' }] },
      { municipalityId: 'AB', periods: [{ from: '2024-05-01', to: null }] },
    ],
  };

  it('counts centres and covered municipalities on a day through the lineage', () => {
    expect(figuresOn(history, '2021-12-31')).toEqual({
      activeCenters: 0,
      coveredMunicipalities: 0,
      municipalitiesTotal: 3,
    });
    expect(figuresOn(history, '2023-12-31')).toEqual({
      activeCenters: 2,
      coveredMunicipalities: 2, // A and C
      municipalitiesTotal: 3,
    });
    // After the merger: A's centre counts for AB, together with AB's own → 3 centres, 2 municipalities.
    expect(figuresOn(history, '2024-05-01')).toEqual({
      activeCenters: 3,
      coveredMunicipalities: 2,
      municipalitiesTotal: 2,
    });
    expect(figuresOn(history, '2025-01-10')).toEqual({
      activeCenters: 2,
      coveredMunicipalities: 1,
      municipalitiesTotal: 2,
    });
  });

  it('the plan is a step at each due date', () => {
    const targets = [
      { kind: 'active_centers' as const, due_date: '2024-12-31', target: 18 },
      { kind: 'active_centers' as const, due_date: '2025-12-31', target: 22 },
      { kind: 'municipal_coverage' as const, due_date: '2025-12-31', target: 34 },
    ];
    expect(planOn(targets, 'active_centers', '2024-12-30')).toBeNull();
    expect(planOn(targets, 'active_centers', '2024-12-31')).toBe(18);
    expect(planOn(targets, 'active_centers', '2025-11-30')).toBe(18);
    expect(planOn(targets, 'active_centers', '2026-01-31')).toBe(22);
    expect(planOn(targets, 'municipal_coverage', '2025-12-31')).toBe(34);
  });

  it('one point per month from the start to the later of today and the last due date', () => {
    const series = monthlySeries({
      history,
      targets: [{ kind: 'active_centers', due_date: '2025-03-31', target: 4 }],
      from: '2024-11-01',
      today: '2025-01-20',
    });
    expect(
      series.map((p) => [p.month, p.date, p.activeCenters, p.coveredMunicipalities, p.planActiveCenters]),
    ).toEqual([
      ['2024-11', '2024-11-30', 3, 2, null],
      ['2024-12', '2024-12-31', 3, 2, null],
      ['2025-01', '2025-01-20', 2, 1, null], // today; C's centre closed on 2025-01-10
      ['2025-02', '2025-02-28', null, null, null], // future: plan only
      ['2025-03', '2025-03-31', null, null, 4],
    ]);
  });
});

describe('expected opening dates', () => {
  const stages = DEFAULT_STAGES;

  it('in progress excludes draft, opened, rejected and withdrawn', () => {
    expect(
      ['draft', 'submitted', 'changes_requested', 'opened', 'rejected', 'withdrawn'].filter(isInProgress),
    ).toEqual(['submitted', 'changes_requested']);
    expect(pathStages(stages).map((s) => s.code)).toEqual([
      'submitted',
      'interview_and_documents',
      'acceleration',
      'licence_agreement',
      'preparation',
    ]);
  });

  it('the operator’s date wins; otherwise stage start + typical days of this and the later stages', () => {
    const app = {
      stage: 'licence_agreement',
      stage_since: '2023-08-28',
      expected_opening_on: null,
      returned_from_stage: null,
    };
    // licence_agreement 30 + preparation 30 = 60 days after 2023-08-28 → 2023-10-27.
    expect(expectedOpening(app, stages)).toEqual({ date: '2023-10-27', source: 'estimated' });
    expect(expectedOpening({ ...app, expected_opening_on: '2027-02-01' }, stages)).toEqual({
      date: '2027-02-01',
      source: 'set',
    });
    // submitted: 14 + 30 + 60 + 30 + 30 = 164 days after 2026-01-01 → 2026-06-14.
    expect(expectedOpening({ ...app, stage: 'submitted', stage_since: '2026-01-01' }, stages).date).toBe(
      '2026-06-14',
    );
    // Returned from acceleration: 14 (changes) + 60 + 30 + 30 = 134 days after 2026-01-01 → 2026-05-15.
    expect(
      expectedOpening(
        {
          ...app,
          stage: 'changes_requested',
          stage_since: '2026-01-01',
          returned_from_stage: 'acceleration',
        },
        stages,
      ).date,
    ).toBe('2026-05-15');
    expect(expectedOpening({ ...app, stage: 'mystery' }, stages).source).toBe('unknown');
    expect(expectedOpening({ ...app, stage_since: null }, stages).source).toBe('unknown');
  });

  it('a stage the operator added on the path adds its typical days', () => {
    const custom = [
      ...stages,
      {
        code: 'site_visit',
        name_ru: 'Выезд',
        name_en: 'Site visit',
        position: 4.5,
        typical_days: 10,
        active: true,
      },
    ];
    const app = {
      stage: 'licence_agreement',
      stage_since: '2023-08-28',
      expected_opening_on: null,
      returned_from_stage: null,
    };
    expect(expectedOpening(app, custom).date).toBe('2023-11-06'); // 70 days
  });
});

describe('the sweep', () => {
  it('agrees with a day-by-day count on a mixed network', () => {
    const history: NetworkHistory = {
      municipalities: [
        { id: 'A', effective_from: '1900-01-01', effective_to: '2024-01-01' },
        { id: 'B', effective_from: '1900-01-01', effective_to: null },
      ],
      lineage: [{ predecessor_id: 'A', successor_id: 'B', effective_on: '2024-01-01' }],
      centers: Array.from({ length: 40 }, (_, i) => ({
        municipalityId: i % 2 ? 'A' : 'B',
        periods: [{ from: `202${i % 5}-0${(i % 9) + 1}-15`, to: i % 3 ? null : `2025-0${(i % 9) + 1}-01` }],
      })),
    };
    const figures = sweepFigures(history);
    for (const day of ['2020-01-01', '2021-06-30', '2023-12-31', '2024-01-01', '2025-05-01', '2026-11-24']) {
      expect(figures(day)).toEqual(figuresOn(history, day));
    }
    expect(() => figures('2020-01-01')).toThrow();
  });
});
