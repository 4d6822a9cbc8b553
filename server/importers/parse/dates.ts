/**
 * Dates and times as Thai offices write them (data-formats.md, "Dates").
 *
 * Accepted (Thai digits anywhere; spaces and dots in month abbreviations optional):
 *   ISO             2021-05-06 | 2564-05-06 | 2021/05/06 | 2021-05-06 21:30 | 2021-05-06T21:30:00[Z|+07:00]
 *   month only      2023-09 | 09/2566 | ก.ย. 65 | กันยายน 2565 | Sep 2022 | September 2022   (monthOnly)
 *   day first       06/05/2564 21:30 | 6/5/2564 | 6-5-2021 | 6.5.2564 (month first only with dateOrder 'mdy')
 *   Thai month      6 พ.ค. 2564 | 6 พฤษภาคม 2564 | 6พ.ค.64 | วันพฤหัสบดีที่ 6 พฤษภาคม พ.ศ. 2564
 *   English month   6 May 2021 | 6-May-2021 | May 6, 2021 | 6th May 2021
 *   times           21:30 | 21:30:15 | 21.30 น. | เวลา 21.30 น. | 9:30 PM
 *   Excel serial    a number (1900 date system with the Lotus 1900-02-29 bug, or 1904)
 *
 * Years >= 2400 are Buddhist Era (minus 543). Two-digit years only next to a Thai month name or a
 * พ.ศ. marker, and are BE (65 = 2565 = 2022). Times without a zone are Asia/Bangkok wall-clock
 * (UTC+7, no DST); `date`, `time` and `month` are always Bangkok wall-clock values, `utcMillis`
 * is the instant. Impossible dates are rejected with a reason, never rolled over.
 */

import { BANGKOK_UTC_OFFSET_MINUTES, BE_OFFSET } from '../../contracts/calendar.ts';
import type { DATE_ORDERS } from '../../contracts/imports.ts';
import type { Bilingual } from '../issues.ts';
import { thaiDigitsToAscii } from './thai-digits.ts';

export type DateOrder = (typeof DATE_ORDERS)[number];

export interface DateParseOptions {
  /** Order of numeric `a/b/yyyy` dates. Default 'dmy' (Thai files); never guessed. */
  dateOrder?: DateOrder;
  /** Excel serials use the 1904 date system (the workbook says so). */
  date1904?: boolean;
  /** Read a bare numeric string ("44317") as an Excel serial. Default false: rejected. */
  numericStringsAsSerial?: boolean;
  /** Earliest accepted CE year (default 1900). */
  minYear?: number;
  /** Latest accepted CE year (default 2200). */
  maxYear?: number;
}

export type DateErrorCode =
  | 'blank'
  | 'unrecognized'
  | 'invalid_date'
  | 'invalid_time'
  | 'month_first_suspected'
  | 'two_digit_year'
  | 'year_out_of_range'
  | 'invalid_serial'
  | 'bare_number';

export interface DateReason extends Bilingual {
  readonly code: DateErrorCode;
}

export interface DateTimeOk {
  readonly ok: true;
  /** Bangkok calendar date, CE: 'YYYY-MM-DD' (the 1st when monthOnly). */
  readonly date: string;
  /** Bangkok wall-clock time 'HH:MM', or 'HH:MM:SS' when seconds were given; absent for a date alone. */
  readonly time?: string;
  /** The value named a month, not a day. */
  readonly monthOnly?: boolean;
  /** 'YYYY-MM' (CE) of the Bangkok date: the month the value counts in. */
  readonly month: string;
  /** The instant (ms since the Unix epoch); midnight Bangkok when there is no time. */
  readonly utcMillis: number;
}

export interface DateTimeFail {
  readonly ok: false;
  readonly reason: DateReason;
}

export type DateTimeResult = DateTimeOk | DateTimeFail;

const BANGKOK_OFFSET_MIN = BANGKOK_UTC_OFFSET_MINUTES;
const MINUTE = 60_000;
const DAY = 86_400_000;
const BE_THRESHOLD = 2400;

