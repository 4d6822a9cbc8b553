/**
 * Synthetic control (kpi.md, Crime change: "Synthetic control"; Abadie, Diamond and Hainmueller,
 * 2010). Pure maths, no I/O.
 *
 * Every unit (the zone, and each donor station area) is a monthly series of counted cases over the
 * zone's windows, divided by its own pre-start mean ("shares of the pre-start mean", so a big
 * station area does not dominate by size). Donor weights w >= 0 with sum 1 minimise the squared
 * error against the zone over the pre-start months; the counterfactual is the weighted donor series
 * times the zone's pre-start mean. Placebos in space refit with each donor as the treated unit (the
 * zone left out of the pool), from the same Gram matrix.
 *
 * The weights come from an exact active-set method for least squares on the simplex (as
 * Lawson-Hanson for NNLS, with the sum-to-one constraint in the KKT system): finite, and the
 * answer has the few non-zero weights such fits have, which is what makes 1,500 placebos fast.
 */

/** Σ w = 1, w >= 0: the optimality test allows this much slack in the gradient (relative). */
const KKT_TOLERANCE = 1e-12;
const MAX_ITERATIONS = 10_000;

export interface SimplexFit {
  /** Weights over the donors, >= 0, summing to 1 (exact zeros off the active set). */
  readonly weights: Float64Array;
  /** Donor indices with a weight above 0, by weight descending. */
  readonly active: readonly number[];
  readonly iterations: number;
}

/**
 * min ||Σ_j w_j x_j - y||² over the simplex, given the Gram matrix of the units: `gram(a, b)` =
 * <x_a, x_b> over the fitting months, donors `donors` (unit indices), treated unit `treated`.
 */
export function simplexLeastSquaresGram(
  gram: (a: number, b: number) => number,
  donors: readonly number[],
  treated: number,
): SimplexFit {
  const J = donors.length;
  const weights = new Float64Array(J);
  if (J === 0) throw new RangeError('no donors');
  // c_j = <x_j, y>; the objective is ½ wᵀGw - cᵀw (+ ½ <y, y>).
  const c = new Float64Array(J);
  const diag = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    c[j] = gram(donors[j] as number, treated);
    diag[j] = gram(donors[j] as number, donors[j] as number);
  }
  // Start at the best single donor: ||x_j - y||² = G_jj - 2 c_j + const.
  let best = 0;
  for (let j = 1; j < J; j++) {
    if ((diag[j] as number) - 2 * (c[j] as number) < (diag[best] as number) - 2 * (c[best] as number)) best = j;
  }
  weights[best] = 1;
  let active: number[] = [best];
  const scale = Math.max(1e-300, ...Array.from(diag));
  const gradient = new Float64Array(J);
  let iterations = 0;

  const computeGradient = () => {
    for (let j = 0; j < J; j++) {
      let s = 0;
      const dj = donors[j] as number;
      for (const l of active) s += gram(dj, donors[l] as number) * (weights[l] as number);
      gradient[j] = s - (c[j] as number);
    }
  };

  for (; iterations < MAX_ITERATIONS; iterations++) {
    computeGradient();
    // λ: the common gradient on the active set (equal there at the equality-constrained optimum).
    let lambda = 0;
    for (const l of active) lambda += gradient[l] as number;
    lambda /= active.length;
    let enter = -1;
    let most = lambda - KKT_TOLERANCE * scale;
    for (let j = 0; j < J; j++) {
      if ((weights[j] as number) > 0) continue;
      if ((gradient[j] as number) < most) {
        most = gradient[j] as number;
        enter = j;
      }
    }
    if (enter === -1) break;
    active.push(enter);
    // Inner loop: the equality-constrained optimum on the active set, stepping back to stay >= 0.
    for (;;) {
      const z = solveOnSet(gram, donors, active, c);
      let alpha = 1;
      let blocking = -1;
      active.forEach((l, i) => {
        const zi = z[i] as number;
        if (zi <= 0) {
          const wl = weights[l] as number;
          const step = wl / (wl - zi);
          if (step < alpha) {
            alpha = step;
            blocking = l;
          }
        }
      });
      if (blocking === -1) {
        active.forEach((l, i) => {
          weights[l] = z[i] as number;
        });
        break;
      }
      active.forEach((l, i) => {
        const wl = weights[l] as number;
        weights[l] = wl + alpha * ((z[i] as number) - wl);
      });
      weights[blocking] = 0;
      active = active.filter((l) => (weights[l] as number) > 0);
      if (active.length === 0) {
        // Cannot happen with sum 1 kept; guard against a degenerate system all the same.
        weights[best] = 1;
        active = [best];
        break;
      }
    }
    renormalise(weights, active);
  }
  // Weights below 1e-10 are rounding noise around an exact fit (a donor whose entry changed the
  // loss by nothing measurable): drop them and solve once more on the rest.
  const kept = active.filter((l) => (weights[l] as number) > 1e-10);
  if (kept.length < active.length && kept.length > 0) {
    const z = solveOnSet(gram, donors, kept, c);
    if (z.every((v) => v > 0)) {
      for (const l of active) weights[l] = 0;
      kept.forEach((l, i) => {
        weights[l] = z[i] as number;
      });
      active = kept;
    }
  }
  renormalise(weights, active);
  return {
    weights,
    active: [...active].sort((a, b) => (weights[b] as number) - (weights[a] as number)),
    iterations,
  };
}

