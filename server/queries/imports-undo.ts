import type { DuckDBConnection } from '@duckdb/node-api';
import { exec, query } from '../db/database.ts';

/**
 * Undo of one import, inside one transaction: what blocks it, removing exactly its rows,
 * putting back the registry rows it replaced, and marking it undone.
 */

export interface ImportHead {
  id: number;
  kind: string;
  status: string;
  username: string;
  stationCodes: string[];
}

export async function importHead(conn: DuckDBConnection, id: number): Promise<ImportHead | null> {
  const [row] = await query<{ id: number; kind: string; status: string; username: string; codes: string[] | null }>(
    conn,
    'SELECT id, kind, status, username, station_codes AS codes FROM imports WHERE id = $id',
    { id },
  );
  return row
    ? { id: row.id, kind: row.kind, status: row.status, username: row.username, stationCodes: row.codes ?? [] }
    : null;
}

export interface Blocker {
  /** The later import that depends on this one. */
  importId: number;
  /** What depends: 'stations' (replaced again), 'zones', 'incidents', 'survey_responses'... */
  what: string;
  rows: number;
}

/**
 * Later imports that stand on this one's registry rows: rows of other imports that refer to a
 * station or zone this import added, and registry rows this import replaced that a later import
 * replaced again.
 */
export async function undoBlockers(conn: DuckDBConnection, id: number, kind: string): Promise<Blocker[]> {
  if (kind === 'stations') {
    return query<Blocker>(
      conn,
      `WITH added AS (
         SELECT code FROM stations WHERE import_id = $id
            AND code NOT IN (SELECT row_key FROM import_replaced WHERE import_id = $id AND tbl = 'stations')
       ), refs AS (
         SELECT import_id, 'zones' AS what FROM zones WHERE station_code IN (SELECT code FROM added)
         UNION ALL SELECT import_id, 'incidents' FROM incidents WHERE station_code IN (SELECT code FROM added)
         UNION ALL SELECT import_id, 'monthly_counts' FROM monthly_counts WHERE station_code IN (SELECT code FROM added)
         UNION ALL SELECT import_id, 'partners' FROM partners WHERE station_code IN (SELECT code FROM added)
         UNION ALL SELECT s.import_id, 'stations' FROM stations s
           JOIN import_replaced r ON r.import_id = $id AND r.tbl = 'stations' AND r.row_key = s.code
          WHERE s.import_id IS DISTINCT FROM $id
       )
       SELECT coalesce(import_id, 0)::INTEGER AS "importId", what, count(*)::INTEGER AS rows FROM refs
        WHERE import_id IS DISTINCT FROM $id GROUP BY ALL ORDER BY 1, 2`,
      { id },
    );
  }
  if (kind === 'zones') {
    return query<Blocker>(
      conn,
      `WITH added AS (
         SELECT id FROM zones WHERE import_id = $id
            AND id NOT IN (SELECT row_key FROM import_replaced WHERE import_id = $id AND tbl = 'zones')
       ), refs AS (
         SELECT import_id, 'survey_responses' AS what FROM survey_responses WHERE zone_id IN (SELECT id FROM added)
         UNION ALL SELECT import_id, 'monthly_counts' FROM monthly_counts WHERE zone_id IN (SELECT id FROM added)
         UNION ALL SELECT import_id, 'partners' FROM partners WHERE zone_id IN (SELECT id FROM added)
         UNION ALL SELECT import_id, 'incidents' FROM incidents WHERE zone_from_file AND zone_id IN (SELECT id FROM added)
         UNION ALL SELECT z.import_id, 'zones' FROM zones z
           JOIN import_replaced r ON r.import_id = $id AND r.tbl = 'zones' AND r.row_key = z.id
          WHERE z.import_id IS DISTINCT FROM $id
       )
       SELECT coalesce(import_id, 0)::INTEGER AS "importId", what, count(*)::INTEGER AS rows FROM refs
        WHERE import_id IS DISTINCT FROM $id GROUP BY ALL ORDER BY 1, 2`,
      { id },
    );
  }
  return [];
}

