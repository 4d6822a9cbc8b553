import type { Migration } from './index.ts';

/**
 * Core schema. Conventions:
 * - Every row that came from a file carries `import_id` so an import can be undone exactly.
 * - Months are DATE values on the 1st, bucketed in Asia/Bangkok; the column is always quoted "month".
 * - Incident times are Bangkok wall-clock TIMESTAMPs (no zone), as Thai files give them.
 * - Crime groups are stored in the current four-group scheme (1..4, 4 = state as victim);
 *   the legacy five-group number is kept beside it when a file used that scheme.
 */
export const coreSchema: Migration = {
  version: 1,
  name: 'core schema: hierarchy, zones, incidents, counts, surveys, imports, settings',
  sql: `
CREATE TABLE bureaus (
  code VARCHAR PRIMARY KEY,
  name_th VARCHAR NOT NULL,
  name_en VARCHAR NOT NULL,
  abbr_th VARCHAR NOT NULL
);
CREATE TABLE divisions (
  code VARCHAR PRIMARY KEY,
  bureau_code VARCHAR NOT NULL,
  name_th VARCHAR NOT NULL,
  name_en VARCHAR NOT NULL,
  abbr_th VARCHAR NOT NULL,
  province_iso VARCHAR
);
CREATE TABLE provinces (
  iso VARCHAR PRIMARY KEY,
  name_th VARCHAR NOT NULL,
  name_en VARCHAR NOT NULL,
  bureau_code VARCHAR NOT NULL
);
CREATE TABLE stations (
  code VARCHAR PRIMARY KEY,
  name_th VARCHAR NOT NULL,
  name_en VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  division_code VARCHAR NOT NULL,
  province_iso VARCHAR NOT NULL,
  lat DOUBLE,
  lon DOUBLE,
  import_id INTEGER
);
CREATE TABLE offence_groups (
  scheme VARCHAR NOT NULL,
  group_no INTEGER NOT NULL,
  name_th VARCHAR NOT NULL,
  name_en VARCHAR NOT NULL,
  is_state_victim BOOLEAN NOT NULL,
  PRIMARY KEY (scheme, group_no)
);
CREATE TABLE offence_types (
  mapping_version VARCHAR NOT NULL,
  type_key VARCHAR NOT NULL,
  name_th VARCHAR NOT NULL,
  name_en VARCHAR NOT NULL,
  group_current4 INTEGER NOT NULL,
  group_legacy5 INTEGER NOT NULL,
  PRIMARY KEY (mapping_version, type_key)
);

CREATE SEQUENCE imports_id_seq START 1;
CREATE TABLE imports (
  id INTEGER PRIMARY KEY DEFAULT nextval('imports_id_seq'),
  kind VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  username VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  row_counts JSON NOT NULL,
  mapping JSON,
  status VARCHAR NOT NULL DEFAULT 'committed',
  undone_at TIMESTAMPTZ,
  undone_by VARCHAR
);

CREATE TABLE zones (
  id VARCHAR PRIMARY KEY,
  station_code VARCHAR NOT NULL,
  name_th VARCHAR NOT NULL,
  name_en VARCHAR,
  kind VARCHAR,
  criteria VARCHAR,
  start_date DATE NOT NULL,
  population INTEGER,
  area_km2 DOUBLE,
  municipality VARCHAR,
  geometry JSON NOT NULL,
  min_lon DOUBLE NOT NULL,
  min_lat DOUBLE NOT NULL,
  max_lon DOUBLE NOT NULL,
  max_lat DOUBLE NOT NULL,
  import_id INTEGER
);

CREATE SEQUENCE partners_id_seq START 1;
CREATE TABLE partners (
  id INTEGER PRIMARY KEY DEFAULT nextval('partners_id_seq'),
  zone_id VARCHAR,
  station_code VARCHAR NOT NULL,
  partner VARCHAR NOT NULL,
  partner_type VARCHAR NOT NULL,
  mou_date DATE,
  cctv INTEGER,
  volunteers INTEGER,
  vehicles INTEGER,
  budget_thb DOUBLE,
  import_id INTEGER
);

-- One row per case. zone_id / ring_zone_id are assigned by point-in-polygon (or given by the file).
CREATE TABLE incidents (
  case_id VARCHAR,
  occurred_at TIMESTAMP,
  "month" DATE NOT NULL,
  crime_type VARCHAR NOT NULL,
  crime_group INTEGER NOT NULL,
  legacy_group INTEGER,
  lat DOUBLE,
  lon DOUBLE,
  station_code VARCHAR NOT NULL,
  zone_id VARCHAR,
  import_id INTEGER NOT NULL
);
-- An incident can lie in the buffer ring of more than one zone.
CREATE TABLE incident_rings (
  zone_id VARCHAR NOT NULL,
  station_code VARCHAR NOT NULL,
  "month" DATE NOT NULL,
  crime_group INTEGER NOT NULL,
  import_id INTEGER NOT NULL
);

-- Aggregates as stations report them when no case rows exist. zone_id NULL = whole station.
CREATE TABLE monthly_counts (
  station_code VARCHAR NOT NULL,
  zone_id VARCHAR,
  "month" DATE NOT NULL,
  crime_group INTEGER NOT NULL,
  crime_type VARCHAR,
  cases INTEGER NOT NULL,
  import_id INTEGER NOT NULL
);

-- The maintained zone x month x group aggregate every crime KPI reads (see queries/crime-aggregate.ts).
-- area: 'zone' = inside the zone, 'ring' = its buffer ring, 'station' = the whole station (zone_id = '').
CREATE TABLE crime_monthly (
  area VARCHAR NOT NULL,
  zone_id VARCHAR NOT NULL,
  station_code VARCHAR NOT NULL,
  "month" DATE NOT NULL,
  crime_group INTEGER NOT NULL,
  cases INTEGER NOT NULL
);
-- Whole months each station has data for (first..last), the "covered months" of kpi.md.
CREATE TABLE station_coverage (
  station_code VARCHAR PRIMARY KEY,
  first_month DATE NOT NULL,
  last_month DATE NOT NULL
);

CREATE SEQUENCE codebooks_id_seq START 1;
CREATE TABLE codebooks (
  id INTEGER PRIMARY KEY DEFAULT nextval('codebooks_id_seq'),
  name VARCHAR NOT NULL,
  body JSON NOT NULL,
  import_id INTEGER
);

-- One row per respondent; raw answers are kept so a codebook rule can change without re-importing.
-- *_status: valid | blank | missing | refused | dont_know | out_of_range
CREATE TABLE survey_responses (
  zone_id VARCHAR NOT NULL,
  surveyed_on DATE NOT NULL,
  wave VARCHAR NOT NULL,
  sample_type VARCHAR NOT NULL,
  fear_raw VARCHAR,
  fear_level INTEGER,
  fear_status VARCHAR NOT NULL,
  fear_levels INTEGER,
  trust_raw VARCHAR,
  trust_level INTEGER,
  trust_status VARCHAR NOT NULL,
  trust_levels INTEGER,
  weight DOUBLE NOT NULL,
  sex VARCHAR,
  age_band VARCHAR,
  codebook_id INTEGER,
  import_id INTEGER NOT NULL
);

-- Maintained survey aggregate: per zone, wave, sample type, item and answer (level or non-answer).
-- Any "who counts" level set and either denominator can be computed from it without raw rows.
CREATE TABLE survey_agg (
  zone_id VARCHAR NOT NULL,
  wave VARCHAR NOT NULL,
  wave_date DATE NOT NULL,
  sample_type VARCHAR NOT NULL,
  item VARCHAR NOT NULL,
  scale_levels INTEGER NOT NULL,
  status VARCHAR NOT NULL,
  level INTEGER,
  n INTEGER NOT NULL,
  sum_w DOUBLE NOT NULL,
  sum_w2 DOUBLE NOT NULL
);

-- Programme defaults (scope = 'programme') and per-zone overrides (scope = zone id).
CREATE TABLE settings (
  scope VARCHAR NOT NULL,
  key VARCHAR NOT NULL,
  value JSON NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by VARCHAR,
  PRIMARY KEY (scope, key)
);
`,
};
