import type { Database } from '../db/database.ts';
import { findUser, setPasswordHash } from '../queries/users.ts';
import { audit } from './audit.ts';
import { withKeyLocks } from './keyed-lock.ts';
import { clearUserFailures, lockStatus, recordFailure } from './lockout.ts';
import { describePrincipal, type Me } from './me.ts';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import type { Principal } from './principal.ts';
import type { RequestMeta } from './request-meta.ts';
import { endSession, startSession } from './sessions.ts';
import type { AuthSettings } from './settings.ts';

export type SignInResult =
  | { kind: 'ok'; me: Me; sessionId: string }
  | { kind: 'locked'; retryAfterSec: number }
  | { kind: 'invalid' };

export interface SignInInput {
  username: string;
  password: string;
  /** The cookie the browser already had: ended, so a planted session id cannot survive sign-in. */
  previousSessionId?: string | undefined;
}

/**
 * Checks a username and password and opens a session. Every outcome is audited exactly once
 * (`login` or `login_failed` with the reason). Unknown, disabled and wrong-password sign-ins
 * answer the same, after the same amount of work.
 */
export function signIn(
  db: Database,
  settings: AuthSettings,
  input: SignInInput,
  meta: RequestMeta,
): Promise<SignInResult> {
  const keys = { username: input.username, ip: meta.ip };
  return withKeyLocks([`user:${keys.username}`, `ip:${keys.ip}`], async (): Promise<SignInResult> => {
    const fail = async (reason: string) => {
      await audit(db, {
        username: keys.username,
        action: 'login_failed',
        detail: { reason },
        ...meta,
        at: settings.now(),
      });
    };
    const lock = await lockStatus(db, settings, keys);
    if (lock.locked) {
      await fail('locked');
      return { kind: 'locked', retryAfterSec: lock.retryAfterSec };
    }
    const user = await findUser(db, input.username);
    const ok =
      user && !user.disabled
        ? await verifyPassword(input.password, user.passwordHash)
        : await verifyAgainstDummy(input.password);
    if (!user || !ok) {
      await recordFailure(db, settings, keys);
      await fail(user?.disabled ? 'disabled' : 'invalid');
      return { kind: 'invalid' };
    }
    await clearUserFailures(db, user.username);
    if (needsRehash(user.passwordHash)) {
      await setPasswordHash(
        db,
        user.username,
        await hashPassword(input.password),
        user.mustChangePassword,
        settings.now(),
      );
    }
    if (input.previousSessionId) await endSession(db, input.previousSessionId);
    const session = await startSession(db, settings, user.username, meta);
    await audit(db, { username: user.username, action: 'login', ...meta, at: settings.now() });
    const principal: Principal = { username: user.username, role: user.role, scope: user.scope, via: 'session' };
    return { kind: 'ok', me: await describePrincipal(db, principal, session.csrfToken), sessionId: session.id };
  });
}
