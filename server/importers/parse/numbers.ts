/**
 * Numbers as typed in Thai spreadsheets: Thai digits, thousands separators (`1,234`,
 * `1,234,567.5`), spaces, a leading `+`, scientific notation as Excel writes large numbers
 * (`1.2E+05`), and optionally a currency mark (`฿1,000`, `1,000 บาท`).
 *
 * A comma that is not a valid thousands separator (`1,5`, `12,34`) is rejected rather than
 * guessed: it may be a European decimal comma. Pass `decimalSeparator: ','` for such files.
 */

import type { Bilingual } from '../issues.ts';
import { thaiDigitsToAscii } from './thai-digits.ts';

export type NumberErrorCode =
  | 'blank'
  | 'not_a_number'
  | 'bad_grouping'
  | 'not_integer'
  | 'negative'
  | 'not_positive'
  | 'below_min'
  | 'above_max';

export interface NumberReason extends Bilingual {
  readonly code: NumberErrorCode;
}

export type NumberResult =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: NumberReason };

export interface NumberOptions {
  /** Must be a whole number (`12.0` is accepted as 12). */
  integer?: boolean;
  /** Must be >= 0. */
  nonNegative?: boolean;
  /** Must be > 0. */
  positive?: boolean;
  min?: number;
  max?: number;
  /** '.' (default) or ',' (then '.' and spaces group thousands). */
  decimalSeparator?: '.' | ',';
  /** Accept a leading ฿ / THB or a trailing บาท / THB / ฿. */
  currency?: boolean;
}

function fail(code: NumberErrorCode, th: string, en: string): NumberResult {
  return { ok: false, reason: { code, th, en } };
}

const SPACES_RE = /[\s\u00A0\u2007\u202F\u2009\u200B]+/g;
const CURRENCY_RE = /^(?:฿|thb)?\s*(.*?)\s*(?:บาท|thb|฿)?$/i;
const PLAIN_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_RE = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** Parses `value` (a string from a cell, or a number from XLSX) and validates it. */
export function parseNumber(value: string | number, options: NumberOptions = {}): NumberResult {
  let n: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('not_a_number', 'ไม่ใช่ตัวเลข', 'Not a number');
    n = value;
  } else {
    let s = thaiDigitsToAscii(value).replace(SPACES_RE, ' ').trim();
    if (s === '') return fail('blank', 'ไม่มีตัวเลข', 'No number given');
    const shown = s.length > 60 ? `${s.slice(0, 60)}…` : s;
    if (s.length > 400) return fail('not_a_number', `"${shown}" ไม่ใช่ตัวเลข`, `"${shown}" is not a number`);
    if (options.currency === true) s = (CURRENCY_RE.exec(s)?.[1] ?? s).trim();
    s = s.replace(/ /g, '');
    if (/[^0-9+\-.,eE]/.test(s)) return fail('not_a_number', `"${shown}" ไม่ใช่ตัวเลข`, `"${shown}" is not a number`);
    if (options.decimalSeparator === ',') {
      // 1.234,5 or 1 234,5 -> 1234.5
      if (/^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d*)?$/.test(s)) s = s.replace(/\./g, '');
      s = s.replace(',', '.');
      if (s.includes(',')) return fail('not_a_number', `"${shown}" ไม่ใช่ตัวเลข`, `"${shown}" is not a number`);
    } else if (s.includes(',')) {
      if (!GROUPED_RE.test(s)) {
        return fail(
          'bad_grouping',
          `"${shown}" ใช้เครื่องหมายจุลภาคไม่ถูกต้อง (ตัวคั่นหลักพันต้องคั่นทุก 3 หลัก เช่น 1,234 และใช้จุดเป็นทศนิยม)`,
          `"${shown}": commas must group thousands (1,234) and the decimal mark is a dot`,
        );
      }
      s = s.replace(/,/g, '');
    }
    if (!PLAIN_RE.test(s)) return fail('not_a_number', `"${shown}" ไม่ใช่ตัวเลข`, `"${shown}" is not a number`);
    n = Number(s);
    if (!Number.isFinite(n)) return fail('not_a_number', `"${shown}" ไม่ใช่ตัวเลข`, `"${shown}" is not a number`);
    if (Object.is(n, -0)) n = 0;
  }
  return validateNumber(n, options);
}

/** The checks of `parseNumber` on an already numeric value. */
export function validateNumber(n: number, options: NumberOptions = {}): NumberResult {
  if (options.integer === true && !Number.isInteger(n)) {
    return fail('not_integer', `ต้องเป็นจำนวนเต็ม (ได้ ${n})`, `Must be a whole number (got ${n})`);
  }
  if (options.positive === true && !(n > 0)) {
    return fail('not_positive', `ต้องมากกว่า 0 (ได้ ${n})`, `Must be greater than 0 (got ${n})`);
  }
  if (options.nonNegative === true && n < 0) {
    return fail('negative', `ต้องไม่ติดลบ (ได้ ${n})`, `Must not be negative (got ${n})`);
  }
  if (options.min !== undefined && n < options.min) {
    return fail('below_min', `ต้องไม่น้อยกว่า ${options.min} (ได้ ${n})`, `Must be at least ${options.min} (got ${n})`);
  }
  if (options.max !== undefined && n > options.max) {
    return fail('above_max', `ต้องไม่เกิน ${options.max} (ได้ ${n})`, `Must be at most ${options.max} (got ${n})`);
  }
  return { ok: true, value: n };
}

/** A count: whole and >= 0 (monthly counts, CCTV cameras, volunteers...). */
export function parseCount(value: string | number): NumberResult {
  return parseNumber(value, { integer: true, nonNegative: true });
}

/** A survey weight: > 0. */
export function parseWeight(value: string | number): NumberResult {
  return parseNumber(value, { positive: true });
}

/** WGS84 latitude (-90..90). */
export function parseLatitude(value: string | number): NumberResult {
  return parseNumber(value, { min: -90, max: 90 });
}
