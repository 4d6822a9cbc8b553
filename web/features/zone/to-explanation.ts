/**
 * The zone page's explanation, ready to show: the crime panel's rows (zone, comparison area and
 * buffer ring side by side), its sentences (the shared reading rules of
 * server/contracts/crime-reading.ts, never a second copy), the answer distributions and the
 * caveats. Pure: numbers come from the server's KPI engine, words through `t`.
 */
import { crimeReadingSentence, wdqSentence } from '../../../server/contracts/crime-reading.ts';
import type { ZoneExplanation } from '../../api/types.ts';
import {
  formatDate,
  formatInterval,
  formatMonth,
  formatMonthRange,
  formatNumber,
  formatPercent,
  formatRatio,
  formatSignedIndex,
  formatWave,
  type Lang,
} from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { Translate } from '../../i18n/use-t.tsx';

type Crime = ZoneExplanation['crime'];
type Area = Crime['areas'][number];

export interface CrimeRow {
  area: Area['area'];
  name: string;
  /** Which area it is, for the comparison area ("rest of สภ.หาดใหญ่"); null for the others. */
  detail: string | null;
  baseline: string;
  after: string;
  /** "0.70", or "no baseline crime". */
  rateRatio: string;
  /** "95%: 0.55 to 0.88 · significant" (formatInterval, like every interval) */
  interval: string;
}

