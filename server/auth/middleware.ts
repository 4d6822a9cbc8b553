import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { HTTPException } from 'hono/http-exception';
import type { Database } from '../db/database.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { scopeZoneIds } from '../queries/scope-zones.ts';
import { findSession } from '../queries/sessions.ts';
import { findUser } from '../queries/users.ts';
import { isLoopback, PRINT_TICKET_HEADER, type PrintTickets } from '../reports/print-tickets.ts';
import { apiError, apiException } from './errors.ts';
import { type Action, can } from './permissions.ts';
import { type Principal, zoneVisible } from './principal.ts';
import { checkSession, clearSessionCookie, endSession, sessionCookie, sha256 } from './sessions.ts';
import { type AuthSettings, authSettings } from './settings.ts';
import { principalFromToken } from './tokens.ts';

/**
 * Authentication and authorisation for every /api route.
 *
 * Mounted once in app.ts before all routes. For each request it:
 * 1. refuses (403 csrf) a POST/PUT/PATCH/DELETE whose Origin / Sec-Fetch-Site is another site;
 * 2. lets PUBLIC_PATHS and /api/public/* (the resident survey's answers) through with no principal (health may look one up itself:
 *    signedInPrincipal);
 * 3. resolves the principal: `Authorization: Bearer ssz_...` (API token) or the `ssz_session`
 *    cookie; none or a bad one => 401 {error:{code:'unauthenticated'}}, an expired session =>
 *    401 'session_expired';
 * 4. for cookie sessions, requires X-CSRF-Token == the session's token on every mutating request
 *    (403 'csrf'); bearer-token requests are exempt (browsers never send them on their own);
 * 5. a session whose user must change a generated or reset password may only read /me, change
 *    the password or sign out (403 'password_change_required'): the SPA shows nothing else then,
 *    and the API must not either (the first password is printed in the server log);
 * 6. sets c.var.principal and c.var.zoneIds (null = national; else the in-scope zone ids).
 *
 * Routes then use requirePermission (403 for a role that may not act at all) and
 * assertZoneInScope (404 for a zone out of scope, the same answer as for an id that does not
 * exist, so ids cannot be probed).
 */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set([
  '/api/health',
  '/api/auth/login',
  // Who is signed in, if anyone: the SPA's first request (signed out is an answer, not a 401).
  '/api/auth/session',
  // The API's description (no data).
  '/api/openapi.json',
  '/api/docs',
]);
/** The resident survey's answer route (issue #20): no sign-in; its own token, limits and body cap. */
const PUBLIC_PREFIX = '/api/public/';
export const isPublicPath = (path: string): boolean => PUBLIC_PATHS.has(path) || path.startsWith(PUBLIC_PREFIX);
const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isMutating = (method: string): boolean => MUTATING_METHODS.has(method.toUpperCase());
const CSRF_HEADER = 'X-CSRF-Token';
const BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

export function authMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const settings = authSettings(deps);
  return async (c, next) => {
    const mutating = isMutating(c.req.method);
    if (mutating && !sameOrigin(c, settings)) return apiError(c, 403, 'csrf');
    if (isPublicPath(c.req.path)) return next();

    const ticket = c.req.header(PRINT_TICKET_HEADER);
    if (ticket !== undefined) {
      const grant = printTicketGrant(c, deps.reports?.tickets, ticket);
      if (!grant) return apiError(c, 401, 'unauthenticated');
      c.set('principal', grant.principal);
      c.set('zoneIds', grant.zoneIds);
      return next();
    }

    const resolved = await resolvePrincipal(c, deps.db, settings);
    if (resolved.kind !== 'ok') {
      if (resolved.kind === 'expired') clearSessionCookie(c, deps.secureCookies);
      return apiError(c, 401, resolved.kind === 'expired' ? 'session_expired' : 'unauthenticated');
    }
    if (mutating && resolved.csrfToken !== null && !csrfMatches(c.req.header(CSRF_HEADER), resolved.csrfToken)) {
      return apiError(c, 403, 'csrf');
    }
    if (resolved.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(c.req.path)) {
      return apiError(c, 403, 'password_change_required');
    }
    c.set('principal', resolved.principal);
    c.set('zoneIds', await scopeZoneIds(deps.db, resolved.principal.scope));
    await next();
  };
}

/**
 * What the server's own Chromium may read while it prints a report (reports/print-tickets.ts):
 * a live ticket, over loopback, reading (GET/HEAD) the data the print views draw. Never a report
 * (no ticket mints another), an admin screen or a change.
 */
