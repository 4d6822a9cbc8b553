/**
 * Incident imports write chunk by chunk while the file is read (server/importers/kinds/incidents.ts,
 * server/queries/imports-incidents.ts). Small chunks here (limits.chunkRows) put many chunk
 * boundaries in one file; the same file imported as one chunk into a second database is the
 * yardstick: the stored rows, the zones and rings, the warnings and the aggregates must not
 * depend on where the chunks fall. crime_monthly is additive (each chunk appends its counts): its
 * sums by key must equal a rebuild from the tables. An error in the last row leaves nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db/database.ts';
import type { RunImportInput } from '../../../server/importers/pipeline.ts';
import { refreshAggregates } from '../../../server/queries/refresh-aggregates.ts';
import { featureCollection, importText, rect, type TestDb, tableCounts, tempDb } from './helpers/db.ts';

const ROWS = 6_000;
const SMALL_CHUNKS: Partial<RunImportInput> = { limits: { chunkRows: 500 } };

/** Deterministic rows around two Songkhla zones and one in Hat Yai. */
function incidentsCsv(): { csv: string; repeats: { row: number; firstRow: number }[]; withIds: number } {
  let seed = 2588;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const lines = ['เลขคดี,วันที่เกิดเหตุ,ประเภทคดี,สถานี,ละติจูด,ลองจิจูด'];
  const types = ['ลักทรัพย์', 'ทำร้ายร่างกาย', 'วิ่งราวทรัพย์', 'ยาเสพติด'];
  const repeats: { row: number; firstRow: number }[] = [];
  let withIds = 0;
  for (let i = 0; i < ROWS; i++) {
    const row = i + 2;
    // Case numbers: mostly unique; some blank; every 301st repeats an earlier row (same station),
    // near it (same chunk) or far back (chunks apart).
    const earlier = i > 0 && i % 301 === 0 ? (lines[i + 1 - (i % 2 === 0 ? 3 : 2_300)]?.split(',') ?? null) : null;
    const repeat = earlier !== null && earlier[0] !== '' ? earlier : null;
    const hatYai = repeat === null ? next() < 0.3 : repeat[3] === 'สภ.หาดใหญ่';
    const station = hatYai ? 'สภ.หาดใหญ่' : 'สภ.เมืองสงขลา';
    const [lat0, lon0] = hatYai ? [7.005, 100.475] : [7.2005, 100.5955];
    const u = next();
    // inside a zone, near it (rings), far away, or without coordinates
    const spread = u < 0.4 ? 0.0005 : u < 0.7 ? 0.004 : 0.05;
    const lat = u > 0.95 ? '' : (lat0 + (next() - 0.5) * 2 * spread).toFixed(6);
    const lon = u > 0.95 ? '' : (lon0 + (next() - 0.5) * 2 * spread).toFixed(6);
    const day = 1 + Math.floor(next() * 28);
    const month = 1 + Math.floor(next() * 12);
    const year = 2563 + Math.floor(next() * 3);
    const date = `${day}/${month}/${year} ${String(Math.floor(next() * 24)).padStart(2, '0')}:${String(Math.floor(next() * 60)).padStart(2, '0')}`;
    let id = i % 97 === 0 ? '' : `${hatYai ? 'HY' : 'SK'}-${String(i).padStart(5, '0')}`;
    if (repeat !== null) {
      id = repeat[0] as string;
      const firstRow = lines.findIndex((l) => l.startsWith(`${id},`)) + 1;
      repeats.push({ row, firstRow });
    }
    if (id !== '') withIds++;
    lines.push([id, date, types[Math.floor(next() * types.length)], station, lat, lon].join(','));
  }
  return { csv: `${lines.join('\n')}\n`, repeats, withIds };
}

