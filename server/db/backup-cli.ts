/**
 * `npm run backup -- FILE` and `npm run restore -- FILE` (server/cli/backup.ts, restore.ts).
 *
 * backup: with no server running, opens SSZ_DB itself and copies it (backup.ts). While the server
 * runs, DuckDB's lock keeps other processes out of the file, so the command asks the server for the
 * copy instead (POST SSZ_URL/api/admin/backup with SSZ_TOKEN, an administrator's API token) and
 * saves what it sends. Either way the file is checked (opened, its tables counted) before the
 * command says it is done. It never overwrites a file.
 *
 * restore: replaces SSZ_DB with a backup, exactly; refuses while a process (the server) holds the
 * database, and refuses files that are not backups of this dashboard.
 *
 * Exit codes: 0 done, 1 refused (database in use, not a backup), 2 usage or system error.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { readConfig } from '../config.ts';
import { BackupError, type BackupContents, backupDatabase, inspectBackup, restoreDatabase } from './backup.ts';
import { isLockError } from './database.ts';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

export interface OpsIo {
  out: (line: string) => void;
  err: (line: string) => void;
  fetch?: typeof fetch;
}

function fileArgument(argv: readonly string[], io: OpsIo, usage: string): { file: string; via: string } | null {
  try {
    const { positionals, values } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { via: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    const [file, ...rest] = positionals;
    if (values.help === true || file === undefined || rest.length > 0) throw new Error('one FILE is required');
    const via = values.via ?? 'auto';
    if (!['auto', 'direct', 'server'].includes(via)) throw new Error('--via must be auto, direct or server');
    return { file: resolve(file), via };
  } catch (error) {
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    io.err(usage);
    return null;
  }
}

function describe(contents: BackupContents): string {
  const n = (t: string) => (contents.tables[t] ?? 0).toLocaleString('en-US');
  return (
    `schema ${contents.schema}; ${Object.keys(contents.tables).length} tables; ` +
    `zones ${n('zones')}, incidents ${n('incidents')}, survey_responses ${n('survey_responses')}, users ${n('users')}`
  );
}

const BACKUP_USAGE = `Usage: npm run backup -- FILE [--via auto|direct|server]
  Writes a consistent copy of the database (SSZ_DB) to FILE, a new DuckDB file.
  While the server runs the copy is made by the server: set SSZ_TOKEN to an administrator's API token
  (and SSZ_URL if the server is not at http://localhost:PORT).`;

/** `npm run backup -- FILE`; returns the exit code. */
export async function runBackupCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: OpsIo): Promise<number> {
  const args = fileArgument(argv, io, BACKUP_USAGE);
  if (args === null) return EXIT_USAGE;
  const config = readConfig(env);
  const url = env.SSZ_URL ?? `http://localhost:${config.port}`;
  if (existsSync(args.file)) {
    io.err(`มีไฟล์ ${args.file} อยู่แล้ว ไม่เขียนทับ / ${args.file} exists; a backup never overwrites a file.`);
    return EXIT_USAGE;
  }
  try {
    let how: { th: string; en: string };
    if (args.via === 'server') how = await throughServer(url, env.SSZ_TOKEN, args.file, io);
    else {
      try {
        await directly(config.dbPath, args.file);
        how = { th: `โดยตรงจาก ${config.dbPath}`, en: `directly from ${config.dbPath}` };
      } catch (error) {
        if (!isLockError(error) || args.via === 'direct') throw error;
        how = await throughServer(url, env.SSZ_TOKEN, args.file, io);
      }
    }
    const contents = await inspectBackup(args.file);
    io.out(`สำรองข้อมูลแล้ว ${how.th} ไปที่ ${args.file} / Backed up ${how.en} to ${args.file}`);
    io.out(`  ${describe(contents)}`);
    return EXIT_OK;
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    io.err(`สำรองข้อมูลไม่ได้ / Backup failed: ${msg}`);
    return EXIT_USAGE;
  }
}

