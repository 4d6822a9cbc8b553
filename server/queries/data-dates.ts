import { type Database, textList } from '../db/database.ts';

/** How recent the data of some zones is: crime by station coverage, surveys by wave date. */
export interface DataDatesRow {
  /** 'YYYY-MM': the last month any of their stations has crime data for, never past `lastComplete`. */
  crimeMonth: string | null;
  /** 'YYYY-MM-DD': the latest survey wave date of any of the zones. */
  surveyDate: string | null;
}

/** The data dates of the given zones (null = every zone). `lastComplete` is a first-of-month date. */
export async function dataDates(db: Database, zoneIds: string[] | null, lastComplete: string): Promise<DataDatesRow> {
  const [row] = await db.all<DataDatesRow>(
    `WITH z AS (SELECT id, station_code FROM zones WHERE $allZones OR list_contains($zones, id))
     SELECT (SELECT strftime(max(least(c.last_month, $lastComplete::DATE)), '%Y-%m')
               FROM station_coverage c WHERE c.station_code IN (SELECT station_code FROM z)) AS "crimeMonth",
            (SELECT strftime(max(s.wave_date), '%Y-%m-%d')
               FROM survey_agg s WHERE s.zone_id IN (SELECT id FROM z)) AS "surveyDate"`,
    { allZones: zoneIds === null, zones: textList(zoneIds ?? []), lastComplete },
  );
  return row ?? { crimeMonth: null, surveyDate: null };
}
