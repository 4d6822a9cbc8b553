import { describe, expect, it } from 'vitest';
import { snapToGrid } from '../../../server/auth/location.ts';
import type { ZoneIncidents } from '../../../server/services/zone-incidents.ts';
import { demoAppForFile } from '../demo-app.ts';

const demo = demoAppForFile();
const admin = demo.as('admin');
const commander = demo.as('demo-commander');
const executive = demo.as('demo-executive');
const viewer = demo.as('demo-viewer');

const layer = async (as: typeof admin, path: string) => {
  const res = await as(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as ZoneIncidents;
};

const PERIOD = 'from=2024-01&to=2024-06';

describe('GET /api/zones/:id/incidents', () => {
  it('holds every located incident of the zone in the period, and ring incidents beside them', async () => {
    const body = await layer(admin, `/api/zones/Z-HDY-01/incidents?${PERIOD}`);
    expect(body.type).toBe('FeatureCollection');
    expect(body.period).toEqual({ from: '2024-01', to: '2024-06' });
    expect(body.bufferMeters).toBe(500);
    const [stored] = await demo.db.all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM incidents WHERE zone_id = 'Z-HDY-01' AND lat IS NOT NULL
          AND "month" BETWEEN DATE '2024-01-01' AND DATE '2024-06-01'`,
    );
    const inZone = body.features.filter((f) => f.properties.area === 'zone');
    expect(inZone.length).toBe(stored?.n);
    expect(body.features.some((f) => f.properties.area === 'ring')).toBe(true);
    for (const f of body.features) {
      expect(Object.keys(f.properties).sort()).toEqual(['area', 'group', 'month', 'type']);
      expect(f.properties.month >= '2024-01' && f.properties.month <= '2024-06').toBe(true);
    }
  });

  it('says nothing that names a case: no case number, no time of day', async () => {
    const text = await (await admin(`/api/zones/Z-HDY-01/incidents?${PERIOD}`)).text();
    expect(text).not.toMatch(/HDY-25\d\d-\d{6}/);
    expect(text).not.toMatch(/\d{2}:\d{2}/);
  });

  it('filters by offence group', async () => {
    const all = await layer(admin, `/api/zones/Z-HDY-01/incidents?${PERIOD}`);
    const property = await layer(admin, `/api/zones/Z-HDY-01/incidents?${PERIOD}&group=2`);
    expect(property.group).toBe(2);
    expect(property.features.length).toBeGreaterThan(0);
    expect(property.features.length).toBeLessThan(all.features.length);
    expect(property.features.every((f) => f.properties.group === 2)).toBe(true);
    expect(property.features.length).toBe(all.features.filter((f) => f.properties.group === 2).length);
  });

  it('gives exact points to the station commander, snapped ones to executives and viewers', async () => {
    const exact = await layer(commander, `/api/zones/Z-HDY-01/incidents?${PERIOD}`);
    expect(exact.exact).toBe(true);
    const all = await layer(admin, `/api/zones/Z-HDY-01/incidents?${PERIOD}`);
    expect(exact.features).toEqual(all.features);
    for (const as of [executive, viewer]) {
      const snapped = await layer(as, `/api/zones/Z-HDY-01/incidents?${PERIOD}`);
      expect(snapped.exact).toBe(false);
      expect(snapped.features.length).toBe(all.features.length);
      for (const f of snapped.features) {
        const [lon, lat] = f.geometry.coordinates;
        expect(snapToGrid(lat, lon)).toEqual({ lat, lon });
      }
      expect(
        snapped.features.some((f, i) => f.geometry.coordinates[0] !== all.features[i]?.geometry.coordinates[0]),
      ).toBe(true);
    }
  });

  it('answers a zone out of scope as not found, and refuses a bad query', async () => {
    expect((await commander('/api/zones/Z-SKA-01/incidents')).status).toBe(404);
    expect((await admin('/api/zones/NO-SUCH/incidents')).status).toBe(404);
    expect((await admin('/api/zones/Z-HDY-01/incidents?from=2024-01')).status).toBe(400);
    expect((await admin('/api/zones/Z-HDY-01/incidents?group=x')).status).toBe(400);
  });
});
