/**
 * Point-in-polygon benchmark: 1,000,000 points against 3,000 zones (10-30 vertices, spread over
 * Thailand, 500 m buffer rings). Deterministic (seeded). Run:
 *
 *   npx tsx bench/pip.ts [points] [zones]
 *
 * Prints points/second for three point mixes:
 * - near:  every point near a zone (uniform in a random zone's box grown by 1 km): the worst case,
 *          every lookup runs ray casting and/or edge distances;
 * - mixed: half near, half anywhere in Thailand's box (closer to real incident files, where most
 *          cases fall outside the pilot zones);
 * - far:   anywhere in Thailand's box.
 * `syntheticZones` / `syntheticPoints` are also used by the tests.
 */
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../server/random.ts';
import { buildZoneIndex, type ZoneIndexInput } from '../server/geo/index.ts';
import { expandBBox, METRES_PER_DEGREE, metresPerDegreeLon, ringBBox } from '../server/geo/measure.ts';
import type { BBox, Ring } from '../server/geo/types.ts';

/** Thailand's rough box (lon 97.3-105.7, lat 5.6-20.5). */
export const THAILAND_BOX: BBox = { minLon: 97.3, minLat: 5.6, maxLon: 105.7, maxLat: 20.5 };

export interface SyntheticZoneOptions {
  seed: number;
  count: number;
  box?: BBox;
  minVertices?: number;
  maxVertices?: number;
  /** Mean radius range, metres. */
  minRadiusM?: number;
  maxRadiusM?: number;
  bufferMeters?: number;
  /** Chance that a zone gets a hole (tests). */
  holeChance?: number;
  /** Chance that a zone is a two-part MultiPolygon (tests). */
  multiChance?: number;
}

/** Star-shaped (hence simple) jittered polygons, optionally with a hole or a second part. */
export function syntheticZones(o: SyntheticZoneOptions): ZoneIndexInput[] {
  const rnd = mulberry32(o.seed);
  const box = o.box ?? THAILAND_BOX;
  const minV = o.minVertices ?? 10;
  const maxV = o.maxVertices ?? 30;
  const minR = o.minRadiusM ?? 300;
  const maxR = o.maxRadiusM ?? 1500;
  const star = (lon: number, lat: number, radius: number, n: number, clockwise: boolean): Ring => {
    const kx = metresPerDegreeLon(lat);
    const ring: Ring = [];
    const phase = rnd() * 2 * Math.PI;
    for (let k = 0; k < n; k++) {
      const theta = phase + ((clockwise ? -1 : 1) * (k + 0.8 * (rnd() - 0.5)) * 2 * Math.PI) / n;
      const r = radius * (0.55 + 0.45 * rnd());
      ring.push([lon + (r * Math.cos(theta)) / kx, lat + (r * Math.sin(theta)) / METRES_PER_DEGREE]);
    }
    ring.push([ring[0]?.[0] ?? lon, ring[0]?.[1] ?? lat]);
    return ring;
  };
  const zones: ZoneIndexInput[] = [];
  for (let i = 0; i < o.count; i++) {
    const lon = box.minLon + rnd() * (box.maxLon - box.minLon);
    const lat = box.minLat + rnd() * (box.maxLat - box.minLat);
    const radius = minR + rnd() * (maxR - minR);
    const n = minV + Math.floor(rnd() * (maxV - minV + 1));
    const outer = star(lon, lat, radius, n, false);
    const polygon: Ring[] = [outer];
    // A hole well inside the star's inner radius (0.55 r): 0.25 r around the centre.
    if (rnd() < (o.holeChance ?? 0)) polygon.push(star(lon, lat, radius * 0.3, 8, true));
    let geometry: ZoneIndexInput['geometry'] = { type: 'Polygon', coordinates: polygon };
    if (rnd() < (o.multiChance ?? 0)) {
      const kx = metresPerDegreeLon(lat);
      const second = star(lon + (radius * 3) / kx, lat, radius * 0.7, Math.max(4, n - 4), false);
      geometry = { type: 'MultiPolygon', coordinates: [polygon, [second]] };
    }
    zones.push({
      id: `Z${String(i).padStart(5, '0')}`,
      stationCode: `S${i % 97}`,
      geometry,
      bufferMeters: o.bufferMeters ?? 500,
    });
  }
  return zones;
}

