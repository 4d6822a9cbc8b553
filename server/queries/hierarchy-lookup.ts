import type { Database } from '../db/database.ts';

/** Codes found by a Thai name in the reference data (for scopes named in words, e.g. the demo users). */
export async function stationCodesByThaiName(db: Database, nameTh: string): Promise<string[]> {
  const rows = await db.all<{ code: string }>('SELECT code FROM stations WHERE name_th = $name', { name: nameTh });
  return rows.map((r) => r.code);
}

export async function zoneIdsOfMunicipality(db: Database, municipality: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>('SELECT id FROM zones WHERE municipality = $m ORDER BY id', {
    m: municipality,
  });
  return rows.map((r) => r.id);
}

export async function divisionCodesOfProvince(db: Database, provinceTh: string): Promise<string[]> {
  const rows = await db.all<{ code: string }>(
    'SELECT d.code FROM divisions d JOIN provinces p ON p.iso = d.province_iso WHERE p.name_th = $p',
    { p: provinceTh },
  );
  return rows.map((r) => r.code);
}

export async function bureauCodesByAbbreviation(db: Database, abbrTh: string): Promise<string[]> {
  const rows = await db.all<{ code: string }>('SELECT code FROM bureaus WHERE abbr_th = $abbr', { abbr: abbrTh });
  return rows.map((r) => r.code);
}
