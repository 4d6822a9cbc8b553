/**
 * Reading one cell as text, a date, a number or a coordinate, whatever the file format gave:
 * CSV text, XLSX numbers and date cells (ExcelDate), Parquet numbers and ISO text.
 * Date results are cached per distinct text (monthly files repeat the same few dates), so the
 * slow path of parse/dates.ts runs once per distinct value.
 */
import { type DateParseOptions, type DateTimeOk, type DateTimeResult, parseDateTime, parseExcelSerial } from './parse/dates.ts';
import { type NumberOptions, type NumberResult, parseNumber } from './parse/numbers.ts';
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

export class DateReader {
  readonly #cache = new Map<string, DateTimeResult>();
  constructor(readonly options: DateParseOptions = {}) {}

  /** A date / date-time / month from any cell; null when blank. */
  read(cell: Cell | undefined): DateTimeResult | null {
    if (cell === null || cell === undefined) return null;
    if (cell instanceof ExcelDate) return parseExcelSerial(cell.serial, { ...this.options, date1904: false });
    // A plain number in a date column is not a date cell: read it as the text it shows, so a
    // General-formatted Excel serial gets the "format the cells as dates" message, not a guess.
    const text = typeof cell === 'number' ? String(cell) : cell;
    if (text.trim() === '') return null;
    let hit = this.#cache.get(text);
    if (hit === undefined) {
      hit = parseDateTime(text, this.options);
      if (this.#cache.size < 200_000) this.#cache.set(text, hit);
    }
    return hit;
  }
}

export function readNumber(cell: Cell | undefined, options: NumberOptions = {}): NumberResult | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof ExcelDate) {
    return { ok: false, reason: { code: 'not_a_number', th: 'เป็นวันที่ ไม่ใช่ตัวเลข', en: 'A date, not a number' } };
  }
  if (typeof cell === 'string' && cell.trim() === '') return null;
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
