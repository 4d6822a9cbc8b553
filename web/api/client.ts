/**
 * The one HTTP client: hono's RPC client typed by the server's AppType (a type-only import, so
 * no server code reaches the bundle). Cookies ride along; every mutating request carries the
 * session's CSRF token, which the server hands out with /api/auth/session (and /me) and /api/auth/login.
 */
import { type ClientResponse, hc } from 'hono/client';
import type { ClientErrorStatusCode, ServerErrorStatusCode } from 'hono/utils/http-status';
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
    /** The API's error code (e.g. 'invalid_credentials', 'locked'), when it sent one. */
    readonly code: string | null,
    /** The API's bilingual message, when it sent one. */
    readonly text: { th: string; en: string } | null,
  ) {
    super(text?.en ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** The body of a response's success statuses only: error statuses are thrown, not returned. */
export type OkBody<R> =
  R extends ClientResponse<infer T, infer S, infer _F>
    ? S extends ClientErrorStatusCode | ServerErrorStatusCode
      ? never
      : T
    : never;

interface ErrorJson {
  error?: { code?: unknown; th?: unknown; en?: unknown };
}

/** Parses an error response's `{ error: { code, th, en } }` body; anything else gives a bare status. */
export async function toApiError(response: { status: number; text(): Promise<string> }): Promise<ApiError> {
  const body = await response.text().catch(() => '');
  try {
    const { error } = JSON.parse(body) as ErrorJson;
    const code = typeof error?.code === 'string' ? error.code : null;
    const text = typeof error?.th === 'string' && typeof error.en === 'string' ? { th: error.th, en: error.en } : null;
    return new ApiError(response.status, code, text);
  } catch {
    return new ApiError(response.status, null, null);
  }
}

/** A response's JSON, typed by its route; a non-2xx status throws an ApiError. */
export async function readJson<R extends ClientResponse<unknown, number, string>>(response: R): Promise<OkBody<R>> {
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as OkBody<R>;
}
