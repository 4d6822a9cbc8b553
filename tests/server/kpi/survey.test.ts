import { describe, expect, it } from 'vitest';
import {
  FEAR_TARGET,
  poolSurveyAggregates,
  sampleSizeForMargin,
  selectSurveyWaves,
  type SurveyAnswer,
  surveyAggregateFromRows,
  surveyChangePoints,
  surveyIndicator,
  type SurveyIndicatorResult,
  tallySurveyAnswers,
  topTwoLevels,
  TRUST_TARGET,
} from '../../../server/kpi/survey.ts';
import { mulberry32 } from '../../../server/random.ts';
import { nonFiniteNumbers, randomInt } from './random.ts';

/** Answers with `counts[level]` answers at each level, all with the same (optional) weight. */
function answers(counts: Record<number, number>, weight?: number): SurveyAnswer[] {
  return Object.entries(counts).flatMap(([level, count]) =>
    Array.from({ length: count }, () => ({ level: Number(level), weight })),
  );
}

function invalidAnswers(reason: string, count: number, weight?: number): SurveyAnswer[] {
  return Array.from({ length: count }, () => ({ invalid: reason, weight }));
}

describe('surveyIndicator: estimate and Wilson interval', () => {
  it('counts the top two boxes by default and matches R prop.test(7, 20, correct = FALSE)', () => {
    // 7 of 20 valid answers at 4 or 5.
    const aggregate = tallySurveyAnswers(answers({ 5: 3, 4: 4, 3: 5, 2: 4, 1: 4 }), 5);
    const result = surveyIndicator(aggregate, { target: FEAR_TARGET });
    expect(result.percent).toBeCloseTo(35, 12);
    expect(result.n).toBe(20);
    expect(result.nEff).toBe(20);
    // R: prop.test(7, 20, correct = FALSE)$conf.int = 0.1811918 0.5671457
    expect(result.interval?.lower).toBeCloseTo(18.11918241010821, 9);
    expect(result.interval?.upper).toBeCloseTo(56.71457233147637, 9);
    expect(result.marginOfError).toBeCloseTo((56.71457233147637 - 18.11918241010821) / 2, 9);
    // Too few answers: the estimate is shown, the status is not judged.
    expect(result.status).toBe('insufficient');
    expect(result.problem).toBe('below_minimum_sample');
    expect(result.method).toMatchObject({
      rule: 'top_two_levels',
      countsLevels: [4, 5],
      denominator: 'valid',
      interval: 'wilson',
      effectiveSampleSize: 'kish',
      minimumSample: 30,
      targetPercent: 40,
      direction: 'max',
      weighted: false,
    });
  });

  it('uses the top two of a 4-point item and any chosen level set', () => {
    expect(topTwoLevels(4)).toEqual([3, 4]);
    expect(topTwoLevels(5)).toEqual([4, 5]);
    const fourPoint = tallySurveyAnswers(answers({ 4: 10, 3: 10, 2: 10, 1: 10 }), 4);
    expect(surveyIndicator(fourPoint, { target: TRUST_TARGET }).percent).toBeCloseTo(50, 12);
    // "Any fear at all": every level above the lowest.
    const fivePoint = tallySurveyAnswers(answers({ 5: 3, 4: 4, 3: 5, 2: 4, 1: 4 }), 5);
    const anyFear = surveyIndicator(fivePoint, { target: FEAR_TARGET, countsLevels: [2, 3, 4, 5] });
    expect(anyFear.percent).toBeCloseTo(80, 12);
    expect(anyFear.method.rule).toBe('chosen_levels');
    expect(() => surveyIndicator(fivePoint, { target: FEAR_TARGET, countsLevels: [6] })).toThrow(RangeError);
  });

  it('gives the same figures for equal weights as for no weights', () => {
    const counts = { 5: 20, 4: 7, 3: 5, 2: 3, 1: 5 };
    const plain = surveyIndicator(tallySurveyAnswers(answers(counts), 5), { target: TRUST_TARGET });
    const weighted = surveyIndicator(tallySurveyAnswers(answers(counts, 2.5), 5), { target: TRUST_TARGET });
    expect(weighted.percent).toBeCloseTo(plain.percent ?? Number.NaN, 12);
    expect(weighted.nEff).toBeCloseTo(40, 12); // Kish n_eff = n when all weights are equal
    expect(weighted.interval?.lower).toBeCloseTo(plain.interval?.lower ?? Number.NaN, 12);
    expect(weighted.interval?.upper).toBeCloseTo(plain.interval?.upper ?? Number.NaN, 12);
    expect(weighted.status).toBe(plain.status);
    expect(weighted.method.weighted).toBe(true);
    expect(plain.method.weighted).toBe(false);
  });

  it('uses the Kish effective sample size for unequal weights', () => {
    // 10 answers: 5 fearful with weight 3, 5 not with weight 1. p = 15/20, n_eff = 20^2 / (5*9 + 5*1) = 8.
    const aggregate = tallySurveyAnswers([...answers({ 5: 5 }, 3), ...answers({ 1: 5 }, 1)], 5);
    const result = surveyIndicator(aggregate, { target: FEAR_TARGET, minimumSample: 1 });
    expect(result.percent).toBeCloseTo(75, 12);
    expect(result.nEff).toBeCloseTo(8, 12);
    expect(result.n).toBe(10);
  });
});

