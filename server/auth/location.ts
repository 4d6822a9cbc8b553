import type { Database } from '../db/database.ts';
import { scopeStationCodes } from '../queries/scope-stations.ts';
import { can } from './permissions.ts';
import type { Principal } from './principal.ts';

/**
 * Location privacy. Exact incident coordinates are shown only to a principal with station rights
 * for the incident's station: a role allowed 'view_exact_locations' (admin, analyst, commander)
 * whose scope covers that station (national scope covers all). Everyone else - executives,
 * viewers, and analysts / commanders looking at another station's case - gets the point moved
 * to the centre of its 100 m grid cell.
 *
 * The grid: rows of 100 m of latitude (100 / 111 320 deg = ~0.000898 deg); within a row, columns
 * of 100 m of longitude at the row's central latitude (~0.000905 deg at Hat Yai, 7 deg N). A
 * point moves at most ~71 m; every point in a cell lands on the same spot, so the output cannot
 * be averaged back to the original. Coordinates are rounded to 6 decimals (~0.1 m).
 *
 * Apply it wherever points leave the server: incident lists, map layers, exports, reports.
 */
export const GRID_METRES = 100;
const METRES_PER_DEGREE_LAT = 111_320;
const LAT_STEP = GRID_METRES / METRES_PER_DEGREE_LAT;

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

export function snapToGrid(lat: number, lon: number): { lat: number; lon: number } {
  const cellLat = (Math.floor(lat / LAT_STEP) + 0.5) * LAT_STEP;
  const lonStep = GRID_METRES / (METRES_PER_DEGREE_LAT * Math.cos((cellLat * Math.PI) / 180));
  const cellLon = (Math.floor(lon / lonStep) + 0.5) * lonStep;
  return { lat: round6(cellLat), lon: round6(cellLon) };
}

/** Stations whose incidents a principal sees exactly: 'all', or a set of station codes. */
export type ExactStations = 'all' | ReadonlySet<string>;

/**
 * Resolve once per request, then pass to snapPoint. Needed for bureau / division / zone-list
 * scopes (without it those principals get snapped points: the safe default).
 */
export async function exactLocationStations(db: Database, principal: Principal): Promise<ExactStations> {
  if (!can(principal, 'view_exact_locations')) return new Set();
  const codes = await scopeStationCodes(db, principal.scope);
  return codes === null ? 'all' : new Set(codes);
}

function hasStationRights(principal: Principal, stationCode: string, exact: ExactStations | undefined): boolean {
  if (!can(principal, 'view_exact_locations')) return false;
  if (exact !== undefined) return exact === 'all' || exact.has(stationCode);
  if (principal.scope.kind === 'national') return true;
  return principal.scope.kind === 'station' && principal.scope.codes.includes(stationCode);
}

/**
 * The point to show this principal for an incident of `stationCode`: exact, or snapped.
 *   const exact = await exactLocationStations(deps.db, c.var.principal);
 *   rows.map((r) => ({ ...r, ...snapPoint(r.lat, r.lon, c.var.principal, r.stationCode, exact) }))
 */
export function snapPoint(
  lat: number,
  lon: number,
  principal: Principal,
  stationCode: string,
  exact?: ExactStations,
): { lat: number; lon: number; exact: boolean } {
  if (hasStationRights(principal, stationCode, exact)) return { lat, lon, exact: true };
  return { ...snapToGrid(lat, lon), exact: false };
}
