import { describe, expect, test } from 'vitest';
import type { ZoneCounterfactual } from '../../web/api/types.ts';
import { crimeFigure } from '../../web/features/kpi/to-kpi-figures.ts';
import { toMethodLines } from '../../web/features/kpi/to-method-lines.ts';
import { toCounterfactualView } from '../../web/features/zone/to-counterfactual.ts';
import { COUNTERFACTUAL_KEY, toCrimeChart } from '../../web/features/zone/to-crime-chart.ts';
import { crimeKpi, en, seriesMonth, th } from './fixtures.ts';

const available: ZoneCounterfactual = {
  available: true,
  donors: [
    { id: 'ST-A', nameTh: 'สภ.เอ', weight: 0.6123 },
    { id: 'ST-B', nameTh: 'สภ.บี', weight: 0.3877 },
  ],
  months: [
    { month: '2022-06', actual: 10, counterfactual: 10.4 },
    { month: '2022-07', actual: 7, counterfactual: 10.2 },
  ],
  preRmspe: 0.0412,
  effectPct: -31.37,
  placebo: { rank: 1, of: 25, p: 0.04 },
};

describe('the synthetic control in words', () => {
  test('the figure beside the comparison-area effect, with its placebo p, in both languages', () => {
    const view = toCounterfactualView(available, 'en', en.t);
    expect(view.line).toBe('Against a synthetic control: \u221231.4% · placebo-in-space p = 0.04 (rank 1 of 25)');
    expect(view.donors).toEqual([
      { id: 'ST-A', name: 'สภ.เอ', weight: '61.2%' },
      { id: 'ST-B', name: 'สภ.บี', weight: '38.8%' },
    ]);
    expect(toCounterfactualView(available, 'th', th.t).line).toContain('อันดับ 1 จาก 25');
    const figure = crimeFigure(
      crimeKpi({
        relative: {
          area: 'rest_of_station',
          controlAfter: 100,
          controlBaseline: 100,
          effect: 0.8,
          low: 0.6,
          high: 1.05,
          significant: false,
        },
      }),
      en,
      false,
      view.line,
    );
    const relativeAt = figure.details.findIndex((d) => d.startsWith('Against control'));
    expect(figure.details[relativeAt + 1]).toBe(view.line);
  });

  test('a poor pre-start fit is shown as such; not available says why', () => {
    expect(toCounterfactualView({ ...available, reason: 'poor_pre_fit', preRmspe: 0.51 }, 'en', en.t).line).toBe(
      'Synthetic control: poor pre-start fit (RMSPE 0.51, above twice the placebos’ median), so it judges nothing · difference \u221231.4%',
    );
    const none: ZoneCounterfactual = {
      available: false,
      reason: 'too_few_pre_months',
      donors: [],
      months: [],
      preRmspe: null,
      effectPct: null,
      placebo: null,
    };
    expect(toCounterfactualView(none, 'en', en.t)).toMatchObject({
      line: 'Synthetic control: not available (fewer than 12 months of data before the start)',
      fit: null,
      donors: [],
    });
  });

  test('the method popover names every rule in words', () => {
    const lines = toMethodLines(toCounterfactualView(available, 'en', en.t).method, 'en');
    expect(lines).toContainEqual({
      key: 'inference',
      label: 'Inference',
      value: 'Placebo in space: the same fit with each donor as the treated unit',
    });
    expect(lines.every((l) => !/^[a-z]+(_[a-z]+)+$/.test(l.value))).toBe(true);
  });

  test('the chart rows carry the counterfactual where it has a month', () => {
    const chart = toCrimeChart(
      {
        zoneId: 'Z-1',
        startMonth: '2022-07',
        groups: [1, 2, 3],
        window: {
          afterMonths: ['2022-07'],
          baselineMonths: [],
          problem: null,
          method: { rule: 'matched_months', startMonth: '2022-07', period: 'since_start', coveredMonths: null, L: 1 },
        },
        months: [
          seriesMonth('2022-05', 'before', { '1': 1, '2': 1, '3': 1, '4': 0 }),
          seriesMonth('2022-06', 'before', { '1': 1, '2': 1, '3': 1, '4': 0 }),
          seriesMonth('2022-07', 'after', { '1': 1, '2': 1, '3': 1, '4': 0 }),
        ],
        groupNames: [],
      },
      available,
    );
    expect(chart.hasCounterfactual).toBe(true);
    expect(chart.rows.map((r) => r[COUNTERFACTUAL_KEY])).toEqual([undefined, 10.4, 10.2]);
  });
});