describe('surveyIndicator: invalid answers and the denominator', () => {
  // 30 valid answers, 12 of them fearful, plus 10 "don't know" and 2 blank.
  const aggregate = tallySurveyAnswers(
    [...answers({ 5: 5, 4: 7, 3: 8, 2: 6, 1: 4 }), ...invalidAnswers('dont_know', 10), ...invalidAnswers('blank', 2)],
    5,
  );

  it('leaves invalid answers out of the default denominator, but counts and reports them', () => {
    const result = surveyIndicator(aggregate, { target: FEAR_TARGET });
    expect(result.percent).toBeCloseTo(40, 12); // 12 / 30
    expect(result).toMatchObject({ n: 30, respondents: 42, invalidTotal: 12, denominatorCount: 30, nEff: 30 });
    expect(result.invalid).toEqual({ dont_know: 10, blank: 2 });
  });

  it("keeps don't know (and every other non-answer) in the denominator under 'all'", () => {
    const result = surveyIndicator(aggregate, { target: FEAR_TARGET, denominator: 'all' });
    expect(result.percent).toBeCloseTo((12 / 42) * 100, 12);
    // n stays the number of valid answers; n_eff is over the denominator's rows.
    expect(result).toMatchObject({ n: 30, respondents: 42, denominatorCount: 42, nEff: 42 });
    expect(result.method.denominator).toBe('all');
  });

  it('counts a level off the scale as out of range, not as a valid answer', () => {
    const result = surveyIndicator(tallySurveyAnswers([...answers({ 5: 30 }), { level: 7 }, { level: 0 }], 5), {
      target: FEAR_TARGET,
    });
    expect(result.n).toBe(30);
    expect(result.invalid).toEqual({ out_of_range: 2 });
  });

  it('is insufficient with no data, without inventing numbers', () => {
    const none = surveyIndicator(tallySurveyAnswers(invalidAnswers('blank', 4), 5), { target: FEAR_TARGET });
    expect(none).toMatchObject({
      percent: null,
      interval: null,
      status: 'insufficient',
      problem: 'no_data',
      n: 0,
      respondents: 4,
    });
    expect(nonFiniteNumbers(none)).toEqual([]);
    // Under 'all', the 4 blanks are a denominator but there is still no valid answer.
    const all = surveyIndicator(tallySurveyAnswers(invalidAnswers('blank', 4), 5), {
      target: FEAR_TARGET,
      denominator: 'all',
    });
    expect(all.problem).toBe('no_data');
    expect(surveyIndicator(tallySurveyAnswers([], 5), { target: TRUST_TARGET }).problem).toBe('no_data');
  });
});

