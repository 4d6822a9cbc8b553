/**
 * Small planar geometry for the demo: polygons a few hundred metres to ~2 km across, so an
 * equirectangular projection around a local latitude is accurate to well under 1%.
 * Coordinates are GeoJSON order: [lon, lat] in WGS84 degrees.
 */
import type { Rng } from './random.ts';

export type LonLat = [number, number];
/** A closed ring: first vertex repeated last. */
export type Ring = LonLat[];

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Metres per degree of latitude on the mean-radius sphere (R = 6,371,008.8 m). */
export const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

const metresPerDegreeLon = (lat: number) => METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);

export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function vertex(ring: Ring, i: number): LonLat {
  const v = ring[i];
  if (!v) throw new Error(`ring has no vertex ${i}`);
  return v;
}

/** Great-circle-free local distance in metres (equirectangular at the mean latitude). */
export function distanceM(a: LonLat, b: LonLat): number {
  const kx = metresPerDegreeLon((a[1] + b[1]) / 2);
  return Math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * METRES_PER_DEGREE);
}

/** Area of a closed ring in km², shoelace formula in an equirectangular projection at its mean latitude. */
export function ringAreaKm2(ring: Ring): number {
  let latSum = 0;
  for (let i = 0; i < ring.length - 1; i++) latSum += vertex(ring, i)[1];
  const lat0 = latSum / (ring.length - 1);
  const kx = metresPerDegreeLon(lat0);
  let twice = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = vertex(ring, i);
    const [x2, y2] = vertex(ring, i + 1);
    twice += x1 * kx * (y2 * METRES_PER_DEGREE) - x2 * kx * (y1 * METRES_PER_DEGREE);
  }
  return Math.abs(twice) / 2 / 1e6;
}

export function ringBBox(ring: Ring): BBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of ring) {
    minLon = Math.min(minLon, lon);
    minLat = Math.min(minLat, lat);
    maxLon = Math.max(maxLon, lon);
    maxLat = Math.max(maxLat, lat);
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** The box grown by `metres` on every side. */
export function expandBBox(b: BBox, metres: number): BBox {
  const dLat = metres / METRES_PER_DEGREE;
  const dLon = metres / metresPerDegreeLon(Math.max(Math.abs(b.minLat), Math.abs(b.maxLat)));
  return { minLon: b.minLon - dLon, minLat: b.minLat - dLat, maxLon: b.maxLon + dLon, maxLat: b.maxLat + dLat };
}

export const inBBox = (b: BBox, lon: number, lat: number) =>
  lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat;

/** Ray casting (even-odd rule). Points exactly on an edge may fall either way. */
export function pointInRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = vertex(ring, i);
    const [xj, yj] = vertex(ring, j);
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Shortest distance in metres from a point to the ring's edges (equirectangular at the point's latitude). */
export function distanceToRingM(lon: number, lat: number, ring: Ring): number {
  const kx = metresPerDegreeLon(lat);
  const ky = METRES_PER_DEGREE;
  let best = Infinity;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1d, y1d] = vertex(ring, i);
    const [x2d, y2d] = vertex(ring, i + 1);
    const x1 = (x1d - lon) * kx;
    const y1 = (y1d - lat) * ky;
    const dx = (x2d - x1d) * kx;
    const dy = (y2d - y1d) * ky;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(x1 * dx + y1 * dy) / len2));
    best = Math.min(best, Math.hypot(x1 + t * dx, y1 + t * dy));
  }
  return best;
}

function segmentsCross(a: LonLat, b: LonLat, c: LonLat, d: LonLat): boolean {
  const orient = (p: LonLat, q: LonLat, r: LonLat) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/** Closed, at least 4 distinct vertices, no two non-adjacent edges crossing. */
export function isSimpleClosedRing(ring: Ring): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1] || ring.length < 4) return false;
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsCross(vertex(ring, i), vertex(ring, i + 1), vertex(ring, j), vertex(ring, j + 1))) return false;
    }
  }
  return true;
}

