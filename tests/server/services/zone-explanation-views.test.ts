import { describe, expect, test } from 'vitest';
import { crimeChange, relativeEffect } from '../../../server/kpi/index.ts';
import {
  areaChange,
  buildCaveats,
  buildCrimeExplanation,
  itemDistribution,
  waveDistribution,
} from '../../../server/services/zone-explanation-views.ts';

type Crime = Parameters<typeof buildCrimeExplanation>[0];
type Waves = Parameters<typeof itemDistribution>[0];
type Wave = Waves[number];
type WaveItem = NonNullable<Wave['fear']>;

function crime(overrides: Partial<Crime> = {}): Crime {
  return {
    after: 121,
    baseline: 174,
    months: 9,
    afterFrom: '2023-10',
    afterTo: '2024-06',
    baselineFrom: '2020-03',
    baselineTo: '2021-02',
    changePct: -30.46,
    rr: 121 / 174,
    rrLow: 0.5468,
    rrHigh: 0.882,
    significant: true,
    target: 0,
    status: 'met_confident',
    problem: null,
    zonesPooled: null,
    zonesExcluded: null,
    relative: {
      area: 'rest_of_station',
      controlAfter: 712,
      controlBaseline: 622,
      effect: 0.6075,
      low: 0.47,
      high: 0.78,
      significant: true,
    },
    ring: { after: 191, baseline: 137, bufferMeters: 500 },
    wdq: { value: -0.437, reading: 'displacement' },
    reading: {
      zone: 'fell',
      relative: 'improved',
      pointsDifferentWays: false,
      wdq: 'displacement',
      displacementWarning: true,
    },
    coveredMonths: { from: '2020-01', to: '2024-06' },
    method: 'crime-1',
    ...overrides,
  };
}

function waveItem(rows: WaveItem['distribution'], overrides: Partial<WaveItem> = {}): WaveItem {
  const valid = rows.filter((r) => r.status === 'valid').reduce((s, r) => s + r.n, 0);
  return {
    value: 30,
    ciLow: 25,
    ciHigh: 35,
    n: valid,
    nEff: valid,
    respondents: rows.reduce((s, r) => s + r.n, 0),
    invalid: 0,
    status: 'met',
    problem: null,
    target: 40,
    distribution: rows,
    method: { scaleLevels: 5, countsLevels: [4, 5] } as unknown as WaveItem['method'],
    ...overrides,
  };
}

function wave(
  label: string,
  date: string,
  fear: WaveItem | null,
  sampleType: Wave['sampleType'] = 'probability',
): Wave {
  return { wave: label, waveDate: date, sampleType, beforeStart: false, fear, trust: null };
}

describe('the crime panel: three areas side by side', () => {
  test('the zone row is the KPI item itself; comparison and ring get rate ratios by the same exact rule', () => {
    const explained = buildCrimeExplanation(crime());
    expect(explained.areas.map((a) => a.area)).toEqual(['zone', 'comparison', 'ring']);
    expect(explained.areas[0]).toMatchObject({ baseline: 174, after: 121, rr: 121 / 174, low: 0.5468, high: 0.882 });
    const control = crimeChange({ after: 712, baseline: 622 }, { afterMonthCount: 9, problem: null });
    expect(explained.areas[1]).toMatchObject({
      baseline: 622,
      after: 712,
      rr: control.rateRatio,
      low: control.rateRatioInterval?.lower,
      high: control.rateRatioInterval?.upper,
      significant: true,
    });
    // The ring rose 137 -> 191: RR 1.394, its exact interval excludes 1.
    expect(explained.areas[2]?.rr).toBeCloseTo(1.3942, 4);
    expect(explained.areas[2]?.low).toBeGreaterThan(1);
    const effect = relativeEffect({ after: 121, baseline: 174 }, { after: 712, baseline: 622 });
    expect(explained.relative).toEqual({
      effect: effect.effect,
      effectPercent: effect.effectPercent,
      low: effect.interval?.lower,
      high: effect.interval?.upper,
      significant: true,
    });
    expect(explained.comparisonKind).toBe('rest_of_station');
    expect(explained.bufferMeters).toBe(500);
    expect(explained.wdq).toEqual({ value: -0.437 });
  });

  test('no baseline crime in an area: no ratio, an unbounded interval, never a division by zero', () => {
    expect(areaChange('ring', { baseline: 0, after: 4 }, 6)).toMatchObject({
      rr: null,
      high: null,
      low: expect.any(Number),
    });
  });

  test('a window that cannot be judged compares nothing and says why', () => {
    const explained = buildCrimeExplanation(crime({ status: 'insufficient', problem: 'no_after_window' }));
    expect(explained.areas).toEqual([]);
    expect(explained.relative).toBeNull();
    expect(explained.wdq).toBeNull();
    expect(explained.problem).toBe('no_after_window');
  });
});

