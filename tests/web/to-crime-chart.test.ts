import { describe, expect, test } from 'vitest';
import { runsOf, toCrimeChart } from '../../web/features/zone/to-crime-chart.ts';
import type { ZoneSeries } from '../../web/api/types.ts';
import { seriesMonth } from './fixtures.ts';

const g = (a: number, b: number, c: number, d: number) => ({ '1': a, '2': b, '3': c, '4': d });

function series(months: ZoneSeries['months'], startMonth = '2022-07'): ZoneSeries {
  return {
    zoneId: 'Z-1',
    startMonth,
    groups: [1, 2, 3],
    window: {
      afterMonths: months.filter((m) => m.role === 'after').map((m) => m.month),
      baselineMonths: months.filter((m) => m.role === 'baseline').map((m) => m.month),
      problem: null,
      method: { rule: 'matched_months', startMonth, period: 'since_start', coveredMonths: null, L: 0 },
    },
    months,
    groupNames: [],
  };
}

describe('toCrimeChart', () => {
  const months = [
    seriesMonth('2021-06', 'before', g(1, 2, 0, 5)),
    seriesMonth('2021-07', 'baseline', g(2, 3, 1, 4)),
    seriesMonth('2021-08', 'baseline', g(0, 1, 0, 0)),
    seriesMonth('2022-06', 'before', g(1, 1, 1, 1)),
    seriesMonth('2022-07', 'after', g(1, 0, 0, 2)),
    seriesMonth('2022-08', 'after', g(0, 2, 1, 3)),
    seriesMonth('2022-09', 'outside', g(0, 0, 0, 0)),
  ];

  test('one flat row per month, groups split into counted and shown apart', () => {
    const chart = toCrimeChart(series(months));
    expect(chart.rows[0]).toEqual({ month: '2021-06', monthRole: 'before', g1: 1, g2: 2, g3: 0, g4: 5 });
    expect(chart.countedGroups).toEqual(['1', '2', '3']);
    expect(chart.otherGroups).toEqual(['4']);
  });

  test('shaded runs and the start month', () => {
    const chart = toCrimeChart(series(months));
    expect(chart.afterRuns).toEqual([{ from: '2022-07', to: '2022-08' }]);
    expect(chart.baselineRuns).toEqual([{ from: '2021-07', to: '2021-08' }]);
    expect(chart.startMonth).toBe('2022-07');
  });

  test('a start month outside the data is not marked', () => {
    expect(toCrimeChart(series(months, '2019-01')).startMonth).toBeNull();
  });
});

test('runsOf splits at gaps', () => {
  const rows = [
    { month: '2022-01', monthRole: 'baseline' as const },
    { month: '2022-02', monthRole: 'before' as const },
    { month: '2022-03', monthRole: 'baseline' as const },
    { month: '2022-04', monthRole: 'baseline' as const },
  ];
  expect(runsOf(rows, 'baseline')).toEqual([
    { from: '2022-01', to: '2022-01' },
    { from: '2022-03', to: '2022-04' },
  ]);
  expect(runsOf(rows, 'after')).toEqual([]);
});
