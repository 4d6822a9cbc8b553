/**
 * GET /api/exports/kpis.csv and .xlsx: the /api/kpis answer as a spreadsheet, with the same
 * parameters and scope. Checked against the API's own figures; the XLSX read back cell by cell.
 */
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { type ColumnTable, decodeRows } from '../../../server/contracts/column-table.ts';
import { neutralise, toCsv } from '../../../server/exports/csv.ts';
import { KPI_COLUMNS, kpiTable } from '../../../server/exports/kpi-table.ts';
import { parseCsv } from '../../../server/importers/parse/csv.ts';
import { demoAppForFile } from '../demo-app.ts';

const demo = demoAppForFile();
const admin = demo.as('admin');
const commander = demo.as('demo-commander');
const viewer = demo.as('demo-viewer');

interface Item {
  id: string;
  fear: { value: number | null; n: number };
  crime: { after: number; baseline: number; changePct: number | null };
}

/** The CSV's data rows as field lists, read back with the importers' own CSV parser. */
const csvRows = (text: string): string[][] => parseCsv(text.replace(/^\uFEFF/, '')).rows.map((r) => r.fields);
const column = (key: string) => KPI_COLUMNS.findIndex((c) => c.key === key);
const round1 = (v: number | null) => (v === null ? '' : String(Math.round(v * 10) / 10));
/** An /api/kpis answer's items, decoded from its columns as the web does. */
const kpiItems = async (query: string) => ({
  items: decodeRows(((await (await admin(`/api/kpis?${query}`)).json()) as { items: ColumnTable<Item> }).items),
});

describe('KPI exports', () => {
  it('CSV: UTF-8 with a BOM, Thai headers, one row per zone with the API figures', async () => {
    const res = await admin('/api/exports/kpis.csv?level=zone');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="ssz-kpis-zone\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const header = text.slice(1, text.indexOf('\r\n'));
    expect(header).toContain('กลัวอาชญากรรม % (Fear of crime %)');
    expect(header).toContain('เชื่อมั่นตำรวจ % (Trust in police %)');
    const rows = csvRows(text);
    const api = await kpiItems('level=zone');
    expect(rows.length).toBe(api.items.length);
    for (const item of api.items) {
      const f = rows.find((r) => r[column('id')] === item.id) as string[];
      expect(f, item.id).toBeDefined();
      expect(f[column('fear')]).toBe(round1(item.fear.value));
      expect(f[column('fear_n')]).toBe(String(item.fear.n));
      expect(f[column('crime_after')]).toBe(String(item.crime.after));
      expect(f[column('crime_baseline')]).toBe(String(item.crime.baseline));
      expect(f[column('crime_change')]).toBe(round1(item.crime.changePct));
    }
  });

  it('XLSX: the same table read back, numbers as numbers, and a sheet of the filters', async () => {
    const res = await admin('/api/exports/kpis.xlsx?level=station&from=2023-10&to=2024-09');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const buffer = Buffer.from(await res.arrayBuffer());
    const sheets = await readXlsxFile(buffer);
    const [kpis, filters] = sheets;
    expect(kpis?.sheet).toBe('ตัวชี้วัด KPIs');
    const rows = kpis?.data ?? [];
    expect(rows[0]?.[column('fear')]).toBe('กลัวอาชญากรรม %\nFear of crime %');
    const api = await kpiItems('level=station&from=2023-10&to=2024-09');
    expect(rows.length - 1).toBe(api.items.length);
    for (const item of api.items) {
      const row = rows.find((r) => r[column('id')] === item.id);
      expect(row?.[column('crime_after')]).toBe(item.crime.after);
      expect(row?.[column('fear_n')]).toBe(item.fear.n);
      expect(row?.[column('fear')]).toBe(item.fear.value === null ? null : Math.round(item.fear.value * 10) / 10);
    }
    expect(filters?.data.map((r) => r[0])).toContain('ช่วงเวลา (period)');
    expect(filters?.data.find((r) => r[0] === 'ช่วงเวลา (period)')?.[1]).toBe('2566-10 – 2567-09 (BE)');
  });

  it("keeps to the user's scope: a commander exports Hat Yai's zones only, another station's unit is empty", async () => {
    const own = csvRows(new TextDecoder().decode(await (await commander('/api/exports/kpis.csv')).arrayBuffer()));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r[column('id')]?.startsWith('Z-HDY'))).toBe(true);
    const other = new TextDecoder().decode(
      await (await commander('/api/exports/kpis.csv?level=station&unit=ST-MUEANG-CHIANG-MAI')).arrayBuffer(),
    );
    expect(csvRows(other)).toHaveLength(0);
    expect((await viewer('/api/exports/kpis.csv')).status).toBe(403);
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(neutralise('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    for (const s of ['+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralise(s)).toBe(`'${s}`);
    expect(neutralise('ตลาดกิมหยง')).toBe('ตลาดกิมหยง');
    const table = kpiTable({ items: [] });
    table.rows.push(KPI_COLUMNS.map((c) => (c.key === 'name_th' ? '=cmd|"/c calc"!A1' : c.type === 'text' ? 'x' : 1)));
    const csv = toCsv(table);
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(csv).not.toMatch(/,=cmd/);
  });
});

