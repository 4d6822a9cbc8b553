import { describe, expect, test } from 'vitest';
import type { ZoneExplanation } from '../../web/api/types.ts';
import { toCaveatLines, toCrimePanel, toDistribution } from '../../web/features/zone/to-explanation.ts';
import { en, th } from './fixtures.ts';

type Wave = NonNullable<ZoneExplanation['distribution']['fear']['latest']>;

function wave(overrides: Partial<Wave> = {}): Wave {
  return {
    wave: '2567-Q3',
    waveDate: '2024-06-20',
    sampleType: 'probability',
    respondents: 100,
    n: 90,
    belowMinimum: false,
    scaleLevels: 5,
    countsLevels: [4, 5],
    levels: [
      { level: 1, n: 10, percent: 10 },
      { level: 2, n: 20, percent: 20 },
      { level: 3, n: 30, percent: 30 },
      { level: 4, n: 20, percent: 20 },
      { level: 5, n: 10, percent: 10 },
    ],
    nonAnswers: [{ reason: 'dont_know', n: 10, percent: 10 }],
    value: 33.3,
    ...overrides,
  };
}

function explanation(overrides: Partial<ZoneExplanation> = {}): ZoneExplanation {
  return {
    zoneId: 'Z-HDY-01',
    period: { from: '2023-10', to: '2024-06' },
    crime: {
      afterFrom: '2023-10',
      afterTo: '2024-06',
      baselineFrom: '2020-03',
      baselineTo: '2021-02',
      months: 9,
      problem: null,
      comparisonKind: 'rest_of_station',
      bufferMeters: 500,
      areas: [
        { area: 'zone', baseline: 174, after: 121, rr: 0.6954, low: 0.5468, high: 0.882, significant: true },
        { area: 'comparison', baseline: 622, after: 712, rr: 1.1447, low: 1.0265, high: 1.2768, significant: true },
        { area: 'ring', baseline: 0, after: 4, rr: null, low: 0.5, high: null, significant: false },
      ],
      relative: { effect: 0.6075, effectPercent: -39.25, low: 0.4704, high: 0.7845, significant: true },
      wdq: { value: -0.437 },
      reading: {
        zone: 'fell',
        relative: 'improved',
        pointsDifferentWays: false,
        wdq: 'displacement',
        displacementWarning: true,
      },
      changePct: -30.46,
    },
    comparisonArea: { kind: 'rest_of_station', zones: [], hull: null },
    stationNameTh: 'สภ.หาดใหญ่',
    stationNameEn: 'Hat Yai',
    distribution: {
      fear: { latest: wave(), baseline: wave({ wave: 'baseline', waveDate: '2021-01-20', nonAnswers: [] }) },
      trust: { latest: null, baseline: null },
    },
    caveats: {
      coveredMonths: { from: '2020-01', to: '2024-06' },
      lastCrimeMonth: '2024-06',
      lastWaveDate: '2024-06-20',
      minimumSample: 30,
      wavesBelowMinimum: [],
      optIn: null,
      regressionToMean: false,
    },
    ...overrides,
  } as ZoneExplanation;
}

