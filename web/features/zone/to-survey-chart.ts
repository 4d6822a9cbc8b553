/**
 * Survey waves of one item (fear or trust) for the chart: probability-sample waves in date order
 * with their Wilson intervals as error-bar offsets; opt-in waves kept apart; the waves the
 * selected period's KPI uses (the KPI item's `waves`) marked. Pure.
 */
import type { ZoneSurvey } from '../../api/types.ts';
import { formatWave, type Lang } from '../../i18n/format.ts';

type Wave = ZoneSurvey['waves'][number];
export type SurveyItem = 'fear' | 'trust';

export interface SurveyPoint {
  wave: string;
  waveDate: string;
  beforeStart: boolean;
  value: number | null;
  low: number | null;
  high: number | null;
  /** [low, high] of the 95% interval: drawn as a thin floating bar. */
  range: [number, number] | null;
  n: number;
  status: string;
  /** The selected period's KPI stands on this wave. */
  used: boolean;
}

export interface SurveyChart {
  points: SurveyPoint[];
  optIn: SurveyPoint[];
  target: number | null;
  /** First and last wave (on the axis) the KPI uses; null when it uses none of them. */
  used: { from: string; to: string } | null;
}

function toPoint(wave: Wave, item: SurveyItem, used: ReadonlySet<string>): SurveyPoint | null {
  const figure = wave[item];
  if (!figure) return null;
  const { value, ciLow, ciHigh } = figure;
  return {
    wave: wave.wave,
    waveDate: wave.waveDate,
    beforeStart: wave.beforeStart,
    value,
    low: ciLow,
    high: ciHigh,
    range: ciLow !== null && ciHigh !== null ? [ciLow, ciHigh] : null,
    n: figure.n,
    status: figure.status,
    used: used.has(wave.wave),
  };
}

export function toSurveyChart(survey: ZoneSurvey, item: SurveyItem, usedWaves: readonly string[] = []): SurveyChart {
  const used = new Set(usedWaves);
  const byDate = [...survey.waves].sort((a, b) => a.waveDate.localeCompare(b.waveDate) || a.wave.localeCompare(b.wave));
  const points = (sample: Wave['sampleType']) =>
    byDate
      .filter((w) => w.sampleType === sample)
      // The KPI's waves are probability waves; an opt-in wave of the same name is not what it uses.
      .flatMap((w) => toPoint(w, item, sample === 'probability' ? used : new Set()) ?? []);
  const target = byDate.map((w) => w[item]?.target).find((t) => t !== undefined) ?? null;
  const probability = points('probability');
  const marked = probability.filter((p) => p.used);
  const first = marked[0];
  const last = marked[marked.length - 1];
  return {
    points: probability,
    optIn: points('opt_in'),
    target,
    used: first && last ? { from: first.wave, to: last.wave } : null,
  };
}

/** Label every wave up to this many; beyond, recharts drops labels that would collide. */
const MAX_LABELLED_WAVES = 16;

export interface WaveAxis {
  /** 0 = a label under every wave. */
  interval: 0 | 'preserveStartEnd';
  angle: number;
  textAnchor: 'middle' | 'end';
  /** Height of the axis band, in pixels, so slanted labels are not cut. */
  height: number;
}

/**
 * How the wave axis fits its labels: every wave labelled (up to 16), level when they fit side by
 * side, slanted when they do not, upright when even slanted ones would touch (a phone: slanted
 * labels a slot apart overlap unless the slot is wider than a line over sin 40°). Widths are
 * estimated from the longest label at ~0.55 em a character (Sarabun; Thai marks above and below
 * take no width, so this errs on the wide side).
 */
export function waveAxis(labels: readonly string[], plotWidth: number, fontPx: number): WaveAxis {
  const level: WaveAxis = { interval: 0, angle: 0, textAnchor: 'middle', height: Math.ceil(fontPx * 2) };
  if (labels.length > MAX_LABELLED_WAVES) return { ...level, interval: 'preserveStartEnd' };
  if (labels.length === 0 || plotWidth <= 0) return level;
  const longest = Math.max(...labels.map((label) => label.length));
  const labelWidth = longest * fontPx * 0.55;
  const slot = plotWidth / labels.length;
  if (labelWidth <= slot * 0.9) return level;
  const slanted = -40;
  const sin = Math.sin((-slanted * Math.PI) / 180);
  const angle = slot * sin >= fontPx * 1.15 ? slanted : -90;
  const rise = angle === -90 ? labelWidth : labelWidth * sin;
  return { interval: 0, angle, textAnchor: 'end', height: Math.ceil(rise + fontPx * 1.5) };
}

/**
 * A wave's axis label: short ("2567-Q3"; the data's "baseline" as "ก่อนเริ่ม" in Thai), with
 * "(ก่อนเริ่ม)" / "(before start)" after any other wave dated before the zone's start.
 */
export function waveTickLabel(
  point: Pick<SurveyPoint, 'wave' | 'beforeStart'>,
  lang: Lang,
  beforeStart: string,
): string {
  const label = formatWave(point.wave, lang, 'short');
  return point.beforeStart && point.wave.trim().toLowerCase() !== 'baseline' ? `${label} (${beforeStart})` : label;
}