describe('answer distribution', () => {
  const rows: WaveItem['distribution'] = [
    { status: 'valid', level: 1, n: 10, weighted: 10 },
    { status: 'valid', level: 3, n: 20, weighted: 25 },
    { status: 'valid', level: 5, n: 10, weighted: 5 },
    { status: 'dont_know', level: null, n: 5, weighted: 5 },
    { status: 'blank', level: null, n: 3, weighted: 2 },
    { status: 'dont_know', level: null, n: 1, weighted: 3 },
  ];

  test('every level 1..K (zero where nobody answered it) and every non-answer, as weighted shares of everyone asked', () => {
    const d = waveDistribution(wave('2567-Q3', '2024-06-20', null), waveItem(rows));
    expect(d.levels.map((l) => [l.level, l.n, l.percent])).toEqual([
      [1, 10, 20],
      [2, 0, 0],
      [3, 20, 50],
      [4, 0, 0],
      [5, 10, 10],
    ]);
    expect(d.nonAnswers).toEqual([
      { reason: 'dont_know', n: 6, percent: 16 },
      { reason: 'blank', n: 3, percent: 4 },
    ]);
    const total = [...d.levels, ...d.nonAnswers].reduce((s, a) => s + a.percent, 0);
    expect(total).toBeCloseTo(100, 10);
    expect(d).toMatchObject({ n: 40, respondents: 49, countsLevels: [4, 5], belowMinimum: false });
  });

  test('the latest wave of the KPI and the baseline wave; opt-in waves are never picked', () => {
    const waves = [
      wave('baseline', '2021-01-20', waveItem(rows)),
      wave('2567-Q2', '2024-03-20', waveItem(rows)),
      wave('2567-Q3', '2024-06-20', waveItem(rows), 'opt_in'),
      wave('2567-Q3', '2024-06-21', waveItem(rows)),
    ];
    const picked = itemDistribution(waves, 'fear', { waves: ['2567-Q2', '2567-Q3'], baselineWave: 'baseline' });
    expect(picked.latest).toMatchObject({ wave: '2567-Q3', sampleType: 'probability', waveDate: '2024-06-21' });
    expect(picked.baseline).toMatchObject({ wave: 'baseline' });
    expect(itemDistribution(waves, 'trust', { waves: ['2567-Q3'], baselineWave: null })).toEqual({
      latest: null,
      baseline: null,
    });
  });
});

describe('caveats', () => {
  const waves = [
    wave(
      'baseline',
      '2021-01-20',
      waveItem([{ status: 'valid', level: 4, n: 12, weighted: 12 }], { problem: 'below_minimum_sample', n: 12 }),
    ),
    wave('2567-Q3', '2024-06-20', waveItem([{ status: 'valid', level: 4, n: 80, weighted: 80 }])),
    wave(
      '2567-06',
      '2024-06-30',
      waveItem([{ status: 'valid', level: 4, n: 50, weighted: 50 }], { respondents: 55 }),
      'opt_in',
    ),
  ];
  const base = { crime: crime(), waves, criteria: 'risk', minimumSample: 30, poolOptIn: false };

  test('months covered, the last whole month with data, the latest wave, thin waves, opt-in answers, regression to the mean', () => {
    const caveats = buildCaveats({ ...base, currentMonth: '2026-12' });
    expect(caveats).toEqual({
      coveredMonths: { from: '2020-01', to: '2024-06' },
      lastCrimeMonth: '2024-06',
      lastWaveDate: '2024-06-30',
      minimumSample: 30,
      wavesBelowMinimum: [{ wave: 'baseline', waveDate: '2021-01-20', sampleType: 'probability', item: 'fear', n: 12 }],
      optIn: { waves: ['2567-06'], respondents: 55, pooled: false },
      regressionToMean: true,
    });
  });

  test('the unfinished current month is never the last data month; a zone not chosen for risk has no regression note', () => {
    const caveats = buildCaveats({ ...base, criteria: 'landmark', currentMonth: '2024-06' });
    expect(caveats.lastCrimeMonth).toBe('2024-05');
    expect(caveats.regressionToMean).toBe(false);
    expect(
      buildCaveats({ ...base, crime: crime({ coveredMonths: null }), currentMonth: '2024-07' }).lastCrimeMonth,
    ).toBeNull();
  });
});
