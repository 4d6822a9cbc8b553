import type { MiddlewareHandler } from 'hono';

/**
 * Security headers for every response: the API and the static SPA (main.ts mounts it on both).
 * Scripts only from our own origin - no 'unsafe-inline', no eval. Styles allow 'unsafe-inline'
 * because MapLibre and Recharts set element styles at run time; that is styles only.
 * MapLibre runs its workers from blob: URLs; the basemap and fonts are served from 'self'.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export interface SecurityHeaderOptions {
  /** Add Strict-Transport-Security (only when served over HTTPS: deps.secureCookies). */
  hsts?: boolean;
  /** Add Cache-Control: no-store unless the route set its own (API answers hold sensitive data). */
  noStore?: boolean;
}

export function securityHeaders(options: SecurityHeaderOptions = {}): MiddlewareHandler {
  const headers: Record<string, string> = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    ...(options.hsts ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
  return async (c, next) => {
    await next();
    const extra = options.noStore && !c.res.headers.has('Cache-Control') ? { 'Cache-Control': 'no-store' } : {};
    for (const [name, value] of Object.entries({ ...headers, ...extra })) {
      try {
        c.res.headers.set(name, value);
      } catch {
        // Some responses (e.g. a fetched one) have immutable headers: copy it, then set.
        c.res = new Response(c.res.body, c.res);
        c.res.headers.set(name, value);
      }
    }
  };
}
