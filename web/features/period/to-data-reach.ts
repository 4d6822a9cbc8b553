/**
 * How far the data reaches, in words: "data up to <month>" (the last whole month with crime data
 * and the latest survey wave), and whether a period lies wholly beyond it, so a screen can say so
 * once instead of showing a tile per figure with nothing in it. Pure.
 */
import { formatDate, formatMonth, formatMonthRange, type Lang } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/use-t.tsx';

export interface DataDates {
  /** 'YYYY-MM' */
  crimeMonth: string | null;
  /** 'YYYY-MM-DD' */
  surveyDate: string | null;
}

export function dataUpToText(dates: DataDates, lang: Lang, t: Translate): string {
  return t('present.dataDates', {
    crime: dates.crimeMonth ? formatMonth(dates.crimeMonth.slice(0, 7), lang, 'long') : t('data.none'),
    survey: dates.surveyDate ? formatDate(dates.surveyDate, lang, 'long') : t('data.none'),
  });
}

/** The period starts after the last month of crime data and after the latest survey wave. */
export function periodBeyondData(period: { from: string | null; to: string | null }, dates: DataDates): boolean {
  if (!period.from) return false;
  const from = period.from;
  const crimeBefore = dates.crimeMonth === null || dates.crimeMonth.slice(0, 7) < from;
  const surveyBefore = dates.surveyDate === null || dates.surveyDate.slice(0, 7) < from;
  return crimeBefore && surveyBefore;
}

/** "The data does not reach Oct 2026 – Sep 2027 yet: ..." */
export function beyondDataText(
  period: { from: string; to: string },
  dates: DataDates,
  lang: Lang,
  t: Translate,
): string {
  return t('data.notReached', {
    period: formatMonthRange(period.from, period.to, lang),
    upTo: dataUpToText(dates, lang, t),
  });
}
