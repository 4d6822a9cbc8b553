import { relativeDirection, type WdqReading, wdqReading } from '../contracts/crime-reading.ts';
import type { CrimeWindowProblem } from './crime-window.ts';
import { exactRateRatioInterval, Z_95 } from './intervals.ts';
import type { KpiStatus } from './status.ts';
import { percentChange } from '../contracts/derived-figures.ts';

/**
 * Crime change (kpi.md, Crime change): percent change, exact rate-ratio interval, status, the
 * relative effect against a comparison area, and the weighted displacement quotient.
 */

export interface CrimeCounts {
  /** Cases in the after window. */
  readonly after: number;
  /** Cases in the baseline (with a matched month counted again when L > 12). */
  readonly baseline: number;
}

/** A rate-ratio interval; `upper` null = unbounded (no baseline crime). */
export interface RatioInterval {
  readonly lower: number;
  readonly upper: number | null;
}

export interface CrimeChangeOptions {
  /** Met when the change in percent is below this. Default 0 (any decrease); e.g. -10. */
  readonly targetPercent?: number | undefined;
}

export type CrimeChangeProblem = CrimeWindowProblem | 'no_zone_with_both_windows';

/** What a judgement needs from a window; a `CrimeWindow` is one, and a pooled rollup builds one. */
export interface CrimeWindowSummary {
  /** L: months in the after window (for a pooled rollup: summed over the pooled zones). */
  readonly afterMonthCount: number;
  /** null when the window can be judged. */
  readonly problem: CrimeChangeProblem | null;
}

export interface CrimeChangeMethod {
  readonly rule: 'percent_change';
  readonly targetPercent: number;
  readonly L: number;
  readonly interval: 'exact_conditional_binomial';
  readonly confidence: 0.95;
  /** met_confident needs the whole rate-ratio interval below 1 + target / 100. */
  readonly confidentBelowRateRatio: number;
  /** Rollups only: how many zones' counts were summed (L is then their zone-months). */
  readonly pooledZones?: number;
}

