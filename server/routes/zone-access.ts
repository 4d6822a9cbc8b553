import type { Context } from 'hono';
import { apiException } from '../auth/errors.ts';
import type { Database } from '../db/database.ts';
import type { AppEnv } from '../env.ts';
import { type ZoneDirectoryRow, zoneDirectory } from '../queries/zone-directory.ts';

/**
 * The zone if it exists and is in the principal's scope; otherwise 404 with the same body either
 * way, so ids cannot be probed.
 */
export async function visibleZone(c: Context<AppEnv>, db: Database, zoneId: string): Promise<ZoneDirectoryRow> {
  const scope = c.get('zoneIds');
  if (scope !== null && !scope.includes(zoneId)) throw apiException(404, 'not_found');
  const [zone] = await zoneDirectory(db, [zoneId]);
  if (!zone) throw apiException(404, 'not_found');
  return zone;
}