describe('crime panel', () => {
  test('three rows side by side with their ratios and intervals; the words come from the shared reading rules', () => {
    const view = toCrimePanel(explanation(), 'en', en.t);
    expect(view.rows.map((r) => [r.name, r.detail, r.baseline, r.after, r.rateRatio, r.interval])).toEqual([
      ['Pilot zone', null, '174', '121', '0.70', '95%: 0.55 to 0.88 · significant'],
      ['Comparison area', 'rest of Hat Yai', '622', '712', '1.14', '95%: 1.03 to 1.28 · significant'],
      ['500 m buffer ring', null, '0', '4', 'no baseline crime', '95%: 0.50 to ∞ · not significant'],
    ]);
    expect(view.windows).toBe(
      'After the start Oct 2023 – Jun 2024 (9 months) against the baseline Mar 2020 – Feb 2021',
    );
    expect(view.reading).toBe('Crime fell 30.5% in the zone and did better than in its comparison area');
    expect(view.relative).toBe(
      "Relative effect (the zone's rate ratio ÷ the comparison area's) 0.61 (95%: 0.47 to 0.78): the zone did 39.3% better than its comparison area",
    );
    expect(view.wdq).toBe(
      'Weighted displacement quotient −0.44: displacement (crime moved into the ring around the zone)',
    );
    expect(view.problem).toBeNull();
  });

  test('Thai: BE months, and a window that cannot be judged says why instead of rows', () => {
    const thai = toCrimePanel(explanation(), 'th', th.t);
    expect(thai.windows).toContain('2566');
    expect(thai.rows[1]?.detail).toBe('ส่วนที่เหลือของ สภ.หาดใหญ่');
    // Intervals read "a ถึง b" through the shared formatter, never a dash.
    expect(thai.rows[0]?.interval).toMatch(/^95%: 0\.55 ถึง 0\.88 · /);
    expect(thai.relative).toContain('(95%: 0.47 ถึง 0.78)');
    const base = explanation();
    const blocked = toCrimePanel(
      explanation({
        crime: { ...base.crime, problem: 'no_after_window', areas: [], relative: null, wdq: null, reading: null },
      }),
      'en',
      en.t,
    );
    expect(blocked.rows).toEqual([]);
    expect(blocked.problem).toBe('No month after the start in this period');
  });
});

describe('answer distribution', () => {
  test('levels from the top down, then the non-answers, latest beside baseline; counted levels marked', () => {
    const view = toDistribution(explanation().distribution.fear, 'en', en.t);
    expect(view.rows.map((r) => [r.label, r.counted, r.latest?.text ?? null, r.baseline?.text ?? null])).toEqual([
      ['5 most', true, '10.0% (10)', '10.0% (10)'],
      ['4 much', true, '20.0% (20)', '20.0% (20)'],
      ['3 moderate', false, '30.0% (30)', '30.0% (30)'],
      ['2 little', false, '20.0% (20)', '20.0% (20)'],
      ['1 least', false, '10.0% (10)', '10.0% (10)'],
      ["Don't know", false, '10.0% (10)', '0.0% (0)'],
    ]);
    expect(view.latestTitle).toBe('Wave 2024-Q3 (20 Jun 2024)');
    expect(view.baselineTitle).toBe('Wave baseline (20 Jan 2021)');
    expect(view.latestBasis).toBe('90 valid of 100 asked');
  });

  test('no wave: no rows', () => {
    expect(toDistribution(explanation().distribution.trust, 'th', th.t).rows).toEqual([]);
  });
});

describe('caveats', () => {
  test('months covered and last data always; thin waves, opt-in and regression to the mean when they apply', () => {
    const base = explanation();
    expect(toCaveatLines(base.caveats, 'en', en.t)).toEqual([
      "The station's crime data covers Jan 2020 – Jun 2024",
      'Crime data up to June 2024 · latest survey wave 20 June 2024',
    ]);
    const lines = toCaveatLines(
      {
        ...base.caveats,
        wavesBelowMinimum: [
          { wave: '2567-Q1', waveDate: '2024-01-20', sampleType: 'probability', item: 'trust', n: 12 },
        ],
        optIn: { waves: ['2567-06'], respondents: 55, pooled: false },
        regressionToMean: true,
      },
      'en',
      en.t,
    );
    expect(lines[2]).toBe(
      'Waves below the minimum of 30 valid answers (not judged): 2024-Q1 trust 12 answers (probability sample)',
    );
    expect(lines[3]).toContain('55 opt-in answers');
    expect(lines[3]).toContain('never pooled');
    expect(lines[4]).toContain('regression to the mean');
    expect(toCaveatLines(base.caveats, 'th', th.t)[1]).toBe('ข้อมูลคดีถึง มิถุนายน 2567 · ผลสำรวจรอบล่าสุด 20 มิถุนายน 2567');
  });
});
