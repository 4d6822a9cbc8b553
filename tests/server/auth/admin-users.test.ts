import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Credentials, call, FX, login, openTestApp, quickSession, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Credentials;
beforeAll(async () => {
  t = await openTestApp();
  admin = await quickSession(t, 'fx-admin');
});
afterAll(() => t.db.close());

const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const post = (body: unknown) => call(t, '/api/admin/users', { method: 'POST', as: admin, body });
const patch = (username: string, body: unknown) =>
  call(t, `/api/admin/users/${username}`, { method: 'PATCH', as: admin, body });
const base = { displayName: 'Someone', role: 'viewer', scope: { kind: 'national' }, password: 'ten chars!!' };

describe('admin: users', () => {
  it('lists users without password hashes', async () => {
    const res = await call(t, '/api/admin/users', { as: admin });
    const text = await res.text();
    expect(text).toContain('fx-commander');
    expect(text).not.toMatch(/scrypt|passwordHash|password_hash/);
  });

  it('creates a user who can then sign in and sees only the given scope', async () => {
    const res = await post({
      ...base,
      username: 'new.commander',
      role: 'commander',
      scope: { kind: 'station', codes: [FX.stationOut] },
    });
    expect(res.status).toBe(201);
    const user = await login(t, 'new.commander', 'ten chars!!');
    expect((await call(t, `/api/zones/${FX.zoneOut}`, { as: user })).status).toBe(200);
    expect((await call(t, `/api/zones/${FX.zoneIn}`, { as: user })).status).toBe(404);
  });

  it('applies a scope change at once to existing sessions', async () => {
    await post({ ...base, username: 'moving', scope: { kind: 'zones', ids: [FX.zoneIn] } });
    const user = await login(t, 'moving', 'ten chars!!');
    expect((await call(t, `/api/zones/${FX.zoneOut}`, { as: user })).status).toBe(404);
    expect((await patch('moving', { scope: { kind: 'zones', ids: [FX.zoneOut] } })).status).toBe(200);
    expect((await call(t, `/api/zones/${FX.zoneOut}`, { as: user })).status).toBe(200);
    expect((await call(t, `/api/zones/${FX.zoneIn}`, { as: user })).status).toBe(404);
  });

  it('refuses bad input: weak password, bad username, unknown keys, duplicate, unknown codes', async () => {
    expect((await post({ ...base, username: 'short-pw', password: 'abc' })).status).toBe(400);
    expect((await post({ ...base, username: 'Bad Name!' })).status).toBe(400);
    expect((await post({ ...base, username: 'local-cli' })).status).toBe(400);
    expect((await post({ ...base, username: 'extra-key', isAdmin: true })).status).toBe(400);
    expect((await post({ ...base, username: 'fx-viewer' })).status).toBe(409);
    const unknown = await post({ ...base, username: 'unknown-codes', scope: { kind: 'division', codes: ['D-NOPE'] } });
    expect(unknown.status).toBe(400);
    expect(await code(unknown)).toBe('unknown_scope');
    const scopedAdmin = await post({
      ...base,
      username: 'small-admin',
      role: 'admin',
      scope: { kind: 'bureau', codes: [FX.bureauIn] },
    });
    expect(await code(scopedAdmin)).toBe('admin_scope');
  });

  it('answers 404 for an unknown user', async () => {
    expect((await patch('nobody', { disabled: true })).status).toBe(404);
    const reset = await call(t, '/api/admin/users/nobody/password', {
      method: 'POST',
      as: admin,
      body: { password: 'long enough pw' },
    });
    expect(reset.status).toBe(404);
  });

  it('never leaves the system without an enabled administrator', async () => {
    const res = await patch('fx-admin', { disabled: true });
    expect(res.status).toBe(409);
    expect(await code(res)).toBe('last_admin');
    expect((await patch('fx-admin', { role: 'viewer' })).status).toBe(409);
    await post({ ...base, username: 'second-admin', role: 'admin' });
    expect((await patch('fx-admin', { role: 'analyst' })).status).toBe(200);
    expect((await patch('fx-admin', { role: 'admin' })).status).toBe(403); // no longer an admin
    const second = await login(t, 'second-admin', 'ten chars!!');
    expect(
      (await call(t, '/api/admin/users/fx-admin', { method: 'PATCH', as: second, body: { role: 'admin' } })).status,
    ).toBe(200);
  });

  it('reset password ends the user sessions and asks for a new password', async () => {
    const viewer = await quickSession(t, 'fx-viewer');
    const reset = await call(t, '/api/admin/users/fx-viewer/password', {
      method: 'POST',
      as: admin,
      body: { password: 'temporary password' },
    });
    expect(reset.status).toBe(200);
    expect((await call(t, '/api/auth/me', { as: viewer })).status).toBe(401);
    const again = await login(t, 'fx-viewer', 'temporary password');
    const me = (await (await call(t, '/api/auth/me', { as: again })).json()) as { mustChangePassword: boolean };
    expect(me.mustChangePassword).toBe(true);
    // Until the password is changed the API, like the SPA, shows nothing else.
    const kpis = await call(t, '/api/kpis', { as: again });
    expect(kpis.status).toBe(403);
    expect(((await kpis.json()) as { error: { code: string } }).error.code).toBe('password_change_required');
    const changed = await call(t, '/api/auth/password', {
      method: 'POST',
      as: again,
      body: { currentPassword: 'temporary password', newPassword: 'a new long password' },
    });
    expect(changed.status).toBe(200);
    const after = await login(t, 'fx-viewer', 'a new long password');
    expect((await call(t, '/api/kpis', { as: after })).status).toBe(200);
  });

  it('lets an administrator with a generated password make no API token before changing it', async () => {
    await t.db.all(`UPDATE users SET must_change_password = true WHERE username = 'fx-admin'`);
    try {
      const fresh = await login(t, 'fx-admin');
      const token = await call(t, '/api/admin/tokens', { method: 'POST', as: fresh, body: { name: 'too-early' } });
      expect(token.status).toBe(403);
      expect(((await token.json()) as { error: { code: string } }).error.code).toBe('password_change_required');
      expect((await call(t, '/api/auth/me', { as: fresh })).status).toBe(200);
    } finally {
      await t.db.all(`UPDATE users SET must_change_password = false WHERE username = 'fx-admin'`);
    }
  });
});
