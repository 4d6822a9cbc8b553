/**
 * Distances, areas, boxes and centroids for zone-sized geometry in WGS84 `[lon, lat]` degrees.
 *
 * Models:
 * - Distances use the sphere of mean radius R = 6,371,008.8 m (IUGG), as the demo always did.
 *   `haversineM` is exact on that sphere; `pointToSegmentM` projects equirectangularly around the
 *   point's latitude, which agrees with haversine to better than 0.01% within a few kilometres
 *   (tested). On the WGS84 ellipsoid a true distance in Thailand differs from the sphere's by up to
 *   ~0.5% (north-south) - 2.5 m at 500 m, irrelevant for a buffer ring.
 * - Areas are exact on the WGS84 ellipsoid (what QGIS / PostGIS `geography` report) for rings whose
 *   edges are straight in the cylindrical equal-area projection - at zone scale indistinguishable
 *   from geodesic edges. The mean-radius sphere would read 0.3-0.45% low at Thai latitudes.
 * - No antimeridian handling (Thailand is at 97-106 E).
 */
import type {
  BBox,
  Position,
  ReadonlyPolygonCoordinates,
  ReadonlyPosition,
  ReadonlyRing,
  ReadonlyZoneGeometry,
} from './types.ts';

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;
/** Metres per degree of latitude (and of longitude at the equator) on that sphere. */
export const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

const DEG = Math.PI / 180;

/** WGS84 semi-major axis (m) and flattening. */
export const WGS84_A = 6_378_137;
export const WGS84_F = 1 / 298.257223563;
const E2 = WGS84_F * (2 - WGS84_F);
const E = Math.sqrt(E2);

/** Metres per degree of longitude at `lat` on the sphere. */
export function metresPerDegreeLon(lat: number): number {
  return METRES_PER_DEGREE * Math.cos(lat * DEG);
}

/** Great-circle distance in metres on the mean-radius sphere. */
export function haversineM(a: ReadonlyPosition, b: ReadonlyPosition): number {
  const phi1 = a[1] * DEG;
  const phi2 = b[1] * DEG;
  const sDphi = Math.sin((phi2 - phi1) / 2);
  const sDlam = Math.sin(((b[0] - a[0]) * DEG) / 2);
  const h = sDphi * sDphi + Math.cos(phi1) * Math.cos(phi2) * sDlam * sDlam;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The point `metres` away from `origin` along the great circle leaving it at `bearingDeg`
 * (clockwise from north: 0 = north, 90 = east). The inverse of `haversineM`.
 */
export function destination(origin: ReadonlyPosition, bearingDeg: number, metres: number): Position {
  const phi1 = origin[1] * DEG;
  const lam1 = origin[0] * DEG;
  const theta = bearingDeg * DEG;
  const delta = metres / EARTH_RADIUS_M;
  const sinPhi2 = Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta);
  const phi2 = Math.asin(Math.max(-1, Math.min(1, sinPhi2)));
  const lam2 =
    lam1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1), Math.cos(delta) - Math.sin(phi1) * sinPhi2);
  return [lam2 / DEG, phi2 / DEG];
}

/**
 * Shortest distance in metres from `p` to the segment a-b, in an equirectangular projection
 * centred on `p` (x = dLon * cos(lat_p) * k, y = dLat * k, k = metres per degree).
 */
export function pointToSegmentM(p: ReadonlyPosition, a: ReadonlyPosition, b: ReadonlyPosition): number {
  const kx = metresPerDegreeLon(p[1]);
  return Math.sqrt(segmentDist2(p[0], p[1], kx, a[0], a[1], b[0], b[1]));
}

/**
 * Squared distance (m²) from (px, py) to segment (ax, ay)-(bx, by), `kx` = metres per degree of
 * longitude at py. Shared by every distance function and by the spatial index so they agree bit
 * for bit.
 */
