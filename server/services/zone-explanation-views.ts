/**
 * Pure assembly of the zone page's explanation: the crime figures of the zone, its comparison area
 * and its buffer ring side by side, the answer distribution of the survey waves the KPI stands on,
 * and the caveats a reader needs before trusting a figure. Every number comes from the KPI engine
 * (server/kpi) or from the KPI item itself; the web only formats.
 */
import type { CrimeReading } from '../contracts/crime-reading.ts';
import { addMonths, crimeChange, relativeEffect } from '../kpi/index.ts';
import type { KpiAnswerItem } from './kpi-items.ts';
import type { buildZoneSurveyWaves } from './zone-views.ts';

export type ExplainedArea = 'zone' | 'comparison' | 'ring';

/** One area's counts over the zone's baseline and after windows, with its rate ratio. */
export interface AreaChange {
  area: ExplainedArea;
  baseline: number;
  after: number;
  /** after / baseline; null without baseline crime. */
  rr: number | null;
  /** Exact 95% interval of the rate ratio (conditional binomial, as the zone's own). */
  low: number | null;
  /** null: unbounded (no baseline crime). */
  high: number | null;
  significant: boolean;
}

export interface CrimeExplanation {
  /** The windows every row is counted over. */
  afterFrom: string | null;
  afterTo: string | null;
  baselineFrom: string | null;
  baselineTo: string | null;
  months: number;
  /** Why nothing is compared (the zone's window cannot be judged); null when it can. */
  problem: string | null;
  comparisonKind: 'rest_of_station' | 'control_zones' | null;
  bufferMeters: number | null;
  areas: AreaChange[];
  /** RR_zone / RR_comparison with its log-normal interval (kpi.md); null without a comparison area. */
  relative: {
    effect: number | null;
    /** (effect - 1) x 100: the zone's change beyond the comparison area's. */
    effectPercent: number | null;
    low: number | null;
    high: number | null;
    significant: boolean;
  } | null;
  wdq: { value: number | null } | null;
  /** How the figures read together (server/contracts/crime-reading.ts), for the words. */
  reading: CrimeReading | null;
  changePct: number | null;
}

/** The rate ratio of one area's counts, by the KPI engine's own rule (crimeChange). */
export function areaChange(
  area: ExplainedArea,
  counts: { baseline: number; after: number },
  months: number,
): AreaChange {
  const change = crimeChange(counts, { afterMonthCount: months, problem: null });
  return {
    area,
    baseline: counts.baseline,
    after: counts.after,
    rr: change.rateRatio,
    low: change.rateRatioInterval?.lower ?? null,
    high: change.rateRatioInterval?.upper ?? null,
    significant: change.significant,
  };
}

/** The relative effect by the KPI engine's rule, over the item's own counts (the same numbers as the tile). */
function comparedEffect(
  crime: KpiAnswerItem['crime'],
  control: NonNullable<KpiAnswerItem['crime']['relative']>,
): CrimeExplanation['relative'] {
  const effect = relativeEffect(crime, { after: control.controlAfter, baseline: control.controlBaseline });
  return {
    effect: effect.effect,
    effectPercent: effect.effectPercent,
    low: effect.interval?.lower ?? null,
    high: effect.interval?.upper ?? null,
    significant: effect.significant,
  };
}

/** The crime panel's figures from the zone's KPI item: nothing is counted twice. */
export function buildCrimeExplanation(crime: KpiAnswerItem['crime']): CrimeExplanation {
  const judged = crime.status !== 'insufficient';
  const areas: AreaChange[] = [];
  if (judged) {
    areas.push({
      area: 'zone',
      baseline: crime.baseline,
      after: crime.after,
      rr: crime.rr,
      low: crime.rrLow,
      high: crime.rrHigh,
      significant: crime.significant,
    });
    if (crime.relative) {
      areas.push(
        areaChange(
          'comparison',
          { baseline: crime.relative.controlBaseline, after: crime.relative.controlAfter },
          crime.months,
        ),
      );
    }
    if (crime.ring) areas.push(areaChange('ring', crime.ring, crime.months));
  }
  return {
    afterFrom: crime.afterFrom,
    afterTo: crime.afterTo,
    baselineFrom: crime.baselineFrom,
    baselineTo: crime.baselineTo,
    months: crime.months,
    problem: judged ? null : crime.problem,
    comparisonKind: crime.relative?.area ?? null,
    bufferMeters: crime.ring?.bufferMeters ?? null,
    areas,
    relative: judged && crime.relative ? comparedEffect(crime, crime.relative) : null,
    wdq: judged && crime.wdq ? { value: crime.wdq.value } : null,
    reading: crime.reading,
    changePct: crime.changePct,
  };
}

type SurveyWaves = ReturnType<typeof buildZoneSurveyWaves>;
type SurveyWave = SurveyWaves[number];
type WaveItem = NonNullable<SurveyWave['fear']>;

/** One answer of a wave: a level 1..K or a non-answer (blank, don't know, refused, ...). */
export interface AnswerShare {
  n: number;
  /** Percent of everyone asked in the wave, weighted when the answers carry weights. */
  percent: number;
}

export interface WaveDistribution {
  wave: string;
  waveDate: string;
  sampleType: 'probability' | 'opt_in';
  respondents: number;
  /** Valid answers (n of the KPI) and whether the wave reaches the minimum sample. */
  n: number;
  belowMinimum: boolean;
  scaleLevels: number;
  /** The levels counted as fearful (trusting). */
  countsLevels: number[];
  /** Every level 1..K, in order, zero where nobody answered it. */
  levels: Array<AnswerShare & { level: number }>;
  /** Non-answers by reason, counted and shown (kpi.md: never silently dropped). */
  nonAnswers: Array<AnswerShare & { reason: string }>;
  /** The KPI's estimate for this wave, in percent. */
  value: number | null;
}

