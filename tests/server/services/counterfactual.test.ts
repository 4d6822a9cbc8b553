/**
 * GET /api/zones/:id/counterfactual's service on a constructed programme: station areas with no
 * pilot zone as donors (monthly counts), a zone in สภ.หาดใหญ่ whose counts follow two of them
 * before its start and fall 30% after it, and a zone with too short a history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../server/db/database.ts';
import { seedReference } from '../../../server/db/seed-reference.ts';
import { syntheticControl } from '../../../server/kpi/synthetic-control.ts';
import { refreshAggregates } from '../../../server/queries/refresh-aggregates.ts';
import { readSettings } from '../../../server/queries/settings.ts';
import { syntheticControlUnits } from '../../../server/queries/synthetic-control-units.ts';
import { unitSeries, zoneCounterfactualPage } from '../../../server/services/counterfactual.ts';
import { mulberry32 } from '../../../server/random.ts';
import { saveProgrammeSettings } from '../../../server/services/settings.ts';

const NOW = new Date('2024-02-15T00:00:00Z');
const MONTHS = Array.from(
  { length: 36 },
  (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);
const PRE = 24; // the zone starts in January 2023
let db: Database;
let donorCodes: string[];
const donorCounts = new Map<string, number[]>();

beforeAll(async () => {
  db = await openDatabase(':memory:');
  await seedReference(db);
  donorCodes = (
    await db.all<{ code: string }>(`SELECT code FROM stations WHERE code <> 'ST-HAT-YAI' ORDER BY code LIMIT 12`)
  ).map((r) => r.code);
  const random = mulberry32(42);
  for (const code of donorCodes) {
    const level = 40 + Math.floor(random() * 300);
    const phase = random() * 12;
    donorCounts.set(
      code,
      MONTHS.map((_, t) =>
        Math.round(level * (1 + 0.3 * Math.sin(((t + phase) / 12) * 2 * Math.PI)) * (1 + 0.01 * t * (random() - 0.3))),
      ),
    );
  }
  const a = donorCounts.get(donorCodes[3] as string) as number[];
  const b = donorCounts.get(donorCodes[8] as string) as number[];
  const share = (xs: number[], t: number) => (xs[t] as number) / (xs.slice(0, PRE).reduce((s, x) => s + x, 0) / PRE);
  // Zone: 40% of one donor's path and 60% of another's, at about 60 cases a month; after: -30%.
  const zone = MONTHS.map((_, t) => Math.round(60 * (0.4 * share(a, t) + 0.6 * share(b, t)) * (t >= PRE ? 0.7 : 1)));
  await db.transaction(async (c) => {
    for (const [id, start] of [
      ['Z-A', '2023-01-10'],
      ['Z-B', '2021-06-01'],
    ] as const) {
      await c.run(
        `INSERT INTO zones (id, station_code, name_th, name_en, start_date, geometry, min_lon, min_lat, max_lon, max_lat)
         VALUES ($id, 'ST-HAT-YAI', $id, $id, $start::DATE, '{"type":"Polygon","coordinates":[[[100.47,7],[100.475,7],[100.475,7.005],[100.47,7.005],[100.47,7]]]}', 100.47, 7, 100.475, 7.005)`,
        { id, start },
      );
    }
    const rows: string[] = [];
    MONTHS.forEach((m, t) => {
      rows.push(`('ST-HAT-YAI', 'Z-A', DATE '${m}-01', 2, ${zone[t]}, 1)`);
      rows.push(`('ST-HAT-YAI', NULL, DATE '${m}-01', 2, 500, 1)`);
      // Group 4 (state as victim) is not counted: it must not move the fit.
      rows.push(`('ST-HAT-YAI', 'Z-A', DATE '${m}-01', 4, ${t * 7}, 1)`);
      for (const code of donorCodes)
        rows.push(`('${code}', NULL, DATE '${m}-01', 2, ${donorCounts.get(code)?.[t]}, 1)`);
    });
    await c.run(
      `INSERT INTO monthly_counts (station_code, zone_id, "month", crime_group, cases, import_id) VALUES ${rows.join(',')}`,
    );
    // A station whose data stops inside the after window is not a donor.
    await c.run(`DELETE FROM monthly_counts WHERE station_code = '${donorCodes[10]}' AND "month" > DATE '2023-06-01'`);
    await refreshAggregates(c);
  });
}, 60_000);
afterAll(() => db.close());

describe('zoneCounterfactualPage', () => {
  it('finds the planted 30% drop against the donors, with the smallest placebo p, from the database', async () => {
    const page = await zoneCounterfactualPage(db, 'Z-A', undefined, NOW);
    expect(page?.available).toBe(true);
    expect(page?.reason).toBeUndefined();
    // 11 donors: the station cut short in mid-2023 is not one (its data ends inside the after window).
    expect(page?.placebo).toEqual({ rank: 1, of: 12, p: 1 / 12 });
    expect(page?.effectPct).toBeGreaterThan(-32);
    expect(page?.effectPct).toBeLessThan(-28);
    const weights = page?.donors ?? [];
    expect(Math.abs(weights.reduce((s, d) => s + d.weight, 0) - 1)).toBeLessThan(1e-9);
    expect(weights.every((d) => d.weight > 0 && d.nameTh.length > 0)).toBe(true);
    expect(weights.map((d) => d.id)).not.toContain(donorCodes[10]);
    const heaviest = weights
      .slice(0, 2)
      .map((d) => d.id)
      .sort();
    expect(heaviest).toEqual([donorCodes[3], donorCodes[8]].sort());
    expect(page?.months.map((m) => m.month)).toEqual(MONTHS);
    expect(page?.preRmspe).toBeLessThan(0.05);
  });

  it('equals the pure maths on the series the query returns', async () => {
    const rows = await syntheticControlUnits(db, {
      zoneId: 'Z-A',
      from: '2021-01-01',
      to: '2023-12-01',
      groups: [1, 2, 3],
    });
    const { zone, donors } = unitSeries(rows, MONTHS);
    expect(zone.counts.slice(0, 3)).toEqual(
      (await zoneCounterfactualPage(db, 'Z-A', undefined, NOW))?.months.slice(0, 3).map((m) => m.actual),
    );
    const pure = syntheticControl({ months: MONTHS, preMonths: PRE, zone, donors });
    const page = await zoneCounterfactualPage(db, 'Z-A', undefined, NOW);
    expect(page?.effectPct).toBe(pure.effectPct);
    expect(page?.preRmspe).toBe(pure.preRmspe);
  });

  it('is computed once per state of the data: the same answer again, afresh after a settings change', async () => {
    const first = await zoneCounterfactualPage(db, 'Z-A', undefined, NOW);
    expect(await zoneCounterfactualPage(db, 'Z-A', undefined, NOW)).toBe(first);
    const { programme } = await readSettings(db);
    await saveProgrammeSettings(db, { ...programme }, 'test');
    const after = await zoneCounterfactualPage(db, 'Z-A', undefined, NOW);
    expect(after).not.toBe(first);
    expect(after).toEqual(first);
  });

  it('fewer than 12 pre-start months: not available, with the reason; no such zone: null', async () => {
    expect(await zoneCounterfactualPage(db, 'Z-B', undefined, NOW)).toEqual({
      available: false,
      reason: 'too_few_pre_months',
      donors: [],
      months: [],
      preRmspe: null,
      effectPct: null,
      placebo: null,
    });
    expect(await zoneCounterfactualPage(db, 'NO-SUCH', undefined, NOW)).toBeNull();
  });
});
