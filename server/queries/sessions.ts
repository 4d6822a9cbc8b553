import type { Database } from '../db/database.ts';

/** A stored session. The id itself is never stored: only sha256(id). Times are epoch ms. */
export interface SessionRow {
  idHash: string;
  username: string;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

export interface NewSession {
  idHash: string;
  username: string;
  csrfToken: string;
  now: number;
  expiresAt: number;
  ip: string;
  userAgent: string;
}

export async function insertSession(db: Database, s: NewSession): Promise<void> {
  await db.all(
    `INSERT INTO sessions (id_hash, username, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
     VALUES ($idHash, $username, $csrf, to_timestamp($now), to_timestamp($now), to_timestamp($expires), $ip, $ua)`,
    {
      idHash: s.idHash,
      username: s.username,
      csrf: s.csrfToken,
      now: s.now / 1000,
      expires: s.expiresAt / 1000,
      ip: s.ip,
      ua: s.userAgent,
    },
  );
}

export async function findSession(db: Database, idHash: string): Promise<SessionRow | null> {
  const [row] = await db.all<SessionRow>(
    `SELECT id_hash AS "idHash", username, csrf_token AS "csrfToken",
            epoch_ms(created_at)::DOUBLE AS "createdAt", epoch_ms(last_seen_at)::DOUBLE AS "lastSeenAt",
            epoch_ms(expires_at)::DOUBLE AS "expiresAt"
       FROM sessions WHERE id_hash = $idHash`,
    { idHash },
  );
  return row ?? null;
}

export async function touchSession(db: Database, idHash: string, now: number): Promise<void> {
  await db.all('UPDATE sessions SET last_seen_at = to_timestamp($now) WHERE id_hash = $idHash', {
    idHash,
    now: now / 1000,
  });
}

export async function deleteSession(db: Database, idHash: string): Promise<void> {
  await db.all('DELETE FROM sessions WHERE id_hash = $idHash', { idHash });
}

/** Ends every session of a user except `keepIdHash` (pass '' to end them all). */
export async function deleteUserSessions(db: Database, username: string, keepIdHash: string): Promise<void> {
  await db.all('DELETE FROM sessions WHERE username = $username AND id_hash <> $keep', { username, keep: keepIdHash });
}

/** Removes sessions past their absolute expiry or idle longer than idleMs. */
export async function deleteStaleSessions(db: Database, now: number, idleMs: number): Promise<void> {
  await db.all(
    'DELETE FROM sessions WHERE expires_at <= to_timestamp($now) OR last_seen_at <= to_timestamp($idleSince)',
    { now: now / 1000, idleSince: (now - idleMs) / 1000 },
  );
}
