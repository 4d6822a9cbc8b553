import {
  addMonths,
  intersectRanges,
  monthFromIndex,
  monthIndex,
  monthsInRange,
  type MonthKey,
  type MonthRange,
} from '../contracts/calendar.ts';

/**
 * Which months are "after" and which are their baseline, for the crime-change KPI (kpi.md, Crime
 * change: Months and Baseline). Months only: the counts are summed by `sumWindowCounts`.
 */

/** *matched*: same calendar month in the 12 months before the start; *previous*: the L months before it. */
export type BaselineMethod = 'matched' | 'previous';

/** Why a window cannot be judged. */
export type CrimeWindowProblem =
  /** The station has no whole month of data (before the current month). */
  | 'no_covered_data'
  /** No month of the period is on/after the start (a period wholly before the start). */
  | 'no_after_window'
  /** The period is on/after the start but the station's data does not reach into it. */
  | 'no_data_in_period'
  /** A baseline month lies outside the station's data. */
  | 'incomplete_baseline';

export interface CrimeWindowInput {
  /** The zone's start month; the start month counts as after, whatever the day. */
  readonly startMonth: MonthKey;
  /** The station's first..last month of data (`station_coverage`); null when it has none. */
  readonly coveredMonths: MonthRange | null;
  /** The Bangkok month of "now" (`bangkokMonth(new Date())`): it is unfinished, so it and later months never count. */
  readonly currentMonth: MonthKey;
  /** The period asked for; undefined = since the zone's start. */
  readonly period?: MonthRange | undefined;
  /** Default 'matched'. */
  readonly baselineMethod?: BaselineMethod | undefined;
}

export interface CrimeWindowMethod {
  readonly rule: 'matched_months' | 'previous_months';
  readonly startMonth: MonthKey;
  /** The period asked for, or 'since_start'. */
  readonly period: MonthRange | 'since_start';
  /** The covered months actually used (the current month removed); null = no data. */
  readonly coveredMonths: MonthRange | null;
  /** Length of the after window. */
  readonly L: number;
}

export interface CrimeWindow {
  /** L: the number of after months. */
  readonly afterMonthCount: number;
  /** Why the window cannot be judged; null when it can. */
  readonly problem: CrimeWindowProblem | null;
  readonly startMonth: MonthKey;
  readonly baselineMethod: BaselineMethod;
  readonly coveredMonths: MonthRange | null;
  /** The after months in order; L = afterMonths.length. */
  readonly afterMonths: readonly MonthKey[];
  /**
   * The baseline months with multiplicity, L of them. For 'matched', baselineMonths[i] is the match
   * of afterMonths[i] (a month appears again when L > 12); for 'previous', the L months before the start.
   */
  readonly baselineMonths: readonly MonthKey[];
  /** Distinct baseline months outside the covered data (non-empty => 'incomplete_baseline'). */
  readonly missingBaselineMonths: readonly MonthKey[];
  /**
   * Months of the period, on/after the start and before the current month, that the station's data
   * does not cover (the after window was cut short there). Shown, not judged.
   */
  readonly uncoveredPeriodMonths: readonly MonthKey[];
  readonly method: CrimeWindowMethod;
}

/** The matched baseline month of after month m: start + ((m - start) mod 12) - 12, i.e. m - 12k. */
export function matchedBaselineMonth(afterMonth: MonthKey, startMonth: MonthKey): MonthKey {
  const start = monthIndex(startMonth);
  const offset = monthIndex(afterMonth) - start;
  if (offset < 0) throw new RangeError(`${afterMonth} is before the start month ${startMonth}`);
  return monthFromIndex(start + (offset % 12) - 12);
}

/**
 * Why there is no after month: the period ends before the start, or the data does not reach the
 * part of the period after the start (e.g. "last 12 months" when the data ends a year ago).
 */
export function noAfterWindowReason(
  startIndex: number,
  period: MonthRange | undefined,
  covered: MonthRange | null,
): 'no_after_window' | 'no_data_in_period' {
  if (period === undefined || covered === null || monthIndex(period.to) < startIndex) return 'no_after_window';
  return 'no_data_in_period';
}

/** The covered months minus the unfinished current month and anything later. */
function usableCoveredMonths(covered: MonthRange | null, currentMonth: MonthKey): MonthRange | null {
  if (covered === null) return null;
  if (monthIndex(covered.from) > monthIndex(covered.to)) {
    throw new RangeError(`Covered months run backwards: ${covered.from}..${covered.to}`);
  }
  return intersectRanges(covered, { from: covered.from, to: addMonths(currentMonth, -1) });
}

