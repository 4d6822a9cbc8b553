import type { Database } from '../db/database.ts';

export interface TableCounts {
  zones: number;
  stations: number;
  incidents: number;
  surveyResponses: number;
  monthlyCounts: number;
}

export async function tableCounts(db: Database): Promise<TableCounts> {
  const [row] = await db.all<TableCounts>(`SELECT
    (SELECT count(*) FROM zones)::INTEGER AS zones,
    (SELECT count(*) FROM stations)::INTEGER AS stations,
    (SELECT count(*) FROM incidents)::INTEGER AS incidents,
    (SELECT count(*) FROM survey_responses)::INTEGER AS "surveyResponses",
    (SELECT count(*) FROM monthly_counts)::INTEGER AS "monthlyCounts"`);
  if (!row) throw new Error('count query returned no row');
  return row;
}
