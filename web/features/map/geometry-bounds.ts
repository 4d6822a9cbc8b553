/** Bounds of any GeoJSON geometry's coordinates, for fitting a map to a zone. Pure. */
export type Bounds = [[number, number], [number, number]];

function collect(value: unknown, into: Array<[number, number]>): void {
  if (!Array.isArray(value)) return;
  if (value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
    into.push([value[0], value[1]]);
    return;
  }
  for (const part of value) collect(part, into);
}

export function geometryBounds(geometry: { coordinates?: unknown } | null | undefined): Bounds | null {
  const points: Array<[number, number]> = [];
  collect(geometry?.coordinates, points);
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}
