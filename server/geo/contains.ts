/**
 * Exact point-in-polygon predicates (no index). `buildZoneIndex` (index.ts) gives the same answers
 * bit for bit; these are the reference it is tested against, and what one-off callers use.
 *
 * Boundary rule: a polygon is a CLOSED set. A point on an outer ring or on a hole's ring (a vertex,
 * or on an edge up to floating-point exactness: the cross product of the edge and the point,
 * evaluated in degrees, is exactly 0 and the point is within the edge's box) is inside. Points
 * strictly inside a hole are outside. Everything else is decided by even-odd ray casting.
 */
import { metresPerDegreeLon, polygonsOf, segmentDist2 } from './measure.ts';
import type { ReadonlyPolygonCoordinates, ReadonlyPosition, ReadonlyRing, ReadonlyZoneGeometry } from './types.ts';

/**
 * Even-odd ray casting against one ring (closed: first === last). Points exactly on the boundary
 * may fall either way; use `pointInPolygon` for the closed-set rule.
 */
export function pointInRing(lon: number, lat: number, ring: ReadonlyRing): boolean {
  let inside = false;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as ReadonlyPosition;
    const b = ring[i + 1] as ReadonlyPosition;
    if (crosses(lon, lat, a[0], a[1], b[0], b[1])) inside = !inside;
  }
  return inside;
}

/**
 * Does the horizontal ray from (px, py) towards +lon cross edge (ax, ay)-(bx, by)? Half-open in
 * latitude, so a ray through a vertex counts once. Shared with the spatial index.
 */
export function crosses(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  return ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax;
}

/** Is (px, py) on the segment (ax, ay)-(bx, by), to floating-point exactness? Shared with the index. */
export function onSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  if (px < Math.min(ax, bx) || px > Math.max(ax, bx)) return false;
  if (py < Math.min(ay, by) || py > Math.max(ay, by)) return false;
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax) === 0;
}

/**
 * How two segments a-b and c-d meet: 'cross' = their interiors cross at one point; 'overlap' =
 * collinear with a shared stretch of positive length; 'touch' = they share only a point that is an
 * end point of one of them; 'none'. Orientation signs in double precision.
 */
export type SegmentContact = 'none' | 'touch' | 'cross' | 'overlap';

export function segmentContact(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): SegmentContact {
  const o1 = Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  const o2 = Math.sign((bx - ax) * (dy - ay) - (by - ay) * (dx - ax));
  const o3 = Math.sign((dx - cx) * (ay - cy) - (dy - cy) * (ax - cx));
  const o4 = Math.sign((dx - cx) * (by - cy) - (dy - cy) * (bx - cx));
  if (o1 * o2 < 0 && o3 * o4 < 0) return 'cross';
  if (o1 === 0 && o2 === 0) {
    // Collinear: compare the extents along the dominant axis.
    const useX = Math.abs(bx - ax) + Math.abs(dx - cx) >= Math.abs(by - ay) + Math.abs(dy - cy);
    const lo = useX ? Math.max(Math.min(ax, bx), Math.min(cx, dx)) : Math.max(Math.min(ay, by), Math.min(cy, dy));
    const hi = useX ? Math.min(Math.max(ax, bx), Math.max(cx, dx)) : Math.min(Math.max(ay, by), Math.max(cy, dy));
    return hi > lo ? 'overlap' : hi === lo ? 'touch' : 'none';
  }
  if (
    onSegment(cx, cy, ax, ay, bx, by) ||
    onSegment(dx, dy, ax, ay, bx, by) ||
    onSegment(ax, ay, cx, cy, dx, dy) ||
    onSegment(bx, by, cx, cy, dx, dy)
  ) {
    return 'touch';
  }
  return 'none';
}

/**
 * Do two closed rings share interior area? True when edges properly cross, or when a vertex or
 * edge midpoint of one (not on the other's boundary) lies inside the other, or when every such
 * point of both lies on the other's boundary (the same ring). Sharing edges or corners only is not
 * overlapping. O(n·m); for zone-sized rings.
 */
export function ringsOverlap(a: ReadonlyRing, b: ReadonlyRing): boolean {
  for (let i = 0; i + 1 < a.length; i++) {
    const p = a[i] as ReadonlyPosition;
    const q = a[i + 1] as ReadonlyPosition;
    for (let j = 0; j + 1 < b.length; j++) {
      const r = b[j] as ReadonlyPosition;
      const s = b[j + 1] as ReadonlyPosition;
      if (segmentContact(p[0], p[1], q[0], q[1], r[0], r[1], s[0], s[1]) === 'cross') return true;
    }
  }
  /** 1 = some probe of x strictly inside y, 0 = all probes on y's boundary, -1 = otherwise. */
  const probe = (x: ReadonlyRing, y: ReadonlyRing): 1 | 0 | -1 => {
    let allOn = true;
    for (let i = 0; i < x.length; i++) {
      const p = x[i] as ReadonlyPosition;
      const q = (x[i + 1] ?? p) as ReadonlyPosition;
      for (const [lon, lat] of [p, [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2] as const]) {
        if (pointOnRing(lon, lat, y)) continue;
        allOn = false;
        if (pointInRing(lon, lat, y)) return 1;
      }
    }
    return allOn ? 0 : -1;
  };
  const ab = probe(a, b);
  if (ab === 1) return true;
  const ba = probe(b, a);
  return ba === 1 || (ab === 0 && ba === 0);
}

/** Is the point on the ring's boundary (see the module comment)? */
export function pointOnRing(lon: number, lat: number, ring: ReadonlyRing): boolean {
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as ReadonlyPosition;
    const b = ring[i + 1] as ReadonlyPosition;
    if (onSegment(lon, lat, a[0], a[1], b[0], b[1])) return true;
  }
  return false;
}

/** Inside a polygon with holes, boundary included (closed set). */
export function pointInPolygon(lon: number, lat: number, polygon: ReadonlyPolygonCoordinates): boolean {
  let inside = false;
  for (const ring of polygon) if (pointInRing(lon, lat, ring)) inside = !inside;
  if (inside) return true;
  for (const ring of polygon) if (pointOnRing(lon, lat, ring)) return true;
  return false;
}

/** Inside any part of a Polygon / MultiPolygon, boundary included. */
export function pointInGeometry(lon: number, lat: number, geometry: ReadonlyZoneGeometry): boolean {
  for (const polygon of polygonsOf(geometry)) if (pointInPolygon(lon, lat, polygon)) return true;
  return false;
}

/** Distance in metres to the nearest edge of any ring of the geometry (0 on the boundary). */
export function distanceToBoundaryM(lon: number, lat: number, geometry: ReadonlyZoneGeometry): number {
  const kx = metresPerDegreeLon(lat);
  let best = Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] as ReadonlyPosition;
        const b = ring[i + 1] as ReadonlyPosition;
        const d2 = segmentDist2(lon, lat, kx, a[0], a[1], b[0], b[1]);
        if (d2 < best) best = d2;
      }
    }
  }
  return Math.sqrt(best);
}

/**
 * The buffer-ring rule of the displacement KPI: outside the geometry (boundary counts as inside)
 * and within `bufferMeters` (inclusive) of its boundary. Holes are outside, so a point in a hole
 * near its edge is in the ring - as with a GIS buffer minus the polygon.
 */
export function pointInBufferRing(
  lon: number,
  lat: number,
  geometry: ReadonlyZoneGeometry,
  bufferMeters: number,
): boolean {
  if (pointInGeometry(lon, lat, geometry)) return false;
  return distanceToBoundaryM(lon, lat, geometry) <= bufferMeters;
}
