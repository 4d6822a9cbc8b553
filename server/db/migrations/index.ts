/**
 * Numbered schema migrations, applied in order on start (see ../migrate.ts).
 * Never edit a migration that has shipped: add a new file and list it here. A migration only adds
 * or reshapes; it never drops data a user imported.
 */
import { coreSchema } from './001-core.ts';
import { authSchema } from './002-auth.ts';
import { importsSchema } from './003-imports.ts';
import { surveyRulesSchema } from './004-survey-rules.ts';
import { problemsSchema } from './005-problems.ts';
import { residentSurveySchema } from './006-resident-survey.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  coreSchema,
  authSchema,
  importsSchema,
  surveyRulesSchema,
  problemsSchema,
  residentSurveySchema,
];
