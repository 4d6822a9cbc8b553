/**
 * The review meeting's slides, and how keys move through them. Pure: the page gives it the unit's
 * zones (in the order of /api/kpis) and the zone's survey waves; it answers what each slide shows.
 *
 *   1            title: the unit, the period, the date of the data, k of n zones meeting each target
 *   2 .. n+1     one slide per zone
 *   n+2 ..       the summary table, SUMMARY_ROWS zones a slide (25 zones would not fit one screen
 *                at 24 px text, and nothing may scroll on a projector)
 *   last         the unit's community problems (Stronger Together): figures, open and escalated
 */
import type { KpiItem, KpiStatus, ZoneSurvey } from '../../api/types.ts';

/**
 * Zones per summary slide: at 24 px (1280x720) a row can take three lines (a long Thai name, or a
 * value over a status that wraps), and five such rows fit under the title.
 */
export const SUMMARY_ROWS = 5;

export type Slide =
  | { kind: 'title' }
  | { kind: 'zone'; zoneId: string /** 1-based among the zones. */; index: number }
  | { kind: 'summary'; zoneIds: string[]; page: number; pages: number }
  | { kind: 'problems' };

export function toSlides(zoneIds: readonly string[]): Slide[] {
  const zones: Slide[] = zoneIds.map((zoneId, i) => ({ kind: 'zone', zoneId, index: i + 1 }));
  const pages = Math.max(1, Math.ceil(zoneIds.length / SUMMARY_ROWS));
  const summary: Slide[] = Array.from({ length: pages }, (_, page) => ({
    kind: 'summary',
    zoneIds: zoneIds.slice(page * SUMMARY_ROWS, (page + 1) * SUMMARY_ROWS),
    page: page + 1,
    pages,
  }));
  return [{ kind: 'title' }, ...zones, ...(zoneIds.length > 0 ? summary : []), { kind: 'problems' }];
}

/** A slide number the deck has: 1..count (a reload after zones left the scope lands on the last). */
export function clampSlide(slide: number | null, count: number): number {
  if (count < 1) return 1;
  return Math.min(Math.max(1, Math.trunc(slide ?? 1)), count);
}

export type SlideMove = 'next' | 'previous' | 'first' | 'last' | 'leave';

/**
 * The key's meaning. Presentation clickers send PageDown / PageUp (some also the arrows); a
 * keyboard also has Home / End and Esc. Modified keys keep their browser meaning.
 */
export function slideMove(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): SlideMove | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'leave';
    default:
      return null;
  }
}

/** The slide a move lands on; 'leave' is the page's business, not a slide. */
export function movedSlide(current: number, move: Exclude<SlideMove, 'leave'>, count: number): number {
  switch (move) {
    case 'next':
      return clampSlide(current + 1, count);
    case 'previous':
      return clampSlide(current - 1, count);
    case 'first':
      return 1;
    case 'last':
      return clampSlide(count, count);
  }
}

export interface WaveChange {
  wave: string;
  previousWave: string;
  value: number;
  previousValue: number;
  /** value - previousValue, in percentage points. */
  points: number;
  n: number;
  previousN: number;
  status: KpiStatus;
  previousStatus: KpiStatus;
}

/**
 * What changed since the previous survey wave: the wave the KPI stands on (its last; else the
 * latest probability wave with a figure) against the probability wave before it. Opt-in waves are
 * never compared (not a probability sample). Null when there is no earlier wave.
 */
export function waveChange(
  survey: Pick<ZoneSurvey, 'waves'>,
  item: 'fear' | 'trust',
  usedWaves: readonly string[] = [],
): WaveChange | null {
  const waves = survey.waves
    .filter((w) => w.sampleType === 'probability')
    .flatMap((w) => {
      const figure = w[item];
      return figure && figure.value !== null
        ? [{ wave: w.wave, date: w.waveDate, value: figure.value, n: figure.n, status: figure.status as KpiStatus }]
        : [];
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.wave.localeCompare(b.wave));
  const used = waves.map((w) => w.wave).filter((w) => usedWaves.includes(w));
  const lastUsed = used[used.length - 1];
  const at = lastUsed === undefined ? waves.length - 1 : waves.findIndex((w) => w.wave === lastUsed);
  const current = waves[at];
  const previous = waves[at - 1];
  if (!current || !previous) return null;
  return {
    wave: current.wave,
    previousWave: previous.wave,
    value: current.value,
    previousValue: previous.value,
    points: current.value - previous.value,
    n: current.n,
    previousN: previous.n,
    status: current.status,
    previousStatus: previous.status,
  };
}

/**
 * The date of the data a meeting looks at: the last month of recorded crime any zone's figure
 * counts, and the latest survey wave date any zone's figure stands on.
 */
export function dataDates(items: readonly Pick<KpiItem, 'crime' | 'fear' | 'trust'>[]): {
  crimeMonth: string | null;
  surveyDate: string | null;
} {
  const latest = (values: (string | null)[]) =>
    values.reduce<string | null>((max, v) => (v !== null && (max === null || v > max) ? v : max), null);
  return {
    crimeMonth: latest(items.map((i) => i.crime.afterTo)),
    surveyDate: latest(items.flatMap((i) => [i.fear.waveDate, i.trust.waveDate])),
  };
}
