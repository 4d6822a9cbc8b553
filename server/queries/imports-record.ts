import type { DuckDBConnection } from '@duckdb/node-api';
import { type Database, query, textList } from '../db/database.ts';

/**
 * The imports row of one import: written first in the import's transaction (its id goes on every
 * row written), completed last with what only reading the whole file tells.
 */
export interface NewImportRecord {
  kind: string;
  fileName: string;
  sha256: string;
  username: string;
  /** Null with no file behind the import (the demo). */
  format: string | null;
  fileBytes: number | null;
  mapping: Record<string, string> | null;
  forced: boolean;
}

export interface ImportRecordCompletion {
  rowCounts: Record<string, number>;
  stationCodes: string[];
  options: Record<string, unknown>;
  warnings: number;
}

export async function insertImportRecord(conn: DuckDBConnection, r: NewImportRecord): Promise<number> {
  const [row] = await query<{ id: number }>(
    conn,
    `INSERT INTO imports (kind, file_name, sha256, username, row_counts, mapping, status, format, file_bytes,
                          station_codes, options, warnings, forced)
     VALUES ($kind, $fileName, $sha256, $username, '{}'::JSON, $mapping::JSON, 'committed', $format, $fileBytes,
             []::VARCHAR[], '{}'::JSON, 0, $forced)
     RETURNING id`,
    {
      kind: r.kind,
      fileName: r.fileName,
      sha256: r.sha256,
      username: r.username,
      mapping: r.mapping === null ? null : JSON.stringify(r.mapping),
      format: r.format,
      fileBytes: r.fileBytes,
      forced: r.forced,
    },
  );
  if (!row) throw new Error('imports insert returned no id');
  return row.id;
}

export async function completeImportRecord(
  conn: DuckDBConnection,
  id: number,
  c: ImportRecordCompletion,
): Promise<void> {
  await query(
    conn,
    `UPDATE imports SET row_counts = $counts::JSON, station_codes = $stations, options = $options::JSON,
                        warnings = $warnings
      WHERE id = $id`,
    {
      id,
      counts: JSON.stringify(c.rowCounts),
      stations: textList(c.stationCodes),
      options: JSON.stringify(c.options),
      warnings: c.warnings,
    },
  );
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
