import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/database.ts';
import { schemaVersion } from '../../../server/db/migrate.ts';
import { migrations } from '../../../server/db/migrations/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'ssz-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('schema migrations', () => {
  it('are numbered without gaps or repeats', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('upgrade an older database file in place, keeping its data', async () => {
    const path = join(dir, 'old.duckdb');
    const old = await openDatabase(path, migrations.slice(0, 1));
    expect(await schemaVersion(old)).toBe(1);
    await old.withConnection((c) =>
      c.run(`INSERT INTO zones (id, station_code, name_th, start_date, geometry, min_lon, min_lat, max_lon, max_lat)
             VALUES ('Z-KEEP', 'ST-HAT-YAI', 'เก็บไว้', DATE '2022-01-01', '{}', 0, 0, 0, 0)`),
    );
    old.close();

    const upgraded = await openDatabase(path);
    expect(await schemaVersion(upgraded)).toBe(migrations.length);
    expect(await upgraded.all('SELECT id, name_th FROM zones')).toEqual([{ id: 'Z-KEEP', name_th: 'เก็บไว้' }]);
    upgraded.close();

    // Opening again applies nothing twice.
    const again = await openDatabase(path);
    expect(await again.all('SELECT count(*)::INTEGER AS n FROM schema_migrations')).toEqual([{ n: migrations.length }]);
    again.close();
  });
});
