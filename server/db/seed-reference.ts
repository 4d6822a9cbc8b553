import type { Database } from './database.ts';
import { appendRows } from './append.ts';
import {
  loadBureaus,
  loadDivisions,
  loadOffenceGroups,
  loadOffenceTypes,
  loadProvinces,
  loadStations,
} from '../reference/load.ts';

/**
 * Loads the reference data shipped in data/reference/ on every start. Hierarchy, provinces and
 * offence mappings are replaced by the shipped version; stations are only added when their code
 * is new, because a station import may have updated the registry since.
 */
export async function seedReference(db: Database): Promise<void> {
  await db.transaction(async (conn) => {
    await conn.run(
      'DELETE FROM bureaus; DELETE FROM divisions; DELETE FROM provinces; DELETE FROM offence_groups; DELETE FROM offence_types;',
    );
    await appendRows(
      conn,
      'bureaus',
      loadBureaus().map((b) => [b.code, b.name_th, b.name_en, b.abbr_th]),
    );
    await appendRows(
      conn,
      'divisions',
      loadDivisions().map((d) => [d.code, d.bureau_code, d.name_th, d.name_en, d.abbr_th, d.province_iso]),
    );
    await appendRows(
      conn,
      'provinces',
      loadProvinces().map((p) => [p.iso_3166_2, p.name_th, p.name_en, p.police_bureau_code]),
    );
    await appendRows(
      conn,
      'offence_groups',
      loadOffenceGroups().map((g) => [g.scheme, g.group_no, g.name_th, g.name_en, g.is_state_victim]),
    );
    await appendRows(
      conn,
      'offence_types',
      loadOffenceTypes().map((t) => [
        t.mapping_version,
        t.type_key,
        t.name_th,
        t.name_en,
        t.group_current4,
        t.group_legacy5,
      ]),
    );
    await conn.run('CREATE TEMP TABLE shipped_stations AS SELECT * FROM stations LIMIT 0');
    await appendRows(
      conn,
      'shipped_stations',
      loadStations().map((s) => [
        s.code,
        s.name_th,
        s.name_en,
        s.kind,
        s.division_code,
        s.province_iso,
        s.lat,
        s.lon,
        null,
      ]),
    );
    await conn.run('INSERT INTO stations SELECT * FROM shipped_stations WHERE code NOT IN (SELECT code FROM stations)');
    await conn.run('DROP TABLE shipped_stations');
  });
}
