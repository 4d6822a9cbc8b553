import { describe, expect, it } from 'vitest';
import {
  bangkokMonth,
  combineDateAndTime,
  type DateTimeOk,
  parseDateTime,
  parseExcelSerial,
  parseTimeOfDay,
} from '../../../../server/importers/parse/dates.ts';
import { fixtureTable } from './helpers.ts';

const BKK = 7 * 3_600_000;

function ok(value: string | number, opts?: Parameters<typeof parseDateTime>[1]): DateTimeOk {
  const r = parseDateTime(value, opts);
  if (!r.ok) throw new Error(`${JSON.stringify(value)}: ${r.reason.en}`);
  return r;
}

describe('every accepted form (tests/fixtures/parse/dates-valid.csv)', () => {
  const cases = fixtureTable('dates-valid.csv');
  it('has cases', () => expect(cases.length).toBeGreaterThan(50));
  it.each(cases)('$form: $input', (c) => {
    const r = ok(c.input ?? '');
    expect(r.date).toBe(c.date);
    expect(r.time).toBe(c.time === '' ? undefined : c.time);
    expect(r.month).toBe(c.month);
    expect(r.monthOnly).toBe(c.monthOnly === 'true' ? true : undefined);
    // utcMillis is the Bangkok wall-clock instant of date + time.
    const wall = Date.parse(
      `${r.date}T${r.time === undefined ? '00:00:00' : r.time.length === 5 ? `${r.time}:00` : r.time}Z`,
    );
    expect(r.utcMillis).toBe(wall - BKK);
  });
});

describe('rejected values (tests/fixtures/parse/dates-invalid.csv)', () => {
  it.each(fixtureTable('dates-invalid.csv'))('$why: $input', (c) => {
    const r = parseDateTime(c.input ?? '');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.code).toBe(c.code);
      expect(r.reason.th.length).toBeGreaterThan(0);
      expect(r.reason.en.length).toBeGreaterThan(0);
    }
  });
});

describe('date order', () => {
  it('is day first by default and month first only when asked', () => {
    expect(ok('03/04/2021').date).toBe('2021-04-03');
    expect(ok('03/04/2021', { dateOrder: 'mdy' }).date).toBe('2021-03-04');
    expect(ok('12/31/2021', { dateOrder: 'mdy' }).date).toBe('2021-12-31');
  });
  it('never silently swaps: 12/31/2021 day first is an error suggesting m/d/y', () => {
    const r = parseDateTime('12/31/2021');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.code).toBe('month_first_suspected');
      expect(r.reason.en).toContain('m/d/y');
    }
  });
});

describe('month boundaries in Asia/Bangkok', () => {
  it('keeps 23:30 on the last day in its month although UTC is still the same day', () => {
    const r = ok('30/09/2564 23.30 น.');
    expect(r.month).toBe('2021-09');
    expect(new Date(r.utcMillis).toISOString()).toBe('2021-09-30T16:30:00.000Z');
    expect(bangkokMonth(r.utcMillis)).toBe('2021-09');
  });
  it('puts 00:30 on the 1st in the new month although UTC is still in the old one', () => {
    const r = ok('1 ต.ค. 2564 00.30 น.');
    expect(r.month).toBe('2021-10');
    expect(new Date(r.utcMillis).toISOString()).toBe('2021-09-30T17:30:00.000Z');
    expect(bangkokMonth(r.utcMillis)).toBe('2021-10');
  });
  it('converts a zoned instant to the Bangkok month', () => {
    expect(ok('2021-09-30T23:30:00+07:00').month).toBe('2021-09');
    expect(ok('2021-09-30T17:30:00Z').month).toBe('2021-10');
    expect(ok('2021-10-01T00:30:00+09:00').month).toBe('2021-09');
  });
});

