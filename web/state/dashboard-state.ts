/**
 * The dashboard's state lives in the URL so a shared link reproduces the view. These functions are
 * pure: URL parts in, typed state out, and back. web/router.ts is the one thin hook on top.
 *
 *   /                      overview (the country)
 *   /?unit=<code>          one bureau, division or station, with the level below it
 *   /zones/<id>            one zone
 *   /present?unit=<code>&slide=3   the review-meeting slides of a unit (no unit: the user's own scope)
 *   /imports /settings /admin   the data import, KPI settings and administration screens
 *   ?level=bureau          rollup level shown on the overview
 *   ?from=2023-10&to=2024-09   the period (both or neither; none = since each zone's start)
 *   ?lang=en               language (otherwise the stored choice, then Thai)
 */
import { isLang, type Lang } from '../i18n/format.ts';
import { compareMonths, isMonthKey, type MonthKey } from '../../server/contracts/calendar.ts';

export type View = 'overview' | 'zone' | 'present' | 'imports' | 'settings' | 'moderation' | 'admin';

/** Screens with a fixed path of their own (no id). */
const TOOL_VIEWS = ['imports', 'settings', 'moderation', 'admin'] as const;
export type ToolView = (typeof TOOL_VIEWS)[number];

export function isToolView(view: View): view is ToolView {
  return (TOOL_VIEWS as readonly string[]).includes(view);
}

export const ROLLUP_LEVELS = ['national', 'bureau', 'division', 'station'] as const;
export type RollupLevel = (typeof ROLLUP_LEVELS)[number];

export interface DashboardState {
  view: View;
  /** Set exactly when view is 'zone'. */
  zoneId: string | null;
  level: RollupLevel;
  /** The unit the overview or the meeting shows (a bureau, division or station code); null = the country. */
  unit: string | null;
  /** The meeting's slide, from 1; set exactly when view is 'present'. */
  slide: number | null;
  from: MonthKey | null;
  to: MonthKey | null;
  /** null: not in the URL, so the stored choice applies. */
  lang: Lang | null;
}

const DEFAULT_LEVEL: RollupLevel = 'bureau';

export const DEFAULT_STATE: DashboardState = {
  view: 'overview',
  zoneId: null,
  level: DEFAULT_LEVEL,
  unit: null,
  slide: null,
  from: null,
  to: null,
  lang: null,
};

function isRollupLevel(value: string | null): value is RollupLevel {
  return value !== null && (ROLLUP_LEVELS as readonly string[]).includes(value);
}

function parsePath(pathname: string): Pick<DashboardState, 'view' | 'zoneId'> {
  const tool = /^\/([a-z]+)\/?$/.exec(pathname)?.[1];
  if (tool && (TOOL_VIEWS as readonly string[]).includes(tool)) return { view: tool as ToolView, zoneId: null };
  if (tool === 'present') return { view: 'present', zoneId: null };
  const match = /^\/zones\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1]) {
    try {
      return { view: 'zone', zoneId: decodeURIComponent(match[1]) };
    } catch {
      // A malformed escape is not a zone id; fall through to the overview.
    }
  }
  return { view: 'overview', zoneId: null };
}

/** Unit codes are short ASCII codes (PPR9, PPC-TH-90, ST-HAT-YAI); 'national' is the country itself. */
function parseUnit(value: string | null): string | null {
  if (!value || value === 'national' || value.length > 100 || !/^[A-Za-z0-9._-]+$/.test(value)) return null;
  return value;
}

/** Views that show a unit (?unit=). */
const hasUnit = (view: View) => view === 'overview' || view === 'present';

/** A slide number from 1; anything else is the first slide (the page clamps it to the last). */
function parseSlide(value: string | null): number {
  const n = value === null ? Number.NaN : Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** A period needs both ends, in order; anything else means "no period". */
function parsePeriod(from: string | null, to: string | null): Pick<DashboardState, 'from' | 'to'> {
  if (from && to && isMonthKey(from) && isMonthKey(to) && compareMonths(from, to) <= 0) return { from, to };
  return { from: null, to: null };
}

export function parseDashboardState(pathname: string, search: string): DashboardState {
  const params = new URLSearchParams(search);
  const level = params.get('level');
  const lang = params.get('lang');
  const path = parsePath(pathname);
  return {
    ...path,
    level: isRollupLevel(level) ? level : DEFAULT_LEVEL,
    unit: hasUnit(path.view) ? parseUnit(params.get('unit')) : null,
    slide: path.view === 'present' ? parseSlide(params.get('slide')) : null,
    ...parsePeriod(params.get('from'), params.get('to')),
    lang: isLang(lang) ? lang : null,
  };
}

/** Path and query of a state; defaults are left out so links stay short. */
export function serializeDashboardState(state: DashboardState): string {
  const path =
    state.view === 'zone' && state.zoneId
      ? `/zones/${encodeURIComponent(state.zoneId)}`
      : isToolView(state.view) || state.view === 'present'
        ? `/${state.view}`
        : '/';
  const params = new URLSearchParams();
  if (hasUnit(state.view) && state.unit) params.set('unit', state.unit);
  if (state.view === 'present') params.set('slide', String(state.slide ?? 1));
  if (state.level !== DEFAULT_LEVEL) params.set('level', state.level);
  if (state.from && state.to) {
    params.set('from', state.from);
    params.set('to', state.to);
  }
  if (state.lang) params.set('lang', state.lang);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Moves to another view or filter, keeping everything not named (period, level, language). */
export function updateDashboardState(state: DashboardState, change: Partial<DashboardState>): DashboardState {
  const next = { ...state, ...change };
  if (next.view !== 'zone') next.zoneId = null;
  next.unit = hasUnit(next.view) ? parseUnit(next.unit) : null;
  next.slide = next.view === 'present' ? parseSlide(next.slide === null ? null : String(next.slide)) : null;
  if (next.view === 'zone' && !next.zoneId) return { ...next, view: 'overview', zoneId: null };
  const period = parsePeriod(next.from, next.to);
  return { ...next, ...period };
}

/** The language shown: the URL's, else the stored choice, else Thai. */
export function effectiveLang(state: DashboardState, stored: string | null): Lang {
  if (state.lang) return state.lang;
  return isLang(stored) ? stored : 'th';
}
