import type { Database } from '../db/database.ts';

export interface ProblemCategoryRow {
  code: string;
  nameTh: string;
  nameEn: string;
  version: number;
}

/** The current list of problem categories: the highest version, in its own order. */
export async function currentProblemCategories(db: Database): Promise<ProblemCategoryRow[]> {
  return db.all<ProblemCategoryRow>(
    `SELECT code, name_th AS "nameTh", name_en AS "nameEn", version FROM problem_categories
      WHERE version = (SELECT max(version) FROM problem_categories)
      ORDER BY sort, code`,
  );
}
