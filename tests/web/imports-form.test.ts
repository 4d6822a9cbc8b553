import { describe, expect, test } from 'vitest';
import {
  applySavedMapping,
  buildImportOptions,
  changeKind,
  emptyImportForm,
  IMPORT_KINDS,
  mappingOptions,
  previewKey,
  setOffenceGroup,
} from '../../web/features/imports/import-form.ts';
import { en, th } from './fixtures.ts';

describe('import options', () => {
  test('an untouched form sends nothing: the server detects encoding, sheet and columns', () => {
    expect(buildImportOptions(emptyImportForm('incidents'))).toEqual({});
  });

  test('whole-file values are sent only for kinds that take them', () => {
    const form = {
      ...emptyImportForm('incidents'),
      station: ' ST-HAT-YAI ',
      zone: 'Z-1',
      wave: 'x',
      sampleType: 'opt_in' as const,
    };
    expect(buildImportOptions(form)).toEqual({ station: 'ST-HAT-YAI' });
    const survey = { ...form, kind: 'survey' as const };
    expect(buildImportOptions(survey)).toEqual({ zone: 'Z-1', wave: 'x', sampleType: 'opt_in' });
  });

  test('encoding, sheet, codebook (surveys only), offence groups (cases only), force', () => {
    const form = {
      ...emptyImportForm('survey'),
      encoding: 'windows-874' as const,
      sheet: 'ม.ค.',
      codebook: { name: 'cb.json', text: '{"items":{}}' },
      offenceMap: { ลักไก่: 2 },
      force: true,
    };
    expect(buildImportOptions(form)).toEqual({
      encoding: 'windows-874',
      sheet: 'ม.ค.',
      codebook: '{"items":{}}',
      force: true,
    });
    expect(buildImportOptions({ ...form, kind: 'incidents' })).toEqual({
      encoding: 'windows-874',
      sheet: 'ม.ค.',
      offenceMap: { ลักไก่: 2 },
      force: true,
    });
  });

  test('a saved mapping goes by name while unchanged; chosen columns go as an object', () => {
    const base = emptyImportForm('incidents');
    expect(buildImportOptions({ ...base, mappingName: 'hatyai', columns: { occurred_at: 'วันที่' } }).mapping).toBe(
      'hatyai',
    );
    expect(buildImportOptions({ ...base, columns: { occurred_at: 'วันที่', zone: null } }).mapping).toEqual({
      occurred_at: 'วันที่',
      zone: null,
    });
  });

  test('the preview key changes with anything sent, and only then', () => {
    const form = emptyImportForm('incidents');
    expect(previewKey({ ...form, zone: 'Z-1' })).toBe(previewKey(form)); // incidents take no zone
    expect(previewKey({ ...form, station: 'ST-1' })).not.toBe(previewKey(form));
    expect(previewKey(changeKind(form, 'survey'))).not.toBe(previewKey(form));
  });

  test('another kind drops columns and kind-specific choices, keeps the file choices', () => {
    const form = {
      ...emptyImportForm('incidents'),
      station: 'ST-1',
      encoding: 'utf-8' as const,
      columns: { crime_type: 'x' },
      offenceMap: { a: 1 },
    };
    expect(changeKind(form, 'survey')).toEqual({ ...emptyImportForm('survey'), encoding: 'utf-8' });
    expect(changeKind(form, 'incidents')).toBe(form);
  });

  test('choosing a saved mapping fills its columns and options under what the user already chose', () => {
    const form = { ...emptyImportForm('incidents'), encoding: 'utf-8' as const, offenceMap: { a: 1 } };
    const next = applySavedMapping(form, {
      name: 'hatyai',
      columns: { occurred_at: 'วันที่', station: 2 },
      options: { station: 'ST-HAT-YAI', encoding: 'windows-874', sheet: 2, offenceMap: { a: 3, b: 4 }, junk: ['x'] },
    });
    expect(next).toMatchObject({
      mappingName: 'hatyai',
      columns: { occurred_at: 'วันที่', station: 2 },
      station: 'ST-HAT-YAI',
      encoding: 'utf-8',
      sheet: '2',
      offenceMap: { a: 1, b: 4 },
    });
  });

  test('options saved with a mapping never carry the mapping itself or force', () => {
    const form = { ...emptyImportForm('incidents'), station: 'ST-1', force: true, columns: { crime_type: 'x' } };
    expect(mappingOptions(form)).toEqual({ station: 'ST-1' });
  });

  test('offence groups can be set and cleared', () => {
    const form = setOffenceGroup(emptyImportForm('incidents'), 'ลักไก่', 2);
    expect(form.offenceMap).toEqual({ ลักไก่: 2 });
    expect(setOffenceGroup(form, 'ลักไก่', null).offenceMap).toEqual({});
  });

  test('every kind has a name and a hint in both languages', () => {
    for (const kind of IMPORT_KINDS) {
      for (const { t } of [th, en]) {
        expect(t(`imports.kind.${kind}`)).not.toBe(`imports.kind.${kind}`);
        expect(t(`imports.kindHelp.${kind}`)).not.toBe(`imports.kindHelp.${kind}`);
      }
    }
  });
});
