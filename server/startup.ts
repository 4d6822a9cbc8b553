import { createDemoUsers, ensureAdmin } from './auth/bootstrap.ts';
import { type Database, openDatabase } from './db/database.ts';
import { seedReference } from './db/seed-reference.ts';
import { isDatabaseEmpty, loadDemo } from './demo/load.ts';

export interface StartupOptions {
  dbPath: string;
  demo: boolean;
  adminUser: string;
  adminPassword?: string | undefined;
  log?: (message: string) => void;
  /** The day an empty database's demo is made for (its data end the month before); default: now. */
  demoToday?: Date;
}

/** The database cannot be opened: said in one paragraph, for the console, with what to do. */
export class DatabaseUnavailableError extends Error {
  constructor(path: string, cause: unknown) {
    const reason = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? '';
    const hint = /lock/i.test(reason)
      ? 'Another process has it open (a running server, or `npm run import`): stop it, or set SSZ_DB to another file.'
      : /not a valid DuckDB|not a DuckDB|invalid|corrupt|magic|version/i.test(reason)
        ? 'It is not a database this server can read: set SSZ_DB to another path, or move the file away to start afresh (the demo data is loaded into a new one).'
        : 'Check that the path exists, is a file and may be written by this user, or set SSZ_DB to another path.';
    super(`Cannot open the database ${path}: ${reason}\n${hint}`);
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * Opens (and migrates) the database, loads the reference data shipped in the repo, fills an empty
 * database with the demo programme (and its demo users) unless SSZ_DEMO=0, and creates the first
 * administrator when there are no users. An existing database is never overwritten.
 */
export async function prepareDatabase(options: StartupOptions): Promise<Database> {
  const { dbPath, demo, log = console.log } = options;
  let db: Database;
  try {
    db = await openDatabase(dbPath);
  } catch (error) {
    throw new DatabaseUnavailableError(dbPath, error);
  }
  await seedReference(db);
  await ensureAdmin(db, { adminUser: options.adminUser, adminPassword: options.adminPassword }, log);
  if (demo && (await isDatabaseEmpty(db))) {
    const started = Date.now();
    const counts = await loadDemo(db, options.demoToday ? { today: options.demoToday } : {});
    const { users } = await createDemoUsers(db);
    log(`Demo data loaded in ${Date.now() - started} ms: ${JSON.stringify(counts)}`);
    log(`Demo users (README lists what each sees): ${users.map((u) => `${u.username} / ${u.password}`).join(', ')}`);
  }
  return db;
}
