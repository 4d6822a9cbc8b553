import type { Database } from '../db/database.ts';

/** One located incident near a zone: what the map may show of it (never a case number or a time). */
export interface ZoneIncidentPointRow {
  lat: number;
  lon: number;
  /** 'YYYY-MM' */
  month: string;
  group: number;
  type: string;
  stationCode: string;
  /** The zone the incident lies in (null = outside every zone). */
  zoneId: string | null;
}

/**
 * Located incidents of the zone's station inside a box (the zone's box grown by its buffer ring),
 * in a month range (first-of-month dates) and optionally one offence group.
 */
export async function zoneIncidentPoints(
  db: Database,
  params: {
    stationCode: string;
    box: { minLon: number; minLat: number; maxLon: number; maxLat: number };
    fromMonth: string | null;
    toMonth: string | null;
    group: number | null;
  },
): Promise<ZoneIncidentPointRow[]> {
  return db.all<ZoneIncidentPointRow>(
    `SELECT lat, lon, strftime("month", '%Y-%m') AS "month", crime_group AS "group", crime_type AS "type",
            station_code AS "stationCode", zone_id AS "zoneId"
       FROM incidents
      WHERE station_code = $station
        AND lat BETWEEN $minLat AND $maxLat AND lon BETWEEN $minLon AND $maxLon
        AND ($from IS NULL OR "month" >= $from::DATE) AND ($to IS NULL OR "month" <= $to::DATE)
        AND ($group IS NULL OR crime_group = $group)
      ORDER BY "month", crime_group, lat, lon`,
    {
      station: params.stationCode,
      minLat: params.box.minLat,
      maxLat: params.box.maxLat,
      minLon: params.box.minLon,
      maxLon: params.box.maxLon,
      from: params.fromMonth,
      to: params.toMonth,
      group: params.group,
    },
  );
}

/** The zone's stored bounding box and station, or none. */
export async function zoneBox(
  db: Database,
  zoneId: string,
): Promise<{ stationCode: string; minLon: number; minLat: number; maxLon: number; maxLat: number } | null> {
  const [row] = await db.all<{ stationCode: string; minLon: number; minLat: number; maxLon: number; maxLat: number }>(
    `SELECT station_code AS "stationCode", min_lon AS "minLon", min_lat AS "minLat", max_lon AS "maxLon", max_lat AS "maxLat"
       FROM zones WHERE id = $id`,
    { id: zoneId },
  );
  return row ?? null;
}
