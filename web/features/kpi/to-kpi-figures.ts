/**
 * A KPI item's three figures, ready to show: the headline, its status, its target, the data it
 * stands on (n, months, counts) and the details behind it. Pure: words come in through `t`.
 */
import {
  crimeReadingSentence,
  displacementWarningText,
  rollupDisplacementText,
  wdqSentence,
} from '../../../server/contracts/crime-reading.ts';
import { figureMethod } from '../../../server/contracts/kpi-methods.ts';
import { changePoints, marginOfError } from '../../../server/contracts/derived-figures.ts';
import type { CrimeKpi, KpiItem, KpiMethods, KpiStatus, SurveyKpi } from '../../api/types.ts';
import {
  formatDate,
  formatInterval,
  formatMonthRange,
  formatNumber,
  formatPercent,
  formatRatio,
  formatSigned,
  formatSignedIndex,
  formatSignedPercent,
  formatWave,
  type Lang,
} from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { Translate } from '../../i18n/use-t.tsx';

export type KpiKey = 'fear' | 'trust' | 'crime';
export interface OptInFigure {
  headline: string;
  basis: string;
}

export interface KpiFigure {
  key: KpiKey;
  status: KpiStatus;
  headline: string;
  target: string;
  /** The data the figure stands on, always shown beside it. */
  basis: string;
  /** Why the status is "insufficient", when it is. */
  problem: string | null;
  details: string[];
  /** "k of n zones meet" for rollups; null for a zone. */
  meets: string | null;
  /**
   * Shown beside the status without changing it: a met crime target whose WDQ reads displacement
   * (a zone), or "j of them with displacement" (a rollup).
   */
  warning: string | null;
  /** The figure's method (the answer's shared one with this figure's own months and counts). */
  method: object | undefined;
  /** A rollup's figure: its method's counts and months are summed over the pooled zones. */
  pooled: boolean;
  optIn: OptInFigure | null;
}

export interface FigureContext {
  lang: Lang;
  t: Translate;
  /** The answer's methods, which figures point to by key. */
  methods: KpiMethods;
}

function problemText(problem: string | null | undefined, t: Translate): string | null {
  if (!problem) return null;
  const key = `problem.${problem}` as MessageKey;
  const text = t(key);
  return text === key ? problem : text;
}

function surveyDetails(kpi: SurveyKpi, { lang, t }: FigureContext): string[] {
  const details: string[] = [];
  if (kpi.ciLow !== null && kpi.ciHigh !== null) {
    details.push(
      t('figure.interval', {
        interval: formatInterval(formatPercent(kpi.ciLow, lang), formatPercent(kpi.ciHigh, lang), lang),
      }),
    );
  }
  const moe = marginOfError(kpi);
  if (moe !== null) details.push(t('figure.moe', { moe: formatNumber(moe, lang, 1) }));
  if (kpi.respondents > 0) {
    details.push(
      t('figure.respondents', {
        respondents: formatNumber(kpi.respondents, lang),
        invalid: formatNumber(kpi.invalid, lang),
      }),
    );
  }
  if (kpi.neededN !== null) {
    // The needed size is an effective one: say so when the sample is weighted.
    const key = hasDistinctEffectiveN(kpi) ? 'figure.neededNEff' : 'figure.neededN';
    details.push(t(key, { n: formatNumber(kpi.neededN, lang) }));
  }
  if (kpi.waves.length > 0) {
    details.push(
      t('figure.wave', {
        wave: kpi.waves.map((wave) => formatWave(wave, lang)).join(', '),
        date: formatDate(kpi.waveDate, lang),
      }).replace(/ · –$/, ''),
    );
  }
  // Without a figure for the period there is no change to state: the baseline alone, once.
  const change = changePoints(kpi);
  details.push(
    kpi.baselineValue === null
      ? t('figure.noBaseline')
      : change === null
        ? t('figure.baselineOnly', { value: formatPercent(kpi.baselineValue, lang) })
        : t('figure.baseline', { value: formatPercent(kpi.baselineValue, lang), change: formatSigned(change, lang) }),
  );
  return details;
}