describe('crime readings on the demo (issue 17: displacement said where it happens)', () => {
  interface ReadingItem {
    id: string;
    crime: {
      status: string;
      changePct: number | null;
      wdq: { value: number | null; reading: string | null } | null;
      reading: {
        zone: string;
        relative: string;
        pointsDifferentWays: boolean;
        wdq: string;
        displacementWarning: boolean;
      };
    };
    meets: { crime: { k: number; n: number; withDisplacement: number } };
  }
  const kpis = async (query: string) =>
    decodeRows(((await (await admin(`/api/kpis?${query}`)).json()) as { items: ColumnTable<ReadingItem> }).items);

  it('Z-HDY-01 stays "met with confidence" and carries the displacement warning, in the API and the CSV', async () => {
    const zone = (await kpis('level=zone&unit=Z-HDY-01'))[0] as ReadingItem;
    expect(zone.crime.status).toBe('met_confident');
    expect(zone.crime.wdq?.value).toBeLessThan(0);
    expect(zone.crime.reading).toMatchObject({ relative: 'improved', wdq: 'displacement', displacementWarning: true });
    const rows = csvRows(
      new TextDecoder().decode(await (await admin('/api/exports/kpis.csv?level=zone')).arrayBuffer()),
    );
    const row = rows.find((r) => r[column('id')] === 'Z-HDY-01') as string[];
    expect(row[column('crime_status')]).toBe('ผ่านเป้าหมายอย่างมั่นใจ (met with confidence)');
    expect(row[column('crime_warning')]).toMatch(
      /^ผ่านเป้าหมาย แต่อาชญากรรมย้ายไปรอบพื้นที่ \(WDQ −0\.\d\d\) \(Met, but crime/,
    );
    expect(row[column('crime_wdq_reading')]).toContain('displacement (crime moved into the ring around the zone)');
  });

  it('FY2567: Z-HDY-03 rose 3.7% but less than its comparison area, said in one sentence', async () => {
    const zone = (await kpis('level=zone&unit=Z-HDY-03&from=2023-10&to=2024-09'))[0] as ReadingItem;
    expect(zone.crime.status).toBe('not_met');
    expect(zone.crime.changePct).toBeCloseTo(3.7, 1);
    expect(zone.crime.reading).toMatchObject({ zone: 'rose', relative: 'improved', pointsDifferentWays: true });
    const rows = csvRows(
      new TextDecoder().decode(
        await (await admin('/api/exports/kpis.csv?level=zone&from=2023-10&to=2024-09')).arrayBuffer(),
      ),
    );
    const row = rows.find((r) => r[column('id')] === 'Z-HDY-03') as string[];
    expect(row[column('crime_reading')]).toBe(
      'คดีในพื้นที่เพิ่มขึ้น 3.7% แต่เพิ่มขึ้นน้อยกว่าพื้นที่เปรียบเทียบ (crime rose 3.7% in the zone but less than in its comparison area)',
    );
  });

  it('a zone that did not improve against its comparison area never gets a diffusion or displacement word', async () => {
    for (const item of await kpis('level=zone')) {
      if (item.crime.reading?.relative === 'worsened' || item.crime.reading?.relative === 'same') {
        expect(item.crime.reading.wdq === null || item.crime.reading.wdq === 'not_applicable', item.id).toBe(true);
        expect(item.crime.wdq?.reading ?? 'not_applicable', item.id).toBe('not_applicable');
      }
    }
  });

  it('rollups: "k of n met, j of them with displacement" counts the zones carrying the warning', async () => {
    const zones = await kpis('level=zone');
    const j = zones.filter((z) => z.crime.reading?.displacementWarning).length;
    expect(j).toBeGreaterThan(0);
    const [national] = await kpis('level=national');
    expect(national?.meets.crime.withDisplacement).toBe(j);
    const rows = csvRows(
      new TextDecoder().decode(await (await admin('/api/exports/kpis.csv?level=national')).arrayBuffer()),
    );
    expect(rows[0]?.[column('crime_zones_met_displaced')]).toBe(String(j));
    expect(rows[0]?.[column('crime_warning')]).toBe(
      `ในจำนวนนี้ ${j} พื้นที่มีอาชญากรรมย้ายไปรอบพื้นที่ (${j} of them with displacement)`,
    );
  });
});
