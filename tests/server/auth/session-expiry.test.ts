import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login, openTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
});
afterEach(() => t.db.close());

const HOUR = 3_600_000;

describe('session expiry', () => {
  it('ends a session idle for 8 hours, answering 401 session_expired and clearing the cookie', async () => {
    const creds = await login(t, 'fx-commander');
    t.clock.advance(8 * HOUR - 60_000);
    expect((await call(t, '/api/auth/me', { as: creds })).status).toBe(200);
    t.clock.advance(8 * HOUR);
    const res = await call(t, '/api/auth/me', { as: creds });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('session_expired');
    expect(res.headers.get('set-cookie')).toMatch(/ssz_session=;/);
    expect(await t.db.all('SELECT * FROM sessions')).toHaveLength(0);
    // Gone for good: the next request is plain unauthenticated.
    const again = await call(t, '/api/auth/me', { as: creds });
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  it('keeps a busy session alive, but not past 7 days after sign-in', async () => {
    const creds = await login(t, 'fx-analyst');
    for (let h = 0; h < 7 * 24 - 7; h += 7) {
      t.clock.advance(7 * HOUR);
      expect((await call(t, '/api/auth/me', { as: creds })).status).toBe(200);
    }
    t.clock.advance(7 * HOUR);
    expect((await call(t, '/api/auth/me', { as: creds })).status).toBe(401);
  });

  it('uses the configured lifetimes', async () => {
    const short = await openTestApp({ auth: { sessionIdleMs: 10 * 60_000 } });
    const creds = await login(short, 'fx-viewer');
    short.clock.advance(9 * 60_000);
    expect((await call(short, '/api/auth/me', { as: creds })).status).toBe(200);
    short.clock.advance(11 * 60_000);
    expect((await call(short, '/api/auth/me', { as: creds })).status).toBe(401);
    short.db.close();
  });

  it('gives the cookie a Max-Age of the absolute lifetime', async () => {
    const res = await call(t, '/api/auth/login', {
      method: 'POST',
      body: { username: 'fx-viewer', password: 'correct horse battery' },
    });
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=604800/);
  });
});
