import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Credentials, openTestApp, quickSession, type TestApp } from '../auth/helpers.ts';

/** /api/health is public; what it tells depends on who asks. */
let t: TestApp;
let viewer: Credentials;
beforeAll(async () => {
  t = await openTestApp();
  viewer = await quickSession(t, 'fx-viewer');
});
afterAll(() => t.db.close());

const detailKeys = ['counts', 'schema', 'status', 'version'];

describe('GET /api/health', () => {
  it('tells an anonymous caller only that the service is up', async () => {
    const res = await call(t, '/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('treats a bad session cookie or a bad token as anonymous, not as an error', async () => {
    const badCookie = await call(t, '/api/health', { headers: { cookie: 'ssz_session=not-a-session' } });
    expect(badCookie.status).toBe(200);
    expect(await badCookie.json()).toEqual({ status: 'ok' });
    const badToken = await call(t, '/api/health', { headers: { authorization: 'Bearer ssz_not-a-token' } });
    expect(badToken.status).toBe(200);
    expect(await badToken.json()).toEqual({ status: 'ok' });
  });

  it('gives a signed-in user of any role the version, schema and row counts', async () => {
    // One more zone than the fixture has, so the count is read, not remembered.
    await t.db.all(`INSERT INTO zones SELECT * REPLACE ('ZN-HEALTH' AS id) FROM zones LIMIT 1`);
    const res = await call(t, '/api/health', { as: viewer });
    const body = (await res.json()) as { version: string; schema: number; counts: Record<string, number> };
    expect(Object.keys(body).sort()).toEqual(detailKeys);
    expect(body.version).toBe('test');
    expect(body.schema).toBeGreaterThanOrEqual(3);
    const [zones] = await t.db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM zones');
    expect(body.counts.zones).toBe(zones?.n);
  });

  it('gives the details to an API token too', async () => {
    const admin = await quickSession(t, 'fx-admin');
    const made = await call(t, '/api/admin/tokens', {
      method: 'POST',
      as: admin,
      body: { name: 'uptime check', role: 'viewer', scope: { kind: 'national' } },
    });
    const { secret } = ((await made.json()) as { result: { secret: string } }).result;
    const res = await call(t, '/api/health', { headers: { authorization: `Bearer ${secret}` } });
    expect(Object.keys((await res.json()) as object).sort()).toEqual(detailKeys);
  });

  it('keeps the details from a session that must change its password first', async () => {
    await t.db.all(`UPDATE users SET must_change_password = true WHERE username = 'fx-analyst'`);
    const pending = await quickSession(t, 'fx-analyst');
    const res = await call(t, '/api/health', { as: pending });
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
