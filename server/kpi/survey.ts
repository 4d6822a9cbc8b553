import { wilsonInterval, Z_95 } from './intervals.ts';
import { isMonthInRange, toMonthKey, type MonthRange } from '../contracts/calendar.ts';
import type { KpiStatus } from './status.ts';
import { changePoints, marginOfError } from '../contracts/derived-figures.ts';

/**
 * Survey indicators (kpi.md, Survey indicators): fear of crime and trust in police.
 *
 * Everything works on weighted tallies (n, sum w, sum w^2) per answer level and per kind of invalid
 * answer, the shape of the `survey_agg` table, so any "who counts" level set, either denominator
 * and any pooling of zones or waves can be computed without the raw rows.
 */

/** Rows, weight sum and weight-square sum of a group of answers. */
export interface WeightedTally {
  readonly n: number;
  readonly sumW: number;
  readonly sumW2: number;
}

/**
 * Why an answer is not valid for the item: the `*_status` values of `survey_responses` other than
 * 'valid' ('blank', 'missing', 'refused', 'dont_know', 'out_of_range'); open to new kinds.
 */
export type InvalidReason = string;

export interface SurveyAggregate {
  /** K, the number of levels of the item (answers are 1..K). */
  readonly scaleLevels: number;
  /** Valid answers by level (1..K); an absent level has no answers. */
  readonly valid: Readonly<Record<number, WeightedTally>>;
  /** Answers that are not valid, by reason. Never dropped: counted and reported. */
  readonly invalid: Readonly<Record<InvalidReason, WeightedTally>>;
}

const EMPTY_TALLY: WeightedTally = { n: 0, sumW: 0, sumW2: 0 };

function addTallies(a: WeightedTally, b: WeightedTally): WeightedTally {
  return { n: a.n + b.n, sumW: a.sumW + b.sumW, sumW2: a.sumW2 + b.sumW2 };
}

function sumTallies(tallies: Iterable<WeightedTally>): WeightedTally {
  let total = EMPTY_TALLY;
  for (const tally of tallies) total = addTallies(total, tally);
  return total;
}

function assertScaleLevels(scaleLevels: number): void {
  if (!Number.isInteger(scaleLevels) || scaleLevels < 2) {
    throw new RangeError(`An item needs at least 2 levels, got ${scaleLevels}`);
  }
}

function isLevelOf(level: number, scaleLevels: number): boolean {
  return Number.isInteger(level) && level >= 1 && level <= scaleLevels;
}

/** One answer: a level, or the reason it is not valid. Weight defaults to 1 (unweighted data). */
export type SurveyAnswer =
  | { readonly level: number; readonly weight?: number | undefined }
  | { readonly invalid: InvalidReason; readonly weight?: number | undefined };

/**
 * Tallies individual answers. A level outside 1..K counts as invalid 'out_of_range' (kpi.md: out of
 * range answers are not valid, and are counted). Weights must be finite and >= 0.
 */
export function tallySurveyAnswers(answers: readonly SurveyAnswer[], scaleLevels: number): SurveyAggregate {
  assertScaleLevels(scaleLevels);
  const valid: Record<number, WeightedTally> = {};
  const invalid: Record<InvalidReason, WeightedTally> = {};
  for (const answer of answers) {
    const weight = answer.weight ?? 1;
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(`Invalid survey weight: ${weight}`);
    const tally = { n: 1, sumW: weight, sumW2: weight * weight };
    if ('level' in answer && isLevelOf(answer.level, scaleLevels)) {
      valid[answer.level] = addTallies(valid[answer.level] ?? EMPTY_TALLY, tally);
    } else {
      const reason = 'invalid' in answer ? answer.invalid : 'out_of_range';
      invalid[reason] = addTallies(invalid[reason] ?? EMPTY_TALLY, tally);
    }
  }
  return { scaleLevels, valid, invalid };
}

/** A `survey_agg` row (camel-cased): status 'valid' with a level, or another status without one. */
export interface SurveyAggregateRow extends WeightedTally {
  readonly status: string;
  readonly level: number | null;
}