async function withZones(): Promise<TestDb> {
  const t = await tempDb();
  const z = await importText(
    t.db,
    'zones',
    'zones.geojson',
    featureCollection([
      {
        properties: { code: 'Z-S-1', name_th: 'ตลาดหนึ่ง', station: 'ST-MUEANG-SONGKHLA', start_date: '2021-10-01' },
        ring: rect(100.595, 7.2, 100.596, 7.201),
      },
      {
        properties: { code: 'Z-S-2', name_th: 'ตลาดสอง', station: 'ST-MUEANG-SONGKHLA', start_date: '2021-10-01' },
        ring: rect(100.5962, 7.2, 100.5972, 7.201),
      },
      {
        properties: { code: 'Z-H-1', name_th: 'ตลาดสาม', station: 'ST-HAT-YAI', start_date: '2021-10-01' },
        ring: rect(100.4745, 7.0045, 100.4755, 7.0055),
      },
    ]),
  );
  expect(z.errors).toEqual([]);
  return t;
}

const incidentRows = (db: Database) =>
  db.all<Record<string, unknown>>(
    `SELECT case_id, strftime(occurred_at, '%Y-%m-%d %H:%M') AS at, strftime("month", '%Y-%m') AS m, crime_type,
            crime_group, lat, lon, station_code, zone_id
       FROM incidents ORDER BY ALL`,
  );
const ringRows = (db: Database) =>
  db.all<Record<string, unknown>>(
    `SELECT zone_id, station_code, strftime("month", '%Y-%m') AS m, crime_group, count(*)::INTEGER AS n
       FROM incident_rings GROUP BY ALL ORDER BY ALL`,
  );
const monthlySums = (db: Database) =>
  db.all<Record<string, unknown>>(
    `SELECT area, zone_id, station_code, strftime("month", '%Y-%m') AS m, crime_group, sum(cases)::INTEGER AS cases
       FROM crime_monthly GROUP BY ALL ORDER BY ALL`,
  );
const coverage = (db: Database) =>
  db.all<Record<string, unknown>>(
    `SELECT station_code, strftime(first_month, '%Y-%m') AS f, strftime(last_month, '%Y-%m') AS l
       FROM station_coverage ORDER BY ALL`,
  );