/** Stations whose zones this zone import added or replaced (before and after), for re-assignment. */
export async function zoneImportStations(conn: DuckDBConnection, id: number): Promise<string[]> {
  const rows = await query<{ code: string }>(
    conn,
    `SELECT DISTINCT station_code AS code FROM zones WHERE import_id = $id
     UNION SELECT DISTINCT json_extract_string(previous, '$.station_code') FROM import_replaced WHERE import_id = $id AND tbl = 'zones'
     ORDER BY 1`,
    { id },
  );
  return rows.map((r) => r.code);
}

const DATA_TABLES = [
  'problem_events',
  'problems',
  'incident_rings',
  'incidents',
  'monthly_counts',
  'survey_responses',
  'codebooks',
  'partners',
  'zones',
  'stations',
] as const;

/** Deletes every row the import wrote; returns the count per table. */
export async function deleteImportRows(conn: DuckDBConnection, id: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  // Changes recorded in the app on an imported problem go with it (they have no import id).
  await exec(
    conn,
    'DELETE FROM problem_events WHERE import_id IS NULL AND problem_id IN (SELECT id FROM problems WHERE import_id = $id)',
    { id },
  );
  for (const table of DATA_TABLES) {
    const [row] = await query<{ n: number }>(
      conn,
      `SELECT count(*)::INTEGER AS n FROM ${table} WHERE import_id = $id`,
      { id },
    );
    const n = row?.n ?? 0;
    if (n > 0) {
      await exec(conn, `DELETE FROM ${table} WHERE import_id = $id`, { id });
      out[table] = n;
    }
  }
  return out;
}

/** Puts back the station and zone rows the import replaced. */
export async function restoreReplaced(conn: DuckDBConnection, id: number): Promise<number> {
  await exec(
    conn,
    `INSERT INTO stations (code, name_th, name_en, kind, division_code, province_iso, lat, lon, import_id)
     SELECT json_extract_string(previous, '$.code'), json_extract_string(previous, '$.name_th'),
            json_extract_string(previous, '$.name_en'), json_extract_string(previous, '$.kind'),
            json_extract_string(previous, '$.division_code'), json_extract_string(previous, '$.province_iso'),
            CAST(json_extract(previous, '$.lat') AS DOUBLE), CAST(json_extract(previous, '$.lon') AS DOUBLE),
            CAST(json_extract(previous, '$.import_id') AS INTEGER)
       FROM import_replaced WHERE import_id = $id AND tbl = 'stations'`,
    { id },
  );
  await exec(
    conn,
    `INSERT INTO zones (id, station_code, name_th, name_en, kind, criteria, start_date, population, area_km2, municipality,
                        geometry, min_lon, min_lat, max_lon, max_lat, import_id)
     SELECT json_extract_string(previous, '$.id'), json_extract_string(previous, '$.station_code'),
            json_extract_string(previous, '$.name_th'), json_extract_string(previous, '$.name_en'),
            json_extract_string(previous, '$.kind'), json_extract_string(previous, '$.criteria'),
            CAST(json_extract_string(previous, '$.start_date') AS DATE), CAST(json_extract(previous, '$.population') AS INTEGER),
            CAST(json_extract(previous, '$.area_km2') AS DOUBLE), json_extract_string(previous, '$.municipality'),
            json_extract(previous, '$.geometry'),
            CAST(json_extract(previous, '$.min_lon') AS DOUBLE), CAST(json_extract(previous, '$.min_lat') AS DOUBLE),
            CAST(json_extract(previous, '$.max_lon') AS DOUBLE), CAST(json_extract(previous, '$.max_lat') AS DOUBLE),
            CAST(json_extract(previous, '$.import_id') AS INTEGER)
       FROM import_replaced WHERE import_id = $id AND tbl = 'zones'`,
    { id },
  );
  const [row] = await query<{ n: number }>(
    conn,
    'SELECT count(*)::INTEGER AS n FROM import_replaced WHERE import_id = $id',
    { id },
  );
  await exec(conn, 'DELETE FROM import_replaced WHERE import_id = $id', { id });
  return row?.n ?? 0;
}

export async function markUndone(conn: DuckDBConnection, id: number, by: string): Promise<void> {
  await exec(conn, `UPDATE imports SET status = 'undone', undone_at = now(), undone_by = $by WHERE id = $id`, {
    id,
    by,
  });
}
