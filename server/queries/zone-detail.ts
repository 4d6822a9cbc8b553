import { type Database, textList } from '../db/database.ts';

export interface PartnerRow {
  partner: string;
  partnerType: string;
  mouDate: string | null;
  zoneId: string | null;
  cctv: number | null;
  volunteers: number | null;
  vehicles: number | null;
  budgetThb: number | null;
}

/** A zone's MOU partners: those signed for the zone itself and those signed for its whole station. */
export async function zonePartners(db: Database, zoneId: string): Promise<PartnerRow[]> {
  return db.all<PartnerRow>(
    `SELECT p.partner, p.partner_type AS "partnerType", strftime(p.mou_date, '%Y-%m-%d') AS "mouDate", p.zone_id AS "zoneId",
            p.cctv, p.volunteers, p.vehicles, p.budget_thb AS "budgetThb"
       FROM partners p JOIN zones z ON z.id = $zone
      WHERE p.zone_id = z.id OR (p.zone_id IS NULL AND p.station_code = z.station_code)
      ORDER BY p.mou_date NULLS LAST, p.partner`,
    { zone: zoneId },
  );
}

export interface ZoneGeometryRow {
  id: string;
  nameTh: string;
  nameEn: string | null;
  geometry: string;
}

/** Zone outlines as GeoJSON geometry text, for maps. */
export async function zoneGeometries(db: Database, zoneIds: string[] | null): Promise<ZoneGeometryRow[]> {
  return db.all<ZoneGeometryRow>(
    `SELECT id, name_th AS "nameTh", name_en AS "nameEn", geometry::VARCHAR AS geometry
       FROM zones WHERE $allZones OR list_contains($zones, id) ORDER BY id`,
    { allZones: zoneIds === null, zones: textList(zoneIds ?? []) },
  );
}
