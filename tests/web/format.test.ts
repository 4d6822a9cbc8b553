import { describe, expect, test } from 'vitest';
import {
  formatCalendarYear,
  formatDate,
  formatFiscalYear,
  formatInterval,
  formatMonth,
  formatMonthRange,
  formatMonthTick,
  formatNumber,
  formatPercent,
  formatRatio,
  formatSigned,
  formatSignedIndex,
  formatSignedPercent,
  formatWave,
} from '../../web/i18n/format.ts';

describe('months and dates', () => {
  test('Thai shows Buddhist-Era years, English CE', () => {
    expect(formatMonth('2022-07', 'th')).toBe('ก.ค. 2565');
    expect(formatMonth('2022-07', 'en')).toBe('Jul 2022');
    expect(formatMonth('2022-07', 'th', 'long')).toBe('กรกฎาคม 2565');
    expect(formatMonthTick('2022-07', 'th')).toBe('ก.ค. 65');
  });

  test('month edges stay in their month whatever the host zone (tests run in UTC)', () => {
    expect(formatMonth('2024-01', 'th')).toBe('ม.ค. 2567');
    expect(formatMonth('2023-12', 'en')).toBe('Dec 2023');
  });

  test('a calendar date is a Bangkok date', () => {
    expect(formatDate('2022-07-16', 'th')).toBe('16 ก.ค. 2565');
    expect(formatDate('2022-07-16', 'en')).toBe('16 Jul 2022');
    expect(formatDate('2021-04-01', 'th', 'long')).toBe('1 เมษายน 2564');
    // 23:30 UTC on 31 Dec is already 1 Jan in Bangkok.
    expect(formatDate('2023-12-31T23:30:00Z', 'en')).toBe('1 Jan 2024');
  });

  test('ranges and years', () => {
    expect(formatMonthRange('2022-10', '2023-09', 'th')).toBe('ต.ค. 2565 – ก.ย. 2566');
    expect(formatMonthRange('2022-10', '2022-10', 'en')).toBe('Oct 2022');
    expect(formatFiscalYear(2567, 'th')).toBe('ปีงบประมาณ 2567');
    expect(formatFiscalYear(2567, 'en')).toBe('Fiscal year 2024');
    expect(formatCalendarYear(2024, 'th')).toBe('พ.ศ. 2567');
  });

  test('missing or malformed values show a dash', () => {
    expect(formatMonth(null, 'th')).toBe('–');
    expect(formatMonth('2022-13', 'th')).toBe('–');
    expect(formatDate('', 'en')).toBe('–');
    expect(formatDate('not a date', 'en')).toBe('–');
  });
});

describe('numbers', () => {
  test('grouping and Western digits in both languages', () => {
    expect(formatNumber(10607, 'th')).toBe('10,607');
    expect(formatNumber(0.3, 'en', 2)).toBe('0.3');
  });

  test('percentages on the 0-100 scale', () => {
    expect(formatPercent(37.44, 'th')).toBe('37.4%');
    expect(formatPercent(40, 'en', 0)).toBe('40%');
    expect(formatPercent(null, 'en')).toBe('–');
    expect(formatPercent(Number.NaN, 'en')).toBe('–');
  });

  test('signed changes use a true minus and no sign for zero', () => {
    expect(formatSignedPercent(-20.83, 'th')).toBe('\u221220.8%');
    expect(formatSignedPercent(3, 'en')).toBe('+3.0%');
    expect(formatSigned(-0.04, 'en')).toBe('0.0');
    expect(formatSignedPercent(null, 'en')).toBe('–');
  });
});

describe('intervals read as words, not a dash that looks like a minus', () => {
  test('two negative bounds (the meeting slide read "−37.7% – −25.6%")', () => {
    const low = formatSignedPercent(-37.74, 'en');
    const high = formatSignedPercent(-25.61, 'en');
    expect(formatInterval(low, high, 'en')).toBe('\u221237.7% to \u221225.6%');
    expect(formatInterval(formatSignedPercent(-37.74, 'th'), formatSignedPercent(-25.61, 'th'), 'th')).toBe(
      '\u221237.7% ถึง \u221225.6%',
    );
  });

  test('percent and ratio bounds, and an open upper bound', () => {
    expect(formatInterval(formatPercent(31.2, 'th'), formatPercent(44.1, 'th'), 'th')).toBe('31.2% ถึง 44.1%');
    expect(formatInterval(formatRatio(0.63, 'en'), '∞', 'en')).toBe('0.63 to ∞');
  });
});

describe('ratios never round onto 1 (rate ratios, relative effects)', () => {
  test('two fixed decimals, trailing zeros kept', () => {
    expect(formatRatio(1.18, 'th')).toBe('1.18');
    expect(formatRatio(0.7, 'en')).toBe('0.70');
    expect(formatRatio(2, 'en')).toBe('2.00');
    expect(formatRatio(1.39, 'en')).toBe('1.39');
  });

  test('a bound that would print as 1.00 without being 1 gets 3 decimals (or more)', () => {
    expect(formatRatio(1.0025, 'th')).toBe('1.003');
    expect(formatRatio(0.9978, 'en')).toBe('0.998');
    expect(formatRatio(1.0004, 'en')).toBe('1.0004');
    expect(formatRatio(0.99996, 'en')).toBe('0.99996');
    expect(formatRatio(1, 'en')).toBe('1.00');
  });

  test('missing values show a dash', () => {
    expect(formatRatio(null, 'en')).toBe('–');
    expect(formatRatio(Number.POSITIVE_INFINITY, 'en')).toBe('–');
  });
});

describe('signed indices never round onto 0 (WDQ)', () => {
  test('two fixed decimals with a sign; 3 when they would read 0.00', () => {
    expect(formatSignedIndex(0.0643, 'en')).toBe('+0.06');
    expect(formatSignedIndex(-0.5, 'th')).toBe('\u22120.50');
    expect(formatSignedIndex(0.0025, 'en')).toBe('+0.003');
    expect(formatSignedIndex(-0.004, 'en')).toBe('\u22120.004');
    expect(formatSignedIndex(0, 'en')).toBe('0.00');
    expect(formatSignedIndex(null, 'en')).toBe('–');
  });
});

describe('survey wave labels', () => {
  test('the data’s "baseline" wave reads in Thai; other labels as they are', () => {
    expect(formatWave('baseline', 'th')).toBe('ก่อนเริ่มโครงการ (baseline)');
    expect(formatWave('baseline', 'th', 'short')).toBe('ก่อนเริ่ม');
    expect(formatWave('baseline', 'en')).toBe('baseline');
    expect(formatWave('2567-Q3', 'th')).toBe('2567-Q3');
    // English speaks CE, Thai BE, whichever era the data's label was written in.
    expect(formatWave('2567-Q3', 'en')).toBe('2024-Q3');
    expect(formatWave('2567-Q3', 'en', 'short')).toBe('2024-Q3');
    expect(formatWave('2024-06', 'th')).toBe('2567-06');
    expect(formatWave('2024-06', 'en')).toBe('2024-06');
    expect(formatWave('2567', 'en')).toBe('2024');
    // Not a year: left as it is.
    expect(formatWave('12345-Q1', 'en')).toBe('12345-Q1');
    expect(formatWave('wave 2567', 'en')).toBe('wave 2567');
    expect(formatWave('0001-Q1', 'th')).toBe('0001-Q1');
  });
});