// ---------------------------------------------------------------------------------------------
// Month names

const THAI_MONTHS: readonly (readonly string[])[] = [
  ['มกราคม', 'มค', 'มกรา'],
  ['กุมภาพันธ์', 'กุมภาพันธ', 'กพ', 'กุมภา'],
  ['มีนาคม', 'มีค', 'มีนา'],
  ['เมษายน', 'เมย', 'เมษา'],
  ['พฤษภาคม', 'พค', 'พฤษภา'],
  ['มิถุนายน', 'มิย', 'มิถุนา'],
  ['กรกฎาคม', 'กรกฏาคม', 'กค', 'กรกฎา', 'กรกฏา'],
  ['สิงหาคม', 'สค', 'สิงหา'],
  ['กันยายน', 'กย', 'กันยา'],
  ['ตุลาคม', 'ตค', 'ตุลา'],
  ['พฤศจิกายน', 'พย', 'พฤศจิกา'],
  ['ธันวาคม', 'ธค', 'ธันวา'],
];

const ENGLISH_MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

interface MonthName {
  month: number;
  thai: boolean;
}

const MONTH_LOOKUP: ReadonlyMap<string, MonthName> = (() => {
  const m = new Map<string, MonthName>();
  THAI_MONTHS.forEach((names, k) => {
    for (const name of names) m.set(name, { month: k + 1, thai: true });
  });
  ENGLISH_MONTHS.forEach((names, k) => {
    for (const name of names) m.set(name, { month: k + 1, thai: false });
  });
  return m;
})();

const ERA_BE_RE = /(?:พ\s*\.?\s*ศ\s*\.?|b\s*\.?\s*e\s*\.?)$/i;
const ERA_CE_RE = /(?:ค\s*\.?\s*ศ\s*\.?|c\s*\.?\s*e\s*\.?|a\s*\.?\s*d\s*\.?)$/i;

type Era = 'be' | 'ce' | null;

interface MonthText {
  month: number;
  thai: boolean;
  era: Era;
}

/** "พ.ค.", "พฤษภาคม พ.ศ.", "May", "Sept." -> month number, script and an era marker. */
function lookupMonth(text: string): MonthText | null {
  let t = text.trim().replace(/^[\s,.\-/]+|[\s,\-/]+$/g, '');
  let era: Era = null;
  const be = ERA_BE_RE.exec(t);
  const ce = be === null ? ERA_CE_RE.exec(t) : null;
  if (be !== null) {
    era = 'be';
    t = t.slice(0, be.index);
  } else if (ce !== null && ce.index > 0) {
    era = 'ce';
    t = t.slice(0, ce.index);
  }
  const key = t.toLowerCase().replace(/[\s.,\-/]/g, '');
  const hit = MONTH_LOOKUP.get(key);
  return hit === undefined ? null : { ...hit, era };
}

// ---------------------------------------------------------------------------------------------
// Reasons

function fail(code: DateErrorCode, th: string, en: string): DateTimeFail {
  return { ok: false, reason: { code, th, en } };
}

const FAIL_BLANK = (): DateTimeFail => fail('blank', 'ไม่มีวันที่', 'No date given');
const FAIL_UNRECOGNIZED = (): DateTimeFail =>
  fail(
    'unrecognized',
    'อ่านรูปแบบวันที่นี้ไม่ได้ (ตัวอย่างที่ใช้ได้: 6/5/2564, 2021-05-06, 6 พ.ค. 2564)',
    'Unrecognised date format (accepted e.g. 6/5/2564, 2021-05-06, 6 May 2021)',
  );

// ---------------------------------------------------------------------------------------------
// Building the result

