/**
 * The national-scale bench data set, generated inside DuckDB with INSERT ... SELECT FROM range(...)
 * and hash-based pseudo-random values (no Math.random, no clock: the same rows on every machine
 * with the same DuckDB version). Built once into .bench-cache/national.duckdb and reused until its
 * cache key changes: generator version, scale, schema migrations, the aggregate refresh SQL, the
 * reference CSVs and the DuckDB version.
 *
 * Shape (scale 1):
 * - 1,500 stations: the 30 real reference stations + 1,470 synthetic ones, each under an existing
 *   division from data/reference (Bangkok divisions get สน. near Bangkok, the rest สภ. anywhere in
 *   Thailand);
 * - 3,000 zones, hexagons of 0.4-1.3 km radius near their station, started 2019-01 .. 2025-06,
 *   GeoJSON text + bbox columns; about 13% of stations have no zone, some have 5+;
 * - 10,000,000 incidents over 120 months (2016-11 .. 2026-10), 30% inside a zone (zone_id set,
 *   point inside the hexagon); each zone has its own trend so some zones fall and some rise;
 *   groups 1-4 at 25/45/20/10%, offence types from the reference mapping; 3% without coordinates;
 * - incident_rings: 12% of the station-wide incidents lie in the buffer ring of one of their
 *   station's zones, 1 in 7 of those in a second ring too;
 * - 2,000,000 survey responses: per zone a baseline wave before its start (95% of zones) and
 *   half-yearly waves (fiscal Q2 / Q4 labels in BE) after it; wave sizes vary 0.3x-1.7x; 5-point
 *   items with dont_know / blank / refused / out_of_range answers; opt-in answers in 10% of
 *   post-start rows; weights 0.5-2.0;
 * - 30 zones with setting overrides (matched/previous baseline, control zones, own targets);
 * then refreshAggregates() rebuilds crime_monthly / station_coverage / survey_agg.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type Database, openDatabase, query } from '../../server/db/database.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import { seedReference } from '../../server/db/seed-reference.ts';
import { refreshAggregates } from '../../server/queries/refresh-aggregates.ts';
import { writeSettings } from '../../server/queries/settings.ts';
import { stopwatch } from './stats.ts';

/** Bump when the generated rows change. */
export const GENERATOR_VERSION = 3;

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cacheDir = `${repoRoot}.bench-cache/`;

export interface NationalSpec {
  scale: number;
  stations: number;
  zones: number;
  incidents: number;
  responses: number;
  zoneShare: number;
  ringShare: number;
  firstMonth: string;
  months: number;
}

export function nationalSpec(scale = 1): NationalSpec {
  return {
    scale,
    stations: Math.max(40, Math.round(1_500 * scale)),
    zones: Math.max(60, Math.round(3_000 * scale)),
    incidents: Math.round(10_000_000 * scale),
    responses: Math.round(2_000_000 * scale),
    zoneShare: 0.3,
    ringShare: 0.12,
    firstMonth: '2016-11-01',
    months: 120,
  };
}

export interface BuildInfo {
  key: string;
  spec: NationalSpec;
  builtAt: string;
  buildMs: number;
  steps: Record<string, number>;
  counts: Record<string, number>;
}

const fileText = (relative: string) => readFileSync(`${repoRoot}${relative}`, 'utf8');

async function duckdbVersion(): Promise<string> {
  const pkg = JSON.parse(fileText('node_modules/@duckdb/node-api/package.json')) as { version: string };
  return pkg.version;
}

/** Everything that, when changed, makes the cached file stale. */
export async function cacheKey(spec: NationalSpec): Promise<string> {
  const h = createHash('sha256');
  // Whitespace is left out, so reformatting the server code does not force a rebuild.
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  h.update(`generator ${GENERATOR_VERSION}\n${JSON.stringify(spec)}\nduckdb ${await duckdbVersion()}\n`);
  for (const m of migrations) h.update(`migration ${m.version}\n${squeeze(m.sql)}\n`);
  h.update(squeeze(fileText('server/queries/refresh-aggregates.ts')));
  for (const f of readdirSync(`${repoRoot}data/reference`).sort()) h.update(`${f}\n${fileText(`data/reference/${f}`)}`);
  return h.digest('hex').slice(0, 16);
}

