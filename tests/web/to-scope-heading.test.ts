import { describe, expect, test } from 'vitest';
import { scopeHeading } from '../../web/features/overview/to-scope-heading.ts';
import { en, th, zoneSummary } from './fixtures.ts';

const hatYai = (id: string, nameTh: string) =>
  zoneSummary({
    id,
    nameTh,
    nameEn: `${nameTh} (en)`,
    stationCode: 'ST-HAT-YAI',
    stationNameTh: 'สภ.หาดใหญ่',
    stationNameEn: 'Hat Yai',
    divisionCode: 'PPC-TH-90',
    divisionNameTh: 'ตำรวจภูธรจังหวัดสงขลา',
    divisionNameEn: 'Songkhla Provincial Police',
  });
const zones = [hatYai('Z-HDY-01', 'ตลาดกิมหยง'), hatYai('Z-HDY-02', 'สถานีขนส่ง'), hatYai('Z-HDY-03', 'ย่านโรงเรียน')];

describe('the overview summary heading follows the user’s scope', () => {
  test('national scope: the national summary', () => {
    expect(scopeHeading({ kind: 'national' }, zones, 'th', th.t)).toBe('ภาพรวมทั้งประเทศ');
    expect(scopeHeading({ kind: 'national' }, zones, 'en', en.t)).toBe('National summary');
  });

  test('chosen zones (the executive): "your zones (n)"', () => {
    const scope = { kind: 'zones' as const, ids: zones.map((z) => z.id) };
    expect(scopeHeading(scope, zones, 'th', th.t)).toBe('ภาพรวมพื้นที่ในความรับผิดชอบของคุณ (3 พื้นที่)');
    expect(scopeHeading(scope, zones, 'en', en.t)).toBe('Summary of your zones (3 zones)');
    expect(scopeHeading({ kind: 'zones', ids: ['Z-HDY-01'] }, zones.slice(0, 1), 'th', th.t)).toBe(
      'ภาพรวมพื้นที่ ตลาดกิมหยง',
    );
  });

  test('one unit: named, with its zone count', () => {
    const station = { kind: 'station' as const, codes: ['ST-HAT-YAI'] };
    expect(scopeHeading(station, zones, 'th', th.t)).toBe('ภาพรวม สภ.หาดใหญ่ (3 พื้นที่)');
    expect(scopeHeading(station, zones, 'en', en.t)).toBe('Summary of Hat Yai police station (3 zones)');
    const division = { kind: 'division' as const, codes: ['PPC-TH-90'] };
    expect(scopeHeading(division, zones.slice(0, 1), 'en', en.t)).toBe(
      'Summary of Songkhla Provincial Police (1 zone)',
    );
  });

  test('several units: "your zones"; before the zone list loads: no count', () => {
    const two = [...zones, zoneSummary({ id: 'Z-X', stationCode: 'ST-OTHER' })];
    expect(scopeHeading({ kind: 'station', codes: ['ST-HAT-YAI', 'ST-OTHER'] }, two, 'en', en.t)).toBe(
      'Summary of your zones (4 zones)',
    );
    expect(scopeHeading({ kind: 'bureau', codes: ['PPR9'] }, [], 'th', th.t)).toBe('ภาพรวมพื้นที่ในความรับผิดชอบของคุณ');
  });
});
