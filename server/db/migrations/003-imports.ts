import type { Migration } from './index.ts';

/**
 * Import pipeline (server/importers/): what an import needs beyond the core tables.
 * - imports gains the details the history screen and undo need: format, size, the stations an
 *   import touched (scope checks for undo, aggregate refresh), the options it ran with, warnings.
 * - import_mappings: column mappings saved by name ("the station exports the same file every
 *   month"), with the options that go with them (station, encoding, sheet, offence types...).
 * - offence_type_mappings: offence labels a user mapped to a group because the reference table
 *   (offence_types) did not know them; later imports reuse them.
 * - import_replaced: the previous version of every registry row (stations, zones) an import
 *   updated in place, so undo can put it back exactly.
 * - incidents.zone_from_file: the file named the zone (it wins over point-in-polygon), so a
 *   later change of a zone's polygon re-assigns only the other incidents.
 */
export const importsSchema: Migration = {
  version: 3,
  name: 'imports: history details, saved column mappings, user offence mappings, replaced rows',
  sql: `
ALTER TABLE imports ADD COLUMN format VARCHAR;
ALTER TABLE imports ADD COLUMN file_bytes BIGINT;
ALTER TABLE imports ADD COLUMN station_codes VARCHAR[];
ALTER TABLE imports ADD COLUMN options JSON;
ALTER TABLE imports ADD COLUMN warnings INTEGER;
ALTER TABLE imports ADD COLUMN forced BOOLEAN;
ALTER TABLE incidents ADD COLUMN zone_from_file BOOLEAN;

CREATE TABLE import_mappings (
  name VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,
  columns JSON NOT NULL,
  options JSON,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by VARCHAR NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE offence_type_mappings (
  label_key VARCHAR PRIMARY KEY,
  label VARCHAR NOT NULL,
  group_current4 INTEGER NOT NULL,
  group_legacy5 INTEGER,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  import_id INTEGER
);

CREATE TABLE import_replaced (
  import_id INTEGER NOT NULL,
  tbl VARCHAR NOT NULL,
  row_key VARCHAR NOT NULL,
  previous JSON NOT NULL
);
`,
};
