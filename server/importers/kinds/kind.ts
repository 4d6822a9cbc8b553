import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../../db/database.ts';
import type { TableRow } from '../source/table.ts';
import type { ImportCounts, UnknownOffenceType, AnswerLabel } from '../types.ts';
import type { PreviewRows } from './common.ts';

/**
 * The connection a streaming reader stages its rows on: the open transaction of a real import, or
 * a plain connection with importId null (a dry run, or an import an error has already failed).
 */
export interface WriteTarget {
  conn: DuckDBConnection;
  importId: number | null;
}

/**
 * One kind of import, after its columns are matched: rows go in one by one (validated, issues
 * collected), `finish` does what needs all rows or the database (duplicates, existing rows,
 * zones), and `write` stores the rows inside the import's transaction.
 */
export interface KindReader {
  readonly preview: PreviewRows;
  row(r: TableRow): void;
  finish(db: Database, target?: WriteTarget | null): Promise<void>;
  /**
   * Streaming kinds (incidents) hold rows in chunks: after a batch of rows the pipeline calls
   * `drain` when `chunkFull(share of the file read)`, and `finish` drains the rest; both always
   * get a target.
   */
  chunkFull?(fractionRead: number): boolean;
  drain?(db: Database, target: WriteTarget): Promise<void>;
  /** Station codes the rows belong to (scope of the import, aggregates to refresh). */
  stations(): string[];
  counts(): ImportCounts;
  unknownOffenceTypes?(): UnknownOffenceType[];
  /** Survey answers: each distinct answer text of the file and the level (or non-answer) it was read as. */
  answerLabels?(): Record<string, AnswerLabel[]>;
  /** Writes inside the transaction; returns rows written per table. */
  write(conn: DuckDBConnection, importId: number): Promise<Record<string, number>>;
  /**
   * After write: a kind that knows its rows' share of the maintained aggregates adds it itself
   * (the same sums refreshAggregates would rebuild); other kinds get their stations rebuilt.
   */
  updateAggregates?(conn: DuckDBConnection): Promise<void>;
  /** After write: stations whose zone assignment must be recomputed (zone imports). */
  zoneStations?(): string[];
  /** Kept with the import record (mapping version, scheme, codebook...). */
  details(): Record<string, unknown>;
}
