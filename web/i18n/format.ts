/**
 * Pure formatting of numbers, dates and months for the two languages. Thai shows Buddhist-Era
 * years (พ.ศ.), English shows CE; everything date-like is read in Asia/Bangkok.
 */
import {
  beToCe,
  ceToBe,
  compareMonths,
  isMonthKey,
  type MonthKey,
  waveInEra,
} from '../../server/contracts/calendar.ts';

export type Lang = 'th' | 'en';
export const LANGS: readonly Lang[] = ['th', 'en'];

export function isLang(value: unknown): value is Lang {
  return value === 'th' || value === 'en';
}

const TIME_ZONE = 'Asia/Bangkok';

/**
 * The Buddhist calendar is asked for explicitly, so BE years do not depend on the browser's
 * default. English is en-US for its stable "Sep" (en-GB says "Sept" in newer browsers and "Sep"
 * in older ones); dates are put day-first by hand (see formatDate).
 */
export function localeOf(lang: Lang): string {
  return lang === 'th' ? 'th-TH-u-ca-buddhist-nu-latn' : 'en-US';
}

// Formatters are costly to build on old PCs; keep one per (locale, options).
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), options);
    cache.set(key, format);
  }
  return format;
}
function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), {
      timeZone: TIME_ZONE,
      ...options,
    });
    cache.set(key, format);
  }
  return format;
}

/** Dashes in place of missing numbers: a figure is never shown as 0 or NaN when it is unknown. */
export const MISSING = '–';

export function formatNumber(value: number | null | undefined, lang: Lang, maxDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return numberFormat(lang, {
    maximumFractionDigits: maxDigits,
    minimumFractionDigits: 0,
  }).format(value);
}

/** A percentage given on the 0-100 scale, e.g. 38.2 -> "38.2%". */
export function formatPercent(value: number | null | undefined, lang: Lang, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return `${numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)}%`;
}

/** A signed change with a true minus sign, so a fall reads as a fall even when projected. */
export function formatSigned(value: number | null | undefined, lang: Lang, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const rounded = Number(value.toFixed(digits));
  const body = numberFormat(lang, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Math.abs(rounded));
  if (rounded > 0) return `+${body}`;
  if (rounded < 0) return `\u2212${body}`;
  return body;
}

export function formatSignedPercent(value: number | null | undefined, lang: Lang, digits = 1): string {
  const body = formatSigned(value, lang, digits);
  return body === MISSING ? body : `${body}%`;
}

function monthDate(month: MonthKey): Date {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  // Mid-month at noon Bangkok: no time zone can move it into another month.
  return new Date(Date.UTC(year, monthNumber - 1, 15, 5));
}

const INTERVAL_JOIN: Record<Lang, string> = { th: 'ถึง', en: 'to' };

/**
 * An interval's two bounds, already formatted by the caller (percent, signed percent, ratio), in
 * words: "−37.7% to −25.6%" / "−37.7% ถึง −25.6%". A dash between bounds would read as a minus
 * when they are negative ("−37.7% – −25.6%"), so every interval the dashboard shows goes through
 * here. A missing bound stays a dash of its own ("0.63 to ∞" is the caller's to say).
 */
export function formatInterval(low: string, high: string, lang: Lang): string {
  return `${low} ${INTERVAL_JOIN[lang]} ${high}`;
}

/** "ก.ค. 2565" / "Jul 2022"; long: "กรกฎาคม 2565" / "July 2022". */
export function formatMonth(month: MonthKey | null | undefined, lang: Lang, style: 'short' | 'long' = 'short'): string {
  if (!month || !isMonthKey(month)) return MISSING;
  return dateFormat(lang, { month: style, year: 'numeric' }).format(monthDate(month));
}

/** Axis ticks: "ก.ค. 65" / "Jul 22". */
export function formatMonthTick(month: MonthKey, lang: Lang): string {
  if (!isMonthKey(month)) return month;
  return dateFormat(lang, { month: 'short', year: '2-digit' }).format(monthDate(month));
}

/** "ต.ค. 2565 – ก.ย. 2566"; one month alone when from = to. */
export function formatMonthRange(from: MonthKey, to: MonthKey, lang: Lang): string {
  if (compareMonths(from, to) === 0) return formatMonth(from, lang);
  return `${formatMonth(from, lang)} – ${formatMonth(to, lang)}`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date ('YYYY-MM-DD', already a Bangkok date) or an ISO instant: "16 ก.ค. 2565" /
 * "16 Jul 2022".
 */
export function formatDate(value: string | null | undefined, lang: Lang, style: 'short' | 'long' = 'short'): string {
  if (!value) return MISSING;
  const dateOnly = DATE_ONLY.exec(value);
  const instant = dateOnly
    ? new Date(Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]), 5))
    : new Date(value);
  if (Number.isNaN(instant.getTime())) return MISSING;
  // Day month year in both languages ("16 ก.ค. 2565", "16 Jul 2022"), whatever the locale's own order.
  const parts = dateFormat(lang, { day: 'numeric', month: style, year: 'numeric' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}`;
}

/** "ปีงบประมาณ 2567" / "Fiscal year 2024". */
export function formatFiscalYear(fiscalYearBe: number, lang: Lang): string {
  return lang === 'th' ? `ปีงบประมาณ ${fiscalYearBe}` : `Fiscal year ${beToCe(fiscalYearBe)}`;
}

/** "พ.ศ. 2565" / "2022". */
export function formatCalendarYear(yearCe: number, lang: Lang): string {
  return lang === 'th' ? `พ.ศ. ${ceToBe(yearCe)}` : String(yearCe);
}

/**
 * Fixed decimals that never round a value onto a threshold it is not on: 2 decimals (trailing
 * zeros kept), but a value that would print as the pivot without being it gets 3 decimals, or
 * more (up to 6) until it no longer does. 1.0025 next to 1 reads "1.003", never "1.00".
 */
function digitsAwayFrom(value: number, pivot: number, digits: number, maxDigits = 6): number {
  if (value === pivot) return digits;
  let d = digits;
  if (Number(value.toFixed(d)) === pivot) d = Math.max(d + 1, 3);
  while (d < maxDigits && Number(value.toFixed(d)) === pivot) d++;
  return d;
}

/** A ratio (rate ratio, relative effect, their bounds): "1.18", "1.003", "0.70". Pivot 1. */
export function formatRatio(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const digits = digitsAwayFrom(value, 1, 2);
  return numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A signed index around 0 (WDQ): "+0.06", "−0.003", "0.00" only when exactly 0. */
export function formatSignedIndex(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return formatSigned(value, lang, digitsAwayFrom(value, 0, 2));
}

/**
 * A survey wave's label as the data names it ("2567-Q3", "baseline"), in the reader's era: a label
 * that starts with a year is shown with a BE year in Thai and a CE year in English ("2567-Q3" reads
 * "2024-Q3" in English, "2024-06" reads "2567-06" in Thai). The pre-start wave the data calls
 * "baseline" reads in Thai: "ก่อนเริ่มโครงการ (baseline)"; short (axis ticks): "ก่อนเริ่ม". Other labels
 * are shown as they are.
 */
export function formatWave(wave: string, lang: Lang, style: 'long' | 'short' = 'long'): string {
  if (wave.trim().toLowerCase() !== 'baseline') return waveInEra(wave, lang);
  if (lang === 'en') return 'baseline';
  return style === 'short' ? 'ก่อนเริ่ม' : 'ก่อนเริ่มโครงการ (baseline)';
}
