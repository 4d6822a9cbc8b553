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
}

/**
 * Opens (and migrates) the database, loads the reference data shipped in the repo, fills an empty
 * database with the demo programme (and its demo users) unless SSZ_DEMO=0, and creates the first
 * administrator when there are no users. An existing database is never overwritten.
 */
export async function prepareDatabase(options: StartupOptions): Promise<Database> {
  const { dbPath, demo, log = console.log } = options;
  const db = await openDatabase(dbPath);
  await seedReference(db);
  await ensureAdmin(db, { adminUser: options.adminUser, adminPassword: options.adminPassword }, log);
  if (demo && (await isDatabaseEmpty(db))) {
    const started = Date.now();
    const counts = await loadDemo(db);
    const { users } = await createDemoUsers(db);
    log(`Demo data loaded in ${Date.now() - started} ms: ${JSON.stringify(counts)}`);
    log(`Demo users (README lists what each sees): ${users.map((u) => `${u.username} / ${u.password}`).join(', ')}`);
  }
  return db;
}
