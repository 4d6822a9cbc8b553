import type { Migration } from './index.ts';

/**
 * Survey rules by codebook (kpi.md "Whose rule wins"): the survey aggregate keeps answers apart by
 * the codebook they were imported with, so each is counted under its own codebook's `counts` and
 * `denominator` (or the programme's setting when the codebook declares none). The aggregate is
 * rebuilt from the raw answers, which were always stored with their codebook.
 */
export const surveyRulesSchema: Migration = {
  version: 4,
  name: 'survey rules: survey_agg keeps answers apart by codebook',
  sql: `
ALTER TABLE survey_agg ADD COLUMN codebook_id INTEGER;
DELETE FROM survey_agg;
INSERT INTO survey_agg (zone_id, wave, wave_date, sample_type, item, scale_levels, status, level, n, sum_w, sum_w2, codebook_id)
WITH r AS (SELECT *, max(surveyed_on) OVER (PARTITION BY zone_id, wave) AS wave_date FROM survey_responses)
SELECT zone_id, wave, wave_date, sample_type, 'fear', max(fear_levels)::INTEGER, fear_status, fear_level,
       count(*)::INTEGER, sum(weight), sum(weight * weight), codebook_id
  FROM r WHERE fear_levels IS NOT NULL GROUP BY zone_id, wave, wave_date, sample_type, fear_status, fear_level, codebook_id
UNION ALL
SELECT zone_id, wave, wave_date, sample_type, 'trust', max(trust_levels)::INTEGER, trust_status, trust_level,
       count(*)::INTEGER, sum(weight), sum(weight * weight), codebook_id
  FROM r WHERE trust_levels IS NOT NULL GROUP BY zone_id, wave, wave_date, sample_type, trust_status, trust_level, codebook_id;
`,
};
