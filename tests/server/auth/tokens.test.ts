import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../server/auth/sessions.ts';
import { auditRows, type Credentials, call, FX, openTestApp, quickSession, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Credentials;
beforeAll(async () => {
  t = await openTestApp();
  admin = await quickSession(t, 'fx-admin');
});
afterAll(() => t.db.close());

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

async function createToken(body: Record<string, unknown>) {
  const res = await call(t, '/api/admin/tokens', { method: 'POST', as: admin, body });
  expect(res.status).toBe(201);
  return ((await res.json()) as { result: { token: { id: number; name: string }; secret: string } }).result;
}

describe('API tokens', () => {
  it('is shown once at creation and stored only as its sha256', async () => {
    const { token, secret } = await createToken({
      name: 'nightly import',
      role: 'analyst',
      scope: { kind: 'national' },
    });
    expect(secret).toMatch(/^ssz_[A-Za-z0-9_-]{43}$/);

    const listed = await call(t, '/api/admin/tokens', { as: admin });
    const text = await listed.text();
    expect(text).toContain('nightly import');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(sha256(secret));

    const rows = await t.db.all<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $id', {
      id: token.id,
    });
    expect(rows[0]?.token_hash).toBe(sha256(secret));
    const everything = JSON.stringify(await t.db.all('SELECT * FROM api_tokens'));
    expect(everything).not.toContain(secret);
    const audit = JSON.stringify(await auditRows(t.db));
    expect(audit).not.toContain(secret);
  });

  it('authenticates Authorization: Bearer with the token role and scope', async () => {
    const { secret } = await createToken({
      name: 'station A job',
      role: 'commander',
      scope: { kind: 'station', codes: [FX.stationIn] },
    });
    const me = await call(t, '/api/auth/me', { headers: bearer(secret) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      username: 'token:station A job',
      role: 'commander',
      via: 'token',
      csrfToken: null,
    });
    expect((await call(t, `/api/zones/${FX.zoneIn}`, { headers: bearer(secret) })).status).toBe(200);
    expect((await call(t, `/api/zones/${FX.zoneOut}`, { headers: bearer(secret) })).status).toBe(404);
    expect((await call(t, '/api/admin/users', { headers: bearer(secret) })).status).toBe(403);
    const lastUsed = await t.db.all<{ used: boolean }>(
      `SELECT last_used_at IS NOT NULL AS used FROM api_tokens WHERE name = 'station A job'`,
    );
    expect(lastUsed[0]?.used).toBe(true);
  });

  it('answers 401 once revoked, and revoking is audited once', async () => {
    const { token, secret } = await createToken({ name: 'to revoke', role: 'viewer', scope: { kind: 'national' } });
    expect((await call(t, '/api/auth/me', { headers: bearer(secret) })).status).toBe(200);
    const revoked = await call(t, `/api/admin/tokens/${token.id}`, { method: 'DELETE', as: admin });
    expect(revoked.status).toBe(200);
    expect((await call(t, `/api/admin/tokens/${token.id}`, { method: 'DELETE', as: admin })).status).toBe(200);
    const res = await call(t, '/api/auth/me', { headers: bearer(secret) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    const rows = (await auditRows(t.db, 'token_revoke')).filter((r) => r.target === String(token.id));
    expect(rows).toHaveLength(1);
    expect((await call(t, '/api/admin/tokens/999999', { method: 'DELETE', as: admin })).status).toBe(404);
  });

  it('answers 401 once expired', async () => {
    const expiresAt = new Date(t.clock.now() + 3_600_000).toISOString();
    const { secret } = await createToken({
      name: 'short lived',
      role: 'viewer',
      scope: { kind: 'national' },
      expiresAt,
    });
    expect((await call(t, '/api/auth/me', { headers: bearer(secret) })).status).toBe(200);
    t.clock.advance(3_600_001);
    expect((await call(t, '/api/auth/me', { headers: bearer(secret) })).status).toBe(401);
  });

  it('answers 401 for an unknown or malformed token, without falling back to the cookie', async () => {
    for (const secret of [`ssz_${'a'.repeat(43)}`, 'not-a-token', 'ssz_short']) {
      expect((await call(t, '/api/auth/me', { headers: bearer(secret) })).status).toBe(401);
    }
    const both = await call(t, '/api/auth/me', { as: admin, headers: bearer(`ssz_${'b'.repeat(43)}`) });
    expect(both.status).toBe(401);
  });

  it('ignores a Basic Authorization header (a proxy in front) and uses the session', async () => {
    const res = await call(t, '/api/auth/me', { as: admin, headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(res.status).toBe(200);
  });

  it('refuses a duplicate name, an admin token without national scope, and unknown scope codes', async () => {
    await createToken({ name: 'unique name', role: 'viewer', scope: { kind: 'national' } });
    const post = (body: unknown) => call(t, '/api/admin/tokens', { method: 'POST', as: admin, body });
    expect((await post({ name: 'unique name', role: 'viewer', scope: { kind: 'national' } })).status).toBe(409);
    expect((await post({ name: 'adm', role: 'admin', scope: { kind: 'station', codes: [FX.stationIn] } })).status).toBe(
      400,
    );
    expect((await post({ name: 'bad', role: 'viewer', scope: { kind: 'station', codes: ['ST-NOPE'] } })).status).toBe(
      400,
    );
  });
});
