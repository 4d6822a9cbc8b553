/**
 * Backup and restore on real database files: a backup of the demo programme, then changes, then a
 * restore gives back every table row for row (and every sequence where it was); restore refuses
 * a database another process holds and files that are not our backups; the daily schedule keeps
 * the newest N. The server's side (backup through POST /api/admin/backup while it runs, SIGTERM)
 * is in tests/server/ops/server-process.test.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, backupDatabase, inspectBackup, restoreDatabase } from '../../../server/db/backup.ts';
import { EXIT_OK, EXIT_REFUSED, runBackupCli, runRestoreCli } from '../../../server/db/backup-cli.ts';
import {
  BACKUP_INTERVAL_MS,
  backupDue,
  backupFileName,
  backupsToDelete,
  backupTime,
  runDueBackup,
} from '../../../server/db/backup-schedule.ts';
import { type Database, openDatabase } from '../../../server/db/database.ts';
import { prepareDatabase } from '../../../server/startup.ts';
import { repoRoot } from '../importers/helpers/db.ts';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** Every table of the database, row for row (as a count and a hash). */
async function everything(db: Database) {
  const tables = await db.all<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables()
      WHERE database_name = current_database() AND schema_name = 'main' ORDER BY name`,
  );
  const rows: Record<string, string> = {};
  for (const { name } of tables) {
    const all = await db.all(`SELECT * FROM "${name}" ORDER BY ALL`);
    rows[name] = `${all.length} rows, sha256 ${sha256(JSON.stringify(all))}`;
  }
  return rows;
}

/**
 * The id each sequence gives next (this uses it up). duckdb_sequences().last_value is no measure:
 * a copied sequence is re-created to START where the original would go on, and reports that.
 */
async function nextIds(db: Database): Promise<Record<string, number>> {
  const names = await db.all<{ name: string }>(
    `SELECT sequence_name AS name FROM duckdb_sequences() WHERE database_name = current_database() ORDER BY name`,
  );
  const next: Record<string, number> = {};
  for (const { name } of names) {
    const [row] = await db.all<{ n: string }>(`SELECT nextval('${name}')::VARCHAR AS n`);
    next[name] = Number(row?.n);
  }
  return next;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssz-backup-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Another process holding a database file, as the running server does. */
async function holdDatabase(path: string): Promise<ChildProcess> {
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const {DuckDBInstance}=require('@duckdb/node-api');DuckDBInstance.create(${JSON.stringify(path)}).then(()=>{console.log('held');setInterval(()=>{},1000)})`,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve) => holder.stdout?.once('data', () => resolve()));
  return holder;
}

describe('backup, change, restore', () => {
  let dbPath: string;
  let db: Database;
  beforeAll(async () => {
    // The demo programme in a database file: every table has rows.
    dbPath = join(dir, 'demo', 'ssz.duckdb');
    db = await prepareDatabase({
      dbPath,
      demo: true,
      adminUser: 'admin',
      adminPassword: 'backup-test-2567',
      log: () => {},
    });
  });

  it('gives back every table row for row, and every sequence where it was', { timeout: 300_000 }, async () => {
    const backup = join(dir, 'demo-backup.duckdb');
    const before = await everything(db);
    expect(Number(before.incidents?.split(' ')[0])).toBeGreaterThan(10_000);

    const made = await backupDatabase(db, backup);
    expect(made.bytes).toBeGreaterThan(0);
    expect(existsSync(`${backup}.wal`)).toBe(false);
    await expect(backupDatabase(db, backup)).rejects.toThrow(BackupError);
    // Taken after the backup, so they are changes too: the restored sequences must give these again.
    const nextAtBackup = await nextIds(db);
    expect(Object.keys(nextAtBackup).length).toBeGreaterThanOrEqual(5);

    // Changes of every kind after the backup: deleted rows, new rows (sequences move), updates.
    await db.transaction(async (conn) => {
      await conn.run(`DELETE FROM incidents WHERE rowid % 3 = 0`);
      await conn.run(`UPDATE zones SET name_en = 'changed after the backup'`);
      await conn.run(`INSERT INTO audit_log (logged_at, username, action) VALUES (now(), 'after', 'logout')`);
      await conn.run(`DELETE FROM users WHERE username <> 'admin'`);
      await conn.run(`DELETE FROM survey_responses`);
    });
    const changed = await everything(db);
    expect(changed.incidents).not.toBe(before.incidents);
    expect(changed.zones).not.toBe(before.zones);
    db.close();

    const restored = await restoreDatabase(backup, dbPath);
    expect(restored.tables.incidents).toBe(Number(before.incidents?.split(' ')[0]));
    expect(existsSync(`${dbPath}.wal`)).toBe(false);
    db = await openDatabase(dbPath);
    try {
      expect(await everything(db)).toEqual(before);
      // Sequences go on from where they were at the backup: no id is given twice.
      expect(await nextIds(db)).toEqual(nextAtBackup);
    } finally {
      db.close();
    }
  });

  it('the command line backs up and restores a database no server holds', async () => {
    const dbPath = join(dir, 'cli', 'ssz.duckdb');
    const db = await openDatabase(dbPath);
    await db.all(`INSERT INTO settings (scope, key, value) VALUES ('programme', 'cli-test', '{"v":1}')`);
    const before = await everything(db);
    db.close();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const file = join(dir, 'cli-backup.duckdb');
    expect(await runBackupCli([file], { SSZ_DB: dbPath }, io)).toBe(EXIT_OK);
    expect(err).toEqual([]);
    expect(out[0]).toBe(`สำรองข้อมูลแล้ว โดยตรงจาก ${dbPath} ไปที่ ${file} / Backed up directly from ${dbPath} to ${file}`);
    expect(out[1]).toMatch(/^ {2}schema \d+; \d+ tables; zones 0, incidents 0/);
    // Never over an existing file.
    expect(await runBackupCli([file], { SSZ_DB: dbPath }, io)).not.toBe(EXIT_OK);

    rmSync(dbPath);
    expect(await runRestoreCli([file], { SSZ_DB: dbPath }, io)).toBe(EXIT_OK);
    expect(out.at(-2)).toBe(`กู้คืนแล้ว / Restored ${dbPath} from ${file}`);
    const back = await openDatabase(dbPath);
    try {
      expect(await everything(back)).toEqual(before);
    } finally {
      back.close();
    }
  });
});

