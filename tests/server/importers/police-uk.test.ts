/**
 * Real files: the 36 police.uk monthly street-level files of the City of London Police import
 * with a saved column mapping into a zone drawn over the City. Per-month counts equal the files'
 * row counts; rows without coordinates count for the station and no zone; duplicate Crime IDs in
 * a file are kept (and reported); anti-social behaviour rows have no Crime ID. Then re-import is
 * refused, and undo removes exactly one month.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointInGeometry } from '../../../server/geo/contains.ts';
import type { Polygon } from '../../../server/geo/types.ts';
import { runImport } from '../../../server/importers/pipeline.ts';
import { undoImport } from '../../../server/importers/undo.ts';
import { saveMapping } from '../../../server/queries/import-mappings.ts';
import { parseCsv } from '../../../server/reference/load.ts';
import { ADMIN, featureCollection, importText, realData, type TestDb, tableCounts, tempDb } from './helpers/db.ts';

const DIR = join(realData, 'police-uk-city-of-london');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.csv'))
  .sort();

/** A hexagon-ish outline over the City (lon -0.114..-0.072, lat 51.507..51.523). */
const CITY: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [-0.114, 51.512],
      [-0.104, 51.507],
      [-0.082, 51.507],
      [-0.072, 51.511],
      [-0.075, 51.523],
      [-0.098, 51.523],
      [-0.114, 51.518],
      [-0.114, 51.512],
    ],
  ],
};

interface FileFacts {
  month: string;
  rows: number;
  noCoords: number;
  blankIds: number;
  duplicateRows: number;
  inCity: number;
  byType: Map<string, number>;
}

function factsOf(file: string): FileFacts {
  const [header, ...rows] = parseCsv(readFileSync(join(DIR, file), 'utf8'));
  const col = (name: string) => (header ?? []).indexOf(name);
  const [id, lon, lat, type] = [col('Crime ID'), col('Longitude'), col('Latitude'), col('Crime type')];
  const seen = new Set<string>();
  const facts: FileFacts = {
    month: file.slice(0, 7),
    rows: rows.length,
    noCoords: 0,
    blankIds: 0,
    duplicateRows: 0,
    inCity: 0,
    byType: new Map(),
  };
  for (const r of rows) {
    const cid = r[id] ?? '';
    if (cid === '') facts.blankIds++;
    else if (seen.has(cid)) facts.duplicateRows++;
    else seen.add(cid);
    const x = r[lon] ?? '';
    const y = r[lat] ?? '';
    if (x === '' || y === '') facts.noCoords++;
    else if (pointInGeometry(Number(x), Number(y), CITY)) facts.inCity++;
    const t = r[type] ?? '';
    facts.byType.set(t, (facts.byType.get(t) ?? 0) + 1);
  }
  return facts;
}

