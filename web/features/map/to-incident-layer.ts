/**
 * Pure transforms for the zone page's incident map: the buffer ring's outline around a zone, the
 * colour of each offence group, the text a clicked point shows, and the count of incidents a set
 * of rendered points and clusters stands for.
 */
import type { ZoneIncidents } from '../../api/types.ts';
import { formatMonth, type Lang } from '../../i18n/format.ts';

type Position = [number, number];

const METRES_PER_DEGREE = 111_320;

/** Same order as the four-group scheme: violent, property, special laws/fraud, state as victim. */
export const GROUP_COLORS: Record<number, string> = {
  1: '#b3261e',
  2: '#1f5fa8',
  3: '#7a3fa0',
  4: '#5d6b2f',
};
export const OTHER_GROUP_COLOR = '#555555';

export function groupColor(group: number): string {
  return GROUP_COLORS[group] ?? OTHER_GROUP_COLOR;
}

/** Convex hull (Andrew's monotone chain), closed ring, counter-clockwise. */
export function convexHull(points: readonly Position[]): Position[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return [...sorted, ...(sorted[0] ? [sorted[0]] : [])];
  const cross = (o: Position, a: Position, b: Position) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Position[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as Position, lower[lower.length - 1] as Position, p) <= 0)
      lower.pop();
    lower.push(p);
  }
  const upper: Position[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i] as Position;
    while (upper.length >= 2 && cross(upper[upper.length - 2] as Position, upper[upper.length - 1] as Position, p) <= 0)
      upper.pop();
    upper.push(p);
  }
  const hull = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  return [...hull, hull[0] as Position];
}

/**
 * The outline of the buffer ring: every point within `metres` of the zone's outer ring, drawn as
 * the convex hull of circles (24 sides) around its vertices. Exact for a convex zone; for a zone
 * with a notch it closes the notch (drawn a little larger, never smaller, than the ring counted).
 */
export function bufferOutline(ring: readonly Position[], metres: number, sides = 24): Position[] {
  const points: Position[] = [];
  for (const [lon, lat] of ring) {
    const dLat = metres / METRES_PER_DEGREE;
    const dLon = metres / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
    for (let k = 0; k < sides; k++) {
      const angle = (2 * Math.PI * k) / sides;
      points.push([lon + dLon * Math.cos(angle), lat + dLat * Math.sin(angle)]);
    }
  }
  return convexHull(points);
}

/** The outer rings of a Polygon or MultiPolygon geometry. */
export function outerRings(geometry: { type: string; coordinates: unknown }): Position[][] {
  if (geometry.type === 'Polygon') return (geometry.coordinates as Position[][]).slice(0, 1);
  if (geometry.type === 'MultiPolygon')
    return (geometry.coordinates as Position[][][]).map((polygon) => polygon[0]).filter((r): r is Position[] => !!r);
  return [];
}

/** The buffer ring of a zone as a GeoJSON polygon per part (for the map's dashed line). */
export function bufferRingFeature(geometry: { type: string; coordinates: unknown }, metres: number) {
  return {
    type: 'FeatureCollection' as const,
    features: outerRings(geometry).map((ring) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Polygon' as const, coordinates: [bufferOutline(ring, metres)] },
    })),
  };
}

/** A point's properties as GET /api/zones/:id/incidents sends them (month, group, type, area). */
export type IncidentProperties = ZoneIncidents['features'][number]['properties'];

/** What a clicked point says: month (BE in Thai), group name, offence type, and where it lies. */
export function incidentPopupLines(
  p: IncidentProperties,
  lang: Lang,
  groupName: (group: number) => string,
  areaName: (area: IncidentProperties['area']) => string,
): string[] {
  return [formatMonth(p.month, lang, 'long'), groupName(p.group), p.type, areaName(p.area)];
}

/** Incidents behind rendered features: a cluster counts its points, a point counts one. */
export function countRenderedIncidents(
  features: ReadonlyArray<{ properties?: Record<string, unknown> | null }>,
): number {
  let total = 0;
  for (const f of features) {
    const n = f.properties?.point_count;
    total += typeof n === 'number' ? n : 1;
  }
  return total;
}
