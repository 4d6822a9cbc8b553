/**
 * What the Stronger Together panels, slides and the PDF page show of problems and their figures:
 * names in the reader's language, BE dates in Thai, the open and escalated problems a meeting
 * talks about, and the points for the zone's map. Pure.
 */
import {
  LEVEL_NAMES,
  levelRank,
  OPEN_STATUSES,
  PROBLEM_LEVELS,
  type ProblemLevel,
  type ProblemStatus,
  STATUS_NAMES,
} from '../../../server/contracts/problems.ts';
import type { Problem, ProblemFigures } from '../../api/types.ts';
import { formatDate, formatNumber, type Lang, MISSING } from '../../i18n/format.ts';

export const levelName = (level: ProblemLevel, lang: Lang): string => LEVEL_NAMES[level][lang];
export const statusName = (status: ProblemStatus, lang: Lang): string => STATUS_NAMES[status][lang];

export type FigureKey = Exclude<keyof ProblemFigures, 'closedWithoutAction'>;

/** The figures in the order they are shown, with their words. */
export const FIGURE_WORDS: readonly (readonly [FigureKey, { th: string; en: string }])[] = [
  ['raised', { th: 'ปัญหาที่แจ้ง', en: 'Raised' }],
  ['solved', { th: 'แก้ไขแล้ว', en: 'Solved' }],
  ['open', { th: 'ยังไม่แล้วเสร็จ', en: 'Open' }],
  ['medianDaysToSolve', { th: 'มัธยฐานวันที่ใช้แก้ไข', en: 'Median days to solve' }],
  ['openOver30', { th: 'ค้างเกิน 30 วัน', en: 'Open > 30 days' }],
  ['openOver90', { th: 'ค้างเกิน 90 วัน', en: 'Open > 90 days' }],
  ['escalated', { th: 'ส่งต่อเกินระดับสถานี', en: 'Escalated above station' }],
];

export interface FigureCell {
  key: FigureKey;
  label: string;
  value: string;
}

export function figureCells(figures: ProblemFigures, lang: Lang): FigureCell[] {
  return FIGURE_WORDS.map(([key, words]) => ({
    key,
    label: words[lang],
    value: key === 'medianDaysToSolve' ? formatNumber(figures[key], lang, 1) : formatNumber(figures[key], lang),
  }));
}

export interface ProblemRowView {
  id: number;
  raisedOn: string;
  category: string;
  place: string;
  description: string;
  raisedBy: string;
  level: string;
  status: string;
  ageDays: string;
  open: boolean;
  escalated: boolean;
  /** The last dated note, for the meeting ("ส่งต่อ: ขอไฟฟ้าส่องสว่าง"). */
  lastNote: string;
}

export function problemRow(p: Problem, lang: Lang): ProblemRowView {
  const zone = lang === 'en' ? p.zoneNameEn : p.zoneNameTh;
  const station = lang === 'en' ? p.stationNameEn : p.stationNameTh;
  const noted = [...p.history].reverse().find((e) => e.note !== null);
  return {
    id: p.id,
    raisedOn: formatDate(p.raisedOn, lang),
    category: lang === 'en' ? p.categoryNameEn : p.categoryNameTh,
    place: zone ?? station,
    description: p.description,
    raisedBy: p.raisedBy,
    level: levelName(p.level, lang),
    status: statusName(p.status, lang),
    ageDays: formatNumber(p.ageDays, lang),
    open: OPEN_STATUSES.has(p.status),
    escalated: p.escalated,
    lastNote: noted ? `${formatDate(noted.on, lang)}: ${noted.note}` : MISSING,
  };
}

/**
 * What a review meeting goes through: problems still open and problems that went above the
 * station, the escalated and the oldest first.
 */
export function openAndEscalated(items: readonly Problem[]): Problem[] {
  return items
    .filter((p) => OPEN_STATUSES.has(p.status) || p.escalated)
    .sort(
      (a, b) =>
        levelRank(b.level) - levelRank(a.level) ||
        Number(OPEN_STATUSES.has(b.status)) - Number(OPEN_STATUSES.has(a.status)) ||
        b.ageDays - a.ageDays ||
        a.id - b.id,
    );
}

/** The levels a problem can be sent up to from where it is. */
export function levelsAbove(level: ProblemLevel): ProblemLevel[] {
  return PROBLEM_LEVELS.filter((l) => levelRank(l) > levelRank(level));
}

export interface ProblemPointProperties {
  id: number;
  label: string;
  escalated: boolean;
}

/** Open problems that have a point, for the zone's map. */
export function openProblemPoints(items: readonly Problem[], lang: Lang) {
  return {
    type: 'FeatureCollection' as const,
    features: items
      .filter((p) => p.point !== null && OPEN_STATUSES.has(p.status))
      .map((p) => ({
        type: 'Feature' as const,
        properties: {
          id: p.id,
          label: lang === 'en' ? p.categoryNameEn : p.categoryNameTh,
          escalated: p.escalated,
        } satisfies ProblemPointProperties,
        geometry: { type: 'Point' as const, coordinates: p.point as [number, number] },
      })),
  };
}
