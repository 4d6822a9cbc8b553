import { describe, expect, test } from 'vitest';
import type { UnitRef } from '../../server/contracts/units.ts';
import { toBreadcrumbs, zonePath } from '../../web/features/unit/to-breadcrumbs.ts';
import { DEFAULT_STATE, parseDashboardState } from '../../web/state/dashboard-state.ts';
import { zoneSummary } from './fixtures.ts';

const path: UnitRef[] = [
  { code: 'national', level: 'national', nameTh: 'สำนักงานตำรวจแห่งชาติ', nameEn: 'Royal Thai Police', abbrTh: 'ประเทศ' },
  { code: 'PPR9', level: 'bureau', nameTh: 'ตำรวจภูธรภาค 9', nameEn: 'Provincial Police Region 9', abbrTh: 'ภ.9' },
  {
    code: 'PPC-TH-90',
    level: 'division',
    nameTh: 'ตำรวจภูธรจังหวัดสงขลา',
    nameEn: 'Songkhla Provincial Police',
    abbrTh: 'ภ.จว.สงขลา',
  },
  { code: 'ST-HAT-YAI', level: 'station', nameTh: 'สภ.หาดใหญ่', nameEn: 'Hat Yai', abbrTh: 'สภ.หาดใหญ่' },
];

describe('toBreadcrumbs', () => {
  test('Thai: the short names police write, each a link keeping the period, the last one current', () => {
    const state = parseDashboardState('/', '?unit=ST-HAT-YAI&from=2023-10&to=2024-09');
    const crumbs = toBreadcrumbs(path, state, 'th', 'ประเทศ');
    expect(crumbs.map((c) => c.label)).toEqual(['ประเทศ', 'ภ.9', 'ภ.จว.สงขลา', 'สภ.หาดใหญ่']);
    expect(crumbs.map((c) => c.href)).toEqual([
      '/?from=2023-10&to=2024-09',
      '/?unit=PPR9&from=2023-10&to=2024-09',
      '/?unit=PPC-TH-90&from=2023-10&to=2024-09',
      '/?unit=ST-HAT-YAI&from=2023-10&to=2024-09',
    ]);
    expect(crumbs.map((c) => c.current)).toEqual([false, false, false, true]);
    expect(crumbs[1]?.title).toBe('ตำรวจภูธรภาค 9');
    expect(crumbs[0]?.target).toEqual({ view: 'overview', unit: null });
  });

  test('English: full names and the language kept in the links', () => {
    const crumbs = toBreadcrumbs(path.slice(0, 2), { ...DEFAULT_STATE, lang: 'en' }, 'en', 'Thailand');
    expect(crumbs.map((c) => c.label)).toEqual(['Thailand', 'Provincial Police Region 9']);
    expect(crumbs[1]?.href).toBe('/?unit=PPR9&lang=en');
  });

  test('a zone page ends with the zone, which is current; its units come from the zone directory', () => {
    const zone = zoneSummary({ id: 'Z-HDY-01', stationCode: 'ST-HAT-YAI', stationNameTh: 'สภ.หาดใหญ่' });
    const crumbs = toBreadcrumbs(zonePath(zone), parseDashboardState('/zones/Z-HDY-01', ''), 'th', 'ประเทศ', {
      id: zone.id,
      name: 'ตลาดกิมหยง',
    });
    expect(crumbs.map((c) => c.label)).toEqual(['ประเทศ', 'ภ.6', 'ภ.จว.พิษณุโลก', 'สภ.หาดใหญ่', 'ตลาดกิมหยง']);
    expect(crumbs.at(-1)).toMatchObject({ current: true, href: '/zones/Z-HDY-01' });
    expect(crumbs[3]).toMatchObject({ current: false, href: '/?unit=ST-HAT-YAI' });
    expect(crumbs.filter((c) => c.current)).toHaveLength(1);
  });

  test('the country alone is one current crumb', () => {
    const crumbs = toBreadcrumbs(path.slice(0, 1), DEFAULT_STATE, 'th', 'ประเทศ');
    expect(crumbs).toHaveLength(1);
    expect(crumbs[0]).toMatchObject({ label: 'ประเทศ', href: '/', current: true });
  });
});
