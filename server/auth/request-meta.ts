import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export interface RequestMeta {
  ip: string;
  userAgent: string;
}

/**
 * Where a request came from, for the audit log and the per-address sign-in limit.
 * With trustProxy the address is the last X-Forwarded-For entry (appended by our own proxy; the
 * entries before it are whatever the client sent). Without it, the socket's address. Requests
 * made in tests (app.request) have no socket: 'unknown'.
 */
export function requestMeta(c: Context, trustProxy: boolean): RequestMeta {
  const userAgent = (c.req.header('user-agent') ?? '').slice(0, 300);
  return { ip: clientIp(c, trustProxy), userAgent };
}

function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
