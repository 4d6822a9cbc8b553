import { describe, expect, it } from 'vitest';
import { demoAppForFile } from '../demo-app.ts';
import { kpiAnswer } from '../kpi-answer.ts';

const commanderPut = async (path: string, body: unknown) =>
  (await commander(path, { method: 'PUT', body: JSON.stringify(body) })).status;

const demo = demoAppForFile();
const get = demo.as('admin');
const commander = demo.as('demo-commander');

describe('zones API on the demo programme', () => {
  it('health counts the demo rows', async () => {
    const res = await get('/api/health');
    const body = (await res.json()) as {
      status: string;
      counts: { zones: number; incidents: number; surveyResponses: number };
    };
    expect(body.status).toBe('ok');
    expect(body.counts.zones).toBeGreaterThanOrEqual(20);
    expect(body.counts.incidents).toBeGreaterThan(10_000);
  });

  it('lists every zone with the three KPIs and their methods', async () => {
    const body = await kpiAnswer(await get('/api/kpis?level=zone'));
    expect(body.items.length).toBeGreaterThanOrEqual(20);
    for (const item of body.items) {
      expect(item.crime.method.baseline).toBe('matched_months');
      expect(item.fear.method.interval).toBe('wilson');
    }
  });

  it('the series flags agree with the KPI: after and matched-baseline months sum to the same counts', async () => {
    const kpis = await kpiAnswer(await get('/api/kpis?level=zone&from=2022-10&to=2023-09'));
    for (const item of kpis.items.filter((i) => i.crime.status !== 'insufficient')) {
      const series = (await (await get(`/api/zones/${item.id}/series?from=2022-10&to=2023-09`)).json()) as {
        window: { afterMonths: string[]; baselineMonths: string[] };
        months: { month: string; role: string; counted: number }[];
      };
      const counted = new Map(series.months.map((m) => [m.month, m.counted]));
      const sum = (months: string[]) => months.reduce((s, m) => s + (counted.get(m) ?? 0), 0);
      expect(series.window.afterMonths.length, item.id).toBe(item.crime.months);
      expect(sum(series.window.afterMonths), item.id).toBe(item.crime.after);
      expect(sum(series.window.baselineMonths), item.id).toBe(item.crime.baseline);
    }
  });

  it('survey waves carry intervals, n and the answer distribution; the baseline wave is before the start', async () => {
    const body = (await (await get('/api/zones/Z-HDY-01/survey')).json()) as {
      startDate: string;
      waves: {
        wave: string;
        waveDate: string;
        beforeStart: boolean;
        fear: { n: number; ciLow: number; distribution: unknown[] } | null;
      }[];
    };
    expect(body.waves.length).toBeGreaterThan(2);
    const baseline = body.waves.find((w) => w.wave === 'baseline');
    expect(baseline?.beforeStart).toBe(true);
    expect((baseline?.waveDate ?? '9999') < body.startDate).toBe(true);
    expect(baseline?.fear?.distribution.length).toBeGreaterThan(0);
  });

  it('a commander sees only the own station, and other zones answer 404 like missing ones', async () => {
    const own = await kpiAnswer(await commander('/api/kpis?level=zone'));
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i) => i.id.startsWith('Z-HDY'))).toBe(true);
    // The counterfactual is a zone route like the others: out of scope answers as missing.
    expect((await commander('/api/zones/Z-PTY-01/counterfactual')).status).toBe(404);
    expect((await commander('/api/zones/NO-SUCH-ZONE/counterfactual')).status).toBe(404);
    // The demo's donors: the 12 reference station areas that hold no pilot zone (monthly returns).
    const ownCounterfactual = await commander('/api/zones/Z-HDY-01/counterfactual');
    expect(ownCounterfactual.status).toBe(200);
    const cf = (await ownCounterfactual.json()) as {
      available: boolean;
      reason?: string;
      donors: { id: string; nameTh: string; weight: number }[];
      months: { month: string; actual: number; counterfactual: number }[];
      preRmspe: number;
      effectPct: number;
      placebo: { rank: number; of: number; p: number };
    };
    expect(cf.available).toBe(true);
    expect(cf.reason).toBeUndefined();
    const zoneStations = new Set(
      (await demo.db.all<{ s: string }>('SELECT DISTINCT station_code AS s FROM zones')).map((r) => r.s),
    );
    for (const donor of cf.donors) {
      expect(zoneStations.has(donor.id), donor.id).toBe(false);
      expect(donor.nameTh).toMatch(/^(สน|สภ)\./);
      expect(donor.weight).toBeGreaterThan(0);
    }
    expect(Math.abs(cf.donors.reduce((sum, d) => sum + d.weight, 0) - 1)).toBeLessThan(1e-9);
    // Every donor is a placebo: 12 of them and the zone; the script's 30%-odd fall after the start.
    expect(cf.placebo.of).toBe(13);
    expect(cf.placebo.p).toBeCloseTo(cf.placebo.rank / 13, 12);
    expect(cf.effectPct).toBeLessThan(-20);
    // Months 2020-01 .. 2024-06: 14 before the start (Mar 2021), the rest after; actual = the zone's counts.
    expect(cf.months[0]?.month).toBe('2020-01');
    expect(cf.months.at(-1)?.month).toBe('2024-06');
    expect(cf.months).toHaveLength(54);
    expect(cf.months.filter((m) => m.month < '2021-03')).toHaveLength(14);
    const other = await commander('/api/zones/Z-PTY-01/series');
    const missing = await commander('/api/zones/NO-SUCH-ZONE/series');
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await other.text()).toBe(await missing.text());
  });

  it('a settings change takes effect at once and is validated', async () => {
    const before = await kpiAnswer(await get('/api/kpis?level=zone&unit=Z-HDY-01'));
    const bad = await get('/api/settings/zones/Z-HDY-01', {
      method: 'PUT',
      body: JSON.stringify({ crimeTarget: 'low' }),
    });
    expect(bad.status).toBe(400);
    const ok = await get('/api/settings/zones/Z-HDY-01', {
      method: 'PUT',
      body: JSON.stringify({ baseline: 'previous' }),
    });
    expect(ok.status).toBe(200);
    const after = await kpiAnswer(await get('/api/kpis?level=zone&unit=Z-HDY-01'));
    expect(after.items[0]?.crime.method.baseline).toBe('previous_months');
    // The zone page's series follows at once too (its cache is keyed by the data and settings).
    const series = (await (await get('/api/zones/Z-HDY-01/series')).json()) as { window: { method: { rule: string } } };
    expect(series.window.method.rule).toBe('previous_months');
    expect(after.items[0]?.crime.baseline).not.toBe(before.items[0]?.crime.baseline);
  });

  it('a wider buffer ring re-assigns incidents to the ring at once', async () => {
    const ringOf = async () => (await kpiAnswer(await get('/api/kpis?level=zone&unit=Z-HDY-02'))).items[0]?.crime.ring;
    const before = await ringOf();
    expect(before?.bufferMeters).toBe(500);
    const wider = await get('/api/settings/zones/Z-HDY-02', {
      method: 'PUT',
      body: JSON.stringify({ bufferMeters: 1500 }),
    });
    expect(wider.status).toBe(200);
    const after = await ringOf();
    expect(after?.bufferMeters).toBe(1500);
    expect((after?.after ?? 0) + (after?.baseline ?? 0)).toBeGreaterThan(
      (before?.after ?? 0) + (before?.baseline ?? 0),
    );
    await get('/api/settings/zones/Z-HDY-02', { method: 'DELETE' });
    expect(await ringOf()).toEqual(before);
  });

  it("chosen control zones replace the rest of the station, counted over the zone's own windows", async () => {
    const set = await get('/api/settings/zones/Z-HDY-01', {
      method: 'PUT',
      body: JSON.stringify({ controlZones: ['Z-HDY-02'] }),
    });
    expect(set.status).toBe(200);
    const kpi = await kpiAnswer(await get('/api/kpis?level=zone&unit=Z-HDY-01'));
    const relative = kpi.items[0]?.crime.relative;
    expect(relative?.area).toBe('control_zones');
    const own = (await (await get('/api/zones/Z-HDY-01/series')).json()) as {
      window: { afterMonths: string[]; baselineMonths: string[] };
    };
    const control = (await (await get('/api/zones/Z-HDY-02/series')).json()) as {
      months: { month: string; counted: number }[];
    };
    const counted = new Map(control.months.map((m) => [m.month, m.counted]));
    const sum = (months: string[]) => months.reduce((s, m) => s + (counted.get(m) ?? 0), 0);
    expect(relative?.controlAfter).toBe(sum(own.window.afterMonths));
    expect(relative?.controlBaseline).toBe(sum(own.window.baselineMonths));
    // A control zone out of the user's sight is refused like a missing one.
    const hidden = await commanderPut('/api/settings/zones/Z-HDY-01', { controlZones: ['Z-PTY-01'] });
    expect([403, 404]).toContain(hidden);
    await get('/api/settings/zones/Z-HDY-01', { method: 'DELETE' });
  });

  it('a narrow request computed on its own equals the same zones taken from the whole-country results', async () => {
    const narrowFirst = await kpiAnswer(await commander('/api/kpis?level=zone&from=2021-10&to=2022-09'));
    const all = await kpiAnswer(await get('/api/kpis?level=zone&from=2021-10&to=2022-09'));
    const fromAll = all.items.filter((i) => i.id.startsWith('Z-HDY'));
    expect(narrowFirst.items).toEqual(fromAll);
    // And once the whole country is cached, the narrow request reads from it with the same answer.
    expect(await kpiAnswer(await commander('/api/kpis?level=zone&from=2021-10&to=2022-09'))).toEqual(narrowFirst);
  });
});