/** True when two rings share any area (an edge crossing, or one inside the other). */
export function ringsOverlap(a: Ring, b: Ring): boolean {
  for (let i = 0; i < a.length - 1; i++) {
    for (let j = 0; j < b.length - 1; j++) {
      if (segmentsCross(vertex(a, i), vertex(a, i + 1), vertex(b, j), vertex(b, j + 1))) return true;
    }
  }
  const [ax, ay] = vertex(a, 0);
  const [bx, by] = vertex(b, 0);
  return pointInRing(ax, ay, b) || pointInRing(bx, by, a);
}

export interface PolygonShape {
  lat: number;
  lon: number;
  /** Target area; the ring is scaled to it. */
  areaKm2: number;
  /** Long axis / short axis (1 = roundish, 4 = a beach strip). */
  aspect: number;
  /** Direction of the long axis, degrees counter-clockwise from east. */
  rotationDeg: number;
  /** 5..8 */
  vertices: number;
}

/**
 * An irregular polygon around a centre: vertices at increasing angles on a jittered ellipse, so the
 * ring is star-shaped about the centre and therefore simple. Scaled to the target area, rounded to
 * 6 decimals (~0.1 m), closed.
 */
export function irregularPolygon(shape: PolygonShape, rng: Rng): Ring {
  const n = shape.vertices;
  const step = (2 * Math.PI) / n;
  const rot = (shape.rotationDeg * Math.PI) / 180;
  const b = 1;
  const a = shape.aspect;
  const local: [number, number][] = [];
  const phase = rng.uniform(0, step);
  for (let k = 0; k < n; k++) {
    const theta = phase + k * step + rng.uniform(-0.3, 0.3) * step;
    const f = rng.uniform(0.78, 1.15);
    const ex = a * f * Math.cos(theta);
    const ey = b * f * Math.sin(theta);
    local.push([ex * Math.cos(rot) - ey * Math.sin(rot), ex * Math.sin(rot) + ey * Math.cos(rot)]);
  }
  // Shoelace in these unit coordinates, then scale metres so the area is the target.
  let twice = 0;
  for (let k = 0; k < n; k++) {
    const p = local[k];
    const q = local[(k + 1) % n];
    if (!p || !q) throw new Error('polygon vertex missing');
    twice += p[0] * q[1] - q[0] * p[1];
  }
  const unitArea = Math.abs(twice) / 2;
  const scale = Math.sqrt((shape.areaKm2 * 1e6) / unitArea);
  const kx = metresPerDegreeLon(shape.lat);
  const ring: Ring = local.map(([x, y]) => [
    round6(shape.lon + (x * scale) / kx),
    round6(shape.lat + (y * scale) / METRES_PER_DEGREE),
  ]);
  const first = ring[0];
  if (!first) throw new Error('empty polygon');
  ring.push([first[0], first[1]]);
  return ring;
}

/** A point uniformly inside the ring (rejection sampling in its bounding box). */
export function randomPointInRing(ring: Ring, box: BBox, rng: Rng): LonLat {
  for (;;) {
    const lon = rng.uniform(box.minLon, box.maxLon);
    const lat = rng.uniform(box.minLat, box.maxLat);
    if (pointInRing(lon, lat, ring)) return [lon, lat];
  }
}

/** A point uniformly in the buffer ring: outside the ring but within `metres` of it. */
export function randomPointInBuffer(ring: Ring, box: BBox, metres: number, rng: Rng): LonLat {
  const outer = expandBBox(box, metres);
  for (;;) {
    const lon = rng.uniform(outer.minLon, outer.maxLon);
    const lat = rng.uniform(outer.minLat, outer.maxLat);
    if (!pointInRing(lon, lat, ring) && distanceToRingM(lon, lat, ring) < metres) return [lon, lat];
  }
}