describe('Excel serial numbers', () => {
  it('reads 44317 as 2021-05-01 00:00 Bangkok', () => {
    const r = ok(44317);
    expect(r).toMatchObject({ date: '2021-05-01', month: '2021-05' });
    expect(r.time).toBeUndefined();
    expect(new Date(r.utcMillis).toISOString()).toBe('2021-04-30T17:00:00.000Z');
  });
  it('keeps midnight on the 1st in its month despite floating-point error', () => {
    for (const serial of [44317 - 1e-9, 44317 - 1e-7, 44317 + 1e-9, 44470 - 2e-6]) {
      const r = ok(serial);
      expect(r.date.endsWith('-01')).toBe(true);
      expect(r.time).toBeUndefined();
    }
    expect(ok(44316.99999).time).toBe('23:59:59'); // a real second before midnight stays
  });
  it('reads the fraction as the time of day, to the nearest second', () => {
    expect(ok(44317.5).time).toBe('12:00');
    expect(ok(44322 + (21 * 60 + 30) / 1440)).toMatchObject({ date: '2021-05-06', time: '21:30' });
    expect(ok(44322 + (21 * 3600 + 30 * 60 + 15) / 86400).time).toBe('21:30:15');
  });
  it('handles the Lotus 1900 leap-year bug', () => {
    expect(ok(1).date).toBe('1900-01-01');
    expect(ok(59).date).toBe('1900-02-28');
    expect(parseExcelSerial(60).ok).toBe(false);
    expect(ok(61).date).toBe('1900-03-01');
    expect(ok(25569).date).toBe('1970-01-01');
  });
  it('uses the 1904 system when the workbook says so', () => {
    expect(ok(0, { date1904: true, minYear: 1900 }).date).toBe('1904-01-01');
    expect(ok(44317 - 1462, { date1904: true }).date).toBe('2021-05-01');
  });
  it('rejects non-dates', () => {
    for (const v of [0, -5, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(parseDateTime(v).ok).toBe(false);
  });
  it('reads a numeric string as a serial only when asked', () => {
    expect(parseDateTime('44317').ok).toBe(false);
    expect(ok('44317', { numericStringsAsSerial: true }).date).toBe('2021-05-01');
  });
});

describe('years', () => {
  it('reads >= 2400 as BE and below as CE', () => {
    expect(ok('1/1/2399', { maxYear: 2500 }).date).toBe('2399-01-01');
    expect(ok('1/1/2543').date).toBe('2000-01-01');
    expect(ok('1/1/2000').date).toBe('2000-01-01');
  });
  it('reads two-digit years with a Thai month as BE', () => {
    expect(ok('ก.ย. 65').month).toBe('2022-09');
    expect(ok('ต.ค. 99').month).toBe('2056-10');
    expect(ok('ม.ค. 00').month).toBe('1957-01');
  });
  it('checks era markers', () => {
    expect(ok('6 พฤษภาคม พ.ศ. 2564').date).toBe('2021-05-06');
    expect(parseDateTime('6 พฤษภาคม พ.ศ. 2021').ok).toBe(false);
  });
  it('respects minYear / maxYear', () => {
    expect(parseDateTime('2021-05-06', { minYear: 2022 }).ok).toBe(false);
    expect(parseDateTime('1/1/1899').ok).toBe(false);
  });
});

describe('parseTimeOfDay and combineDateAndTime', () => {
  it('reads a time column', () => {
    expect(parseTimeOfDay('21.30 น.')).toEqual({ ok: true, time: '21:30', seconds: 77_400 });
    expect(parseTimeOfDay('๒๑:๓๐:๑๕')).toMatchObject({ time: '21:30:15' });
    expect(parseTimeOfDay('9:05 pm')).toMatchObject({ time: '21:05' });
    expect(parseTimeOfDay(0.5)).toMatchObject({ time: '12:00' });
    expect(parseTimeOfDay('25.00 น.').ok).toBe(false);
    expect(parseTimeOfDay('noon').ok).toBe(false);
  });
  it('puts it on a date', () => {
    const d = ok('1 ต.ค. 2564');
    const t = parseTimeOfDay('00.30 น.');
    if (!t.ok) throw new Error('time');
    const r = combineDateAndTime(d, t);
    expect(r).toMatchObject({ date: '2021-10-01', time: '00:30', month: '2021-10' });
    expect(r.utcMillis).toBe(ok('2021-10-01 00:30').utcMillis);
  });
});

describe('host time zone', () => {
  it('runs under TZ=UTC (vitest.config) and never reads the host zone', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0);
  });
});
