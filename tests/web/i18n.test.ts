import { describe, expect, test } from 'vitest';
import { partnerTotals } from '../../web/features/zone/to-partner-totals.ts';
import { en, interpolate, th } from '../../web/i18n/messages.ts';
import { translator } from '../../web/i18n/use-t.tsx';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  test('English has every Thai key and no other', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(th).sort());
  });

  test('both languages use the same placeholders', () => {
    for (const key of Object.keys(th) as (keyof typeof th)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(th[key]));
    }
  });

  test('interpolate fills known names and leaves unknown ones visible', () => {
    expect(interpolate('{k} จาก {n}', { k: 3, n: 5 })).toBe('3 จาก 5');
    expect(interpolate('{k} of {n}', { k: 3 })).toBe('3 of {n}');
  });

  test('English plurals: {n|one|other} picks by the number', () => {
    expect(interpolate('{n} {n|zone|zones}', { n: 1 })).toBe('1 zone');
    expect(interpolate('{n} {n|zone|zones}', { n: '3' })).toBe('3 zones');
    expect(interpolate('{n} {n|zone|zones}', { n: '0' })).toBe('0 zones');
    expect(interpolate('{n} {n|zone|zones}', {})).toBe('{n} {n|zone|zones}');
    expect(translator('en')('figure.zoneCount', { n: '1' })).toBe('1 zone');
    expect(translator('en')('overview.scopeZones', { n: '1' })).toBe('Summary of your zones (1 zone)');
    expect(translator('th')('figure.zoneCount', { n: '1' })).toBe('1 พื้นที่');
  });

  test('plural choices name a placeholder the message also fills', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const choices = [...en[key].matchAll(/\{(\w+)\|[^|{}]*\|[^|{}]*\}/g)].map((m) => m[1]);
      for (const name of choices) expect(placeholders(en[key]), key).toContain(name);
    }
  });

  test('an unknown key shows as itself', () => {
    expect(translator('en')('no.such.key' as never)).toBe('no.such.key');
  });
});

test('partner totals keep unknown as unknown', () => {
  expect(
    partnerTotals([
      { cctv: 12, volunteers: null, vehicles: 0, budgetThb: 150_000 },
      { cctv: 18, volunteers: null, vehicles: 1, budgetThb: null },
    ]),
  ).toEqual({ cctv: 30, volunteers: null, vehicles: 1, budgetThb: 150_000 });
});
