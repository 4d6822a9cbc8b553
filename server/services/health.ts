import type { Database } from '../db/database.ts';
import { schemaVersion } from '../db/migrate.ts';
import { tableCounts } from '../queries/table-counts.ts';

/** What /api/health answers: the running version, the database's schema version and row counts. */
export async function healthReport(db: Database, version: string) {
  return {
    status: 'ok' as const,
    version,
    schema: await schemaVersion(db),
    counts: await tableCounts(db),
  };
}
