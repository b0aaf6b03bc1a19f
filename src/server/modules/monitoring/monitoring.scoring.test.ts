import { describe, expect, it } from 'vitest';
import { computeScores, finalScore, halfYear, rate, zoneOf } from './monitoring.scoring.js';

const indicators = [
  { code: 'infra', method: 'infrastructure', maxScore: 20, weight: 1 },
  { code: 'services', method: 'services', maxScore: 20, weight: 1 },
  { code: 'info', method: 'information', maxScore: 15, weight: 1 },
  { code: 'assoc', method: 'entered', maxScore: 15, weight: 1 },
] as const;

describe('computed scores', () => {
  it('sum the quantities of the indicator kinds and normalise against the best centre', () => {
    const scores = computeScores(
      indicators,
      new Map([
        ['A', { coworking: 3, event: 1, consultation: 2, training: 1, help_desk: 5, publication: 2 }],
        ['B', { event: 2, consultation: 4 }],
        ['C', {}],
      ]),
    );
    expect(Object.fromEntries(scores.get('A') ?? [])).toEqual({
      infra: { computed: 20, basis: 4 },
      services: { computed: 20, basis: 8 },
      info: { computed: 15, basis: 2 },
    });
    expect(scores.get('B')?.get('infra')).toEqual({ computed: 10, basis: 2 });
    expect(scores.get('B')?.get('services')).toEqual({ computed: 10, basis: 4 });
    expect(scores.get('B')?.get('info')).toEqual({ computed: 0, basis: 0 });
    expect(scores.get('C')?.get('services')).toEqual({ computed: 0, basis: 0 });
    expect(scores.get('A')?.has('assoc')).toBe(false);
  });

  it('rounds to one decimal; nobody active means zeros, never a division by zero', () => {
    const s = computeScores(
      indicators,
      new Map([
        ['A', { publication: 3 }],
        ['B', { publication: 1 }],
      ]),
    );
    expect(s.get('B')?.get('info')?.computed).toBe(5);
    const t = computeScores(
      indicators,
      new Map([
        ['A', { event: 3 }],
        ['B', { event: 1 }],
      ]),
    );
    expect(t.get('B')?.get('infra')?.computed).toBe(6.7);
    const none = computeScores(indicators, new Map([['A', {}]]));
    expect(none.get('A')?.get('infra')).toEqual({ computed: 0, basis: 0 });
  });
});

describe('rating', () => {
  it('an entered score overrides the computed one', () => {
    expect(finalScore({ computed: 10, entered: 4 })).toBe(4);
    expect(finalScore({ computed: 10, entered: null })).toBe(10);
    expect(finalScore({ computed: null, entered: null })).toBeNull();
  });

  it('colour zones at their thresholds', () => {
    const t = { greenFrom: 80, yellowFrom: 50 };
    expect([80, 79.9, 50, 49.9, 0, 100].map((p) => zoneOf(p, t))).toEqual([
      'green',
      'yellow',
      'yellow',
      'red',
      'red',
      'green',
    ]);
  });

  it('weighted percent, equal percents share a rank, missing scores count 0 and mark the row', () => {
    const specs = [
      { code: 'x', method: 'entered', maxScore: 10, weight: 3 },
      { code: 'y', method: 'entered', maxScore: 10, weight: 1 },
    ] as const;
    const rows = [
      {
        name: 'A',
        finals: new Map([
          ['x', 5],
          ['y', 10],
        ]),
      },
      {
        name: 'B',
        finals: new Map([
          ['x', 10],
          ['y', 0],
        ]),
      },
      {
        name: 'C',
        finals: new Map<string, number | null>([
          ['x', 10],
          ['y', null],
        ]),
      },
      {
        name: 'D',
        finals: new Map([
          ['x', 10],
          ['y', 10],
        ]),
      },
    ];
    const rated = rate(specs, rows, { greenFrom: 80, yellowFrom: 50 });
    expect(rated.map((r) => [r.name, r.rank, r.percent, r.zone, r.complete])).toEqual([
      ['D', 1, 100, 'green', true],
      ['B', 2, 75, 'yellow', true],
      ['C', 2, 75, 'yellow', false],
      ['A', 4, 62.5, 'yellow', true],
    ]);
    expect(rated[0]?.points).toBe(20);
  });

  it('half-years', () => {
    expect(halfYear(2025, 1)).toEqual({ start: '2025-01-01', end: '2025-06-30' });
    expect(halfYear(2025, 2)).toEqual({ start: '2025-07-01', end: '2025-12-31' });
  });
});
