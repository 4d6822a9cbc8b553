import { describe, expect, it } from 'vitest';
import {
  crimeChange,
  crimeChangeRollup,
  relativeEffect,
  weightedDisplacementQuotient,
} from '../../../server/kpi/crime.ts';
import { crimeWindow, sumWindowCounts } from '../../../server/kpi/crime-window.ts';
import { calendarYearRange } from '../../../server/contracts/calendar.ts';
import { nonFiniteNumbers } from './random.ts';

const judgeable = (L: number) => ({ afterMonthCount: L, problem: null });

describe('crimeChange: percent change and rate ratio', () => {
  it('computes the change, the exact interval and says it is not significant (10 vs 20)', () => {
    const result = crimeChange({ after: 10, baseline: 20 }, judgeable(12));
    expect(result.changePercent).toBe(-50);
    expect(result.rateRatio).toBe(0.5);
    // scipy 1.17.1 binomtest(10, 30).proportion_ci() -> RR 0.209005965023833 .. 1.1191830442442048
    expect(result.rateRatioInterval?.lower).toBeCloseTo(0.209005965023833, 9);
    expect(result.rateRatioInterval?.upper).toBeCloseTo(1.1191830442442048, 9);
    expect(result.changeInterval?.lower).toBeCloseTo(-79.0994034976167, 7);
    expect(result.changeInterval?.upper).toBeCloseTo(11.91830442442048, 7);
    expect(result.significant).toBe(false);
    expect(result.status).toBe('met'); // below 0, but the interval includes 1
    expect(result.afterMonthCount).toBe(12);
  });

  it('is met with confidence when significant and the whole interval is below the target (20 vs 50)', () => {
    // scipy 1.17.1 binomtest(20, 70).proportion_ci() -> RR 0.22555869605821213 .. 0.6841191893881725
    const result = crimeChange({ after: 20, baseline: 50 }, judgeable(12));
    expect(result.changePercent).toBe(-60);
    expect(result.rateRatioInterval?.upper).toBeCloseTo(0.6841191893881725, 9);
    expect(result.significant).toBe(true);
    expect(result.status).toBe('met_confident');
  });

  it('takes a configurable target: -10 and -40 and -70 percent', () => {
    const counts = { after: 20, baseline: 50 };
    expect(crimeChange(counts, judgeable(12), { targetPercent: -10 }).status).toBe('met_confident'); // 0.684 < 0.9
    // Change -60 < -40 is met, but the RR upper bound 0.684 is not below 0.6: not confident.
    const forty = crimeChange(counts, judgeable(12), { targetPercent: -40 });
    expect(forty.status).toBe('met');
    expect(forty.method.confidentBelowRateRatio).toBeCloseTo(0.6, 12);
    expect(crimeChange(counts, judgeable(12), { targetPercent: -70 }).status).toBe('not_met');
  });

  it('needs the change strictly below the target: no change is not met', () => {
    const result = crimeChange({ after: 30, baseline: 30 }, judgeable(12));
    expect(result.changePercent).toBe(0);
    expect(result.status).toBe('not_met');
  });

  it('reads a rise as not met', () => {
    expect(crimeChange({ after: 45, baseline: 30 }, judgeable(12)).status).toBe('not_met');
  });

  it('handles no crime after (lower bound 0)', () => {
    const result = crimeChange({ after: 0, baseline: 12 }, judgeable(12));
    expect(result.changePercent).toBe(-100);
    expect(result.rateRatioInterval?.lower).toBe(0);
    expect(result.rateRatioInterval?.upper).toBeCloseTo(0.35989381728770403, 9);
    expect(result.status).toBe('met_confident');
  });

  it('gives no percentage for a zero baseline: no Infinity, no NaN, not met', () => {
    const result = crimeChange({ after: 10, baseline: 0 }, judgeable(12));
    expect(result.changePercent).toBeNull();
    expect(result.changeUnavailable).toBe('no_baseline_crime');
    expect(result.rateRatio).toBeNull();
    expect(result.rateRatioInterval?.upper).toBeNull(); // unbounded
    // Lower share = Beta^-1(0.025; 10, 1) = 0.025^(1/10) (closed form), RR lower = p / (1 - p) = 2.25.
    const share = 0.025 ** (1 / 10);
    expect(result.rateRatioInterval?.lower).toBeCloseTo(share / (1 - share), 9);
    expect(result.significant).toBe(true);
    expect(result.status).toBe('not_met');
    expect(nonFiniteNumbers(result)).toEqual([]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('gives no percentage when there was no crime at all', () => {
    const result = crimeChange({ after: 0, baseline: 0 }, judgeable(6));
    expect(result.changePercent).toBeNull();
    expect(result.rateRatioInterval).toEqual({ lower: 0, upper: null });
    expect(result.significant).toBe(false);
    expect(result.status).toBe('not_met');
    expect(nonFiniteNumbers(result)).toEqual([]);
  });

  it('judges nothing on a window that cannot be judged, but keeps the counts', () => {
    const result = crimeChange({ after: 10, baseline: 4 }, { afterMonthCount: 12, problem: 'incomplete_baseline' });
    expect(result.status).toBe('insufficient');
    expect(result.problem).toBe('incomplete_baseline');
    expect(result.changePercent).toBeNull();
    expect(result.rateRatioInterval).toBeNull();
    expect(result).toMatchObject({ after: 10, baseline: 4, afterMonthCount: 12 });
  });

  it('rejects counts that are not whole and non-negative', () => {
    expect(() => crimeChange({ after: -1, baseline: 3 }, judgeable(1))).toThrow(RangeError);
    expect(() => crimeChange({ after: 1.5, baseline: 3 }, judgeable(1))).toThrow(RangeError);
  });
});

describe('crimeChange on the kpi.md example windows', () => {
  const zone = { startMonth: '2022-07', coveredMonths: { from: '2020-01', to: '2024-06' }, currentMonth: '2024-08' };

  it('is insufficient for a period wholly before the start', () => {
    const window = crimeWindow({ ...zone, period: calendarYearRange(2021) });
    const result = crimeChange(sumWindowCounts(window, {}), window);
    expect(result.status).toBe('insufficient');
    expect(result.problem).toBe('no_after_window');
  });

  it('judges calendar 2022 on its 6 matched months', () => {
    const window = crimeWindow({ ...zone, period: calendarYearRange(2022) });
    const counts: Record<string, number> = {};
    for (const month of window.baselineMonths) counts[month] = 10; // Jul-Dec 2021
    for (const month of window.afterMonths) counts[month] = 6; // Jul-Dec 2022
    counts['2022-03'] = 99; // before the start but not a baseline month: ignored
    const result = crimeChange(sumWindowCounts(window, counts), window);
    expect(result).toMatchObject({ after: 36, baseline: 60, afterMonthCount: 6, changePercent: -40 });
    expect(result.method.L).toBe(6);
  });
});

describe('crimeChangeRollup', () => {
  it('sums the counts of zones with both windows only', () => {
    const result = crimeChangeRollup([
      { after: 10, baseline: 20, window: judgeable(12) },
      { after: 5, baseline: 15, window: judgeable(6) },
      { after: 100, baseline: 1, window: { afterMonthCount: 12, problem: 'incomplete_baseline' } },
    ]);
    expect(result).toMatchObject({ after: 15, baseline: 35, afterMonthCount: 18, zonesPooled: 2, zonesExcluded: 1 });
    expect(result.changePercent).toBeCloseTo(((15 - 35) / 35) * 100, 12);
    expect(result.method).toMatchObject({ rule: 'percent_change', L: 18, pooledZones: 2 });
  });

  it('is insufficient when no zone can be judged', () => {
    const result = crimeChangeRollup([
      { after: 1, baseline: 1, window: { afterMonthCount: 0, problem: 'no_after_window' } },
    ]);
    expect(result.status).toBe('insufficient');
    expect(result.problem).toBe('no_zone_with_both_windows');
    expect(result.zonesExcluded).toBe(1);
    expect(crimeChangeRollup([]).status).toBe('insufficient');
  });
});

describe('relativeEffect against a comparison area', () => {
  it('is RR_zone / RR_control with a log-normal interval', () => {
    // Zone 20 vs 50 (RR 0.4), control 40 vs 40 (RR 1): effect 0.4,
    // se = sqrt(1/20 + 1/50 + 1/40 + 1/40) = sqrt(0.12), interval 0.4 exp(-+1.959964 se).
    const result = relativeEffect({ after: 20, baseline: 50 }, { after: 40, baseline: 40 });
    expect(result.effect).toBeCloseTo(0.4, 14);
    expect(result.effectPercent).toBeCloseTo(-60, 12);
    expect(result.interval?.lower).toBeCloseTo(0.20285939562302946, 12);
    expect(result.interval?.upper).toBeCloseTo(0.7887236354451415, 12);
    expect(result.significant).toBe(true);
  });

  it('separates the zone from an area that fell just as much', () => {
    const result = relativeEffect({ after: 20, baseline: 40 }, { after: 200, baseline: 400 });
    expect(result.effect).toBeCloseTo(1, 14);
    expect(result.significant).toBe(false);
  });

  it('is null when any count is zero', () => {
    const result = relativeEffect({ after: 0, baseline: 50 }, { after: 40, baseline: 40 });
    expect(result).toMatchObject({ effect: null, interval: null, unavailable: 'zero_count', significant: false });
    expect(relativeEffect({ after: 3, baseline: 5 }, { after: 4, baseline: 0 }).effect).toBeNull();
  });
});

describe('weightedDisplacementQuotient (Bowers and Johnson, 2003)', () => {
  const zone = { before: 100, after: 60 };
  const control = { before: 1000, after: 1000 };

  it('reads a positive WDQ as diffusion of benefits', () => {
    // Success = 60/1000 - 100/1000 = -0.04; buffer = 40/1000 - 50/1000 = -0.01; WDQ = 0.25.
    const result = weightedDisplacementQuotient({ zone, buffer: { before: 50, after: 40 }, control });
    expect(result.successMeasure).toBeCloseTo(-0.04, 14);
    expect(result.bufferMeasure).toBeCloseTo(-0.01, 14);
    expect(result.wdq).toBeCloseTo(0.25, 12);
    expect(result.reading).toBe('diffusion_of_benefits');
  });

  it('reads a negative WDQ as displacement', () => {
    // Buffer = 70/1000 - 50/1000 = +0.02; WDQ = 0.02 / -0.04 = -0.5.
    const result = weightedDisplacementQuotient({ zone, buffer: { before: 50, after: 70 }, control });
    expect(result.wdq).toBeCloseTo(-0.5, 12);
    expect(result.reading).toBe('displacement');
  });

  it('weights by the control area, which may change between periods', () => {
    // Success = 60/500 - 100/1000 = 0.02 > 0: the zone did not improve relative to the control.
    const result = weightedDisplacementQuotient({
      zone,
      buffer: { before: 50, after: 40 },
      control: { before: 1000, after: 500 },
    });
    expect(result.successMeasure).toBeCloseTo(0.02, 14);
    expect(result.bufferMeasure).toBeCloseTo(0.03, 14);
    expect(result.wdq).toBeCloseTo(1.5, 12);
    // Bowers and Johnson: not read (a positive WDQ here is not "diffusion").
    expect(result.reading).toBe('not_applicable');
  });

  it('reads an unchanged buffer as neither', () => {
    const result = weightedDisplacementQuotient({ zone, buffer: { before: 50, after: 50 }, control });
    expect(result.wdq).toBe(0);
    expect(Object.is(result.wdq, -0)).toBe(false);
    expect(result.reading).toBe('no_buffer_change');
  });

  it('is null when a denominator is zero', () => {
    const noControl = weightedDisplacementQuotient({
      zone,
      buffer: { before: 5, after: 4 },
      control: { before: 0, after: 10 },
    });
    expect(noControl).toMatchObject({ wdq: null, reading: null, unavailable: 'no_control_crime' });
    const noChange = weightedDisplacementQuotient({
      zone: { before: 10, after: 10 },
      buffer: { before: 5, after: 4 },
      control,
    });
    expect(noChange).toMatchObject({ wdq: null, reading: 'not_applicable', unavailable: 'no_zone_change' });
    expect(nonFiniteNumbers(noChange)).toEqual([]);
  });
});