describe('restore refuses', () => {
  it('to overwrite a database another process (the server) holds, and changes nothing', async () => {
    const dbPath = join(dir, 'held', 'ssz.duckdb');
    const backup = join(dir, 'held-backup.duckdb');
    const db = await openDatabase(dbPath);
    await backupDatabase(db, backup);
    db.close();
    const bytes = sha256(readFileSync(dbPath));
    const holder = await holdDatabase(dbPath);
    try {
      await expect(restoreDatabase(backup, dbPath)).rejects.toMatchObject({ code: 'database_in_use' });
      const err: string[] = [];
      const code = await runRestoreCli([backup], { SSZ_DB: dbPath }, { out: () => {}, err: (l) => err.push(l) });
      expect(code).toBe(EXIT_REFUSED);
      expect(err.join('\n')).toContain('กรุณาหยุดเซิร์ฟเวอร์ก่อน');
      expect(err.join('\n')).toContain('Stop the server first; nothing was changed.');
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
    }
    expect(sha256(readFileSync(dbPath))).toBe(bytes);
  });

  it('files that are not backups of this dashboard', async () => {
    const text = join(dir, 'notes.duckdb');
    writeFileSync(text, 'not a database at all');
    await expect(inspectBackup(text)).rejects.toMatchObject({ code: 'not_a_backup' });
    const other = join(dir, 'other.duckdb');
    const instance = await DuckDBInstance.create(other);
    (await instance.connect()).closeSync();
    instance.closeSync();
    const target = join(dir, 'untouched.duckdb');
    await expect(restoreDatabase(other, target)).rejects.toMatchObject({ code: 'not_a_backup' });
    expect(existsSync(target)).toBe(false);
  });
});

describe('scheduled backups', () => {
  const t0 = Date.UTC(2026, 11, 7, 13, 30, 0);

  it('names backups by UTC time so they sort, and reads the time back', () => {
    expect(backupFileName(t0)).toBe('ssz-20261207-133000Z.duckdb');
    expect(backupTime('ssz-20261207-133000Z.duckdb')).toBe(t0);
    expect(backupTime('ssz-20261207-133000Z.duckdb.partial')).toBeNull();
    expect(backupTime('my-own-copy.duckdb')).toBeNull();
  });

  it('is due with no backup yet or when the newest is a day old', () => {
    const names = [backupFileName(t0), 'unrelated.txt'];
    expect(backupDue([], t0)).toBe(true);
    expect(backupDue(['unrelated.txt'], t0)).toBe(true);
    expect(backupDue(names, t0 + BACKUP_INTERVAL_MS - 1)).toBe(false);
    expect(backupDue(names, t0 + BACKUP_INTERVAL_MS)).toBe(true);
  });

  it('deletes the oldest of ours beyond N and never a file that is not ours', () => {
    const days = [0, 1, 2, 3].map((d) => backupFileName(t0 + d * BACKUP_INTERVAL_MS));
    expect(backupsToDelete([...days].reverse().concat('keep-me.duckdb'), 2)).toEqual([days[0], days[1]]);
    expect(backupsToDelete(days, 10)).toEqual([]);
    // Keeping zero would delete the backup just made.
    expect(backupsToDelete(days, 0)).toEqual(days.slice(0, 3));
  });

  it('backs up once a day into SSZ_BACKUP_DIR and keeps the newest N', async () => {
    const backupDir = join(dir, 'scheduled');
    const db = await openDatabase(':memory:');
    try {
      let now = t0;
      const o = { db, dir: backupDir, keep: 2, now: () => now };
      expect((await runDueBackup(o))?.path).toBe(join(backupDir, backupFileName(t0)));
      now += 60 * 60 * 1000;
      expect(await runDueBackup(o)).toBeNull();
      writeFileSync(join(backupDir, 'operator-notes.txt'), 'mine');
      now = t0 + BACKUP_INTERVAL_MS;
      await runDueBackup(o);
      now = t0 + 2 * BACKUP_INTERVAL_MS + 5_000;
      await runDueBackup(o);
      expect(readdirSync(backupDir).sort()).toEqual([
        'operator-notes.txt',
        backupFileName(t0 + BACKUP_INTERVAL_MS),
        backupFileName(now),
      ]);
      expect((await inspectBackup(join(backupDir, backupFileName(now)))).tables.schema_migrations).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