const PRINT_READABLE = /^\/api\/(kpis|zones|units|problems)(\/|$)/;

function printTicketGrant(c: Context, tickets: PrintTickets | undefined, secret: string) {
  if (!tickets) return null;
  const method = c.req.method.toUpperCase();
  if ((method !== 'GET' && method !== 'HEAD') || !PRINT_READABLE.test(c.req.path)) return null;
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    return null; // no socket (app.request in tests): not this machine's Chromium
  }
  return isLoopback(address) ? tickets.resolve(secret) : null;
}

type Resolved =
  | { kind: 'none' }
  | { kind: 'expired' }
  | { kind: 'ok'; principal: Principal; csrfToken: string | null; mustChangePassword: boolean };

async function resolvePrincipal(c: Context, db: Database, settings: AuthSettings): Promise<Resolved> {
  // Only the Bearer scheme is ours: a Basic header from a proxy in front must not lock users out.
  const bearer = /^Bearer[ ]+(\S+)[ ]*$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer !== undefined) {
    const found = await principalFromToken(db, settings, bearer);
    return found
      ? { kind: 'ok', principal: found.principal, csrfToken: null, mustChangePassword: false }
      : { kind: 'none' };
  }
  const id = sessionCookie(c);
  if (id === undefined) return { kind: 'none' };
  const check = await checkSession(db, settings, id);
  if (check.status !== 'valid') return { kind: check.status === 'expired' ? 'expired' : 'none' };
  const user = await findUser(db, check.session.username);
  if (!user || user.disabled) {
    await endSession(db, id);
    return { kind: 'none' };
  }
  // Role and scope are read from the user row on every request: a change applies at once.
  const principal: Principal = { username: user.username, role: user.role, scope: user.scope, via: 'session' };
  return { kind: 'ok', principal, csrfToken: check.session.csrfToken, mustChangePassword: user.mustChangePassword };
}

/**
 * For a public route that tells signed-in callers more (health): the caller's principal when the
 * request carries a valid session or API token and the user may use the API (no pending password
 * change), else null. Never answers 401: the route stays public.
 */
export async function signedInPrincipal(c: Context, deps: AppDeps): Promise<Principal | null> {
  const resolved = await resolvePrincipal(c, deps.db, authSettings(deps));
  return resolved.kind === 'ok' && !resolved.mustChangePassword ? resolved.principal : null;
}

/**
 * For GET /api/auth/session: the caller's principal and CSRF token when a valid session or API
 * token is sent (also while a password change is pending: the SPA then shows only that form), else
 * null. An expired session's cookie is cleared. Never answers 401.
 */
export async function currentSession(
  c: Context,
  deps: AppDeps,
): Promise<{ principal: Principal; csrfToken: string | null } | null> {
  const resolved = await resolvePrincipal(c, deps.db, authSettings(deps));
  if (resolved.kind === 'expired') clearSessionCookie(c, deps.secureCookies);
  return resolved.kind === 'ok' ? { principal: resolved.principal, csrfToken: resolved.csrfToken } : null;
}

function csrfMatches(sent: string | undefined, expected: string): boolean {
  if (sent === undefined) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A browser names the page that made a request in Origin (and Sec-Fetch-Site). Requests from
 * other sites are refused; requests without either header (command line, tests) pass - they
 * carry no ambient cookie of a victim.
 */
function sameOrigin(c: Context, settings: AuthSettings): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // includes the opaque origin "null"
  }
  const forwardedHost = settings.trustProxy ? c.req.header('x-forwarded-host') : undefined;
  return host === new URL(c.req.url).host || host === forwardedHost;
}

/** The CSRF token of the request's cookie session, or null (API token, or no session). */
export async function sessionCsrfToken(c: Context, db: Database): Promise<string | null> {
  const id = sessionCookie(c);
  if (id === undefined) return null;
  return (await findSession(db, sha256(id)))?.csrfToken ?? null;
}

/** 403 unless the role may perform the action (the matrix in permissions.ts). */
export function requirePermission(action: Action): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!can(c.var.principal, action)) return apiError(c, 403, 'forbidden');
    await next();
  };
}

/** Throw it for a missing (or out-of-scope) zone, station, import...: one body for both. */
export const notFound = (): HTTPException => apiException(404, 'not_found');

/** Throws the 404 of a missing zone when the zone is out of the principal's scope. */
export function assertZoneInScope(c: Context<AppEnv>, zoneId: string): void {
  if (!zoneVisible(c.var.zoneIds, zoneId)) throw notFound();
}
