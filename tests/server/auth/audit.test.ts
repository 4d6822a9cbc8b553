import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../../server/auth/audit.ts';
import { repoRoot } from '../../../server/config.ts';
import { auditRows, type Credentials, call, FX, login, openTestApp, PASSWORD, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Credentials;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.db.close());

describe('audit log', () => {
  it('records each action exactly once: who, what, from where', async () => {
    admin = await login(t, 'fx-admin');
    await call(t, '/api/auth/login', { method: 'POST', body: { username: 'fx-viewer', password: 'wrong password' } });
    const created = await call(t, '/api/admin/users', {
      method: 'POST',
      as: admin,
      headers: { 'user-agent': 'audit-test-agent' },
      body: {
        username: 'audited',
        displayName: 'A',
        role: 'viewer',
        scope: { kind: 'national' },
        password: 'first password',
      },
    });
    expect(created.status).toBe(201);
    await call(t, '/api/admin/users/audited', { method: 'PATCH', as: admin, body: { role: 'analyst' } });
    await call(t, '/api/admin/users/audited/password', {
      method: 'POST',
      as: admin,
      body: { password: 'second password' },
    });
    const user = await login(t, 'audited', 'second password');
    await call(t, '/api/auth/password', {
      method: 'POST',
      as: user,
      body: { currentPassword: 'second password', newPassword: 'third password' },
    });
    await call(t, '/api/auth/logout', { method: 'POST', as: user });
    const token = await call(t, '/api/admin/tokens', {
      method: 'POST',
      as: admin,
      body: { name: 'audited token', role: 'viewer', scope: { kind: 'national' } },
    });
    const { result } = (await token.json()) as { result: { token: { id: number } } };
    await call(t, `/api/admin/tokens/${result.token.id}`, { method: 'DELETE', as: admin });
    await call(t, `/api/settings/zones/${FX.zoneIn}`, { method: 'PUT', as: admin, body: { fearTarget: 35 } });

    const rows = await auditRows(t.db);
    expect(rows.map((r) => `${r.username} ${r.action} ${r.target ?? ''}`.trim())).toEqual([
      'fx-admin login',
      'fx-viewer login_failed',
      'fx-admin user_create audited',
      'fx-admin user_update audited',
      'fx-admin user_password_reset audited',
      'audited login',
      'audited password_change audited',
      'audited logout',
      `fx-admin token_create ${result.token.id}`,
      `fx-admin token_revoke ${result.token.id}`,
      `fx-admin settings_update ${FX.zoneIn}`,
    ]);
    const full = await t.db.all<{ user_agent: string; ip: string; logged_at: string }>(
      `SELECT user_agent, ip, logged_at::VARCHAR AS logged_at FROM audit_log WHERE action = 'user_create'`,
    );
    expect(full[0]).toMatchObject({ user_agent: 'audit-test-agent', ip: 'unknown' });
  });

  it('never stores a password', async () => {
    const text = JSON.stringify(await t.db.all('SELECT detail::VARCHAR AS d FROM audit_log'));
    for (const secret of [PASSWORD, 'first password', 'second password', 'third password']) {
      expect(text).not.toContain(secret);
    }
  });

  it('is readable by admins only, newest first, paged and filtered', async () => {
    const page = await call(t, '/api/admin/audit?pageSize=3', { as: admin });
    expect(page.status).toBe(200);
    const body = (await page.json()) as { items: Array<{ action: string; at: string }>; total: number; page: number };
    expect(body.items).toHaveLength(3);
    expect(body.total).toBeGreaterThanOrEqual(11);
    expect(body.items[0]?.action).toBe('settings_update');
    expect(body.items[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const second = (await (await call(t, '/api/admin/audit?pageSize=3&page=2', { as: admin })).json()) as typeof body;
    expect(second.items[0]?.action).toBe('logout');

    const byUser = (await (await call(t, '/api/admin/audit?user=audited', { as: admin })).json()) as typeof body;
    expect(byUser.items.map((i) => i.action).sort()).toEqual(['login', 'logout', 'password_change']);
    const byAction = (await (
      await call(t, '/api/admin/audit?action=login_failed', { as: admin })
    ).json()) as typeof body;
    expect(byAction.total).toBe(1);

    // The test clock sits on 2026-01-05 (Bangkok).
    const day = (await (
      await call(t, '/api/admin/audit?from=2026-01-05&to=2026-01-05', { as: admin })
    ).json()) as typeof body;
    expect(day.total).toBe(body.total);
    const before = (await (await call(t, '/api/admin/audit?to=2026-01-04', { as: admin })).json()) as typeof body;
    expect(before.total).toBe(0);

    expect((await call(t, '/api/admin/audit?page=0', { as: admin })).status).toBe(400);
    const viewer = await login(t, 'fx-viewer');
    expect((await call(t, '/api/admin/audit', { as: viewer })).status).toBe(403);
  });

  it('audit() is the one way in, for the other routes', async () => {
    const before = (await auditRows(t.db)).length;
    await audit(t.db, { username: 'local-cli', action: 'import', target: '42', detail: { rows: 10 } });
    const rows = await auditRows(t.db);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ username: 'local-cli', action: 'import', target: '42' });
  });

  it('is append-only: no code updates or deletes audit_log', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.ts$/.test(name)) {
          const text = readFileSync(path, 'utf8');
          if (
            /(UPDATE\s+audit_log|DELETE\s+FROM\s+audit_log|TRUNCATE\s+audit_log|DROP\s+TABLE\s+audit_log)/i.test(text)
          ) {
            offenders.push(path);
          }
        }
      }
    };
    walk(join(repoRoot, 'server'));
    expect(offenders).toEqual([]);
  });
});