export function crimeWindow(input: CrimeWindowInput): CrimeWindow {
  const baselineMethod = input.baselineMethod ?? 'matched';
  const start = monthIndex(input.startMonth);
  const period = input.period;
  if (period && monthIndex(period.from) > monthIndex(period.to)) {
    throw new RangeError(`Period runs backwards: ${period.from}..${period.to}`);
  }
  const covered = usableCoveredMonths(input.coveredMonths, input.currentMonth);

  // After = period ∩ [start, ...) ∩ covered. Without a period: start .. end of data.
  const afterMonths: MonthKey[] = [];
  const uncoveredPeriodMonths: MonthKey[] = [];
  const lastUsable = monthIndex(input.currentMonth) - 1;
  const first = Math.max(start, period ? monthIndex(period.from) : start);
  const last = Math.min(lastUsable, period ? monthIndex(period.to) : lastUsable);
  for (let index = first; index <= last; index++) {
    const inData = covered !== null && index >= monthIndex(covered.from) && index <= monthIndex(covered.to);
    // "Since start" means "to the end of the data", so only a chosen period can be cut short.
    if (inData) afterMonths.push(monthFromIndex(index));
    else if (period) uncoveredPeriodMonths.push(monthFromIndex(index));
  }
  const L = afterMonths.length;

  const baselineMonths =
    baselineMethod === 'matched'
      ? afterMonths.map((month) => matchedBaselineMonth(month, input.startMonth))
      : L === 0
        ? []
        : monthsInRange({ from: monthFromIndex(start - L), to: monthFromIndex(start - 1) });

  const missingBaselineMonths = [...new Set(baselineMonths)]
    .filter((month) => {
      if (covered === null) return true;
      const index = monthIndex(month);
      return index < monthIndex(covered.from) || index > monthIndex(covered.to);
    })
    .sort();

  // A complete baseline of L >= 1 months guarantees at least one whole before month, as kpi.md asks.
  const problem: CrimeWindowProblem | null =
    covered === null
      ? 'no_covered_data'
      : L === 0
        ? noAfterWindowReason(start, period, covered)
        : missingBaselineMonths.length > 0
          ? 'incomplete_baseline'
          : null;

  return {
    startMonth: input.startMonth,
    baselineMethod,
    coveredMonths: covered,
    afterMonths,
    afterMonthCount: L,
    baselineMonths,
    missingBaselineMonths,
    uncoveredPeriodMonths,
    problem,
    method: {
      rule: baselineMethod === 'matched' ? 'matched_months' : 'previous_months',
      startMonth: input.startMonth,
      period: period ? { from: period.from, to: period.to } : 'since_start',
      coveredMonths: covered,
      L,
    },
  };
}

/** Monthly counts keyed by "YYYY-MM"; a month that is absent counts as zero. */
export type MonthlyCounts = ReadonlyMap<MonthKey, number> | Readonly<Record<MonthKey, number>>;

function countFor(counts: MonthlyCounts, month: MonthKey): number {
  const value = counts instanceof Map ? counts.get(month) : (counts as Readonly<Record<MonthKey, number>>)[month];
  return value ?? 0;
}

/** The after and baseline counts of a window; a baseline month counted twice adds twice. */
export function sumWindowCounts(
  window: Pick<CrimeWindow, 'afterMonths' | 'baselineMonths'>,
  counts: MonthlyCounts,
): { after: number; baseline: number } {
  let after = 0;
  let baseline = 0;
  for (const month of window.afterMonths) after += countFor(counts, month);
  for (const month of window.baselineMonths) baseline += countFor(counts, month);
  return { after, baseline };
}

/**
 * A month's part in the window, for charts: 'after' (in the after window), 'baseline' (a baseline
 * month: matched or previous), 'before' (other months before the start), 'outside' (on/after the
 * start but not in the after window: outside the period or the data).
 */
export type MonthRole = 'before' | 'after' | 'baseline' | 'outside';

export function classifyMonths(
  months: readonly MonthKey[],
  window: Pick<CrimeWindow, 'startMonth' | 'afterMonths' | 'baselineMonths'>,
): { month: MonthKey; role: MonthRole }[] {
  const after = new Set(window.afterMonths);
  const baseline = new Set(window.baselineMonths);
  const start = monthIndex(window.startMonth);
  return months.map((month) => {
    const role: MonthRole = after.has(month)
      ? 'after'
      : baseline.has(month)
        ? 'baseline'
        : monthIndex(month) < start
          ? 'before'
          : 'outside';
    return { month, role };
  });
}
