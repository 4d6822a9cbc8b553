import type { DuckDBConnection } from '@duckdb/node-api';
import { type StageColumns, stageRows } from '../db/append.ts';
import { type Database, exec, textList } from '../db/database.ts';

export interface PartnerRow {
  zone_id: string | null;
  station_code: string;
  partner: string;
  partner_type: string;
  /** 'YYYY-MM-DD'; null = no MOU signed yet (the demo has such partners; imports require a date). */
  mou_date: string | null;
  cctv: number | null;
  volunteers: number | null;
  vehicles: number | null;
  budget_thb: number | null;
}

/** Identity of a partner row for "already imported" checks: every column. */
export function partnerKey(r: PartnerRow): string {
  return [
    r.zone_id ?? '',
    r.station_code,
    r.partner,
    r.partner_type,
    r.mou_date,
    r.cctv ?? '',
    r.volunteers ?? '',
    r.vehicles ?? '',
    r.budget_thb ?? '',
  ].join('\u0000');
}

/** Stored partner rows of these stations: key -> import id. */
export async function existingPartnerKeys(db: Database, stations: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (stations.length === 0) return out;
  const rows = await db.all<PartnerRow & { import_id: number | null }>(
    `SELECT zone_id, station_code, partner, partner_type, strftime(mou_date, '%Y-%m-%d') AS mou_date, cctv, volunteers,
            vehicles, budget_thb, import_id
       FROM partners WHERE list_contains($stations, station_code) AND mou_date IS NOT NULL`,
    { stations: textList([...stations]) },
  );
  for (const r of rows) out.set(partnerKey(r), r.import_id ?? 0);
  return out;
}

/** The staging table's columns, in the order they are appended. */
const PARTNERS_STAGE: StageColumns<PartnerRow> = [
  ['zone_id', 'VARCHAR'],
  ['station_code', 'VARCHAR'],
  ['partner', 'VARCHAR'],
  ['partner_type', 'VARCHAR'],
  ['mou_date', 'VARCHAR'],
  ['cctv', 'INTEGER'],
  ['volunteers', 'INTEGER'],
  ['vehicles', 'INTEGER'],
  ['budget_thb', 'DOUBLE'],
];

export async function writePartners(
  conn: DuckDBConnection,
  rows: readonly PartnerRow[],
  importId: number,
): Promise<number> {
  await stageRows(conn, 'stage_partners', PARTNERS_STAGE, rows);
  await exec(
    conn,
    `INSERT INTO partners (zone_id, station_code, partner, partner_type, mou_date, cctv, volunteers, vehicles, budget_thb, import_id)
     SELECT zone_id, station_code, partner, partner_type, CAST(mou_date AS DATE), cctv, volunteers, vehicles, budget_thb, $importId
       FROM stage_partners`,
    { importId },
  );
  await exec(conn, 'DROP TABLE stage_partners');
  return rows.length;
}
