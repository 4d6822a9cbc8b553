import { describe, expect, test } from 'vitest';
import { toMethodLines } from '../../web/features/kpi/to-method-lines.ts';
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

  test('unknown keys and values are shown as sent', () => {
    expect(toMethodLines({ newRule: 'fancy', nested: { a: 1 } }, 'en')).toEqual([
      { key: 'newRule', label: 'newRule', value: 'fancy' },
      { key: 'nested', label: 'nested', value: '{"a":1}' },
    ]);
    expect(toMethodLines(null, 'en')).toEqual([]);
  });
});
