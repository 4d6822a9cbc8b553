import { type DuckDBConnection, DuckDBDataChunk, type DuckDBValue } from '@duckdb/node-api';
import { appendRows, type Cell } from '../db/append.ts';
import { exec, query, textList } from '../db/database.ts';

/**
 * Incident rows of an import, written chunk by chunk while the file is still being read (inside
 * the import's transaction, so everything rolls back with it). Each chunk is bulk-loaded through
 * the appender into its own connection-local TEMP table of plain numbers (dictionary indexes,
 * sentinels instead of NULLs: the only per-row text is the case number), then moved into
 * `incidents` / `incident_rings`, its counts into `crime_monthly`, by set-based INSERTs that
 * DuckDB runs on its own threads while the next chunk is read.
 */

/** Case numbers already stored for these stations: station -> case_id -> import id. */
export async function existingCaseIds(
  conn: DuckDBConnection,
  stations: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (stations.length === 0) return out;
  const rows = await query<{ s: string; c: string; i: number }>(
    conn,
    `SELECT station_code AS s, case_id AS c, min(import_id)::INTEGER AS i FROM incidents
      WHERE list_contains($stations, station_code) AND case_id IS NOT NULL GROUP BY ALL`,
    { stations: textList([...stations]) },
  );
  for (const r of rows) {
    let m = out.get(r.s);
    if (m === undefined) {
      m = new Map();
      out.set(r.s, m);
    }
    m.set(r.c, r.i);
  }
  return out;
}

export interface ZoneShapeRow {
  id: string;
  station_code: string;
  geometry: string;
  /** The zone's buffer ring width: its own setting, else the programme's, else 500 m. */
  buffer_meters: number;
}

/** Zone outlines of these stations (null: of every station), GeoJSON text, for point-in-polygon. */
export async function zoneShapesOf(
  conn: DuckDBConnection,
  stations: readonly string[] | null,
): Promise<ZoneShapeRow[]> {
  return query<ZoneShapeRow>(
    conn,
    `SELECT z.id, z.station_code, z.geometry::VARCHAR AS geometry,
            coalesce(json_extract(zs.value, '$.bufferMeters')::INTEGER,
                     json_extract(ps.value, '$.bufferMeters')::INTEGER, 500) AS buffer_meters
       FROM zones z
       LEFT JOIN settings zs ON zs.scope = z.id AND zs.key = 'kpi'
       LEFT JOIN settings ps ON ps.scope = 'programme' AND ps.key = 'kpi'
      WHERE $all OR list_contains($stations, z.station_code) ORDER BY z.id`,
    { all: stations === null, stations: textList(stations ?? []) },
  );
}

/** Values behind the dictionary indexes of incident chunks; they only grow during an import. */
export interface IncidentDictionaries {
  types: readonly string[];
  stations: readonly string[];
  zones: readonly string[];
}

/**
 * Rows 0..n-1 of an incident chunk, columnar. Dictionary columns index into IncidentDictionaries;
 * sentinels stand for NULL: NaN (occurredUs, lat, lon), 0 (legacy), -1 (zone).
 */
export interface IncidentChunk {
  n: number;
  /** The file row of each (for issues found in SQL). */
  rowNo: Int32Array;
  caseId: readonly (string | null)[];
  occurredUs: Float64Array;
  monthDays: Int32Array;
  type: Int32Array;
  group: Int32Array;
  legacy: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  station: Int32Array;
  zone: Int32Array;
  /** 1 = the file named the zone. */
  zoneFromFile: Int32Array;
  /** Buffer-ring memberships: (row in this chunk, zone dictionary index) pairs. */
  ringCount: number;
  ringRow: Int32Array;
  ringZone: Int32Array;
}

type Column = ArrayLike<number> | readonly (string | null)[];

/**
 * The appender fed straight from columns: each data chunk's vectors are set item by item from
 * typed arrays (no row arrays, no value conversion; sentinels, not NULLs, so no validity bitmaps
 * to build except for case numbers).
 */
async function appendColumns(conn: DuckDBConnection, table: string, n: number, columns: readonly Column[]) {
  const appender = await conn.createAppender(table);
  try {
    const types = Array.from({ length: appender.columnCount }, (_, i) => appender.columnType(i));
    if (types.length !== columns.length) throw new Error(`${table}: ${types.length} columns, ${columns.length} given`);
    const chunk = DuckDBDataChunk.create(types);
    const size = 2048;
    for (let start = 0; start < n; start += size) {
      const m = Math.min(size, n - start);
      chunk.reset();
      chunk.rowCount = m;
      for (let c = 0; c < columns.length; c++) {
        const vector = chunk.getColumnVector(c);
        const src = columns[c] as ArrayLike<DuckDBValue>;
        for (let k = 0; k < m; k++) vector.setItem(k, src[start + k] as DuckDBValue);
        vector.flush();
      }
      appender.appendDataChunk(chunk);
    }
    appender.closeSync();
  } catch (error) {
    appender.clear();
    appender.closeSync();
    throw error;
  }
}

