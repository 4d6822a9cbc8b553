import { type Database, textList } from '../db/database.ts';

/**
 * One weighted tally of a zone's survey answers: per item, sample type, wave selection and answer
 * (a valid level, or a non-answer status). The pure survey maths (kpi/survey.ts) turns them into
 * estimates for any "who counts" level set and either denominator.
 */
export interface SurveyTallyRow {
  zoneId: string;
  item: 'fear' | 'trust';
  sampleType: 'probability' | 'opt_in';
  /** 'current' = the KPI's wave(s) in the period; 'baseline' = the latest wave dated before the start. */
  selection: 'current' | 'baseline';
  wave: string;
  waveDate: string;
  scaleLevels: number;
  status: string;
  level: number | null;
  n: number;
  sumW: number;
  sumW2: number;
  /** The codebook the answers were imported with (null: none recorded); its rule may apply. */
  codebookId: number | null;
}

export interface SurveyTallyParams {
  zoneIds: string[] | null;
  /** Period bounds as dates (inclusive); null = open. */
  fromDate: string | null;
  toDate: string | null;
  rule: 'latest_wave' | 'all_in_period';
}

/**
 * kpi.md "Which responses": waves are per zone (a label within one zone), dated by their last
 * survey date; the KPI takes the zone's latest wave in the period (or every wave in it), and the
 * baseline is the zone's latest wave dated before its start. Sample types are kept apart.
 * Mirrors kpi/survey.ts selectSurveyWaves, which the tests hold both to.
 */
export async function zoneSurveyTallies(db: Database, p: SurveyTallyParams): Promise<SurveyTallyRow[]> {
  return db.all<SurveyTallyRow>(
    `WITH a AS (
       SELECT * FROM survey_agg WHERE $allZones OR list_contains($zones, zone_id)
     ),
     waves AS (
       SELECT a.zone_id, a.sample_type, a.wave, max(a.wave_date) AS wave_date, any_value(z.start_date) AS start_date
         FROM a JOIN zones z ON z.id = a.zone_id GROUP BY ALL
     ),
     in_period AS (
       SELECT *, row_number() OVER (PARTITION BY zone_id, sample_type ORDER BY wave_date DESC, wave DESC) AS recency
         FROM waves
        WHERE ($fromDate IS NULL OR wave_date >= $fromDate::DATE) AND ($toDate IS NULL OR wave_date <= $toDate::DATE)
     ),
     before_start AS (
       SELECT *, row_number() OVER (PARTITION BY zone_id, sample_type ORDER BY wave_date DESC, wave DESC) AS recency
         FROM waves WHERE wave_date < start_date
     ),
     chosen AS (
       SELECT zone_id, sample_type, wave, 'current' AS selection FROM in_period
        WHERE $rule = 'all_in_period' OR recency = 1
       UNION ALL
       SELECT zone_id, sample_type, wave, 'baseline' FROM before_start WHERE recency = 1
     )
     SELECT a.zone_id AS "zoneId", a.item, a.sample_type AS "sampleType", c.selection, a.wave,
            strftime(a.wave_date, '%Y-%m-%d') AS "waveDate", a.scale_levels AS "scaleLevels",
            a.status, a.level, a.n, a.sum_w AS "sumW", a.sum_w2 AS "sumW2", a.codebook_id AS "codebookId"
       FROM chosen c JOIN a USING (zone_id, sample_type, wave)
      ORDER BY 1, 2, 3, 4`,
    {
      allZones: p.zoneIds === null,
      zones: textList(p.zoneIds ?? []),
      fromDate: p.fromDate,
      toDate: p.toDate,
      rule: p.rule,
    },
  );
}
