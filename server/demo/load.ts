/**
 * Writes the generated demo into the database: one `imports` row (kind 'demo') whose id every row
 * carries, zones and partners, then the big tables through the DuckDB appender (data chunks, never
 * row-by-row INSERT), then the maintained aggregates, all in ONE transaction.
 *
 * Appender and transactions (checked on @duckdb/node-api 1.5.6): rows appended inside BEGIN ...
 * ROLLBACK are rolled back, flushed or not. But an appender still holding unflushed rows when the
 * transaction has already ended flushes them on close in autocommit mode, i.e. they persist. So
 * every appender here is flushed and closed (or cleared and closed on error) before the
 * transaction ends.
 */
import {
  dateValue,
  type DuckDBConnection,
  DuckDBDataChunkWriter,
  type DuckDBValue,
  timestampValue,
} from '@duckdb/node-api';
import { type Database, query } from '../db/database.ts';
import { writeMonthlyCounts } from '../queries/imports-monthly-counts.ts';
import { writePartners } from '../queries/imports-partners.ts';
import { writeProblems } from '../queries/problems-write.ts';
import { refreshAggregates } from '../queries/refresh-aggregates.ts';
import { loadStations } from '../reference/load.ts';
import {
  type DemoData,
  type DemoRow,
  type DemoTable,
  DEMO_COLUMNS,
  demoContentHash,
  generateDemo,
  type StationRef,
} from './generate.ts';
import { demoProblems } from './problems.ts';
import { DEMO_DEFAULT_SEED } from './spec.ts';

export interface LoadDemoOptions {
  seed?: number;
  /** Station registry to resolve the demo's station names; default: data/reference/stations.csv. */
  stations?: readonly StationRef[];
  /** The day the demo is made for (its data end the month before, Bangkok); default: now. */
  today?: Date;
}

export interface LoadDemoResult {
  importId: number;
  seed: number;
  sha256: string;
  zones: number;
  partners: number;
  incidents: number;
  incidentRings: number;
  monthlyCounts: number;
  responses: number;
  /** Milliseconds spent generating and writing (including the aggregate refresh). */
  timings: { generateMs: number; writeMs: number };
}

/** Tables holding user data, in the order reset deletes them. */
export const USER_DATA_TABLES = [
  'problem_events',
  'problems',
  'incident_rings',
  'incidents',
  'monthly_counts',
  'survey_agg',
  'survey_responses',
  'crime_monthly',
  'station_coverage',
  'partners',
  'zones',
  'codebooks',
  'imports',
] as const;

interface TableColumn {
  name: string;
  type: string;
}

async function tableColumns(conn: DuckDBConnection, table: string): Promise<TableColumn[]> {
  const rows = await query<{ name: string; type: string }>(
    conn,
    `SELECT column_name AS name, data_type AS type FROM duckdb_columns()
      WHERE schema_name = 'main' AND table_name = $table ORDER BY column_index`,
    { table },
  );
  if (rows.length === 0) throw new Error(`table ${table} does not exist`);
  return rows;
}

const DAY_MS = 86_400_000;

function toDate(text: string): DuckDBValue {
  const [y, m, d] = text.split('-').map(Number);
  return dateValue(Math.round(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / DAY_MS));
}

/** 'YYYY-MM-DD HH:MM:SS' wall clock -> TIMESTAMP (no zone: the digits are stored as written). */
function toTimestamp(text: string): DuckDBValue {
  const [date = '', time = '00:00:00'] = text.split(' ');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s] = time.split(':').map(Number);
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  return timestampValue(BigInt(ms) * 1000n);
}

function converter(type: string): (value: unknown) => DuckDBValue {
  switch (type) {
    case 'DATE':
      return (v) => (v === null || v === undefined ? null : toDate(String(v)));
    case 'TIMESTAMP':
      return (v) => (v === null || v === undefined ? null : toTimestamp(String(v)));
    case 'JSON':
      return (v) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
    default:
      return (v) => (v === undefined ? null : (v as DuckDBValue));
  }
}

/**
 * Appends rows to a table with the appender in data chunks. Columns are matched by name to the
 * table's current columns (so a later migration that adds a nullable column does not break the
 * demo); `fixed` supplies constant columns such as import_id; others are NULL.
 */
