import type { Database } from '../db/database.ts';
import { unknownScopeCodes } from '../queries/scope-codes.ts';
import { deleteUserSessions } from '../queries/sessions.ts';
import { findTokenById, revokeToken, type TokenRow, tokenNameTaken } from '../queries/tokens.ts';
import {
  countEnabledAdmins,
  findUser,
  insertUser,
  setPasswordHash,
  type UserPatch,
  type UserRow,
  updateUser,
} from '../queries/users.ts';
import type { ErrorCode } from './errors.ts';
import { withKeyLocks } from './keyed-lock.ts';
import { clearUserFailures, lockStatus, recordFailure } from './lockout.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { Role, Scope } from './principal.ts';
import { sha256 } from './sessions.ts';
import type { AuthSettings } from './settings.ts';
import { issueApiToken } from './tokens.ts';

/**
 * Account management behind the admin and password routes. Each function returns either the
 * result or a refusal (HTTP status + error code) that the route answers as is; auditing is the
 * route's job (one audit row per request, written after the change succeeded).
 */
export type RefusalStatus = 400 | 403 | 404 | 409 | 429;
export type Outcome<T> = { ok: true; value: T } | { ok: false; status: RefusalStatus; code: ErrorCode };

const refuse = (status: RefusalStatus, code: ErrorCode) => ({ ok: false, status, code }) as const;
const done = <T>(value: T) => ({ ok: true, value }) as const;

/** Shared rules for a role and scope pair. */
async function checkRoleScope(db: Database, role: Role, scope: Scope): Promise<Outcome<null>> {
  if (role === 'admin' && scope.kind !== 'national') return refuse(400, 'admin_scope');
  if ((await unknownScopeCodes(db, scope)).length > 0) return refuse(400, 'unknown_scope');
  return done(null);
}

export interface NewUserInput {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  password: string;
  /** True for generated passwords: the user is asked to choose their own. */
  mustChangePassword?: boolean;
}

export async function createUser(
  db: Database,
  settings: AuthSettings,
  input: NewUserInput,
  by: string,
): Promise<Outcome<UserRow>> {
  const rules = await checkRoleScope(db, input.role, input.scope);
  if (!rules.ok) return rules;
  if (await findUser(db, input.username)) return refuse(409, 'user_exists');
  await insertUser(db, {
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    scope: input.scope,
    mustChangePassword: input.mustChangePassword ?? false,
    createdBy: by,
    now: settings.now(),
  });
  const created = await findUser(db, input.username);
  if (!created) throw new Error(`user ${input.username} vanished after insert`);
  const { passwordHash: _, ...user } = created;
  return done(user);
}

/** Role, scope, display name, disabled. Keeps at least one enabled national admin. */
export async function updateUserAccount(db: Database, username: string, patch: UserPatch): Promise<Outcome<UserRow>> {
  const current = await findUser(db, username);
  if (!current) return refuse(404, 'not_found');
  const role = patch.role ?? current.role;
  const scope = patch.scope ?? (patch.role === 'admin' ? { kind: 'national' as const } : current.scope);
  const rules = await checkRoleScope(db, role, scope);
  if (!rules.ok) return rules;
  const staysAdmin = role === 'admin' && !(patch.disabled ?? current.disabled);
  if (current.role === 'admin' && !staysAdmin && (await countEnabledAdmins(db, username)) === 0) {
    return refuse(409, 'last_admin');
  }
  await updateUser(db, username, { ...patch, scope });
  if (patch.disabled) await deleteUserSessions(db, username, '');
  const updated = await findUser(db, username);
  if (!updated) return refuse(404, 'not_found');
  const { passwordHash: _, ...user } = updated;
  return done(user);
}

/** An admin sets a new password: the user's sessions end, any lockout is lifted, and they must change it. */
export async function resetUserPassword(
  db: Database,
  settings: AuthSettings,
  username: string,
  password: string,
): Promise<Outcome<null>> {
  const changed = await setPasswordHash(db, username, await hashPassword(password), true, settings.now());
  if (!changed) return refuse(404, 'not_found');
  await deleteUserSessions(db, username, '');
  await clearUserFailures(db, username);
  return done(null);
}

/**
 * The signed-in user changes their own password; their other sessions end, this one stays.
 * A wrong current password counts towards the sign-in lockout (a stolen session must not become
 * a password-guessing oracle).
 */
export async function changeOwnPassword(
  db: Database,
  settings: AuthSettings,
  input: { username: string; currentPassword: string; newPassword: string; sessionId: string; ip: string },
): Promise<Outcome<null>> {
  const user = await findUser(db, input.username);
  if (!user || user.disabled) return refuse(403, 'forbidden');
  const keys = { username: user.username, ip: input.ip };
  return withKeyLocks([`user:${keys.username}`, `ip:${keys.ip}`], async (): Promise<Outcome<null>> => {
    if ((await lockStatus(db, settings, keys)).locked) return refuse(429, 'locked');
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      await recordFailure(db, settings, keys);
      return refuse(403, 'wrong_password');
    }
    await setPasswordHash(db, user.username, await hashPassword(input.newPassword), false, settings.now());
    await deleteUserSessions(db, user.username, sha256(input.sessionId));
    return done(null);
  });
}

export interface NewTokenRequest {
  name: string;
  role: Role;
  scope: Scope;
  expiresAt?: string | undefined;
}

export async function createApiToken(
  db: Database,
  settings: AuthSettings,
  input: NewTokenRequest,
  by: string,
): Promise<Outcome<{ token: TokenRow; secret: string }>> {
  const rules = await checkRoleScope(db, input.role, input.scope);
  if (!rules.ok) return rules;
  if (await tokenNameTaken(db, input.name)) return refuse(409, 'token_name_exists');
  const expiresAt = input.expiresAt ? Date.parse(input.expiresAt) : null;
  if (expiresAt !== null && expiresAt <= settings.now()) return refuse(400, 'invalid_input');
  return done(
    await issueApiToken(db, settings, {
      name: input.name,
      role: input.role,
      scope: input.scope,
      createdBy: by,
      expiresAt,
    }),
  );
}

/**
 * Revokes a token. Revoking twice is fine: the second time answers the token as it is, with
 * `revokedNow` false (so the route audits only the first).
 */
export async function revokeApiToken(
  db: Database,
  settings: AuthSettings,
  id: number,
  by: string,
): Promise<Outcome<{ token: TokenRow; revokedNow: boolean }>> {
  const revoked = await revokeToken(db, id, by, settings.now());
  if (revoked) return done({ token: revoked, revokedNow: true });
  const existing = await findTokenById(db, id);
  return existing ? done({ token: existing, revokedNow: false }) : refuse(404, 'not_found');
}
