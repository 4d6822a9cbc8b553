/**
 * Incidents to zones: point-in-polygon in TypeScript through the geo spatial index (a grid of
 * zone boxes, then exact tests), limited to the zones of the incident's own station, so each
 * station's derived data (zone_id, incident_rings, aggregates) depends on its own zones only.
 * The same code assigns zones at import time and re-assigns a station's incidents when one of
 * its zones changes (zone import or its undo).
 */
import { buildZoneIndex, type ZoneIndex } from '../geo/index.ts';
import type { ReadonlyZoneGeometry } from '../geo/types.ts';
import { validateGeometry } from '../geo/validate.ts';

/** Width of a zone's buffer ring (kpi.md "Displacement": default 500 m). */
const DEFAULT_RING_METERS = 500;

export interface ZoneShape {
  id: string;
  stationCode: string;
  /** GeoJSON geometry (validated when it was imported). */
  geometry: ReadonlyZoneGeometry;
  /** Buffer ring width from the zone's settings. */
  bufferMeters: number;
}

export interface Locator {
  /** Zone ids, for the numbers returned below. */
  readonly zoneIds: readonly string[];
  /** Position of the containing zone in zoneIds or -1; ring zone positions replace `ringOut`. */
  locate(lon: number, lat: number, stationCode: string, ringOut: number[]): number;
  readonly size: number;
}

/** Parses stored geometry JSON; a shape that no longer validates is left out (with its id returned). */
export function shapesFromRows(
  rows: readonly { id: string; station_code: string; geometry: string; buffer_meters?: number }[],
): {
  shapes: ZoneShape[];
  broken: string[];
} {
  const shapes: ZoneShape[] = [];
  const broken: string[] = [];
  for (const r of rows) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.geometry);
    } catch {
      broken.push(r.id);
      continue;
    }
    const v = validateGeometry(parsed, { closeRings: true });
    if (!v.ok) {
      broken.push(r.id);
      continue;
    }
    shapes.push({
      id: r.id,
      stationCode: r.station_code,
      geometry: v.geometry,
      bufferMeters: r.buffer_meters ?? DEFAULT_RING_METERS,
    });
  }
  return { shapes, broken };
}

/**
 * Each zone's ring is as wide as its bufferMeters setting; `ringMetersOverride` (an import option)
 * sets one width for every zone instead.
 */
export function buildLocator(shapes: readonly ZoneShape[], ringMetersOverride?: number): Locator {
  const index: ZoneIndex | null =
    shapes.length === 0
      ? null
      : buildZoneIndex(
          shapes.map((s) => ({
            id: s.id,
            stationCode: s.stationCode,
            geometry: s.geometry,
            bufferMeters: ringMetersOverride ?? s.bufferMeters,
          })),
        );
  return {
    zoneIds: index?.zoneIds ?? [],
    size: shapes.length,
    locate(lon, lat, stationCode, ringOut) {
      if (index === null) {
        ringOut.length = 0;
        return -1;
      }
      return index.locateInto(lon, lat, ringOut, stationCode);
    },
  };
}
