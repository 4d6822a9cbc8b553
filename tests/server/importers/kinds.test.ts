/**
 * Every kind through the pipeline: stations (registry updates, name conflicts, undo restores),
 * zones (GeoJSON and KML, invalid geometry, a polygon change re-assigns incidents, undo restores
 * the old polygon), incidents (unknown offence types listed and mapped, ambiguous stations with
 * suggestions, scope), monthly counts (duplicates are errors, exact re-imports skipped), survey
 * responses (Thai labels, codebook codes, non-answers kept), partners (Thai types and amounts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undoImport } from '../../../server/importers/undo.ts';
import {
  ADMIN,
  commander,
  featureCollection,
  fixtures,
  importText,
  rect,
  type TestDb,
  tableCounts,
  tempDb,
} from './helpers/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await tempDb();
});
afterAll(() => t?.close());

const fixture = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));

describe('stations', () => {
  it('adds a station, updates one, and undo puts the old row back', async () => {
    const r = await importText(
      t.db,
      'stations',
      'stations.csv',
      [
        'รหัส,ชื่อสถานี,ชื่อภาษาอังกฤษ,ประเภท,กองบังคับการ,จังหวัด,กองบัญชาการ,ละติจูด,ลองจิจูด',
        'ST-TEST-HY,สน.หาดใหญ่ทดสอบ,Hat Yai Test,สน.,บก.น.5,Bangkok,บช.น.,13.7,100.5',
        'ST-HAT-YAI,สภ.หาดใหญ่,Hat Yai (updated),สภ.,ภ.จว.สงขลา,จ.สงขลา,ภ.9,7.01,100.47',
      ].join('\n'),
    );
    expect(r.errors).toEqual([]);
    expect(r.counts.write.stations).toBe(2);
    const [hy] = await t.db.all<{ name_en: string }>(`SELECT name_en FROM stations WHERE code = 'ST-HAT-YAI'`);
    expect(hy?.name_en).toBe('Hat Yai (updated)');
    const undo = await undoImport({ db: t.db, principal: ADMIN, importId: r.importId as number });
    expect(undo.ok).toBe(true);
    const rows = await t.db.all<{ code: string; name_en: string }>(
      `SELECT code, name_en FROM stations WHERE code IN ('ST-HAT-YAI', 'ST-TEST-HY') ORDER BY code`,
    );
    expect(rows).toEqual([{ code: 'ST-HAT-YAI', name_en: 'Hat Yai' }]);
  });

  it('refuses a new code with a name another station has, naming both', async () => {
    const r = await importText(
      t.db,
      'stations',
      's.csv',
      'code,name_th,name_en,kind,division,province,bureau\nST-DUP,สภ. เมืองสงขลา,Somewhere,สภ.,ภ.จว.สงขลา,TH-90,ภ.9\n',
      {},
      { dryRun: true },
    );
    expect(r.errors.map((e) => e.code)).toEqual(['station_name_conflict']);
    expect(r.errors[0]?.en).toContain('ST-MUEANG-SONGKHLA');
    expect(r.errors[0]?.en).toContain('ST-DUP');
  });

  it('checks the hierarchy: a division in another bureau is an error', async () => {
    const r = await importText(
      t.db,
      'stations',
      's.csv',
      'code,name_th,name_en,kind,division,province,bureau\nST-X,สภ.ทดสอบ,Test,สภ.,ภ.จว.สงขลา,สงขลา,ภ.8\n',
      {},
      { dryRun: true },
    );
    expect(r.errors.map((e) => [e.code, e.column])).toEqual([['reference_mismatch', 'bureau']]);
  });
});

describe('zones', () => {
  it('reports invalid geometry: open ring, self-intersection, lat/lon swapped', async () => {
    const props = (code: string) => ({ code, name_th: code, station: 'ST-HAT-YAI', start_date: '2022-01-01' });
    const doc = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: props('Z-OPEN'),
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [100.47, 7.0],
                [100.48, 7.0],
                [100.48, 7.01],
                [100.47, 7.01],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: props('Z-BOWTIE'),
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [100.47, 7.0],
                [100.48, 7.01],
                [100.48, 7.0],
                [100.47, 7.01],
                [100.47, 7.0],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: props('Z-SWAP'),
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [7.0, 100.47],
                [7.0, 100.48],
                [7.01, 100.48],
                [7.01, 100.47],
                [7.0, 100.47],
              ],
            ],
          },
        },
      ],
    });
    const r = await importText(t.db, 'zones', 'bad.geojson', doc, {}, { dryRun: true });
    expect(r.ok).toBe(false);
    const byRow = new Map<number | null, string[]>();
    for (const e of r.errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e.en]);
    expect(byRow.get(1)?.join(' ')).toMatch(/closed|open/i);
    expect(byRow.get(2)?.join(' ')).toMatch(/intersect|cross/i);
    expect(byRow.get(3)?.join(' ')).toMatch(/swap|lat/i);
  });

  it('imports a KML zone (Google My Maps) and re-assigns incidents when its polygon changes; undo restores it', async () => {
    const kml = (lon0: number) => `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Hat Yai</name><Folder><name>zones</name>
<Placemark><name>ตลาดกิมหยง</name><ExtendedData>
<Data name="code"><value>Z-HY-KY</value></Data><Data name="station"><value>สภ.หาดใหญ่</value></Data>
<Data name="start_date"><value>1 ต.ค. 2564</value></Data><Data name="criteria"><value>risk</value></Data></ExtendedData>
<Polygon><outerBoundaryIs><LinearRing><coordinates>
${lon0},7.000,0 ${lon0 + 0.01},7.000,0 ${lon0 + 0.01},7.010,0 ${lon0},7.010,0 ${lon0},7.000,0
</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Folder></Document></kml>`;
    const first = await importText(t.db, 'zones', 'hy.kml', kml(100.47), { mapping: { name_th: 'name' } });
    expect(first.errors).toEqual([]);
    const [zone] = await t.db.all<{ a: number }>(`SELECT area_km2 AS a FROM zones WHERE id = 'Z-HY-KY'`);
    expect(zone?.a).toBeGreaterThan(1.1);
    expect(zone?.a).toBeLessThan(1.3);
    const inc = await importText(
      t.db,
      'incidents',
      'hy.csv',
      'เลขคดี,วันที่,ข้อหา,สถานี,lat,lon\nHY1,2022-01-05,ลักทรัพย์,สภ.หาดใหญ่,7.005,100.478\nHY2,2022-01-06,ลักทรัพย์,สภ.หาดใหญ่,7.005,100.485\n',
    );
    expect(inc.errors).toEqual([]);
    const zoneOf = async () =>
      Object.fromEntries(
        (
          await t.db.all<{ c: string; z: string | null }>(
            `SELECT case_id AS c, zone_id AS z FROM incidents WHERE case_id LIKE 'HY%'`,
          )
        ).map((r) => [r.c, r.z]),
      );
    expect(await zoneOf()).toEqual({ HY1: 'Z-HY-KY', HY2: null });
    // The polygon moves east: HY2 is now inside, HY1 outside (and in the new buffer ring).
    const moved = await importText(t.db, 'zones', 'hy-moved.kml', kml(100.48), { mapping: { name_th: 'name' } });
    expect(moved.errors).toEqual([]);
    expect(await zoneOf()).toEqual({ HY1: null, HY2: 'Z-HY-KY' });
    const [ring] = await t.db.all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM incident_rings WHERE zone_id = 'Z-HY-KY'`,
    );
    expect(ring?.n).toBe(1);
    const undo = await undoImport({ db: t.db, principal: ADMIN, importId: moved.importId as number });
    expect(undo.ok).toBe(true);
    expect(await zoneOf()).toEqual({ HY1: 'Z-HY-KY', HY2: null });
    // The first zone import cannot be undone while the incidents import... does not depend on it
    // (points are re-assigned), so it can: the incidents lose their zone.
    const undoFirst = await undoImport({ db: t.db, principal: ADMIN, importId: first.importId as number });
    expect(undoFirst.ok).toBe(true);
    expect(await zoneOf()).toEqual({ HY1: null, HY2: null });
    await undoImport({ db: t.db, principal: ADMIN, importId: inc.importId as number });
  });
});

describe('incidents', () => {
  beforeAll(async () => {
    const z = await importText(
      t.db,
      'zones',
      'sk.geojson',
      featureCollection([
        {
          properties: {
            code: 'Z-TEST-SK',
            name_th: 'ตลาดทดสอบ',
            station: 'ST-MUEANG-SONGKHLA',
            start_date: '2021-10-01',
          },
          ring: rect(100.595, 7.2, 100.5965, 7.2015),
        },
      ]),
    );
    expect(z.errors).toEqual([]);
  });

  it('names, for a missing column, headers it would recognise and both ways to map it', async () => {
    const r = await importText(
      t.db,
      'incidents',
      'w.csv',
      'case_no,when,kind,police\nA1,2022-01-01,x,y\n',
      {},
      { dryRun: true },
    );
    const missing = r.errors.filter((e) => e.code === 'missing_required_column');
    expect(missing.map((e) => e.en.match(/"(\w+)"/)?.[1])).toEqual(['occurred_at', 'crime_type', 'station']);
    expect(missing[0]?.th).toMatch(/^ไม่พบคอลัมน์ที่จำเป็น "วันที่เกิดเหตุ" \(หรือ /);
    expect(missing[0]?.th).not.toContain('occurred_at');
    expect(missing[0]?.en).toContain('"date"');
    expect(missing[0]?.en).toContain('--mapping');
  });

  it('lists every unknown offence type for the user to map, then imports with the mapping and remembers it', async () => {
    const csv =
      'เลขคดี,วันที่,ข้อหา,สถานี\nU1,2022-01-01,ลักทรัพย์,สภ.เมืองสงขลา\nU2,2022-01-02,ขโมยปลากัด,สภ.เมืองสงขลา\nU3,2022-01-03,ขโมยปลากัด,สภ.เมืองสงขลา\nU4,2022-01-04,แอบถ่าย,สภ.เมืองสงขลา\n';
    const r = await importText(t.db, 'incidents', 'u.csv', csv, {}, { dryRun: true });
    expect(r.ok).toBe(false);
    expect(r.preview.unknownOffenceTypes).toEqual([
      { label: 'ขโมยปลากัด', rows: 2, firstRow: 3 },
      { label: 'แอบถ่าย', rows: 1, firstRow: 5 },
    ]);
    expect(r.errors.map((e) => [e.code, e.row, e.value])).toEqual([
      ['unknown_offence_type', 3, 'ขโมยปลากัด'],
      ['unknown_offence_type', 5, 'แอบถ่าย'],
    ]);
    expect(r.counts.rowsWithErrors).toBe(3);
    const ok = await importText(t.db, 'incidents', 'u.csv', csv, { offenceMap: { ขโมยปลากัด: 2, แอบถ่าย: 1 } });
    expect(ok.errors).toEqual([]);
    const rows = await t.db.all<{ c: string; t: string; g: number }>(
      `SELECT case_id AS c, crime_type AS t, crime_group AS g FROM incidents WHERE case_id LIKE 'U%' ORDER BY 1`,
    );
    expect(rows).toEqual([
      { c: 'U1', t: 'theft', g: 2 },
      { c: 'U2', t: 'ขโมยปลากัด', g: 2 },
      { c: 'U3', t: 'ขโมยปลากัด', g: 2 },
      { c: 'U4', t: 'แอบถ่าย', g: 1 },
    ]);
    // Remembered: the next file needs no mapping for these labels.
    const next = await importText(
      t.db,
      'incidents',
      'u2.csv',
      'เลขคดี,วันที่,ข้อหา,สถานี\nU9,2022-02-01,ขโมยปลากัด,สภ.เมืองสงขลา\n',
      {},
      { dryRun: true },
    );
    expect(next.errors).toEqual([]);
    await undoImport({ db: t.db, principal: ADMIN, importId: ok.importId as number });
  });

  it('never guesses an ambiguous station: it lists the candidates', async () => {
    const add = await importText(
      t.db,
      'stations',
      'hy2.csv',
      'code,name_th,name_en,kind,division,province,bureau\nST-TEST-HY-MPB,สน.หาดใหญ่,Hat Yai Metro (test),สน.,บก.น.5,TH-10,บช.น.\n',
    );
    expect(add.errors).toEqual([]);
    const r = await importText(
      t.db,
      'incidents',
      'amb.csv',
      'เลขคดี,วันที่,ข้อหา,สถานี\nA1,2022-01-01,ลักทรัพย์,หาดใหญ่\nA2,2022-01-01,ลักทรัพย์,สภ.หาดใหญ่\nA3,2022-01-01,ลักทรัพย์,สภ.หาดไหญ่\n',
      {},
      { dryRun: true },
    );
    expect(r.errors.map((e) => [e.code, e.row])).toEqual([
      ['ambiguous_station', 2],
      ['unknown_station', 4],
    ]);
    expect(r.errors[0]?.en).toContain('ST-HAT-YAI');
    expect(r.errors[0]?.en).toContain('ST-TEST-HY-MPB');
    expect(r.errors[1]?.en).toContain('did you mean');
    expect(r.errors[1]?.th).toContain('ST-HAT-YAI');
    await undoImport({ db: t.db, principal: ADMIN, importId: add.importId as number });
  });

  it('keeps a commander to their own station', async () => {
    const csv = 'เลขคดี,วันที่,ข้อหา,สถานี\nC1,2022-01-01,ลักทรัพย์,สภ.เมืองสงขลา\nC2,2022-01-01,ลักทรัพย์,สภ.หาดใหญ่\n';
    const r = await importText(t.db, 'incidents', 'c.csv', csv, {}, { principal: commander(['ST-MUEANG-SONGKHLA']) });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.code, e.row, e.value])).toEqual([['station_out_of_scope', 3, 'สภ.หาดใหญ่']]);
  });

  it('reports each problem with file, row, column, value and a reason in Thai and English; the count is full', async () => {
    const lines = ['เลขคดี,วันที่,ข้อหา,สถานี,lat,lon'];
    for (let i = 0; i < 500; i++) lines.push(`E${i},31/02/2565,ลักทรัพย์,สภ.เมืองสงขลา,7.2,100.59`);
    lines.push('E-last,2022-01-01,ลักทรัพย์,สภ.เมืองสงขลา,95,100.59');
    const r = await importText(t.db, 'incidents', 'errors.csv', `${lines.join('\n')}\n`, {}, { dryRun: true });
    expect(r.errorCount).toBe(501);
    expect(r.errors.length).toBeLessThan(501);
    expect(r.truncated).toBe(true);
    const first = r.errors[0];
    expect(first).toMatchObject({
      file: 'errors.csv',
      row: 2,
      column: 'วันที่',
      value: '31/02/2565',
      code: 'invalid_date',
    });
    expect(first?.th).toMatch(/วันที่/);
    expect(first?.en).toMatch(/Day 31 does not exist/);
    // The one different error is listed despite 500 of another kind.
    expect(r.errors.some((e) => e.row === 502 && e.column === 'lat')).toBe(true);
  });
});

describe('monthly counts', () => {
  it('reads Thai months and group names, refuses a duplicate key, skips an exact re-import', async () => {
    const r = await importText(t.db, 'monthly_counts', 'monthly-thai.csv', fixture('monthly-thai.csv'));
    expect(r.errors).toEqual([]);
    const rows = await t.db.all<{ m: string; g: number; n: number }>(
      `SELECT strftime("month", '%Y-%m') AS m, crime_group AS g, cases AS n FROM monthly_counts WHERE import_id = $id ORDER BY 1, 2`,
      { id: r.importId as number },
    );
    expect(rows).toEqual([
      { m: '2021-10', g: 1, n: 3 },
      { m: '2021-10', g: 2, n: 12 },
      { m: '2021-11', g: 2, n: 9 },
      { m: '2021-12', g: 3, n: 5 },
      { m: '2022-01', g: 4, n: 40 },
    ]);
    const dup = await importText(
      t.db,
      'monthly_counts',
      'dup.csv',
      'station,month,crime_group,count\nST-MUEANG-SONGKHLA,2022-05,1,3\nST-MUEANG-SONGKHLA,5/2565,1,4\n',
      {},
      { dryRun: true },
    );
    expect(dup.errors.map((e) => [e.code, e.row])).toEqual([['duplicate_key', 3]]);
    const again = await importText(
      t.db,
      'monthly_counts',
      'again.csv',
      'station,month,crime_group,count\nST-MUEANG-SONGKHLA,ต.ค. 64,1,3\nST-MUEANG-SONGKHLA,ต.ค. 64,2,13\n',
      {},
      { dryRun: true },
    );
    expect(again.counts.skipped).toBe(1);
    expect(again.errors.map((e) => e.code)).toEqual(['count_conflict']);
  });
});

describe('survey responses', () => {
  it('reads Thai labels, Thai digits and non-answers with the default codebook', async () => {
    const r = await importText(t.db, 'survey', 'survey-thai.csv', fixture('survey-thai.csv'));
    expect(r.errors).toEqual([]);
    expect(r.counts.answers?.fear).toEqual({ valid: 4, dont_know: 1, blank: 1, out_of_range: 1 });
    const rows = await t.db.all<{ f: number | null; fs: string; tr: number | null; ts: string; w: number }>(
      `SELECT fear_level AS f, fear_status AS fs, trust_level AS tr, trust_status AS ts, weight AS w FROM survey_responses WHERE import_id = $id ORDER BY rowid`,
      { id: r.importId as number },
    );
    expect(rows.map((x) => [x.f, x.fs, x.tr, x.ts])).toEqual([
      [5, 'valid', 4, 'valid'],
      [2, 'valid', 5, 'valid'],
      [null, 'dont_know', 3, 'valid'],
      [5, 'valid', 4, 'valid'],
      [null, 'blank', 1, 'valid'],
      [null, 'out_of_range', null, 'refused'],
      [1, 'valid', 3, 'valid'],
    ]);
    const [agg] = await t.db.all<{ n: number }>(
      `SELECT sum(n)::INTEGER AS n FROM survey_agg WHERE zone_id = 'Z-TEST-SK' AND item = 'fear'`,
    );
    expect(agg?.n).toBe(7);
  });

  it('reads codes with an uploaded codebook (data-formats.md shape)', async () => {
    const codebook = JSON.stringify({
      name: 'Afrobarometer-like',
      items: {
        fear: {
          levels: 5,
          codes: { '0': 1, '1': 2, '2': 3, '3': 4, '4': 5 },
          missing: { '8': 'refused', '9': 'dont_know', '-1': 'missing' },
          counts: [2, 3, 4, 5],
        },
        trust: {
          levels: 4,
          codes: { '0': 1, '1': 2, '2': 3, '3': 4 },
          labels: { '4': ['A lot', 'มาก'], '3': ['Somewhat', 'ค่อนข้างมาก'] },
          missing: { '8': 'refused', '9': 'dont_know' },
          counts: [3, 4],
        },
      },
      denominator: 'all',
    });
    const csv =
      'zone,date,wave,fear,trust\nZ-TEST-SK,2022-03-01,2565-Q1,0,3\nZ-TEST-SK,2022-03-01,2565-Q1,9,A lot\nZ-TEST-SK,2022-03-02,2565-Q1,8,ค่อนข้างมาก\n';
    const r = await importText(t.db, 'survey', 'ab.csv', csv, { codebook });
    expect(r.errors).toEqual([]);
    const rows = await t.db.all<{ f: number | null; fs: string; tr: number | null; k: number }>(
      `SELECT fear_level AS f, fear_status AS fs, trust_level AS tr, trust_levels AS k FROM survey_responses WHERE import_id = $id ORDER BY rowid`,
      { id: r.importId as number },
    );
    expect(rows).toEqual([
      { f: 1, fs: 'valid', tr: 4, k: 4 },
      { f: null, fs: 'dont_know', tr: 4, k: 4 },
      { f: null, fs: 'refused', tr: 3, k: 4 },
    ]);
    const bad = await importText(
      t.db,
      'survey',
      'ab.csv',
      csv,
      { codebook: '{"items": {}}', force: true },
      { dryRun: true },
    );
    expect(bad.errors.map((e) => e.code)).toEqual(['invalid_codebook']);
  });

  it('derives the wave from the date when there is none, and says so', async () => {
    const r = await importText(
      t.db,
      'survey',
      'nowave.csv',
      'zone,date,trust\nZ-TEST-SK,15/2/2565,มาก\n',
      {},
      { dryRun: true },
    );
    expect(r.errors).toEqual([]);
    expect(r.preview.rows[0]?.cells.wave?.value).toBe('2565-Q1');
    expect(r.warnings.map((w) => w.code)).toEqual(['wave_derived']);
  });
});

describe('partners', () => {
  it('reads Thai partner types, Thai digits and baht amounts', async () => {
    const r = await importText(t.db, 'partners', 'partners-thai.csv', fixture('partners-thai.csv'));
    expect(r.errors).toEqual([]);
    const rows = await t.db.all<{ p: string; t: string; d: string; c: number | null; b: number | null }>(
      `SELECT partner AS p, partner_type AS t, strftime(mou_date, '%Y-%m-%d') AS d, cctv AS c, budget_thb AS b FROM partners WHERE import_id = $id ORDER BY rowid`,
      { id: r.importId as number },
    );
    expect(rows).toEqual([
      { p: 'องค์การบริหารส่วนจังหวัดสงขลา', t: 'PAO', d: '2021-12-03', c: 12, b: 1_500_000 },
      { p: 'เทศบาลนครสงขลา', t: 'municipality', d: '2021-12-03', c: 4, b: 250_000 },
      { p: 'ชุมชนบ่อยาง', t: 'community', d: '2021-12-03', c: null, b: null },
    ]);
    const before = await tableCounts(t.db);
    const again = await importText(
      t.db,
      'partners',
      'partners-again.csv',
      `${new TextDecoder().decode(fixture('partners-thai.csv'))}\n`,
    );
    expect(again.counts.skipped).toBe(3);
    expect(again.counts.write.partners).toBe(0);
    expect((await tableCounts(t.db)).partners).toBe(before.partners);
  });
});
