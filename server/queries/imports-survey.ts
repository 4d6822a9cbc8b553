import type { DuckDBConnection } from '@duckdb/node-api';
import { type StageColumns, stageRows } from '../db/append.ts';
import { exec, query } from '../db/database.ts';

export interface SurveyRow {
  zone_id: string;
  /** 'YYYY-MM-DD' */
  surveyed_on: string;
  wave: string;
  sample_type: string;
  fear_raw: string | null;
  fear_level: number | null;
  fear_status: string;
  fear_levels: number | null;
  trust_raw: string | null;
  trust_level: number | null;
  trust_status: string;
  trust_levels: number | null;
  weight: number;
  sex: string | null;
  age_band: string | null;
}

/** The staging table's columns, in the order they are appended. */
const SURVEY_STAGE: StageColumns<SurveyRow> = [
  ['zone_id', 'VARCHAR'],
  ['surveyed_on', 'VARCHAR'],
  ['wave', 'VARCHAR'],
  ['sample_type', 'VARCHAR'],
  ['fear_raw', 'VARCHAR'],
  ['fear_level', 'INTEGER'],
  ['fear_status', 'VARCHAR'],
  ['fear_levels', 'INTEGER'],
  ['trust_raw', 'VARCHAR'],
  ['trust_level', 'INTEGER'],
  ['trust_status', 'VARCHAR'],
  ['trust_levels', 'INTEGER'],
  ['weight', 'DOUBLE'],
  ['sex', 'VARCHAR'],
  ['age_band', 'VARCHAR'],
];

/**
 * Stores the codebook used (null: the answers follow the programme's setting, as the demo's do) and
 * the responses (staged through the appender, then one INSERT).
 */
export async function writeSurvey(
  conn: DuckDBConnection,
  codebook: { name: string } | null,
  rows: readonly SurveyRow[],
  importId: number,
): Promise<number> {
  let codebookId: number | null = null;
  if (codebook !== null) {
    const [cb] = await query<{ id: number }>(
      conn,
      'INSERT INTO codebooks (name, body, import_id) VALUES ($name, $body::JSON, $importId) RETURNING id',
      { name: codebook.name, body: JSON.stringify(codebook), importId },
    );
    codebookId = cb?.id ?? null;
  }
  await stageRows(conn, 'stage_survey', SURVEY_STAGE, rows);
  await exec(
    conn,
    `INSERT INTO survey_responses (zone_id, surveyed_on, wave, sample_type, fear_raw, fear_level, fear_status, fear_levels,
                                  trust_raw, trust_level, trust_status, trust_levels, weight, sex, age_band, codebook_id, import_id)
     SELECT zone_id, CAST(surveyed_on AS DATE), wave, sample_type, fear_raw, fear_level, fear_status, fear_levels,
            trust_raw, trust_level, trust_status, trust_levels, weight, sex, age_band, $codebookId, $importId
       FROM stage_survey`,
    { codebookId, importId },
  );
  await exec(conn, 'DROP TABLE stage_survey');
  return rows.length;
}
