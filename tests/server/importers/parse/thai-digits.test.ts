import { describe, expect, it } from 'vitest';
import { hasThaiDigits, thaiDigitsToAscii } from '../../../../server/importers/parse/thai-digits.ts';

describe('thaiDigitsToAscii', () => {
  it('converts every Thai digit', () => {
    expect(thaiDigitsToAscii('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
  });
  it('leaves everything else alone, mixed text included', () => {
    expect(thaiDigitsToAscii('วันที่ ๖/5/๒๕๖๔ เวลา ๒๑.๓๐ น.')).toBe('วันที่ 6/5/2564 เวลา 21.30 น.');
    expect(thaiDigitsToAscii('สภ.หาดใหญ่ 123')).toBe('สภ.หาดใหญ่ 123');
  });
  it('returns the same string when there is nothing to do', () => {
    const s = 'plain 123';
    expect(thaiDigitsToAscii(s)).toBe(s);
    expect(hasThaiDigits(s)).toBe(false);
    expect(hasThaiDigits('๑')).toBe(true);
  });
});
