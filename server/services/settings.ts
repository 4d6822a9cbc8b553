import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';
import { reassignZones } from '../importers/zone-assignment.ts';
import { refreshAggregates } from '../queries/refresh-aggregates.ts';
import { codebookZones } from './codebook-zones.ts';
import { stationsWithZones } from '../queries/zone-directory.ts';
import { deleteZoneSettings, readSettings, writeSettings } from '../queries/settings.ts';
import { zoneVisible } from '../auth/principal.ts';
import {
  DEFAULT_PROGRAMME_SETTINGS,
  effectiveSettings,
  type ProgrammeSettings,
  type ZoneSettings,
} from '../settings/kpi-settings.ts';

/**
 * The programme's settings, the defaults, the overrides of the zones in scope (null = all), and
 * which of those zones' answers follow their survey's codebook (kpi.md "Whose rule wins").
 */
export async function settingsInScope(db: Database, zoneIds: readonly string[] | null) {
  const [settings, codebooks] = await Promise.all([readSettings(db), codebookZones(db, zoneIds)]);
  const zones = Object.fromEntries([...settings.zones].filter(([id]) => zoneVisible(zoneIds, id)));
  return { programme: settings.programme, defaults: DEFAULT_PROGRAMME_SETTINGS, zones, codebooks };
}

/**
 * Saving KPI settings. Most rules are applied when KPIs are read, so they take effect at once by
 * themselves; the buffer ring width is baked into incident_rings, so a change to it re-assigns
 * the rings of the stations concerned in the same transaction.
 */
async function applyBufferChange(conn: DuckDBConnection, stations: string[]): Promise<void> {
  if (stations.length === 0) return;
  await reassignZones(conn, stations);
  await refreshAggregates(conn, stations);
}

export async function saveProgrammeSettings(db: Database, value: ProgrammeSettings, username: string): Promise<void> {
  const before = await readSettings(db);
  const stations = before.programme.bufferMeters === value.bufferMeters ? [] : await stationsWithZones(db);
  await db.transaction(async (conn) => {
    await writeSettings(conn, 'programme', value, username);
    await applyBufferChange(conn, stations);
  });
}

/** `value` null = remove the zone's overrides (back to the programme's rules). */
export async function saveZoneSettings(
  db: Database,
  zone: { id: string; stationCode: string },
  value: ZoneSettings | null,
  username: string,
): Promise<void> {
  const before = await readSettings(db);
  const oldBuffer = effectiveSettings(before.programme, before.zones.get(zone.id)).bufferMeters;
  const newBuffer = effectiveSettings(before.programme, value ?? undefined).bufferMeters;
  await db.transaction(async (conn) => {
    if (value === null) await deleteZoneSettings(conn, zone.id);
    else await writeSettings(conn, zone.id, value, username);
    await applyBufferChange(conn, oldBuffer === newBuffer ? [] : [zone.stationCode]);
  });
}
