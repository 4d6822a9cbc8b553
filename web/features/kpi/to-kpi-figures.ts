/**
 * A KPI item's three figures, ready to show: the headline, its status, its target, the data it
 * stands on (n, months, counts) and the details behind it. Pure: words come in through `t`.
 */
import type { CrimeKpi, KpiItem, KpiStatus, SurveyKpi } from '../../api/types.ts';
import {
  formatDate,
  formatMonthRange,
  formatNumber,
  formatPercent,
  formatSigned,
  formatSignedPercent,
  type Lang,
  MISSING,
} from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { Translate } from '../../i18n/use-t.tsx';

export type KpiKey = 'fear' | 'trust' | 'crime';
export const KPI_KEYS: readonly KpiKey[] = ['fear', 'trust', 'crime'];

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
  method: object;
  optIn: OptInFigure | null;
}

export interface FigureContext {
  lang: Lang;
  t: Translate;
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
        low: formatPercent(kpi.ciLow, lang),
        high: formatPercent(kpi.ciHigh, lang),
      }),
    );
  }
  if (kpi.marginOfError !== null) details.push(t('figure.moe', { moe: formatNumber(kpi.marginOfError, lang, 1) }));
  if (kpi.respondents > 0) {
    details.push(
      t('figure.respondents', {
        respondents: formatNumber(kpi.respondents, lang),
        invalid: formatNumber(kpi.invalid, lang),
      }),
    );
  }
  if (kpi.neededN !== null) details.push(t('figure.neededN', { n: formatNumber(kpi.neededN, lang) }));
  if (kpi.waves.length > 0) {
    details.push(
      t('figure.wave', {
        wave: kpi.waves.join(', '),
        date: formatDate(kpi.waveDate, lang),
      }).replace(/ · –$/, ''),
    );
  }
  details.push(
    kpi.baselineValue === null
      ? t('figure.noBaseline')
      : t('figure.baseline', {
          value: formatPercent(kpi.baselineValue, lang),
          change: formatSigned(kpi.changePoints, lang),
        }),
  );
  return details;
}

export function surveyFigure(key: 'fear' | 'trust', kpi: SurveyKpi, context: FigureContext): KpiFigure {
  const { lang, t } = context;
  const target = formatPercent(kpi.target, lang, 0);
  return {
    key,
    status: kpi.status,
    headline: formatPercent(kpi.value, lang),
    target: t(key === 'fear' ? 'kpi.fear.target' : 'kpi.trust.target', {
      target,
    }),
    basis: kpi.n > 0 || kpi.respondents > 0 ? t('figure.n', { n: formatNumber(kpi.n, lang) }) : t('figure.noSurvey'),
    problem: kpi.status === 'insufficient' ? problemText(kpi.problem, t) : null,
    details: surveyDetails(kpi, context),
    meets: null,
    method: kpi.method,
    optIn: kpi.optIn
      ? {
          headline: formatPercent(kpi.optIn.value, lang),
          basis: t('figure.n', { n: formatNumber(kpi.optIn.n, lang) }),
        }
      : null,
  };
}

function crimeDetails(kpi: CrimeKpi, { lang, t }: FigureContext): string[] {
  const details: string[] = [];
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
        rr: formatNumber(kpi.rr, lang, 2),
        low: formatNumber(kpi.rrLow, lang, 2),
        high: kpi.rrHigh === null ? '∞' : formatNumber(kpi.rrHigh, lang, 2),
      }),
    );
    details.push(t(kpi.significant ? 'figure.significant' : 'figure.notSignificant'));
  }
  if (kpi.relative) {
    details.push(
      t('figure.relative', {
        area: t(kpi.relative.area === 'control_zones' ? 'area.control_zones' : 'area.rest_of_station'),
        effect: formatNumber(kpi.relative.effect, lang, 2),
        low: formatNumber(kpi.relative.low, lang, 2),
        high: formatNumber(kpi.relative.high, lang, 2),
      }),
    );
  }
  if (kpi.zonesExcluded) details.push(t('figure.zonesExcluded', { n: formatNumber(kpi.zonesExcluded, lang) }));
  if (kpi.ring) {
    details.push(
      t('figure.ring', {
        after: formatNumber(kpi.ring.after, lang),
        baseline: formatNumber(kpi.ring.baseline, lang),
      }),
    );
  }
  if (kpi.wdq && kpi.wdq.value !== null) {
    const reading = kpi.wdq.reading ? t(`wdq.${kpi.wdq.reading}` as MessageKey) : MISSING;
    details.push(t('figure.wdq', { value: formatSigned(kpi.wdq.value, lang, 2), reading }));
  }
  return details;
}

export function crimeFigure(kpi: CrimeKpi, context: FigureContext, pooled = false): KpiFigure {
  const { lang, t } = context;
  const judged = kpi.status !== 'insufficient';
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
    basis: crimeBasis(kpi, pooled, context),
    problem: judged
      ? kpi.problem === 'no_baseline_crime'
        ? t('figure.noBaselineCrime')
        : null
      : problemText(kpi.problem, t),
    details: crimeDetails(kpi, context),
    meets: null,
    method: kpi.method,
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
    : t('problem.no_after_window');
}

/** The three figures of an item; rollups also say how many of their zones meet each target. */
export function toKpiFigures(item: KpiItem, context: FigureContext): KpiFigure[] {
  const figures = [
    surveyFigure('fear', item.fear, context),
    surveyFigure('trust', item.trust, context),
    crimeFigure(item.crime, context, item.level !== 'zone'),
  ];
  if (item.level === 'zone') return figures;
  return figures.map((figure) => {
    const count = item.meets[figure.key];
    return {
      ...figure,
      meets: context.t('figure.zonesMeet', {
        k: formatNumber(count.k, context.lang),
        n: formatNumber(count.n, context.lang),
      }),
    };
  });
}
