/**
 * The zone page's incident layer: located incidents in the zone and its buffer ring for a period,
 * optionally one offence group, as GeoJSON points. The route checks the zone is in scope (the one
 * zone check, assertZoneInScope); location privacy is applied here: each point is exact or moved
 * to its 100 m grid cell per server/auth/location.ts. A point carries its month, group, type and area only: never a case
 * number, a name or a time of day.
 */
import { exactLocationStations, snapPoint } from '../auth/location.ts';
import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import { expandBBox, pointToRingM } from '../geo/measure.ts';
import type { Ring } from '../geo/types.ts';
import { monthStartDate } from '../contracts/calendar.ts';
import { readSettings } from '../queries/settings.ts';
import { zoneGeometries } from '../queries/zone-detail.ts';
import { zoneBox, zoneIncidentPoints } from '../queries/zone-incident-points.ts';
import { effectiveSettings } from '../settings/kpi-settings.ts';

export type IncidentArea = 'zone' | 'ring';

export interface IncidentPointFeature {
  type: 'Feature';
  id: number;
  properties: { month: string; group: number; type: string; area: IncidentArea };
  geometry: { type: 'Point'; coordinates: [number, number] };
}

export interface ZoneIncidents {
  type: 'FeatureCollection';
  zoneId: string;
  period: { from: string; to: string } | null;
  group: number | null;
  bufferMeters: number;
  /** true: exact points; false: every point was moved to the centre of its 100 m cell. */
  exact: boolean;
  features: IncidentPointFeature[];
}

export interface ZoneIncidentsRequest {
  from?: string | undefined;
  to?: string | undefined;
  group?: number | undefined;
}

/** Outer rings of a zone's Polygon or MultiPolygon geometry text. */
function outerRings(geometryText: string): Ring[] {
  const geometry = JSON.parse(geometryText) as
    | { type: 'Polygon'; coordinates: Ring[] }
    | { type: 'MultiPolygon'; coordinates: Ring[][] };
  if (geometry.type === 'Polygon') return geometry.coordinates.slice(0, 1);
  return geometry.coordinates.map((polygon) => polygon[0]).filter((ring): ring is Ring => ring !== undefined);
}

/** The incidents layer of one (in-scope) zone, or null when there is no such zone. */
export async function zoneIncidents(
  db: Database,
  principal: Principal,
  zoneId: string,
  request: ZoneIncidentsRequest,
): Promise<ZoneIncidents | null> {
  const [box, settings, [geometry], exactStations] = await Promise.all([
    zoneBox(db, zoneId),
    readSettings(db),
    zoneGeometries(db, [zoneId]),
    exactLocationStations(db, principal),
  ]);
  if (!box || !geometry) return null;
  const { bufferMeters } = effectiveSettings(settings.programme, settings.zones.get(zoneId));
  const period = request.from && request.to ? { from: request.from, to: request.to } : null;
  const rows = await zoneIncidentPoints(db, {
    stationCode: box.stationCode,
    box: expandBBox(box, bufferMeters),
    fromMonth: period ? monthStartDate(period.from) : null,
    toMonth: period ? monthStartDate(period.to) : null,
    group: request.group ?? null,
  });
  const rings = outerRings(geometry.geometry);
  const features: IncidentPointFeature[] = [];
  let exact = true;
  for (const row of rows) {
    // The area is judged on the stored point, before any snapping.
    let area: IncidentArea | null = row.zoneId === zoneId ? 'zone' : null;
    if (!area && rings.some((ring) => pointToRingM([row.lon, row.lat], ring) < bufferMeters)) area = 'ring';
    if (!area) continue;
    const shown = snapPoint(row.lat, row.lon, principal, row.stationCode, exactStations);
    exact &&= shown.exact;
    features.push({
      type: 'Feature',
      id: features.length,
      properties: { month: row.month, group: row.group, type: row.type, area },
      geometry: { type: 'Point', coordinates: [shown.lon, shown.lat] },
    });
  }
  return {
    type: 'FeatureCollection',
    zoneId,
    period,
    group: request.group ?? null,
    bufferMeters,
    exact,
    features,
  };
}
