/**
 * Months, Bangkok bucketing, Thai fiscal years and period presets: a contract shared by the server
 * and the web (pure: no Node APIs, no database; the SPA imports it at run time).
 *
 * A month is written as a "YYYY-MM" key (Christian Era year) everywhere in the KPI maths, and as an
 * integer month index (year * 12 + month - 1) when we need arithmetic: consecutive months have
 * consecutive indexes, so "m - 12" is simply the same calendar month a year earlier.
 *
 * Nothing here reads the host time zone: instants are shifted by the fixed Bangkok offset and read
 * with the UTC getters (Thailand has no daylight saving time).
 */

/** A calendar month as "YYYY-MM" with a Christian Era year, e.g. "2022-07". */
export type MonthKey = string;

/** An inclusive range of months, from <= to. */
export interface MonthRange {
  readonly from: MonthKey;
  readonly to: MonthKey;
}

/** Asia/Bangkok is UTC+7 all year (no DST since 1920). */
export const BANGKOK_UTC_OFFSET_MINUTES = 7 * 60;

/** Buddhist Era year = Christian Era year + 543. */
export const BE_OFFSET = 543;

const MONTH_KEY_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** A month key, or a date / timestamp string starting with one (as DuckDB returns DATE values). */
const MONTH_PREFIX_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])(?:$|-\d{2})/;

export function isMonthKey(value: string): value is MonthKey {
  return MONTH_KEY_PATTERN.test(value);
}