export interface CrimeChangeResult extends CrimeCounts {
  /** L, the months in the after window (and in the baseline). */
  readonly afterMonthCount: number;
  /** (after - baseline) / baseline x 100; null when it cannot be computed (see `changeUnavailable`). */
  readonly changePercent: number | null;
  /** The 95% interval of the change, in percent, from the rate-ratio interval; null with changePercent. */
  readonly changeInterval: RatioInterval | null;
  /** Why there is no change: 'no_baseline_crime' or the window's problem. */
  readonly changeUnavailable: 'no_baseline_crime' | CrimeChangeProblem | null;
  /** after / baseline; null when baseline = 0 or the window cannot be judged. */
  readonly rateRatio: number | null;
  /** Exact 95% interval of the rate ratio; null when the window cannot be judged. */
  readonly rateRatioInterval: RatioInterval | null;
  /** The rate-ratio interval excludes 1. */
  readonly significant: boolean;
  readonly status: KpiStatus;
  /** Why the status is insufficient; null otherwise. */
  readonly problem: CrimeChangeProblem | null;
  readonly method: CrimeChangeMethod;
}

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole count >= 0, got ${value}`);
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * The crime-change KPI of one window (or of pooled counts, see `crimeChangeRollup`).
 *
 * Status: insufficient when the window cannot be judged; met when the change is below the target;
 * met_confident when also significant (RR interval excludes 1) and the whole RR interval lies below
 * 1 + target / 100; not_met otherwise. A zero baseline gives no percentage and is not_met: crime
 * cannot fall below zero, so the KPI ("crime goes down") is not met, and the after count is shown.
 */
export function crimeChange(
  counts: CrimeCounts,
  window: CrimeWindowSummary,
  options: CrimeChangeOptions = {},
): CrimeChangeResult {
  assertCount(counts.after, 'after');
  assertCount(counts.baseline, 'baseline');
  const targetPercent = options.targetPercent ?? 0;
  if (!Number.isFinite(targetPercent) || targetPercent <= -100) {
    throw new RangeError(`targetPercent must be a finite number above -100, got ${targetPercent}`);
  }
  const confidentBelowRateRatio = 1 + targetPercent / 100;
  const method: CrimeChangeMethod = {
    rule: 'percent_change',
    targetPercent,
    L: window.afterMonthCount,
    interval: 'exact_conditional_binomial',
    confidence: 0.95,
    confidentBelowRateRatio,
  };
  const base = { after: counts.after, baseline: counts.baseline, afterMonthCount: window.afterMonthCount, method };

  // kpi.md: an incomplete window is reported, and nothing is judged (or computed) on it.
  if (window.problem !== null) {
    return {
      ...base,
      changePercent: null,
      changeInterval: null,
      changeUnavailable: window.problem,
      rateRatio: null,
      rateRatioInterval: null,
      significant: false,
      status: 'insufficient',
      problem: window.problem,
    };
  }

  const interval = exactRateRatioInterval(counts.after, counts.baseline);
  const rateRatioInterval: RatioInterval = { lower: interval.lower, upper: finiteOrNull(interval.upper) };
  const significant = interval.lower > 1 || interval.upper < 1;

  if (counts.baseline === 0) {
    return {
      ...base,
      changePercent: null,
      changeInterval: null,
      changeUnavailable: 'no_baseline_crime',
      rateRatio: null,
      rateRatioInterval,
      significant,
      status: 'not_met',
      problem: null,
    };
  }

  const rateRatio = counts.after / counts.baseline;
  const changePercent = percentChange(rateRatio);
  const met = changePercent < targetPercent;
  const confident = met && significant && interval.upper < confidentBelowRateRatio;
  return {
    ...base,
    changePercent,
    changeInterval: {
      lower: percentChange(interval.lower),
      upper: rateRatioInterval.upper === null ? null : percentChange(rateRatioInterval.upper),
    },
    changeUnavailable: null,
    rateRatio,
    rateRatioInterval,
    significant,
    status: confident ? 'met_confident' : met ? 'met' : 'not_met',
    problem: null,
  };
}

export interface ZoneCrimeCounts extends CrimeCounts {
  readonly window: CrimeWindowSummary;
}

export interface CrimeChangeRollupResult extends CrimeChangeResult {
  /** Zones whose windows could be judged: their counts are summed. */
  readonly zonesPooled: number;
  /** Zones left out (no after window, incomplete baseline, no data). */
  readonly zonesExcluded: number;
}

/**
 * kpi.md Rollups: "crime change sums the counts of zones with both windows". `afterMonthCount` of
 * the result is the zone-months pooled (the sum of the zones' L).
 */
export function crimeChangeRollup(
  zones: readonly ZoneCrimeCounts[],
  options: CrimeChangeOptions = {},
): CrimeChangeRollupResult {
  let after = 0;
  let baseline = 0;
  let zoneMonths = 0;
  let zonesPooled = 0;
  for (const zone of zones) {
    if (zone.window.problem !== null) continue;
    after += zone.after;
    baseline += zone.baseline;
    zoneMonths += zone.window.afterMonthCount;
    zonesPooled++;
  }
  const window: CrimeWindowSummary = {
    afterMonthCount: zoneMonths,
    problem: zonesPooled === 0 ? 'no_zone_with_both_windows' : null,
  };
  const result = crimeChange({ after, baseline }, window, options);
  return {
    ...result,
    method: { ...result.method, pooledZones: zonesPooled },
    zonesPooled,
    zonesExcluded: zones.length - zonesPooled,
  };
}

// ---------------------------------------------------------------------------------------------
// Against a comparison area
// ---------------------------------------------------------------------------------------------

export interface RelativeEffectResult {
  /** RR_zone / RR_control = (a / b) / (c / d); null when any of the four counts is 0. */
  readonly effect: number | null;
  /** (effect - 1) x 100: the zone's change beyond the comparison area's, in percent. */
  readonly effectPercent: number | null;
  /** Log-normal 95% interval of the effect; null when any count is 0. */
  readonly interval: { readonly lower: number; readonly upper: number } | null;
  readonly significant: boolean;
  readonly unavailable: 'zero_count' | null;
  readonly method: {
    readonly rule: 'ratio_of_rate_ratios';
    readonly interval: 'log_normal';
    /** var(ln effect) = 1/a + 1/b + 1/c + 1/d. */
    readonly variance: 'sum_of_reciprocals';
    readonly z: number;
  };
}

/**
 * Relative effect of the zone against a comparison area over the same windows:
 * a = zone after, b = zone baseline, c = control after, d = control baseline.
 */
export function relativeEffect(zone: CrimeCounts, control: CrimeCounts): RelativeEffectResult {
  assertCount(zone.after, 'zone after');
  assertCount(zone.baseline, 'zone baseline');
  assertCount(control.after, 'control after');
  assertCount(control.baseline, 'control baseline');
  const cells = [zone.after, zone.baseline, control.after, control.baseline];
  const method = {
    rule: 'ratio_of_rate_ratios',
    interval: 'log_normal',
    variance: 'sum_of_reciprocals',
    z: Z_95,
  } as const;
  // A zero cell makes the effect 0 or infinite and the log variance infinite: report nothing.
  if (cells.some((value) => value === 0)) {
    return { effect: null, effectPercent: null, interval: null, significant: false, unavailable: 'zero_count', method };
  }
  const effect = zone.after / zone.baseline / (control.after / control.baseline);
  const standardError = Math.sqrt(cells.reduce((sum, value) => sum + 1 / value, 0));
  const logEffect = Math.log(effect);
  const interval = {
    lower: Math.exp(logEffect - Z_95 * standardError),
    upper: Math.exp(logEffect + Z_95 * standardError),
  };
  return {
    effect,
    effectPercent: (effect - 1) * 100,
    interval,
    significant: interval.lower > 1 || interval.upper < 1,
    unavailable: null,
    method,
  };
}

// ---------------------------------------------------------------------------------------------
// Displacement: weighted displacement quotient (Bowers and Johnson, 2003)
// ---------------------------------------------------------------------------------------------

export interface AreaBeforeAfter {
  readonly before: number;
  readonly after: number;
}

/** How a WDQ is read: server/contracts/crime-reading.ts (shared with the web). */
export type DisplacementReading = WdqReading;

export interface DisplacementResult {
  /** (B_a/C_a - B_b/C_b) / (A_a/C_a - A_b/C_b); null when a denominator is zero. */
  readonly wdq: number | null;
  /** A_a/C_a - A_b/C_b: negative when the zone improved relative to the control. */
  readonly successMeasure: number | null;
  /** B_a/C_a - B_b/C_b: positive when the buffer worsened relative to the control. */
  readonly bufferMeasure: number | null;
  /** null only when the WDQ is unavailable without a reading (no comparison crime). */
  readonly reading: DisplacementReading | null;
  readonly unavailable: 'no_control_crime' | 'no_zone_change' | null;
  readonly method: { readonly rule: 'weighted_displacement_quotient'; readonly source: 'Bowers and Johnson (2003)' };
}

/** WDQ with A = zone, B = buffer ring, C = control area; b = before (baseline), a = after. */
export function weightedDisplacementQuotient(areas: {
  readonly zone: AreaBeforeAfter;
  readonly buffer: AreaBeforeAfter;
  readonly control: AreaBeforeAfter;
}): DisplacementResult {
  const { zone, buffer, control } = areas;
  for (const [name, area] of Object.entries(areas)) {
    assertCount(area.before, `${name} before`);
    assertCount(area.after, `${name} after`);
  }
  const method = { rule: 'weighted_displacement_quotient', source: 'Bowers and Johnson (2003)' } as const;
  const none = { wdq: null, reading: null, method };
  if (control.before === 0 || control.after === 0) {
    return { ...none, successMeasure: null, bufferMeasure: null, unavailable: 'no_control_crime' };
  }
  const successMeasure = zone.after / control.after - zone.before / control.before;
  const bufferMeasure = buffer.after / control.after - buffer.before / control.before;
  // No change relative to the control: the zone did not improve, so there is nothing to read.
  if (successMeasure === 0) {
    return { ...none, reading: 'not_applicable', successMeasure, bufferMeasure, unavailable: 'no_zone_change' };
  }
  const wdq = bufferMeasure === 0 ? 0 : bufferMeasure / successMeasure; // never -0
  // Bowers and Johnson read the WDQ only where the zone improved relative to the control
  // (success measure < 0); otherwise it is "not applicable", never a diffusion/displacement word.
  const reading = wdqReading(
    relativeDirection({ baseline: zone.before, after: zone.after }, { baseline: control.before, after: control.after }),
    wdq,
  );
  return { wdq, successMeasure, bufferMeasure, reading, unavailable: null, method };
}
