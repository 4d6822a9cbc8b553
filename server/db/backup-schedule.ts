/**
 * Scheduled backups: with SSZ_BACKUP_DIR set, the server writes a backup there once a day and
 * keeps the newest SSZ_BACKUP_KEEP (default 7). The schedule is "a day since the newest backup
 * in the folder", checked at start and then every hour, so a restart neither skips a day nor
 * makes an extra one. Only files named like ours are ever counted or deleted.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BackupFacts, backupDatabase } from './backup.ts';
import type { Database } from './database.ts';

export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 60 * 1000;
const NAME = /^ssz-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})Z\.duckdb$/;

/** 'ssz-20261207-133000Z.duckdb' (UTC): names sort by time. */
export function backupFileName(at: number): string {
  const iso = new Date(at).toISOString(); // 2026-12-07T13:30:00.000Z
  return `ssz-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}Z.duckdb`;
}

/** When a scheduled backup was made, from its name; null for any other file. */
export function backupTime(name: string): number | null {
  const m = NAME.exec(name);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
}

/** Whether a backup is due: none yet, or the newest is a day old. */
export function backupDue(names: readonly string[], now: number, intervalMs = BACKUP_INTERVAL_MS): boolean {
  const times = names.map(backupTime).filter((t): t is number => t !== null);
  return times.length === 0 || now - Math.max(...times) >= intervalMs;
}

/** The scheduled backups to delete so that the newest `keep` remain (other files are not ours). */
export function backupsToDelete(names: readonly string[], keep: number): string[] {
  const ours = names.filter((n) => backupTime(n) !== null).sort();
  return ours.slice(0, Math.max(0, ours.length - Math.max(1, keep)));
}

export interface ScheduleOptions {
  db: Database;
  dir: string;
  keep: number;
  now?: () => number;
  log?: (message: string) => void;
}

/** One check: backs up when due and prunes the folder. Returns the backup made, or null. */
export async function runDueBackup(o: ScheduleOptions): Promise<BackupFacts | null> {
  const now = (o.now ?? Date.now)();
  const list = () => readdirSync(o.dir, { withFileTypes: true }).flatMap((e) => (e.isFile() ? [e.name] : []));
  let names: string[];
  try {
    names = list();
  } catch {
    names = [];
  }
  if (!backupDue(names, now)) return null;
  const made = await backupDatabase(o.db, join(o.dir, backupFileName(now)));
  for (const old of backupsToDelete(list(), o.keep)) rmSync(join(o.dir, old), { force: true });
  o.log?.(`Scheduled backup: ${made.path} (${(made.bytes / 1048576).toFixed(1)} MB); keeping the newest ${o.keep}`);
  return made;
}

/**
 * Starts the daily schedule (main.ts). stop() ends it and waits for a backup in progress, so a
 * shutdown never closes the database under one.
 */
export function startBackupSchedule(o: ScheduleOptions): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const check = () => {
    running = running
      .then(() => runDueBackup(o))
      .catch((error: unknown) =>
        (o.log ?? console.error)(
          `Scheduled backup to ${o.dir} failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  };
  check();
  const timer = setInterval(check, CHECK_EVERY_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
