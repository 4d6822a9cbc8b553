/**
 * The one HTTP client: hono's RPC client typed by the server's AppType (a type-only import, so
 * no server code reaches the bundle). Cookies ride along; every mutating request carries the
 * session's CSRF token, which the server hands out with /api/auth/me and /api/auth/login.
 */
import { hc } from 'hono/client';
import type { AppType } from '../../server/app.ts';

let csrfToken: string | null = null;

/** Called whenever the server tells us the session's token (sign-in, /me), and with null on sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Adds X-CSRF-Token to mutating requests; exported for tests. */
export function withCsrf(init: RequestInit | undefined, token: string | null): RequestInit {
  const method = (init?.method ?? 'GET').toUpperCase();
  const headers = new Headers(init?.headers);
  if (!SAFE_METHODS.has(method) && token) headers.set('X-CSRF-Token', token);
  return { ...init, headers, credentials: 'same-origin' };
}

const csrfFetch: typeof fetch = (input, init) => fetch(input, withCsrf(init, csrfToken));

export const client = hc<AppType>('/', { fetch: csrfFetch });

/** A failed API call, with the status so callers can tell "signed out" from "broken". */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Resolves a response's JSON, or throws an ApiError carrying the server's message when it has one. */
export async function readJson<T>(response: { ok: boolean; status: number; json(): Promise<T>; text(): Promise<string> }): Promise<T> {
  if (response.ok) return response.json();
  const body = await response.text().catch(() => '');
  let message = body;
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    const text = parsed.error ?? parsed.message;
    if (typeof text === 'string') message = text;
  } catch {
    // Not JSON: keep the text.
  }
  throw new ApiError(response.status, message || `HTTP ${response.status}`);
}