/** Builds an aggregate from `survey_agg` rows of one item (and one sample type). */
export function surveyAggregateFromRows(rows: readonly SurveyAggregateRow[], scaleLevels: number): SurveyAggregate {
  assertScaleLevels(scaleLevels);
  const valid: Record<number, WeightedTally> = {};
  const invalid: Record<InvalidReason, WeightedTally> = {};
  for (const row of rows) {
    const tally = { n: row.n, sumW: row.sumW, sumW2: row.sumW2 };
    if (row.status === 'valid' && row.level !== null && isLevelOf(row.level, scaleLevels)) {
      valid[row.level] = addTallies(valid[row.level] ?? EMPTY_TALLY, tally);
    } else {
      // A 'valid' row whose level does not fit the scale is reported as out of range, not dropped.
      const reason = row.status === 'valid' ? 'out_of_range' : row.status;
      invalid[reason] = addTallies(invalid[reason] ?? EMPTY_TALLY, tally);
    }
  }
  return { scaleLevels, valid, invalid };
}

/**
 * Pools aggregates (zones into a rollup, or waves): the tallies simply add, so weights and n_eff
 * are over the pooled rows. All must share K. Keeping opt-in and probability samples apart is the
 * caller's job (pool only aggregates of one sample type unless the user asks).
 */
export function poolSurveyAggregates(aggregates: readonly SurveyAggregate[]): SurveyAggregate | null {
  const first = aggregates[0];
  if (first === undefined) return null;
  const valid: Record<number, WeightedTally> = {};
  const invalid: Record<InvalidReason, WeightedTally> = {};
  for (const aggregate of aggregates) {
    if (aggregate.scaleLevels !== first.scaleLevels) {
      throw new RangeError(`Cannot pool a ${aggregate.scaleLevels}-level item with a ${first.scaleLevels}-level one`);
    }
    for (const [level, tally] of Object.entries(aggregate.valid)) {
      valid[Number(level)] = addTallies(valid[Number(level)] ?? EMPTY_TALLY, tally);
    }
    for (const [reason, tally] of Object.entries(aggregate.invalid)) {
      invalid[reason] = addTallies(invalid[reason] ?? EMPTY_TALLY, tally);
    }
  }
  return { scaleLevels: first.scaleLevels, valid, invalid };
}

// ---------------------------------------------------------------------------------------------
// The indicator
// ---------------------------------------------------------------------------------------------

/** 'max': the indicator must be at most the target (fear); 'min': at least (trust). */
export type TargetDirection = 'max' | 'min';

export interface SurveyTarget {
  readonly targetPercent: number;
  readonly direction: TargetDirection;
}

/** Fear of crime at most 40%. */
export const FEAR_TARGET: SurveyTarget = { targetPercent: 40, direction: 'max' };
/** Trust in police at least 80%. */
export const TRUST_TARGET: SurveyTarget = { targetPercent: 80, direction: 'min' };

/** Valid answers only (default), or all respondents (invalid answers stay in the denominator). */
export type SurveyDenominator = 'valid' | 'all';

const DEFAULT_MINIMUM_SAMPLE = 30;
/** The margin the "sample size needed" figure aims at: +-5 points. */
const TARGET_MARGIN_POINTS = 5;

/** The default "who counts": the top two levels (4, 5 of 5; 3, 4 of 4). */
export function topTwoLevels(scaleLevels: number): number[] {
  assertScaleLevels(scaleLevels);
  return [scaleLevels - 1, scaleLevels];
}

export interface SurveyIndicatorOptions {
  readonly target: SurveyTarget;
  /** The levels that count as fearful / trusting. Default: the top two. */
  readonly countsLevels?: readonly number[] | undefined;
  readonly denominator?: SurveyDenominator | undefined;
  /** Below this many valid answers the status is insufficient. Default 30. */
  readonly minimumSample?: number | undefined;
}

