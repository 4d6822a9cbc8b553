import { type Database, textList } from '../db/database.ts';

/** A zone with its place in the police hierarchy: what lists, filters and rollups need. */
export interface ZoneDirectoryRow {
  id: string;
  nameTh: string;
  nameEn: string | null;
  kind: string | null;
  criteria: string | null;
  startDate: string;
  population: number | null;
  areaKm2: number | null;
  municipality: string | null;
  stationCode: string;
  stationNameTh: string;
  stationNameEn: string;
  divisionCode: string;
  divisionNameTh: string;
  divisionNameEn: string;
  /** Short Thai names for breadcrumbs: ภ.จว.สงขลา, ภ.9. */
  divisionAbbrTh: string;
  bureauCode: string;
  bureauNameTh: string;
  bureauNameEn: string;
  bureauAbbrTh: string;
  provinceIso: string;
  provinceNameTh: string;
  provinceNameEn: string;
  /** Centre of the bounding box, for markers. */
  lon: number;
  lat: number;
}

export async function zoneDirectory(db: Database, zoneIds: string[] | null): Promise<ZoneDirectoryRow[]> {
  return db.all<ZoneDirectoryRow>(
    `SELECT z.id, z.name_th AS "nameTh", z.name_en AS "nameEn", z.kind, z.criteria,
            strftime(z.start_date, '%Y-%m-%d') AS "startDate", z.population, z.area_km2 AS "areaKm2", z.municipality,
            s.code AS "stationCode", s.name_th AS "stationNameTh", s.name_en AS "stationNameEn",
            d.code AS "divisionCode", d.name_th AS "divisionNameTh", d.name_en AS "divisionNameEn", d.abbr_th AS "divisionAbbrTh",
            b.code AS "bureauCode", b.name_th AS "bureauNameTh", b.name_en AS "bureauNameEn", b.abbr_th AS "bureauAbbrTh",
            p.iso AS "provinceIso", p.name_th AS "provinceNameTh", p.name_en AS "provinceNameEn",
            (z.min_lon + z.max_lon) / 2 AS lon, (z.min_lat + z.max_lat) / 2 AS lat
       FROM zones z
       JOIN stations s ON s.code = z.station_code
       JOIN divisions d ON d.code = s.division_code
       JOIN bureaus b ON b.code = d.bureau_code
       JOIN provinces p ON p.iso = s.province_iso
      WHERE $allZones OR list_contains($zones, z.id)
      ORDER BY b.code, d.code, s.code, z.id`,
    { allZones: zoneIds === null, zones: textList(zoneIds ?? []) },
  );
}

/** Codes of every station that has at least one zone. */
export async function stationsWithZones(db: Database): Promise<string[]> {
  const rows = await db.all<{ code: string }>('SELECT DISTINCT station_code AS code FROM zones ORDER BY 1');
  return rows.map((r) => r.code);
}
