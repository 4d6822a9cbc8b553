import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../server/db/database.ts';
import { seedReference } from '../../../server/db/seed-reference.ts';
import { refreshAggregates } from '../../../server/queries/refresh-aggregates.ts';
import { writeSettings } from '../../../server/queries/settings.ts';
import { computeKpis } from '../../../server/services/kpis.ts';
import { itemsWithMethods } from '../kpi-answer.ts';
import { changePoints } from '../../../server/contracts/derived-figures.ts';
import { DEFAULT_PROGRAMME_SETTINGS } from '../../../server/settings/kpi-settings.ts';

/**
 * A hand-worked programme. Zone Z-A (สภ.หาดใหญ่) started 16 Jul 2022. Inside it, group 2 (property)
 * has 5 cases a month before the start and 3 a month from the start on, and group 4 (state as
 * victim, left out by default) 10 a month throughout. The rest of the station has 20 cases a month.
 * Survey: a baseline wave (Jun 2022, 100 answers, 50 fearful) and a wave dated 15 Sep 2023
 * (200 answers: fear 60 top-two of 190 valid + 10 don't know; trust 170 top-two of 200).
 * Zone Z-B, same station, has one wave with 29 valid answers.
 * Reference values: scipy 1.17 (stats.beta.ppf for Clopper-Pearson; Wilson written out by hand).
 */
const NOW = new Date('2024-07-15T00:00:00Z');
let db: Database;
const INCIDENT_COLUMNS =
  '(case_id, occurred_at, "month", crime_type, crime_group, legacy_group, lat, lon, station_code, zone_id, import_id)';

const square = (lon: number, lat: number, d = 0.005) =>
  JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ],
  });

beforeAll(async () => {
  db = await openDatabase(':memory:');
  await seedReference(db);
  await db.transaction(async (c) => {
    for (const [id, lon] of [
      ['Z-A', 100.47],
      ['Z-B', 100.48],
    ] as const) {
      await c.run(
        `INSERT INTO zones (id, station_code, name_th, name_en, start_date, geometry, min_lon, min_lat, max_lon, max_lat)
         VALUES ($id, 'ST-HAT-YAI', $id, $id, DATE '2022-07-16', $g, $lon, 7.0, $lon + 0.005, 7.005)`,
        { id, lon, g: square(lon, 7.0) },
      );
    }
    const months = `generate_series(DATE '2021-01-01', DATE '2023-12-01', INTERVAL 1 MONTH) t(m)`;
    await c.run(`INSERT INTO incidents ${INCIDENT_COLUMNS} SELECT NULL, m, m, 'ลักทรัพย์', 2, NULL, 7.001, 100.471, 'ST-HAT-YAI', 'Z-A', 1
                   FROM ${months}, range(5) r(i) WHERE m < DATE '2022-07-01' OR i < 3`);
    await c.run(
      `INSERT INTO incidents ${INCIDENT_COLUMNS} SELECT NULL, m, m, 'ยาเสพติด', 4, NULL, 7.001, 100.471, 'ST-HAT-YAI', 'Z-A', 1 FROM ${months}, range(10)`,
    );
    await c.run(
      `INSERT INTO incidents ${INCIDENT_COLUMNS} SELECT NULL, m, m, 'ลักทรัพย์', 2, NULL, NULL, NULL, 'ST-HAT-YAI', NULL, 1 FROM ${months}, range(20)`,
    );
    const answer = (zone: string, date: string, wave: string, fear: string, fearStatus: string, trust: string) =>
      `SELECT '${zone}', DATE '${date}', '${wave}', 'probability', NULL, ${fear}, ${fearStatus}, 5, NULL, ${trust}, 'valid', 5, 1.0, NULL, NULL, NULL, 1`;
    await c.run(
      `INSERT INTO survey_responses ${answer('Z-A', '2022-06-20', 'baseline', 'CASE WHEN i < 50 THEN 5 ELSE 2 END', "'valid'", '3')} FROM range(100) t(i)`,
    );
    await c.run(
      `INSERT INTO survey_responses ${answer('Z-A', '2023-09-15', '2566-Q4', 'CASE WHEN i < 10 THEN NULL WHEN i < 70 THEN 4 ELSE 1 END', "CASE WHEN i < 10 THEN 'dont_know' ELSE 'valid' END", 'CASE WHEN i < 170 THEN 5 ELSE 2 END')} FROM range(200) t(i)`,
    );
    await c.run(
      `INSERT INTO survey_responses ${answer('Z-B', '2023-09-10', '2566-Q4', '1', "'valid'", '5')} FROM range(29) t(i)`,
    );
    await refreshAggregates(c);
  });
});
afterAll(() => db.close());

const zoneA = async (request: Parameters<typeof computeKpis>[2]) => {
  const items = itemsWithMethods(await computeKpis(db, null, request, NOW));
  const item = items.find((i) => i.id === 'Z-A');
  if (!item) throw new Error('Z-A missing');
  return item;
};

