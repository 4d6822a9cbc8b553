import type { Database } from '../db/database.ts';

/** A bureau, division or station with the units above it (national at the top is implied). */
export interface UnitPathRow {
  bureauCode: string;
  bureauNameTh: string;
  bureauNameEn: string;
  bureauAbbrTh: string;
  divisionCode: string | null;
  divisionNameTh: string | null;
  divisionNameEn: string | null;
  divisionAbbrTh: string | null;
  stationCode: string | null;
  stationNameTh: string | null;
  stationNameEn: string | null;
}

/**
 * The unit with this code and its ancestors, or none. Codes are unique across the three tables
 * (bureau MPB/PPR1.., division MPD1/SKA.., station ST-...); a station match wins, then a division.
 */
export async function unitPath(db: Database, code: string): Promise<UnitPathRow | null> {
  const [row] = await db.all<UnitPathRow>(
    `WITH hit AS (
        SELECT 3 AS depth, s.code AS station, s.division_code AS division, d.bureau_code AS bureau
          FROM stations s JOIN divisions d ON d.code = s.division_code WHERE s.code = $code
        UNION ALL SELECT 2, NULL, d.code, d.bureau_code FROM divisions d WHERE d.code = $code
        UNION ALL SELECT 1, NULL, NULL, b.code FROM bureaus b WHERE b.code = $code
     )
     SELECT b.code AS "bureauCode", b.name_th AS "bureauNameTh", b.name_en AS "bureauNameEn", b.abbr_th AS "bureauAbbrTh",
            d.code AS "divisionCode", d.name_th AS "divisionNameTh", d.name_en AS "divisionNameEn", d.abbr_th AS "divisionAbbrTh",
            s.code AS "stationCode", s.name_th AS "stationNameTh", s.name_en AS "stationNameEn"
       FROM hit
       JOIN bureaus b ON b.code = hit.bureau
       LEFT JOIN divisions d ON d.code = hit.division
       LEFT JOIN stations s ON s.code = hit.station
      ORDER BY hit.depth DESC
      LIMIT 1`,
    { code },
  );
  return row ?? null;
}