interface WallTime {
  h: number;
  mi: number;
  s: number;
  withSeconds: boolean;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : ([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0);
}

/** ms of a proleptic-Gregorian wall-clock time read as UTC (safe for years < 100 too). */
function wallMillis(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  t.setUTCHours(h, mi, s, 0);
  return t.getTime();
}

interface Limits {
  minYear: number;
  maxYear: number;
}

function checkYear(y: number, limits: Limits): DateTimeFail | null {
  if (y < limits.minYear || y > limits.maxYear) {
    return fail(
      'year_out_of_range',
      `ปี ค.ศ. ${y} (พ.ศ. ${y + BE_OFFSET}) อยู่นอกช่วงที่รับได้ ${limits.minYear}-${limits.maxYear}`,
      `Year ${y} CE (${y + BE_OFFSET} BE) is outside the accepted range ${limits.minYear}-${limits.maxYear}`,
    );
  }
  return null;
}

function checkDay(y: number, m: number, d: number, given: string): DateTimeFail | null {
  if (m < 1 || m > 12) {
    return fail('invalid_date', `ไม่มีเดือนที่ ${m} (${given})`, `There is no month ${m} (${given})`);
  }
  const dim = daysInMonth(y, m);
  if (d < 1 || d > dim) {
    return fail(
      'invalid_date',
      `วันที่ ${d} ไม่มีในเดือนที่ ${m} ปี พ.ศ. ${y + BE_OFFSET} (เดือนนี้มี ${dim} วัน) (${given})`,
      `Day ${d} does not exist in month ${m} of ${y} (it has ${dim} days) (${given})`,
    );
  }
  return null;
}

function okResult(y: number, m: number, d: number, time: WallTime | null, monthOnly: boolean): DateTimeOk {
  const month = `${pad4(y)}-${pad2(m)}`;
  const date = `${month}-${pad2(d)}`;
  const utcMillis = wallMillis(y, m, d, time?.h ?? 0, time?.mi ?? 0, time?.s ?? 0) - BANGKOK_OFFSET_MIN * MINUTE;
  if (monthOnly) return { ok: true, date, month, monthOnly: true, utcMillis };
  if (time === null) return { ok: true, date, month, utcMillis };
  const hhmm = `${pad2(time.h)}:${pad2(time.mi)}`;
  return { ok: true, date, time: time.withSeconds ? `${hhmm}:${pad2(time.s)}` : hhmm, month, utcMillis };
}

/** Validates and builds; a zone offset (minutes east of UTC) converts to Bangkok wall-clock first. */
function finish(
  y: number,
  m: number,
  d: number,
  time: WallTime | null,
  zoneMin: number | null,
  monthOnly: boolean,
  limits: Limits,
  given: string,
): DateTimeResult {
  const bad = checkYear(y, limits) ?? checkDay(y, m, d, given);
  if (bad !== null) return bad;
  if (time === null || zoneMin === null || zoneMin === BANGKOK_OFFSET_MIN) {
    return okResult(y, m, d, time, monthOnly);
  }
  // Re-express the instant as Bangkok wall-clock.
  const instant = wallMillis(y, m, d, time.h, time.mi, time.s) - zoneMin * MINUTE;
  const bkk = new Date(instant + BANGKOK_OFFSET_MIN * MINUTE);
  const by = bkk.getUTCFullYear();
  const outOfRange = checkYear(by, limits);
  if (outOfRange !== null) return outOfRange;
  return okResult(
    by,
    bkk.getUTCMonth() + 1,
    bkk.getUTCDate(),
    { h: bkk.getUTCHours(), mi: bkk.getUTCMinutes(), s: bkk.getUTCSeconds(), withSeconds: time.withSeconds },
    false,
  );
}

// ---------------------------------------------------------------------------------------------
// Excel serial numbers

/** Midnight of serial day 0 as a UTC-read wall clock, per date system. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * An Excel date cell. The serial is read exactly: whole days from the epoch plus the fraction
 * rounded to the nearest second (so 44316.99999999 is 2021-05-01 00:00:00, not 04-30 23:59:59).
 * 1900 system: serial 1 = 1900-01-01, 60 = the non-existent 1900-02-29 (rejected), 61 = 1900-03-01.
 */
export function parseExcelSerial(serial: number, options: DateParseOptions = {}): DateTimeResult {
  const limits = { minYear: options.minYear ?? 1900, maxYear: options.maxYear ?? 2200 };
  if (!Number.isFinite(serial)) {
    return fail('invalid_serial', 'ค่าวันที่แบบตัวเลขของ Excel ไม่ถูกต้อง', 'Not a valid Excel date number');
  }
  const totalSec = Math.round(serial * 86_400);
  let days = Math.floor(totalSec / 86_400);
  const secOfDay = totalSec - days * 86_400;
  const shown = String(serial);
  if (options.date1904 === true) {
    if (days < 0) {
      return fail('invalid_serial', `เลขวันที่ Excel ${shown} ติดลบ`, `Excel date number ${shown} is negative`);
    }
  } else {
    if (days < 1) {
      return fail(
        'invalid_serial',
        `เลขวันที่ Excel ${shown} ไม่มีวันที่ (มีแต่เวลา หรือเป็นศูนย์/ติดลบ)`,
        `Excel date number ${shown} has no date part (time only, zero or negative)`,
      );
    }
    if (days === 60) {
      return fail(
        'invalid_serial',
        'เลขวันที่ Excel 60 คือวันที่ 29 ก.พ. 1900 ซึ่งไม่มีจริง',
        'Excel date number 60 is 1900-02-29, a day that does not exist',
      );
    }
    if (days < 60) days += 1;
  }
  const wall = (options.date1904 === true ? EPOCH_1904 : EPOCH_1900) + days * DAY + secOfDay * 1000;
  const t = new Date(wall);
  const y = t.getUTCFullYear();
  const bad = checkYear(y, limits);
  if (bad !== null) return bad;
  const time: WallTime | null =
    secOfDay === 0
      ? null
      : { h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(), withSeconds: t.getUTCSeconds() !== 0 };
  return okResult(y, t.getUTCMonth() + 1, t.getUTCDate(), time, false);
}

// ---------------------------------------------------------------------------------------------
// Text

/** Time at the end of the text, with what may precede it (space, comma, ISO `T`, "เวลา"). */
const TIME_BODY = String.raw`(?:เวลา\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d{1,9})?)?\s*(น\s*\.?|นาฬิกา|hrs?\.?|a\.?\s?m\.?|p\.?\s?m\.?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$`;
const TIME_RE = new RegExp(String.raw`(?:^|[\s,]+|(?<=\d)T)${TIME_BODY}`, 'i');
/** A time alone (its own column). */
const TIME_ONLY_RE = new RegExp(`^${TIME_BODY}`, 'i');

const YMD_RE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YM_RE = /^(\d{4})[-/.](\d{1,2})$/;
const NUMERIC_DATE_RE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{1,4})$/;
const MY_RE = /^(\d{1,2})[-/.](\d{4})$/;
const DAY_MONTH_YEAR_RE = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.,]*([^\d\s][^\d]*?)[\s\-/.,]*(\d+)$/i;
const MONTH_YEAR_RE = /^([^\d]+?)[\s\-/.,]*(\d+)$/;
const MONTH_DAY_YEAR_RE = /^([A-Za-z.]+)\s*(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})$/i;
const BARE_NUMBER_RE = /^[+-]?\d+(?:\.\d+)?$/;
const THAI_WEEKDAY_RE = /^วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?\s*(?:ที่)?\s*/;
const EN_WEEKDAY_RE =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s+/i;
const SPACES_RE = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g;

