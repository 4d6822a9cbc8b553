import type { Database } from '../db/database.ts';

export type ChildLevel = 'bureau' | 'division' | 'station' | 'zone';

export interface UnitZoneCountRow {
  /** The child unit's code (a zone id when the children are zones). */
  code: string;
  zones: number;
}

/**
 * How many zones each unit one level below `unit` holds, counting every zone whatever the
 * caller's scope: the denominator of "k of n zones of this unit are in your scope".
 */
export async function unitZoneCounts(db: Database, unit: string, childLevel: ChildLevel): Promise<UnitZoneCountRow[]> {
  return db.all<UnitZoneCountRow>(
    `SELECT CASE $childLevel WHEN 'bureau' THEN d.bureau_code WHEN 'division' THEN s.division_code
                             WHEN 'station' THEN s.code ELSE z.id END AS code,
            count(*)::INTEGER AS zones
       FROM zones z
       JOIN stations s ON s.code = z.station_code
       JOIN divisions d ON d.code = s.division_code
      WHERE $unit IN (s.code, s.division_code, d.bureau_code, 'national')
      GROUP BY 1
      ORDER BY 1`,
    { unit, childLevel },
  );
}
