import type { DuckDBConnection } from '@duckdb/node-api';
import { FORM_WAVE_SQL } from '../contracts/resident-survey.ts';
import { exec, type SqlParams, textList } from '../db/database.ts';

/**
 * Rebuilds the maintained aggregates every KPI reads, from the raw rows:
 * - crime_monthly: zone / ring / whole-station case counts per month and group. ADDITIVE: a key
 *   may have several rows whose cases add up (an incidents import appends each chunk's counts as
 *   it goes, server/queries/imports-incidents.ts), so every reader sums by key; a rebuild leaves
 *   one row per key, stored in station/zone/month order,
 * - station_coverage: each station's first and last month of data,
 * - survey_agg: survey answers summed per zone, wave, sample type, item, answer and codebook (each
 *   codebook's answers are counted under its own rule, kpi.md "Whose rule wins"), the resident
 *   form's counted answers among them as opt-in (rebuildSurveyAggregate).
 * Pass station codes to rebuild only those stations (an import touches a few); none = everything.
 * Runs on the caller's connection so it shares the import's transaction.
 */
export async function refreshAggregates(conn: DuckDBConnection, stationCodes?: string[]): Promise<void> {
  const scoped = stationCodes !== undefined;
  const params = scoped ? { codes: textList(stationCodes) } : undefined;
  const where = (col: string) => (scoped ? `list_contains($codes, ${col})` : 'TRUE');
  const zoneWhere = scoped ? 'zone_id IN (SELECT id FROM zones WHERE list_contains($codes, station_code))' : 'TRUE';

  await exec(conn, `DELETE FROM crime_monthly WHERE ${where('station_code')}`, params);
  await exec(
    conn,
    `INSERT INTO crime_monthly (area, zone_id, station_code, "month", crime_group, cases)
     SELECT area, zone_id, station_code, "month", crime_group, sum(cases)::INTEGER FROM (
       SELECT 'zone' AS area, zone_id, station_code, "month", crime_group, count(*) AS cases
         FROM incidents WHERE zone_id IS NOT NULL AND ${where('station_code')}
         GROUP BY ALL
       UNION ALL
       SELECT 'station', '', station_code, "month", crime_group, count(*)
         FROM incidents WHERE ${where('station_code')}
         GROUP BY ALL
       UNION ALL
       SELECT 'ring', zone_id, station_code, "month", crime_group, count(*)
         FROM incident_rings WHERE ${where('station_code')}
         GROUP BY ALL
       UNION ALL
       SELECT CASE WHEN zone_id IS NULL THEN 'station' ELSE 'zone' END, coalesce(zone_id, ''),
              station_code, "month", crime_group, sum(cases)
         FROM monthly_counts WHERE ${where('station_code')}
         GROUP BY ALL
     ) GROUP BY ALL
     -- Stored in station/zone/month order so the KPI queries' joins and filters read few row groups.
     ORDER BY station_code, zone_id, "month"`,
    params,
  );

  await exec(conn, `DELETE FROM station_coverage WHERE ${where('station_code')}`, params);
  await exec(
    conn,
    `INSERT INTO station_coverage (station_code, first_month, last_month)
     SELECT station_code, min("month"), max("month") FROM (
       SELECT station_code, "month" FROM incidents WHERE ${where('station_code')}
       UNION ALL
       SELECT station_code, "month" FROM monthly_counts WHERE ${where('station_code')}
     ) GROUP BY station_code`,
    params,
  );

  await rebuildSurveyAggregate(conn, zoneWhere, params);
}

/**
 * Rebuilds survey_agg for the zones `zoneWhere` selects: the imported answers, and the resident
 * form's answers that are counted and neither held nor voided (opt-in, weight 1, the default
 * codebook's 5-point scale and the programme's rule, in the form's quarterly wave). The form's
 * intake calls it for the zones it just counted (services/survey-form-intake.ts).
 */
export async function rebuildSurveyAggregate(conn: DuckDBConnection, zoneWhere: string, params?: SqlParams) {
  await exec(conn, `DELETE FROM survey_agg WHERE ${zoneWhere}`, params);
  await exec(
    conn,
    `INSERT INTO survey_agg (zone_id, wave, wave_date, sample_type, item, scale_levels, status, level, n, sum_w, sum_w2, codebook_id)
     WITH answers AS (
       SELECT zone_id, surveyed_on, wave, sample_type, fear_level, fear_status, fear_levels,
              trust_level, trust_status, trust_levels, weight, codebook_id
         FROM survey_responses WHERE ${zoneWhere}
       UNION ALL
       SELECT zone_id, surveyed_on, ${FORM_WAVE_SQL('surveyed_on')}, 'opt_in', fear_level, fear_status, 5,
              trust_level, trust_status, 5, 1.0, NULL::INTEGER
         FROM survey_form_answers
        WHERE counted AND held_reason IS NULL AND voided_at IS NULL AND ${zoneWhere}
     ), r AS (
       SELECT *, max(surveyed_on) OVER (PARTITION BY zone_id, wave) AS wave_date FROM answers
     )
     SELECT zone_id, wave, wave_date, sample_type, 'fear', max(fear_levels)::INTEGER, fear_status, fear_level,
            count(*)::INTEGER, sum(weight), sum(weight * weight), codebook_id
       FROM r WHERE fear_levels IS NOT NULL GROUP BY zone_id, wave, wave_date, sample_type, fear_status, fear_level, codebook_id
     UNION ALL
     SELECT zone_id, wave, wave_date, sample_type, 'trust', max(trust_levels)::INTEGER, trust_status, trust_level,
            count(*)::INTEGER, sum(weight), sum(weight * weight), codebook_id
       FROM r WHERE trust_levels IS NOT NULL GROUP BY zone_id, wave, wave_date, sample_type, trust_status, trust_level, codebook_id`,
    params,
  );
}
