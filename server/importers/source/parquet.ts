/**
 * Parquet tables, read by DuckDB's built-in reader on a private in-memory instance (the main
 * database is never touched while a file is only being read). Values come out as the cells the
 * kind readers expect: numbers as numbers, DATE as 'YYYY-MM-DD', TIMESTAMP as the wall clock
 * 'YYYY-MM-DD HH:MM:SS' (read as Bangkok time like any zone-less time), TIMESTAMPTZ as an
 * ISO instant (converted to Bangkok wall-clock by parse/dates.ts), anything else as text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  type DuckDBValue,
} from '@duckdb/node-api';

export type ParquetCell = string | number | null;

export interface ParquetTable {
  header: string[];
  rows: ParquetCell[][];
}

export class ParquetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParquetError';
  }
}

function toCell(v: DuckDBValue): ParquetCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'bigint') {
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();
  }
  if (v instanceof DuckDBDecimalValue) return v.toDouble();
  if (v instanceof DuckDBDateValue) return v.toString();
  if (v instanceof DuckDBTimestampTZValue) {
    return new Date(Number(v.micros / 1000n)).toISOString();
  }
  if (v instanceof DuckDBTimestampValue) return v.toString();
  return String(v);
}

/** Reads a whole Parquet file (given as bytes, or a path when it is already on disk). */
export async function readParquet(
  source: { path: string } | { bytes: Uint8Array },
  maxRows = 5_000_000,
): Promise<ParquetTable> {
  let dir: string | null = null;
  let path: string;
  if ('path' in source) path = source.path;
  else {
    dir = mkdtempSync(join(tmpdir(), 'ssz-parquet-'));
    path = join(dir, 'upload.parquet');
    writeFileSync(path, source.bytes);
  }
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'true',
    enable_external_access: 'true',
  });
  const conn = await instance.connect();
  try {
    const [count] = (
      await conn.runAndReadAll('SELECT count(*)::BIGINT AS n FROM read_parquet($p)', { p: path })
    ).getRows();
    const n = Number(count?.[0] ?? 0);
    if (n > maxRows) throw new ParquetError(`the table has ${n} rows (at most ${maxRows})`);
    const reader = await conn.runAndReadAll('SELECT * FROM read_parquet($p)', { p: path });
    const header = reader.columnNames();
    const rows = reader.getRows().map((r) => r.map(toCell));
    return { header, rows };
  } catch (error) {
    if (error instanceof ParquetError) throw error;
    throw new ParquetError(error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error));
  } finally {
    conn.closeSync();
    instance.closeSync();
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
  }
}
