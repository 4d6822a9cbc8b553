import type { Migration } from './index.ts';

/**
 * Stronger Together (issue #21): community problems raised by each station's citizen network.
 * - problem_categories: a versioned list (version, code) with Thai and English names; the current
 *   list is the highest version. A later list comes as a new migration adding rows of version 2:
 *   problems keep the version they were recorded under.
 * - problems: one row per problem, with its current level and status and the highest level it has
 *   reached (top_rank: 0 station .. 5 national, contracts/problems.ts), which decides who above the
 *   station sees it. import_id is set for imported problems (undo removes them and their history).
 * - problem_events: the dated history of every level and status change (the first event is the
 *   problem being raised). on_date is the day the change happened (Bangkok), `at` when it was
 *   recorded; figures "as of" a day read the history, not the current row.
 */
export const problemsSchema: Migration = {
  version: 5,
  name: 'Stronger Together: problem categories, problems and their history',
  sql: `
CREATE TABLE problem_categories (
  version INTEGER NOT NULL,
  code VARCHAR NOT NULL,
  name_th VARCHAR NOT NULL,
  name_en VARCHAR NOT NULL,
  sort INTEGER NOT NULL,
  PRIMARY KEY (version, code)
);
INSERT INTO problem_categories VALUES
  (1, 'drugs', 'ยาเสพติด', 'Drugs', 1),
  (1, 'gambling', 'การพนัน', 'Gambling', 2),
  (1, 'dark_spots', 'จุดมืด จุดเสี่ยง', 'Dark spots', 3),
  (1, 'road_danger', 'อุบัติเหตุและความปลอดภัยทางถนน', 'Road danger', 4),
  (1, 'stray_dogs', 'สุนัขจรจัด', 'Stray dogs', 5),
  (1, 'noise', 'เสียงดังรบกวน', 'Noise', 6),
  (1, 'youth_gangs', 'กลุ่มวัยรุ่นก่อเหตุ', 'Youth gangs', 7),
  (1, 'theft', 'ลักทรัพย์ในชุมชน', 'Theft in the community', 8),
  (1, 'online_fraud', 'ภัยออนไลน์ แก๊งคอลเซ็นเตอร์', 'Online and call-centre fraud', 9),
  (1, 'other', 'อื่น ๆ', 'Other', 99);

CREATE SEQUENCE problems_id_seq START 1;
CREATE TABLE problems (
  id INTEGER PRIMARY KEY DEFAULT nextval('problems_id_seq'),
  category VARCHAR NOT NULL,
  category_version INTEGER NOT NULL,
  raised_on DATE NOT NULL,
  station_code VARCHAR NOT NULL,
  zone_id VARCHAR,
  lon DOUBLE,
  lat DOUBLE,
  description VARCHAR NOT NULL,
  raised_by VARCHAR NOT NULL,
  level VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  top_rank INTEGER NOT NULL,
  resolved_on DATE,
  resolution_note VARCHAR,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  import_id INTEGER
);
CREATE TABLE problem_events (
  problem_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  on_date DATE NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  level VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  note VARCHAR,
  username VARCHAR NOT NULL,
  import_id INTEGER,
  PRIMARY KEY (problem_id, seq)
);
`,
};
