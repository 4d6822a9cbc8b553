/**
 * The zone list and map behind /api/zones, and one zone as a route needing it in scope sees it.
 * Scope: `zoneIds` is the principal's zone list (null = the whole country), see auth/principal.ts.
 */
import { zoneVisible } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import { zoneGeometries } from '../queries/zone-detail.ts';
import { type ZoneDirectoryRow, zoneDirectory } from '../queries/zone-directory.ts';

export function zoneList(db: Database, zoneIds: string[] | null): Promise<ZoneDirectoryRow[]> {
  return zoneDirectory(db, zoneIds);
}

/** The zones in scope as a GeoJSON FeatureCollection (the overview's map). */
export async function zoneFeatureCollection(db: Database, zoneIds: string[] | null) {
  const rows = await zoneGeometries(db, zoneIds);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      properties: { id: r.id, nameTh: r.nameTh, nameEn: r.nameEn ?? r.nameTh },
      geometry: JSON.parse(r.geometry) as { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown },
    })),
  };
}

/** The zone if it exists and is in scope; null otherwise (routes answer 404 for both, so ids cannot be probed). */
export async function visibleZone(
  db: Database,
  zoneIds: readonly string[] | null,
  zoneId: string,
): Promise<ZoneDirectoryRow | null> {
  if (!zoneVisible(zoneIds, zoneId)) return null;
  const [zone] = await zoneDirectory(db, [zoneId]);
  return zone ?? null;
}
