import type { DuckDBConnection } from '@duckdb/node-api';
import { type StageColumns, stageRows } from '../db/append.ts';
import { exec } from '../db/database.ts';

export interface ZoneWriteRow {
  id: string;
  station_code: string;
  name_th: string;
  name_en: string | null;
  kind: string | null;
  criteria: string | null;
  /** 'YYYY-MM-DD' */
  start_date: string;
  population: number | null;
  area_km2: number | null;
  /** Not in zone files (a file's zone keeps the replaced row's); the demo names it. */
  municipality?: string | null;
  /** GeoJSON geometry text. */
  geometry: string;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
}

/** The staging table's columns, in the order they are appended. */
const ZONES_IMPORT_STAGE: StageColumns<ZoneWriteRow> = [
  ['id', 'VARCHAR'],
  ['station_code', 'VARCHAR'],
  ['name_th', 'VARCHAR'],
  ['name_en', 'VARCHAR'],
  ['kind', 'VARCHAR'],
  ['criteria', 'VARCHAR'],
  ['start_date', 'VARCHAR'],
  ['population', 'INTEGER'],
  ['area_km2', 'DOUBLE'],
  ['municipality', 'VARCHAR'],
  ['geometry', 'VARCHAR'],
  ['min_lon', 'DOUBLE'],
  ['min_lat', 'DOUBLE'],
  ['max_lon', 'DOUBLE'],
  ['max_lat', 'DOUBLE'],
];

/**
 * Adds new zones and replaces existing ones (same id); replaced rows go to import_replaced so undo
 * can restore them. A row without a municipality keeps the replaced row's.
 */
export async function writeZones(
  conn: DuckDBConnection,
  rows: readonly ZoneWriteRow[],
  importId: number,
): Promise<number> {
  await stageRows(conn, 'stage_zones_import', ZONES_IMPORT_STAGE, rows);
  await exec(
    conn,
    `INSERT INTO import_replaced (import_id, tbl, row_key, previous)
     SELECT $importId, 'zones', z.id, to_json(z) FROM zones z WHERE z.id IN (SELECT id FROM stage_zones_import)`,
    { importId },
  );
  await exec(
    conn,
    `CREATE OR REPLACE TEMP TABLE stage_zones_municipality AS
     SELECT id, municipality FROM zones WHERE id IN (SELECT id FROM stage_zones_import)`,
  );
  await exec(conn, 'DELETE FROM zones WHERE id IN (SELECT id FROM stage_zones_import)');
  await exec(
    conn,
    `INSERT INTO zones (id, station_code, name_th, name_en, kind, criteria, start_date, population, area_km2, municipality,
                        geometry, min_lon, min_lat, max_lon, max_lat, import_id)
     SELECT s.id, s.station_code, s.name_th, s.name_en, s.kind, s.criteria, CAST(s.start_date AS DATE), s.population, s.area_km2,
            coalesce(s.municipality, m.municipality), s.geometry::JSON, s.min_lon, s.min_lat, s.max_lon, s.max_lat, $importId
       FROM stage_zones_import s LEFT JOIN stage_zones_municipality m ON m.id = s.id`,
    { importId },
  );
  await exec(conn, 'DROP TABLE stage_zones_import; DROP TABLE stage_zones_municipality;');
  return rows.length;
}
