/**
 * GET /api/zones/:id/explanation on the demo programme: its figures are the zone's KPI item of
 * /api/kpis (nothing counted twice), its answer distribution adds up, its caveats follow the data,
 * and the caller's scope holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db/database.ts';
import type { zoneExplanationPage } from '../../../server/services/zone-pages.ts';
import { ADMIN_PASSWORD, openDemoApp, signIn } from '../demo-app.ts';
import { kpiAnswer } from '../kpi-answer.ts';

type Explanation = NonNullable<Awaited<ReturnType<typeof zoneExplanationPage>>>;

let db: Database;
let admin: Awaited<ReturnType<typeof signIn>>;
let commander: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  const demo = await openDemoApp();
  db = demo.db;
  admin = await signIn(demo.app, 'admin', ADMIN_PASSWORD);
  commander = await signIn(demo.app, 'demo-commander', 'demo-commander-2567');
});
afterAll(() => db.close());

const PERIOD = 'from=2023-10&to=2024-06';

describe('zone explanation API', () => {
  it('the three areas are the KPI item: zone counts, the comparison area and the ring, with the same relative effect', async () => {
    const kpis = await kpiAnswer(await admin(`/api/kpis?level=zone&unit=Z-HDY-01&${PERIOD}`));
    const crime = kpis.items[0]?.crime;
    const res = await admin(`/api/zones/Z-HDY-01/explanation?${PERIOD}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Explanation;
    expect(crime?.relative && crime.ring).toBeTruthy();
    expect(body.crime.areas.map((a) => [a.area, a.baseline, a.after])).toEqual([
      ['zone', crime?.baseline, crime?.after],
      ['comparison', crime?.relative?.controlBaseline, crime?.relative?.controlAfter],
      ['ring', crime?.ring?.baseline, crime?.ring?.after],
    ]);
    expect(body.crime.areas[0]).toMatchObject({ rr: crime?.rr, low: crime?.rrLow, high: crime?.rrHigh });
    for (const area of body.crime.areas) {
      expect(area.rr).toBeCloseTo(area.after / area.baseline, 12);
      expect(area.low ?? 0).toBeLessThan(area.rr ?? 0);
      expect(area.high ?? 0).toBeGreaterThan(area.rr ?? 0);
    }
    expect(body.crime.relative?.effect).toBeCloseTo(crime?.relative?.effect ?? Number.NaN, 12);
    expect(body.crime.relative?.low).toBeCloseTo(crime?.relative?.low ?? Number.NaN, 12);
    expect(body.crime.wdq?.value).toBe(crime?.wdq?.value);
    expect(body.crime.reading).toEqual(crime?.reading);
    expect([body.crime.afterFrom, body.crime.afterTo, body.crime.months]).toEqual(['2023-10', '2024-06', 9]);
    // The rest of the station has no boundary: its outline is the hull of where its incidents lie.
    expect(body.comparisonArea.kind).toBe('rest_of_station');
    expect(body.comparisonArea.hull?.coordinates[0]?.length).toBeGreaterThan(4);
  });

  it('the latest and baseline waves of the KPI, every level and non-answer, adding up to everyone asked', async () => {
    const kpis = await kpiAnswer(await admin(`/api/kpis?level=zone&unit=Z-HDY-01&${PERIOD}`));
    const fear = kpis.items[0]?.fear;
    const body = (await (await admin(`/api/zones/Z-HDY-01/explanation?${PERIOD}`)).json()) as Explanation;
    const { latest, baseline } = body.distribution.fear;
    expect(latest?.wave).toBe(fear?.waves.at(-1));
    expect(baseline?.wave).toBe(fear?.baselineWave);
    expect(latest?.value).toBeCloseTo(fear?.value ?? Number.NaN, 10);
    for (const wave of [latest, baseline, body.distribution.trust.latest]) {
      if (!wave) throw new Error('wave missing');
      expect(wave.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
      const answered = wave.levels.reduce((s, l) => s + l.n, 0);
      const nonAnswers = wave.nonAnswers.reduce((s, a) => s + a.n, 0);
      expect(answered).toBe(wave.n);
      expect(answered + nonAnswers).toBe(wave.respondents);
      expect([...wave.levels, ...wave.nonAnswers].reduce((s, a) => s + a.percent, 0)).toBeCloseTo(100, 8);
    }
  });

  it('caveats: months covered, the last whole month with data, the latest wave; regression to the mean for a zone chosen for risk', async () => {
    const risk = (await (await admin('/api/zones/Z-LPN-01/explanation')).json()) as Explanation;
    expect(risk.caveats.coveredMonths).toEqual({ from: '2020-01', to: '2024-06' });
    expect(risk.caveats.lastCrimeMonth).toBe('2024-06');
    expect(risk.caveats.lastWaveDate).toMatch(/^2024-0[4-6]-\d\d$/);
    expect(risk.caveats.regressionToMean).toBe(true);
    expect(risk.caveats.minimumSample).toBe(30);
    const landmark = (await (await admin('/api/zones/Z-LPN-02/explanation')).json()) as Explanation;
    expect(landmark.caveats.regressionToMean).toBe(false);
  });

  it('a zone outside the caller scope answers 404 like an unknown one; a bad period is refused', async () => {
    expect((await commander(`/api/zones/Z-HDY-01/explanation?${PERIOD}`)).status).toBe(200);
    expect((await commander('/api/zones/Z-LPN-01/explanation')).status).toBe(404);
    expect((await admin('/api/zones/Z-NOPE/explanation')).status).toBe(404);
    expect((await admin('/api/zones/Z-HDY-01/explanation?from=2023-10')).status).toBe(400);
  });
});
