import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';
import {
  DEFAULT_PROGRAMME_SETTINGS,
  type ProgrammeSettings,
  programmeSettingsSchema,
  type ZoneSettings,
  zoneSettingsSchema,
} from '../settings/kpi-settings.ts';

const KEY = 'kpi';

export interface StoredSettings {
  programme: ProgrammeSettings;
  zones: Map<string, ZoneSettings>;
}

/** Programme settings (defaults filled in) and every zone's overrides. */
export async function readSettings(db: Database): Promise<StoredSettings> {
  const rows = await db.all<{ scope: string; value: string }>(
    'SELECT scope, value::VARCHAR AS value FROM settings WHERE key = $key',
    { key: KEY },
  );
  let programme = DEFAULT_PROGRAMME_SETTINGS;
  const zones = new Map<string, ZoneSettings>();
  for (const row of rows) {
    const value: unknown = JSON.parse(row.value);
    if (row.scope === 'programme') {
      programme = programmeSettingsSchema.parse({ ...DEFAULT_PROGRAMME_SETTINGS, ...(value as object) });
    } else {
      zones.set(row.scope, zoneSettingsSchema.parse(value));
    }
  }
  return { programme, zones };
}

export async function writeSettings(
  conn: DuckDBConnection,
  scope: string,
  value: ProgrammeSettings | ZoneSettings,
  username: string,
): Promise<void> {
  await conn.run(
    `INSERT INTO settings (scope, key, value, updated_at, updated_by) VALUES ($scope, $key, $value::JSON, now(), $user)
     ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    { scope, key: KEY, value: JSON.stringify(value), user: username },
  );
}

export async function deleteZoneSettings(conn: DuckDBConnection, zoneId: string): Promise<void> {
  await conn.run('DELETE FROM settings WHERE scope = $scope AND key = $key', { scope: zoneId, key: KEY });
}