async function appendRows<T extends DemoTable>(
  conn: DuckDBConnection,
  table: T,
  rows: readonly DemoRow<T>[],
  fixed: Record<string, DuckDBValue>,
): Promise<void> {
  const columns = await tableColumns(conn, table);
  const known = new Set<string>(DEMO_COLUMNS[table]);
  const getters = columns.map((c): ((row: Record<string, unknown>) => DuckDBValue) => {
    if (c.name in fixed) {
      const value = fixed[c.name] ?? null;
      return () => value;
    }
    if (!known.has(c.name)) return () => null;
    const convert = converter(c.type);
    return (row) => convert(row[c.name]);
  });
  const appender = await conn.createAppender(table);
  try {
    const writer = DuckDBDataChunkWriter.forAppender(appender);
    const values: DuckDBValue[] = new Array(columns.length).fill(null);
    for (const row of rows) {
      const record = row as unknown as Record<string, unknown>;
      for (let i = 0; i < getters.length; i++) values[i] = getters[i]?.(record) ?? null;
      writer.appendRow(values);
    }
    writer.flush();
    appender.closeSync();
  } catch (error) {
    // Drop what is still buffered so nothing can be flushed outside the transaction.
    appender.clear();
    appender.closeSync();
    throw error;
  }
}

export function rowCounts(data: DemoData) {
  return {
    zones: data.zones.length,
    partners: data.partners.length,
    incidents: data.incidents.length,
    incident_rings: data.incident_rings.length,
    monthly_counts: data.monthly_counts.length,
    survey_responses: data.survey_responses.length,
  };
}

/**
 * Writes generated demo data on a connection that is already inside a transaction (see loadDemo,
 * resetDemo). Returns the new import id.
 */
export async function writeDemo(
  conn: DuckDBConnection,
  data: DemoData,
  sha256 = demoContentHash(data),
): Promise<number> {
  const [imported] = await query<{ id: number }>(
    conn,
    `INSERT INTO imports (kind, file_name, sha256, username, row_counts)
     VALUES ('demo', $fileName, $sha256, 'system', $rowCounts::JSON) RETURNING id`,
    { fileName: `demo-seed-${data.seed}`, sha256, rowCounts: JSON.stringify(rowCounts(data)) },
  );
  if (!imported) throw new Error('imports insert returned no id');
  const importId = imported.id;

  await appendRows(conn, 'zones', data.zones, { import_id: importId });
  // Partners and monthly counts through the importers' own writers (same SQL as a file import).
  await writePartners(conn, data.partners, importId);
  // A few community problems (Stronger Together), dated back from the demo's day, through the app's own writer.
  await writeProblems(conn, demoProblems(data), importId);

  await appendRows(conn, 'incidents', data.incidents, { import_id: importId, legacy_group: null });
  await appendRows(conn, 'incident_rings', data.incident_rings, { import_id: importId });
  await writeMonthlyCounts(conn, data.monthly_counts, importId);
  await appendRows(conn, 'survey_responses', data.survey_responses, { import_id: importId });

  await refreshAggregates(conn);
  return importId;
}

/** Generates the demo data and its content hash, outside any transaction. */
export function prepareDemo(opts: LoadDemoOptions = {}): { data: DemoData; sha256: string; ms: number } {
  const t0 = performance.now();
  const data = generateDemo({
    seed: opts.seed ?? DEMO_DEFAULT_SEED,
    stations: opts.stations ?? loadStations(),
    today: opts.today ?? new Date(),
  });
  const sha256 = demoContentHash(data);
  return { data, sha256, ms: performance.now() - t0 };
}

export function loadResult(
  data: DemoData,
  sha256: string,
  importId: number,
  generateMs: number,
  writeMs: number,
): LoadDemoResult {
  return {
    importId,
    seed: data.seed,
    sha256,
    zones: data.zones.length,
    partners: data.partners.length,
    incidents: data.incidents.length,
    incidentRings: data.incident_rings.length,
    monthlyCounts: data.monthly_counts.length,
    responses: data.survey_responses.length,
    timings: { generateMs: Math.round(generateMs), writeMs: Math.round(writeMs) },
  };
}

/** Generates the demo (default seed unless given) and loads it in one transaction. */
export async function loadDemo(db: Database, opts: LoadDemoOptions = {}): Promise<LoadDemoResult> {
  const { data, sha256, ms } = prepareDemo(opts);
  const t0 = performance.now();
  const importId = await db.transaction((conn) => writeDemo(conn, data, sha256));
  return loadResult(data, sha256, importId, ms, performance.now() - t0);
}

/** No zones and no incidents: a fresh database the demo may fill. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.all<{ n: number }>(
    'SELECT ((SELECT count(*) FROM zones) + (SELECT count(*) FROM incidents))::INTEGER AS n',
  );
  return (row?.n ?? 0) === 0;
}
