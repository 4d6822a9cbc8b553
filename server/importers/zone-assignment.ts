/**
 * Re-assigns the incidents of some stations to zones and buffer rings after their zones changed
 * (a zone import, or its undo). Runs inside the caller's transaction: the new assignment and the
 * zone change commit or roll back together. Incidents whose zone came from the file keep it.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { incidentsWithPoints, replaceZoneAssignment, zoneShapesOf } from '../queries/imports-incidents.ts';
import { buildLocator, shapesFromRows } from './spatial.ts';

export async function reassignZones(
  conn: DuckDBConnection,
  stations: readonly string[],
  ringMetersOverride?: number,
): Promise<{ located: number; rings: number }> {
  if (stations.length === 0) return { located: 0, rings: 0 };
  const { shapes } = shapesFromRows(await zoneShapesOf(conn, stations));
  const locator = buildLocator(shapes, ringMetersOverride);
  const points = await incidentsWithPoints(conn, stations);
  const zoneOf = new Map<number, string | null>();
  const rings: [number, string][] = [];
  const ringOut: number[] = [];
  let located = 0;
  for (const p of points) {
    const z = locator.locate(p.lon, p.lat, p.station_code, ringOut);
    const id = z < 0 ? null : (locator.zoneIds[z] ?? null);
    if (id !== null) located++;
    if (p.zone_from_file !== true) zoneOf.set(p.rid, id);
    for (const r of ringOut) {
      const ringZone = locator.zoneIds[r];
      if (ringZone !== undefined) rings.push([p.rid, ringZone]);
    }
  }
  await replaceZoneAssignment(conn, stations, zoneOf, rings);
  return { located, rings: rings.length };
}