/** Rounding can leave Σ w a hair off 1: put the sum back on the simplex exactly. */
function renormalise(weights: Float64Array, active: readonly number[]): void {
  let sum = 0;
  for (const l of active) {
    if ((weights[l] as number) < 0) weights[l] = 0;
    sum += weights[l] as number;
  }
  if (sum > 0) for (const l of active) weights[l] = (weights[l] as number) / sum;
}

/**
 * Minimiser of ½ wᵀ G_PP w - c_Pᵀ w subject to Σ w = 1 on the active set P, by the KKT system
 * [G 1; 1ᵀ 0][w; μ] = [c; 1]. Solved exactly first; a (near-)singular G_PP (more donors than
 * months, or two identical donors) is solved again with a ridge of 1e-10 of its mean diagonal,
 * which picks the least-norm answer among equally good ones.
 */
function solveOnSet(
  gram: (a: number, b: number) => number,
  donors: readonly number[],
  active: readonly number[],
  c: Float64Array,
): Float64Array {
  return solveKkt(gram, donors, active, c, 0) ?? (solveKkt(gram, donors, active, c, 1e-10) as Float64Array);
}

function solveKkt(
  gram: (a: number, b: number) => number,
  donors: readonly number[],
  active: readonly number[],
  c: Float64Array,
  ridgeShare: number,
): Float64Array | null {
  const k = active.length;
  const n = k + 1;
  const a = new Float64Array(n * n);
  const b = new Float64Array(n);
  let trace = 0;
  for (let i = 0; i < k; i++) {
    const di = donors[active[i] as number] as number;
    for (let j = 0; j < k; j++) a[i * n + j] = gram(di, donors[active[j] as number] as number);
    trace += a[i * n + i] as number;
    a[i * n + k] = 1;
    a[k * n + i] = 1;
    b[i] = c[active[i] as number] as number;
  }
  b[k] = 1;
  const meanDiagonal = trace / Math.max(1, k) || 1;
  for (let i = 0; i < k; i++) a[i * n + i] = (a[i * n + i] as number) + ridgeShare * meanDiagonal;
  const tiny = 1e-13 * meanDiagonal;
  // Gaussian elimination with partial pivoting.
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(a[r * n + col] as number) > Math.abs(a[pivot * n + col] as number)) pivot = r;
    }
    if (pivot !== col) {
      for (let j = 0; j < n; j++) {
        const t = a[col * n + j] as number;
        a[col * n + j] = a[pivot * n + j] as number;
        a[pivot * n + j] = t;
      }
      const t = b[col] as number;
      b[col] = b[pivot] as number;
      b[pivot] = t;
    }
    const p = a[col * n + col] as number;
    if (Math.abs(p) < tiny) {
      if (ridgeShare === 0) return null;
      continue;
    }
    for (let r = col + 1; r < n; r++) {
      const f = (a[r * n + col] as number) / p;
      if (f === 0) continue;
      for (let j = col; j < n; j++) a[r * n + j] = (a[r * n + j] as number) - f * (a[col * n + j] as number);
      b[r] = (b[r] as number) - f * (b[col] as number);
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r] as number;
    for (let j = r + 1; j < n; j++) s -= (a[r * n + j] as number) * (x[j] as number);
    const p = a[r * n + r] as number;
    x[r] = Math.abs(p) < tiny ? 0 : s / p;
  }
  return x.subarray(0, k);
}

