import { describe, expect, it } from 'vitest';
import {
  addMonths,
  bangkokDate,
  bangkokMonth,
  beToCe,
  calendarYearRange,
  ceToBe,
  fiscalYearOfMonth,
  fiscalYearRange,
  formatFiscalYear,
  formatMonthEn,
  formatMonthTh,
  lastCompleteMonth,
  monthFromIndex,
  monthIndex,
  monthsBetween,
  monthsInRange,
  monthStartDate,
  resolvePeriod,
  toMonthKey,
} from '../../../server/contracts/calendar.ts';

describe('month keys and indexes', () => {
  it('indexes a month as year * 12 + month - 1 and back', () => {
    expect(monthIndex('2022-07')).toBe(2022 * 12 + 6);
    expect(monthFromIndex(2022 * 12 + 6)).toBe('2022-07');
    for (let index = 2000 * 12; index < 2040 * 12; index++) expect(monthIndex(monthFromIndex(index))).toBe(index);
  });

  it('rejects what is not YYYY-MM', () => {
    for (const bad of ['2022-13', '2022-00', '2022-7', '22-07', '2022/07', '']) {
      expect(() => monthIndex(bad)).toThrow(RangeError);
    }
  });

  it('does month arithmetic across year ends', () => {
    expect(addMonths('2022-11', 3)).toBe('2023-02');
    expect(addMonths('2022-01', -1)).toBe('2021-12');
    expect(addMonths('2022-07', -12)).toBe('2021-07');
    expect(monthsBetween('2021-07', '2022-06')).toBe(11);
    expect(monthsInRange({ from: '2022-11', to: '2023-02' })).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
    expect(monthsInRange({ from: '2023-02', to: '2022-11' })).toEqual([]);
  });

  it('reads the month of SQL DATE strings', () => {
    expect(toMonthKey('2022-07-16')).toBe('2022-07');
    expect(toMonthKey('2022-07-01 00:00:00')).toBe('2022-07');
    expect(toMonthKey('2022-07')).toBe('2022-07');
    expect(() => toMonthKey('16/7/2565')).toThrow(RangeError);
    expect(monthStartDate('2022-07')).toBe('2022-07-01');
  });
});

describe('bangkokMonth', () => {
  it('runs under TZ=UTC, so nothing below can lean on the host zone', () => {
    expect(process.env.TZ).toBe('UTC');
    expect(new Date('2021-05-31T17:30:00Z').getMonth()).toBe(4); // host (UTC) says May...
  });

  it('puts 23:30 on 31 May Bangkok time (16:30Z) in May', () => {
    expect(bangkokMonth(new Date('2021-05-31T16:30:00Z'))).toBe('2021-05');
    expect(bangkokDate(new Date('2021-05-31T16:30:00Z'))).toBe('2021-05-31');
  });

  it('puts 00:30 on 1 June Bangkok time (17:30Z on 31 May) in June', () => {
    expect(bangkokMonth(new Date('2021-05-31T17:30:00Z'))).toBe('2021-06'); // ...Bangkok says June
    expect(bangkokDate(new Date('2021-05-31T17:30:00Z'))).toBe('2021-06-01');
  });

  it('switches exactly at 17:00Z, including across a year end', () => {
    expect(bangkokMonth(new Date('2021-12-31T16:59:59.999Z'))).toBe('2021-12');
    expect(bangkokMonth(new Date('2021-12-31T17:00:00Z'))).toBe('2022-01');
  });

  it('gives the same answer for the same instant written with an offset', () => {
    expect(bangkokMonth(new Date('2021-06-01T00:30:00+07:00'))).toBe('2021-06');
  });

  it('rejects an invalid date', () => {
    expect(() => bangkokMonth(new Date('not a date'))).toThrow(RangeError);
  });

  it('never counts the current month as complete', () => {
    expect(lastCompleteMonth(new Date('2024-03-15T05:00:00Z'))).toBe('2024-02');
    expect(lastCompleteMonth(new Date('2024-02-29T17:00:00Z'))).toBe('2024-02'); // already 1 March in Bangkok
  });
});

describe('Buddhist Era and fiscal years', () => {
  it('converts BE = CE + 543', () => {
    expect(ceToBe(2021)).toBe(2564);
    expect(beToCe(2566)).toBe(2023);
  });

  it('labels fiscal years in BE: FY2566 = Oct 2022 .. Sep 2023', () => {
    expect(fiscalYearRange(2566)).toEqual({ from: '2022-10', to: '2023-09' });
    expect(fiscalYearRange(2565)).toEqual({ from: '2021-10', to: '2022-09' }); // domain.md
    expect(fiscalYearOfMonth('2022-10')).toBe(2566);
    expect(fiscalYearOfMonth('2023-09')).toBe(2566);
    expect(fiscalYearOfMonth('2022-09')).toBe(2565);
    expect(fiscalYearOfMonth('2023-01')).toBe(2566);
  });

  it('resolves the period presets', () => {
    const today = new Date('2024-03-15T05:00:00Z');
    expect(resolvePeriod({ kind: 'fiscal_year', fiscalYearBe: 2566 }, today)).toEqual({
      from: '2022-10',
      to: '2023-09',
    });
    expect(resolvePeriod({ kind: 'calendar_year', yearCe: 2022 }, today)).toEqual(calendarYearRange(2022));
    expect(calendarYearRange(2022)).toEqual({ from: '2022-01', to: '2022-12' });
    expect(resolvePeriod({ kind: 'last_12_months' }, today)).toEqual({ from: '2023-03', to: '2024-02' });
    // 18:00Z on 31 Jan is 1 Feb in Bangkok: January is then complete.
    expect(resolvePeriod({ kind: 'last_12_months' }, new Date('2024-01-31T18:00:00Z'))).toEqual({
      from: '2023-02',
      to: '2024-01',
    });
    expect(resolvePeriod({ kind: 'since_start' }, today)).toBeUndefined();
  });
});

describe('display', () => {
  it('formats months in Thai with BE years and in English with CE years', () => {
    expect(formatMonthTh('2022-07')).toBe('ก.ค. 2565');
    expect(formatMonthTh('2022-07', 'long')).toBe('กรกฎาคม 2565');
    expect(formatMonthTh('2021-01')).toBe('ม.ค. 2564');
    expect(formatMonthTh('2021-12', 'long')).toBe('ธันวาคม 2564');
    expect(formatMonthEn('2022-07')).toBe('Jul 2022');
  });

  it('labels fiscal years', () => {
    expect(formatFiscalYear(2566, 'th')).toBe('ปีงบประมาณ 2566');
    expect(formatFiscalYear(2566, 'en')).toBe('FY 2566 (Oct 2022 – Sep 2023)');
  });
});