function clean(value: string): string {
  return thaiDigitsToAscii(value.normalize('NFC')).replace(SPACES_RE, ' ').trim();
}

interface ParsedTime {
  time: WallTime;
  zoneMin: number | null;
}

function parseTime(m: RegExpExecArray): ParsedTime | DateTimeFail {
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  const marker = (m[4] ?? '').toLowerCase().replace(/[\s.]/g, '');
  const shown = m[0].trim();
  if (marker === 'am' || marker === 'pm') {
    if (h < 1 || h > 12) {
      return fail('invalid_time', `เวลา ${shown} ไม่ถูกต้อง`, `Invalid 12-hour time ${shown}`);
    }
    h = (h % 12) + (marker === 'pm' ? 12 : 0);
  }
  if (h > 23 || mi > 59 || s > 59) {
    return fail(
      'invalid_time',
      `เวลา ${shown} ไม่ถูกต้อง (ชั่วโมง 0-23 นาที 0-59)`,
      `Invalid time ${shown} (hours 0-23, minutes 0-59)`,
    );
  }
  let zoneMin: number | null = null;
  const zone = m[5];
  if (zone !== undefined) {
    if (zone.toLowerCase() === 'z') zoneMin = 0;
    else {
      const digits = zone.slice(1).replace(':', '');
      const zh = Number(digits.slice(0, 2));
      const zm = digits.length > 2 ? Number(digits.slice(2)) : 0;
      if (zh > 14 || zm > 59) {
        return fail('invalid_time', `เขตเวลา ${zone} ไม่ถูกต้อง`, `Invalid time zone offset ${zone}`);
      }
      zoneMin = (zone.startsWith('-') ? -1 : 1) * (zh * 60 + zm);
    }
  }
  return { time: { h, mi, s, withSeconds: m[3] !== undefined }, zoneMin };
}

