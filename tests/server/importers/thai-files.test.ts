/**
 * Thai reality, with our own fixtures: the same incidents file in UTF-8, UTF-8 with BOM,
 * Windows-874 and TIS-620 (detected, and chosen by hand) imports to identical rows; every date
 * form of data-formats.md; Thai digits; Thai header aliases; station names in any common spelling;
 * the same data as an XLSX workbook (date cells in the 1900 and 1904 systems, formulas, rich text).
 * And the Phuket tables of tests/fixtures/real in all three encodings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undoImport } from '../../../server/importers/undo.ts';
import { ADMIN, fixtures, featureCollection, importText, rect, realData, type TestDb, tempDb } from './helpers/db.ts';
import { buildXlsx, type XlsxCell } from './helpers/xlsx.ts';

interface Row {
  case_id: string;
  occurred_at: string | null;
  month: string;
  crime_type: string;
  crime_group: number;
  lat: number | null;
  station_code: string;
  zone_id: string | null;
}

const EXPECTED: [string, string | null, string, string, number][] = [
  ['64/0001', '2021-05-06 00:00:00', '2021-05', 'theft', 2],
  ['64/0002', '2021-05-06 21:30:00', '2021-05', 'robbery', 2],
  ['64/0003', '2021-05-06 21:30:00', '2021-05', 'assault', 1],
  ['64/0004', '2021-05-06 00:00:00', '2021-05', 'drugs', 4],
  ['64/0005', '2021-05-06 21:30:00', '2021-05', 'fraud', 2],
  ['64/0006', '2021-05-06 00:00:00', '2021-05', 'theft', 2],
  ['65/0007', null, '2022-09', 'theft', 2],
  ['64/0008', '2021-05-06 21:30:00', '2021-05', 'robbery', 2],
  ['66/0009', null, '2023-09', 'theft', 2],
  ['64/0010', '2021-12-31 23:59:00', '2021-12', 'theft', 2],
  ['65/0011', '2022-01-01 00:00:00', '2022-01', 'theft', 2],
  ['65/0012', '2022-01-06 00:00:00', '2022-01', 'theft', 2],
  ['65/0013', '2022-02-15 00:00:00', '2022-02', 'theft', 2],
];
EXPECTED.sort((a, b) => (a[0] < b[0] ? -1 : 1));

async function rowsOf(t: TestDb, importId: number): Promise<Row[]> {
  return t.db.all<Row>(
    `SELECT case_id, strftime(occurred_at, '%Y-%m-%d %H:%M:%S') AS occurred_at, strftime("month", '%Y-%m') AS "month",
            crime_type, crime_group, lat, station_code, zone_id
       FROM incidents WHERE import_id = $id ORDER BY case_id`,
    { id: importId },
  );
}

describe('Thai incident files', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await tempDb();
    const zones = await importText(
      t.db,
      'zones',
      'songkhla.geojson',
      featureCollection([
        {
          properties: {
            รหัสพื้นที่: 'Z-TEST-SK',
            ชื่อพื้นที่: 'ตลาดทดสอบ',
            สถานี: 'สภ. เมืองสงขลา',
            วันที่เริ่มโครงการ: '1 ต.ค. 2564',
            เกณฑ์: 'ความเสี่ยง, เศรษฐกิจ',
          },
          ring: rect(100.595, 7.2, 100.5965, 7.2015),
        },
      ]),
    );
    expect(zones.errors).toEqual([]);
  });
  afterAll(() => t?.close());

  const files: [string, string | undefined, string][] = [
    ['incidents-thai.utf8.csv', undefined, 'utf-8'],
    ['incidents-thai.utf8-bom.csv', undefined, 'utf-8'],
    ['incidents-thai.windows-874.csv', undefined, 'windows-874'],
    ['incidents-thai.tis-620.csv', undefined, 'windows-874'],
    ['incidents-thai.tis-620.csv', 'tis-620', 'tis-620'],
    ['incidents-thai.windows-874.csv', 'windows-874', 'windows-874'],
  ];
  const results: Row[][] = [];

  for (const [file, override, encoding] of files) {
    it(`imports ${file}${override ? ` (chosen: ${override})` : ' (detected)'} with every date form`, async () => {
      const bytes = new Uint8Array(readFileSync(join(fixtures, file)));
      const r = await importText(t.db, 'incidents', file, bytes, override ? { encoding: override as 'tis-620' } : {});
      expect(r.errors).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.preview.source.encoding).toBe(encoding);
      expect(r.preview.source.encodingDetected).toBe(override === undefined);
      expect(r.preview.mapping).toEqual({
        case_id: 'เลขคดี',
        occurred_at: 'วันที่เกิดเหตุ',
        crime_type: 'ประเภทคดี',
        station: 'สภ.',
        lat: 'ละติจูด',
        lon: 'ลองจิจูด',
      });
      // The preview shows dates in both eras.
      const third = r.preview.rows.find((p) => p.row === 4);
      expect(third?.cells.occurred_at).toMatchObject({
        raw: '06/05/2564 21:30',
        ce: '2021-05-06 21:30',
        be: '6/5/2564 21:30',
      });
      const rows = await rowsOf(t, r.importId as number);
      expect(rows.map((x) => [x.case_id, x.occurred_at, x.month, x.crime_type, x.crime_group])).toEqual(EXPECTED);
      expect(new Set(rows.map((x) => x.station_code))).toEqual(new Set(['ST-MUEANG-SONGKHLA']));
      expect(rows.filter((x) => x.zone_id === 'Z-TEST-SK')).toHaveLength(12);
      expect(rows.find((x) => x.case_id === '64/0008')?.lat).toBe(7.2008);
      results.push(rows);
      const undone = await undoImport({ db: t.db, principal: ADMIN, importId: r.importId as number });
      expect(undone.ok).toBe(true);
    });
  }

  it('gives identical rows for every encoding', () => {
    expect(results).toHaveLength(files.length);
    for (const r of results) expect(r).toEqual(results[0]);
  });

  it('does not guess when the chosen encoding is wrong: the rows fail loudly', async () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'incidents-thai.windows-874.csv')));
    const r = await importText(t.db, 'incidents', 'wrong.csv', bytes, { encoding: 'utf-8' });
    expect(r.ok).toBe(false);
    expect(r.warnings.some((w) => w.code === 'encoding_replacement')).toBe(true);
    expect(r.errorCount).toBeGreaterThan(0);
  });

  it('blocks a detected encoding that leaves undecodable bytes', async () => {
    const good = new TextEncoder().encode('เลขคดี,วันที่เกิดเหตุ,ประเภทคดี,สภ.\n1,2021-05-06,ลักทรัพย์,สภ.เมืองสงขลา\n'.repeat(1));
    const bytes = new Uint8Array([...good, ...new TextEncoder().encode('2,2021-05-06,ลักทรัพย์,'), 0xe0, 0xb8, 0x0a]);
    const r = await importText(t.db, 'incidents', 'broken.csv', bytes);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.code)).toContain('encoding_replacement');
  });

  it('reads the same data from an XLSX workbook: date cells (1900 and 1904), formulas, rich text', async () => {
    for (const date1904 of [false, true]) {
      const off = date1904 ? 1462 : 0;
      const header: XlsxCell[] = ['Case No', 'Date', 'Offence', 'Station', 'Latitude', 'Longitude'];
      const rows: XlsxCell[][] = [
        header,
        ['X/1', { date: 44322 - off }, 'ลักทรัพย์', { rich: ['สภ.เมือง', 'สงขลา'] }, 7.2001, 100.5951],
        [
          'X/2',
          { date: 44322 + 21.5 / 24 - off, format: 'datetime' },
          { formula: 'A1', cached: 'ชิงทรัพย์' },
          'ST-MUEANG-SONGKHLA',
          { formula: 'E2+0.0001', cached: 7.2002 },
          100.5952,
        ],
        // 1 May 2021 00:00 stored as a float a hair under the whole day: still midnight on the 1st.
        [
          'X/3',
          { date: 44316.99999999 - off, format: 'thai' },
          { inline: 'ทำร้ายร่างกาย' },
          'Mueang Songkhla',
          null,
          null,
        ],
        [12345, { formula: 'B2+1', cached: 44323 - off, date: true }, 'ยาเสพติด', 'สภ. เมืองสงขลา', 7.2004, 100.5954],
      ];
      const bytes = buildXlsx(
        [
          { name: 'notes', rows: [['ignore me']] },
          { name: 'คดี', rows },
        ],
        { date1904 },
      );
      const r = await importText(t.db, 'incidents', `cases-${date1904}.xlsx`, bytes, { sheet: 'คดี' });
      expect(r.errors).toEqual([]);
      expect(r.preview.source.sheets).toEqual(['notes', 'คดี']);
      const got = await rowsOf(t, r.importId as number);
      expect(got.map((x) => [x.case_id, x.occurred_at, x.month, x.crime_type, x.station_code])).toEqual([
        ['12345', '2021-05-07 00:00:00', '2021-05', 'drugs', 'ST-MUEANG-SONGKHLA'],
        ['X/1', '2021-05-06 00:00:00', '2021-05', 'theft', 'ST-MUEANG-SONGKHLA'],
        ['X/2', '2021-05-06 21:30:00', '2021-05', 'robbery', 'ST-MUEANG-SONGKHLA'],
        ['X/3', '2021-05-01 00:00:00', '2021-05', 'assault', 'ST-MUEANG-SONGKHLA'],
      ]);
      expect(got.find((x) => x.case_id === 'X/2')?.lat).toBe(7.2002);
      await undoImport({ db: t.db, principal: ADMIN, importId: r.importId as number });
    }
  });

  it('chooses a sheet by number, and names the sheets when the one asked for is missing', async () => {
    const bytes = buildXlsx([
      { name: 'A', rows: [['x']] },
      {
        name: 'B',
        rows: [
          ['เลขคดี', 'วันที่', 'ข้อหา', 'สถานี'],
          ['B/1', '2021-05-06', 'ลักทรัพย์', 'สภ.หาดใหญ่'],
        ],
      },
    ]);
    const ok = await importText(t.db, 'incidents', 'two.xlsx', bytes, { sheet: 2 }, { dryRun: true });
    expect(ok.errors).toEqual([]);
    expect(ok.preview.source.sheet).toBe('B');
    const missing = await importText(t.db, 'incidents', 'two.xlsx', bytes, { sheet: 'C' }, { dryRun: true });
    expect(missing.errors.map((e) => e.code)).toEqual(['sheet_not_found']);
    expect(missing.errors[0]?.en).toContain('"A", "B"');
  });

  it('refuses a General-formatted Excel serial in a date column instead of guessing', async () => {
    const bytes = buildXlsx([
      {
        name: 's',
        rows: [
          ['เลขคดี', 'วันที่', 'ข้อหา', 'สถานี'],
          ['G/1', 44322, 'ลักทรัพย์', 'สภ.หาดใหญ่'],
        ],
      },
    ]);
    const r = await importText(t.db, 'incidents', 'general.xlsx', bytes, {}, { dryRun: true });
    expect(r.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([['invalid_date', 2, 'วันที่', '44322']]);
    expect(r.errors[0]?.th).toContain('ตัวเลข');
  });
});

describe('Phuket crime tables in three encodings', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await tempDb();
  });
  afterAll(() => t?.close());

  const names = [
    'phuket_crime_groups_be2558_2561.csv',
    'phuket_crime_groups_be2558_2561.cp874.csv',
    'phuket_crime_groups_be2558_2561.tis620.csv',
  ];
  // Annual provincial figures: offence groups by their Thai names, counts with thousands.
  const mapping = { month: 'ปี_พ.ศ.', crime_group: 'ประเภทความผิด', count: 'รับแจ้ง_ราย' };

  it('decode and parse to identical rows, and are refused for the same clear reason: a year is not a month', async () => {
    const outs = [];
    for (const name of names) {
      const bytes = new Uint8Array(readFileSync(join(realData, 'thai-crime-tables', name)));
      const r = await importText(
        t.db,
        'monthly_counts',
        name,
        bytes,
        { station: 'สภ.เมืองภูเก็ต', mapping },
        { dryRun: true },
      );
      outs.push(r);
    }
    const [utf8, cp874, tis] = outs;
    expect(utf8?.preview.source.encoding).toBe('utf-8');
    expect(cp874?.preview.source.encoding).toBe('windows-874');
    expect(tis?.preview.source.encoding).toBe('windows-874');
    for (const r of outs) {
      expect(r.preview.headers).toEqual(utf8?.preview.headers);
      expect(r.preview.rows).toEqual(utf8?.preview.rows);
      expect(r.counts.rowsRead).toBe(16);
      expect(r.errors.map((e) => [e.code, e.row, e.value])).toEqual(utf8?.errors.map((e) => [e.code, e.row, e.value]));
    }
    // Every group name resolves (group 4 written "คดีความผิดที่รัฐเป็นผู้เสียหาย"); only the period is refused.
    const groups = utf8?.preview.rows.map((r) => r.cells.crime_group?.value);
    expect(groups).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4]);
    expect(new Set(utf8?.errors.map((e) => e.code))).toEqual(new Set(['invalid_date']));
    expect(utf8?.errorCount).toBe(16);
    expect(utf8?.errors[0]?.en).toContain('whole year');
  });

  it('import to identical stored rows once each year is given as a month (December of the BE year)', async () => {
    const stored = [];
    for (const name of names) {
      const raw = readFileSync(join(realData, 'thai-crime-tables', name));
      // Rewrite the year cell "2558" as "ธ.ค. 2558" in the file's own encoding (ASCII-safe edit).
      const text = raw
        .toString('latin1')
        .replace(/,(25\d\d),(20\d\d),/g, (_m, be: string, ce: string) => `,12/${be},${ce},`);
      const r = await importText(t.db, 'monthly_counts', name, new Uint8Array(Buffer.from(text, 'latin1')), {
        station: 'ST-MUEANG-PHUKET',
        mapping,
      });
      expect(r.errors).toEqual([]);
      expect(r.ok).toBe(true);
      stored.push(
        await t.db.all<{ m: string; g: number; n: number }>(
          `SELECT strftime("month", '%Y-%m') AS m, crime_group AS g, cases AS n FROM monthly_counts WHERE import_id = $id ORDER BY 1, 2`,
          { id: r.importId as number },
        ),
      );
      await undoImport({ db: t.db, principal: ADMIN, importId: r.importId as number });
    }
    expect(stored[0]).toHaveLength(16);
    expect(stored[0]?.find((r) => r.m === '2015-12' && r.g === 4)?.n).toBe(13_600);
    expect(stored[1]).toEqual(stored[0]);
    expect(stored[2]).toEqual(stored[0]);
  });
});
