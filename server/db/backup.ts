/**
 * Backups of the database, and restoring one.
 *
 * A backup is a new DuckDB file made by `COPY FROM DATABASE` inside one read transaction of the
 * running database: every table, sequence (with its position) and view as of one instant, while
 * imports and sign-ins go on in other transactions (DuckDB's MVCC gives the copy its snapshot).
 * The copy is detached (checkpointed, no WAL beside it) and only then renamed to its final name,
 * so a file with a backup's name is always complete.
 *
 * Why a DuckDB file rather than EXPORT DATABASE to Parquet: one file to keep, move and check;
 * restoring is replacing the database file with it, byte for byte, with every type (JSON, lists,
 * TIMESTAMPTZ) and every sequence position as they were; and a read replica can open it as it
 * is (README, capacity model). Parquet would be a folder of files re-imported statement by
 * statement on restore.
 *
 * DuckDB lets one process write a file, so while the server runs a backup is made BY the server
 * (POST /api/admin/backup, what `npm run backup` calls then), and restoring refuses to touch a
 * database file another process holds.
 */
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  fsyncSync,
  closeSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { type Database, isLockError } from './database.ts';
import { migrations } from './migrations/index.ts';

/** A path as a SQL string literal (ATTACH takes no bound parameters). Paths come from the server or the operator. */
const sqlPath = (path: string): string => `'${path.replaceAll("'", "''")}'`;
const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export interface BackupFacts {
  path: string;
  bytes: number;
  /** The schema version (newest migration) the backup holds. */
  schema: number;
}

/** Writes a consistent copy of `db` to `target`, which must not exist yet. */
export async function backupDatabase(db: Pick<Database, 'withConnection'>, target: string): Promise<BackupFacts> {
  if (existsSync(target)) throw new BackupError('target_exists', target);
  mkdirSync(dirname(target), { recursive: true });
  const partial = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  const alias = `ssz_backup_${randomBytes(6).toString('hex')}`;
  try {
    await db.withConnection(async (conn) => {
      const [row] = (await conn.runAndReadAll('SELECT current_database() AS name')).getRowObjectsJson();
      const source = String(row?.name);
      await conn.run(`ATTACH ${sqlPath(partial)} AS ${alias}`);
      try {
        await conn.run('BEGIN TRANSACTION');
        try {
          await conn.run(`COPY FROM DATABASE ${quoteIdent(source)} TO ${alias}`);
          await conn.run('COMMIT');
        } catch (error) {
          await conn.run('ROLLBACK');
          throw error;
        }
      } finally {
        // Detaching checkpoints the copy: everything is in the file, no WAL beside it.
        await conn.run(`DETACH ${alias}`);
      }
    });
    syncFile(partial);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
    rmSync(`${partial}.wal`, { force: true });
  }
  return { path: target, bytes: statSync(target).size, schema: (await inspectBackup(target)).schema };
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class BackupError extends Error {
  constructor(
    readonly code: 'target_exists' | 'not_a_backup' | 'newer_schema' | 'database_in_use',
    readonly path: string,
    detail = '',
  ) {
    super(`${code}: ${path}${detail === '' ? '' : ` (${detail})`}`);
    this.name = 'BackupError';
  }
}

export interface BackupContents {
  schema: number;
  /** Rows per table, for the operator to see what a backup holds. */
  tables: Record<string, number>;
}

/** Opens a backup read-only and says what it holds; throws BackupError('not_a_backup') for any other file. */
export async function inspectBackup(path: string): Promise<BackupContents> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY', autoinstall_known_extensions: 'false' });
  } catch (error) {
    throw new BackupError('not_a_backup', path, error instanceof Error ? error.message : String(error));
  }
  try {
    const conn = await instance.connect();
    try {
      const read = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson();
      const names = (await read(`SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()
        AND schema_name = 'main' ORDER BY table_name`)) as { table_name: string }[];
      if (!names.some((t) => t.table_name === 'schema_migrations'))
        throw new BackupError('not_a_backup', path, 'no schema_migrations table');
      const [v] = (await read('SELECT max(version)::INTEGER AS v FROM schema_migrations')) as { v: number | null }[];
      const tables: Record<string, number> = {};
      for (const { table_name } of names) {
        const [n] = (await read(`SELECT count(*)::BIGINT AS n FROM ${quoteIdent(table_name)}`)) as { n: string }[];
        tables[table_name] = Number(n?.n ?? 0);
      }
      return { schema: v?.v ?? 0, tables };
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/** Throws BackupError('database_in_use') when another process (the server) holds the database file. */
async function assertNotInUse(dbPath: string): Promise<void> {
  if (!existsSync(dbPath)) return;
  try {
    const instance = await DuckDBInstance.create(dbPath, { autoinstall_known_extensions: 'false' });
    instance.closeSync();
  } catch (error) {
    if (isLockError(error))
      throw new BackupError('database_in_use', dbPath, error instanceof Error ? error.message : String(error));
    // Any other failure (a damaged file) is what a restore is for: go on.
  }
}

/**
 * Replaces the database file at `dbPath` with the backup, exactly (a byte copy, then one rename),
 * after checking that the backup is one of ours, not from a newer version of the dashboard, and
 * that no process holds the database. The old file's WAL is removed: replayed onto the restored
 * file it would undo the restore.
 */
export async function restoreDatabase(backup: string, dbPath: string): Promise<BackupContents> {
  const contents = await inspectBackup(backup);
  const known = Math.max(...migrations.map((m) => m.version));
  if (contents.schema > known)
    throw new BackupError('newer_schema', backup, `schema ${contents.schema}, this version knows ${known}`);
  await assertNotInUse(dbPath);
  mkdirSync(dirname(dbPath), { recursive: true });
  const incoming = join(dirname(dbPath), `.${basename(dbPath)}.${randomBytes(6).toString('hex')}.restoring`);
  try {
    copyFileSync(backup, incoming);
    syncFile(incoming);
    rmSync(`${dbPath}.wal`, { force: true });
    renameSync(incoming, dbPath);
  } finally {
    rmSync(incoming, { force: true });
  }
  return contents;
}
