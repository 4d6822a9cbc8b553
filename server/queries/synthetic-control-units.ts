import { type Database, intList } from '../db/database.ts';

/** One month of one unit of a synthetic control: the zone, or a donor station area. */
export interface SyntheticUnitMonthRow {
  /** 'zone' for the zone itself; else the donor station's code. */
  unit: string;
  nameTh: string;
  /** 'YYYY-MM'; null for a donor with no counted case in the window (all its months are 0). */
  month: string | null;
  cases: number;
}

export interface SyntheticUnitsParams {
  zoneId: string;
  /** First and last month of the zone's windows, 'YYYY-MM-01'. */
  from: string;
  to: string;
  groups: number[];
}

/**
 * kpi.md "Synthetic control": the zone's monthly counts and those of every donor, the station
 * areas that hold no pilot zone and have crime data for every month of the windows (their covered
 * months contain [from, to]; a covered month without a case counts as 0). Counted groups only.
 */
export async function syntheticControlUnits(db: Database, p: SyntheticUnitsParams): Promise<SyntheticUnitMonthRow[]> {
  return db.all<SyntheticUnitMonthRow>(
    `WITH donors AS (
       SELECT c.station_code FROM station_coverage c
        WHERE c.first_month <= $from::DATE AND c.last_month >= $to::DATE
          AND NOT EXISTS (SELECT 1 FROM zones z WHERE z.station_code = c.station_code)
     )
     SELECT 'zone' AS unit, '' AS "nameTh", strftime(m."month", '%Y-%m') AS month, sum(m.cases)::INTEGER AS cases
       FROM crime_monthly m
      WHERE m.area = 'zone' AND m.zone_id = $zone AND list_contains($groups, m.crime_group)
        AND m."month" BETWEEN $from::DATE AND $to::DATE
      GROUP BY ALL
     UNION ALL
     SELECT d.station_code, s.name_th, strftime(m."month", '%Y-%m'), coalesce(sum(m.cases), 0)::INTEGER
       FROM donors d JOIN stations s ON s.code = d.station_code
       LEFT JOIN crime_monthly m
         ON m.station_code = d.station_code AND m.area = 'station' AND list_contains($groups, m.crime_group)
        AND m."month" BETWEEN $from::DATE AND $to::DATE
      GROUP BY ALL
      ORDER BY 1, 3`,
    { zone: p.zoneId, from: p.from, to: p.to, groups: intList(p.groups) },
  );
}