let iota = new Int32Array(0);
/** 0, 1, ..., n-1: row positions in a chunk (not rowid: rows appended in a transaction get provisional ids). */
function positions(n: number): Int32Array {
  if (iota.length < n) iota = Int32Array.from({ length: Math.max(n, 2 * iota.length) }, (_, i) => i);
  return iota;
}

/** A case number repeated in the file: its row, and the first row with it (same station). */
export interface RepeatedCase {
  row: number;
  caseId: string;
  firstRow: number;
}

/**
 * One import's staging tables on its connection (temp tables: gone with the connection). Each
 * chunk gets its own table, kept until the end, so the file's repeated case numbers are found
 * in SQL over all of them without copying a string; only a writing import (`move`) moves chunks
 * into incidents / incident_rings and adds their counts to the (additive) crime_monthly.
 */
export class IncidentStage {
  readonly written = { incidents: 0, rings: 0 };
  readonly #staged = { types: 0, stations: 0, zones: 0 };
  /** Chunk tables so far: stage_chunk_0, stage_chunk_1, ... */
  #chunks = 0;
  #moving: Promise<void> = Promise.resolve();

  private constructor(
    readonly conn: DuckDBConnection,
    readonly importId: number | null,
  ) {}

  /** importId null: stage only (a dry run). */
  static async open(conn: DuckDBConnection, importId: number | null): Promise<IncidentStage> {
    await exec(
      conn,
      `CREATE OR REPLACE TEMP TABLE stage_types (idx INTEGER, value VARCHAR);
       CREATE OR REPLACE TEMP TABLE stage_stations (idx INTEGER, value VARCHAR);
       CREATE OR REPLACE TEMP TABLE stage_zones (idx INTEGER, value VARCHAR);
       CREATE OR REPLACE TEMP TABLE stage_coverage (station_idx INTEGER, first_days INTEGER, last_days INTEGER);`,
    );
    return new IncidentStage(conn, importId);
  }

  /** Waits until the chunk being moved is stored; rethrows its failure. */
  settle(): Promise<void> {
    return this.#moving;
  }

  /**
   * Stages a chunk (its arrays may be reused once this resolves) and, when `move` and the stage
   * has an import id, starts moving it into the tables. That runs on while the caller reads on;
   * the next call waits for it.
   */
  async write(dicts: IncidentDictionaries, c: IncidentChunk, move: boolean): Promise<void> {
    await this.#moving;
    const conn = this.conn;
    for (const [table, values, key] of [
      ['stage_types', dicts.types, 'types'],
      ['stage_stations', dicts.stations, 'stations'],
      ['stage_zones', dicts.zones, 'zones'],
    ] as const) {
      const from = this.#staged[key];
      if (values.length === from) continue;
      await appendRows(
        conn,
        table,
        values.slice(from).map((v, i): Cell[] => [from + i, v]),
      );
      this.#staged[key] = values.length;
    }
    const table = `stage_chunk_${this.#chunks++}`;
    await exec(
      conn,
      `CREATE TEMP TABLE ${table} (
         pos INTEGER, row_no INTEGER, case_id VARCHAR, occurred_us DOUBLE, month_days INTEGER, type_idx INTEGER,
         grp INTEGER, legacy INTEGER, lat DOUBLE, lon DOUBLE, station_idx INTEGER, zone_idx INTEGER, zone_file INTEGER)`,
    );
    await appendColumns(conn, table, c.n, [
      positions(c.n),
      c.rowNo,
      c.caseId,
      c.occurredUs,
      c.monthDays,
      c.type,
      c.group,
      c.legacy,
      c.lat,
      c.lon,
      c.station,
      c.zone,
      c.zoneFromFile,
    ]);
    if (!move || this.importId === null) return;
    await exec(conn, 'CREATE OR REPLACE TEMP TABLE stage_rings (pos INTEGER, zone_idx INTEGER)');
    await appendColumns(conn, 'stage_rings', c.ringCount, [c.ringRow, c.ringZone]);
    this.written.incidents += c.n;
    this.written.rings += c.ringCount;
    const moving = this.#move(table, this.importId);
    moving.catch(() => undefined); // awaited (and rethrown) by the next write or settle
    this.#moving = moving;
  }

