/**
 * Survey waves of one item (fear or trust) for the chart: probability-sample waves in date order
 * with their Wilson intervals as error-bar offsets; opt-in waves kept apart. Pure.
 */
import type { ZoneSurvey } from '../../api/types.ts';

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
}

export interface SurveyChart {
  points: SurveyPoint[];
  optIn: SurveyPoint[];
  target: number | null;
}

function toPoint(wave: Wave, item: SurveyItem): SurveyPoint | null {
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
  };
}

export function toSurveyChart(survey: ZoneSurvey, item: SurveyItem): SurveyChart {
  const byDate = [...survey.waves].sort((a, b) => a.waveDate.localeCompare(b.waveDate) || a.wave.localeCompare(b.wave));
  const points = (sample: Wave['sampleType']) =>
    byDate.filter((w) => w.sampleType === sample).flatMap((w) => toPoint(w, item) ?? []);
  const target = byDate.map((w) => w[item]?.target).find((t) => t !== undefined) ?? null;
  return { points: points('probability'), optIn: points('opt_in'), target };
}
