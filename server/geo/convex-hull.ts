/**
 * The convex hull of a set of points (Andrew's monotone chain), as a closed GeoJSON ring. Used to
 * outline an area that has no boundary of its own (a station's area, from where its incidents lie).
 * Pure; planar in degrees, which is exact enough for an outline a few kilometres across.
 */
import type { Polygon, Position, ReadonlyPosition } from './types.ts';

const cross = (o: ReadonlyPosition, a: ReadonlyPosition, b: ReadonlyPosition): number =>
  (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Counter-clockwise hull polygon; null with fewer than three points not all on one line. */
export function convexHull(points: readonly ReadonlyPosition[]): Polygon | null {
  const sorted = [...points].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const half = (list: readonly ReadonlyPosition[]): Position[] => {
    const chain: Position[] = [];
    for (const p of list) {
      while (
        chain.length >= 2 &&
        cross(chain[chain.length - 2] as Position, chain[chain.length - 1] as Position, p) <= 0
      ) {
        chain.pop();
      }
      chain.push([p[0], p[1]]);
    }
    chain.pop(); // the last point starts the other half
    return chain;
  };
  const hull = [...half(sorted), ...half([...sorted].reverse())];
  if (hull.length < 3) return null;
  return { type: 'Polygon', coordinates: [[...hull, hull[0] as Position]] };
}
