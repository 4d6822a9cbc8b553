import { describe, expect, test } from 'vitest';
import { toMethodLines } from '../../web/features/kpi/to-method-lines.ts';
import { humanizeName, METHOD_KEYS } from '../../web/i18n/method-words.ts';
import { crimeKpi, surveyKpi } from './fixtures.ts';

describe('toMethodLines', () => {
  test('every rule and parameter the API sent, in words', () => {
    const lines = toMethodLines(surveyKpi().method, 'en');
    expect(lines).toContainEqual({ key: 'rule', label: 'Rule', value: 'Top two levels of the scale' });
    expect(lines).toContainEqual({ key: 'countsLevels', label: 'Answer levels counted', value: '4, 5' });
    expect(lines).toContainEqual({ key: 'minimumSample', label: 'Minimum sample', value: '30' });
    expect(lines).toHaveLength(Object.keys(surveyKpi().method).length);
  });

  test('month ranges in the reader’s calendar', () => {
    const lines = toMethodLines(crimeKpi().method, 'th');
    expect(lines).toContainEqual({ key: 'coveredMonths', label: 'เดือนที่มีข้อมูล', value: 'ม.ค. 2563 – มิ.ย. 2567' });
    expect(lines).toContainEqual({ key: 'period', label: 'ช่วงเวลา', value: 'ตั้งแต่เริ่มโครงการ' });
  });

  test('unknown keys read as words, never camelCase; unknown identifiers too; other values as sent', () => {
    expect(toMethodLines({ newRule: 'fancy', nested: { a: 1 }, brandNewRule: 'some_new_rule' }, 'th')).toEqual([
      { key: 'newRule', label: 'New rule', value: 'fancy' },
      { key: 'nested', label: 'Nested', value: '{"a":1}' },
      { key: 'brandNewRule', label: 'Brand new rule', value: 'Some new rule' },
    ]);
    expect(toMethodLines(null, 'en')).toEqual([]);
    expect(humanizeName('pooledZones')).toBe('Pooled zones');
    expect(humanizeName('L')).toBe('L');
    expect(humanizeName('Bowers and Johnson (2003)')).toBe('Bowers and Johnson (2003)');
  });

  test('a parameter sent as null does not apply: no line, not a dash', () => {
    const lines = toMethodLines({ ...crimeKpi().method, coveredMonths: null }, 'th');
    expect(lines.map((l) => l.key)).not.toContain('coveredMonths');
  });

  test('rollups: L is zone-months summed over the pooled zones', () => {
    const method = { ...crimeKpi().method, L: 856, pooledZones: 25, coveredMonths: null };
    expect(toMethodLines(method, 'th', { pooled: true })).toContainEqual({
      key: 'L',
      label: 'เดือน-พื้นที่ (รวมทุกพื้นที่)',
      value: '856',
    });
    expect(toMethodLines(method, 'en', { pooled: true })).toContainEqual({
      key: 'pooledZones',
      label: 'Zones pooled',
      value: '25',
    });
    expect(toMethodLines(method, 'en').find((l) => l.key === 'L')?.label).toBe('Months after start (L)');
  });

  test('every key the API sends for fear, trust and crime at every level has words in both languages', () => {
    const sent = [...Object.keys(surveyKpi().method), ...Object.keys(crimeKpi().method), 'pooledZones', 'startMonth'];
    for (const lang of ['th', 'en'] as const) {
      for (const key of sent) expect(METHOD_KEYS[lang][key], `${lang} ${key}`).toBeDefined();
    }
  });
});