export interface CrimePanelView {
  /** "after Oct 2023 – Jun 2024 (9 months) vs baseline Mar 2020 – Feb 2021" */
  windows: string | null;
  rows: CrimeRow[];
  /** The zone's change against the comparison area, in words (shared rule). */
  reading: string | null;
  relative: string | null;
  wdq: string | null;
  /** Why no comparison is shown. */
  problem: string | null;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function areaName(area: Area['area'], explanation: ZoneExplanation, lang: Lang, t: Translate): string {
  if (area === 'zone') return t('explain.area.zone');
  if (area === 'ring') return t('explain.area.ring', { m: formatNumber(explanation.crime.bufferMeters, lang) });
  return t('explain.area.comparison');
}

function areaDetail(area: Area['area'], explanation: ZoneExplanation, lang: Lang, t: Translate): string | null {
  if (area !== 'comparison') return null;
  const station = lang === 'en' ? explanation.stationNameEn : explanation.stationNameTh;
  return explanation.crime.comparisonKind === 'control_zones'
    ? t('explain.area.controlZones')
    : t('explain.area.restOfStation', { station });
}

export function toCrimePanel(explanation: ZoneExplanation, lang: Lang, t: Translate): CrimePanelView {
  const crime = explanation.crime;
  const windows =
    crime.afterFrom && crime.afterTo && crime.baselineFrom && crime.baselineTo
      ? t('explain.windows', {
          after: formatMonthRange(crime.afterFrom, crime.afterTo, lang),
          months: formatNumber(crime.months, lang),
          baseline: formatMonthRange(crime.baselineFrom, crime.baselineTo, lang),
        })
      : null;
  const rows = crime.areas.map((row) => ({
    area: row.area,
    name: areaName(row.area, explanation, lang, t),
    detail: areaDetail(row.area, explanation, lang, t),
    baseline: formatNumber(row.baseline, lang),
    after: formatNumber(row.after, lang),
    rateRatio: row.rr === null ? t('explain.noBaselineCrime') : formatRatio(row.rr, lang),
    interval: t('explain.interval', {
      interval: formatInterval(formatRatio(row.low, lang), row.high === null ? '∞' : formatRatio(row.high, lang), lang),
      significance: t(row.significant ? 'explain.significant' : 'explain.notSignificant'),
    }),
  }));
  const sentence = crime.reading
    ? crimeReadingSentence(crime.reading, lang, {
        changeMagnitude: crime.changePct === null ? null : formatPercent(Math.abs(crime.changePct), lang),
        after: formatNumber(crime.areas[0]?.after ?? 0, lang),
      })
    : null;
  const relative = crime.relative
    ? t('explain.relative', {
        effect: formatRatio(crime.relative.effect, lang),
        interval: formatInterval(formatRatio(crime.relative.low, lang), formatRatio(crime.relative.high, lang), lang),
        change: formatPercent(
          crime.relative.effectPercent === null ? null : Math.abs(crime.relative.effectPercent),
          lang,
        ),
        direction: t(
          crime.relative.effectPercent !== null && crime.relative.effectPercent < 0
            ? 'explain.relativeLower'
            : 'explain.relativeHigher',
        ),
      })
    : null;
  const wdq =
    crime.reading && crime.wdq ? wdqSentence(crime.reading, lang, formatSignedIndex(crime.wdq.value, lang)) : null;
  const problemKey = crime.problem ? (`problem.${crime.problem}` as MessageKey) : null;
  return {
    windows,
    rows,
    reading: sentence === null ? null : capitalised(sentence),
    relative,
    wdq,
    problem: problemKey ? t(problemKey) : null,
  };
}

type ItemDistribution = ZoneExplanation['distribution']['fear'];
type WaveDistribution = NonNullable<ItemDistribution['latest']>;

export interface DistributionRow {
  key: string;
  label: string;
  /** Counted as fearful (trusting) under the KPI's rule. */
  counted: boolean;
  nonAnswer: boolean;
  latest: { percent: number; text: string } | null;
  baseline: { percent: number; text: string } | null;
}

export interface DistributionView {
  latestTitle: string | null;
  baselineTitle: string | null;
  rows: DistributionRow[];
  /** "n = 290 valid of 309 asked" per wave. */
  latestBasis: string | null;
  baselineBasis: string | null;
}

const FIVE_LEVEL_KEYS = ['answer.level1', 'answer.level2', 'answer.level3', 'answer.level4', 'answer.level5'] as const;

function levelLabel(level: number, scaleLevels: number, t: Translate): string {
  const key = scaleLevels === 5 ? FIVE_LEVEL_KEYS[level - 1] : undefined;
  return key ? t(key, { level }) : t('answer.level', { level, k: scaleLevels });
}

/** Non-answers in one order on every table, whatever order the data gave them in. */
const REASON_ORDER = ['dont_know', 'refused', 'blank', 'missing', 'out_of_range'];
const reasonRank = (reason: string) => {
  const rank = REASON_ORDER.indexOf(reason);
  return rank < 0 ? REASON_ORDER.length : rank;
};

function reasonLabel(reason: string, t: Translate): string {
  const key = `answer.reason.${reason}` as MessageKey;
  const text = t(key);
  return text === key ? reason : text;
}

function waveTitle(wave: WaveDistribution, lang: Lang, t: Translate): string {
  return t('answer.waveTitle', { wave: formatWave(wave.wave, lang), date: formatDate(wave.waveDate, lang) });
}

function waveBasis(wave: WaveDistribution, lang: Lang, t: Translate): string {
  return t('answer.basis', { n: formatNumber(wave.n, lang), respondents: formatNumber(wave.respondents, lang) });
}

/** Every level 1..K (of the larger scale of the two waves) and every non-answer either wave has. */
export function toDistribution(item: ItemDistribution, lang: Lang, t: Translate): DistributionView {
  const waves = [item.latest, item.baseline].filter((w): w is WaveDistribution => w !== null);
  const scale = Math.max(0, ...waves.map((w) => w.scaleLevels));
  const cell = (share: { n: number; percent: number } | undefined) =>
    share
      ? { percent: share.percent, text: `${formatPercent(share.percent, lang)} (${formatNumber(share.n, lang)})` }
      : null;
  const counted = new Set(waves.flatMap((w) => w.countsLevels));
  const rows: DistributionRow[] = [];
  for (let level = scale; level >= 1; level -= 1) {
    const pick = (w: WaveDistribution | null) =>
      w ? cell(w.levels.find((l) => l.level === level) ?? { n: 0, percent: 0 }) : null;
    rows.push({
      key: `level-${level}`,
      label: levelLabel(level, scale, t),
      counted: counted.has(level),
      nonAnswer: false,
      latest: pick(item.latest),
      baseline: pick(item.baseline),
    });
  }
  const reasons = [...new Set(waves.flatMap((w) => w.nonAnswers.map((a) => a.reason)))].sort(
    (a, b) => reasonRank(a) - reasonRank(b),
  );
  for (const reason of reasons) {
    const pick = (w: WaveDistribution | null) =>
      w ? cell(w.nonAnswers.find((a) => a.reason === reason) ?? { n: 0, percent: 0 }) : null;
    rows.push({
      key: `reason-${reason}`,
      label: reasonLabel(reason, t),
      counted: false,
      nonAnswer: true,
      latest: pick(item.latest),
      baseline: pick(item.baseline),
    });
  }
  return {
    latestTitle: item.latest ? waveTitle(item.latest, lang, t) : null,
    baselineTitle: item.baseline ? waveTitle(item.baseline, lang, t) : null,
    rows,
    latestBasis: item.latest ? waveBasis(item.latest, lang, t) : null,
    baselineBasis: item.baseline ? waveBasis(item.baseline, lang, t) : null,
  };
}

/** The caveats, one sentence each, in the order a reader needs them. */
export function toCaveatLines(caveats: ZoneExplanation['caveats'], lang: Lang, t: Translate): string[] {
  const lines: string[] = [];
  lines.push(
    caveats.coveredMonths
      ? t('caveat.covered', { range: formatMonthRange(caveats.coveredMonths.from, caveats.coveredMonths.to, lang) })
      : t('caveat.noCrimeData'),
  );
  lines.push(
    t('caveat.lastData', {
      month: caveats.lastCrimeMonth ? formatMonth(caveats.lastCrimeMonth, lang, 'long') : '–',
      wave: caveats.lastWaveDate ? formatDate(caveats.lastWaveDate, lang, 'long') : '–',
    }),
  );
  if (caveats.wavesBelowMinimum.length > 0) {
    const list = caveats.wavesBelowMinimum
      .map((w) =>
        t('caveat.belowMinimumWave', {
          wave: formatWave(w.wave, lang),
          item: t(w.item === 'fear' ? 'caveat.itemFear' : 'caveat.itemTrust'),
          n: formatNumber(w.n, lang),
          sample: t(w.sampleType === 'opt_in' ? 'caveat.optInSample' : 'caveat.probabilitySample'),
        }),
      )
      .join('; ');
    lines.push(t('caveat.belowMinimum', { min: formatNumber(caveats.minimumSample, lang), list }));
  }
  if (caveats.optIn) {
    lines.push(
      t(caveats.optIn.pooled ? 'caveat.optInPooled' : 'caveat.optInApart', {
        n: formatNumber(caveats.optIn.respondents, lang),
        waves: caveats.optIn.waves.map((w) => formatWave(w, lang)).join(', '),
      }),
    );
  }
  if (caveats.regressionToMean) lines.push(t('caveat.regressionToMean'));
  return lines;
}