/** 4-digit year: >= 2400 is BE. `era` forces the reading; a contradiction is an error. */
function resolveYear(raw: string, era: Era, thaiMonth: boolean, given: string): number | DateTimeFail {
  const n = Number(raw);
  if (raw.length === 2) {
    if (thaiMonth || era === 'be') return 2500 + n - BE_OFFSET;
    return fail(
      'two_digit_year',
      `ปีสองหลักใช้ได้เฉพาะกับชื่อเดือนภาษาไทย (เช่น ก.ย. 65) กรุณาใช้ปีสี่หลัก (${given})`,
      `Two-digit years are only read next to a Thai month name (e.g. ก.ย. 65); use four digits (${given})`,
    );
  }
  if (raw.length !== 4) return FAIL_UNRECOGNIZED();
  if (era === 'ce') {
    if (n >= BE_THRESHOLD) {
      return fail(
        'invalid_date',
        `ระบุ ค.ศ. แต่ปี ${n} เป็นปี พ.ศ. (${given})`,
        `Marked CE but ${n} is a BE year (${given})`,
      );
    }
    return n;
  }
  if (era === 'be' && n < BE_THRESHOLD) {
    return fail(
      'invalid_date',
      `ระบุ พ.ศ. แต่ปี ${n} ไม่ใช่ปี พ.ศ. (${given})`,
      `Marked BE but ${n} is not a BE year (${given})`,
    );
  }
  return n >= BE_THRESHOLD ? n - BE_OFFSET : n;
}

