/**
 * Impossible shapes are refused before anything is allocated for them (issue 22, item 2): the
 * hostile workbook that used to end the process, cell references and declared dimensions beyond a
 * sheet, columns past what an import reads, shared strings past the table, numbers that are not
 * finite, DOCTYPE / ENTITY declarations and deep nesting in XLSX parts, zip entry counts, GeoJSON
 * nesting and coordinate counts. Each is one bilingual issue naming the file (and the row and
 * column when a cell is at fault), and nothing is written.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FatalImportError } from '../../../server/importers/issues.ts';
import { DEFAULT_SHAPE_LIMITS, readShapes } from '../../../server/importers/source/shapes.ts';
import { sheetShapeProblem } from '../../../server/importers/source/xlsx-shape.ts';
import { xmlSafetyProblem } from '../../../server/importers/source/xml-safety.ts';
import { enc, featureCollection, importText, type TestDb, tableCounts, tempDb } from './helpers/db.ts';
import { handWorkbook as workbook, zip } from './helpers/xlsx.ts';

let t: TestDb;
beforeAll(async () => {
  t = await tempDb({ memory: true });
});
afterAll(() => t?.close());

const hostile = new Uint8Array(
  readFileSync(new URL('../../fixtures/hostile/huge-cell-reference.xlsx', import.meta.url)),
);

async function refused(name: string, bytes: Uint8Array, kind: 'incidents' | 'zones' = 'incidents') {
  const before = await tableCounts(t.db);
  const r = await importText(t.db, kind, name, bytes);
  expect(r.ok).toBe(false);
  expect(r.importId).toBeNull();
  expect(await tableCounts(t.db)).toEqual(before);
  expect(r.errors).toHaveLength(1);
  const e = r.errors[0];
  if (e === undefined) throw new Error('no error');
  expect(e.file).toBe(name);
  expect(e.th).toMatch(/[\u0E00-\u0E7F]/);
  expect(e.en).toMatch(/[a-z]/);
  return e;
}

describe('XLSX: impossible sheet shapes', () => {
  it('the hostile workbook (cell ZZZZZZ9999999, shared string 99999, 1e999) is refused, not read', async () => {
    const e = await refused('huge-cell-reference.xlsx', hostile);
    // The first impossible thing in document order: A1 points at shared string 99999 of none.
    expect(e.code).toBe('shared_string_missing');
    expect(e).toMatchObject({ row: 1, column: 'A', value: '99999' });
  });

  it('a cell beyond Excel\u2019s 1,048,576 rows x 16,384 columns names its reference', async () => {
    const e = await refused(
      'far.xlsx',
      workbook('<sheetData><row r="1"><c r="ZZZZZZ9999999"><v>1</v></c></row></sheetData>'),
    );
    expect(e.code).toBe('cell_beyond_sheet');
    expect(e).toMatchObject({ row: 9_999_999, column: 'ZZZZZZ' });
    expect(e.en).toContain('1,048,576 rows x 16,384 columns');
    expect(e.th).toContain('ZZZZZZ9999999');
    const row = await refused('row.xlsx', workbook('<sheetData><row r="2000000"><c><v>1</v></c></row></sheetData>'));
    expect(row.code).toBe('cell_beyond_sheet');
  });

  it('a column Excel allows but no import reads (past column 1,024)', async () => {
    const e = await refused('wide.xlsx', workbook('<sheetData><row r="3"><c r="XFD3"><v>1</v></c></row></sheetData>'));
    expect(e).toMatchObject({ code: 'column_beyond_import', row: 3, column: 'XFD' });
  });

  it('a declared dimension beyond any sheet', async () => {
    const e = await refused('dim.xlsx', workbook('<dimension ref="A1:ZZZZ99999999"/><sheetData/>'));
    expect(e.code).toBe('dimension_beyond_sheet');
  });

  it('a used area over 50 million cells', () => {
    const p = sheetShapeProblem('<sheetData><row r="1000000"><c r="AZ1000000"><v>1</v></c></row></sheetData>', 0);
    expect(p).toEqual({ reason: 'area_too_large', rows: 1_000_000, columns: 52 });
  });

  it('a shared-string index past the table, and a number that is not finite', async () => {
    const s = await refused(
      'sst.xlsx',
      workbook('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row></sheetData>', [
        'a',
        'b',
      ]),
    );
    expect(s).toMatchObject({ code: 'shared_string_missing', row: 1, column: 'B', value: '2' });
    const f = await refused('inf.xlsx', workbook('<sheetData><row r="4"><c r="C4"><v>1e999</v></c></row></sheetData>'));
    expect(f).toMatchObject({ code: 'number_not_finite', row: 4, column: 'C', value: '1e999' });
  });

  it('a DOCTYPE / ENTITY in any part, and nesting deeper than 100, are refused', async () => {
    const laughs = '<!DOCTYPE x [<!ENTITY a "aaaa">]>';
    const d = await refused('ent.xlsx', workbook('<sheetData/>', null, laughs));
    expect(d.code).toBe('unsafe_xml');
    expect(d.en).toContain('DOCTYPE/ENTITY');
    const deep = await refused(
      'deep.xlsx',
      workbook(`<sheetData>${'<x>'.repeat(500)}${'</x>'.repeat(500)}</sheetData>`),
    );
    expect(deep.code).toBe('unsafe_xml');
    expect(deep.en).toContain('deeper than 100');
    expect(xmlSafetyProblem('<a><!-- <!DOCTYPE --><![CDATA[<!ENTITY]]><b/></a>')).toBeNull();
  });

  it('an archive with more entries than the limit', async () => {
    const parts = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.xml`, data: enc.encode('<a/>') }));
    const r = await importText(
      t.db,
      'incidents',
      'many.xlsx',
      zip(parts),
      {},
      {
        limits: {
          zip: { maxEntries: 20, maxTotalBytes: 1e9, maxEntryBytes: 1e9, maxRatio: 200, ratioFloorBytes: 1e9 },
        },
      },
    );
    expect(r.errors.map((e) => e.code)).toEqual(['zip_bomb']);
    expect(r.errors[0]?.en).toContain('30 entries');
  });
});

describe('GeoJSON: nesting and coordinate counts', () => {
  it('nesting deeper than 64 is refused before JSON.parse builds it', async () => {
    const text = `{"type":"FeatureCollection","features":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
    const e = await refused('deep.geojson', enc.encode(text), 'zones');
    expect(e.code).toBe('geo_too_complex');
    expect(e.en).toContain('deeper than 64');
  });

  it('more positions in a feature, or in the file, than the limits are refused before validation', async () => {
    const ring: [number, number][] = [];
    for (let i = 0; i < 1_100; i++) ring.push([100.5 + (i % 100) * 1e-5, 13.7 + Math.floor(i / 100) * 1e-5]);
    ring.push(ring[0] as [number, number]);
    const props = { code: 'Z', name_th: 'ซ', station: 'ST-HAT-YAI', start_date: '2022-01-01' };
    const text = enc.encode(
      featureCollection([
        { properties: props, ring },
        { properties: props, ring },
      ]),
    );
    const limits = { ...DEFAULT_SHAPE_LIMITS, maxFeaturePositions: 1_000 };
    const feature = await readShapes(text, 'dense.geojson', 'geojson', undefined, limits).catch((e: unknown) => e);
    expect(feature).toBeInstanceOf(FatalImportError);
    expect((feature as FatalImportError).issue).toMatchObject({ code: 'geo_too_complex', file: 'dense.geojson' });
    expect((feature as FatalImportError).issue.en).toContain('feature 1 has more than 1,000 coordinate positions');
    const total = await readShapes(text, 'dense.geojson', 'geojson', undefined, {
      ...DEFAULT_SHAPE_LIMITS,
      maxPositions: 2_000,
    }).catch((e: unknown) => e);
    expect((total as FatalImportError).issue.en).toContain('the file has more than 2,000 coordinate positions');
    const fine = await readShapes(text, 'dense.geojson', 'geojson');
    expect(fine.ok && fine.features.length).toBe(2);
    expect(DEFAULT_SHAPE_LIMITS).toMatchObject({ maxFeaturePositions: 1_000_000, maxPositions: 5_000_000 });
  });
});

describe('a file that exhausts the parse child fails its own import, and imports go on', () => {
  // 150,000 small zones: JSON.parse alone needs far more than a 16 MB heap.
  const many = (() => {
    const features: string[] = [];
    for (let i = 0; i < 150_000; i++) {
      const x = 100 + (i % 1000) * 1e-3;
      const y = 7 + Math.floor(i / 1000) * 1e-3;
      features.push(
        `{"type":"Feature","properties":{"code":"Z${i}","name_th":"พื้นที่ ${i}"},"geometry":{"type":"Polygon","coordinates":[[[${x},${y}],[${x + 5e-4},${y}],[${x + 5e-4},${y + 5e-4}],[${x},${y}]]]}}`,
      );
    }
    return enc.encode(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
  })();

  it('out of memory: file_too_complex naming the file and the memory limit, in both languages', async () => {
    const r = await importText(t.db, 'zones', 'huge-zones.geojson', many, {}, { limits: { parse: { memoryMb: 16 } } });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.code)).toEqual(['file_too_complex']);
    const e = r.errors[0];
    expect(e?.file).toBe('huge-zones.geojson');
    expect(e?.en).toContain('"huge-zones.geojson" is too complex to read: it needed more than 16 MB of memory');
    expect(e?.th).toContain('ซับซ้อนเกินกว่าจะอ่านได้');
    // The next import in the same process is read by a fresh child.
    const next = await importText(
      t.db,
      'incidents',
      'ok.csv',
      'เลขคดี,วันที่,ข้อหา,สถานี\n1,2022-01-01,ลักทรัพย์,สภ.หาดใหญ่\n',
      {},
      { dryRun: true },
    );
    expect(next.errors.filter((x) => x.code === 'file_too_complex')).toEqual([]);
    expect(next.counts.rowsRead).toBe(1);
  });

  it('no answer within the time limit: file_too_complex naming the limit', async () => {
    const r = await importText(t.db, 'zones', 'slow-zones.geojson', many, {}, { limits: { parse: { idleMs: 5 } } });
    expect(r.errors.map((e) => e.code)).toEqual(['file_too_complex']);
    expect(r.errors[0]?.en).toContain('is too complex to read: the reader made no progress for over 0.005 s');
    const csv = await importText(
      t.db,
      'incidents',
      'ok2.csv',
      'เลขคดี,วันที่,ข้อหา,สถานี\n1,2022-01-01,ลักทรัพย์,สภ.หาดใหญ่\n',
      {},
      { dryRun: true },
    );
    expect(csv.counts.rowsRead).toBe(1);
  });
});
