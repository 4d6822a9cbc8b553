import type { Scope } from '../auth/principal.ts';
import { type Database, textList } from '../db/database.ts';

/**
 * The zone ids a scope covers, or null for the whole country (no filter needed).
 * Resolved once per request; every zone query then filters with list_contains($zones, zone_id).
 */
export async function scopeZoneIds(db: Database, scope: Scope): Promise<string[] | null> {
  if (scope.kind === 'national') return null;
  if (scope.kind === 'zones') return scope.ids;
  const column = { bureau: 'd.bureau_code', division: 's.division_code', station: 's.code' }[scope.kind];
  const rows = await db.all<{ id: string }>(
    `SELECT z.id FROM zones z
       JOIN stations s ON s.code = z.station_code
       JOIN divisions d ON d.code = s.division_code
      WHERE list_contains($codes, ${column})
      ORDER BY z.id`,
    { codes: textList(scope.codes) },
  );
  return rows.map((r) => r.id);
}

/** The zone ids under one unit of the hierarchy: a zone id, station, division or bureau code, or 'national'. */
export async function unitZoneIds(db: Database, unit: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>(
    `SELECT z.id FROM zones z
       JOIN stations s ON s.code = z.station_code
       JOIN divisions d ON d.code = s.division_code
      WHERE $unit IN (z.id, s.code, s.division_code, d.bureau_code, 'national')
      ORDER BY z.id`,
    { unit },
  );
  return rows.map((r) => r.id);
}
