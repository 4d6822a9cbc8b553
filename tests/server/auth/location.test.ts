import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactLocationStations, GRID_METRES, snapPoint, snapToGrid } from '../../../server/auth/location.ts';
import type { Principal, Role, Scope } from '../../../server/auth/principal.ts';
import type { Database } from '../../../server/db/database.ts';
import { FX, openTestApp, type TestApp } from './helpers.ts';

const p = (role: Role, scope: Scope): Principal => ({ username: 'x', role, scope, via: 'session' });
const national: Scope = { kind: 'national' };
const stationA: Scope = { kind: 'station', codes: [FX.stationIn] };

/** Great-circle distance in metres. */
function metres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

let t: TestApp;
let db: Database;
beforeAll(async () => {
  t = await openTestApp();
  db = t.db;
});
afterAll(() => db.close());

describe('location privacy', () => {
  const point = { lat: 7.006123, lon: 100.470456 };

  it('shows exact points to national admins and analysts', () => {
    for (const role of ['admin', 'analyst'] as const) {
      expect(snapPoint(point.lat, point.lon, p(role, national), FX.stationOut)).toEqual({ ...point, exact: true });
    }
  });

  it("shows the station's own commander exact points, and snaps another station's", () => {
    const commander = p('commander', stationA);
    expect(snapPoint(point.lat, point.lon, commander, FX.stationIn).exact).toBe(true);
    expect(snapPoint(point.lat, point.lon, commander, FX.stationOut).exact).toBe(false);
  });

  it('snaps for executives and viewers, whatever their scope', () => {
    for (const role of ['executive', 'viewer'] as const) {
      for (const scope of [national, stationA]) {
        const shown = snapPoint(point.lat, point.lon, p(role, scope), FX.stationIn);
        expect(shown.exact).toBe(false);
        expect(shown.lat).not.toBe(point.lat);
      }
    }
  });

  it('snaps division / bureau scopes unless their stations were resolved (fail closed)', async () => {
    const analyst = p('analyst', { kind: 'division', codes: [FX.divisionIn] });
    expect(snapPoint(point.lat, point.lon, analyst, FX.stationIn).exact).toBe(false);
    const exact = await exactLocationStations(db, analyst);
    expect(snapPoint(point.lat, point.lon, analyst, FX.stationIn, exact).exact).toBe(true);
    expect(snapPoint(point.lat, point.lon, analyst, FX.stationOut, exact).exact).toBe(false);
    const viewer = p('viewer', { kind: 'bureau', codes: [FX.bureauIn] });
    expect(snapPoint(point.lat, point.lon, viewer, FX.stationIn, await exactLocationStations(db, viewer)).exact).toBe(
      false,
    );
    expect(await exactLocationStations(db, p('admin', national))).toBe('all');
  });

  it('moves a point less than half a cell diagonal, onto a shared cell centre', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 2000; i++) {
      const lat = 5.5 + random() * 15; // Thailand
      const lon = 97.3 + random() * 8.3;
      const snapped = snapToGrid(lat, lon);
      expect(metres({ lat, lon }, snapped)).toBeLessThan((GRID_METRES * Math.SQRT2) / 2 + 1);
      expect(snapToGrid(snapped.lat, snapped.lon)).toEqual(snapped);
    }
    // Two points 10 m apart in one cell land on the same spot.
    const a = snapToGrid(13.75, 100.5);
    const b = snapToGrid(13.75 + 0.00009, 100.5 + 0.00009);
    expect(a).toEqual(b);
  });

  it('spaces cells 100 m apart', () => {
    const a = snapToGrid(13.75, 100.5);
    const north = snapToGrid(a.lat + 0.0009, a.lon);
    const east = snapToGrid(a.lat, a.lon + 0.00093);
    // Rows are 100 m of latitude apart (columns of neighbouring rows need not line up).
    expect((north.lat - a.lat) * 111_320).toBeCloseTo(100, 0);
    expect(metres(a, east)).toBeGreaterThan(99);
    expect(metres(a, east)).toBeLessThan(101);
  });
});