async function directly(dbPath: string, target: string): Promise<void> {
  if (!existsSync(dbPath)) throw new Error(`no database at ${dbPath} (set SSZ_DB)`);
  // The file as it is, without migrating it: a backup changes nothing.
  const instance = await DuckDBInstance.create(dbPath, { autoinstall_known_extensions: 'false' });
  try {
    await backupDatabase(
      {
        withConnection: async (fn) => {
          const conn = await instance.connect();
          try {
            return await fn(conn);
          } finally {
            conn.closeSync();
          }
        },
      },
      target,
    );
  } finally {
    instance.closeSync();
  }
}

async function throughServer(
  url: string,
  token: string | undefined,
  target: string,
  io: OpsIo,
): Promise<{ th: string; en: string }> {
  if (token === undefined || token === '') {
    throw new Error(
      'the database is in use by the running server and SSZ_TOKEN is not set: ask an administrator for an API token ' +
        'with the admin role (Admin > API tokens) and set SSZ_TOKEN (and SSZ_URL if the server is not on this machine)',
    );
  }
  const endpoint = new URL('/api/admin/backup', url);
  let res: Response;
  try {
    res = await (io.fetch ?? fetch)(endpoint, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new Error(
      `cannot reach the server at ${url}: ${error instanceof Error ? error.message : String(error)} (set SSZ_URL)`,
    );
  }
  if (res.status !== 200 || res.body === null) {
    const body = (await res.json().catch(() => null)) as { error?: { th: string; en: string } } | null;
    throw new Error(`the server answered ${res.status}: ${body?.error?.en ?? res.statusText}`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  try {
    await pipeline(Readable.fromWeb(res.body as never), createWriteStream(partial, { flags: 'wx' }));
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return { th: `ผ่านเซิร์ฟเวอร์ที่กำลังทำงานที่ ${url}`, en: `through the running server at ${url}` };
}

const RESTORE_USAGE = `Usage: npm run restore -- FILE
  Replaces the database (SSZ_DB) with the backup FILE, exactly. Stop the server first.`;

/** `npm run restore -- FILE`; returns the exit code. */
export async function runRestoreCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: OpsIo): Promise<number> {
  const args = fileArgument(argv, io, RESTORE_USAGE);
  if (args === null) return EXIT_USAGE;
  const { dbPath } = readConfig(env);
  if (!existsSync(args.file)) {
    io.err(`ไม่พบไฟล์ ${args.file} / No such file: ${args.file}`);
    return EXIT_USAGE;
  }
  try {
    const contents = await restoreDatabase(args.file, dbPath);
    io.out(`กู้คืนแล้ว / Restored ${dbPath} from ${args.file}`);
    io.out(`  ${describe(contents)}`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof BackupError) {
      io.err(REFUSALS[error.code](error.path, dbPath));
      return error.code === 'target_exists' ? EXIT_USAGE : EXIT_REFUSED;
    }
    io.err(`กู้คืนไม่ได้ / Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_USAGE;
  }
}

const REFUSALS: Record<BackupError['code'], (file: string, dbPath: string) => string> = {
  database_in_use: (_file, db) =>
    `ไม่กู้คืน: ฐานข้อมูล ${db} กำลังถูกใช้งาน (เซิร์ฟเวอร์ทำงานอยู่) กรุณาหยุดเซิร์ฟเวอร์ก่อน / ` +
    `Not restored: the database ${db} is in use (the server is running). Stop the server first; nothing was changed.`,
  not_a_backup: (file) =>
    `ไม่กู้คืน: ${file} ไม่ใช่ไฟล์สำรองของแดชบอร์ดนี้ / Not restored: ${file} is not a backup of this dashboard; nothing was changed.`,
  newer_schema: (file) =>
    `ไม่กู้คืน: ${file} มาจากแดชบอร์ดรุ่นที่ใหม่กว่า / Not restored: ${file} comes from a newer version of the dashboard; nothing was changed.`,
  target_exists: (file) => `มีไฟล์ ${file} อยู่แล้ว / ${file} exists.`,
};
