import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers for every response: the API and the static SPA (main.ts mounts it on both),
 * set by hono/secure-headers with our policy.
 * Scripts only from our own origin - no 'unsafe-inline', no eval. Styles allow 'unsafe-inline'
 * because MapLibre and Recharts set element styles at run time; that is styles only.
 * MapLibre runs its workers from blob: URLs; the basemap and fonts are served from 'self'.
 */
const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  childSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

interface SecurityHeaderOptions {
  /** Add Strict-Transport-Security (only when served over HTTPS: deps.secureCookies). */
  hsts?: boolean;
  /** Add Cache-Control: no-store unless the route set its own (API answers hold sensitive data). */
  noStore?: boolean;
  /** The origin of a deployment's own basemap tiles (server/contracts/basemap.ts): fetched and drawn by the maps. */
  tileOrigin?: string | null;
}

/** Some responses (e.g. a fetched one) have immutable headers: copy such a response so headers can be set. */
function makeHeadersMutable(c: Context): void {
  try {
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  } catch {
    c.res = new Response(c.res.body, c.res);
  }
}

export function securityHeaders(options: SecurityHeaderOptions = {}): MiddlewareHandler {
  const library = secureHeaders({
    contentSecurityPolicy: options.tileOrigin
      ? {
          ...CONTENT_SECURITY_POLICY,
          connectSrc: [...(CONTENT_SECURITY_POLICY.connectSrc ?? []), options.tileOrigin],
          imgSrc: [...(CONTENT_SECURITY_POLICY.imgSrc ?? []), options.tileOrigin],
        }
      : CONTENT_SECURITY_POLICY,
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
    strictTransportSecurity: options.hsts ? 'max-age=31536000; includeSubDomains' : false,
    // The library's other defaults are left off: the same headers as before it came in.
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    removePoweredBy: false,
  });
  return (c, next) =>
    library(c, async () => {
      await next();
      makeHeadersMutable(c);
      if (options.noStore && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    });
}
