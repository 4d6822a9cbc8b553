/**
 * A map drawn as SVG from GeoJSON, for paper: vector in the PDF, no WebGL, nothing to wait for.
 * Pure: a view box fitted around the features that matter, and each geometry as an SVG path in it.
 * The projection is equirectangular with longitude scaled by cos(latitude) at the view's centre:
 * true to shape at a zone's or a province's scale (Thailand spans 5-21°N).
 */
import { type Bounds, geometryBounds } from '../map/geometry-bounds.ts';

export interface Geometry {
  type: string;
  coordinates: unknown;
}

export interface SvgView {
  width: number;
  height: number;
  bounds: Bounds;
  /** lon/lat -> x/y in the view. */
  project: (lon: number, lat: number) => [number, number];
  /** Kilometres per view unit along the x axis. */
  kmPerUnit: number;
}

const KM_PER_DEGREE = 111.32;

/** Bounds of several geometries and points together; null when there is nothing to fit. */
export function unionBounds(parts: ReadonlyArray<Bounds | null>): Bounds | null {
  const real = parts.filter((b): b is Bounds => b !== null);
  if (real.length === 0) return null;
  return [
    [Math.min(...real.map((b) => b[0][0])), Math.min(...real.map((b) => b[0][1]))],
    [Math.max(...real.map((b) => b[1][0])), Math.max(...real.map((b) => b[1][1]))],
  ];
}

/**
 * A view `width` units wide fitted around `bounds` with `padding` (a share of the larger side)
 * and at least `minSpanKm` across, so a single point or a tiny zone still shows its surroundings.
 * The height follows the shape, within [width * minAspect, width * maxAspect].
 */
export function fitView(
  bounds: Bounds,
  {
    width,
    padding = 0.15,
    minSpanKm = 2,
    minAspect = 0.5,
    maxAspect = 1.1,
  }: {
    width: number;
    padding?: number;
    minSpanKm?: number;
    minAspect?: number;
    maxAspect?: number;
  },
): SvgView {
  const midLat = (bounds[0][1] + bounds[1][1]) / 2;
  const kx = Math.cos((midLat * Math.PI) / 180);
  const minSpanDeg = minSpanKm / KM_PER_DEGREE;
  const cx = (bounds[0][0] + bounds[1][0]) / 2;
  const cy = (bounds[0][1] + bounds[1][1]) / 2;
  // Spans in "ground degrees" (x already scaled), padded, at least the minimum.
  let spanX = Math.max((bounds[1][0] - bounds[0][0]) * kx, minSpanDeg);
  let spanY = Math.max(bounds[1][1] - bounds[0][1], minSpanDeg);
  const pad = Math.max(spanX, spanY) * padding;
  spanX += 2 * pad;
  spanY += 2 * pad;
  const aspect = Math.min(maxAspect, Math.max(minAspect, spanY / spanX));
  // Widen whichever span is short of the chosen aspect, so nothing is squeezed.
  if (spanY / spanX < aspect) spanY = spanX * aspect;
  else spanX = spanY / aspect;
  const height = Math.round(width * aspect);
  const scale = width / spanX;
  const west = cx - spanX / 2 / kx;
  const north = cy + spanY / 2;
  return {
    width,
    height,
    bounds: [
      [west, cy - spanY / 2],
      [cx + spanX / 2 / kx, north],
    ],
    project: (lon, lat) => [(lon - west) * kx * scale, (north - lat) * scale],
    kmPerUnit: KM_PER_DEGREE / scale,
  };
}

function ringPath(ring: unknown, view: SvgView, close: boolean): string {
  if (!Array.isArray(ring)) return '';
  const points = ring
    .filter((p): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number')
    .map(([lon, lat]) => view.project(lon, lat));
  if (points.length < 2) return '';
  const body = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`).join('');
  return close ? `${body}Z` : body;
}

/** The SVG path of a (Multi)Polygon or (Multi)LineString; '' for anything else. */
export function geometryPath(geometry: Geometry, view: SvgView): string {
  const c = geometry.coordinates as unknown[];
  if (!Array.isArray(c)) return '';
  switch (geometry.type) {
    case 'Polygon':
      return c.map((ring) => ringPath(ring, view, true)).join('');
    case 'MultiPolygon':
      return c.flatMap((poly) => (Array.isArray(poly) ? poly.map((ring) => ringPath(ring, view, true)) : [])).join('');
    case 'LineString':
      return ringPath(c, view, false);
    case 'MultiLineString':
      return c.map((line) => ringPath(line, view, false)).join('');
    default:
      return '';
  }
}

/** Whether a geometry's bounds meet the view's (features far away are left out of the file). */
export function touchesView(geometry: Geometry, view: SvgView): boolean {
  const b = geometryBounds(geometry);
  if (!b) return false;
  return !(
    b[1][0] < view.bounds[0][0] ||
    b[0][0] > view.bounds[1][0] ||
    b[1][1] < view.bounds[0][1] ||
    b[0][1] > view.bounds[1][1]
  );
}

/** A round scale-bar length (1, 2 or 5 x 10^k km) of about a quarter of the view's width. */
export function scaleBarKm(view: SvgView): number {
  const target = (view.width * view.kmPerUnit) / 4;
  const power = 10 ** Math.floor(Math.log10(target));
  const step = [5, 2, 1].find((m) => m * power <= target) ?? 1;
  return step * power;
}
