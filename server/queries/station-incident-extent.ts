import type { Database } from '../db/database.ts';

/** A located incident of a station, rounded to about 100 m: the station area is drawn from these. */
export interface StationPointRow {
  lon: number;
  lat: number;
}

/**
 * Where a station's located incidents lie outside one zone, each distinct point rounded to three
 * decimals (about 100 m): the stations have no boundary of their own, so the map outlines the rest
 * of the station's area by the hull of these. Rounded first so a busy station gives a few thousand
 * rows, not its every incident.
 */
export async function stationIncidentPoints(
  db: Database,
  stationCode: string,
  zoneId: string,
): Promise<StationPointRow[]> {
  return db.all<StationPointRow>(
    `SELECT DISTINCT round(lon, 3) AS lon, round(lat, 3) AS lat
       FROM incidents
      WHERE station_code = $station AND lat IS NOT NULL AND lon IS NOT NULL
        AND (zone_id IS NULL OR zone_id <> $zone)
      ORDER BY lon, lat`,
    { station: stationCode, zone: zoneId },
  );
}