// ---------------------------------------------------------------------------------------------
// The counterfactual of a zone, with its placebos
// ---------------------------------------------------------------------------------------------

export interface SyntheticUnit {
  readonly id: string;
  /** Counted cases per month, aligned with `months` of the input (pre-start months first). */
  readonly counts: readonly number[];
}

export interface SyntheticControlInput {
  /** Every month of the zone's windows in order: `preMonths` pre-start months, then the after window. */
  readonly months: readonly string[];
  readonly preMonths: number;
  readonly zone: SyntheticUnit;
  /** Station areas with no pilot zone and data for every month of the windows. */
  readonly donors: readonly SyntheticUnit[];
}

export type SyntheticControlProblem = 'too_few_pre_months' | 'no_after_window' | 'no_donors' | 'no_pre_start_crime';

export interface SyntheticControlResult {
  readonly available: boolean;
  readonly problem: SyntheticControlProblem | null;
  /** Donors with a weight above 0 (index into input.donors, weight), heaviest first. */
  readonly weights: readonly { readonly donor: number; readonly weight: number }[];
  /** Per month: the zone's count and the counterfactual in counts (pre-start: the fit). */
  readonly months: readonly { readonly month: string; readonly actual: number; readonly counterfactual: number }[];
  /** Root mean squared prediction error over the pre-start months, in shares of the pre-start mean. */
  readonly preRmspe: number | null;
  readonly postRmspe: number | null;
  /** (Σ actual - Σ counterfactual) / Σ counterfactual x 100 over the after window. */
  readonly effectPct: number | null;
  /** The zone's post/pre RMSPE ratio ranked among itself and every placebo (largest = 1). */
  readonly placebo: { readonly rank: number; readonly of: number; readonly p: number } | null;
  /** Median pre-start RMSPE of the placebo fits. */
  readonly placeboMedianPreRmspe: number | null;
  /** Pre-start RMSPE above twice the placebos' median: shown as such, judges nothing. */
  readonly poorFit: boolean;
  readonly method: SyntheticControlMethod;
}

export interface SyntheticControlMethod {
  readonly rule: 'synthetic_control';
  readonly source: 'Abadie, Diamond and Hainmueller (2010)';
  readonly scale: 'share_of_pre_start_mean';
  readonly weights: 'non_negative_sum_to_one';
  readonly inference: 'placebo_in_space';
  readonly pValue: 'rank_over_donors_plus_one';
  readonly poorFitAbove: 'twice_median_placebo_pre_rmspe';
  readonly minimumPreMonths: number;
  readonly preMonths: number;
  readonly afterMonths: number;
  readonly donorsInPool: number;
}

const MIN_PRE_MONTHS = 12;