export interface SurveyMethod {
  /** mixed_rules: answers pooled under different rules (see `surveyIndicatorOverParts`). */
  readonly rule: 'top_two_levels' | 'chosen_levels' | 'mixed_rules';
  /** The levels counted; with mixed rules, every level some part counts (each part shows its own). */
  readonly countsLevels: readonly number[];
  /** K; with mixed rules, the largest K among the parts. */
  readonly scaleLevels: number;
  readonly denominator: SurveyDenominator | 'mixed';
  readonly weighted: boolean;
  readonly interval: 'wilson';
  readonly effectiveSampleSize: 'kish';
  readonly confidence: 0.95;
  readonly z: number;
  readonly minimumSample: number;
  readonly targetPercent: number;
  readonly direction: TargetDirection;
  /** An interval bound exactly on the target counts as meeting it. */
  readonly boundaryMeets: true;
}

export interface SurveyIndicatorResult {
  /** p, in percent (0-100); null when the denominator has no weight (no data). */
  readonly percent: number | null;
  /** 95% Wilson interval, in percent; null with percent. */
  readonly interval: { readonly lower: number; readonly upper: number } | null;
  /** Half the interval width, in points. */
  readonly marginOfError: number | null;
  /** n: the number of valid answers. */
  readonly n: number;
  /** Everyone asked: valid + invalid answers. */
  readonly respondents: number;
  /** Invalid answers by reason (counted and reported, kpi.md). */
  readonly invalid: Readonly<Record<InvalidReason, number>>;
  readonly invalidTotal: number;
  /** Answers in the denominator: n ('valid') or respondents ('all'). */
  readonly denominatorCount: number;
  /** Kish effective sample size over the denominator's answers: (sum w)^2 / sum w^2. */
  readonly nEff: number;
  /** Effective sample size needed for +-5 points at the observed p: ceil(z^2 p (1-p) / 0.05^2). */
  readonly sampleSizeNeeded: number | null;
  /** nEff is below sampleSizeNeeded: show the needed size beside the figure. */
  readonly sampleSmallerThanNeeded: boolean;
  readonly status: KpiStatus;
  readonly problem: 'no_data' | 'below_minimum_sample' | null;
  readonly method: SurveyMethod;
}

function meetsTarget(valuePercent: number, target: SurveyTarget): boolean {
  return target.direction === 'max' ? valuePercent <= target.targetPercent : valuePercent >= target.targetPercent;
}

/** Kish effective sample size; 0 when there is no weight. */
function kishEffectiveSampleSize(tally: WeightedTally): number {
  return tally.sumW2 > 0 ? (tally.sumW * tally.sumW) / tally.sumW2 : 0;
}

/** Effective sample size for a +-`marginPoints` 95% margin at proportion p: ceil(z^2 p(1-p) / m^2). */
export function sampleSizeForMargin(p: number, marginPoints: number = TARGET_MARGIN_POINTS): number {
  const margin = marginPoints / 100;
  return Math.ceil((Z_95 * Z_95 * p * (1 - p)) / (margin * margin));
}

/**
 * Answers counted under one rule: an aggregate with its "who counts" levels and denominator. A
 * figure may stand on several (answers imported with different codebooks, kpi.md "Whose rule
 * wins"): each answer is judged under its own part's rule and the weights then simply add.
 */
export interface SurveyRulePart {
  readonly aggregate: SurveyAggregate;
  /** Default: the top two levels of the part's scale. */
  readonly countsLevels?: readonly number[] | undefined;
  /** Default: valid answers. */
  readonly denominator?: SurveyDenominator | undefined;
}

/**
 * The survey KPI for one item.
 *
 * Status: insufficient when there is no data or fewer valid answers than the minimum sample (the
 * estimate is still shown); met_confident when the whole Wilson interval meets the target; met when
 * the estimate does; not_met otherwise. Choice: "meets" is inclusive (fear <= 40, trust >= 80, as the
 * targets read "at most" / "at least"), so an interval whose bound touches the target exactly meets
 * it with confidence.
 */
export function surveyIndicator(aggregate: SurveyAggregate, options: SurveyIndicatorOptions): SurveyIndicatorResult {
  return surveyIndicatorOverParts(
    [{ aggregate, countsLevels: options.countsLevels, denominator: options.denominator }],
    {
      target: options.target,
      minimumSample: options.minimumSample,
    },
  );
}

