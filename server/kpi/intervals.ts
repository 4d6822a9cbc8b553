import { inverseRegularizedIncompleteBeta } from './beta.ts';

/**
 * Confidence intervals for a proportion. Both return proportions in [0, 1]; callers turn them into
 * percentages or rate ratios.
 */

/** The 0.975 quantile of the standard normal (R `qnorm(0.975)`), used for every 95% interval. */
export const Z_95 = 1.959963984540054;

/** A two-sided 95% level. */
const ALPHA_95 = 0.05;

export interface ProportionInterval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wilson score interval for a proportion `p` observed on `n` (effective) observations.
 * `n` may be fractional: with survey weights it is the Kish effective sample size.
 * Returns null when n <= 0 (no data, no interval).
 */
export function wilsonInterval(p: number, n: number, z: number = Z_95): ProportionInterval | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Proportion must lie in [0, 1], got ${p}`);
  if (!(n > 0) || !Number.isFinite(n)) return null;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Mathematically lower <= p <= upper and both lie in [0, 1]; the clamps only absorb rounding
  // (at p = 0 the lower bound is centre - halfWidth = 0 up to the last bit).
  return {
    lower: Math.min(p, Math.max(0, centre - halfWidth)),
    upper: Math.max(p, Math.min(1, centre + halfWidth)),
  };
}

/**
 * Clopper-Pearson exact interval for `successes` out of `trials` (R `binom.test`):
 * lower = Beta^-1(alpha/2; x, n - x + 1) (0 when x = 0),
 * upper = Beta^-1(1 - alpha/2; x + 1, n - x) (1 when x = n).
 * Returns null when trials = 0.
 */
export function clopperPearsonInterval(
  successes: number,
  trials: number,
  alpha: number = ALPHA_95,
): ProportionInterval | null {
  assertCounts(successes, trials);
  if (trials === 0) return null;
  const failures = trials - successes;
  return {
    lower: successes === 0 ? 0 : inverseRegularizedIncompleteBeta(alpha / 2, successes, failures + 1),
    upper: failures === 0 ? 1 : 1 - inverseRegularizedIncompleteBeta(alpha / 2, failures, successes + 1),
  };
}

function assertCounts(successes: number, trials: number): void {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new RangeError(`Need integer counts with 0 <= successes <= trials, got ${successes}/${trials}`);
  }
}

/**
 * Exact 95% interval for a rate ratio after / baseline over equal exposure (L months each),
 * conditional on the total: after ~ Binomial(after + baseline, p) with RR = p / (1 - p), so the
 * Clopper-Pearson bounds on p map to bounds on RR. The upper bound is computed from the baseline
 * share (1 - p) directly so that it keeps its relative precision when p is close to 1.
 * `upper` is Infinity when baseline = 0; both bounds are 0..Infinity when there are no events.
 */
export function exactRateRatioInterval(after: number, baseline: number, alpha: number = ALPHA_95): ProportionInterval {
  assertCounts(after, after + baseline);
  assertCounts(baseline, after + baseline);
  // Lower: p_L = Beta^-1(alpha/2; after, baseline + 1), RR_L = p_L / (1 - p_L).
  const lowerShare = after === 0 ? 0 : inverseRegularizedIncompleteBeta(alpha / 2, after, baseline + 1);
  // Upper: 1 - p_U = Beta^-1(alpha/2; baseline, after + 1), RR_U = (1 - q) / q.
  const upperBaselineShare = baseline === 0 ? 0 : inverseRegularizedIncompleteBeta(alpha / 2, baseline, after + 1);
  return {
    lower: lowerShare / (1 - lowerShare),
    upper: upperBaselineShare === 0 ? Number.POSITIVE_INFINITY : (1 - upperBaselineShare) / upperBaselineShare,
  };
}
