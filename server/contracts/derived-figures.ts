/**
 * What a figure's numbers give without being sent: answers leave these out (a 3,000-zone list
 * would carry each thousands of times) and screens and exports work them out here, by the same
 * arithmetic the KPI modules use (server/kpi/survey.ts, server/kpi/crime.ts). Pure; shared by
 * server and web.
 */

/** Half the interval's width, in points (kpi.md: the margin of error); null without an interval. */
export function marginOfError(figure: { ciLow: number | null; ciHigh: number | null }): number | null {
  return figure.ciLow === null || figure.ciHigh === null ? null : (figure.ciHigh - figure.ciLow) / 2;
}

/** Change from the baseline wave, in percentage points; null when either is missing. */
export function changePoints(figure: { value: number | null; baselineValue: number | null }): number | null {
  return figure.value === null || figure.baselineValue === null ? null : figure.value - figure.baselineValue;
}

/** A rate ratio as a percentage change: 0.8 -> -20. */
export function percentChange(rateRatio: number): number {
  return (rateRatio - 1) * 100;
}

/** The 95% interval of a crime change, in percent, from its rate-ratio interval; nulls without a change. */
export function crimeChangeRange(figure: { changePct: number | null; rrLow: number | null; rrHigh: number | null }): {
  low: number | null;
  high: number | null;
} {
  if (figure.changePct === null || figure.rrLow === null) return { low: null, high: null };
  return { low: percentChange(figure.rrLow), high: figure.rrHigh === null ? null : percentChange(figure.rrHigh) };
}