/** `count` points as [lon0, lat0, lon1, lat1, ...]; `nearShare` of them near a random zone. */
export function syntheticPoints(
  zones: readonly ZoneIndexInput[],
  count: number,
  nearShare: number,
  seed: number,
  box: BBox = THAILAND_BOX,
): Float64Array {
  const rnd = mulberry32(seed);
  const boxes = zones.map((z) => {
    const polys = z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates;
    const outer = polys.flatMap((p) => p[0] ?? []);
    return expandBBox(ringBBox(outer), 1000);
  });
  const out = new Float64Array(2 * count);
  for (let i = 0; i < count; i++) {
    let b = box;
    if (boxes.length > 0 && rnd() < nearShare) b = boxes[Math.floor(rnd() * boxes.length)] ?? box;
    out[2 * i] = b.minLon + rnd() * (b.maxLon - b.minLon);
    out[2 * i + 1] = b.minLat + rnd() * (b.maxLat - b.minLat);
  }
  return out;
}

function main(): void {
  const nPoints = Number(process.argv[2] ?? 1_000_000);
  const nZones = Number(process.argv[3] ?? 3_000);
  const zones = syntheticZones({ seed: 20_250_101, count: nZones });
  let t0 = performance.now();
  const index = buildZoneIndex(zones);
  const buildMs = performance.now() - t0;
  const s = index.stats;
  console.log(
    `${nZones} zones, ${s.vertices} vertices: index built in ${buildMs.toFixed(1)} ms ` +
      `(grid ${s.cellsX} x ${s.cellsY}, ${s.entries} entries)`,
  );
  const ring: number[] = [];
  for (const [label, near] of [
    ['near  (100% near zones)', 1],
    ['mixed (50% near, 50% anywhere)', 0.5],
    ['far   (anywhere in Thailand)', 0],
  ] as const) {
    const pts = syntheticPoints(zones, nPoints, near, 7 + near * 10);
    // Warm-up (JIT), then timed runs; best of 3.
    for (let i = 0; i < Math.min(nPoints, 200_000); i++)
      index.locateInto(pts[2 * i] as number, pts[2 * i + 1] as number, ring);
    let inZone = 0;
    let inRing = 0;
    let best = Infinity;
    for (let rep = 0; rep < 3; rep++) {
      inZone = 0;
      inRing = 0;
      t0 = performance.now();
      for (let i = 0; i < nPoints; i++) {
        if (index.locateInto(pts[2 * i] as number, pts[2 * i + 1] as number, ring) >= 0) inZone++;
        if (ring.length > 0) inRing++;
      }
      best = Math.min(best, performance.now() - t0);
    }
    let bestAlloc = Infinity;
    for (let rep = 0; rep < 3; rep++) {
      t0 = performance.now();
      let z = 0;
      for (let i = 0; i < nPoints; i++)
        if (index.locate(pts[2 * i] as number, pts[2 * i + 1] as number).zoneId !== null) z++;
      bestAlloc = Math.min(bestAlloc, performance.now() - t0);
      if (z !== inZone) throw new Error('locate and locateInto disagree');
    }
    const rate = (ms: number) => Math.round(nPoints / (ms / 1000)).toLocaleString('en-US');
    console.log(
      `${label}: locateInto ${best.toFixed(0)} ms = ${rate(best)} points/s; locate ${bestAlloc.toFixed(0)} ms = ` +
        `${rate(bestAlloc)} points/s  [in a zone ${inZone}, in a ring ${inRing}]`,
    );
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
