import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoUsers, demoPassword, ensureAdmin } from '../../../server/auth/bootstrap.ts';
import { verifyPassword } from '../../../server/auth/passwords.ts';
import { type Database, openDatabase } from '../../../server/db/database.ts';
import { findUser } from '../../../server/queries/users.ts';

let db: Database;
beforeEach(async () => {
  db = await openDatabase(':memory:');
});
afterEach(() => db.close());

describe('first start', () => {
  it('creates the admin with a generated password, printed once in a box, to be changed', async () => {
    const lines: string[] = [];
    const result = await ensureAdmin(db, { adminUser: 'admin' }, (m) => lines.push(m));
    expect(result.created).toBe(true);
    if (!result.created) return;
    expect(result.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(result.generatedPassword);
    expect(lines[0]).toMatch(/^┌─+┐/);
    const user = await findUser(db, 'admin');
    expect(user).toMatchObject({ role: 'admin', scope: { kind: 'national' }, mustChangePassword: true });
    expect(await verifyPassword(result.generatedPassword ?? '', user?.passwordHash ?? '')).toBe(true);

    const again: string[] = [];
    expect(await ensureAdmin(db, { adminUser: 'admin' }, (m) => again.push(m))).toEqual({ created: false });
    expect(again).toEqual([]);
    const audit = await db.all(`SELECT * FROM audit_log WHERE action = 'user_create'`);
    expect(audit).toHaveLength(1);
  });

  it('uses SSZ_ADMIN_USER / SSZ_ADMIN_PASSWORD and never prints the password', async () => {
    const lines: string[] = [];
    const result = await ensureAdmin(db, { adminUser: 'Chief', adminPassword: 'from the environment' }, (m) =>
      lines.push(m),
    );
    expect(result).toEqual({ created: true, username: 'chief', generatedPassword: null });
    expect(lines.join('\n')).not.toContain('from the environment');
    const user = await findUser(db, 'chief');
    expect(user?.mustChangePassword).toBe(false);
    expect(await verifyPassword('from the environment', user?.passwordHash ?? '')).toBe(true);
  });

  it('refuses a too-short SSZ_ADMIN_PASSWORD', async () => {
    await expect(ensureAdmin(db, { adminUser: 'admin', adminPassword: 'short' }, () => {})).rejects.toThrow(
      /10 characters/,
    );
  });
});

describe('demo users', () => {
  it('creates one user per non-admin role, scoped to the demo data, idempotently', async () => {
    await db.withConnection(async (conn) => {
      await conn.run(`
        INSERT INTO bureaus VALUES ('PPR9', 'ตำรวจภูธรภาค 9', 'Provincial Police Region 9', 'ภ.9');
        INSERT INTO provinces VALUES ('TH-90', 'สงขลา', 'Songkhla', 'PPR9');
        INSERT INTO divisions VALUES ('PPC-TH-90', 'PPR9', 'ตำรวจภูธรจังหวัดสงขลา', 'Songkhla Provincial Police', 'ภ.จว.สงขลา', 'TH-90');
        INSERT INTO stations VALUES ('ST-HAT-YAI', 'สภ.หาดใหญ่', 'Hat Yai', 'สภ.', 'PPC-TH-90', 'TH-90', 7.006, 100.47, NULL);
        INSERT INTO zones (id, station_code, name_th, start_date, municipality, geometry, min_lon, min_lat, max_lon, max_lat)
          VALUES ('HY-1', 'ST-HAT-YAI', 'ตลาดกิมหยง', DATE '2022-01-01', 'เทศบาลนครหาดใหญ่', '{}', 0, 0, 0, 0),
                 ('HY-2', 'ST-HAT-YAI', 'สถานีขนส่ง', DATE '2022-01-01', 'เทศบาลนครหาดใหญ่', '{}', 0, 0, 0, 0);
      `);
    });
    const { users, skipped } = await createDemoUsers(db);
    expect(skipped).toEqual([]);
    expect(users.map((u) => [u.username, u.role, u.password])).toEqual([
      ['demo-analyst', 'analyst', 'demo-analyst-2567'],
      ['demo-commander', 'commander', 'demo-commander-2567'],
      ['demo-executive', 'executive', 'demo-executive-2567'],
      ['demo-viewer', 'viewer', 'demo-viewer-2567'],
    ]);
    expect(users.map((u) => u.scope)).toEqual([
      { kind: 'national' },
      { kind: 'station', codes: ['ST-HAT-YAI'] },
      { kind: 'zones', ids: ['HY-1', 'HY-2'] },
      { kind: 'bureau', codes: ['PPR9'] },
    ]);
    const commander = await findUser(db, 'demo-commander');
    expect(await verifyPassword(demoPassword('commander'), commander?.passwordHash ?? '')).toBe(true);
    const again = await createDemoUsers(db);
    expect(again.users).toHaveLength(4);
    expect(await db.all(`SELECT * FROM audit_log WHERE action = 'user_create'`)).toHaveLength(4);
  });

  it('skips the users whose places are missing', async () => {
    const { users, skipped } = await createDemoUsers(db);
    expect(users.map((u) => u.username)).toEqual(['demo-analyst']);
    expect(skipped).toEqual(['demo-commander', 'demo-executive', 'demo-viewer']);
  });
});