interface ResolvedPart {
  readonly aggregate: SurveyAggregate;
  readonly countsLevels: readonly number[];
  readonly denominator: SurveyDenominator;
}

function resolvePart(part: SurveyRulePart): ResolvedPart {
  const { scaleLevels } = part.aggregate;
  const countsLevels = [...new Set(part.countsLevels ?? topTwoLevels(scaleLevels))].sort((a, b) => a - b);
  for (const level of countsLevels) {
    if (!isLevelOf(level, scaleLevels)) throw new RangeError(`Level ${level} is not on a ${scaleLevels}-level scale`);
  }
  return { aggregate: part.aggregate, countsLevels, denominator: part.denominator ?? 'valid' };
}

/**
 * The survey KPI over answers counted under possibly different rules: p = sum of weights of the
 * answers counted under their own rule / sum of weights of the answers in their own rule's
 * denominator; n = valid answers; n_eff over the pooled denominator answers (Kish). With one part
 * this is exactly kpi.md's estimate; with several, every respondent is still classified once, by
 * the rule their survey's codebook (or the setting) gives, so the pooled share is a proper
 * weighted proportion. The method then says "mixed_rules"; the caller lists the rules.
 */
export function surveyIndicatorOverParts(
  rawParts: readonly SurveyRulePart[],
  options: Pick<SurveyIndicatorOptions, 'target' | 'minimumSample'>,
): SurveyIndicatorResult {
  if (rawParts.length === 0)
    throw new RangeError('A survey figure needs at least one part (an empty aggregate for none)');
  const parts = rawParts.map(resolvePart);
  const minimumSample = options.minimumSample ?? DEFAULT_MINIMUM_SAMPLE;
  const { target } = options;

  let validTally = EMPTY_TALLY;
  let invalidTally = EMPTY_TALLY;
  let countedTally = EMPTY_TALLY;
  let denominatorTally = EMPTY_TALLY;
  const invalid: Record<InvalidReason, number> = {};
  const allTallies: WeightedTally[] = [];
  for (const { aggregate, countsLevels, denominator } of parts) {
    const valid = sumTallies(Object.values(aggregate.valid));
    const notValid = sumTallies(Object.values(aggregate.invalid));
    validTally = addTallies(validTally, valid);
    invalidTally = addTallies(invalidTally, notValid);
    countedTally = addTallies(
      countedTally,
      sumTallies(countsLevels.map((level) => aggregate.valid[level] ?? EMPTY_TALLY)),
    );
    // Under 'all', every respondent stays in the denominator: don't know, refused, blank, out of range.
    denominatorTally = addTallies(denominatorTally, denominator === 'valid' ? valid : addTallies(valid, notValid));
    for (const [reason, tally] of Object.entries(aggregate.invalid)) invalid[reason] = (invalid[reason] ?? 0) + tally.n;
    allTallies.push(...Object.values(aggregate.valid), ...Object.values(aggregate.invalid));
  }
  const nEff = kishEffectiveSampleSize(denominatorTally);

  // Parts with no answers do not make a figure "mixed".
  const answered = parts.filter(
    (p) => Object.keys(p.aggregate.valid).length + Object.keys(p.aggregate.invalid).length > 0,
  );
  const ruleOf = (p: ResolvedPart) => JSON.stringify([p.aggregate.scaleLevels, p.countsLevels, p.denominator]);
  const mixed = new Set(answered.map(ruleOf)).size > 1;
  const first = (answered[0] ?? parts[0]) as ResolvedPart;
  const method: SurveyMethod = {
    rule: mixed
      ? 'mixed_rules'
      : sameLevels(first.countsLevels, topTwoLevels(first.aggregate.scaleLevels))
        ? 'top_two_levels'
        : 'chosen_levels',
    countsLevels: mixed
      ? [...new Set(answered.flatMap((p) => p.countsLevels))].sort((a, b) => a - b)
      : first.countsLevels,
    scaleLevels: Math.max(...answered.map((p) => p.aggregate.scaleLevels), first.aggregate.scaleLevels),
    denominator: new Set(answered.map((p) => p.denominator)).size > 1 ? 'mixed' : first.denominator,
    // Unweighted data has every weight 1: sum w = sum w^2 = n for every tally.
    weighted: allTallies.some((t) => t.sumW !== t.n || t.sumW2 !== t.n),
    interval: 'wilson',
    effectiveSampleSize: 'kish',
    confidence: 0.95,
    z: Z_95,
    minimumSample,
    targetPercent: target.targetPercent,
    direction: target.direction,
    boundaryMeets: true,
  };
  const counts = {
    n: validTally.n,
    respondents: validTally.n + invalidTally.n,
    invalid,
    invalidTotal: invalidTally.n,
    denominatorCount: denominatorTally.n,
    nEff,
    method,
  };

  if (!(denominatorTally.sumW > 0) || validTally.n === 0) {
    return {
      ...counts,
      percent: null,
      interval: null,
      marginOfError: null,
      sampleSizeNeeded: null,
      sampleSmallerThanNeeded: false,
      status: 'insufficient',
      problem: 'no_data',
    };
  }

  // Guard against float sums drifting a hair outside [0, 1].
  const p = Math.min(1, Math.max(0, countedTally.sumW / denominatorTally.sumW));
  const wilson = wilsonInterval(p, nEff);
  const interval = wilson ? { lower: wilson.lower * 100, upper: wilson.upper * 100 } : null;
  const percent = p * 100;
  const sampleSizeNeeded = sampleSizeForMargin(p);

  let status: KpiStatus;
  let problem: SurveyIndicatorResult['problem'] = null;
  if (validTally.n < minimumSample) {
    status = 'insufficient';
    problem = 'below_minimum_sample';
  } else if (!meetsTarget(percent, target)) {
    status = 'not_met';
  } else {
    const wholeIntervalMeets =
      interval !== null && meetsTarget(interval.lower, target) && meetsTarget(interval.upper, target);
    status = wholeIntervalMeets ? 'met_confident' : 'met';
  }

  return {
    ...counts,
    percent,
    interval,
    marginOfError: interval ? marginOfError({ ciLow: interval.lower, ciHigh: interval.upper }) : null,
    sampleSizeNeeded,
    sampleSmallerThanNeeded: nEff < sampleSizeNeeded,
    status,
    problem,
  };
}