export const dbFileName = (spec: NationalSpec) =>
  spec.scale === 1 ? 'national.duckdb' : `national-x${spec.scale}.duckdb`;

/** The cached database file, (re)built when missing or stale. */
export async function ensureNational(spec: NationalSpec, log: (line: string) => void, force = false) {
  mkdirSync(cacheDir, { recursive: true });
  const path = `${cacheDir}${dbFileName(spec)}`;
  const metaPath = `${path}.json`;
  const key = await cacheKey(spec);
  if (!force && existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as BuildInfo;
    if (meta.key === key) return { path, info: meta, built: false };
    log(`cache key changed (${meta.key} -> ${key}): rebuilding ${path}`);
  }
  const info = await buildNational(spec, path, key, log);
  writeFileSync(metaPath, `${JSON.stringify(info, null, 2)}\n`);
  return { path, info, built: true };
}

async function buildNational(
  spec: NationalSpec,
  path: string,
  key: string,
  log: (line: string) => void,
): Promise<BuildInfo> {
  const tmp = `${path}.building`;
  // The old file stays usable until the new one replaces it (a killed build leaves only *.building).
  for (const f of [tmp, `${tmp}.wal`]) rmSync(f, { force: true });
  const total = stopwatch();
  const steps: Record<string, number> = {};
  const db = await openDatabase(tmp);
  try {
    await seedReference(db);
    await db.withConnection(async (conn) => {
      const step = async (name: string, fn: () => Promise<unknown>) => {
        const t = stopwatch();
        await fn();
        steps[name] = Math.round(t());
        log(`  ${name.padEnd(22)} ${(steps[name] / 1000).toFixed(1)} s`);
      };
      // Bulk INSERT ... SELECT need not keep range() order: lets DuckDB insert in parallel without buffering.
      await conn.run('SET preserve_insertion_order = false');
      // hash() of one value mixes well; hash(a, b) of two does not (its low bits correlate across salts).
      await conn.run(`CREATE OR REPLACE TEMP MACRO h(i, s) AS hash(i::BIGINT * 257 + s)`);
      await conn.run(`CREATE OR REPLACE TEMP MACRO u(i, s) AS (h(i, s) >> 40)::DOUBLE / 16777216`);
      await conn.run(`CREATE OR REPLACE TEMP MACRO hs(t, s) AS hash(t || '#' || s)`);
      await conn.run(`CREATE OR REPLACE TEMP MACRO us(t, s) AS (hs(t, s) >> 40)::DOUBLE / 16777216`);
      await step('stations + zones', () => stationsAndZones(conn, spec));
      await step('incidents', () => incidents(conn, spec));
      await step('incident_rings', () => incidentRings(conn, spec));
      await step('survey_responses', () => surveyResponses(conn, spec));
      await step('settings', () => zoneSettings(conn));
      await step('refreshAggregates', () => refreshAggregates(conn));
      await step('checkpoint', () => conn.run('CHECKPOINT'));
    });
    const counts = await tableCounts(db);
    db.close();
    rmSync(`${path}.wal`, { force: true });
    renameSync(tmp, path);
    rmSync(`${tmp}.wal`, { force: true });
    return { key, spec, builtAt: new Date().toISOString(), buildMs: Math.round(total()), steps, counts };
  } catch (error) {
    db.close();
    throw error;
  }
}

