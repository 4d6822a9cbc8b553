/**
 * Demo-only shapes: irregular zone polygons and random points inside a zone or its buffer ring.
 * Every measurement comes from the shared geometry module (server/geo), so the demo and the
 * importers agree on what is inside a zone and what lies in its ring.
 * Coordinates are GeoJSON order: [lon, lat] in WGS84 degrees.
 */
import { pointInRing } from '../geo/contains.ts';
import { expandBBox, METRES_PER_DEGREE, metresPerDegreeLon, pointToRingM } from '../geo/measure.ts';
import type { BBox, Position } from '../geo/types.ts';
import type { Rng } from '../random.ts';

export type LonLat = Position;
/** A closed ring: first vertex repeated last. */
export type Ring = LonLat[];

export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

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
    if (!pointInRing(lon, lat, ring) && pointToRingM([lon, lat], ring) < metres) return [lon, lat];
  }
}
