import type { Scope } from '../auth/principal.ts';
import { type Database, textList } from '../db/database.ts';

/**
 * Station codes a scope covers, or null for the whole country. A zone-list scope covers a station
 * only when every zone of that station is in the list (it may act for the whole station).
 */
export async function scopeStationCodes(db: Database, scope: Scope): Promise<string[] | null> {
  if (scope.kind === 'national') return null;
  if (scope.kind === 'zones') {
    const rows = await db.all<{ code: string }>(
      `SELECT station_code AS code FROM zones GROUP BY station_code
        HAVING bool_and(list_contains($ids, id)) ORDER BY station_code`,
      { ids: textList(scope.ids) },
    );
    return rows.map((r) => r.code);
  }
  const column = { bureau: 'd.bureau_code', division: 's.division_code', station: 's.code' }[scope.kind];
  const rows = await db.all<{ code: string }>(
    `SELECT s.code FROM stations s JOIN divisions d ON d.code = s.division_code
      WHERE list_contains($codes, ${column}) ORDER BY s.code`,
    { codes: textList(scope.codes) },
  );
  return rows.map((r) => r.code);
}
