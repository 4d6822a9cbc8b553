/**
 * What a printed report says about itself: the filters it was made with, the month its data
 * reach, its caveats, and the appendix of how each figure was computed. Pure: words come in.
 */
import { lastCompleteMonth, type MonthKey } from '../../../server/contracts/calendar.ts';
import type { KpiItem } from '../../api/types.ts';
import { formatMonth, formatMonthRange, type Lang } from '../../i18n/format.ts';
import type { KpiFigure } from '../kpi/to-kpi-figures.ts';
import { type MethodLine, toMethodLines } from '../kpi/to-method-lines.ts';
import type { PrintTranslate } from './print-words.ts';

export interface FactLine {
  label: string;
  value: string;
}

export interface ReportPeriod {
  from: MonthKey | null;
  to: MonthKey | null;
}

export function periodText(period: ReportPeriod, lang: Lang, w: PrintTranslate): string {
  return period.from && period.to ? formatMonthRange(period.from, period.to, lang) : w('report.sinceStart');
}

/**
 * The last month the report's figures stand on: the end of the crime months the figure covered,
 * else the period's end, else the last complete month before it was made.
 */
export function dataUpTo(item: KpiItem | null | undefined, period: ReportPeriod, now: Date): MonthKey {
  const covered = item?.crime.coveredMonths?.to ?? item?.crime.afterTo ?? null;
  if (covered) return covered.slice(0, 7);
  return period.to ?? lastCompleteMonth(now);
}

export function dataUpToText(month: MonthKey, lang: Lang, w: PrintTranslate): string {
  return w('report.dataUpTo', { month: formatMonth(month, lang, 'long') });
}

/** The programme's targets and rules the figures were judged by, from the KPI answer's settings. */
export function targetLines(
  settings: { fearTarget: number; trustTarget: number; minSample: number },
  w: PrintTranslate,
): FactLine[] {
  return [
    {
      label: w('report.targets'),
      value: w('report.targetsValue', { fear: settings.fearTarget, trust: settings.trustTarget }),
    },
    { label: w('report.minSample'), value: String(settings.minSample) },
  ];
}

/** Each figure's problems and warnings, then the caveats every report carries. */
export function caveats(
  figures: readonly KpiFigure[],
  w: PrintTranslate,
  partial: { k: number; n: number } | null,
): string[] {
  const own = figures.flatMap((f) => [f.problem, f.warning].filter((text): text is string => Boolean(text)));
  const general = [w('report.caveat.recorded'), w('report.caveat.interval'), w('report.caveat.survey')];
  const scope = partial && partial.k < partial.n ? [w('report.caveat.partial', { k: partial.k, n: partial.n })] : [];
  return [...new Set([...scope, ...own, ...general])];
}

export interface AppendixEntry {
  key: KpiFigure['key'];
  lines: MethodLine[];
}

/** "How each figure was computed": the method objects the API returned, in words. */
export function appendix(figures: readonly KpiFigure[], lang: Lang): AppendixEntry[] {
  return figures.map((f) => ({ key: f.key, lines: toMethodLines(f.method, lang, { pooled: f.pooled }) }));
}
