import { type Database, textList } from '../db/database.ts';

/** A stored codebook (as imported with its answers): its name and JSON body. */
export interface StoredCodebookRow {
  id: number;
  name: string;
  body: string;
}

/** The codebooks that answers in the survey aggregate were imported with. */
export async function surveyCodebooks(db: Database): Promise<StoredCodebookRow[]> {
  return db.all<StoredCodebookRow>(
    `SELECT id, name, body::VARCHAR AS body FROM codebooks
      WHERE id IN (SELECT DISTINCT codebook_id FROM survey_agg WHERE codebook_id IS NOT NULL)
      ORDER BY id`,
  );
}

/** Respondents per zone, item and codebook (the settings screen: whose answers follow which codebook). */
export interface ZoneCodebookRow {
  zoneId: string;
  item: 'fear' | 'trust';
  codebookId: number | null;
  respondents: number;
}

export async function zoneCodebookUse(db: Database, zoneIds: readonly string[] | null): Promise<ZoneCodebookRow[]> {
  return db.all<ZoneCodebookRow>(
    `SELECT zone_id AS "zoneId", item, codebook_id AS "codebookId", sum(n)::INTEGER AS respondents
       FROM survey_agg WHERE $allZones OR list_contains($zones, zone_id)
      GROUP BY ALL ORDER BY 1, 2, 3`,
    { allZones: zoneIds === null, zones: textList(zoneIds ?? []) },
  );
}
