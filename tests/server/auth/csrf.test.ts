import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Credentials, call, FX, login, openTestApp, PASSWORD, quickSession, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Credentials;
beforeAll(async () => {
  t = await openTestApp();
  admin = await login(t, 'fx-admin');
});
afterAll(() => t.db.close());

const newUser = (n: number) => ({
  username: `csrf-${n}`,
  displayName: 'CSRF test',
  role: 'viewer',
  scope: { kind: 'national' },
  password: 'long enough password',
});
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('CSRF protection', () => {
  it('refuses a mutating request with the session cookie but no X-CSRF-Token', async () => {
    const res = await call(t, '/api/admin/users', { method: 'POST', as: admin, csrf: false, body: newUser(1) });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('csrf');
    expect(await t.db.all(`SELECT 1 FROM users WHERE username = 'csrf-1'`)).toHaveLength(0);
  });

  it('refuses a wrong token, and the token of another session', async () => {
    const other = await quickSession(t, 'fx-admin');
    for (const csrf of ['x'.repeat(43), other.csrf, '']) {
      const res = await call(t, '/api/admin/users', { method: 'POST', as: { ...admin, csrf }, body: newUser(2) });
      expect(res.status).toBe(403);
    }
  });

  it('accepts the right token', async () => {
    const res = await call(t, '/api/admin/users', { method: 'POST', as: admin, body: newUser(3) });
    expect(res.status).toBe(201);
  });

  it('covers PUT, PATCH and DELETE too, and sign-out', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['PATCH', '/api/admin/users/csrf-3', { disabled: true }],
      ['DELETE', '/api/admin/tokens/1', undefined],
      ['PUT', `/api/settings/zones/${FX.zoneIn}`, {}],
      ['POST', '/api/auth/logout', undefined],
    ];
    for (const [method, path, body] of cases) {
      const res = await call(t, path, { method, as: admin, csrf: false, body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await call(t, '/api/auth/me', { as: admin })).status).toBe(200);
  });

  it('needs no token for GET', async () => {
    expect((await call(t, '/api/admin/users', { as: admin, csrf: false })).status).toBe(200);
  });

  it('refuses cross-site requests by Origin or Sec-Fetch-Site, even with the right token', async () => {
    const evil = await call(t, '/api/admin/users', {
      method: 'POST',
      as: admin,
      body: newUser(4),
      headers: { origin: 'https://evil.example' },
    });
    expect(evil.status).toBe(403);
    const opaque = await call(t, '/api/admin/users', {
      method: 'POST',
      as: admin,
      body: newUser(5),
      headers: { origin: 'null' },
    });
    expect(opaque.status).toBe(403);
    const site = await call(t, '/api/admin/users', {
      method: 'POST',
      as: admin,
      body: newUser(6),
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(site.status).toBe(403);
    const same = await call(t, '/api/admin/users', {
      method: 'POST',
      as: admin,
      body: newUser(7),
      headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    });
    expect(same.status).toBe(201);
  });

  it('refuses a cross-site sign-in (login CSRF)', async () => {
    const res = await call(t, '/api/auth/login', {
      method: 'POST',
      body: { username: 'fx-admin', password: PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
  });

  it('exempts bearer-token requests from the CSRF header', async () => {
    const created = await call(t, '/api/admin/tokens', {
      method: 'POST',
      as: admin,
      body: { name: 'csrf-bearer', role: 'admin', scope: { kind: 'national' } },
    });
    const { result } = (await created.json()) as { result: { secret: string } };
    const res = await call(t, '/api/admin/users', {
      method: 'POST',
      body: newUser(8),
      headers: { authorization: `Bearer ${result.secret}` },
    });
    expect(res.status).toBe(201);
  });
});