/** year * 12 + (month - 1). Throws on anything that is not "YYYY-MM". */
export function monthIndex(month: MonthKey): number {
  const match = MONTH_KEY_PATTERN.exec(month);
  if (!match) throw new RangeError(`Not a month key (YYYY-MM): ${JSON.stringify(month)}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthFromIndex(index: number): MonthKey {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`Not a month index: ${index}`);
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (year > 9999) throw new RangeError(`Month index out of range: ${index}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** "2022-07-16", "2022-07-01T00:00:00" or "2022-07" -> "2022-07" (the SQL DATE "month" columns). */
export function toMonthKey(dateOrMonth: string): MonthKey {
  const match = MONTH_PREFIX_PATTERN.exec(dateOrMonth);
  if (!match) throw new RangeError(`Not a date or month: ${JSON.stringify(dateOrMonth)}`);
  return `${match[1]}-${match[2]}`;
}

/** "2022-07" -> "2022-07-01", the form the SQL "month" DATE columns use. */
export function monthStartDate(month: MonthKey): string {
  monthIndex(month); // validates
  return `${month}-01`;
}

export function addMonths(month: MonthKey, count: number): MonthKey {
  return monthFromIndex(monthIndex(month) + count);
}

/** Number of months from `from` to `to` (to - from); negative when `to` is earlier. */
export function monthsBetween(from: MonthKey, to: MonthKey): number {
  return monthIndex(to) - monthIndex(from);
}

export function compareMonths(a: MonthKey, b: MonthKey): number {
  return monthIndex(a) - monthIndex(b);
}

/** Every month from `from` to `to`, both included; empty when to < from. */
export function monthsInRange(range: MonthRange): MonthKey[] {
  const first = monthIndex(range.from);
  const last = monthIndex(range.to);
  const months: MonthKey[] = [];
  for (let index = first; index <= last; index++) months.push(monthFromIndex(index));
  return months;
}

export function isMonthInRange(month: MonthKey, range: MonthRange): boolean {
  const index = monthIndex(month);
  return index >= monthIndex(range.from) && index <= monthIndex(range.to);
}

/** The overlap of two ranges, or null when they do not meet. */
export function intersectRanges(a: MonthRange, b: MonthRange): MonthRange | null {
  const from = Math.max(monthIndex(a.from), monthIndex(b.from));
  const to = Math.min(monthIndex(a.to), monthIndex(b.to));
  return from <= to ? { from: monthFromIndex(from), to: monthFromIndex(to) } : null;
}

/** The wall-clock date-time in Bangkok as a Date whose UTC fields read as Bangkok local time. */
export function bangkokWallClock(instant: Date): Date {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid date');
  return new Date(time + BANGKOK_UTC_OFFSET_MINUTES * 60_000);
}

/**
 * The Bangkok calendar month an instant falls in. 2021-05-31T16:30Z is 23:30 on 31 May in Bangkok
 * (May); 2021-05-31T17:30Z is 00:30 on 1 June (June). Independent of the host TZ.
 */
export function bangkokMonth(instant: Date): MonthKey {
  const wall = bangkokWallClock(instant);
  return monthFromIndex(wall.getUTCFullYear() * 12 + wall.getUTCMonth());
}

/** The Bangkok calendar date of an instant as "YYYY-MM-DD". */
export function bangkokDate(instant: Date): string {
  const wall = bangkokWallClock(instant);
  return wall.toISOString().slice(0, 10);
}

/** The Bangkok wall-clock time of an instant as "YYYY-MM-DD HH:MM". */
export function bangkokDateTime(instant: Date): string {
  const wall = bangkokWallClock(instant).toISOString();
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)}`;
}

/** The instant (epoch ms) a Bangkok calendar day "YYYY-MM-DD" starts: its midnight in Bangkok. */
export function bangkokDayStart(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) - BANGKOK_UTC_OFFSET_MINUTES * 60_000;
}

/** The latest whole month before `today` in Bangkok (the current month is never complete). */
export function lastCompleteMonth(today: Date): MonthKey {
  return addMonths(bangkokMonth(today), -1);
}

// ---------------------------------------------------------------------------------------------
// Buddhist Era and Thai fiscal years (ปีงบประมาณ: 1 October - 30 September, labelled in BE)
// ---------------------------------------------------------------------------------------------

export function ceToBe(yearCe: number): number {
  return yearCe + BE_OFFSET;
}

export function beToCe(yearBe: number): number {
  return yearBe - BE_OFFSET;
}

/** A leading four-digit year, alone or followed by a non-digit ("2567-Q3", "2567/2", "2024 H1"). */
const LEADING_YEAR = /^(\d{4})(?=\D|$)/;

/**
 * A survey wave's label in the reader's era: "2567-Q3" reads "2024-Q3" in English, "2024 H1"
 * reads "2567 H1" in Thai; labels that start with no year are left as they are. Shared by the
 * screens (web/i18n/format.ts formatWave) and the exports.
 */
export function waveInEra(wave: string, lang: 'th' | 'en'): string {
  const match = LEADING_YEAR.exec(wave);
  if (!match) return wave;
  const year = Number(match[1]);
  // BE years of this programme are 25xx-26xx; CE years 19xx-21xx. Anything else is not a year.
  const isBe = year >= 2400 && year < 2700;
  const isCe = year >= 1900 && year < 2200;
  if (lang === 'en' && isBe) return `${beToCe(year)}${wave.slice(4)}`;
  if (lang === 'th' && isCe) return `${ceToBe(year)}${wave.slice(4)}`;
  return wave;
}

/**
 * The fiscal year (BE) a month belongs to: October-December count towards the next year.
 * "2022-10" -> 2566, "2023-09" -> 2566.
 */
export function fiscalYearOfMonth(month: MonthKey): number {
  const index = monthIndex(month);
  const yearCe = Math.floor(index / 12);
  const monthOfYear = (index % 12) + 1;
  return ceToBe(monthOfYear >= 10 ? yearCe + 1 : yearCe);
}

/** Fiscal year 2566 (BE) -> { from: "2022-10", to: "2023-09" }. */
export function fiscalYearRange(fiscalYearBe: number): MonthRange {
  if (!Number.isInteger(fiscalYearBe)) throw new RangeError(`Not a fiscal year: ${fiscalYearBe}`);
  const endYearCe = beToCe(fiscalYearBe);
  return { from: monthFromIndex((endYearCe - 1) * 12 + 9), to: monthFromIndex(endYearCe * 12 + 8) };
}

/** Calendar year (CE) -> January..December. */
export function calendarYearRange(yearCe: number): MonthRange {
  if (!Number.isInteger(yearCe)) throw new RangeError(`Not a year: ${yearCe}`);
  return { from: monthFromIndex(yearCe * 12), to: monthFromIndex(yearCe * 12 + 11) };
}

/** The 12 whole months before the current Bangkok month of `today`. */
export function last12CompleteMonths(today: Date): MonthRange {
  const to = lastCompleteMonth(today);
  return { from: addMonths(to, -11), to };
}

/** The period presets of kpi.md. */
export type PeriodPreset =
  | { readonly kind: 'fiscal_year'; readonly fiscalYearBe: number }
  | { readonly kind: 'calendar_year'; readonly yearCe: number }
  | { readonly kind: 'last_12_months' }
  | { readonly kind: 'since_start' };

/**
 * The month range of a preset. "Since the zone's start" resolves to `undefined`: that is "no period"
 * for the crime window (each zone runs from its own start month to the end of its data), so a
 * rollup over zones with different starts stays correct.
 */
export function resolvePeriod(preset: PeriodPreset, today: Date): MonthRange | undefined {
  switch (preset.kind) {
    case 'fiscal_year':
      return fiscalYearRange(preset.fiscalYearBe);
    case 'calendar_year':
      return calendarYearRange(preset.yearCe);
    case 'last_12_months':
      return last12CompleteMonths(today);
    case 'since_start':
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Display (BE in Thai, CE in English)
// ---------------------------------------------------------------------------------------------

const THAI_MONTHS_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;
const THAI_MONTHS_LONG = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;
const ENGLISH_MONTHS_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

function yearAndMonthNumber(month: MonthKey): { yearCe: number; monthOfYear: number } {
  const index = monthIndex(month);
  return { yearCe: Math.floor(index / 12), monthOfYear: (index % 12) + 1 };
}

/** "2022-07" -> "ก.ค. 2565" (short) or "กรกฎาคม 2565" (long). */
export function formatMonthTh(month: MonthKey, style: 'short' | 'long' = 'short'): string {
  const { yearCe, monthOfYear } = yearAndMonthNumber(month);
  const names = style === 'long' ? THAI_MONTHS_LONG : THAI_MONTHS_SHORT;
  return `${names[monthOfYear - 1]} ${ceToBe(yearCe)}`;
}

/** "2022-07" -> "Jul 2022". */
export function formatMonthEn(month: MonthKey): string {
  const { yearCe, monthOfYear } = yearAndMonthNumber(month);
  return `${ENGLISH_MONTHS_SHORT[monthOfYear - 1]} ${yearCe}`;
}

/** 2566 -> "ปีงบประมาณ 2566" / "FY 2566 (Oct 2022 – Sep 2023)": the label stays in BE in both. */
export function formatFiscalYear(fiscalYearBe: number, locale: 'th' | 'en'): string {
  if (locale === 'th') return `ปีงบประมาณ ${fiscalYearBe}`;
  const range = fiscalYearRange(fiscalYearBe);
  return `FY ${fiscalYearBe} (${formatMonthEn(range.from)} – ${formatMonthEn(range.to)})`;
}
