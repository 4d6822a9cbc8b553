/**
 * Month keys ('YYYY-MM', CE) and the Thai calendar facts the dashboard needs. Pure: "today" is
 * always passed in, and months are read in Asia/Bangkok so the host's time zone never matters.
 */
export type MonthKey = string;

export const BE_OFFSET = 543;

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): value is MonthKey {
  return MONTH_KEY.test(value);
}

/** Months since year 0, so months compare and subtract as integers. */
export function monthIndex(month: MonthKey): number {
  const match = MONTH_KEY.exec(month);
  if (!match) throw new RangeError(`not a month key: ${month}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthFromIndex(index: number): MonthKey {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(month: MonthKey, count: number): MonthKey {
  return monthFromIndex(monthIndex(month) + count);
}

export function compareMonths(a: MonthKey, b: MonthKey): number {
  return monthIndex(a) - monthIndex(b);
}

/** The calendar month of an instant in Bangkok (UTC+7, no daylight saving). */
export function bangkokMonth(instant: Date): MonthKey {
  const shifted = new Date(instant.getTime() + 7 * 60 * 60 * 1000);
  return monthFromIndex(shifted.getUTCFullYear() * 12 + shifted.getUTCMonth());
}

/** The current month is unfinished and never counts (kpi.md, Months). */
export function lastCompleteMonth(today: Date): MonthKey {
  return addMonths(bangkokMonth(today), -1);
}

export const ceToBe = (yearCe: number) => yearCe + BE_OFFSET;
export const beToCe = (yearBe: number) => yearBe - BE_OFFSET;

/** Thai fiscal year (BE) of a month: October starts the next fiscal year. */
export function fiscalYearBeOfMonth(month: MonthKey): number {
  const index = monthIndex(month);
  const yearCe = Math.floor(index / 12);
  const monthNumber = (index % 12) + 1;
  return ceToBe(monthNumber >= 10 ? yearCe + 1 : yearCe);
}

export interface MonthRange {
  from: MonthKey;
  to: MonthKey;
}

/** ปีงบประมาณ 2565 = Oct 2021 - Sep 2022. */
export function fiscalYearRange(fiscalYearBe: number): MonthRange {
  const endCe = beToCe(fiscalYearBe);
  return { from: `${endCe - 1}-10`, to: `${endCe}-09` };
}

export function calendarYearRange(yearCe: number): MonthRange {
  return { from: `${yearCe}-01`, to: `${yearCe}-12` };
}

export function last12CompleteMonths(today: Date): MonthRange {
  const to = lastCompleteMonth(today);
  return { from: addMonths(to, -11), to };
}