describe('surveyIndicator: status', () => {
  it('is insufficient at 29 valid answers and judged at 30', () => {
    // 29: 28 trusting (96.6%), still insufficient; the estimate is shown.
    const small = surveyIndicator(tallySurveyAnswers(answers({ 5: 28, 1: 1 }), 5), { target: TRUST_TARGET });
    expect(small.n).toBe(29);
    expect(small.status).toBe('insufficient');
    expect(small.percent).toBeCloseTo((28 / 29) * 100, 12);
    const enough = surveyIndicator(tallySurveyAnswers(answers({ 5: 29, 1: 1 }), 5), { target: TRUST_TARGET });
    expect(enough.n).toBe(30);
    expect(enough.status).toBe('met_confident');
    expect(enough.problem).toBeNull();
    // The minimum is a setting.
    expect(
      surveyIndicator(tallySurveyAnswers(answers({ 5: 28, 1: 1 }), 5), { target: TRUST_TARGET, minimumSample: 20 })
        .status,
    ).toBe('met_confident');
  });

  it('is met with confidence when the whole interval meets the target (trust 90 of 100)', () => {
    const result = surveyIndicator(tallySurveyAnswers(answers({ 5: 60, 4: 30, 2: 10 }), 5), { target: TRUST_TARGET });
    // scipy 1.17.1 binomtest(90, 100).proportion_ci(method='wilson') = 0.8256343384950865 0.9447708629393249
    expect(result.interval?.lower).toBeCloseTo(82.563433849509, 9);
    expect(result.status).toBe('met_confident');
  });

  it('is met, not confidently, when only the estimate meets it; an estimate on the target meets it', () => {
    // Fear 12 of 30 = 40% exactly: "at most 40" is met; the interval reaches above 40.
    const result = surveyIndicator(tallySurveyAnswers(answers({ 5: 12, 1: 18 }), 5), { target: FEAR_TARGET });
    expect(result.percent).toBeCloseTo(40, 12);
    expect(result.status).toBe('met');
    const trust = surveyIndicator(tallySurveyAnswers(answers({ 5: 24, 2: 6 }), 5), { target: TRUST_TARGET });
    expect(trust.percent).toBeCloseTo(80, 12);
    expect(trust.status).toBe('met');
  });

  it('is not met when the estimate misses the target', () => {
    const fear = surveyIndicator(tallySurveyAnswers(answers({ 5: 13, 1: 17 }), 5), { target: FEAR_TARGET });
    expect(fear.status).toBe('not_met');
    const trust = surveyIndicator(tallySurveyAnswers(answers({ 5: 23, 1: 7 }), 5), { target: TRUST_TARGET });
    expect(trust.status).toBe('not_met');
  });

  it('counts an interval bound exactly on the target as meeting it (a documented choice)', () => {
    const aggregate = tallySurveyAnswers(answers({ 5: 10, 1: 40 }), 5); // 20%, upper bound about 33
    const first = surveyIndicator(aggregate, { target: FEAR_TARGET });
    const upper = first.interval?.upper ?? Number.NaN;
    // Fear target set exactly at the upper bound: the whole interval is "at most" the target.
    const touching = surveyIndicator(aggregate, { target: { targetPercent: upper, direction: 'max' } });
    expect(touching.status).toBe('met_confident');
    expect(touching.method.boundaryMeets).toBe(true);
    const justBelow = surveyIndicator(aggregate, { target: { targetPercent: upper - 1e-9, direction: 'max' } });
    expect(justBelow.status).toBe('met');
    // Same for a minimum target on the lower bound.
    const lower = first.interval?.lower ?? Number.NaN;
    expect(surveyIndicator(aggregate, { target: { targetPercent: lower, direction: 'min' } }).status).toBe(
      'met_confident',
    );
    expect(surveyIndicator(aggregate, { target: { targetPercent: lower + 1e-9, direction: 'min' } }).status).toBe(
      'met',
    );
  });
});

describe('sample size for +-5 points', () => {
  it('is ceil(1.96^2 p (1 - p) / 0.05^2)', () => {
    expect(sampleSizeForMargin(0.5)).toBe(385); // 384.1459
    expect(sampleSizeForMargin(0.35)).toBe(350); // 349.5728
    expect(sampleSizeForMargin(0.4)).toBe(369); // 368.7800
  });

  it('is reported with the result and flagged when the sample is smaller', () => {
    const result = surveyIndicator(tallySurveyAnswers(answers({ 5: 12, 1: 18 }), 5), { target: FEAR_TARGET });
    expect(result.sampleSizeNeeded).toBe(369);
    expect(result.sampleSmallerThanNeeded).toBe(true);
  });
});

describe('aggregates from survey_agg rows, and pooling', () => {
  it('reads survey_agg rows, treating a valid row off the scale as out of range', () => {
    const aggregate = surveyAggregateFromRows(
      [
        { status: 'valid', level: 5, n: 10, sumW: 10, sumW2: 10 },
        { status: 'valid', level: 5, n: 2, sumW: 2, sumW2: 2 },
        { status: 'valid', level: 1, n: 20, sumW: 20, sumW2: 20 },
        { status: 'dont_know', level: null, n: 3, sumW: 3, sumW2: 3 },
        { status: 'valid', level: 9, n: 1, sumW: 1, sumW2: 1 },
      ],
      5,
    );
    expect(aggregate.valid[5]).toEqual({ n: 12, sumW: 12, sumW2: 12 });
    expect(aggregate.invalid).toEqual({
      dont_know: { n: 3, sumW: 3, sumW2: 3 },
      out_of_range: { n: 1, sumW: 1, sumW2: 1 },
    });
  });

  it('pools zones by adding their tallies: the same as tallying all the answers together', () => {
    const zoneA = [...answers({ 5: 10, 2: 20 }, 1.5), ...invalidAnswers('refused', 3, 1)];
    const zoneB = [...answers({ 4: 5, 1: 25 }, 0.5), ...answers({ 5: 4 }, 2)];
    const pooled = poolSurveyAggregates([tallySurveyAnswers(zoneA, 5), tallySurveyAnswers(zoneB, 5)]);
    if (pooled === null) throw new Error('expected a pooled aggregate');
    const together = tallySurveyAnswers([...zoneA, ...zoneB], 5);
    for (const denominator of ['valid', 'all'] as const) {
      const a = surveyIndicator(pooled, { target: FEAR_TARGET, denominator });
      const b = surveyIndicator(together, { target: FEAR_TARGET, denominator });
      expect(a.percent).toBeCloseTo(b.percent ?? Number.NaN, 12);
      expect(a.nEff).toBeCloseTo(b.nEff, 12);
      expect(a.n).toBe(b.n);
    }
    expect(poolSurveyAggregates([])).toBeNull();
    expect(() => poolSurveyAggregates([tallySurveyAnswers([], 5), tallySurveyAnswers([], 4)])).toThrow(RangeError);
  });
});

