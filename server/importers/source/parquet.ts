/**
 * Parquet tables, read by DuckDB's built-in reader in the server's one database instance (no
 * second instance; nothing is written: a SELECT over read_parquet, streamed). Values come out as the cells the
 * kind readers expect: numbers as numbers, DATE as 'YYYY-MM-DD', TIMESTAMP as the wall clock
 * 'YYYY-MM-DD HH:MM:SS' (read as Bangkok time like any zone-less time), TIMESTAMPTZ as an
 * ISO instant (converted to Bangkok wall-clock by parse/dates.ts), anything else as text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DuckDBConnection,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { Database } from '../../db/database.ts';
import { FatalImportError, issue } from '../issues.ts';
import type { LoadedFile, TableInput, TableRow } from './table.ts';

export type ParquetCell = string | number | null;

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

const BATCH_ROWS = 10_000;

/**
 * Streams a Parquet table out of the server's one DuckDB instance (its built-in reader), in
 * batches of ~10,000 rows as the pipeline pulls them: DuckDB decodes the file chunk by chunk and
 * only the batch in hand is JavaScript. Null when the table has no columns (an issue says why).
 * Throws FatalImportError (unreadable_file) for a file DuckDB refuses.
 */
export async function openParquet(db: Database, file: LoadedFile, maxRows = 5_000_000): Promise<TableInput> {
  const refuse = (detail: string) =>
    new FatalImportError(issue('unreadable_file', { file: file.name }, { format: 'Parquet', detail }));
  let dir: string | null = null;
  let path: string;
  if (file.path !== undefined) path = file.path;
  else {
    dir = mkdtempSync(join(tmpdir(), 'ssz-parquet-'));
    path = join(dir, 'upload.parquet');
    writeFileSync(path, file.bytes ?? new Uint8Array());
  }
  const cleanup = () => {
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
    dir = null;
  };
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  let opened: (v: { conn: DuckDBConnection } | Error) => void = () => undefined;
  const ready = new Promise<{ conn: DuckDBConnection } | Error>((r) => (opened = r));
  // The connection stays open while the rows are pulled, and closes when they are done.
  const connection = db
    .withConnection(async (conn) => {
      opened({ conn });
      await held;
    })
    .catch((e: unknown) => opened(e instanceof Error ? e : new Error(String(e))));
  const got = await ready;
  if (got instanceof Error) {
    cleanup();
    throw refuse(got.message);
  }
  const { conn } = got;
  const close = () => {
    release();
    cleanup();
  };
  let total: number;
  let result: Awaited<ReturnType<DuckDBConnection['stream']>>;
  try {
    const [count] = (
      await conn.runAndReadAll('SELECT count(*)::BIGINT AS n FROM read_parquet($p)', { p: path })
    ).getRows();
    total = Number(count?.[0] ?? 0);
    if (total > maxRows) throw new ParquetError(`the table has ${total} rows (at most ${maxRows})`);
    result = await conn.stream('SELECT * FROM read_parquet($p)', { p: path });
  } catch (error) {
    close();
    await connection;
    throw refuse(error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error));
  }
  const header = result.columnNames();
  let handedOut = 0;
  async function* rows(): AsyncGenerator<TableRow[]> {
    try {
      let out: TableRow[] = [];
      for (;;) {
        let chunk: Awaited<ReturnType<typeof result.fetchChunk>>;
        try {
          chunk = await result.fetchChunk();
        } catch (error) {
          throw refuse(error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error));
        }
        if (chunk === null || chunk.rowCount === 0) break;
        for (const r of chunk.getRows()) {
          out.push({ row: handedOut + 2, fields: r.map(toCell) });
          handedOut++;
        }
        if (out.length >= BATCH_ROWS) {
          yield out;
          out = [];
        }
      }
      if (out.length > 0) yield out;
    } finally {
      close();
      await connection;
    }
  }
  return {
    header,
    headerRow: 1,
    meta: {},
    rows: rows(),
    fractionRead: () => (total === 0 ? 1 : handedOut / total),
    close,
  };
}
