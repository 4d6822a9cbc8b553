import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../server/db/database.ts';
import { type DemoData, demoContentHash, generateDemo } from '../../../server/demo/generate.ts';
import { isDatabaseEmpty, type LoadDemoResult, loadDemo, writeDemo } from '../../../server/demo/load.ts';
import { resetDemo } from '../../../server/demo/reset.ts';
import { DEMO_DEFAULT_SEED, DEMO_SCRIPT_TODAY } from '../../../server/demo/spec.ts';
import { loadStations } from '../../../server/reference/load.ts';

let db: Database;
let loaded: LoadDemoResult;
let data: DemoData;

const count = async (table: string, where = 'TRUE') => {
  const [row] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table} WHERE ${where}`);
  return row?.n ?? -1;
};

beforeAll(async () => {
  db = await openDatabase(':memory:');
  expect(await isDatabaseEmpty(db)).toBe(true);
  loaded = await loadDemo(db, { today: DEMO_SCRIPT_TODAY });
  data = generateDemo({ seed: DEMO_DEFAULT_SEED, stations: loadStations(), today: DEMO_SCRIPT_TODAY });
});

afterAll(() => db.close());

describe('loadDemo', () => {
  it('writes every generated row, all under one demo import', async () => {
    expect(loaded.seed).toBe(DEMO_DEFAULT_SEED);
    expect(loaded.sha256).toBe(demoContentHash(data));
    expect(await count('zones')).toBe(data.zones.length);
    expect(await count('partners')).toBe(data.partners.length);
    expect(await count('incidents')).toBe(data.incidents.length);
    expect(await count('incident_rings')).toBe(data.incident_rings.length);
    expect(await count('monthly_counts')).toBe(data.monthly_counts.length);
    expect(await count('survey_responses')).toBe(data.survey_responses.length);
    expect(loaded).toMatchObject({
      zones: data.zones.length,
      incidents: data.incidents.length,
      responses: data.survey_responses.length,
    });

    const imports = await db.all<{
      id: number;
      kind: string;
      file_name: string;
      sha256: string;
      username: string;
      row_counts: string;
    }>('SELECT id, kind, file_name, sha256, username, row_counts FROM imports');
    expect(imports).toHaveLength(1);
    const [imp] = imports;
    expect(imp).toMatchObject({
      id: loaded.importId,
      kind: 'demo',
      file_name: `demo-seed-${DEMO_DEFAULT_SEED}`,
      sha256: loaded.sha256,
      username: 'system',
    });
    expect(JSON.parse(imp?.row_counts ?? '{}')).toMatchObject({
      incidents: data.incidents.length,
      zones: data.zones.length,
    });
    for (const table of ['zones', 'partners', 'incidents', 'incident_rings', 'monthly_counts', 'survey_responses']) {
      expect(await count(table, `import_id IS DISTINCT FROM ${loaded.importId}`)).toBe(0);
    }
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it('keeps wall-clock times, months, coordinates and geometry as generated', async () => {
    const first = data.incidents[0];
    const [row] = await db.all<{ t: string; m: string; lat: number | null; zone_id: string | null }>(
      `SELECT strftime(occurred_at, '%Y-%m-%d %H:%M:%S') AS t, strftime("month", '%Y-%m-%d') AS m, lat, zone_id
         FROM incidents WHERE case_id = $id`,
      { id: first?.case_id ?? '' },
    );
    expect(row).toEqual({ t: first?.occurred_at, m: first?.month, lat: first?.lat, zone_id: first?.zone_id });
    expect(await count('incidents', 'lat IS NULL')).toBe(data.incidents.filter((i) => i.lat === null).length);
    expect(await count('incidents', `"month" <> date_trunc('month', occurred_at)::DATE`)).toBe(0);

    const zone = data.zones[0];
    const [z] = await db.all<{ g: string; start: string; area: number }>(
      `SELECT geometry::VARCHAR AS g, strftime(start_date, '%Y-%m-%d') AS start, area_km2 AS area FROM zones WHERE id = $id`,
      { id: zone?.id ?? '' },
    );
    expect(JSON.parse(z?.g ?? 'null')).toEqual(zone?.geometry);
    expect(z?.start).toBe(zone?.start_date);
    expect(z?.area).toBe(zone?.area_km2);
  });

  it('refreshes the aggregates in the same load', async () => {
    const coverage = await db.all<{ n: number; first: string; last: string }>(
      `SELECT count(*)::INTEGER AS n, strftime(min(first_month), '%Y-%m') AS first, strftime(max(last_month), '%Y-%m') AS last
         FROM station_coverage`,
    );
    // 18 pilot stations and 12 donor station areas (no pilot zone; the synthetic control's donors).
    expect(coverage[0]).toEqual({ n: 30, first: '2020-01', last: '2024-06' });
    const [zoneCases] = await db.all<{ n: number }>(
      `SELECT sum(cases)::INTEGER AS n FROM crime_monthly WHERE area = 'zone'`,
    );
    const located = data.incidents.filter((i) => i.zone_id !== null).length;
    const counted = data.monthly_counts.filter((c) => c.zone_id !== null).reduce((s, c) => s + c.cases, 0);
    expect(zoneCases?.n).toBe(located + counted);
    const [ring] = await db.all<{ n: number }>(
      `SELECT sum(cases)::INTEGER AS n FROM crime_monthly WHERE area = 'ring'`,
    );
    expect(ring?.n).toBe(data.incident_rings.length);
    const [survey] = await db.all<{ n: number }>(`SELECT sum(n)::INTEGER AS n FROM survey_agg WHERE item = 'fear'`);
    expect(survey?.n).toBe(data.survey_responses.length);
  });

  it('reports how long generating and writing took (its speed is a figure of `npm run bench`)', () => {
    expect(loaded.timings.generateMs).toBeGreaterThan(0);
    expect(loaded.timings.writeMs).toBeGreaterThan(0);
  });
});

describe('transactions', () => {
  it('leaves nothing behind when the load fails midway (appender rows roll back too)', async () => {
    const scratch = await openDatabase(':memory:');
    try {
      await expect(
        scratch.transaction(async (conn) => {
          await writeDemo(conn, data);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      for (const table of [
        'imports',
        'zones',
        'partners',
        'incidents',
        'incident_rings',
        'survey_responses',
        'crime_monthly',
        'survey_agg',
      ]) {
        const [row] = await scratch.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`);
        expect(row?.n, table).toBe(0);
      }
      expect(await isDatabaseEmpty(scratch)).toBe(true);
    } finally {
      scratch.close();
    }
  });
});

