import type { Database } from '../db/database.ts';

export interface ZoneSeriesRow {
  month: string;
  crimeGroup: number;
  zone: number;
  ring: number;
}

/** Monthly cases of one zone (and its buffer ring) by offence group, from the maintained aggregate. */
export async function zoneMonthlySeries(db: Database, zoneId: string): Promise<ZoneSeriesRow[]> {
  return db.all<ZoneSeriesRow>(
    `SELECT strftime("month", '%Y-%m') AS month, crime_group AS "crimeGroup",
            coalesce(sum(cases) FILTER (WHERE area = 'zone'), 0)::INTEGER AS zone,
            coalesce(sum(cases) FILTER (WHERE area = 'ring'), 0)::INTEGER AS ring
       FROM crime_monthly WHERE zone_id = $zone AND area IN ('zone', 'ring')
      GROUP BY ALL ORDER BY 1, 2`,
    { zone: zoneId },
  );
}

export interface StationCoverageRow {
  firstMonth: string;
  lastMonth: string;
}

export async function zoneStationCoverage(db: Database, zoneId: string): Promise<StationCoverageRow | null> {
  const [row] = await db.all<StationCoverageRow>(
    `SELECT strftime(c.first_month, '%Y-%m') AS "firstMonth", strftime(c.last_month, '%Y-%m') AS "lastMonth"
       FROM zones z JOIN station_coverage c ON c.station_code = z.station_code WHERE z.id = $zone`,
    { zone: zoneId },
  );
  return row ?? null;
}