/** Fast path for the commonest form, `YYYY-MM-DD` (CE or BE). */
function fastIso(s: string): [number, number, number] | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d) return null;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let k = 0; k < 10; k++) {
    if (k === 4 || k === 7) continue;
    const c = s.charCodeAt(k) - 0x30;
    if (c < 0 || c > 9) return null;
    if (k < 4) y = y * 10 + c;
    else if (k < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return [y, m, d];
}

/** Longer text is not a date (and would make the regexes below slow). */
const MAX_DATE_TEXT = 100;

function parseText(input: string, options: DateParseOptions, limits: Limits): DateTimeResult {
  if (input.length > 4 * MAX_DATE_TEXT) return FAIL_UNRECOGNIZED();
  const s = clean(input);
  if (s === '') return FAIL_BLANK();
  if (s.length > MAX_DATE_TEXT) return FAIL_UNRECOGNIZED();
  const given = s;

  const iso = fastIso(s);
  if (iso !== null) {
    const [y, m, d] = iso;
    return finish(y >= BE_THRESHOLD ? y - BE_OFFSET : y, m, d, null, null, false, limits, given);
  }

  if (BARE_NUMBER_RE.test(s)) {
    if (options.numericStringsAsSerial === true) return parseExcelSerial(Number(s), options);
    return fail(
      'bare_number',
      `"${s}" เป็นตัวเลข ไม่ใช่วันที่ (ถ้าเป็นเลขวันที่ของ Excel ให้จัดรูปแบบเซลล์เป็นวันที่ก่อนส่งออก)`,
      `"${s}" is a number, not a date (if it is an Excel date number, format the cells as dates before exporting)`,
    );
  }

  // Split off a trailing time.
  let datePart = s;
  let time: WallTime | null = null;
  let zoneMin: number | null = null;
  const tm = TIME_RE.exec(s);
  if (tm !== null) {
    const parsed = parseTime(tm);
    if ('ok' in parsed) return parsed;
    time = parsed.time;
    zoneMin = parsed.zoneMin;
    datePart = s.slice(0, tm.index).replace(/[\s,]+$/, '');
    if (datePart === '') {
      return fail('unrecognized', `มีแต่เวลา ไม่มีวันที่ (${given})`, `A time without a date (${given})`);
    }
  }

  // ISO-like, year first.
  let m = YMD_RE.exec(datePart);
  if (m !== null) {
    const y = Number(m[1]);
    return finish(
      y >= BE_THRESHOLD ? y - BE_OFFSET : y,
      Number(m[3]),
      Number(m[4]),
      time,
      zoneMin,
      false,
      limits,
      given,
    );
  }
  m = YM_RE.exec(datePart);
  if (m !== null && time === null) {
    const y = Number(m[1]);
    return finish(y >= BE_THRESHOLD ? y - BE_OFFSET : y, Number(m[2]), 1, null, null, true, limits, given);
  }

  // Numeric, day first (or month first when asked).
  m = NUMERIC_DATE_RE.exec(datePart);
  if (m !== null) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const yearRaw = m[4] ?? '';
    const y = resolveYear(yearRaw, null, false, given);
    if (typeof y !== 'number') return y;
    const mdy = options.dateOrder === 'mdy';
    const day = mdy ? b : a;
    const month = mdy ? a : b;
    if (!mdy && month > 12 && day <= 12) {
      return fail(
        'month_first_suspected',
        `ไม่มีเดือนที่ ${month}: ไฟล์นี้อาจเขียนเดือนก่อนวัน (ด/ว/ป) ถ้าใช่ ให้เลือกลำดับ "เดือน/วัน/ปี" ตอนนำเข้า (${given})`,
        `There is no month ${month}: this file may write the month first (m/d/y); if so, choose that date order in the import (${given})`,
      );
    }
    return finish(y, month, day, time, zoneMin, false, limits, given);
  }
  m = MY_RE.exec(datePart);
  if (m !== null && time === null) {
    const y = resolveYear(m[2] ?? '', null, false, given);
    if (typeof y !== 'number') return y;
    return finish(y, Number(m[1]), 1, null, null, true, limits, given);
  }

  // Month names.
  const named = datePart.replace(THAI_WEEKDAY_RE, '').replace(EN_WEEKDAY_RE, '');
  m = DAY_MONTH_YEAR_RE.exec(named);
  if (m !== null) {
    const mt = lookupMonth(m[2] ?? '');
    if (mt !== null) {
      const y = resolveYear(m[3] ?? '', mt.era, mt.thai, given);
      if (typeof y !== 'number') return y;
      return finish(y, mt.month, Number(m[1]), time, zoneMin, false, limits, given);
    }
  }
  m = MONTH_DAY_YEAR_RE.exec(named);
  if (m !== null) {
    const mt = lookupMonth(m[1] ?? '');
    if (mt !== null) {
      const y = resolveYear(m[3] ?? '', mt.era, mt.thai, given);
      if (typeof y !== 'number') return y;
      return finish(y, mt.month, Number(m[2]), time, zoneMin, false, limits, given);
    }
  }
  m = MONTH_YEAR_RE.exec(named);
  if (m !== null && time === null) {
    const mt = lookupMonth(m[1] ?? '');
    if (mt !== null) {
      const y = resolveYear(m[2] ?? '', mt.era, mt.thai, given);
      if (typeof y !== 'number') return y;
      return finish(y, mt.month, 1, null, null, true, limits, given);
    }
  }
  return FAIL_UNRECOGNIZED();
}