describe('resetDemo', () => {
  it('replaces all user data with a fresh demo and keeps settings', async () => {
    await db.all(`INSERT INTO settings (scope, key, value) VALUES ('programme', 'demo-test', '"kept"')`);
    await db.all(`DELETE FROM zones WHERE id = 'Z-HDY-01'`);
    const result = await resetDemo(db, { seed: 99, today: DEMO_SCRIPT_TODAY });
    expect(result.seed).toBe(99);
    expect(result.importId).not.toBe(loaded.importId);
    const imports = await db.all<{ id: number; file_name: string }>('SELECT id, file_name FROM imports');
    expect(imports).toEqual([{ id: result.importId, file_name: 'demo-seed-99' }]);
    expect(await count('zones')).toBe(data.zones.length);
    expect(await count('incidents')).toBe(result.incidents);
    expect(await count('incidents', `import_id <> ${result.importId}`)).toBe(0);
    expect(await count('survey_responses', `import_id <> ${result.importId}`)).toBe(0);
    expect(await count('settings', `key = 'demo-test'`)).toBe(1);
  }, 120_000);

  it('moves the demo forward to the month before the day it is reset on', async () => {
    const before = await db.all<{ last: string }>(`SELECT strftime(max(month), '%Y-%m') AS last FROM incidents`);
    expect(before).toEqual([{ last: '2024-06' }]);
    const result = await resetDemo(db, { today: new Date('2025-03-02T08:00:00+07:00') });
    const after = await db.all<{ last: string; first: string }>(
      `SELECT strftime(max(month), '%Y-%m') AS last, strftime(min(month), '%Y-%m') AS first FROM incidents`,
    );
    expect(after).toEqual([{ first: '2020-01', last: '2025-02' }]);
    expect(await count('incidents')).toBe(result.incidents);
    expect(result.incidents).toBeGreaterThan(data.incidents.length);
  }, 120_000);
});
