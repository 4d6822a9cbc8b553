import type { DuckDBConnection } from '@duckdb/node-api';
import { type StageColumns, stageRows } from '../db/append.ts';
import { type Database, exec, textList } from '../db/database.ts';

export interface MonthlyCountRow {
  station_code: string;
  zone_id: string | null;
  /** 'YYYY-MM-01' */
  month: string;
  crime_group: number;
  crime_type: string | null;
  cases: number;
}

/** Stored counts of these stations by key (station, zone, month, group, type joined by NUL). */
export async function existingMonthlyCounts(
  db: Database,
  stations: readonly string[],
): Promise<Map<string, { cases: number; importId: number }>> {
  const out = new Map<string, { cases: number; importId: number }>();
  if (stations.length === 0) return out;
  const rows = await db.all<{
    s: string;
    z: string | null;
    m: string;
    g: number;
    t: string | null;
    n: number;
    i: number;
  }>(
    `SELECT station_code AS s, zone_id AS z, strftime("month", '%Y-%m-%d') AS m, crime_group AS g, crime_type AS t,
            sum(cases)::INTEGER AS n, min(import_id)::INTEGER AS i
       FROM monthly_counts WHERE list_contains($stations, station_code) GROUP BY ALL`,
    { stations: textList([...stations]) },
  );
  for (const r of rows) out.set([r.s, r.z ?? '', r.m, r.g, r.t ?? ''].join('\u0000'), { cases: r.n, importId: r.i });
  return out;
}

/** Appends the rows (staged through the appender, then one INSERT); returns how many. */

/** The staging table's columns, in the order they are appended. */
const MONTHLY_COUNTS_STAGE: StageColumns<MonthlyCountRow> = [
  ['station_code', 'VARCHAR'],
  ['zone_id', 'VARCHAR'],
  ['month', 'VARCHAR'],
  ['crime_group', 'INTEGER'],
  ['crime_type', 'VARCHAR'],
  ['cases', 'INTEGER'],
];

export async function writeMonthlyCounts(
  conn: DuckDBConnection,
  rows: readonly MonthlyCountRow[],
  importId: number,
): Promise<number> {
  await stageRows(conn, 'stage_monthly_counts', MONTHLY_COUNTS_STAGE, rows);
  await exec(
    conn,
    `INSERT INTO monthly_counts (station_code, zone_id, "month", crime_group, crime_type, cases, import_id)
     SELECT station_code, zone_id, CAST("month" AS DATE), crime_group, crime_type, cases, $importId FROM stage_monthly_counts`,
    { importId },
  );
  await exec(conn, 'DROP TABLE stage_monthly_counts');
  return rows.length;
}
