import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../server/auth/sessions.ts';
import { auditRows, call, login, openTestApp, PASSWORD, quickSession, type TestApp, USERS } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.db.close());

const loginAs = (username: string, password: string, headers: Record<string, string> = {}) =>
  call(t, '/api/auth/login', { method: 'POST', body: { username, password }, headers });

describe('sign-in, me, sign-out', () => {
  it('answers 401 on /me when signed out, with the bilingual body the SPA keys on', async () => {
    const res = await call(t, '/api/auth/me');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'unauthenticated', th: expect.any(String), en: expect.any(String) },
    });
  });

  it('signs in, sets a HttpOnly SameSite=Strict cookie, and /me tells who and what', async () => {
    const res = await loginAs('fx-commander', PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ssz_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const body = (await res.json()) as { user: Record<string, unknown> };
    expect(body.user).toMatchObject({
      username: 'fx-commander',
      role: 'commander',
      scope: USERS.commander.scope,
      permissions: ['view', 'export', 'import', 'undo', 'view_exact_locations', 'edit_problems'],
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });

    const me = await call(t, '/api/auth/me', { as: { cookie: cookie.split(';')[0] ?? '', csrf: '' } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      username: 'fx-commander',
      displayName: 'Fixture commander',
      csrfToken: body.user.csrfToken,
      via: 'session',
    });
  });

  it('accepts the username in any case and with spaces around it', async () => {
    expect((await loginAs('  FX-Viewer ', PASSWORD)).status).toBe(200);
  });

  it('stores only the sha256 of the session id', async () => {
    const creds = await login(t, 'fx-analyst');
    const id = creds.cookie.split('=')[1] ?? '';
    const rows = await t.db.all<{ id_hash: string }>('SELECT id_hash FROM sessions');
    expect(rows.map((r) => r.id_hash)).toContain(sha256(id));
    expect(rows.map((r) => r.id_hash)).not.toContain(id);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await loginAs('fx-viewer', 'not the password');
    const unknown = await loginAs('nobody-here', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a malformed body with 400', async () => {
    const res = await call(t, '/api/auth/login', { method: 'POST', body: { username: 'fx-admin' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
  });

  it('signs out: the session row is gone and the old cookie no longer works', async () => {
    const creds = await login(t, 'fx-executive');
    const out = await call(t, '/api/auth/logout', { method: 'POST', as: creds });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/ssz_session=;.*Max-Age=0/);
    expect((await call(t, '/api/auth/me', { as: creds })).status).toBe(401);
    const id = creds.cookie.split('=')[1] ?? '';
    expect(await t.db.all('SELECT 1 FROM sessions WHERE id_hash = $h', { h: sha256(id) })).toHaveLength(0);
  });

  it('ends the old session of the browser when it signs in again (no session fixation)', async () => {
    const first = await login(t, 'fx-viewer');
    const res = await loginAs('fx-viewer', PASSWORD, { cookie: first.cookie });
    expect(res.status).toBe(200);
    expect((await call(t, '/api/auth/me', { as: first })).status).toBe(401);
  });

  it('marks the cookie Secure when served over HTTPS', async () => {
    const secure = await openTestApp({ secureCookies: true });
    const res = await secure.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'fx-admin', password: PASSWORD }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    secure.db.close();
  });
});

describe('password change', () => {
  it('needs the current password, at least 10 characters, and ends the other sessions', async () => {
    const t2 = await openTestApp();
    const here = await login(t2, 'fx-analyst');
    const elsewhere = await quickSession(t2, 'fx-analyst');
    const change = (currentPassword: string, newPassword: string) =>
      call(t2, '/api/auth/password', { method: 'POST', as: here, body: { currentPassword, newPassword } });

    expect((await change(PASSWORD, 'short')).status).toBe(400);
    expect((await change('wrong current', 'a much longer one')).status).toBe(403);
    expect((await change(PASSWORD, 'a much longer one')).status).toBe(200);

    expect((await call(t2, '/api/auth/me', { as: here })).status).toBe(200);
    expect((await call(t2, '/api/auth/me', { as: elsewhere })).status).toBe(401);
    const old = await call(t2, '/api/auth/login', {
      method: 'POST',
      body: { username: 'fx-analyst', password: PASSWORD },
    });
    expect(old.status).toBe(401);
    await login(t2, 'fx-analyst', 'a much longer one');
    expect(await auditRows(t2.db, 'password_change')).toHaveLength(1);
    t2.db.close();
  });

  it('is refused for an API token (only a signed-in person changes a password)', async () => {
    const admin = await quickSession(t, 'fx-admin');
    const created = await call(t, '/api/admin/tokens', {
      method: 'POST',
      as: admin,
      body: { name: 'pw-test', role: 'analyst', scope: { kind: 'national' } },
    });
    const { result } = (await created.json()) as { result: { secret: string } };
    const res = await call(t, '/api/auth/password', {
      method: 'POST',
      headers: { authorization: `Bearer ${result.secret}` },
      body: { currentPassword: 'x', newPassword: 'yyyyyyyyyyyy' },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('session_required');
  });
});

describe('disabled accounts', () => {
  it('cannot sign in, and a disabled user loses the sessions they had', async () => {
    const admin = await quickSession(t, 'fx-admin');
    const t3user = await call(t, '/api/admin/users', {
      method: 'POST',
      as: admin,
      body: {
        username: 'to-disable',
        displayName: 'X',
        role: 'viewer',
        scope: { kind: 'national' },
        password: 'abcdefghijk',
      },
    });
    expect(t3user.status).toBe(201);
    const theirs = await login(t, 'to-disable', 'abcdefghijk');
    const off = await call(t, '/api/admin/users/to-disable', { method: 'PATCH', as: admin, body: { disabled: true } });
    expect(off.status).toBe(200);
    expect((await call(t, '/api/auth/me', { as: theirs })).status).toBe(401);
    expect((await loginAs('to-disable', 'abcdefghijk')).status).toBe(401);
  });
});