function sameLevels(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The change from the baseline wave, in percentage points; null when either has no estimate. */
export function surveyChangePoints(
  current: Pick<SurveyIndicatorResult, 'percent'>,
  baseline: Pick<SurveyIndicatorResult, 'percent'>,
): number | null {
  return changePoints({ value: current.percent, baselineValue: baseline.percent });
}

// ---------------------------------------------------------------------------------------------
// Which wave
// ---------------------------------------------------------------------------------------------

/** A zone's wave: its responses with one wave label, dated by their last survey date. */
export interface SurveyWave {
  readonly wave: string;
  /** "YYYY-MM-DD": the last survey date among the wave's responses. */
  readonly waveDate: string;
}

/**
 * kpi.md "Which responses": the KPI uses the zone's latest wave dated in the period (with no period,
 * its latest wave); the baseline wave is its latest wave dated before the start date. Waves on the
 * same date are ordered by label, so the choice is stable.
 */
export function selectSurveyWaves<W extends SurveyWave>(
  waves: readonly W[],
  options: { readonly period?: MonthRange | undefined; readonly startDate: string },
): { current: W | null; baseline: W | null } {
  const latest = (candidates: W[]): W | null =>
    candidates.reduce<W | null>((best, wave) => {
      if (best === null) return wave;
      const byDate = wave.waveDate.localeCompare(best.waveDate);
      return byDate > 0 || (byDate === 0 && wave.wave > best.wave) ? wave : best;
    }, null);
  const { period, startDate } = options;
  const startDay = startDate.slice(0, 10);
  return {
    current: latest(waves.filter((w) => period === undefined || isMonthInRange(toMonthKey(w.waveDate), period))),
    baseline: latest(waves.filter((w) => w.waveDate.slice(0, 10) < startDay)),
  };
}