  async #move(table: string, importId: number): Promise<void> {
    const params = { importId };
    await exec(
      this.conn,
      `INSERT INTO incidents (case_id, occurred_at, "month", crime_type, crime_group, legacy_group, lat, lon,
                             station_code, zone_id, import_id, zone_from_file)
       SELECT s.case_id,
              CASE WHEN isnan(s.occurred_us) THEN NULL ELSE make_timestamp(CAST(s.occurred_us AS BIGINT)) END,
              DATE '1970-01-01' + s.month_days, t.value, s.grp, nullif(s.legacy, 0),
              CASE WHEN isnan(s.lat) THEN NULL ELSE s.lat END, CASE WHEN isnan(s.lon) THEN NULL ELSE s.lon END,
              st.value, z.value, $importId, s.zone_file = 1
         FROM ${table} s
         JOIN stage_types t ON t.idx = s.type_idx
         JOIN stage_stations st ON st.idx = s.station_idx
         LEFT JOIN stage_zones z ON z.idx = s.zone_idx`,
      params,
    );
    await exec(
      this.conn,
      `INSERT INTO incident_rings (zone_id, station_code, "month", crime_group, import_id)
       SELECT z.value, st.value, DATE '1970-01-01' + s.month_days, s.grp, $importId
         FROM stage_rings r
         JOIN ${table} s ON s.pos = r.pos
         JOIN stage_zones z ON z.idx = r.zone_idx
         JOIN stage_stations st ON st.idx = s.station_idx`,
      params,
    );
    // The chunk's counts go into the additive crime_monthly at once (see refresh-aggregates.ts);
    // its months into stage_coverage, merged into station_coverage at the end.
    await exec(
      this.conn,
      `INSERT INTO crime_monthly (area, zone_id, station_code, "month", crime_group, cases)
       SELECT a.area, coalesce(z.value, ''), st.value, DATE '1970-01-01' + a.month_days, a.grp, a.cases::INTEGER
         FROM (
           SELECT CASE WHEN grouping(zone_idx) = 1 THEN 'station' ELSE 'zone' END AS area,
                  coalesce(zone_idx, -1) AS zone_idx, station_idx, month_days, grp, count(*) AS cases
             FROM ${table}
            GROUP BY GROUPING SETS ((station_idx, month_days, grp), (zone_idx, station_idx, month_days, grp))
           HAVING grouping(zone_idx) = 1 OR zone_idx >= 0
           UNION ALL
           SELECT 'ring', r.zone_idx, s.station_idx, s.month_days, s.grp, count(*)
             FROM stage_rings r JOIN ${table} s ON s.pos = r.pos GROUP BY ALL
         ) a
         JOIN stage_stations st ON st.idx = a.station_idx
         LEFT JOIN stage_zones z ON z.idx = a.zone_idx;
       INSERT INTO stage_coverage SELECT station_idx, min(month_days), max(month_days) FROM ${table} GROUP BY ALL;`,
    );
  }

  /**
   * Widens station_coverage of the import's stations to the months its chunks covered (its
   * crime_monthly counts went in chunk by chunk). Exactly what refreshAggregates would give.
   */
  async mergeCoverage(): Promise<void> {
    await this.#moving;
    await exec(
      this.conn,
      `CREATE OR REPLACE TEMP TABLE stage_merged AS
       SELECT station_code, min(first_month) AS first_month, max(last_month) AS last_month FROM (
         SELECT c.station_code, c.first_month, c.last_month
           FROM station_coverage c JOIN stage_stations st ON st.value = c.station_code
         UNION ALL
         SELECT st.value, DATE '1970-01-01' + v.first_days, DATE '1970-01-01' + v.last_days
           FROM stage_coverage v JOIN stage_stations st ON st.idx = v.station_idx
       ) GROUP BY ALL;
       DELETE FROM station_coverage WHERE station_code IN (SELECT station_code FROM stage_merged);
       INSERT INTO station_coverage SELECT * FROM stage_merged;
       DROP TABLE stage_merged;`,
    );
  }

  /**
   * Rows of the file whose case number an earlier row of the same station has: the first `limit`
   * in file order, and how many there are in all.
   */
  async repeatedCases(limit: number): Promise<{ total: number; first: RepeatedCase[] }> {
    await this.#moving;
    if (this.#chunks === 0) return { total: 0, first: [] };
    const cases = Array.from(
      { length: this.#chunks },
      (_, k) => `SELECT station_idx, case_id, row_no FROM stage_chunk_${k} WHERE case_id IS NOT NULL`,
    ).join(' UNION ALL ');
    const rows = await query<{ row: number; caseId: string; firstRow: number; total: number }>(
      this.conn,
      `WITH c AS (${cases}),
       g AS (
         SELECT station_idx, case_id, min(row_no) AS first_row, count(*) AS n FROM c GROUP BY ALL HAVING count(*) > 1
       )
       SELECT c.row_no AS "row", c.case_id AS "caseId", g.first_row AS "firstRow",
              (SELECT sum(n - 1) FROM g)::INTEGER AS total
         FROM c JOIN g USING (station_idx, case_id)
        WHERE c.row_no > g.first_row ORDER BY c.row_no LIMIT $limit`,
      { limit },
    );
    return {
      total: rows[0]?.total ?? 0,
      first: rows.map((r) => ({ row: r.row, caseId: r.caseId, firstRow: r.firstRow })),
    };
  }

  /** Waits for the last chunk and drops the staging tables. */
  async close(): Promise<{ incidents: number; rings: number }> {
    await this.#moving;
    const chunks = Array.from({ length: this.#chunks }, (_, k) => `DROP TABLE stage_chunk_${k};`).join(' ');
    await exec(
      this.conn,
      `${chunks} DROP TABLE IF EXISTS stage_rings; DROP TABLE stage_types; DROP TABLE stage_stations;
       DROP TABLE stage_zones; DROP TABLE stage_coverage;`,
    );
    return { ...this.written };
  }
}

export interface LocatedIncident {
  rid: number;
  lat: number;
  lon: number;
  station_code: string;
  zone_id: string | null;
  zone_from_file: boolean | null;
}

/** Incidents of these stations that have coordinates, with their row ids (inside a transaction). */
export async function incidentsWithPoints(
  conn: DuckDBConnection,
  stations: readonly string[],
): Promise<LocatedIncident[]> {
  return query<LocatedIncident>(
    conn,
    `SELECT rowid::BIGINT::DOUBLE AS rid, lat, lon, station_code, zone_id, zone_from_file FROM incidents
      WHERE list_contains($stations, station_code) AND lat IS NOT NULL AND lon IS NOT NULL`,
    { stations: textList([...stations]) },
  );
}

/**
 * Replaces zone_id (of incidents whose zone did not come from the file) and every incident_rings
 * row of these stations with a new assignment: `zoneOf` row id -> zone id or null, `rings`
 * (row id, zone id) pairs. Ring rows keep the import id of their incident.
 */
export async function replaceZoneAssignment(
  conn: DuckDBConnection,
  stations: readonly string[],
  zoneOf: ReadonlyMap<number, string | null>,
  rings: readonly (readonly [number, string])[],
): Promise<void> {
  const codes = { stations: textList([...stations]) };
  await exec(conn, 'CREATE OR REPLACE TEMP TABLE stage_zone_of (rid DOUBLE, zone_id VARCHAR)');
  await appendRows(
    conn,
    'stage_zone_of',
    [...zoneOf].map(([rid, z]): Cell[] => [rid, z]),
  );
  await exec(
    conn,
    `UPDATE incidents SET zone_id = NULL
      WHERE list_contains($stations, station_code) AND coalesce(zone_from_file, false) = false AND zone_id IS NOT NULL`,
    codes,
  );
  await exec(
    conn,
    `UPDATE incidents SET zone_id = s.zone_id FROM stage_zone_of s
      WHERE incidents.rowid = CAST(s.rid AS BIGINT) AND s.zone_id IS NOT NULL AND coalesce(incidents.zone_from_file, false) = false`,
  );
  await exec(conn, 'DELETE FROM incident_rings WHERE list_contains($stations, station_code)', codes);
  await exec(conn, 'CREATE OR REPLACE TEMP TABLE stage_ring_of (rid DOUBLE, zone_id VARCHAR)');
  await appendRows(
    conn,
    'stage_ring_of',
    rings.map(([rid, z]): Cell[] => [rid, z]),
  );
  await exec(
    conn,
    `INSERT INTO incident_rings (zone_id, station_code, "month", crime_group, import_id)
     SELECT r.zone_id, i.station_code, i."month", i.crime_group, i.import_id
       FROM stage_ring_of r JOIN incidents i ON i.rowid = CAST(r.rid AS BIGINT)`,
  );
  await exec(conn, 'DROP TABLE stage_zone_of; DROP TABLE stage_ring_of;');
}