describe('crime change (kpi.md)', () => {
  it('FY2566: matched months, 12 after months, groups 1-3 only', async () => {
    const { crime } = await zoneA({ level: 'zone', from: '2022-10', to: '2023-09' });
    expect(crime).toMatchObject({ after: 36, baseline: 60, months: 12, afterFrom: '2022-10', afterTo: '2023-09' });
    expect(crime.baselineFrom).toBe('2021-07');
    expect(crime.baselineTo).toBe('2022-06');
    expect(crime.changePct).toBeCloseTo(-40, 10);
    expect(crime.rr).toBeCloseTo(0.6, 10);
    expect(crime.rrLow).toBeCloseTo(0.38550011471781914, 8);
    expect(crime.rrHigh).toBeCloseTo(0.9219521147945356, 8);
    expect(crime.status).toBe('met_confident');
    expect(crime.method).toMatchObject({ baseline: 'matched_months', groups: [1, 2, 3], L: 12 });
  });

  it('compares with the rest of the station: 20 a month both sides gives RR_control 1 and effect 0.6', async () => {
    const { crime } = await zoneA({ level: 'zone', from: '2022-10', to: '2023-09' });
    expect(crime.relative).toMatchObject({
      area: 'rest_of_station',
      controlAfter: 240,
      controlBaseline: 240,
    });
    expect(crime.relative?.effect).toBeCloseTo(0.6, 10);
  });

  it('calendar 2022 gives Jul-Dec (L = 6); a period wholly before the start is insufficient', async () => {
    const y2022 = await zoneA({ level: 'zone', from: '2022-01', to: '2022-12' });
    expect(y2022.crime).toMatchObject({ months: 6, after: 18, baseline: 30, afterFrom: '2022-07' });
    const before = await zoneA({ level: 'zone', from: '2021-01', to: '2021-12' });
    expect(before.crime.status).toBe('insufficient');
    expect(before.crime.problem).toBe('no_after_window');
  });

  it('a period after the end of the data says so, rather than "no month after the start"', async () => {
    const { crime } = await zoneA({ level: 'zone', from: '2024-01', to: '2024-06' });
    expect(crime).toMatchObject({ status: 'insufficient', problem: 'no_data_in_period', months: 0 });
  });

  it('since the start: 18 months, a matched month counted twice', async () => {
    const { crime } = await zoneA({ level: 'zone' });
    // Jul 2022 .. Dec 2023 = 18 after months x 3; baseline Jul 2021 .. Jun 2022 with Jul-Dec twice = 18 x 5.
    expect(crime).toMatchObject({ months: 18, after: 54, baseline: 90 });
  });

  it('a setting change takes effect at once: including state-as-victim cases', async () => {
    await db.withConnection((c) =>
      writeSettings(c, 'programme', { ...DEFAULT_PROGRAMME_SETTINGS, crimeGroups: [1, 2, 3, 4] }, 'test'),
    );
    const { crime } = await zoneA({ level: 'zone', from: '2022-10', to: '2023-09' });
    expect(crime).toMatchObject({ after: 36 + 120, baseline: 60 + 120 });
    await db.withConnection((c) => writeSettings(c, 'programme', DEFAULT_PROGRAMME_SETTINGS, 'test'));
  });
});

describe('survey indicators (kpi.md)', () => {
  it('latest wave, valid-answer denominator, Wilson interval, baseline change in points', async () => {
    const { fear, trust } = await zoneA({ level: 'zone' });
    expect(fear).toMatchObject({ n: 190, respondents: 200, invalid: 10, waves: ['2566-Q4'], status: 'met_confident' });
    expect(fear.value).toBeCloseTo((60 / 190) * 100, 10);
    expect(fear.ciLow).toBeCloseTo(25.3902061370647, 8);
    expect(fear.ciHigh).toBeCloseTo(38.497808106188124, 8);
    expect(fear.baselineValue).toBeCloseTo(50, 10);
    expect(changePoints(fear)).toBeCloseTo((60 / 190) * 100 - 50, 10);
    expect(trust.value).toBeCloseTo(85, 10);
    expect(trust.ciLow).toBeCloseTo(79.39442071583333, 8);
    expect(trust.status).toBe('met'); // the interval dips below 80
  });

  it("all respondents as denominator keeps the don't-know answers in", async () => {
    await db.withConnection((c) =>
      writeSettings(c, 'programme', { ...DEFAULT_PROGRAMME_SETTINGS, denominator: 'all' as const }, 'test'),
    );
    const { fear } = await zoneA({ level: 'zone' });
    expect(fear.value).toBeCloseTo(30, 10);
    expect(fear.ciLow).toBeCloseTo(24.074744682371403, 8);
    await db.withConnection((c) => writeSettings(c, 'programme', DEFAULT_PROGRAMME_SETTINGS, 'test'));
  });

  it('a wave in the period: the baseline wave alone when the period ends before the start', async () => {
    const { fear } = await zoneA({ level: 'zone', from: '2022-01', to: '2022-06' });
    expect(fear.waves).toEqual(['baseline']);
    expect(fear.value).toBeCloseTo(50, 10);
  });

  it('29 valid answers is insufficient, with the estimate still shown', async () => {
    const { items } = await computeKpis(db, null, { level: 'zone' }, NOW);
    const zoneB = items.find((i) => i.id === 'Z-B');
    expect(zoneB?.fear).toMatchObject({ n: 29, status: 'insufficient', value: 0 });
  });
});

describe('rollups and scope', () => {
  it('a station pools respondents of its zones and says k of n zones meet each target', async () => {
    const { items } = await computeKpis(db, null, { level: 'station' }, NOW);
    expect(items).toHaveLength(1);
    const station = items[0];
    expect(station).toMatchObject({ id: 'ST-HAT-YAI', level: 'station', zoneCount: 2 });
    expect(station?.fear.n).toBe(190 + 29);
    expect(station?.fear.value).toBeCloseTo((60 / 219) * 100, 10);
    expect(station?.meets.fear).toEqual({ k: 1, n: 2 });
  });

  it('the overall light is green when all three are met', async () => {
    const item = await zoneA({ level: 'zone', from: '2022-10', to: '2023-09' });
    expect(item.overall).toBe('green');
  });

  it('rollups only pool in-scope zones', async () => {
    const { items } = await computeKpis(db, ['Z-B'], { level: 'national' }, NOW);
    expect(items[0]?.zoneCount).toBe(1);
    expect(items[0]?.fear.n).toBe(29);
  });
});