async function tableCounts(db: Database): Promise<Record<string, number>> {
  const tables = [
    'stations',
    'zones',
    'incidents',
    'incident_rings',
    'survey_responses',
    'crime_monthly',
    'station_coverage',
    'survey_agg',
    'settings',
  ];
  const [row] = await db.all<Record<string, number>>(
    `SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t})::INTEGER AS ${t}`).join(', ')}`,
  );
  return row ?? {};
}

async function stationsAndZones(conn: DuckDBConnection, s: NationalSpec): Promise<void> {
  await conn.run(
    `INSERT INTO imports (id, kind, file_name, sha256, username, row_counts)
     VALUES (1, 'bench', 'bench-national', 'bench', 'bench', '{}'::JSON)`,
  );
  await conn.run(`CREATE TEMP TABLE div AS
    SELECT code, bureau_code, coalesce(province_iso, 'TH-10') AS province_iso,
           (row_number() OVER (ORDER BY code) - 1)::INTEGER AS k
      FROM divisions`);
  const [real] = await query<{ n: number }>(conn, 'SELECT count(*)::INTEGER AS n FROM stations');
  const synthetic = s.stations - (real?.n ?? 0);
  await conn.run(
    `INSERT INTO stations (code, name_th, name_en, kind, division_code, province_iso, lat, lon, import_id)
     SELECT printf('BS-%04d', i),
            CASE WHEN d.bureau_code = 'MPB' THEN 'สน.' ELSE 'สภ.' END || 'จำลอง ' || printf('%04d', i),
            printf('Bench station %04d', i),
            CASE WHEN d.bureau_code = 'MPB' THEN 'สน.' ELSE 'สภ.' END, d.code, d.province_iso,
            round(CASE WHEN d.bureau_code = 'MPB' THEN 13.60 + 0.35 * u(i, 11) ELSE 6.0 + 14.0 * u(i, 11) END, 5),
            round(CASE WHEN d.bureau_code = 'MPB' THEN 100.30 + 0.60 * u(i, 12) ELSE 98.0 + 7.0 * u(i, 12) END, 5),
            NULL
       FROM range($n) t(i) JOIN div d ON d.k = h(i, 13) % (SELECT count(*) FROM div)`,
    { n: synthetic },
  );
  await conn.run(`CREATE TEMP TABLE st AS
    SELECT code, lat, lon, (row_number() OVER (ORDER BY code) - 1)::INTEGER AS k FROM stations`);
  // Zones: hexagons with flat top and bottom; r in degrees of latitude (0.004-0.012 = 0.45-1.3 km).
  await conn.run(
    `CREATE TEMP TABLE zsrc AS
     SELECT t.zk AS k, printf('BZ-%05d', t.zk) AS id, s.code AS station_code,
            round(s.lat + (u(t.zk, 21) - 0.5) * 0.06, 6) AS clat,
            round(s.lon + (u(t.zk, 22) - 0.5) * 0.06, 6) AS clon,
            0.004 + 0.008 * u(t.zk, 23) AS r,
            (DATE '2019-01-01' + floor(u(t.zk, 24) * 2372)::INTEGER)::DATE AS start_date,
            0.85 + 0.35 * u(t.zk, 25) AS trend
       FROM range($zones) t(zk) JOIN st s ON s.k = h(t.zk, 20) % $stations`,
    { zones: s.zones, stations: s.stations },
  );
  await conn.run(`ALTER TABLE zsrc ADD COLUMN rx DOUBLE`);
  await conn.run(`UPDATE zsrc SET rx = r / cos(radians(clat))`);
  await conn.run(
    `INSERT INTO zones (id, station_code, name_th, name_en, kind, criteria, start_date, population, area_km2,
                        municipality, geometry, min_lon, min_lat, max_lon, max_lat, import_id)
     SELECT id, station_code, 'พื้นที่ปลอดภัย ' || k, 'Safety zone ' || k,
            ['ชุมชน', 'ย่านการค้า', 'แหล่งท่องเที่ยว', 'สถานศึกษา'][1 + (h(k, 26) % 4)::INTEGER],
            'bench', start_date, (2000 + u(k, 27) * 30000)::INTEGER,
            round(2.598 * (r * 111.32) * (r * 111.32), 3), NULL,
            '{"type":"Polygon","coordinates":[[' ||
              array_to_string(list_transform(range(7), j -> printf('[%.6f,%.6f]',
                clon + rx * cos(radians(60 * (j % 6))), clat + r * sin(radians(60 * (j % 6))))), ',') || ']]}',
            round(clon - rx, 6), round(clat - r * sin(radians(60)), 6),
            round(clon + rx, 6), round(clat + r * sin(radians(60)), 6), 1
       FROM zsrc`,
  );
}

async function incidents(conn: DuckDBConnection, s: NationalSpec): Promise<void> {
  // Offence types of the current mapping, numbered within each group.
  await conn.run(`CREATE TEMP TABLE types AS
    SELECT group_current4 AS g, group_legacy5 AS lg, name_th,
           (row_number() OVER (PARTITION BY group_current4 ORDER BY type_key) - 1)::INTEGER AS r,
           (count(*) OVER (PARTITION BY group_current4))::INTEGER AS cnt
      FROM offence_types WHERE mapping_version = (SELECT max(mapping_version) FROM offence_types)`);
  await conn.run(`CREATE TEMP TABLE type_count AS SELECT g, any_value(cnt) AS cnt FROM types GROUP BY g`);
  await conn.run(
    `INSERT INTO incidents (case_id, occurred_at, "month", crime_type, crime_group, legacy_group, lat, lon,
                            station_code, zone_id, import_id)
     WITH b AS (
       SELECT i, u(i, 1) < $zoneShare AS in_zone, u(i, 2) AS up, u(i, 3) AS um, u(i, 4) AS ug, u(i, 5) AS ut,
              u(i, 6) AS ud, u(i, 7) AS ux, u(i, 8) AS uy, u(i, 9) AS us, u(i, 10) AS unull
         FROM range($n) t(i)
     ),
     p AS (
       SELECT b.*,
              CASE WHEN in_zone THEN least(floor(up * $zones), $zones - 1)::INTEGER END AS zk,
              least(floor($stations * pow(up, 1.3)), $stations - 1)::INTEGER AS sk0,
              CASE WHEN ug < 0.25 THEN 1 WHEN ug < 0.70 THEN 2 WHEN ug < 0.90 THEN 3 ELSE 4 END AS g
         FROM b
     ),
     q AS (
       SELECT p.*, z.id AS zone_id, coalesce(z.station_code, s.code) AS station_code,
              CASE WHEN in_zone THEN z.clat + (uy - 0.5) * 1.2 * z.r
                   WHEN unull >= 0.03 THEN s.lat + (uy - 0.5) * 0.1 END AS lat,
              CASE WHEN in_zone THEN z.clon + (ux - 0.5) * 1.2 * z.rx
                   WHEN unull >= 0.03 THEN s.lon + (ux - 0.5) * 0.1 END AS lon,
              (DATE '${s.firstMonth}' + to_months(least(floor($months * pow(um, coalesce(z.trend, 1.0))), $months - 1)::INTEGER))::DATE AS m,
              least(floor(ut * c.cnt), c.cnt - 1)::INTEGER AS tr
         FROM p
         LEFT JOIN zsrc z ON z.k = p.zk
         LEFT JOIN st s ON s.k = p.sk0 AND NOT p.in_zone
         JOIN type_count c ON c.g = p.g
     )
     SELECT printf('BC%08d', i),
            m + to_days(least(floor(ud * 28), 27)::INTEGER) + to_seconds(floor(us * 86400)::BIGINT),
            m, t.name_th, q.g, NULL, round(lat, 6), round(lon, 6), station_code, zone_id, 1
       FROM q JOIN types t ON t.g = q.g AND t.r = q.tr`,
    {
      n: s.incidents,
      zoneShare: s.zoneShare,
      zones: s.zones,
      stations: s.stations,
      months: s.months,
    },
  );
}

async function incidentRings(conn: DuckDBConnection, s: NationalSpec): Promise<void> {
  await conn.run(`CREATE TEMP TABLE zst AS
    SELECT id, station_code, (row_number() OVER (PARTITION BY station_code ORDER BY id) - 1)::INTEGER AS r,
           (count(*) OVER (PARTITION BY station_code))::INTEGER AS cnt
      FROM zones`);
  await conn.run(`CREATE TEMP TABLE stz AS SELECT station_code, any_value(cnt) AS cnt FROM zst GROUP BY 1`);
  await conn.run(
    `INSERT INTO incident_rings (zone_id, station_code, "month", crime_group, import_id)
     WITH c AS (
       SELECT i.station_code, i."month", i.crime_group, hs(i.case_id, 31) AS h, s.cnt
         FROM incidents i JOIN stz s USING (station_code)
        WHERE i.zone_id IS NULL AND us(i.case_id, 30) < $ringShare
     )
     SELECT z.id, c.station_code, c."month", c.crime_group, 1
       FROM c JOIN zst z ON z.station_code = c.station_code AND z.r = (c.h % c.cnt)::INTEGER
     UNION ALL
     SELECT z.id, c.station_code, c."month", c.crime_group, 1
       FROM c JOIN zst z ON z.station_code = c.station_code AND z.r = ((c.h + 1) % c.cnt)::INTEGER
      WHERE c.cnt > 1 AND c.h % 7 = 0`,
    { ringShare: s.ringShare },
  );
}

async function surveyResponses(conn: DuckDBConnection, s: NationalSpec): Promise<void> {
  const lastMonth = `DATE '${s.firstMonth}' + to_months(${s.months - 1})`;
  // Waves: a baseline before the start (fieldwork 14 days ending 20-50 days before it), then one
  // wave every fiscal Q2 (March) and Q4 (September) from two months after the start; 20 fieldwork days.
  await conn.run(
    `CREATE TEMP TABLE waves AS
     WITH q AS (
       SELECT k, id, unnest(generate_series(date_trunc('month', start_date + INTERVAL 2 MONTH), ${lastMonth}, INTERVAL 1 MONTH))::DATE AS m
         FROM zsrc
     ),
     w AS (
       SELECT k, id, 'baseline' AS wave,
              (start_date - to_days(33 + floor(u(k, 40) * 30)::INTEGER))::DATE AS d_from, 13 AS span, 0 AS wk
         FROM zsrc WHERE u(k, 44) >= 0.05
       UNION ALL
       SELECT k, id,
              printf('%d-Q%d', year(m) + 543 + CASE WHEN month(m) >= 10 THEN 1 ELSE 0 END, ((month(m) + 2) % 12) // 3 + 1),
              m, 19, (row_number() OVER (PARTITION BY k ORDER BY m))::INTEGER
         FROM q WHERE month(m) IN (3, 9)
     )
     SELECT w.*, 0.3 + 1.4 * u(k * 1000 + wk, 41) AS size_factor FROM w`,
  );
  await conn.run(
    `ALTER TABLE waves ADD COLUMN n INTEGER;
     UPDATE waves SET n = round(size_factor * $total / (SELECT sum(size_factor) FROM waves))::INTEGER;`.replace(
      '$total',
      String(s.responses),
    ),
  );
  await conn.run(
    `INSERT INTO survey_responses (zone_id, surveyed_on, wave, sample_type, fear_raw, fear_level, fear_status, fear_levels,
                                   trust_raw, trust_level, trust_status, trust_levels, weight, sex, age_band, codebook_id, import_id)
     WITH r AS (
       SELECT k, id, wave, d_from, span, wk, unnest(range(n)) AS j FROM waves
     ),
     a AS (
       SELECT r.*, k::BIGINT * 1000000 + wk * 10000 + j AS key,
              greatest(0.05, 0.20 + 0.40 * u(k, 42) - 0.02 * wk) AS pf,
              least(0.97, 0.55 + 0.35 * u(k, 43) + 0.01 * wk) AS pt
         FROM r
     ),
     b AS (
       SELECT a.*, u(key, 50) AS fu, u(key, 51) AS fl, u(key, 52) AS ft, u(key, 53) AS tu, u(key, 54) AS tl, u(key, 55) AS tt
         FROM a
     ),
     c AS (
       SELECT b.*,
              CASE WHEN fu < 0.035 THEN 'dont_know' WHEN fu < 0.05 THEN 'blank' WHEN fu < 0.057 THEN 'refused'
                   WHEN fu < 0.06 THEN 'out_of_range' ELSE 'valid' END AS fs,
              CASE WHEN fu >= 0.06 THEN CASE WHEN fl < pf THEN CASE WHEN ft < 0.4 THEN 5 ELSE 4 END
                                            ELSE CASE WHEN ft < 0.5 THEN 3 WHEN ft < 0.82 THEN 2 ELSE 1 END END END AS flv,
              CASE WHEN tu < 0.03 THEN 'dont_know' WHEN tu < 0.045 THEN 'blank' WHEN tu < 0.05 THEN 'refused'
                   WHEN tu < 0.053 THEN 'out_of_range' ELSE 'valid' END AS ts,
              CASE WHEN tu >= 0.053 THEN CASE WHEN tl < pt THEN CASE WHEN tt < 0.45 THEN 5 ELSE 4 END
                                             ELSE CASE WHEN tt < 0.5 THEN 3 WHEN tt < 0.8 THEN 2 ELSE 1 END END END AS tlv
         FROM b
     )
     SELECT id, (d_from + to_days(floor(u(key, 63) * (span + 1))::INTEGER))::DATE, wave,
            CASE WHEN wk > 0 AND u(key, 60) < 0.1 THEN 'opt_in' ELSE 'probability' END,
            CASE fs WHEN 'valid' THEN ['น้อยที่สุด', 'น้อย', 'ปานกลาง', 'มาก', 'มากที่สุด'][flv]
                    WHEN 'dont_know' THEN 'ไม่ทราบ' WHEN 'refused' THEN 'ไม่ตอบ' WHEN 'out_of_range' THEN '6' END,
            flv, fs, 5,
            CASE ts WHEN 'valid' THEN ['น้อยที่สุด', 'น้อย', 'ปานกลาง', 'มาก', 'มากที่สุด'][tlv]
                    WHEN 'dont_know' THEN 'ไม่ทราบ' WHEN 'refused' THEN 'ไม่ตอบ' WHEN 'out_of_range' THEN '0' END,
            tlv, ts, 5,
            CASE WHEN wk > 0 AND u(key, 60) < 0.1 THEN 1.0 ELSE round(0.5 + 1.5 * u(key, 61), 4) END,
            CASE WHEN u(key, 62) < 0.56 THEN 'female' ELSE 'male' END,
            ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'][1 + floor(u(key, 64) * 6)::INTEGER],
            NULL, 1
       FROM c`,
  );
}

/** 30 zones with their own rules, so the KPI queries see baseline exceptions and control pairs. */
async function zoneSettings(conn: DuckDBConnection): Promise<void> {
  const rows = await query<{ id: string; k: number; peers: string[] }>(
    conn,
    `WITH pick AS (SELECT id, station_code, row_number() OVER (ORDER BY hs(id, 70)) AS k FROM zones)
     SELECT p.id, p.k::INTEGER AS k,
            (SELECT list(z.id ORDER BY z.id) FROM zones z WHERE z.station_code <> p.station_code AND hs(z.id, 71) % 997 = p.k) AS peers
       FROM pick p WHERE p.k <= 30 ORDER BY p.k`,
  );
  for (const row of rows) {
    const peers = (row.peers ?? []).slice(0, 2);
    const value =
      row.k <= 10
        ? { baseline: 'previous' as const }
        : row.k <= 20 && peers.length > 0
          ? { controlZones: peers }
          : { fearTarget: 35, trustTarget: 75, crimeTarget: -10 };
    await writeSettings(conn, row.id, value, 'bench');
  }
}