describe('incident imports written chunk by chunk', () => {
  const file = incidentsCsv();
  let chunked: TestDb;
  let whole: TestDb;

  beforeAll(async () => {
    [chunked, whole] = await Promise.all([withZones(), withZones()]);
  }, 300_000);
  afterAll(() => {
    chunked?.close();
    whole?.close();
  });

  it('stores the same rows, zones, rings and warnings as one chunk, and a dry run counts them alike', async () => {
    const dry = await importText(chunked.db, 'incidents', 'inc.csv', file.csv, {}, { ...SMALL_CHUNKS, dryRun: true });
    const a = await importText(chunked.db, 'incidents', 'inc.csv', file.csv, {}, SMALL_CHUNKS);
    const b = await importText(whole.db, 'incidents', 'inc.csv', file.csv);
    expect(a.errors).toEqual([]);
    expect(a.ok && b.ok).toBe(true);
    expect(a.counts).toEqual(b.counts);
    expect(dry.counts).toEqual(a.counts);
    expect(a.counts.write.incidents).toBe(ROWS);
    expect(a.counts.write.incident_rings).toBeGreaterThan(100);
    expect(a.byCode).toEqual(b.byCode);
    expect(dry.byCode).toEqual(a.byCode);
    expect(a.byCode.no_coordinates).toBeGreaterThan(100);
    expect(a.byCode.outside_zones).toBeGreaterThan(100);
    const sortedWarnings = (r: typeof a) =>
      r.warnings.map((w) => `${w.code} ${w.row} ${w.value} ${w.en}`).sort((x, y) => x.localeCompare(y));
    expect(sortedWarnings(a)).toEqual(sortedWarnings(b));
    expect(await incidentRows(chunked.db)).toEqual(await incidentRows(whole.db));
    expect(await ringRows(chunked.db)).toEqual(await ringRows(whole.db));
    const located = await chunked.db.all<{ z: string; n: number }>(
      'SELECT zone_id AS z, count(*)::INTEGER AS n FROM incidents WHERE zone_id IS NOT NULL GROUP BY 1 ORDER BY 1',
    );
    expect(located.map((r) => r.z)).toEqual(['Z-H-1', 'Z-S-1', 'Z-S-2']);
  });

  it('reports every repeated case number with its first row, across chunk boundaries too', async () => {
    // (In a database that has the file already, its case numbers are skipped before repeats count.)
    const fresh = await withZones();
    try {
      const r = await importText(
        fresh.db,
        'incidents',
        'inc.csv',
        file.csv,
        {},
        { limits: { chunkRows: 500, issueLimit: 10_000 }, dryRun: true },
      );
      expect(file.repeats.length).toBeGreaterThan(4);
      expect(r.byCode.duplicate_in_file).toBe(file.repeats.length);
      const listed = r.warnings
        .filter((w) => w.code === 'duplicate_in_file')
        .map((w) => ({ row: w.row, firstRow: Number(/row (\d+)/.exec(w.en)?.[1]) }));
      expect(listed).toEqual(file.repeats.map((x) => ({ row: x.row, firstRow: x.firstRow })));
      expect(file.repeats.some((x) => x.row - x.firstRow > 500)).toBe(true);
    } finally {
      fresh.close();
    }
  });

  it('keeps crime_monthly additive: its sums by key, and station_coverage, equal a rebuild from the tables', async () => {
    const rows = await chunked.db.all<{ n: number; keys: number }>(
      `SELECT count(*)::INTEGER AS n, count(DISTINCT (area, zone_id, station_code, "month", crime_group))::INTEGER AS keys
         FROM crime_monthly`,
    );
    // Several chunks touched the same keys: more rows than keys until a rebuild.
    expect(rows[0]?.n).toBeGreaterThan(rows[0]?.keys ?? 0);
    const sums = await monthlySums(chunked.db);
    const cov = await coverage(chunked.db);
    expect(sums).toEqual(await monthlySums(whole.db));
    await chunked.db.withConnection((conn) => refreshAggregates(conn));
    expect(await monthlySums(chunked.db)).toEqual(sums);
    expect(await coverage(chunked.db)).toEqual(cov);
  });

  it('skips case numbers stored before when the file comes again (forced), in every chunk', async () => {
    const before = await tableCounts(chunked.db);
    const r = await importText(chunked.db, 'incidents', 'inc.csv', file.csv, { force: true }, SMALL_CHUNKS);
    expect(r.ok).toBe(true);
    expect(r.counts.skipped).toBe(file.withIds);
    expect(r.byCode.already_imported_row).toBe(file.withIds);
    const after = await tableCounts(chunked.db);
    expect((after.incidents ?? 0) - (before.incidents ?? 0)).toBe(ROWS - file.withIds);
    const [total] = await chunked.db.all<{ n: number }>(
      `SELECT sum(cases)::INTEGER AS n FROM crime_monthly WHERE area = 'station'`,
    );
    expect(total?.n).toBe(after.incidents ?? -1);
  });

  it('writes nothing when the last row has an error, though earlier chunks were already written', async () => {
    const before = await tableCounts(chunked.db);
    const bad = `${file.csv}X-1,31/2/2565 10:00,ลักทรัพย์,สภ.หาดใหญ่,7.005,100.475\n`;
    const r = await importText(chunked.db, 'incidents', 'bad.csv', bad, {}, SMALL_CHUNKS);
    expect(r.ok).toBe(false);
    expect(r.importId).toBeNull();
    expect(r.errors.map((e) => [e.code, e.row])).toEqual([['invalid_date', ROWS + 2]]);
    expect(await tableCounts(chunked.db)).toEqual(before);
  });
});
