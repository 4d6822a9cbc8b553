import { describe, expect, it } from 'vitest';
import { parseCount, parseLatitude, parseNumber, parseWeight } from '../../../../server/importers/parse/numbers.ts';

const value = (r: ReturnType<typeof parseNumber>) => (r.ok ? r.value : r.reason.code);

describe('parseNumber', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['1,234,567.25', 1234567.25],
    ['๑,๒๓๔', 1234],
    ['๑๒.๕', 12.5],
    [' 42 ', 42],
    ['+7', 7],
    ['-3.5', -3.5],
    ['.5', 0.5],
    ['1.2E+05', 120000],
    ['1 234', 1234],
    ['-0', 0],
    [17, 17],
  ] as const)('%j -> %j', (input, expected) => {
    expect(value(parseNumber(input))).toBe(expected);
  });

  it.each([
    ['', 'blank'],
    ['   ', 'blank'],
    ['abc', 'not_a_number'],
    ['12a', 'not_a_number'],
    ['1,23', 'bad_grouping'],
    ['12,34', 'bad_grouping'],
    ['1,2345', 'bad_grouping'],
    ['1.2.3', 'not_a_number'],
    ['NaN', 'not_a_number'],
    ['Infinity', 'not_a_number'],
    [Number.NaN, 'not_a_number'],
  ] as const)('%j is rejected as %s', (input, code) => {
    expect(value(parseNumber(input))).toBe(code);
  });

  it('reads decimal commas only when told', () => {
    expect(value(parseNumber('1,5', { decimalSeparator: ',' }))).toBe(1.5);
    expect(value(parseNumber('1.234,5', { decimalSeparator: ',' }))).toBe(1234.5);
  });

  it('strips currency marks only when told', () => {
    expect(value(parseNumber('฿1,000'))).toBe('not_a_number');
    expect(value(parseNumber('฿1,000', { currency: true }))).toBe(1000);
    expect(value(parseNumber('1,000,000 บาท', { currency: true }))).toBe(1_000_000);
  });

  it('validates with reasons in Thai and English', () => {
    const r = parseNumber('-1', { nonNegative: true });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.code).toBe('negative');
      expect(r.reason.th).toContain('ติดลบ');
      expect(r.reason.en).toContain('negative');
    }
    expect(value(parseNumber('2.5', { integer: true }))).toBe('not_integer');
    expect(value(parseNumber('12.0', { integer: true }))).toBe(12);
    expect(value(parseNumber('0', { positive: true }))).toBe('not_positive');
    expect(value(parseNumber('5', { min: 10 }))).toBe('below_min');
    expect(value(parseNumber('50', { max: 10 }))).toBe('above_max');
  });

  it('has helpers for counts, weights and coordinates', () => {
    expect(value(parseCount('1,234'))).toBe(1234);
    expect(value(parseCount('-2'))).toBe('negative');
    expect(value(parseCount('2.5'))).toBe('not_integer');
    expect(value(parseWeight('0'))).toBe('not_positive');
    expect(value(parseWeight('0.75'))).toBe(0.75);
    expect(value(parseLatitude('100.47'))).toBe('above_max');
    expect(value(parseLatitude('๗.๐๐๖'))).toBe(7.006);
  });
});