describe('survey properties (seeded random inputs)', () => {
  const random = mulberry32(1234);

  function randomAnswers(): SurveyAnswer[] {
    const count = randomInt(random, 1, 200);
    const weighted = random() < 0.7;
    return Array.from({ length: count }, (): SurveyAnswer => {
      const weight = weighted ? 0.05 + random() * 5 : undefined;
      return random() < 0.1 ? { invalid: 'dont_know', weight } : { level: randomInt(random, 1, 5), weight };
    });
  }

  it('does not change when every weight is multiplied by a constant', () => {
    for (let i = 0; i < 300; i++) {
      const rows = randomAnswers();
      const factor = 0.01 + random() * 100;
      const scaled = rows.map((row) => ({ ...row, weight: (row.weight ?? 1) * factor }));
      for (const denominator of ['valid', 'all'] as const) {
        const options = { target: FEAR_TARGET, denominator };
        const a = surveyIndicator(tallySurveyAnswers(rows, 5), options);
        const b = surveyIndicator(tallySurveyAnswers(scaled, 5), options);
        expect(b.status).toBe(a.status);
        if (a.percent === null) {
          expect(b.percent).toBeNull();
          continue;
        }
        expect(b.percent).toBeCloseTo(a.percent, 9);
        expect(b.nEff).toBeCloseTo(a.nEff, 9);
        expect(b.interval?.lower).toBeCloseTo(a.interval?.lower ?? Number.NaN, 9);
        expect(b.interval?.upper).toBeCloseTo(a.interval?.upper ?? Number.NaN, 9);
      }
    }
  });

  it('keeps the interval within [0, 100] and around the estimate', () => {
    for (let i = 0; i < 1000; i++) {
      const denominator = random() < 0.5 ? 'valid' : 'all';
      const countsLevels = [randomInt(random, 1, 5), randomInt(random, 1, 5)];
      const result: SurveyIndicatorResult = surveyIndicator(tallySurveyAnswers(randomAnswers(), 5), {
        target: TRUST_TARGET,
        denominator,
        countsLevels,
      });
      expect(nonFiniteNumbers(result)).toEqual([]);
      if (result.percent === null || result.interval === null) continue;
      expect(result.interval.lower).toBeGreaterThanOrEqual(0);
      expect(result.interval.upper).toBeLessThanOrEqual(100);
      expect(result.interval.lower).toBeLessThanOrEqual(result.percent);
      expect(result.interval.upper).toBeGreaterThanOrEqual(result.percent);
      expect(result.nEff).toBeLessThanOrEqual(result.denominatorCount + 1e-9); // Kish n_eff <= n
    }
  });
});

describe('waves', () => {
  const waves = [
    { wave: 'baseline', waveDate: '2022-05-20' },
    { wave: 'pre-2', waveDate: '2022-07-10' },
    { wave: 'wave-1', waveDate: '2023-01-15' },
    { wave: 'wave-2', waveDate: '2023-08-30' },
  ];

  it('uses the latest wave dated in the period and the latest dated before the start', () => {
    const picked = selectSurveyWaves(waves, { period: { from: '2022-10', to: '2023-06' }, startDate: '2022-07-16' });
    expect(picked.current?.wave).toBe('wave-1');
    expect(picked.baseline?.wave).toBe('pre-2');
  });

  it('uses the latest wave when no period is asked for, and none when the period has none', () => {
    expect(selectSurveyWaves(waves, { startDate: '2022-07-16' }).current?.wave).toBe('wave-2');
    expect(
      selectSurveyWaves(waves, { period: { from: '2021-01', to: '2021-12' }, startDate: '2022-07-16' }).current,
    ).toBeNull();
    expect(selectSurveyWaves(waves, { startDate: '2020-01-01' }).baseline).toBeNull();
  });

  it('reports the change from the baseline wave in points', () => {
    expect(surveyChangePoints({ percent: 35 }, { percent: 47.5 })).toBeCloseTo(-12.5, 12);
    expect(surveyChangePoints({ percent: 35 }, { percent: null })).toBeNull();
  });
});
