import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRows, call, openTestApp, PASSWORD, type TestApp } from './helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
});
afterEach(() => t.db.close());

const MINUTE = 60_000;
const attempt = (username: string, password: string, headers: Record<string, string> = {}) =>
  call(t, '/api/auth/login', { method: 'POST', body: { username, password }, headers });

describe('sign-in lockout', () => {
  it('locks a username for 15 minutes after 5 failures, with 429, Retry-After and a bilingual message', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await attempt('fx-viewer', `wrong ${i}`)).status).toBe(401);
      t.clock.advance(MINUTE);
    }
    // Locked now: even the right password is refused, without being checked.
    const locked = await attempt('fx-viewer', PASSWORD);
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(13 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const body = (await locked.json()) as { error: { code: string; th: string; en: string } };
    expect(body.error.code).toBe('locked');
    expect(body.error.th).toMatch(/นาที/);
    expect(body.error.en).toMatch(/minutes/);

    // Other users are not affected.
    expect((await attempt('fx-admin', PASSWORD)).status).toBe(200);

    // Still locked just before the 15 minutes after the last failure are up...
    t.clock.advance(retryAfter * 1000 - 2000);
    expect((await attempt('fx-viewer', PASSWORD)).status).toBe(429);
    // ...and open after.
    t.clock.advance(3000);
    expect((await attempt('fx-viewer', PASSWORD)).status).toBe(200);
  });

  it('does not lock for failures spread wider than the 15-minute window', async () => {
    for (let i = 0; i < 8; i++) {
      expect((await attempt('fx-analyst', 'wrong')).status).toBe(401);
      t.clock.advance(4 * MINUTE);
    }
    expect((await attempt('fx-analyst', PASSWORD)).status).toBe(200);
  });

  it('a success clears the count for that username', async () => {
    for (let i = 0; i < 4; i++) await attempt('fx-analyst', 'wrong');
    expect((await attempt('fx-analyst', PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('fx-analyst', 'wrong')).status).toBe(401);
    expect((await attempt('fx-analyst', PASSWORD)).status).toBe(200);
  });

  it('locks unknown usernames the same way (no hint which exist)', async () => {
    for (let i = 0; i < 5; i++) await attempt('no-such-user', 'wrong');
    expect((await attempt('no-such-user', 'wrong')).status).toBe(429);
  });

  it('locks an address after 20 failures across usernames (behind a trusted proxy)', async () => {
    const p = await openTestApp({ auth: { trustProxy: true } });
    const from = (ip: string, username: string, password: string) =>
      call(p, '/api/auth/login', {
        method: 'POST',
        body: { username, password },
        headers: { 'x-forwarded-for': `203.0.113.99, ${ip}` },
      });
    for (let i = 0; i < 20; i++) expect((await from('198.51.100.7', `user-${i}`, 'wrong')).status).toBe(401);
    expect((await from('198.51.100.7', 'fx-admin', PASSWORD)).status).toBe(429);
    expect((await from('198.51.100.8', 'fx-admin', PASSWORD)).status).toBe(200);
    const failures = await auditRows(p.db, 'login_failed');
    expect(failures).toHaveLength(21);
    expect(failures.every((r) => r.ip === '198.51.100.7')).toBe(true);
    p.db.close();
  });

  it('serialises parallel guesses so a burst cannot slip past the counter', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt('fx-commander', `guess ${i}`)));
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('audits every refused attempt once, with the reason', async () => {
    for (let i = 0; i < 6; i++) await attempt('fx-viewer', 'wrong');
    const rows = await auditRows(t.db, 'login_failed');
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => JSON.parse(r.detail ?? '{}').reason)).toEqual([
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'locked',
    ]);
  });

  it('an admin password reset lifts the lock', async () => {
    for (let i = 0; i < 5; i++) await attempt('fx-viewer', 'wrong');
    expect((await attempt('fx-viewer', PASSWORD)).status).toBe(429);
    const admin = await call(t, '/api/auth/login', {
      method: 'POST',
      body: { username: 'fx-admin', password: PASSWORD },
    });
    const csrf = ((await admin.json()) as { user: { csrfToken: string } }).user.csrfToken;
    const cookie = (admin.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const reset = await call(t, '/api/admin/users/fx-viewer/password', {
      method: 'POST',
      as: { cookie, csrf },
      body: { password: 'brand new password' },
    });
    expect(reset.status).toBe(200);
    const res = await attempt('fx-viewer', 'brand new password');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
  });
});
