/**
 * The Stronger Together figures, worked out from each problem's dated history. Pure: no I/O, no
 * clock (the day "as of" is a parameter), tested against hand-worked dates in
 * tests/server/services/problem-figures.test.ts.
 *
 * For a period (the days problems were raised in) and an as-of day (the period's last day, or
 * today when that is earlier), each problem raised in the period on or before the as-of day counts
 * in `raised`, and its state is the one its history gave it on the as-of day:
 * - solved: status `solved`; days to solve = the day it was marked solved minus the day raised;
 * - open: status `open` or `in_progress`; its age = the as-of day minus the day raised, and it is
 *   "open > 30 days" / "> 90 days" when that age is strictly more than 30 / 90;
 * - closed without action: neither solved nor open;
 * - escalated: its history reached any level above the station (district or higher) by the as-of day.
 * The median of an even count is the mean of the middle two.
 */
import { fiscalYearOfMonth } from '../contracts/calendar.ts';
import {
  AGEING_THRESHOLDS,
  FINAL_STATUSES,
  levelRank,
  OPEN_STATUSES,
  type ProblemLevel,
  type ProblemStatus,
} from '../contracts/problems.ts';

export interface ProblemEvent {
  /** 'YYYY-MM-DD', the day the change happened. */
  on: string;
  level: ProblemLevel;
  status: ProblemStatus;
  note: string | null;
  by: string;
}

export interface ProblemHistory {
  raisedOn: string;
  /** Changes in the order they were recorded (the first is the problem being raised). */
  history: readonly ProblemEvent[];
}

export interface ProblemState {
  level: ProblemLevel;
  status: ProblemStatus;
  /** The highest level reached, as a rank (0 station .. 5 national). */
  topRank: number;
  /** The day it was solved or closed, when its status on that day is final. */
  resolvedOn: string | null;
}

const DAY_MS = 86_400_000;

/** Whole days from one 'YYYY-MM-DD' to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The state on a day: the last change on or before it, or null when it had not been raised yet. */
export function stateAsOf(history: ProblemHistory, asOf: string): ProblemState | null {
  if (history.raisedOn > asOf) return null;
  let state: ProblemState | null = null;
  for (const e of history.history) {
    if (e.on > asOf) continue;
    const topRank = Math.max(state?.topRank ?? 0, levelRank(e.level));
    const resolvedOn: string | null = FINAL_STATUSES.has(e.status)
      ? state !== null && state.status === e.status && state.resolvedOn !== null
        ? state.resolvedOn
        : e.on
      : null;
    state = { level: e.level, status: e.status, topRank, resolvedOn };
  }
  return state ?? { level: 'station', status: 'open', topRank: 0, resolvedOn: null };
}

/** The median, or null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface ProblemFigures {
  raised: number;
  solved: number;
  open: number;
  closedWithoutAction: number;
  /** null when none was solved. */
  medianDaysToSolve: number | null;
  openOver30: number;
  openOver90: number;
  /** Went above the station (district or higher). */
  escalated: number;
}

export const NO_FIGURES: ProblemFigures = {
  raised: 0,
  solved: 0,
  open: 0,
  closedWithoutAction: 0,
  medianDaysToSolve: null,
  openOver30: 0,
  openOver90: 0,
  escalated: 0,
};

/** The figures of a set of problems, as of a day. Problems raised after that day are left out. */
export function problemFigures(problems: readonly ProblemHistory[], asOf: string): ProblemFigures {
  const [over30, over90] = AGEING_THRESHOLDS;
  const toSolve: number[] = [];
  const f = { ...NO_FIGURES };
  for (const p of problems) {
    const s = stateAsOf(p, asOf);
    if (s === null) continue;
    f.raised++;
    if (s.topRank > 0) f.escalated++;
    if (s.status === 'solved') {
      f.solved++;
      toSolve.push(daysBetween(p.raisedOn, s.resolvedOn ?? asOf));
    } else if (OPEN_STATUSES.has(s.status)) {
      f.open++;
      const age = daysBetween(p.raisedOn, asOf);
      if (age > over30) f.openOver30++;
      if (age > over90) f.openOver90++;
    } else f.closedWithoutAction++;
  }
  return { ...f, medianDaysToSolve: median(toSolve) };
}

/** Figures per key (a unit, a category, a fiscal year), keys in first-seen order. */
export function figuresBy<P extends ProblemHistory>(
  problems: readonly P[],
  keyOf: (p: P) => string,
  asOf: string,
): Map<string, ProblemFigures> {
  const groups = new Map<string, P[]>();
  for (const p of problems) {
    const key = keyOf(p);
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return new Map([...groups].map(([key, list]) => [key, problemFigures(list, asOf)]));
}

/** The Thai fiscal year (BE) a day belongs to: 1 October - 30 September. */
export function fiscalYearOfDay(day: string): number {
  return fiscalYearOfMonth(day.slice(0, 7));
}

/**
 * The day figures are worked out for: the period's last day, or today when the period runs past
 * today (a period's future has not happened).
 */
export function asOfDay(today: string, periodEnd: string | null): string {
  return periodEnd === null || periodEnd > today ? today : periodEnd;
}
