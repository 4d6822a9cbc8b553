import { type DuckDBConnection, DuckDBDataChunkWriter, JSToDuckDBValueConverter } from '@duckdb/node-api';

/**
 * A plain JS cell: strings, numbers, booleans, null. DATE / TIMESTAMP columns need JS `Date`s with
 * the JS converter (a string throws), so bulk loaders stage dates as text and cast in SQL.
 */
export type Cell = string | number | boolean | Date | null;

/**
 * Bulk-loads rows into a table through DuckDB's appender (data chunks, not row-by-row INSERT).
 * Rows must list every column of the table in its declared order. Runs on the caller's
 * connection, so inside a transaction the rows roll back with it.
 */
export async function appendRows(
  conn: DuckDBConnection,
  table: string,
  rows: Iterable<readonly Cell[]>,
): Promise<number> {
  const appender = await conn.createAppender(table);
  const writer = DuckDBDataChunkWriter.forAppender(appender, { converter: JSToDuckDBValueConverter });
  let count = 0;
  try {
    for (const row of rows) {
      writer.appendRow(row as Cell[]);
      count++;
    }
    writer.flush();
  } finally {
    appender.closeSync();
  }
  return count;
}

/** A staging table's columns in order: each row's key and the column's DuckDB type. */
export type StageColumns<R> = readonly (readonly [keyof R & string, string])[];

/**
 * (Re)creates a temporary staging table from its column list and appends the rows, each row's
 * values taken by the column names: the one place an import's row shape meets its table.
 */
export async function stageRows<R>(
  conn: DuckDBConnection,
  table: string,
  columns: StageColumns<R>,
  rows: readonly R[],
): Promise<number> {
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${table} (${columns.map(([n, t]) => `"${n}" ${t}`).join(', ')})`);
  return appendRows(
    conn,
    table,
    rows.map((r) => columns.map(([n]) => r[n] as Cell)),
  );
}