export function segmentDist2(
  px: number,
  py: number,
  kx: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const x1 = (ax - px) * kx;
  const y1 = (ay - py) * METRES_PER_DEGREE;
  const dx = (bx - ax) * kx;
  const dy = (by - ay) * METRES_PER_DEGREE;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? -(x1 * dx + y1 * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const x = x1 + t * dx;
  const y = y1 + t * dy;
  return x * x + y * y;
}

/** Shortest distance in metres from `p` to the edges of a closed ring. */
export function pointToRingM(p: ReadonlyPosition, ring: ReadonlyRing): number {
  const kx = metresPerDegreeLon(p[1]);
  let best = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as ReadonlyPosition;
    const b = ring[i + 1] as ReadonlyPosition;
    const d2 = segmentDist2(p[0], p[1], kx, a[0], a[1], b[0], b[1]);
    if (d2 < best) best = d2;
  }
  return Math.sqrt(best);
}

/** Shortest distance in metres from `p` to the boundary (outer rings and holes) of a geometry. */
export function pointToBoundaryM(p: ReadonlyPosition, geometry: ReadonlyZoneGeometry): number {
  let best = Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) best = Math.min(best, pointToRingM(p, ring));
  }
  return best;
}

/** The polygons of a geometry (a Polygon is one). */
export function polygonsOf(geometry: ReadonlyZoneGeometry): readonly ReadonlyPolygonCoordinates[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

// ---------------------------------------------------------------------------------------------
// Area

/** Authalic "q/2" of the WGS84 ellipsoid: the cylindrical equal-area y coordinate per a². */
function authalicY(latDeg: number): number {
  const s = Math.sin(latDeg * DEG);
  const es = E * s;
  return ((1 - E2) / 2) * (s / (1 - es * es) - (1 / (2 * E)) * Math.log((1 - es) / (1 + es)));
}

/**
 * Signed area of a ring in km² on the WGS84 ellipsoid: positive when counter-clockwise (the
 * RFC 7946 winding of an outer ring). Open rings are closed implicitly.
 */
export function signedRingAreaKm2(ring: ReadonlyRing): number {
  const n = ring.length;
  if (n < 3) return 0;
  const first = ring[0] as ReadonlyPosition;
  const x0 = first[0];
  const y0 = authalicY(first[1]);
  // Shoelace on (lambda, q/2) relative to the first vertex (keeps the differences precise).
  let twice = 0;
  let px = 0;
  let py = 0;
  for (let i = 1; i <= n; i++) {
    const v = ring[i % n] as ReadonlyPosition;
    const x = (v[0] - x0) * DEG;
    const y = authalicY(v[1]) - y0;
    twice += px * y - x * py;
    px = x;
    py = y;
  }
  return (twice / 2) * ((WGS84_A * WGS84_A) / 1e6);
}

/** Area of a ring in km² (unsigned). */
export function ringAreaKm2(ring: ReadonlyRing): number {
  return Math.abs(signedRingAreaKm2(ring));
}

/** Area in km² of a polygon: outer ring minus holes. */
export function polygonAreaKm2(polygon: ReadonlyPolygonCoordinates): number {
  let area = 0;
  polygon.forEach((ring, i) => {
    area += i === 0 ? ringAreaKm2(ring) : -ringAreaKm2(ring);
  });
  return Math.max(0, area);
}

/** Area in km² of a Polygon or MultiPolygon (parts summed; parts are assumed not to overlap). */
export function geometryAreaKm2(geometry: ReadonlyZoneGeometry): number {
  let area = 0;
  for (const polygon of polygonsOf(geometry)) area += polygonAreaKm2(polygon);
  return area;
}

// ---------------------------------------------------------------------------------------------
// Boxes

function emptyBBox(): BBox {
  return { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
}

function extendBBox(b: BBox, ring: ReadonlyRing): void {
  for (const [lon, lat] of ring) {
    if (lon < b.minLon) b.minLon = lon;
    if (lon > b.maxLon) b.maxLon = lon;
    if (lat < b.minLat) b.minLat = lat;
    if (lat > b.maxLat) b.maxLat = lat;
  }
}

export function ringBBox(ring: ReadonlyRing): BBox {
  const b = emptyBBox();
  extendBBox(b, ring);
  return b;
}

export function geometryBBox(geometry: ReadonlyZoneGeometry): BBox {
  const b = emptyBBox();
  for (const polygon of polygonsOf(geometry)) for (const ring of polygon) extendBBox(b, ring);
  return b;
}

/**
 * The box grown by `metres` on every side, so that it holds every point whose distance to the
 * box's content (as measured by `pointToSegmentM`) is <= `metres`. The longitude margin uses the
 * latitude farthest from the equator the grown box reaches, plus a 1e-9 relative safety margin.
 */
export function expandBBox(b: BBox, metres: number): BBox {
  const dLat = (metres / METRES_PER_DEGREE) * (1 + 1e-9);
  const farLat = Math.min(89.9, Math.max(Math.abs(b.minLat - dLat), Math.abs(b.maxLat + dLat)));
  const dLon = (metres / metresPerDegreeLon(farLat)) * (1 + 1e-9);
  return { minLon: b.minLon - dLon, minLat: b.minLat - dLat, maxLon: b.maxLon + dLon, maxLat: b.maxLat + dLat };
}

export function inBBox(b: BBox, lon: number, lat: number): boolean {
  return lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat;
}

// ---------------------------------------------------------------------------------------------
// Centroid

/**
 * Area-weighted centroid (holes subtracted, MultiPolygon parts weighted by area), computed in an
 * equirectangular projection around the geometry's box centre - accurate at zone scale. A
 * degenerate (zero-area) geometry gives the mean of its distinct vertices.
 */
export function centroid(geometry: ReadonlyZoneGeometry): Position {
  const box = geometryBBox(geometry);
  const lon0 = (box.minLon + box.maxLon) / 2;
  const lat0 = (box.minLat + box.maxLat) / 2;
  const c = Math.cos(lat0 * DEG);
  let sumA = 0;
  let sumX = 0;
  let sumY = 0;
  let n = 0;
  let meanX = 0;
  let meanY = 0;
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, r) => {
      let a2 = 0;
      let cx = 0;
      let cy = 0;
      const m = ring.length;
      const closed = m > 1 && sameXY(ring[0] as ReadonlyPosition, ring[m - 1] as ReadonlyPosition);
      const count = closed ? m - 1 : m;
      for (let i = 0; i < count; i++) {
        const p = ring[i] as ReadonlyPosition;
        const q = ring[(i + 1) % count] as ReadonlyPosition;
        const x1 = (p[0] - lon0) * c;
        const y1 = p[1] - lat0;
        const x2 = (q[0] - lon0) * c;
        const y2 = q[1] - lat0;
        const cross = x1 * y2 - x2 * y1;
        a2 += cross;
        cx += (x1 + x2) * cross;
        cy += (y1 + y2) * cross;
        meanX += x1;
        meanY += y1;
        n++;
      }
      // Outer rings add, holes subtract, whatever their winding.
      const sign = (a2 >= 0 ? 1 : -1) * (r === 0 ? 1 : -1);
      sumA += sign * a2;
      sumX += sign * cx;
      sumY += sign * cy;
    });
  }
  let x: number;
  let y: number;
  if (Math.abs(sumA) > 1e-18) {
    x = sumX / (3 * sumA);
    y = sumY / (3 * sumA);
  } else if (n > 0) {
    x = meanX / n;
    y = meanY / n;
  } else {
    return [Number.NaN, Number.NaN];
  }
  return [lon0 + x / c, lat0 + y];
}

function sameXY(a: ReadonlyPosition, b: ReadonlyPosition): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
