import type { Database } from '../db/database.ts';

/** Failed sign-ins, counted per username ('user') and per client address ('ip'). */
export type AttemptKind = 'user' | 'ip';

export async function insertFailedAttempt(db: Database, kind: AttemptKind, key: string, now: number): Promise<void> {
  await db.all('INSERT INTO login_attempts (kind, key, attempted_at) VALUES ($kind, $key, to_timestamp($now))', {
    kind,
    key,
    now: now / 1000,
  });
}

/** Times (epoch ms) of the newest failures since `sinceMs`, newest first, at most `limit`. */
export async function recentFailureTimes(
  db: Database,
  kind: AttemptKind,
  key: string,
  sinceMs: number,
  limit: number,
): Promise<number[]> {
  const rows = await db.all<{ at: number }>(
    `SELECT epoch_ms(attempted_at)::DOUBLE AS at FROM login_attempts
      WHERE kind = $kind AND key = $key AND attempted_at >= to_timestamp($since)
      ORDER BY attempted_at DESC LIMIT $limit`,
    { kind, key, since: sinceMs / 1000, limit },
  );
  return rows.map((r) => r.at);
}

export async function clearFailedAttempts(db: Database, kind: AttemptKind, key: string): Promise<void> {
  await db.all('DELETE FROM login_attempts WHERE kind = $kind AND key = $key', { kind, key });
}

export async function purgeFailedAttempts(db: Database, beforeMs: number): Promise<void> {
  await db.all('DELETE FROM login_attempts WHERE attempted_at < to_timestamp($before)', { before: beforeMs / 1000 });
}
