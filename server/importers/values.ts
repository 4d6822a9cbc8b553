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
  type TimeOfDayOk,
  type TimeOfDayResult,
} from './parse/dates.ts';
import { type NumberOptions, type NumberResult, parseNumber, validateNumber } from './parse/numbers.ts';
import { thaiDigitsToAscii } from './parse/thai-digits.ts';
import { ExcelDate } from './source/xlsx.ts';
import { BE_OFFSET, bangkokWallClock } from '../contracts/calendar.ts';

export type Cell = string | number | ExcelDate | null;

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

/**
 * The number written with up to `max` ASCII digits from `i`, packed with how many digits it took:
 * value * 8 + count (count 0 = no digit there). One module-level function: no closure per cell.
 */
function digitsAt(text: string, i: number, max: number): number {
  let v = 0;
  let k = 0;
  for (; k < max && i + k < text.length; k++) {
    const d = text.charCodeAt(i + k) - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
  }
  return v * 8 + k;
}

export class DateReader {
  readonly #cache = new Map<string, DateTimeResult>();
  readonly #times = new Map<string, TimeOfDayResult>();
  /** Dates and times read before, keyed by their numbers (see #fast). */
  readonly #datesByKey = new Map<number, DateTimeOk>();
  readonly #timesByKey = new Map<number, TimeOfDayOk>();
  constructor(readonly options: DateParseOptions = {}) {}

  #parse(text: string): DateTimeResult {
    let hit = this.#cache.get(text);
    if (hit === undefined) {
      hit = parseDateTime(text, this.options);
      if (this.#cache.size < CACHE_LIMIT) this.#cache.set(text, hit);
    }
    return hit;
  }

  /**
   * The commonest shapes, 'd/m/yyyy', 'yyyy-mm-dd', each optionally followed by ' h:mm' or
   * ' h.mm' (and ':ss'), read without slicing or regular expressions: their numbers key results
   * parse/dates.ts gave before for the same numbers in the same shape. A first sight of a key,
   * and every failure, goes through parse/dates.ts (its messages quote the text as written), so
   * the result is always what it would answer. undefined = not this shape (use the general path).
   */
  #fast(text: string): DateTimeResult | undefined {
    const n = text.length;
    if (n < 8 || n > 24) return undefined;
    let i = 0;
    let p = digitsAt(text, i, 4);
    const a = p >> 3;
    const aDigits = p & 7;
    i += aDigits;
    const sep = text.charCodeAt(i);
    let key: number;
    if (sep === 47 /* / */) {
      if (aDigits === 0 || aDigits > 2) return undefined;
      p = digitsAt(text, ++i, 2);
      const b = p >> 3;
      i += p & 7;
      if ((p & 7) === 0 || text.charCodeAt(i) !== 47) return undefined;
      p = digitsAt(text, ++i, 4);
      if ((p & 7) !== 4) return undefined;
      i += 4;
      key = ((p >> 3) * 10_000 + b * 100 + a) * 2;
    } else if (sep === 45 /* - */) {
      if (aDigits !== 4) return undefined;
      p = digitsAt(text, ++i, 2);
      const b = p >> 3;
      if ((p & 7) !== 2 || text.charCodeAt(i + 2) !== 45) return undefined;
      i += 3;
      p = digitsAt(text, i, 2);
      if ((p & 7) !== 2) return undefined;
      i += 2;
      key = (a * 10_000 + b * 100 + (p >> 3)) * 2 + 1;
    } else return undefined;
    if (i < n && text.charCodeAt(i) !== 32) return undefined;
    let date = this.#datesByKey.get(key);
    if (date === undefined) {
      const parsed = this.#parse(text.slice(0, i));
      if (!parsed.ok || parsed.monthOnly === true || parsed.time !== undefined) return undefined;
      date = parsed;
      if (this.#datesByKey.size < CACHE_LIMIT) this.#datesByKey.set(key, date);
    }
    if (i === n) return date;

    const timeStart = ++i; // after the space
    p = digitsAt(text, i, 2);
    const h = p >> 3;
    i += p & 7;
    const timeSep = text.charCodeAt(i);
    if ((p & 7) === 0 || (timeSep !== 58 && timeSep !== 46)) return undefined;
    p = digitsAt(text, ++i, 2);
    if ((p & 7) !== 2) return undefined;
    const mi = p >> 3;
    i += 2;
    let sec = 0;
    let withSeconds = 0;
    if (i < n) {
      if (text.charCodeAt(i) !== 58) return undefined;
      p = digitsAt(text, ++i, 2);
      if ((p & 7) !== 2 || i + 2 !== n) return undefined;
      sec = p >> 3;
      withSeconds = 1;
    }
    const timeKey = (((h * 100 + mi) * 100 + sec) * 2 + withSeconds) * 2 + (timeSep === 46 ? 1 : 0);
    let time = this.#timesByKey.get(timeKey);
    if (time === undefined) {
      const parsed = parseTimeOfDay(text.slice(timeStart));
      if (!parsed.ok) return undefined;
      time = parsed;
      if (this.#timesByKey.size < CACHE_LIMIT) this.#timesByKey.set(timeKey, time);
    }
    return combineDateAndTime(date, time);
  }

  /** A date / date-time / month from any cell; null when blank. */
  read(cell: Cell | undefined): DateTimeResult | null {
    if (cell === null || cell === undefined) return null;
    if (cell instanceof ExcelDate) return parseExcelSerial(cell.serial, { ...this.options, date1904: false });
    // A plain number in a date column is not a date cell: read it as the text it shows, so a
    // General-formatted Excel serial gets the "format the cells as dates" message, not a guess.
    const text = typeof cell === 'number' ? String(cell) : cell;
    const fast = this.#fast(text);
    if (fast !== undefined) return fast;
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

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * "13.712345", "-4.5", "100": a plain decimal (digits, at most one inner dot, an optional leading
 * minus) with at most 15 digits, as Number() reads it, in one pass; NaN for anything else. With
 * the digits as an exact integer m and 10^k exact, m / 10^k is the correctly rounded value, which
 * is exactly what Number() gives (the classic fast path of decimal conversion).
 */
export function plainDecimalValue(s: string): number {
  const n = s.length;
  if (n === 0 || n > 17) return Number.NaN;
  let i = 0;
  const negative = s.charCodeAt(0) === 45;
  if (negative) i = 1;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0 && digits > 0 && i < n - 1) fraction = 0;
    else return Number.NaN;
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const v = fraction > 0 ? mantissa / (POW10[fraction] as number) : mantissa;
  return negative ? -v : v;
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
  return bangkokWallClock(new Date(d.utcMillis)).getTime() * 1000;
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