/** A figure with no data says why once: the problem is left out where the basis already says it. */
function sayOnce(problem: string | null, basis: string): string | null {
  return problem === null || problem === basis ? null : problem;
}

/** Weighted answers: the Kish effective n (rounded) is not n, so both are shown. */
function hasDistinctEffectiveN(kpi: SurveyKpi): boolean {
  return kpi.n > 0 && Number.isFinite(kpi.nEff) && kpi.nEff > 0 && Math.round(kpi.nEff) !== kpi.n;
}

/** "n = 351", and beside it "n ที่มีผล (Kish) ≈ 315" when weights make them differ. */
function surveyBasis(kpi: SurveyKpi, { lang, t }: FigureContext): string {
  if (kpi.n === 0 && kpi.respondents === 0) return t('figure.noSurvey');
  const n = t('figure.n', { n: formatNumber(kpi.n, lang) });
  if (!hasDistinctEffectiveN(kpi)) return n;
  return `${n} · ${t('figure.nEff', { n: formatNumber(Math.round(kpi.nEff), lang) })}`;
}

export function surveyFigure(key: 'fear' | 'trust', kpi: SurveyKpi, context: FigureContext, pooled = false): KpiFigure {
  const { lang, t } = context;
  const target = formatPercent(kpi.target, lang, 0);
  const basis = surveyBasis(kpi, context);
  return {
    key,
    status: kpi.status,
    headline: formatPercent(kpi.value, lang),
    target: t(key === 'fear' ? 'kpi.fear.target' : 'kpi.trust.target', {
      target,
    }),
    basis,
    problem: kpi.status === 'insufficient' ? sayOnce(problemText(kpi.problem, t), basis) : null,
    details: surveyDetails(kpi, context),
    meets: null,
    warning: null,
    method: figureMethod(context.methods, kpi),
    pooled,
    optIn: kpi.optIn
      ? {
          headline: formatPercent(kpi.optIn.value, lang),
          basis: t('figure.n', { n: formatNumber(kpi.optIn.n, lang) }),
        }
      : null,
  };
}

