import type { Database } from '../db/database.ts';
import { dataFingerprint } from '../queries/data-version.ts';

const caches = new WeakMap<Database, Map<string, Promise<unknown>>>();
const MAX_ENTRIES = 500;

/**
 * Memoises a computation over the data for as long as the data and settings stay as they are
 * (see dataFingerprint): an import, an undo or a settings change starts afresh. The key must hold
 * everything else the result depends on (zone, period, the Bangkok month). Shared by all users:
 * check scope before calling, never inside.
 */
export async function cachedByDataState<T>(db: Database, parts: unknown[], compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = JSON.stringify([await dataFingerprint(db), ...parts]);
  let entry = cache.get(key) as Promise<T> | undefined;
  if (!entry) {
    entry = compute();
    const store = cache;
    entry.catch(() => store.delete(key));
    cache.set(key, entry);
    if (cache.size > MAX_ENTRIES) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
  return entry;
}
