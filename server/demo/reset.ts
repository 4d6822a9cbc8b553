/**
 * Reset to the demo: delete every user data row and load the demo again, in ONE transaction, so a
 * failure leaves the database exactly as it was. Settings (programme and per-zone rules) and the
 * reference tables (bureaus, divisions, provinces, stations, offence groups and types) are kept.
 */
import { type Database, exec } from '../db/database.ts';
import {
  type LoadDemoOptions,
  type LoadDemoResult,
  loadResult,
  prepareDemo,
  USER_DATA_TABLES,
  writeDemo,
} from './load.ts';

export async function resetDemo(db: Database, opts: LoadDemoOptions = {}): Promise<LoadDemoResult> {
  const { data, sha256, ms } = prepareDemo(opts);
  const t0 = performance.now();
  const importId = await db.transaction(async (conn) => {
    // Table names come from a fixed list, never from input.
    for (const table of USER_DATA_TABLES) await exec(conn, `DELETE FROM ${table}`);
    return writeDemo(conn, data, sha256);
  });
  return loadResult(data, sha256, importId, ms, performance.now() - t0);
}
