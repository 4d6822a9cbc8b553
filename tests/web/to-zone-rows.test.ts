import { describe, expect, test } from 'vitest';
import { countLights, toZoneRows } from '../../web/features/overview/to-zone-rows.ts';
import { kpiItem, zoneSummary } from './fixtures.ts';

const items = [
  kpiItem({ id: 'A', nameTh: 'ตลาดเช้า', nameEn: 'Morning Market', overall: 'green' }),
  kpiItem({ id: 'B', nameTh: 'ถนนคนเดิน', nameEn: 'Walking Street', overall: 'red' }),
  kpiItem({ id: 'C', nameTh: 'ขนส่ง', nameEn: 'Bus Terminal', overall: 'grey' }),
  kpiItem({ id: 'D', nameTh: 'ชุมชนบ้านคลอง', nameEn: 'Ban Khlong', overall: 'amber' }),
  kpiItem({ id: 'N', level: 'national', nameTh: 'ทั้งประเทศ', nameEn: 'National' }),
];
const zones = [
  zoneSummary({ id: 'A' }),
  zoneSummary({ id: 'B', stationNameTh: 'สภ.หาดใหญ่', stationNameEn: 'Hat Yai', provinceNameEn: 'Songkhla' }),
  zoneSummary({ id: 'C' }),
  zoneSummary({ id: 'D' }),
];

describe('toZoneRows', () => {
  test('zones only, in the API order, joined to their station and province', () => {
    const rows = toZoneRows(items, zones, 'en');
    expect(rows.map((r) => r.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(rows[1]).toMatchObject({ name: 'Walking Street', station: 'Hat Yai', province: 'Songkhla' });
  });

  test('worst first: red, amber, grey, green', () => {
    expect(toZoneRows(items, zones, 'en', { sort: 'status' }).map((r) => r.light)).toEqual([
      'red',
      'amber',
      'grey',
      'green',
    ]);
  });

  test('by name in the reader’s language', () => {
    expect(toZoneRows(items, zones, 'en', { sort: 'name' }).map((r) => r.id)).toEqual(['D', 'C', 'A', 'B']);
    expect(toZoneRows(items, zones, 'th', { sort: 'name' }).map((r) => r.name)[0]).toBe('ขนส่ง');
  });

  test('search matches names in both languages and the station', () => {
    expect(toZoneRows(items, zones, 'th', { query: 'walking' }).map((r) => r.id)).toEqual(['B']);
    expect(toZoneRows(items, zones, 'en', { query: 'หาดใหญ่' }).map((r) => r.id)).toEqual(['B']);
    expect(toZoneRows(items, zones, 'en', { query: '  ' })).toHaveLength(4);
  });

  test('a zone missing from the directory still lists, under its station code', () => {
    expect(toZoneRows(items, [], 'th')[0]).toMatchObject({ station: 'ST-1', province: '' });
  });
});

test('countLights', () => {
  expect(countLights(items.slice(0, 4))).toEqual({ green: 1, amber: 1, red: 1, grey: 1 });
});
