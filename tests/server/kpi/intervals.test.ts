import { describe, expect, it } from 'vitest';
import { inverseRegularizedIncompleteBeta, logGamma, regularizedIncompleteBeta } from '../../../server/kpi/beta.ts';
import { clopperPearsonInterval, exactRateRatioInterval, wilsonInterval, Z_95 } from '../../../server/kpi/intervals.ts';
import { mulberry32 } from '../../../server/random.ts';
import { randomInt } from './random.ts';

describe('log-gamma and the incomplete beta function', () => {
  it('matches known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14); // Gamma(1/2) = sqrt(pi)
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12); // 10!
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13); // scipy.special.gammaln(0.1)
  });

  it('has the closed forms I_x(1, 1) = x, I_x(a, 1) = x^a, I_x(1, b) = 1 - (1 - x)^b', () => {
    for (const x of [0.001, 0.2, 0.5, 0.77, 0.999]) {
      expect(regularizedIncompleteBeta(x, 1, 1)).toBeCloseTo(x, 14);
      expect(regularizedIncompleteBeta(x, 3, 1)).toBeCloseTo(x ** 3, 14);
      expect(regularizedIncompleteBeta(x, 1, 4)).toBeCloseTo(1 - (1 - x) ** 4, 14);
    }
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('matches scipy.special.betainc', () => {
    // scipy 1.17.1: betainc(1262, 2754, 0.31567079910751106) = 0.5788487057267027
    expect(regularizedIncompleteBeta(0.31567079910751106, 1262, 2754)).toBeCloseTo(0.5788487057267027, 11);
  });

  it('inverts I_x(a, b) to 1e-9 or better over a wide range of shapes', () => {
    const random = mulberry32(20240601);
    for (let i = 0; i < 300; i++) {
      const a = random() < 0.3 ? 0.5 + random() * 5 : randomInt(random, 1, 20000);
      const b = random() < 0.3 ? 0.5 + random() * 5 : randomInt(random, 1, 20000);
      const p = [0.025, 0.975, random()][i % 3] ?? 0.5;
      const x = inverseRegularizedIncompleteBeta(p, a, b);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(1);
      expect(Math.abs(regularizedIncompleteBeta(x, a, b) - p)).toBeLessThan(1e-9);
    }
  });

  it('keeps tiny quantiles accurate in relative terms', () => {
    // Beta(1, b) has the closed-form quantile 1 - (1 - p)^(1/b).
    const b = 5000;
    const exact = -Math.expm1(Math.log1p(-0.025) / b);
    expect(inverseRegularizedIncompleteBeta(0.025, 1, b) / exact).toBeCloseTo(1, 11);
  });
});

describe('Clopper-Pearson exact interval', () => {
  it('matches R binom.test (and scipy binomtest(...).proportion_ci("exact"))', () => {
    // R: binom.test(7, 20)$conf.int = 0.1539092 0.5921885
    const seven = clopperPearsonInterval(7, 20);
    expect(seven?.lower).toBeCloseTo(0.1539092047845412, 10);
    expect(seven?.upper).toBeCloseTo(0.5921885345328283, 10);
    // R: binom.test(0, 10)$conf.int = 0 0.3084971
    const none = clopperPearsonInterval(0, 10);
    expect(none?.lower).toBe(0);
    expect(none?.upper).toBeCloseTo(0.30849710781876294, 10);
    // R: binom.test(10, 10)$conf.int = 0.6915029 1
    const all = clopperPearsonInterval(10, 10);
    expect(all?.lower).toBeCloseTo(0.6915028921812371, 10);
    expect(all?.upper).toBe(1);
    // scipy 1.17.1 binomtest(1, 1000).proportion_ci(): 2.5317487491674634e-05 0.0055589242798499
    const rare = clopperPearsonInterval(1, 1000);
    expect((rare?.lower ?? 0) / 2.5317487491674634e-5).toBeCloseTo(1, 9);
    expect(rare?.upper).toBeCloseTo(0.0055589242798499, 12);
  });

  it('has no interval without trials and rejects impossible counts', () => {
    expect(clopperPearsonInterval(0, 0)).toBeNull();
    expect(() => clopperPearsonInterval(3, 2)).toThrow(RangeError);
    expect(() => clopperPearsonInterval(1.5, 4)).toThrow(RangeError);
  });
});

