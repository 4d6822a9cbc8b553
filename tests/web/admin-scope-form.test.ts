import { describe, expect, test } from 'vitest';
import {
  describeScope,
  formToScope,
  NATIONAL_FORM,
  scopeForRole,
  scopeOptions,
  type ScopeForm,
  scopeToForm,
  setScopeKind,
  toggleScopeCode,
  visibleScopeOptions,
} from '../../web/features/admin/scope-form.ts';
import { en, th, zoneSummary } from './fixtures.ts';

const zones = [
  zoneSummary({
    id: 'Z-HDY-01',
    nameTh: 'ตลาดกิมหยง',
    nameEn: 'Kim Yong Market',
    stationCode: 'ST-HAT-YAI',
    stationNameTh: 'สภ.หาดใหญ่',
    stationNameEn: 'Hat Yai',
    divisionCode: 'SKA',
    divisionNameTh: 'ภ.จว.สงขลา',
    divisionNameEn: 'Songkhla Provincial Police',
    bureauCode: 'PPR9',
    bureauNameTh: 'ตำรวจภูธรภาค 9',
    bureauNameEn: 'Provincial Police Region 9',
    provinceNameTh: 'สงขลา',
    provinceNameEn: 'Songkhla',
  }),
  zoneSummary({
    id: 'Z-HDY-02',
    nameTh: 'สถานีขนส่งหาดใหญ่',
    nameEn: 'Hat Yai Bus Terminal',
    stationCode: 'ST-HAT-YAI',
    stationNameTh: 'สภ.หาดใหญ่',
    stationNameEn: 'Hat Yai',
    divisionCode: 'SKA',
    divisionNameTh: 'ภ.จว.สงขลา',
    divisionNameEn: 'Songkhla Provincial Police',
    bureauCode: 'PPR9',
    bureauNameTh: 'ตำรวจภูธรภาค 9',
    bureauNameEn: 'Provincial Police Region 9',
  }),
  zoneSummary({
    id: 'Z-SKA-01',
    nameTh: 'แหลมสมิหลา',
    nameEn: 'Samila Beach',
    stationCode: 'ST-SONGKHLA',
    stationNameTh: 'สภ.เมืองสงขลา',
    stationNameEn: 'Mueang Songkhla',
    divisionCode: 'SKA',
    divisionNameTh: 'ภ.จว.สงขลา',
    divisionNameEn: 'Songkhla Provincial Police',
    bureauCode: 'PPR9',
    bureauNameTh: 'ตำรวจภูธรภาค 9',
    bureauNameEn: 'Provincial Police Region 9',
  }),
];

describe('scope <-> form', () => {
  test('every kind round-trips', () => {
    const scopes = [
      { kind: 'national' },
      { kind: 'bureau', codes: ['PPR9'] },
      { kind: 'division', codes: ['SKA', 'MPD1'] },
      { kind: 'station', codes: ['ST-HAT-YAI'] },
      { kind: 'zones', ids: ['Z-HDY-01', 'Z-HDY-02'] },
    ] as const;
    for (const scope of scopes) expect(formToScope(scopeToForm(structuredClone(scope) as never))).toEqual(scope);
  });

  test('a level without codes is not a scope; codes are trimmed and de-duplicated', () => {
    expect(formToScope({ kind: 'station', codes: [] })).toBeNull();
    expect(formToScope({ kind: 'station', codes: [' ', ''] })).toBeNull();
    expect(formToScope({ kind: 'station', codes: ['A', ' A ', 'B'] })).toEqual({ kind: 'station', codes: ['A', 'B'] });
  });

  test('changing the level starts from an empty choice; the same level keeps it', () => {
    const form = { kind: 'station' as const, codes: ['ST-HAT-YAI'] };
    expect(setScopeKind(form, 'division')).toEqual({ kind: 'division', codes: [] });
    expect(setScopeKind(form, 'station')).toBe(form);
  });

  test('toggling codes on and off', () => {
    let form: ScopeForm = { kind: 'zones', codes: [] };
    form = toggleScopeCode(form, 'Z-1', true);
    form = toggleScopeCode(form, 'Z-2', true);
    form = toggleScopeCode(form, 'Z-1', true);
    expect(form.codes).toEqual(['Z-1', 'Z-2']);
    expect(toggleScopeCode(form, 'Z-1', false).codes).toEqual(['Z-2']);
  });

  test('an administrator is always national', () => {
    expect(scopeForRole('admin', { kind: 'station', codes: ['X'] })).toEqual(NATIONAL_FORM);
    expect(scopeForRole('commander', { kind: 'station', codes: ['X'] })).toEqual({ kind: 'station', codes: ['X'] });
  });
});

describe('scope options from the zone directory', () => {
  test('one option per unit, in directory order, named in the screen language', () => {
    expect(scopeOptions(zones, 'station', 'th').map((o) => [o.code, o.label])).toEqual([
      ['ST-HAT-YAI', 'สภ.หาดใหญ่'],
      ['ST-SONGKHLA', 'สภ.เมืองสงขลา'],
    ]);
    expect(scopeOptions(zones, 'station', 'en')[0]?.label).toBe('Hat Yai');
    expect(scopeOptions(zones, 'bureau', 'th')).toHaveLength(1);
    expect(scopeOptions(zones, 'division', 'en')[0]).toMatchObject({
      code: 'SKA',
      detail: 'Provincial Police Region 9',
    });
    expect(scopeOptions(zones, 'zones', 'th').map((o) => o.code)).toEqual(['Z-HDY-01', 'Z-HDY-02', 'Z-SKA-01']);
  });

  test('search matches names in both languages and codes; chosen codes always stay visible', () => {
    const options = scopeOptions(zones, 'zones', 'th');
    expect(visibleScopeOptions(options, [], 'samila', '').map((o) => o.code)).toEqual(['Z-SKA-01']);
    expect(visibleScopeOptions(options, [], 'หาดใหญ่', '').map((o) => o.code)).toEqual(['Z-HDY-01', 'Z-HDY-02']);
    expect(visibleScopeOptions(options, ['Z-HDY-01'], 'samila', '').map((o) => o.code)).toEqual([
      'Z-HDY-01',
      'Z-SKA-01',
    ]);
  });

  test('a chosen code the directory does not know is listed first, so it can be removed', () => {
    const options = scopeOptions(zones, 'station', 'th');
    const visible = visibleScopeOptions(options, ['ST-NO-ZONES'], '', 'ไม่มีพื้นที่');
    expect(visible[0]).toMatchObject({ code: 'ST-NO-ZONES', label: 'ST-NO-ZONES', detail: 'ไม่มีพื้นที่' });
    expect(visible).toHaveLength(3);
  });

  test('a scope in one line, with names', () => {
    expect(describeScope({ kind: 'national' }, zones, th.lang, th.t)).toBe('ทั้งประเทศ');
    expect(describeScope({ kind: 'station', codes: ['ST-HAT-YAI', 'ST-GONE'] }, zones, th.lang, th.t)).toBe(
      'สถานีตำรวจ: สภ.หาดใหญ่, ST-GONE',
    );
    expect(describeScope({ kind: 'zones', ids: ['Z-SKA-01'] }, zones, en.lang, en.t)).toBe('Zones: Samila Beach');
  });
});