function mean(values: ArrayLike<number>, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += values[i] as number;
  return to > from ? s / (to - from) : 0;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * kpi.md Synthetic control. Donors whose pre-start mean is 0 cannot be put on the share scale and
 * are left out of the pool (a station area with no counted crime before the start carries no
 * information about the zone's path).
 */
export function syntheticControl(input: SyntheticControlInput): SyntheticControlResult {
  const T = input.months.length;
  const T0 = input.preMonths;
  const afterMonths = T - T0;
  const pool = input.donors.filter((d) => mean(d.counts, 0, T0) > 0);
  const method: SyntheticControlMethod = {
    rule: 'synthetic_control',
    source: 'Abadie, Diamond and Hainmueller (2010)',
    scale: 'share_of_pre_start_mean',
    weights: 'non_negative_sum_to_one',
    inference: 'placebo_in_space',
    pValue: 'rank_over_donors_plus_one',
    poorFitAbove: 'twice_median_placebo_pre_rmspe',
    minimumPreMonths: MIN_PRE_MONTHS,
    preMonths: T0,
    afterMonths: Math.max(0, afterMonths),
    donorsInPool: pool.length,
  };
  const unavailable = (problem: SyntheticControlProblem): SyntheticControlResult => ({
    available: false,
    problem,
    weights: [],
    months: [],
    preRmspe: null,
    postRmspe: null,
    effectPct: null,
    placebo: null,
    placeboMedianPreRmspe: null,
    poorFit: false,
    method,
  });
  if (T0 < MIN_PRE_MONTHS) return unavailable('too_few_pre_months');
  if (afterMonths < 1) return unavailable('no_after_window');
  const zoneMean = mean(input.zone.counts, 0, T0);
  if (!(zoneMean > 0)) return unavailable('no_pre_start_crime');
  if (pool.length === 0) return unavailable('no_donors');

  // Unit 0 = the zone, 1..J = the donors; series as shares of their own pre-start mean.
  const units = [input.zone, ...pool];
  const N = units.length;
  const series = units.map((u) => {
    const m = mean(u.counts, 0, T0);
    const s = new Float64Array(T);
    for (let t = 0; t < T; t++) s[t] = (u.counts[t] as number) / m;
    return s;
  });
  // The Gram matrix of all units over the pre-start months, computed once for every fit.
  const gramMatrix = new Float64Array(N * N);
  for (let a = 0; a < N; a++) {
    const sa = series[a] as Float64Array;
    for (let b = a; b < N; b++) {
      const sb = series[b] as Float64Array;
      let s = 0;
      for (let t = 0; t < T0; t++) s += (sa[t] as number) * (sb[t] as number);
      gramMatrix[a * N + b] = s;
      gramMatrix[b * N + a] = s;
    }
  }
  const gram = (a: number, b: number) => gramMatrix[a * N + b] as number;

  const fitOf = (treated: number, donors: number[]) => {
    const fit = simplexLeastSquaresGram(gram, donors, treated);
    const synthetic = new Float64Array(T);
    for (const j of fit.active) {
      const w = fit.weights[j] as number;
      const s = series[donors[j] as number] as Float64Array;
      for (let t = 0; t < T; t++) synthetic[t] = (synthetic[t] as number) + w * (s[t] as number);
    }
    const y = series[treated] as Float64Array;
    let pre = 0;
    let post = 0;
    for (let t = 0; t < T; t++) {
      const e = (y[t] as number) - (synthetic[t] as number);
      if (t < T0) pre += e * e;
      else post += e * e;
    }
    return { fit, synthetic, preRmspe: Math.sqrt(pre / T0), postRmspe: Math.sqrt(post / (T - T0)) };
  };

  const donorIndices = Array.from({ length: N - 1 }, (_, i) => i + 1);
  const zoneFit = fitOf(0, donorIndices);
  const placebos = donorIndices.map((d) =>
    fitOf(
      d,
      donorIndices.filter((j) => j !== d),
    ),
  );
  const ratio = (f: { preRmspe: number; postRmspe: number }) =>
    f.preRmspe > 0 ? f.postRmspe / f.preRmspe : f.postRmspe > 0 ? Number.POSITIVE_INFINITY : 0;
  const zoneRatio = ratio(zoneFit);
  // Rank 1 = the largest ratio; ties count against the zone (a conservative p).
  const rank = 1 + placebos.filter((f) => ratio(f) >= zoneRatio).length;
  const of = placebos.length + 1;
  const placeboMedianPreRmspe = median(placebos.map((f) => f.preRmspe));
  const poorFit = placeboMedianPreRmspe !== null && zoneFit.preRmspe > 2 * placeboMedianPreRmspe;

  const months = input.months.map((month, t) => ({
    month,
    actual: input.zone.counts[t] as number,
    counterfactual: (zoneFit.synthetic[t] as number) * zoneMean,
  }));
  let actualSum = 0;
  let counterfactualSum = 0;
  for (let t = T0; t < T; t++) {
    actualSum += months[t]?.actual ?? 0;
    counterfactualSum += months[t]?.counterfactual ?? 0;
  }
  const pool2input = pool.map((d) => input.donors.indexOf(d));
  return {
    available: true,
    problem: null,
    weights: zoneFit.fit.active.map((j) => ({
      donor: pool2input[(donorIndices[j] as number) - 1] as number,
      weight: zoneFit.fit.weights[j] as number,
    })),
    months,
    preRmspe: zoneFit.preRmspe,
    postRmspe: zoneFit.postRmspe,
    effectPct: counterfactualSum > 0 ? ((actualSum - counterfactualSum) / counterfactualSum) * 100 : null,
    placebo: { rank, of, p: rank / of },
    placeboMedianPreRmspe,
    poorFit,
    method,
  };
}
