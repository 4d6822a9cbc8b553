import { type Database, intList, textList } from '../db/database.ts';

/**
 * Survey sums for one zone, item, sample type and wave selection: everything the estimate,
 * Kish n_eff and the interval need, for any denominator, without raw rows.
 */
export interface SurveySumsRow {
  zoneId: string;
  item: 'fear' | 'trust';
  sampleType: 'probability' | 'opt_in';
  /** 'current' = the KPI's wave(s) in the period; 'baseline' = the latest wave dated before the start. */
  selection: 'current' | 'baseline';
  waves: string[];
  waveDate: string;
  scaleLevels: number;
  respondents: number;
  nValid: number;
  sumWValid: number;
  sumW2Valid: number;
  sumWCounted: number;
  sumWAll: number;
  sumW2All: number;
  /** Non-answers by reason (blank, dont_know, refused, missing, out_of_range), as a JSON object. */
  invalidJson: string;
}

export interface SurveySumsParams {
  zoneIds: string[] | null;
  /** Period bounds as dates (inclusive); null = open. */
  fromDate: string | null;
  toDate: string | null;
  rule: 'latest_wave' | 'all_in_period';
  /** Levels counted as fearful / trusting; null = the top two of the item's scale. */
  fearLevels: number[] | null;
  trustLevels: number[] | null;
}

/**
 * kpi.md "Which responses": waves are per zone (a label within one zone), dated by their last
 * survey date; the KPI takes the zone's latest wave in the period (or every wave in it), and the
 * baseline is the zone's latest wave dated before its start. Sample types are kept apart.
 */
export async function zoneSurveySums(db: Database, p: SurveySumsParams): Promise<SurveySumsRow[]> {
  return db.all<SurveySumsRow>(
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
        WHERE wave_date >= coalesce($fromDate::DATE, DATE '1900-01-01') AND wave_date <= coalesce($toDate::DATE, DATE '2999-12-31')
     ),
     before_start AS (
       SELECT *, row_number() OVER (PARTITION BY zone_id, sample_type ORDER BY wave_date DESC, wave DESC) AS recency
         FROM waves WHERE wave_date < start_date
     ),
     chosen AS (
       SELECT zone_id, sample_type, wave, wave_date, 'current' AS selection FROM in_period
        WHERE $rule = 'all_in_period' OR recency = 1
       UNION ALL
       SELECT zone_id, sample_type, wave, wave_date, 'baseline' FROM before_start WHERE recency = 1
     ),
     rows AS (
       SELECT c.selection, a.*,
              CASE WHEN a.status = 'valid' AND (
                     (a.item = 'fear' AND CASE WHEN $fearAuto THEN a.level >= a.scale_levels - 1 ELSE list_contains($fearLevels, a.level) END)
                  OR (a.item = 'trust' AND CASE WHEN $trustAuto THEN a.level >= a.scale_levels - 1 ELSE list_contains($trustLevels, a.level) END))
                   THEN a.sum_w ELSE 0 END AS w_counted
         FROM chosen c JOIN a USING (zone_id, sample_type, wave)
     ),
     invalid AS (
       SELECT zone_id, item, sample_type, selection, json_group_object(status, n) AS "invalidJson"
         FROM (SELECT zone_id, item, sample_type, selection, status, sum(n)::INTEGER AS n FROM rows WHERE status <> 'valid' GROUP BY ALL)
        GROUP BY ALL
     )
     SELECT r.zone_id AS "zoneId", r.item, r.sample_type AS "sampleType", r.selection,
            list_sort(list_distinct(list(r.wave))) AS waves, strftime(max(r.wave_date), '%Y-%m-%d') AS "waveDate",
            max(r.scale_levels)::INTEGER AS "scaleLevels",
            sum(r.n)::INTEGER AS respondents,
            coalesce(sum(r.n) FILTER (WHERE r.status = 'valid'), 0)::INTEGER AS "nValid",
            coalesce(sum(r.sum_w) FILTER (WHERE r.status = 'valid'), 0)::DOUBLE AS "sumWValid",
            coalesce(sum(r.sum_w2) FILTER (WHERE r.status = 'valid'), 0)::DOUBLE AS "sumW2Valid",
            sum(r.w_counted)::DOUBLE AS "sumWCounted",
            sum(r.sum_w)::DOUBLE AS "sumWAll", sum(r.sum_w2)::DOUBLE AS "sumW2All",
            coalesce(any_value(i."invalidJson"), '{}'::JSON) AS "invalidJson"
       FROM rows r LEFT JOIN invalid i USING (zone_id, item, sample_type, selection)
      GROUP BY r.zone_id, r.item, r.sample_type, r.selection
      ORDER BY 1, 2, 3, 4`,
    {
      allZones: p.zoneIds === null,
      zones: textList(p.zoneIds ?? []),
      fromDate: p.fromDate,
      toDate: p.toDate,
      rule: p.rule,
      fearAuto: p.fearLevels === null,
      trustAuto: p.trustLevels === null,
      fearLevels: intListOrEmpty(p.fearLevels),
      trustLevels: intListOrEmpty(p.trustLevels),
    },
  );
}

const intListOrEmpty = (levels: number[] | null) => intList(levels ?? []);
