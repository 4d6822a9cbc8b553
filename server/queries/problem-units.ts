import type { Database } from '../db/database.ts';

/** A station with the division and bureau above it, and its zones: the units a problem summary lists. */
export interface ProblemUnitRow {
  stationCode: string;
  stationNameTh: string;
  stationNameEn: string;
  divisionCode: string;
  divisionNameTh: string;
  divisionNameEn: string;
  bureauCode: string;
  bureauNameTh: string;
  bureauNameEn: string;
  /** null for the station itself (one row per station), else one of its zones. */
  zoneId: string | null;
  zoneNameTh: string | null;
  zoneNameEn: string | null;
}

/** Every station (one row with zoneId null) and every zone, with their division and bureau. */
export async function problemUnits(db: Database): Promise<ProblemUnitRow[]> {
  return db.all<ProblemUnitRow>(
    `SELECT s.code AS "stationCode", s.name_th AS "stationNameTh", s.name_en AS "stationNameEn",
            d.code AS "divisionCode", d.name_th AS "divisionNameTh", d.name_en AS "divisionNameEn",
            b.code AS "bureauCode", b.name_th AS "bureauNameTh", b.name_en AS "bureauNameEn",
            z.id AS "zoneId", z.name_th AS "zoneNameTh", coalesce(z.name_en, z.name_th) AS "zoneNameEn"
       FROM stations s
       JOIN divisions d ON d.code = s.division_code
       JOIN bureaus b ON b.code = d.bureau_code
       LEFT JOIN (SELECT id, station_code, name_th, name_en FROM zones
                  UNION ALL SELECT NULL, code, NULL, NULL FROM stations) z ON z.station_code = s.code
      ORDER BY b.code, d.code, s.code, z.id NULLS FIRST`,
  );
}
