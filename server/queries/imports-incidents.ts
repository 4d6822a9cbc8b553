import { type DuckDBConnection, DuckDBDataChunk, type DuckDBValue } from '@duckdb/node-api';
import { appendRows, type Cell } from '../db/append.ts';
import { type Database, exec, query, textList } from '../db/database.ts';

/**
 * Incident rows of an import. Rows are bulk-loaded through the appender into connection-local
 * TEMP staging tables with plain columns (numbers, dictionary indexes; the only per-row text is
 * the case number), then moved into `incidents` / `incident_rings` by one set-based INSERT each,
 * inside the import's transaction. Everything rolls back with it.
 */

/** Case numbers already stored for these stations: station -> case_id -> import id. */
export async function existingCaseIds(
  db: Database,
  stations: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (stations.length === 0) return out;
  const rows = await db.all<{ s: string; c: string; i: number }>(
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

/** Zone outlines of these stations (GeoJSON text), for point-in-polygon. Works inside a transaction too. */
export async function zoneShapesOf(conn: DuckDBConnection, stations: readonly string[]): Promise<ZoneShapeRow[]> {
  return query<ZoneShapeRow>(
    conn,
    `SELECT z.id, z.station_code, z.geometry::VARCHAR AS geometry,
            coalesce(json_extract(zs.value, '$.bufferMeters')::INTEGER,
                     json_extract(ps.value, '$.bufferMeters')::INTEGER, 500) AS buffer_meters
       FROM zones z
       LEFT JOIN settings zs ON zs.scope = z.id AND zs.key = 'kpi'
       LEFT JOIN settings ps ON ps.scope = 'programme' AND ps.key = 'kpi'
      WHERE list_contains($stations, z.station_code) ORDER BY z.id`,
    { stations: textList([...stations]) },
  );
}

/**
 * Columnar incident rows ready to write. Dictionary columns index into `types`, `stations`,
 * `zones`; `zone` -1 = none; NaN = NULL for numbers; `legacy` 0 = NULL.
 */
export interface IncidentBatch {
  types: string[];
  stations: string[];
  zones: string[];
  caseId: (string | null)[];
  occurredUs: number[];
  monthDays: number[];
  type: number[];
  group: number[];
  legacy: number[];
  lat: number[];
  lon: number[];
  station: number[];
  zone: number[];
  zoneFromFile: boolean[];
  /** Pairs (row position in this batch, zone dictionary index) of buffer-ring memberships. */
  ringRow: number[];
  ringZone: number[];
}

/**
 * The appender, fed column by column: each data chunk's vectors are filled from the column arrays
 * (no per-row value conversion), which is several times faster than row-wise appends for a
 * million rows. Same transaction semantics as db/append.ts: on the caller's connection.
 */
async function appendColumnar(
  conn: DuckDBConnection,
  table: string,
  n: number,
  columns: readonly ((i: number) => DuckDBValue)[],
): Promise<void> {
  const appender = await conn.createAppender(table);
  try {
    const types = Array.from({ length: appender.columnCount }, (_, i) => appender.columnType(i));
    if (types.length !== columns.length) throw new Error(`${table}: ${types.length} columns, ${columns.length} given`);
    const chunk = DuckDBDataChunk.create(types);
    const size = 2048;
    const buffers: DuckDBValue[][] = columns.map(() => new Array<DuckDBValue>(size));
    for (let start = 0; start < n; start += size) {
      const m = Math.min(size, n - start);
      for (let c = 0; c < columns.length; c++) {
        const get = columns[c] as (i: number) => DuckDBValue;
        const buf = buffers[c] as DuckDBValue[];
        buf.length = m;
        for (let k = 0; k < m; k++) buf[k] = get(start + k);
      }
      chunk.reset();
      chunk.rowCount = m;
      chunk.setColumns(buffers);
      appender.appendDataChunk(chunk);
    }
    appender.closeSync();
  } catch (error) {
    appender.clear();
    appender.closeSync();
    throw error;
  }
}

async function stageDictionary(conn: DuckDBConnection, name: string, values: readonly string[]): Promise<void> {
  await exec(conn, `CREATE OR REPLACE TEMP TABLE ${name} (idx INTEGER, value VARCHAR)`);
  await appendRows(
    conn,
    name,
    values.map((v, i): Cell[] => [i, v]),
  );
}

/** Writes the batch; returns the rows written to incidents and incident_rings. */
export async function writeIncidents(
  conn: DuckDBConnection,
  b: IncidentBatch,
  importId: number,
): Promise<{ incidents: number; rings: number }> {
  await stageDictionary(conn, 'stage_types', b.types);
  await stageDictionary(conn, 'stage_stations', b.stations);
  await stageDictionary(conn, 'stage_zones', b.zones);
  await exec(
    conn,
    `CREATE OR REPLACE TEMP TABLE stage_incidents (
       pos INTEGER, case_id VARCHAR, occurred_us DOUBLE, month_days INTEGER, type_idx INTEGER, grp INTEGER,
       legacy INTEGER, lat DOUBLE, lon DOUBLE, station_idx INTEGER, zone_idx INTEGER, zone_file BOOLEAN)`,
  );
  const n = b.caseId.length;
  const nullIfNaN = (x: number): number | null => (Number.isNaN(x) ? null : x);
  await appendColumnar(conn, 'stage_incidents', n, [
    (i) => i,
    (i) => b.caseId[i] ?? null,
    (i) => nullIfNaN(b.occurredUs[i] as number),
    (i) => b.monthDays[i] as number,
    (i) => b.type[i] as number,
    (i) => b.group[i] as number,
    (i) => (b.legacy[i] === 0 ? null : (b.legacy[i] as number)),
    (i) => nullIfNaN(b.lat[i] as number),
    (i) => nullIfNaN(b.lon[i] as number),
    (i) => b.station[i] as number,
    (i) => ((b.zone[i] as number) < 0 ? null : (b.zone[i] as number)),
    (i) => b.zoneFromFile[i] === true,
  ]);
  await exec(conn, 'CREATE OR REPLACE TEMP TABLE stage_rings (pos INTEGER, zone_idx INTEGER)');
  function* rings(): Generator<Cell[]> {
    for (let k = 0; k < b.ringRow.length; k++) yield [b.ringRow[k] as number, b.ringZone[k] as number];
  }
  await appendRows(conn, 'stage_rings', rings());

  await exec(
    conn,
    `INSERT INTO incidents (case_id, occurred_at, "month", crime_type, crime_group, legacy_group, lat, lon,
                           station_code, zone_id, import_id, zone_from_file)
     SELECT s.case_id,
            CASE WHEN s.occurred_us IS NULL THEN NULL ELSE make_timestamp(CAST(s.occurred_us AS BIGINT)) END,
            DATE '1970-01-01' + s.month_days, t.value, s.grp, s.legacy, s.lat, s.lon, st.value, z.value, $importId, s.zone_file
       FROM stage_incidents s
       JOIN stage_types t ON t.idx = s.type_idx
       JOIN stage_stations st ON st.idx = s.station_idx
       LEFT JOIN stage_zones z ON z.idx = s.zone_idx`,
    { importId },
  );
  await exec(
    conn,
    `INSERT INTO incident_rings (zone_id, station_code, "month", crime_group, import_id)
     SELECT z.value, st.value, DATE '1970-01-01' + s.month_days, s.grp, $importId
       FROM stage_rings r
       JOIN stage_incidents s ON s.pos = r.pos
       JOIN stage_zones z ON z.idx = r.zone_idx
       JOIN stage_stations st ON st.idx = s.station_idx`,
    { importId },
  );
  await exec(
    conn,
    'DROP TABLE stage_incidents; DROP TABLE stage_rings; DROP TABLE stage_types; DROP TABLE stage_stations; DROP TABLE stage_zones;',
  );
  return { incidents: n, rings: b.ringRow.length };
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
