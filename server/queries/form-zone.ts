import type { Database } from '../db/database.ts';

/** What the resident form shows of its zone: names and station. */
export interface FormZoneRow {
  id: string;
  nameTh: string;
  nameEn: string | null;
  stationCode: string;
  stationNameTh: string;
  stationNameEn: string;
}

/** One zone by id, or none: the public form's lookup (light: two tables, one row). */
export async function formZoneRow(db: Database, zoneId: string): Promise<FormZoneRow | null> {
  const [row] = await db.all<FormZoneRow>(
    `SELECT z.id, z.name_th AS "nameTh", z.name_en AS "nameEn", s.code AS "stationCode",
            s.name_th AS "stationNameTh", s.name_en AS "stationNameEn"
       FROM zones z JOIN stations s ON s.code = z.station_code
      WHERE z.id = $zoneId`,
    { zoneId },
  );
  return row ?? null;
}
