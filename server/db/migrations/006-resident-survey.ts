import type { Migration } from './index.ts';

/**
 * The resident survey form (issue #20):
 * - survey_form_answers: one row per answer posted through /s/<zone>. `token_id` is the signed
 *   form token's nonce (unique: the same token twice counts once). No address, no name, nothing
 *   that finds the person: the rate limit keeps addresses in memory for its window only.
 *   `counted` = folded into survey_agg (answers are written at once and counted in batches);
 *   `held_reason` = a tripped rate limit held it out of the figures; `voided_*` = an analyst voided
 *   it. Held and voided answers are kept, never deleted, and reach no figure.
 * - app_secrets: the server's own secrets (the form token's HMAC key), made on first use, so
 *   tokens survive a restart.
 */
export const residentSurveySchema: Migration = {
  version: 6,
  name: 'resident survey: form answers, server secrets',
  sql: `
CREATE SEQUENCE survey_form_answer_ids START 1;
CREATE TABLE survey_form_answers (
  id INTEGER NOT NULL DEFAULT nextval('survey_form_answer_ids'),
  zone_id VARCHAR NOT NULL,
  received_at TIMESTAMPTZ NOT NULL,
  -- The Bangkok hour it arrived in ('YYYY-MM-DD HH:00'): moderation lists and voids bursts by zone and hour.
  received_hour VARCHAR NOT NULL,
  surveyed_on DATE NOT NULL,
  token_id VARCHAR NOT NULL UNIQUE,
  fear_level INTEGER,
  fear_status VARCHAR NOT NULL,
  trust_level INTEGER,
  trust_status VARCHAR NOT NULL,
  sex VARCHAR,
  age_band VARCHAR,
  lang VARCHAR NOT NULL,
  counted BOOLEAN NOT NULL DEFAULT false,
  held_reason VARCHAR,
  voided_at TIMESTAMPTZ,
  voided_by VARCHAR,
  void_reason VARCHAR
);
CREATE TABLE app_secrets (
  name VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
`,
};
