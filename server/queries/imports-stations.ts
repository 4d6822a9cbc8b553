import type { DuckDBConnection } from '@duckdb/node-api';
import { type StageColumns, stageRows } from '../db/append.ts';
import { exec } from '../db/database.ts';

export interface StationWriteRow {
  code: string;
  name_th: string;
  name_en: string;
  kind: string;
  division_code: string;
  province_iso: string;
  lat: number | null;
  lon: number | null;
}

/**
 * Adds new stations and replaces existing ones; the replaced rows are kept in import_replaced
 * (as JSON) so undo can put them back exactly.
 */

/** The staging table's columns, in the order they are appended. */
const STATIONS_IMPORT_STAGE: StageColumns<StationWriteRow> = [
  ['code', 'VARCHAR'],
  ['name_th', 'VARCHAR'],
  ['name_en', 'VARCHAR'],
  ['kind', 'VARCHAR'],
  ['division_code', 'VARCHAR'],
  ['province_iso', 'VARCHAR'],
  ['lat', 'DOUBLE'],
  ['lon', 'DOUBLE'],
];

export async function writeStations(
  conn: DuckDBConnection,
  rows: readonly StationWriteRow[],
  importId: number,
): Promise<number> {
  await stageRows(conn, 'stage_stations_import', STATIONS_IMPORT_STAGE, rows);
  await exec(
    conn,
    `INSERT INTO import_replaced (import_id, tbl, row_key, previous)
     SELECT $importId, 'stations', s.code, to_json(s) FROM stations s WHERE s.code IN (SELECT code FROM stage_stations_import)`,
    { importId },
  );
  await exec(conn, 'DELETE FROM stations WHERE code IN (SELECT code FROM stage_stations_import)');
  await exec(
    conn,
    `INSERT INTO stations (code, name_th, name_en, kind, division_code, province_iso, lat, lon, import_id)
     SELECT code, name_th, name_en, kind, division_code, province_iso, lat, lon, $importId FROM stage_stations_import`,
    { importId },
  );
  await exec(conn, 'DROP TABLE stage_stations_import');
  return rows.length;
}
