import type { Database } from '../db/database.ts';

/** Every wave of one zone, tallied per item, sample type and answer (for the per-wave chart). */
export interface ZoneWaveTallyRow {
  wave: string;
  waveDate: string;
  sampleType: 'probability' | 'opt_in';
  item: 'fear' | 'trust';
  scaleLevels: number;
  status: string;
  level: number | null;
  n: number;
  sumW: number;
  sumW2: number;
  codebookId: number | null;
}

export async function zoneSurveyWaves(db: Database, zoneId: string): Promise<ZoneWaveTallyRow[]> {
  return db.all<ZoneWaveTallyRow>(
    `SELECT wave, strftime(max(wave_date) OVER (PARTITION BY wave), '%Y-%m-%d') AS "waveDate",
            sample_type AS "sampleType", item, scale_levels AS "scaleLevels", status, level, n, sum_w AS "sumW", sum_w2 AS "sumW2",
            codebook_id AS "codebookId"
       FROM survey_agg WHERE zone_id = $zone
      ORDER BY "waveDate", wave, "sampleType", item, level NULLS LAST`,
    { zone: zoneId },
  );
}
