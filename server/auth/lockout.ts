import type { Database } from '../db/database.ts';
import {
  type AttemptKind,
  clearFailedAttempts,
  insertFailedAttempt,
  purgeFailedAttempts,
  recentFailureTimes,
} from '../queries/login-attempts.ts';
import type { AuthSettings } from './settings.ts';

/**
 * Sign-in throttling. `maxUserFailures` failures for one username, or `maxIpFailures` from one
 * address, within `windowMs` lock sign-in for that username / address for `lockMs` after the last
 * failure. Attempts while locked are refused without checking the password and are not counted,
 * so the lock ends on time. A success clears the username's count (not the address's).
 * Unknown usernames are counted like real ones, so the answer never tells which exist.
 */
export interface LoginKeys {
  username: string;
  ip: string;
}

export type LockStatus = { locked: false } | { locked: true; retryAfterSec: number };

async function lockedUntil(
  db: Database,
  settings: AuthSettings,
  kind: AttemptKind,
  key: string,
  max: number,
): Promise<number | null> {
  const { windowMs, lockMs } = settings.lockout;
  const now = settings.now();
  const times = await recentFailureTimes(db, kind, key, now - windowMs - lockMs, max);
  const last = times[0];
  if (last === undefined || times.length < max) return null;
  const inWindow = times.filter((t) => t >= last - windowMs).length;
  return inWindow >= max && now < last + lockMs ? last + lockMs : null;
}

export async function lockStatus(db: Database, settings: AuthSettings, keys: LoginKeys): Promise<LockStatus> {
  const { maxUserFailures, maxIpFailures } = settings.lockout;
  const until = Math.max(
    (await lockedUntil(db, settings, 'user', keys.username, maxUserFailures)) ?? 0,
    (await lockedUntil(db, settings, 'ip', keys.ip, maxIpFailures)) ?? 0,
  );
  if (until === 0) return { locked: false };
  return { locked: true, retryAfterSec: Math.max(1, Math.ceil((until - settings.now()) / 1000)) };
}

export async function recordFailure(db: Database, settings: AuthSettings, keys: LoginKeys): Promise<void> {
  const now = settings.now();
  await insertFailedAttempt(db, 'user', keys.username, now);
  await insertFailedAttempt(db, 'ip', keys.ip, now);
  // Housekeeping; losing a race with a parallel purge is harmless.
  await purgeFailedAttempts(db, now - 2 * (settings.lockout.windowMs + settings.lockout.lockMs)).catch(() => undefined);
}

export async function clearUserFailures(db: Database, username: string): Promise<void> {
  await clearFailedAttempts(db, 'user', username);
}