/**
 * Parses a date, date-time or month. A number is an Excel serial (1900 system unless
 * `date1904`); a string is text in any accepted form (see the top of this file).
 */
export function parseDateTime(value: string | number, options: DateParseOptions = {}): DateTimeResult {
  if (typeof value === 'number') return parseExcelSerial(value, options);
  const limits = { minYear: options.minYear ?? 1900, maxYear: options.maxYear ?? 2200 };
  return parseText(value, options, limits);
}

export interface TimeOfDayOk {
  readonly ok: true;
  /** 'HH:MM', or 'HH:MM:SS' when seconds were given (or are non-zero in an Excel fraction). */
  readonly time: string;
  /** Seconds since midnight. */
  readonly seconds: number;
}

export type TimeOfDayResult = TimeOfDayOk | DateTimeFail;

/**
 * A time in its own column ("21.30 น.", "21:30", "9:30 PM", or an Excel time cell: the fraction
 * of a day, rounded to the nearest second). A zone suffix is not accepted here.
 */
export function parseTimeOfDay(value: string | number): TimeOfDayResult {
  let h: number;
  let mi: number;
  let sec: number;
  let withSeconds: boolean;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || value >= 1) {
      return fail(
        'invalid_time',
        'เวลาแบบตัวเลขของ Excel ต้องอยู่ระหว่าง 0 ถึง 1',
        'An Excel time must be a fraction of a day (0 to 1)',
      );
    }
    const total = Math.round(value * 86_400) % 86_400;
    h = Math.floor(total / 3600);
    mi = Math.floor((total % 3600) / 60);
    sec = total % 60;
    withSeconds = sec !== 0;
  } else {
    const s = clean(value.length > 4 * MAX_DATE_TEXT ? value.slice(0, 4 * MAX_DATE_TEXT) : value);
    if (s === '') return fail('blank', 'ไม่มีเวลา', 'No time given');
    const m = s.length > MAX_DATE_TEXT ? null : TIME_ONLY_RE.exec(s);
    if (m === null || m[5] !== undefined) {
      return fail(
        'invalid_time',
        `อ่านเวลา "${s}" ไม่ได้ (ตัวอย่าง: 21.30 น., 21:30)`,
        `Unrecognised time "${s}" (e.g. 21:30, 21.30 น.)`,
      );
    }
    const parsed = parseTime(m);
    if ('ok' in parsed) return parsed;
    ({ h, mi, s: sec, withSeconds } = parsed.time);
  }
  const hhmm = `${pad2(h)}:${pad2(mi)}`;
  return { ok: true, time: withSeconds ? `${hhmm}:${pad2(sec)}` : hhmm, seconds: h * 3600 + mi * 60 + sec };
}

/** Puts a separately parsed time on a date (e.g. columns วันที่เกิดเหตุ + เวลาเกิดเหตุ). */
export function combineDateAndTime(date: DateTimeOk, time: TimeOfDayOk): DateTimeOk {
  if (date.monthOnly === true) return date;
  const midnight = date.utcMillis - ((((date.utcMillis + BANGKOK_OFFSET_MIN * MINUTE) % DAY) + DAY) % DAY);
  return { ok: true, date: date.date, time: time.time, month: date.month, utcMillis: midnight + time.seconds * 1000 };
}

/** 'YYYY-MM' of an instant, in Bangkok (for bucketing; never the host's zone). */
export function bangkokMonth(utcMillis: number): string {
  const t = new Date(utcMillis + BANGKOK_OFFSET_MIN * MINUTE);
  return `${pad4(t.getUTCFullYear())}-${pad2(t.getUTCMonth() + 1)}`;
}
