import { describe, expect, test } from 'vitest';
import type { ImportPreview } from '../../web/api/types.ts';
import {
  choiceHeader,
  chooseColumn,
  clearColumn,
  mappingRows,
  mappingToSave,
  unusedHeaders,
} from '../../web/features/imports/mapping-state.ts';

/** An incidents file with a date, an ambiguous pair of type columns, and no station column. */
const preview: Pick<ImportPreview, 'headers' | 'mapping' | 'fields' | 'unmapped'> = {
  headers: ['วันที่เกิดเหตุ', 'ข้อหา', 'ประเภทคดี', 'X', 'Y', 'หมายเหตุ'],
  mapping: { occurred_at: 'วันที่เกิดเหตุ' },
  fields: [
    { canonical: 'case_id', required: false, fileDefault: false },
    { canonical: 'occurred_at', required: true, fileDefault: false },
    { canonical: 'crime_type', required: true, fileDefault: false },
    { canonical: 'lat', required: false, fileDefault: false },
    { canonical: 'station', required: true, fileDefault: true },
  ],
  unmapped: { missing: ['station'], ambiguous: [{ canonical: 'crime_type', headers: ['ข้อหา', 'ประเภทคดี'] }] },
};

const byField = (rows: ReturnType<typeof mappingRows>) => Object.fromEntries(rows.map((r) => [r.canonical, r]));

describe('mapping rows', () => {
  test('as the server matched: matched, ambiguous (with candidates), missing, unused', () => {
    const rows = byField(mappingRows(preview, {}, new Set()));
    expect(rows.occurred_at).toMatchObject({ header: 'วันที่เกิดเหตุ', status: 'matched', chosen: false });
    expect(rows.crime_type).toMatchObject({ header: null, status: 'ambiguous', candidates: ['ข้อหา', 'ประเภทคดี'] });
    expect(rows.station).toMatchObject({ status: 'missing', required: true });
    expect(rows.case_id?.status).toBe('unused');
  });

  test('a station chosen for the whole file satisfies the missing column', () => {
    expect(byField(mappingRows(preview, {}, new Set(['station']))).station?.status).toBe('whole_file');
  });

  test("the user's choices show at once, before the server checks again", () => {
    const rows = byField(mappingRows(preview, { crime_type: 'ประเภทคดี', lat: 'Y', occurred_at: null }, new Set()));
    expect(rows.crime_type).toMatchObject({ header: 'ประเภทคดี', status: 'matched', chosen: true, candidates: [] });
    expect(rows.lat).toMatchObject({ header: 'Y', status: 'matched' });
    expect(rows.occurred_at).toMatchObject({ header: null, status: 'missing', chosen: true });
  });

  test('a column index (from a saved mapping) shows as its header', () => {
    expect(choiceHeader(3, preview.headers)).toBe('X');
    expect(choiceHeader(99, preview.headers)).toBeNull();
    expect(byField(mappingRows(preview, { lat: 3 }, new Set())).lat?.header).toBe('X');
  });
});

describe('choosing columns', () => {
  test('a header feeds one field: the field that had it goes back to automatic', () => {
    const columns = chooseColumn({ lat: 'X', lon: 'Y' }, preview.headers, 'case_id', 'X');
    expect(columns).toEqual({ lon: 'Y', case_id: 'X' });
    expect(chooseColumn({ lat: 3 }, preview.headers, 'case_id', 'X')).toEqual({ case_id: 'X' });
  });

  test('"no column" is a choice of its own; clearing returns to automatic', () => {
    const columns = chooseColumn({}, preview.headers, 'occurred_at', null);
    expect(columns).toEqual({ occurred_at: null });
    expect(clearColumn(columns, 'occurred_at')).toEqual({});
  });

  test('the mapping saved by name: every matched field plus deliberate blanks', () => {
    expect(mappingToSave(preview, { crime_type: 'ข้อหา', case_id: null })).toEqual({
      occurred_at: 'วันที่เกิดเหตุ',
      crime_type: 'ข้อหา',
      case_id: null,
    });
  });

  test('headers nobody uses are listed (ambiguous candidates count as used)', () => {
    expect(unusedHeaders(mappingRows(preview, {}, new Set()), preview.headers)).toEqual(['X', 'Y', 'หมายเหตุ']);
    expect(unusedHeaders(mappingRows(preview, { lat: 'X' }, new Set()), preview.headers)).toEqual(['Y', 'หมายเหตุ']);
  });
});
