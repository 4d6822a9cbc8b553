import { type Database, openDatabase } from './db/database.ts';
import { seedReference } from './db/seed-reference.ts';
import { isDatabaseEmpty, loadDemo } from './demo/load.ts';

export interface StartupOptions {
  dbPath: string;
  demo: boolean;
  log?: (message: string) => void;
}

/**
 * Opens (and migrates) the database, loads the reference data shipped in the repo, and fills an
 * empty database with the demo programme unless SSZ_DEMO=0. An existing database is never overwritten.
 */
export async function prepareDatabase({ dbPath, demo, log = console.log }: StartupOptions): Promise<Database> {
  const db = await openDatabase(dbPath);
  await seedReference(db);
  if (demo && (await isDatabaseEmpty(db))) {
    const started = Date.now();
    const counts = await loadDemo(db);
    log(`Demo data loaded in ${Date.now() - started} ms: ${JSON.stringify(counts)}`);
  }
  return db;
}
