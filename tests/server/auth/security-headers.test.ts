import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../../server/auth/security-headers.ts';
import { type Credentials, call, openTestApp, PASSWORD, quickSession, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Credentials;
beforeAll(async () => {
  t = await openTestApp();
  admin = await quickSession(t, 'fx-admin');
});
afterAll(() => t.db.close());

function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name ?? '', values]),
  );
}

describe('security headers', () => {
  it('sends CSP without unsafe-inline scripts, nosniff, frame-ancestors none and a referrer policy on every answer', async () => {
    const answers = [
      await call(t, '/api/health'),
      await call(t, '/api/auth/me'), // 401
      await call(t, '/api/zones/Z-NOPE', { as: admin }), // 404
      await call(t, '/api/no-such-route', { as: admin }), // 404 from the router
      await call(t, '/api/auth/login', { method: 'POST', body: { username: 'fx-admin', password: PASSWORD } }),
    ];
    for (const res of answers) {
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      for (const [name, values] of csp) {
        if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
        expect(values, name).not.toContain("'unsafe-eval'");
      }
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('works on a plain Hono app too (main.ts puts it on the static SPA)', async () => {
    const app = new Hono().use('*', securityHeaders()).get('/', (c) => c.html('<p>hi</p>'));
    const res = await app.request('/');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('cache-control')).toBeNull();
  });
});

describe('request body limits', () => {
  it('refuses JSON bodies over 1 MB with 413', async () => {
    const big = { username: 'x', displayName: 'y'.repeat(1024 * 1024 + 10) };
    const res = await call(t, '/api/admin/users', { method: 'POST', as: admin, body: big });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('keeps the public sign-in to small bodies', async () => {
    const res = await call(t, '/api/auth/login', {
      method: 'POST',
      body: { username: 'fx-admin', password: 'p'.repeat(100 * 1024) },
    });
    expect(res.status).toBe(413);
  });

  it('lets uploads grow to maxUploadBytes, and no further', async () => {
    const form = (size: number) => {
      const fd = new FormData();
      fd.set('file', new Blob([new Uint8Array(size)]), 'x.csv');
      return fd;
    };
    const send = (size: number) =>
      t.app.request('/api/no-upload-route-yet', {
        method: 'POST',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        body: form(size),
      });
    expect((await send(2 * 1024 * 1024)).status).toBe(404); // past the limit check, no such route
    expect((await send(11 * 1024 * 1024)).status).toBe(413);
  });

  it('reads no body before authentication', async () => {
    const res = await t.app.request('/api/admin/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ big: 'z'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(401);
  });
});
