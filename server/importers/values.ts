/**
 * Reading one cell as text, a date, a number or a coordinate, whatever the file format gave:
 * CSV text, XLSX numbers and date cells (ExcelDate), Parquet numbers and ISO text.
 * Date results are cached per distinct text (monthly files repeat the same few dates), so the
 * slow path of parse/dates.ts runs once per distinct value.
 */
import {
  combineDateAndTime,
  type DateParseOptions,
  type DateTimeOk,
  type DateTimeResult,
  parseDateTime,
  parseExcelSerial,
  parseTimeOfDay,
  type TimeOfDayResult,
} from './parse/dates.ts';
import { type NumberOptions, type NumberResult, parseNumber, validateNumber } from './parse/numbers.ts';
import { thaiDigitsToAscii } from './parse/thai-digits.ts';
import { ExcelDate } from './source/xlsx.ts';

export type Cell = string | number | ExcelDate | null;

const BE_OFFSET = 543;

/** Trimmed text of a cell, null when blank. An Excel date cell reads as its ISO date. */
export function cellText(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    const t = cell.trim();
    return t === '' ? null : t;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : null;
  const d = parseExcelSerial(cell.serial);
  return d.ok ? (d.time === undefined ? d.date : `${d.date} ${d.time}`) : String(cell.serial);
}

/** The raw value as the user would see it in an issue. */
export function cellShown(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof ExcelDate) return cellText(cell);
  return String(cell);
}

/** "21:30", "21.30", "21:30:15" at the end of a date-time text. */
const PLAIN_TIME_RE = /^\d{1,2}[:.]\d{2}(?::\d{2})?$/;
const CACHE_LIMIT = 100_000;

export class DateReader {
  readonly #cache = new Map<string, DateTimeResult>();
  readonly #times = new Map<string, TimeOfDayResult>();
  constructor(readonly options: DateParseOptions = {}) {}

  #parse(text: string): DateTimeResult {
    let hit = this.#cache.get(text);
    if (hit === undefined) {
      hit = parseDateTime(text, this.options);
      if (this.#cache.size < CACHE_LIMIT) this.#cache.set(text, hit);
    }
    return hit;
  }

  /** A date / date-time / month from any cell; null when blank. */
  read(cell: Cell | undefined): DateTimeResult | null {
    if (cell === null || cell === undefined) return null;
    if (cell instanceof ExcelDate) return parseExcelSerial(cell.serial, { ...this.options, date1904: false });
    // A plain number in a date column is not a date cell: read it as the text it shows, so a
    // General-formatted Excel serial gets the "format the cells as dates" message, not a guess.
    const text = typeof cell === 'number' ? String(cell) : cell;
    if (text.trim() === '') return null;
    const cached = this.#cache.get(text);
    if (cached !== undefined) return cached;
    // Date-times are mostly distinct, their parts are not: "6/5/2564 21:30" = the (cached) date
    // "6/5/2564" at the (cached) time "21:30", exactly as parse/dates.ts reads the whole text.
    const space = text.lastIndexOf(' ');
    if (space > 0 && text.length < 60) {
      const tail = text.slice(space + 1);
      if (PLAIN_TIME_RE.test(tail)) {
        const date = this.#parse(text.slice(0, space).trim());
        if (date.ok && date.monthOnly !== true && date.time === undefined) {
          let time = this.#times.get(tail);
          if (time === undefined) {
            time = parseTimeOfDay(tail);
            if (this.#times.size < CACHE_LIMIT) this.#times.set(tail, time);
          }
          if (time.ok) return combineDateAndTime(date, time);
        }
      }
    }
    return this.#parse(text);
  }
}

/** "123", "-4.5": the commonest cells, read without the general parser (same result). */
function plainNumber(s: string): number | null {
  const n = s.length;
  if (n === 0 || n > 20) return null;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n) return null;
  let digits = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot && digits > 0 && i < n - 1) dot = true;
    else return null;
  }
  const v = Number(s);
  return Object.is(v, -0) ? 0 : v;
}

export function readNumber(cell: Cell | undefined, options: NumberOptions = {}): NumberResult | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof ExcelDate) {
    return { ok: false, reason: { code: 'not_a_number', th: 'เป็นวันที่ ไม่ใช่ตัวเลข', en: 'A date, not a number' } };
  }
  if (typeof cell === 'string') {
    const fast = plainNumber(cell);
    if (fast !== null) return validateNumber(fast, options);
    if (cell.trim() === '') return null;
  }
  return parseNumber(cell, options);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** 'YYYY-MM-DD' (CE) -> 'D/M/YYYY' in BE, the way Thai users write it. */
export function beDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d}/${m}/${(y ?? 0) + BE_OFFSET}`;
}

/** A parsed date as both eras, for the preview: { ce: '2021-05-06 21:30', be: '6/5/2564 21:30' }. */
export function bothEras(d: DateTimeOk): { ce: string; be: string } {
  if (d.monthOnly === true) {
    const [y, m] = d.month.split('-').map(Number);
    return { ce: d.month, be: `${pad2(m ?? 0)}/${(y ?? 0) + BE_OFFSET}` };
  }
  const time = d.time === undefined ? '' : ` ${d.time}`;
  return { ce: `${d.date}${time}`, be: `${beDate(d.date)}${time}` };
}

/** Days since 1970-01-01 of 'YYYY-MM-DD'. */
export function epochDays(isoDate: string): number {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Bangkok wall-clock microseconds since the epoch (TIMESTAMP without zone) of a parsed date-time. */
export function wallMicros(d: DateTimeOk): number {
  return (d.utcMillis + 7 * 3_600_000) * 1000;
}

/** Normalised comparison key of free text labels (offence types, partner types...). */
export function labelKey(s: string): string {
  return thaiDigitsToAscii(s.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s\u00A0\u200B-\u200D\uFEFF]+/g, ' ')
    .replace(/[.,;:'"’‘“”()[\]{}]/g, '')
    .replace(/\s*[-_/]\s*/g, '-')
    .trim();
}
