import type { DuckDBConnection } from '@duckdb/node-api';
import { type Database, query, textList } from '../db/database.ts';

/** The imports row of one import: written first in the import's transaction, counts filled in last. */
export interface NewImportRecord {
  kind: string;
  fileName: string;
  sha256: string;
  username: string;
  format: string;
  fileBytes: number;
  stationCodes: string[];
  mapping: Record<string, string>;
  options: Record<string, unknown>;
  warnings: number;
  forced: boolean;
}

export async function insertImportRecord(conn: DuckDBConnection, r: NewImportRecord): Promise<number> {
  const [row] = await query<{ id: number }>(
    conn,
    `INSERT INTO imports (kind, file_name, sha256, username, row_counts, mapping, status, format, file_bytes,
                          station_codes, options, warnings, forced)
     VALUES ($kind, $fileName, $sha256, $username, '{}'::JSON, $mapping::JSON, 'committed', $format, $fileBytes,
             $stations, $options::JSON, $warnings, $forced)
     RETURNING id`,
    {
      kind: r.kind,
      fileName: r.fileName,
      sha256: r.sha256,
      username: r.username,
      mapping: JSON.stringify(r.mapping),
      format: r.format,
      fileBytes: r.fileBytes,
      stations: textList(r.stationCodes),
      options: JSON.stringify(r.options),
      warnings: r.warnings,
      forced: r.forced,
    },
  );
  if (!row) throw new Error('imports insert returned no id');
  return row.id;
}

export async function setImportRowCounts(
  conn: DuckDBConnection,
  id: number,
  counts: Record<string, number>,
): Promise<void> {
  await query(conn, 'UPDATE imports SET row_counts = $counts::JSON WHERE id = $id', {
    id,
    counts: JSON.stringify(counts),
  });
}

export interface PreviousImport {
  id: number;
  at: string;
  by: string;
}

/** Committed (not undone) imports of the same file content and kind. */
export async function committedImportsOf(db: Database, sha256: string, kind: string): Promise<PreviousImport[]> {
  const rows = await db.all<{ id: number; ms: number; by: string }>(
    `SELECT id, epoch_ms(created_at)::DOUBLE AS ms, username AS by
       FROM imports WHERE sha256 = $sha256 AND kind = $kind AND status = 'committed' ORDER BY id`,
    { sha256, kind },
  );
  return rows.map((r) => ({ id: r.id, at: new Date(r.ms).toISOString(), by: r.by }));
}

/** Imports touching any of these stations (for scope filters). */
export async function importIdsOfStations(db: Database, stations: readonly string[]): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    'SELECT id FROM imports WHERE len(list_intersect(coalesce(station_codes, []), $codes)) > 0 ORDER BY id',
    { codes: textList([...stations]) },
  );
  return rows.map((r) => r.id);
}