describe('exact rate-ratio interval (conditional binomial)', () => {
  it('maps the Clopper-Pearson bounds of after / (after + baseline) through p / (1 - p)', () => {
    // scipy 1.17.1: binomtest(10, 30).proportion_ci() = (0.1728742215260393, 0.5281200447898805),
    // so RR bounds = 0.209005965023833, 1.1191830442442048.
    const interval = exactRateRatioInterval(10, 20);
    expect(interval.lower).toBeCloseTo(0.209005965023833, 9);
    expect(interval.upper).toBeCloseTo(1.1191830442442048, 9);
  });

  it('gives lower 0 when after = 0 and an unbounded upper when baseline = 0', () => {
    // scipy: binomtest(0, 12).proportion_ci().high = 0.26465..., RR upper = 0.35989381728770403
    const noAfter = exactRateRatioInterval(0, 12);
    expect(noAfter.lower).toBe(0);
    expect(noAfter.upper).toBeCloseTo(0.35989381728770403, 9);
    const noBaseline = exactRateRatioInterval(5, 0);
    expect(noBaseline.lower).toBeGreaterThan(0);
    expect(noBaseline.upper).toBe(Number.POSITIVE_INFINITY);
    expect(exactRateRatioInterval(0, 0)).toEqual({ lower: 0, upper: Number.POSITIVE_INFINITY });
  });
});

describe('Wilson score interval', () => {
  it('matches R prop.test(7, 20, correct = FALSE) and scipy binomtest(...).proportion_ci("wilson")', () => {
    // R: prop.test(7, 20, correct = FALSE)$conf.int = 0.1811918 0.5671457
    // scipy 1.17.1: binomtest(7, 20).proportion_ci(method='wilson') = 0.1811918241010821 0.5671457233147637
    const interval = wilsonInterval(7 / 20, 20);
    expect(interval?.lower).toBeCloseTo(0.1811918241010821, 12);
    expect(interval?.upper).toBeCloseTo(0.5671457233147637, 12);
    // scipy 1.17.1: binomtest(90, 100).proportion_ci(method='wilson') = 0.8256343384950865 0.9447708629393249
    const ninety = wilsonInterval(0.9, 100);
    expect(ninety?.lower).toBeCloseTo(0.8256343384950865, 12);
    expect(ninety?.upper).toBeCloseTo(0.9447708629393249, 12);
  });

  it('starts at 0 for p = 0 and ends at 1 for p = 1', () => {
    expect(wilsonInterval(0, 10)?.lower).toBe(0);
    // Closed form at p = 0: upper = z^2 / (n + z^2).
    expect(wilsonInterval(0, 10)?.upper).toBeCloseTo((Z_95 * Z_95) / (10 + Z_95 * Z_95), 14);
    expect(wilsonInterval(1, 10)?.upper).toBe(1);
  });

  it('has no interval without observations', () => {
    expect(wilsonInterval(0.5, 0)).toBeNull();
  });

  it('stays inside [0, 1] and contains p, for fractional (effective) n too', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 2000; i++) {
      const p = i % 10 === 0 ? (i % 20 === 0 ? 0 : 1) : random();
      const n = 0.5 + random() * 500;
      const interval = wilsonInterval(p, n);
      if (interval === null) throw new Error('expected an interval');
      expect(interval.lower).toBeGreaterThanOrEqual(0);
      expect(interval.upper).toBeLessThanOrEqual(1);
      expect(interval.lower).toBeLessThanOrEqual(p);
      expect(interval.upper).toBeGreaterThanOrEqual(p);
    }
  });
});
