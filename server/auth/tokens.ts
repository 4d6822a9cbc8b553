import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { findActiveToken, insertToken, type TokenRow, touchToken } from '../queries/tokens.ts';
import type { Principal, Role, Scope } from './principal.ts';
import { sha256 } from './sessions.ts';
import type { AuthSettings } from './settings.ts';

/**
 * API tokens for the import command line and scheduled jobs: `Authorization: Bearer ssz_...`.
 * 32 random bytes; only sha256(token) is stored, and the token is shown once, at creation.
 * A token carries a role and scope like a user; its principal is named `token:<name>`.
 */
const TOKEN_PREFIX = 'ssz_';
const TOKEN_PATTERN = /^ssz_[A-Za-z0-9_-]{43}$/;
const TOUCH_EVERY_MS = 60_000;

export interface NewTokenInput {
  name: string;
  role: Role;
  scope: Scope;
  createdBy: string;
  expiresAt: number | null;
}

export async function issueApiToken(
  db: Database,
  settings: AuthSettings,
  input: NewTokenInput,
): Promise<{ token: TokenRow; secret: string }> {
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const token = await insertToken(db, { ...input, tokenHash: sha256(secret), now: settings.now() });
  return { token, secret };
}

const tokenPrincipalName = (name: string): string => `token:${name}`;

/** The principal a bearer token stands for, or null when unknown, revoked or expired. */
export async function principalFromToken(
  db: Database,
  settings: AuthSettings,
  secret: string,
): Promise<{ principal: Principal; token: TokenRow } | null> {
  if (!TOKEN_PATTERN.test(secret)) return null;
  const now = settings.now();
  const token = await findActiveToken(db, sha256(secret), now);
  if (!token) return null;
  if (token.lastUsedAt === null || now - token.lastUsedAt >= TOUCH_EVERY_MS) {
    await touchToken(db, token.id, now).catch(() => undefined);
  }
  return {
    principal: { username: tokenPrincipalName(token.name), role: token.role, scope: token.scope, via: 'token' },
    token,
  };
}
