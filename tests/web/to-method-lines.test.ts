import { describe, expect, test } from 'vitest';
import { toMethodLines } from '../../web/features/kpi/to-method-lines.ts';
import { humanizeName, METHOD_KEYS } from '../../web/i18n/method-words.ts';
import { figureMethod } from '../../server/contracts/kpi-methods.ts';
import { crimeKpi, KPI_METHODS, surveyMethod } from './fixtures.ts';

/** A zone's crime figure's whole method: the shared one with its L and covered months. */
const crimeFigureMethod = () => figureMethod(KPI_METHODS, crimeKpi()) ?? {};

describe('toMethodLines', () => {
  test('every rule and parameter the API sent, in words', () => {
    const lines = toMethodLines(surveyMethod(), 'en');
    expect(lines).toContainEqual({ key: 'rule', label: 'Rule', value: 'Top two levels of the scale' });
    expect(lines).toContainEqual({ key: 'countsLevels', label: 'Answer levels counted', value: '4, 5' });
    expect(lines).toContainEqual({ key: 'minimumSample', label: 'Minimum sample', value: '30' });
    expect(lines).toHaveLength(Object.values(surveyMethod()).filter((v) => v !== null).length);
  });

  test('where a rule came from, and the rules of a figure pooling answers under different ones', () => {
    const method = {
      ...surveyMethod(),
      rule: 'mixed_rules' as const,
      denominator: 'mixed' as const,
      countsFrom: 'mixed' as const,
      codebook: 'Afrobarometer R9',
      rulesPooled: [
        {
          countsLevels: [3, 4],
          scaleLevels: 4,
          denominator: 'all' as const,
          countsFrom: 'codebook' as const,
          denominatorFrom: 'codebook' as const,
          codebook: 'Afrobarometer R9',
          respondents: 2400,
        },
        {
          countsLevels: [4, 5],
          scaleLevels: 5,
          denominator: 'valid' as const,
          countsFrom: 'setting' as const,
          denominatorFrom: 'setting' as const,
          codebook: null,
          respondents: 40,
        },
      ],
    };
    const lines = toMethodLines(method, 'en');
    expect(lines).toContainEqual({ key: 'rule', label: 'Rule', value: 'answers pooled under different rules' });
    expect(lines).toContainEqual({ key: 'codebook', label: "Survey's codebook", value: 'Afrobarometer R9' });
    expect(lines).toContainEqual({
      key: 'rulesPooled',
      label: 'Rules of the pooled answers',
      value:
        'codebook "Afrobarometer R9": levels 3, 4 of 4, All respondents (n = 2,400); the programme\'s setting: levels 4, 5 of 5, Valid answers (n = 40)',
    });
    expect(toMethodLines({ countsFrom: 'override' }, 'th')).toEqual([
      { key: 'countsFrom', label: 'ระดับที่นับ กำหนดโดย', value: 'ค่าที่ตั้งของโครงการ (ใช้แทน codebook)' },
    ]);
  });

  test('month ranges in the reader’s calendar', () => {
    const lines = toMethodLines(crimeFigureMethod(), 'th');
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
    const lines = toMethodLines({ ...crimeFigureMethod(), coveredMonths: null }, 'th');
    expect(lines.map((l) => l.key)).not.toContain('coveredMonths');
  });

  test('rollups: L is zone-months summed over the pooled zones', () => {
    const method = { ...crimeFigureMethod(), L: 856, pooledZones: 25, coveredMonths: null };
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
    const sent = [...Object.keys(surveyMethod()), ...Object.keys(crimeFigureMethod()), 'pooledZones', 'startMonth'];
    for (const lang of ['th', 'en'] as const) {
      for (const key of sent) expect(METHOD_KEYS[lang][key], `${lang} ${key}`).toBeDefined();
    }
  });
});
