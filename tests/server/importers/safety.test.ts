/**
 * Limits and file-type checks: zip bombs refused before anything is inflated (declared sizes,
 * ratios) and while inflating (a directory that lies); a file that is not what its extension
 * says; a file over the size limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipArchive, ZipError } from '../../../server/importers/source/zip.ts';
import { enc, importText, type TestDb, tempDb } from './helpers/db.ts';
import { buildXlsx, zip } from './helpers/xlsx.ts';

let t: TestDb;
beforeAll(async () => {
  t = await tempDb({ memory: true });
});
afterAll(() => t?.close());

const workbookParts = (sheetXml: Uint8Array, declaredSize?: number) => [
  { name: '[Content_Types].xml', data: enc.encode('<Types/>') },
  {
    name: 'xl/workbook.xml',
    data: enc.encode('<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
  },
  { name: 'xl/worksheets/sheet1.xml', data: sheetXml, ...(declaredSize === undefined ? {} : { declaredSize }) },
];

describe('XLSX zip bombs', () => {
  it('refuses an entry that declares an absurd size, before inflating anything', async () => {
    const bytes = zip(workbookParts(enc.encode('<worksheet/>'), 0xfffffff0));
    const r = await importText(t.db, 'incidents', 'bomb.xlsx', bytes, {}, { dryRun: true });
    expect(r.errors.map((e) => e.code)).toEqual(['zip_bomb']);
    expect(r.errors[0]?.th).toContain('ปฏิเสธ');
  });

  it('refuses a sheet compressed a thousand times', async () => {
    const huge = new Uint8Array(64 * 1024 * 1024).fill(0x20);
    const bytes = zip(workbookParts(huge));
    expect(bytes.length).toBeLessThan(200_000);
    const r = await importText(t.db, 'incidents', 'ratio.xlsx', bytes, {}, { dryRun: true });
    expect(r.errors.map((e) => e.code)).toEqual(['zip_bomb']);
    expect(r.errors[0]?.en).toMatch(/compressed \d+ times/);
  });

  it('refuses an entry that inflates to more than its directory says', async () => {
    const bytes = zip(workbookParts(new Uint8Array(1_000_000).fill(0x41), 100));
    const archive = await ZipArchive.open(bytes);
    const sheet = archive.entries.find((e) => e.name.endsWith('sheet1.xml'));
    expect(sheet?.size).toBe(100);
    const error = await archive.read(sheet?.name ?? '').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZipError);
    expect((error as ZipError).bomb).toBe(true);
    archive.close();
  });

  it('refuses a lying workbook through the pipeline too', async () => {
    const bytes = zip(workbookParts(new Uint8Array(1_000_000).fill(0x41), 100));
    const r = await importText(t.db, 'incidents', 'liar.xlsx', bytes, {}, { dryRun: true });
    expect(r.errors.map((e) => e.code)).toEqual(['zip_bomb']);
  });
});

describe('a file that is not what its name says', () => {
  const csv = 'เลขคดี,วันที่,ข้อหา,สถานี\n1,2022-01-01,ลักทรัพย์,สภ.หาดใหญ่\n';
  it.each([
    [
      'workbook named .csv',
      'cases.csv',
      () => buildXlsx([{ name: 'S', rows: [['a']] }]),
      'file_type_mismatch',
      /ZIP archive/,
    ],
    ['CSV named .xlsx', 'cases.xlsx', () => enc.encode(csv), 'file_type_mismatch', /plain text/],
    [
      'old .xls',
      'cases.xls',
      () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'file_type_mismatch',
      /97-2003/,
    ],
    ['PDF named .csv', 'cases.csv', () => enc.encode('%PDF-1.7\n...'), 'file_type_mismatch', /PDF/],
    [
      'zip that is not a workbook',
      'cases.xlsx',
      () => zip([{ name: 'a.txt', data: enc.encode('x') }]),
      'file_type_mismatch',
      /not an Excel workbook/,
    ],
    ['Parquet named .parquet that is text', 'cases.parquet', () => enc.encode(csv), 'file_type_mismatch', /plain text/],
    ['unknown extension', 'cases.docx', () => enc.encode(csv), 'unsupported_format', /Unsupported/],
    [
      'GeoJSON for incidents',
      'zones.geojson',
      () => enc.encode('{"type":"FeatureCollection","features":[]}'),
      'format_not_for_kind',
      /cannot be imported/,
    ],
    [
      'truncated workbook',
      'cut.xlsx',
      () => buildXlsx([{ name: 'S', rows: [['a']] }]).slice(0, 300),
      'unreadable_file',
      /XLSX/,
    ],
  ] as const)('%s gets a clear error', async (_label, name, make, code, message) => {
    const r = await importText(t.db, 'incidents', name, make(), {}, { dryRun: true });
    expect(r.errors.map((e) => e.code)).toEqual([code]);
    expect(r.errors[0]?.en).toMatch(message);
    expect(r.errors[0]?.th.length).toBeGreaterThan(10);
  });

  it('a file over the limit is refused with the limit named', async () => {
    const r = await importText(
      t.db,
      'incidents',
      'big.csv',
      enc.encode(csv.repeat(100)),
      {},
      { dryRun: true, limits: { maxFileBytes: 1024 } },
    );
    expect(r.errors.map((e) => e.code)).toEqual(['file_too_large']);
  });

  it('an empty file and a header-only file are errors, not silent successes', async () => {
    const empty = await importText(t.db, 'incidents', 'empty.csv', new Uint8Array(), {}, { dryRun: true });
    expect(empty.errors.map((e) => e.code)).toEqual(['empty_file']);
    const header = await importText(t.db, 'incidents', 'header.csv', 'เลขคดี,วันที่,ข้อหา,สถานี\n', {}, { dryRun: true });
    expect(header.errors.map((e) => e.code)).toEqual(['no_rows']);
  });

  it('reads a Parquet table', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'ssz-pq-'));
    const path = join(dir, 't.parquet');
    const inst = await DuckDBInstance.create(':memory:');
    const c = await inst.connect();
    await c.run(
      `COPY (SELECT * FROM (VALUES ('P1', TIMESTAMP '2022-01-05 21:30:00', 'ลักทรัพย์', 'สภ.หาดใหญ่', 7.005::DOUBLE, 100.47::DOUBLE),
                                  ('P2', TIMESTAMP '2022-01-06 00:00:00', 'Robbery', 'ST-HAT-YAI', NULL, NULL))
             t("Crime ID", "วันที่เกิดเหตุ", "ประเภทคดี", "สถานี", lat, lon)) TO '${path}' (FORMAT parquet)`,
    );
    c.closeSync();
    inst.closeSync();
    const r = await importText(t.db, 'incidents', 't.parquet', new Uint8Array(readFileSync(path)));
    rmSync(dir, { recursive: true, force: true });
    expect(r.errors).toEqual([]);
    const rows = await t.db.all<{ c: string; o: string; ty: string }>(
      `SELECT case_id AS c, strftime(occurred_at, '%Y-%m-%d %H:%M') AS o, crime_type AS ty FROM incidents WHERE import_id = $id ORDER BY 1`,
      { id: r.importId as number },
    );
    expect(rows).toEqual([
      { c: 'P1', o: '2022-01-05 21:30', ty: 'theft' },
      { c: 'P2', o: '2022-01-06 00:00', ty: 'uk_robbery' },
    ]);
  });
});
