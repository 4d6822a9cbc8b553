import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ADMIN } from '../../../server/auth/principal.ts';
import { repoRoot } from '../../../server/config.ts';
import { type Database, openDatabase } from '../../../server/db/database.ts';
import { seedReference } from '../../../server/db/seed-reference.ts';
import { runImport } from '../../../server/importers/pipeline.ts';
import { writeSettings } from '../../../server/queries/settings.ts';
import { computeKpis } from '../../../server/services/kpis.ts';
import { DEFAULT_PROGRAMME_SETTINGS } from '../../../server/settings/kpi-settings.ts';

/**
 * Real survey microdata through the real import pipeline: Afrobarometer Round 9, one "zone" per
 * country, trust = Q37G (4 points; 8 refused, 9 don't know), fear = Q7B (5 points), weight
 * withinwt_hh, all respondents in the denominator. Afrobarometer publishes trust in police
 * "somewhat" or "a lot" for Tanzania as 79% (tests/fixtures/README.md); computed independently
 * with Python's csv module the weighted share is 79.0315%.
 */
const SOURCE = resolve(repoRoot, 'tests/fixtures/real/afrobarometer-r9/extract-16-countries.csv');
const CODEBOOK = {
  name: 'Afrobarometer R9 trust and safety',
  items: {
    fear: {
      levels: 5,
      codes: { '0': 1, '1': 2, '2': 3, '3': 4, '4': 5 },
      missing: { '8': 'refused', '9': 'dont_know', '-1': 'missing' },
      counts: [2, 3, 4, 5],
    },
    trust: {
      levels: 4,
      codes: { '0': 1, '1': 2, '2': 3, '3': 4 },
      labels: { '4': ['A lot', 'มาก'], '3': ['Somewhat', 'ค่อนข้างมาก'] },
      missing: { '8': 'refused', '9': 'dont_know', '-1': 'missing' },
      counts: [3, 4],
    },
  },
  denominator: 'all',
};

let db: Database;
let countries: string[];
const NOW = new Date('2024-01-15T00:00:00Z');

beforeAll(async () => {
  db = await openDatabase(':memory:');
  await seedReference(db);
  const text = readFileSync(SOURCE, 'utf8');
  const lines = text.trim().split(/\r?\n/);
  countries = [...new Set(lines.slice(1).map((l) => l.split(',')[0] ?? ''))].sort();

  // One zone per country (the outlines are placeholders: only the survey matters here).
  const features = countries.map((code, i) => {
    const lon = 100 + i * 0.01;
    return {
      type: 'Feature',
      properties: { code, name_th: code, name_en: code, station: 'ST-HAT-YAI', start_date: '2021-01-01' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [lon, 7],
            [lon + 0.005, 7],
            [lon + 0.005, 7.005],
            [lon, 7.005],
            [lon, 7],
          ],
        ],
      },
    };
  });
  const zones = await runImport({
    db,
    principal: LOCAL_ADMIN,
    kind: 'zones',
    file: {
      name: 'afrobarometer-countries.geojson',
      bytes: new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features })),
    },
  });
  expect(zones.errorCount, JSON.stringify(zones.errors.slice(0, 3))).toBe(0);

  // The extract has no interview date: give the whole round one (after the zones' start).
  const dated = lines.map((line, i) => `${line},${i === 0 ? 'interview_date' : '2022-06-30'}`).join('\n');
  const survey = await runImport({
    db,
    principal: LOCAL_ADMIN,
    kind: 'survey',
    file: { name: 'extract-16-countries.csv', bytes: new TextEncoder().encode(dated) },
    options: {
      mapping: { zone: 'country', surveyed_on: 'interview_date', fear: 'Q7B', trust: 'Q37G', weight: 'withinwt_hh' },
      wave: 'R9',
      codebook: CODEBOOK,
    },
  });
  expect(survey.errorCount, JSON.stringify(survey.errors.slice(0, 3))).toBe(0);
  expect(survey.counts.write.survey_responses).toBe(lines.length - 1);
  await db.withConnection((c) =>
    writeSettings(c, 'programme', { ...DEFAULT_PROGRAMME_SETTINGS, denominator: 'all' as const }, 'test'),
  );
}, 300_000);
afterAll(() => db.close());

describe('Afrobarometer Round 9 through the import pipeline', () => {
  it('reproduces the published figure: Tanzania trusts the police "somewhat" or "a lot", 79%', async () => {
    const { items } = await computeKpis(db, null, { level: 'zone', unit: 'TAN' }, NOW);
    const trust = items[0]?.trust;
    expect(trust?.value).toBeCloseTo(79.0315, 3);
    expect(Math.round(trust?.value ?? 0)).toBe(79);
    expect(trust).toMatchObject({ respondents: 2400, n: 2382, invalid: 18 });
    expect(trust?.invalidByReason).toEqual({ refused: 1, dont_know: 17 });
    expect(trust?.method).toMatchObject({
      denominator: 'all',
      countsLevels: [3, 4],
      weighted: true,
      interval: 'wilson',
    });
    // Kish: weights make the effective sample smaller than the 2,400 interviewed.
    expect(trust?.nEff).toBeLessThan(2400);
    expect(trust?.ciLow).toBeLessThan(79.0315);
    expect(trust?.ciHigh).toBeGreaterThan(79.0315);
  });

  it('every country is a zone with a figure, and the national rollup pools all respondents', async () => {
    const zones = await computeKpis(db, null, { level: 'zone' }, NOW);
    expect(zones.items.map((i) => i.id).sort()).toEqual(countries);
    expect(zones.items.every((i) => i.trust.value !== null && i.fear.value !== null)).toBe(true);
    const national = await computeKpis(db, null, { level: 'national' }, NOW);
    expect(national.items[0]?.trust.respondents).toBe(23_076);
  });
});