/** The zone's change and its change against the comparison area, in one sentence (shared rules). */
function readingSentence(kpi: CrimeKpi, lang: FigureContext['lang']): string | null {
  if (!kpi.reading) return null;
  const sentence = crimeReadingSentence(kpi.reading, lang, {
    changeMagnitude: kpi.changePct === null ? null : formatPercent(Math.abs(kpi.changePct), lang),
    after: formatNumber(kpi.after, lang),
  });
  return sentence === null ? null : sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function crimeDetails(kpi: CrimeKpi, { lang, t }: FigureContext, counterfactualLine: string | null): string[] {
  const details: string[] = [];
  const sentence = readingSentence(kpi, lang);
  if (sentence) details.push(sentence);
  if (kpi.afterFrom && kpi.afterTo && kpi.baselineFrom && kpi.baselineTo) {
    details.push(
      t('figure.crimeWindow', {
        after: formatMonthRange(kpi.afterFrom.slice(0, 7), kpi.afterTo.slice(0, 7), lang),
        baseline: formatMonthRange(kpi.baselineFrom.slice(0, 7), kpi.baselineTo.slice(0, 7), lang),
      }),
    );
  }
  if (kpi.rr !== null && kpi.rrLow !== null) {
    details.push(
      t('figure.rr', {
        rr: formatRatio(kpi.rr, lang),
        interval: formatInterval(
          formatRatio(kpi.rrLow, lang),
          kpi.rrHigh === null ? '∞' : formatRatio(kpi.rrHigh, lang),
          lang,
        ),
      }),
    );
    details.push(t(kpi.significant ? 'figure.significant' : 'figure.notSignificant'));
  }
  if (kpi.relative) {
    details.push(
      t('figure.relative', {
        area: t(kpi.relative.area === 'control_zones' ? 'area.control_zones' : 'area.rest_of_station'),
        effect: formatRatio(kpi.relative.effect, lang),
        interval: formatInterval(formatRatio(kpi.relative.low, lang), formatRatio(kpi.relative.high, lang), lang),
      }),
    );
  }
  // The synthetic control's figure sits beside the comparison-area effect (zone page only).
  if (counterfactualLine) details.push(counterfactualLine);
  if (kpi.zonesExcluded) details.push(t('figure.zonesExcluded', { n: formatNumber(kpi.zonesExcluded, lang) }));
  if (kpi.ring) {
    details.push(
      t('figure.ring', {
        after: formatNumber(kpi.ring.after, lang),
        baseline: formatNumber(kpi.ring.baseline, lang),
      }),
    );
  }
  const wdq = kpi.reading && kpi.wdq ? wdqSentence(kpi.reading, lang, formatSignedIndex(kpi.wdq.value, lang)) : null;
  if (wdq) details.push(wdq);
  return details;
}

export function crimeFigure(
  kpi: CrimeKpi,
  context: FigureContext,
  pooled = false,
  counterfactualLine: string | null = null,
): KpiFigure {
  const { lang, t } = context;
  const judged = kpi.status !== 'insufficient';
  const basis = crimeBasis(kpi, pooled, context);
  return {
    key: 'crime',
    status: kpi.status,
    headline: formatSignedPercent(kpi.changePct, lang),
    target:
      kpi.target === 0
        ? t('kpi.crime.target')
        : t('kpi.crime.targetPercent', {
            target: formatPercent(Math.abs(kpi.target), lang, 0),
          }),
    basis,
    problem: judged
      ? kpi.problem === 'no_baseline_crime'
        ? t('figure.noBaselineCrime')
        : null
      : sayOnce(problemText(kpi.problem, t), basis),
    details: crimeDetails(kpi, context, counterfactualLine),
    meets: null,
    warning: displacementWarningText(kpi.reading, lang, formatSignedIndex(kpi.wdq?.value, lang)),
    method: figureMethod(context.methods, kpi),
    pooled,
    optIn: null,
  };
}

/** Zones: "after L months: a cases vs b". Rollups sum L over zones, so they name the zones pooled instead. */
function crimeBasis(kpi: CrimeKpi, pooled: boolean, { lang, t }: FigureContext): string {
  if (pooled) {
    return t('figure.crimeCountsPooled', {
      zones: formatNumber(kpi.zonesPooled, lang),
      after: formatNumber(kpi.after, lang),
      baseline: formatNumber(kpi.baseline, lang),
    });
  }
  return kpi.months > 0
    ? t('figure.crimeCounts', {
        months: formatNumber(kpi.months, lang),
        after: formatNumber(kpi.after, lang),
        baseline: formatNumber(kpi.baseline, lang),
      })
    : t(kpi.problem === 'no_data_in_period' ? 'problem.no_data_in_period' : 'problem.no_after_window');
}

/** The three figures of an item; rollups also say how many of their zones meet each target. */
export function toKpiFigures(
  item: KpiItem,
  context: FigureContext,
  extras: { counterfactualLine?: string | null } = {},
): KpiFigure[] {
  const pooled = item.level !== 'zone';
  const figures = [
    surveyFigure('fear', item.fear, context, pooled),
    surveyFigure('trust', item.trust, context, pooled),
    crimeFigure(item.crime, context, pooled, extras.counterfactualLine ?? null),
  ];
  if (item.level === 'zone') return figures;
  return figures.map((figure) => {
    const count = item.meets[figure.key];
    const withDisplacement = 'withDisplacement' in count ? count.withDisplacement : 0;
    return {
      ...figure,
      meets: context.t('figure.zonesMeet', {
        k: formatNumber(count.k, context.lang),
        n: formatNumber(count.n, context.lang),
      }),
      warning: rollupDisplacementText(withDisplacement, context.lang, formatNumber(withDisplacement, context.lang)),
    };
  });
}
