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
