/**
 * The zone's monthly crime chart data: one row per month with a count per offence group, the runs
 * of after and baseline months to shade, and the start month to mark. Pure.
 */
import type { ZoneCounterfactual, ZoneSeries } from '../../api/types.ts';

export type MonthRole = ZoneSeries['months'][number]['role'];

export interface CrimeChartRow {
  month: string;
  /** Not named `role`: the chart copies a row's fields onto its bars' SVG, where role is an ARIA attribute. */
  monthRole: MonthRole;
  /** Cases by offence group, keyed 'g1'..'g4' (flat keys, as chart series want them). */
  [group: string]: string | number;
}

export const groupKey = (group: string) => `g${group}`;

export interface MonthRun {
  from: string;
  to: string;
}

export interface CrimeChart {
  rows: CrimeChartRow[];
  /** Groups counted by the KPI (stacked bars), e.g. ['1', '2', '3']. */
  countedGroups: string[];
  /** Groups shown apart (state as victim, counted by arrests), e.g. ['4']. */
  otherGroups: string[];
  startMonth: string | null;
  afterRuns: MonthRun[];
  baselineRuns: MonthRun[];
  /** Rows carry COUNTERFACTUAL_KEY (the synthetic control, in cases) where it has a month. */
  hasCounterfactual: boolean;
}

/** The row key of the synthetic control's counterfactual (kpi.md "Synthetic control"). */
export const COUNTERFACTUAL_KEY = 'counterfactual';

/** Consecutive months with one role, as [from, to] runs (a baseline can skip months when L > 12). */
export function runsOf(rows: ReadonlyArray<{ month: string; monthRole: MonthRole }>, role: MonthRole): MonthRun[] {
  const runs: MonthRun[] = [];
  let current: MonthRun | null = null;
  for (const row of rows) {
    if (row.monthRole === role) {
      if (current) current.to = row.month;
      else current = { from: row.month, to: row.month };
    } else if (current) {
      runs.push(current);
      current = null;
    }
  }
  if (current) runs.push(current);
  return runs;
}

export function toCrimeChart(series: ZoneSeries, counterfactual?: ZoneCounterfactual | null): CrimeChart {
  const allGroups = new Set<string>();
  for (const month of series.months) for (const group of Object.keys(month.byGroup)) allGroups.add(group);
  const counted = new Set(series.groups.map(String));
  const sorted = [...allGroups].sort((a, b) => Number(a) - Number(b));
  const rows = series.months.map((m) => {
    const row: CrimeChartRow = { month: m.month, monthRole: m.role };
    for (const group of sorted) row[groupKey(group)] = m.byGroup[group] ?? 0;
    return row;
  });
  const fitted = new Map(
    (counterfactual?.available ? counterfactual.months : []).map((m) => [m.month, m.counterfactual]),
  );
  for (const row of rows) {
    const value = fitted.get(row.month);
    if (value !== undefined) row[COUNTERFACTUAL_KEY] = value;
  }
  const inRange = rows.some((r) => r.month === series.startMonth);
  return {
    rows,
    countedGroups: sorted.filter((g) => counted.has(g)),
    otherGroups: sorted.filter((g) => !counted.has(g)),
    startMonth: inRange ? series.startMonth : null,
    afterRuns: runsOf(rows, 'after'),
    baselineRuns: runsOf(rows, 'baseline'),
    hasCounterfactual: rows.some((r) => COUNTERFACTUAL_KEY in r),
  };
}
