import { describe, expect, test } from 'vitest';
import type { ProgrammeSettings } from '../../web/api/types.ts';
import {
  checkProgramme,
  checkZoneForm,
  hasOverrides,
  overriddenZones,
  parseNumber,
  programmeToForm,
  toggleNumber,
  zoneToForm,
} from '../../web/features/settings/settings-form.ts';
import { DEFAULT_PROGRAMME_SETTINGS } from '../../server/settings/kpi-settings.ts';
import { en, th } from './fixtures.ts';

/** The server's own defaults: the form starts from what the server would answer on a fresh database. */
const DEFAULTS: ProgrammeSettings = DEFAULT_PROGRAMME_SETTINGS;

describe('parseNumber', () => {
  test('plain, signed, true minus sign, Thai digits, thousands separators', () => {
    expect(parseNumber(' 40 ')).toBe(40);
    expect(parseNumber('-10')).toBe(-10);
    expect(parseNumber('\u221210')).toBe(-10);
    expect(parseNumber('๔๐')).toBe(40);
    expect(parseNumber('1,000')).toBe(1000);
    expect(parseNumber('12.5')).toBe(12.5);
  });
  test('blank and half-typed input is not a number', () => {
    for (const text of ['', '-', '.', '1e3', 'abc', '4 0']) expect(parseNumber(text)).toBeNull();
  });
});

describe('programme form', () => {
  test('the defaults round-trip unchanged', () => {
    expect(checkProgramme(programmeToForm(DEFAULTS))).toEqual({ ok: true, value: DEFAULTS });
  });

  test('"override codebooks" goes to the form and back; an older answer without it reads as off', () => {
    expect(checkProgramme(programmeToForm({ ...DEFAULTS, overrideCodebooks: true }))).toEqual({
      ok: true,
      value: { ...DEFAULTS, overrideCodebooks: true },
    });
    const { overrideCodebooks: _, ...older } = DEFAULTS;
    expect(programmeToForm(older).overrideCodebooks).toBe(false);
  });

  test('chosen answer levels are sent sorted; "top two" is sent as null', () => {
    const form = programmeToForm({ ...DEFAULTS, fearLevels: [5, 3, 4] });
    expect(form.fearLevels).toEqual({ mode: 'chosen', levels: [3, 4, 5] });
    expect(form.trustLevels.mode).toBe('top2');
    const checked = checkProgramme({ ...form, fearLevels: { mode: 'chosen', levels: [5, 2, 5] } });
    expect(checked.ok && checked.value.fearLevels).toEqual([2, 5]);
    expect(checked.ok && checked.value.trustLevels).toBeNull();
  });

  test('out-of-range, non-integer and empty values are named per field', () => {
    const form = {
      ...programmeToForm(DEFAULTS),
      fearTarget: '120',
      crimeTarget: '−101',
      minSample: '2.5',
      bufferMeters: '',
      crimeGroups: [],
      trustLevels: { mode: 'chosen' as const, levels: [] },
    };
    expect(checkProgramme(form)).toEqual({
      ok: false,
      errors: {
        fearTarget: 'settings.error.range.fearTarget',
        crimeTarget: 'settings.error.range.crimeTarget',
        minSample: 'settings.error.integer',
        bufferMeters: 'settings.error.number',
        crimeGroups: 'settings.error.groups',
        trustLevels: 'settings.error.levels',
      },
    });
  });

  test('a crime target of −10 (a 10% fall) is accepted', () => {
    const checked = checkProgramme({ ...programmeToForm(DEFAULTS), crimeTarget: '−10' });
    expect(checked.ok && checked.value.crimeTarget).toBe(-10);
  });

  test('toggling groups keeps them sorted and unique', () => {
    expect(toggleNumber([1, 3], 2, true)).toEqual([1, 2, 3]);
    expect(toggleNumber([1, 2, 3], 2, true)).toEqual([1, 2, 3]);
    expect(toggleNumber([1, 2, 3], 2, false)).toEqual([1, 3]);
  });

  test('every field has a label and a one-sentence explanation in both languages', () => {
    for (const field of Object.keys(DEFAULTS)) {
      for (const { t } of [th, en]) {
        expect(t(`settings.${field}` as never)).not.toBe(`settings.${field}`);
        expect(t(`settings.help.${field}` as never)).not.toBe(`settings.help.${field}`);
      }
    }
    expect(th.t('settings.help.fearLevels')).toContain('4-5 (สองระดับบนสุด)');
  });
});

describe('zone overrides form', () => {
  test('fields not overridden start from the programme value and are not sent', () => {
    const form = zoneToForm({ crimeTarget: -50 }, DEFAULTS);
    expect(form.crimeTarget).toEqual({ own: true, value: '-50' });
    expect(form.fearTarget).toEqual({ own: false, value: '40' });
    expect(form.baseline).toEqual({ own: false, value: 'matched' });
    expect(form.controlZones).toEqual({ own: false, value: [] });
    expect(checkZoneForm(form, 'Z-1')).toEqual({ ok: true, value: { crimeTarget: -50 } });
  });

  test('only own values are sent; the zone itself is never its own control', () => {
    const form = zoneToForm(undefined, DEFAULTS);
    const checked = checkZoneForm(
      {
        ...form,
        fearTarget: { own: true, value: '35' },
        baseline: { own: true, value: 'previous' },
        controlZones: { own: true, value: ['Z-2', 'Z-1', 'Z-2'] },
      },
      'Z-1',
    );
    expect(checked).toEqual({ ok: true, value: { fearTarget: 35, baseline: 'previous', controlZones: ['Z-2'] } });
  });

  test('a bad own value is refused; the same text as "as the programme" is ignored', () => {
    const form = zoneToForm(undefined, DEFAULTS);
    expect(checkZoneForm({ ...form, bufferMeters: { own: true, value: '20' } }, 'Z-1')).toEqual({
      ok: false,
      errors: { bufferMeters: 'settings.error.range.bufferMeters' },
    });
    expect(checkZoneForm({ ...form, bufferMeters: { own: false, value: '20' } }, 'Z-1')).toEqual({
      ok: true,
      value: {},
    });
  });

  test('no own values at all means "reset the zone"', () => {
    expect(hasOverrides({})).toBe(false);
    expect(hasOverrides(undefined)).toBe(false);
    expect(hasOverrides({ controlZones: [] })).toBe(true);
  });

  test('zones with own rules, and which', () => {
    expect(
      overriddenZones({
        zones: { 'Z-B': { crimeTarget: -10, baseline: 'previous' }, 'Z-A': { fearTarget: 30 }, 'Z-C': {} },
      }),
    ).toEqual([
      { id: 'Z-A', fields: ['fearTarget'] },
      { id: 'Z-B', fields: ['crimeTarget', 'baseline'] },
    ]);
  });
});