describe('police.uk City of London, 36 monthly files', () => {
  let t: TestDb;
  const facts = FILES.map(factsOf);
  const ids = new Map<string, number>();

  beforeAll(async () => {
    t = await tempDb();
    // A test-only station, added through a stations import like any registry update.
    const stations = await importText(
      t.db,
      'stations',
      'test-station.csv',
      'code,name_th,name_en,kind,division,province,bureau\nST-CITY-OF-LONDON,สน.ซิตี้ออฟลอนดอน (ทดสอบ),City of London (test),สน.,บก.น.1,กรุงเทพมหานคร,บช.น.\n',
    );
    expect(stations.errors).toEqual([]);
    const zones = await importText(
      t.db,
      'zones',
      'city.geojson',
      featureCollection([
        {
          properties: {
            code: 'Z-CITY',
            name_th: 'ซิตี้ออฟลอนดอน',
            name_en: 'The City',
            station: 'ST-CITY-OF-LONDON',
            start_date: '1/10/2565',
            criteria: 'economic',
          },
          ring: CITY.coordinates[0] as [number, number][],
        },
      ]),
    );
    expect(zones.errors).toEqual([]);
    expect(zones.ok).toBe(true);
    await saveMapping(t.db, {
      name: 'police.uk street',
      kind: 'incidents',
      columns: {
        case_id: 'Crime ID',
        occurred_at: 'Month',
        crime_type: 'Crime type',
        lat: 'Latitude',
        lon: 'Longitude',
      },
      options: { station: 'ST-CITY-OF-LONDON' },
      by: 'test',
    });
  }, 300_000);
  afterAll(() => t?.close());

  it('has the 36 files of the data set', () => {
    expect(FILES).toHaveLength(36);
    expect(facts.reduce((a, f) => a + f.rows, 0)).toBe(27_422);
  });

  it('imports every file with the saved mapping', async () => {
    for (const [k, file] of FILES.entries()) {
      const result = await runImport({
        db: t.db,
        principal: ADMIN,
        kind: 'incidents',
        file: { name: file, path: join(DIR, file) },
        options: { mapping: 'police.uk street' },
      });
      const f = facts[k] as FileFacts;
      expect(result.errors, file).toEqual([]);
      expect(result.ok, file).toBe(true);
      expect(result.counts.rowsRead).toBe(f.rows);
      expect(result.counts.write.incidents).toBe(f.rows);
      expect(result.byCode.no_coordinates ?? 0).toBe(f.noCoords);
      expect(result.byCode.duplicate_in_file ?? 0).toBe(f.duplicateRows);
      ids.set(f.month, result.importId as number);
    }
  }, 300_000);

  it('counts per month equal the files row counts', async () => {
    const rows = await t.db.all<{ m: string; n: number; nc: number; blank: number }>(
      `SELECT strftime("month", '%Y-%m') AS m, count(*)::INTEGER AS n, count(*) FILTER (WHERE lat IS NULL)::INTEGER AS nc,
              count(*) FILTER (WHERE case_id IS NULL)::INTEGER AS blank
         FROM incidents GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.map((r) => [r.m, r.n, r.nc, r.blank])).toEqual(
      facts.map((f) => [f.month, f.rows, f.noCoords, f.blankIds]),
    );
    // A month alone: no time of day is invented.
    const [occ] = await t.db.all<{ n: number }>('SELECT count(occurred_at)::INTEGER AS n FROM incidents');
    expect(occ?.n).toBe(0);
  });

  it('assigns exactly the points inside the drawn zone, and none without coordinates', async () => {
    const rows = await t.db.all<{ m: string; z: number; bad: number }>(
      `SELECT strftime("month", '%Y-%m') AS m, count(*) FILTER (WHERE zone_id = 'Z-CITY')::INTEGER AS z,
              count(*) FILTER (WHERE zone_id IS NOT NULL AND lat IS NULL)::INTEGER AS bad
         FROM incidents GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.map((r) => [r.m, r.z, r.bad])).toEqual(facts.map((f) => [f.month, f.inCity, 0]));
    const [agg] = await t.db.all<{ zone: number; station: number }>(
      `SELECT sum(cases) FILTER (WHERE area = 'zone')::INTEGER AS zone, sum(cases) FILTER (WHERE area = 'station')::INTEGER AS station
         FROM crime_monthly WHERE station_code = 'ST-CITY-OF-LONDON'`,
    );
    expect(agg?.station).toBe(27_422);
    expect(agg?.zone).toBe(facts.reduce((a, f) => a + f.inCity, 0));
    const [ring] = await t.db.all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM incident_rings WHERE zone_id = 'Z-CITY'`,
    );
    expect(ring?.n).toBeGreaterThan(0);
  });

  it('maps every police.uk crime type to a group by the reference table', async () => {
    const rows = await t.db.all<{ t: string; g: number; n: number }>(
      'SELECT crime_type AS t, min(crime_group)::INTEGER AS g, count(*)::INTEGER AS n FROM incidents GROUP BY 1 ORDER BY 1',
    );
    expect(rows.every((r) => r.t.startsWith('uk_'))).toBe(true);
    expect(rows.find((r) => r.t === 'uk_anti_social_behaviour')?.g).toBe(4);
    const total = new Map<string, number>();
    for (const f of facts) for (const [type, n] of f.byType) total.set(type, (total.get(type) ?? 0) + n);
    expect(rows.reduce((a, r) => a + r.n, 0)).toBe([...total.values()].reduce((a, b) => a + b, 0));
  });

  it('refuses a file imported before, and writes nothing', async () => {
    const before = await tableCounts(t.db);
    const file = FILES[3] as string;
    const result = await runImport({
      db: t.db,
      principal: ADMIN,
      kind: 'incidents',
      file: { name: file, path: join(DIR, file) },
      options: { mapping: 'police.uk street' },
    });
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.code)).toEqual(['file_already_imported']);
    expect(result.preview.previousImports.map((p) => p.id)).toEqual([ids.get(facts[3]?.month ?? '')]);
    // The rows with a Crime ID would be skipped as already imported; the report says so.
    expect(result.counts.skipped).toBe((facts[3]?.rows ?? 0) - (facts[3]?.blankIds ?? 0));
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('undo removes exactly that month and updates the aggregates', async () => {
    const month = facts[10] as FileFacts;
    const before = await tableCounts(t.db);
    const result = await undoImport({ db: t.db, principal: ADMIN, importId: ids.get(month.month) as number });
    expect(result.ok).toBe(true);
    const after = await tableCounts(t.db);
    expect(after.incidents).toBe((before.incidents ?? 0) - month.rows);
    const gone = await t.db.all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM incidents WHERE strftime("month", '%Y-%m') = $m`,
      { m: month.month },
    );
    expect(gone[0]?.n).toBe(0);
    const [agg] = await t.db.all<{ n: number }>(
      `SELECT coalesce(sum(cases), 0)::INTEGER AS n FROM crime_monthly WHERE strftime("month", '%Y-%m') = $m`,
      { m: month.month },
    );
    expect(agg?.n).toBe(0);
    const [stationTotal] = await t.db.all<{ n: number }>(
      `SELECT sum(cases)::INTEGER AS n FROM crime_monthly WHERE area = 'station'`,
    );
    expect(stationTotal?.n).toBe(27_422 - month.rows);
    // Undone: the same file may come in again.
    const file = FILES[10] as string;
    const again = await runImport({
      db: t.db,
      principal: ADMIN,
      kind: 'incidents',
      file: { name: file, path: join(DIR, file) },
      options: { mapping: 'police.uk street' },
    });
    expect(again.ok).toBe(true);
    expect(again.counts.write.incidents).toBe(month.rows);
    const second = await undoImport({ db: t.db, principal: ADMIN, importId: ids.get(month.month) as number });
    expect(second.ok).toBe(false);
  });
});
