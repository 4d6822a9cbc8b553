import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBType,
  type DuckDBValue,
  INTEGER,
  LIST,
  listValue,
  VARCHAR,
} from '@duckdb/node-api';
import { migrate } from './migrate.ts';
import { type Migration, migrations as allMigrations } from './migrations/index.ts';

/** A bound value with its SQL type spelled out (an empty list has no type of its own). */
export class TypedParam {
  constructor(
    readonly value: DuckDBValue,
    readonly type: DuckDBType,
  ) {}
}
export const textList = (items: readonly string[]) => new TypedParam(listValue([...items]), LIST(VARCHAR));
export const intList = (items: readonly number[]) => new TypedParam(listValue([...items]), LIST(INTEGER));

/** Named SQL parameters; values are always bound, never spliced into SQL text. */
export type SqlParams = Record<string, DuckDBValue | TypedParam>;

function bind(params: SqlParams | undefined): [Record<string, DuckDBValue>, Record<string, DuckDBType | undefined>] {
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType | undefined> = {};
  for (const [name, param] of Object.entries(params ?? {})) {
    if (param instanceof TypedParam) {
      values[name] = param.value;
      types[name] = param.type;
    } else values[name] = param;
  }
  return [values, types];
}

/** Runs one statement on a given connection (e.g. inside a transaction), rows as JSON-safe objects. */
export async function query<Row>(conn: DuckDBConnection, sql: string, params?: SqlParams): Promise<Row[]> {
  const [values, types] = bind(params);
  const reader = await conn.runAndReadAll(sql, values, types);
  return reader.getRowObjectsJson() as Row[];
}

/** Runs one statement for its effect on a given connection. */
export async function exec(conn: DuckDBConnection, sql: string, params?: SqlParams): Promise<void> {
  const [values, types] = bind(params);
  await conn.run(sql, values, types);
}

/**
 * The one DuckDB instance of this process. Each request takes its own connection
 * (connections are cheap; SET state and transactions must not leak between requests).
 */
export interface Database {
  readonly path: string;
  /** Runs fn on a fresh connection and closes it afterwards. */
  withConnection<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T>;
  /** Runs fn inside BEGIN ... COMMIT on a fresh connection; any throw rolls the whole thing back. */
  transaction<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T>;
  /** Convenience: one read query, rows as JSON-safe objects. */
  all<Row>(sql: string, params?: SqlParams): Promise<Row[]>;
  close(): void;
}

/** DuckDB's answer when another process holds the database file (one process may write it). */
export function isLockError(error: unknown): boolean {
  const m = error instanceof Error ? error.message : String(error);
  return /could not set lock|conflicting lock|database is locked/i.test(m);
}

/** Opens (creating if needed) a database file and applies every pending migration (tests may pass fewer). */
export async function openDatabase(path: string, migrations: Migration[] = allMigrations): Promise<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // Only the built-in extensions exist on these machines; never try to download one.
  const instance = await DuckDBInstance.create(path, {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'true',
  });

  const withConnection = async <T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> => {
    const conn = await instance.connect();
    try {
      return await fn(conn);
    } finally {
      conn.closeSync();
    }
  };

  const transaction = <T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> =>
    withConnection(async (conn) => {
      await conn.run('BEGIN TRANSACTION');
      try {
        const result = await fn(conn);
        await conn.run('COMMIT');
        return result;
      } catch (error) {
        await conn.run('ROLLBACK');
        throw error;
      }
    });

  const db: Database = {
    path,
    withConnection,
    transaction,
    all: <Row>(sql: string, params?: SqlParams) => withConnection((conn) => query<Row>(conn, sql, params)),
    close: () => instance.closeSync(),
  };
  await migrate(db, migrations);
  return db;
}
