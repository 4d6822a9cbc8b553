import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Database } from '../db/database.ts';
import {
  deleteSession,
  deleteStaleSessions,
  findSession,
  insertSession,
  type SessionRow,
  touchSession,
} from '../queries/sessions.ts';
import type { RequestMeta } from './request-meta.ts';
import type { AuthSettings } from './settings.ts';

/**
 * Browser sessions. The cookie holds 32 random bytes (base64url); the database holds only their
 * sha256, so a copy of the database file does not let anyone sign in. Each session has its own
 * CSRF token (returned by login and /api/auth/me, sent back as X-CSRF-Token).
 * A session ends after `sessionIdleMs` without a request or `sessionMaxMs` after sign-in.
 */
export const SESSION_COOKIE = 'ssz_session';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const randomToken = (): string => randomBytes(32).toString('base64url');

/** last_seen_at is written at most this often per session (fewer writes, fewer write conflicts). */
const TOUCH_EVERY_MS = 60_000;

export interface NewSessionResult {
  id: string;
  idHash: string;
  csrfToken: string;
  expiresAt: number;
}

export async function startSession(
  db: Database,
  settings: AuthSettings,
  username: string,
  meta: RequestMeta,
): Promise<NewSessionResult> {
  const now = settings.now();
  // Housekeeping; a parallel sign-in deleting the same rows may win the race, which is fine.
  await deleteStaleSessions(db, now, settings.sessionIdleMs).catch(() => undefined);
  const id = randomToken();
  const session = { id, idHash: sha256(id), csrfToken: randomToken(), expiresAt: now + settings.sessionMaxMs };
  await insertSession(db, { ...session, username, now, ip: meta.ip, userAgent: meta.userAgent });
  return session;
}

export type SessionCheck = { status: 'valid'; session: SessionRow } | { status: 'expired' } | { status: 'missing' };

/** Looks a cookie value up; an expired session is deleted on sight. */
export async function checkSession(db: Database, settings: AuthSettings, id: string): Promise<SessionCheck> {
  const session = await findSession(db, sha256(id));
  if (!session) return { status: 'missing' };
  const now = settings.now();
  if (now >= session.expiresAt || now - session.lastSeenAt >= settings.sessionIdleMs) {
    await deleteSession(db, session.idHash).catch(() => undefined); // a parallel request may delete it first
    return { status: 'expired' };
  }
  if (now - session.lastSeenAt >= Math.min(TOUCH_EVERY_MS, settings.sessionIdleMs / 10)) {
    // Two parallel requests may both try; losing that race is harmless.
    await touchSession(db, session.idHash, now).catch(() => undefined);
  }
  return { status: 'valid', session };
}

export async function endSession(db: Database, id: string): Promise<void> {
  await deleteSession(db, sha256(id));
}

export function sessionCookie(c: Context): string | undefined {
  const value = getCookie(c, SESSION_COOKIE);
  // Our ids are 43 base64url characters; anything else is not worth a database lookup.
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

export function setSessionCookie(c: Context, id: string, settings: AuthSettings, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure,
    maxAge: Math.floor(settings.sessionMaxMs / 1000),
  });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Strict', path: '/', secure });
}
