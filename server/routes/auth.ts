import { type Context, Hono } from 'hono';
import { changeOwnPassword } from '../auth/accounts.ts';
import { auditRequest } from '../auth/audit.ts';
import { errorBody } from '../auth/errors.ts';
import { type SignInResult, signIn } from '../auth/login.ts';
import { describePrincipal } from '../auth/me.ts';
import { currentSession, sessionCsrfToken } from '../auth/middleware.ts';
import { requestMeta } from '../auth/request-meta.ts';
import { changePasswordSchema, loginSchema } from '../auth/schemas.ts';
import { clearSessionCookie, endSession, sessionCookie, setSessionCookie } from '../auth/sessions.ts';
import { authSettings } from '../auth/settings.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { validate } from './validation.ts';

/**
 * /api/auth: sign in, sign out, who am I, change my password.
 * /login is public (authMiddleware lets it through); the others need a principal.
 * /me answers 401 when signed out (scripts rely on it); /session is public and answers
 * { user: null } then, so the SPA's first request is never an error in the browser's console.
 */
export const authRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post('/login', validate('json', loginSchema), async (c) => {
      const settings = authSettings(deps);
      const input = { ...c.req.valid('json'), previousSessionId: sessionCookie(c) };
      return loginResponse(c, deps, await signIn(deps.db, settings, input, requestMeta(c, settings.trustProxy)));
    })
    .post('/logout', async (c) => c.json(await signOut(c, deps)))
    .get('/me', async (c) => c.json(await me(c, deps)))
    .get('/session', async (c) => {
      const found = await currentSession(c, deps);
      return c.json({ user: found ? await describePrincipal(deps.db, found.principal, found.csrfToken) : null });
    })
    .post('/password', validate('json', changePasswordSchema), async (c) => {
      const outcome = await changePassword(c, deps, c.req.valid('json'));
      return outcome.ok ? c.json({ ok: true as const }) : c.json(errorBody(outcome.code), outcome.status);
    });

async function me(c: Context<AppEnv>, deps: AppDeps) {
  const { principal } = c.var;
  const csrfToken = principal.via === 'session' ? await sessionCsrfToken(c, deps.db) : null;
  return describePrincipal(deps.db, principal, csrfToken);
}

function loginResponse(c: Context, deps: AppDeps, result: SignInResult) {
  if (result.kind === 'locked') {
    c.header('Retry-After', String(result.retryAfterSec));
    return c.json(lockedBody(result.retryAfterSec), 429);
  }
  if (result.kind === 'invalid') return c.json(errorBody('invalid_credentials'), 401);
  setSessionCookie(c, result.sessionId, authSettings(deps), deps.secureCookies);
  return c.json({ user: result.me }, 200);
}

function lockedBody(retryAfterSec: number) {
  const minutes = Math.ceil(retryAfterSec / 60);
  return {
    error: {
      code: 'locked' as const,
      th: `เข้าสู่ระบบผิดหลายครั้งเกินไป ระงับการเข้าสู่ระบบชั่วคราว กรุณาลองใหม่ในอีก ${minutes} นาที`,
      en: `Too many failed sign-ins. Sign-in is locked; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    },
    retryAfterSec,
  };
}

async function signOut(c: Context<AppEnv>, deps: AppDeps) {
  const id = sessionCookie(c);
  if (c.var.principal.via === 'session' && id !== undefined) {
    await endSession(deps.db, id);
    clearSessionCookie(c, deps.secureCookies);
    await auditRequest(c, deps, 'logout');
  }
  return { ok: true as const };
}

async function changePassword(
  c: Context<AppEnv>,
  deps: AppDeps,
  body: { currentPassword: string; newPassword: string },
) {
  const sessionId = sessionCookie(c);
  if (c.var.principal.via !== 'session' || sessionId === undefined) {
    return { ok: false, status: 403, code: 'session_required' } as const;
  }
  const settings = authSettings(deps);
  const outcome = await changeOwnPassword(deps.db, settings, {
    username: c.var.principal.username,
    ...body,
    sessionId,
    ip: requestMeta(c, settings.trustProxy).ip,
  });
  if (outcome.ok) await auditRequest(c, deps, 'password_change', c.var.principal.username);
  return outcome;
}