/** A wave's answers to one item, every level and every non-answer, as shares of everyone asked. */
export function waveDistribution(wave: SurveyWave, item: WaveItem): WaveDistribution {
  const scaleLevels = item.method.scaleLevels;
  const total = item.distribution.reduce((sum, row) => sum + row.weighted, 0);
  const share = (weighted: number) => (total > 0 ? (weighted / total) * 100 : 0);
  const levels = Array.from({ length: scaleLevels }, (_, i) => {
    const rows = item.distribution.filter((row) => row.status === 'valid' && row.level === i + 1);
    return {
      level: i + 1,
      n: rows.reduce((sum, row) => sum + row.n, 0),
      percent: share(rows.reduce((sum, row) => sum + row.weighted, 0)),
    };
  });
  const reasons = new Map<string, { n: number; weighted: number }>();
  for (const row of item.distribution) {
    if (row.status === 'valid') continue;
    const entry = reasons.get(row.status) ?? { n: 0, weighted: 0 };
    entry.n += row.n;
    entry.weighted += row.weighted;
    reasons.set(row.status, entry);
  }
  return {
    wave: wave.wave,
    waveDate: wave.waveDate,
    sampleType: wave.sampleType,
    respondents: item.respondents,
    n: item.n,
    belowMinimum: item.problem === 'below_minimum_sample',
    scaleLevels,
    countsLevels: [...item.method.countsLevels],
    levels,
    nonAnswers: [...reasons].map(([reason, entry]) => ({ reason, n: entry.n, percent: share(entry.weighted) })),
    value: item.value,
  };
}

export interface ItemDistribution {
  /** The latest wave the KPI stands on (probability sample). */
  latest: WaveDistribution | null;
  /** The zone's baseline wave (the latest before its start), shown beside it. */
  baseline: WaveDistribution | null;
}

function findWave(waves: SurveyWaves, label: string | null | undefined, sampleType: string) {
  return label ? waves.find((w) => w.wave === label && w.sampleType === sampleType) : undefined;
}

/** The latest wave of the KPI and the baseline wave, for one item. */
export function itemDistribution(
  waves: SurveyWaves,
  which: 'fear' | 'trust',
  kpi: Pick<KpiAnswerItem['fear'], 'waves' | 'baselineWave'>,
): ItemDistribution {
  const pick = (label: string | null | undefined) => {
    const wave = findWave(waves, label, 'probability');
    const item = wave?.[which];
    return wave && item ? waveDistribution(wave, item) : null;
  };
  return { latest: pick(kpi.waves[kpi.waves.length - 1]), baseline: pick(kpi.baselineWave) };
}

export interface WaveBelowMinimum {
  wave: string;
  waveDate: string;
  sampleType: 'probability' | 'opt_in';
  item: 'fear' | 'trust';
  n: number;
}

export interface ZoneCaveats {
  /** The months the station's crime data covers. */
  coveredMonths: { from: string; to: string } | null;
  /** The last whole month with crime data (the unfinished current month never counts). */
  lastCrimeMonth: string | null;
  /** The date of the zone's latest survey wave. */
  lastWaveDate: string | null;
  minimumSample: number;
  wavesBelowMinimum: WaveBelowMinimum[];
  /** Opt-in answers exist: shown apart, never pooled unless the setting says so. */
  optIn: { waves: string[]; respondents: number; pooled: boolean } | null;
  /** The zone was chosen for its crime (criteria "risk"): a fall may be partly regression to the mean. */
  regressionToMean: boolean;
}

export function buildCaveats(input: {
  crime: KpiAnswerItem['crime'];
  waves: SurveyWaves;
  criteria: string | null;
  minimumSample: number;
  poolOptIn: boolean;
  /** The current (unfinished) month, 'YYYY-MM', in Bangkok. */
  currentMonth: string;
}): ZoneCaveats {
  const { crime, waves } = input;
  const lastWhole = addMonths(input.currentMonth, -1);
  const coveredTo = crime.coveredMonths?.to.slice(0, 7) ?? null;
  const wavesBelowMinimum: WaveBelowMinimum[] = [];
  for (const wave of waves) {
    for (const which of ['fear', 'trust'] as const) {
      const item = wave[which];
      if (item?.problem === 'below_minimum_sample') {
        wavesBelowMinimum.push({
          wave: wave.wave,
          waveDate: wave.waveDate,
          sampleType: wave.sampleType,
          item: which,
          n: item.n,
        });
      }
    }
  }
  const optInWaves = waves.filter((w) => w.sampleType === 'opt_in');
  return {
    coveredMonths: crime.coveredMonths
      ? { from: crime.coveredMonths.from.slice(0, 7), to: crime.coveredMonths.to.slice(0, 7) }
      : null,
    lastCrimeMonth: coveredTo === null ? null : coveredTo < lastWhole ? coveredTo : lastWhole,
    lastWaveDate: waves.reduce<string | null>(
      (last, w) => (last === null || w.waveDate > last ? w.waveDate : last),
      null,
    ),
    minimumSample: input.minimumSample,
    wavesBelowMinimum,
    optIn:
      optInWaves.length > 0
        ? {
            waves: optInWaves.map((w) => w.wave),
            respondents: optInWaves.reduce(
              (sum, w) => sum + Math.max(w.fear?.respondents ?? 0, w.trust?.respondents ?? 0),
              0,
            ),
            pooled: input.poolOptIn,
          }
        : null,
    regressionToMean: input.criteria === 'risk',
  };
}
