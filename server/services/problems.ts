/**
 * Stronger Together problems: the list, one problem's record and changes, the figures per unit,
 * and who may see and edit what (the rule and its mapping onto the hierarchy: contracts/problems.ts).
 * Scope is enforced in SQL (queries/problems-visible.ts); a problem, station, zone or unit outside
 * the caller's scope answers as not found, like one that does not exist.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { apiException } from '../auth/errors.ts';
import { can } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';
import { bangkokDate } from '../contracts/calendar.ts';
import {
  editsProblemsOf,
  FINAL_STATUSES,
  levelRank,
  pointInThailand,
  type ProblemLevel,
  type ProblemStatus,
} from '../contracts/problems.ts';
import type { Database } from '../db/database.ts';
import { currentProblemCategories } from '../queries/problem-categories.ts';
import { problemUnits, type ProblemUnitRow } from '../queries/problem-units.ts';
import {
  type ProblemFilter,
  type ProblemRow,
  type ProblemViewer,
  visibleProblems,
} from '../queries/problems-visible.ts';
import { type NewProblem, recordProblemChange, writeProblems } from '../queries/problems-write.ts';
import { scopeStationCodes } from '../queries/scope-stations.ts';
import {
  asOfDay,
  daysBetween,
  figuresBy,
  fiscalYearOfDay,
  NO_FIGURES,
  type ProblemEvent,
  type ProblemFigures,
  problemFigures,
} from './problem-figures.ts';

export type { ProblemFigures } from './problem-figures.ts';

/** Who sees which problems, from the principal's scope (contracts/problems.ts FIRST_SEEN_LEVEL). */
export function problemViewer(principal: Principal): ProblemViewer {
  const scope = principal.scope;
  const none = { national: false, stations: [], zones: [], divisions: [], bureaus: [] };
  switch (scope.kind) {
    case 'national':
      return { ...none, national: true };
    case 'station':
      return { ...none, stations: scope.codes };
    case 'division':
      return { ...none, divisions: scope.codes };
    case 'bureau':
      return { ...none, bureaus: scope.codes };
    case 'zones':
      return { ...none, zones: scope.ids };
  }
  return none;
}

/**
 * Whether the principal may record and change problems of a station: the edit_problems role, and
 * the station's own users (station scope) or national scope. Levels above read only.
 */
export function mayEditProblemsOf(principal: Principal, stationCode: string): boolean {
  return editsProblemsOf(principal.scope, stationCode, can(principal, 'edit_problems'));
}

export interface ProblemCategory {
  code: string;
  nameTh: string;
  nameEn: string;
}

export async function problemCategories(db: Database): Promise<{ version: number; items: ProblemCategory[] }> {
  const rows = await currentProblemCategories(db);
  return { version: rows[0]?.version ?? 0, items: rows.map(({ version: _v, ...c }) => c) };
}

export interface Problem {
  id: number;
  category: string;
  categoryNameTh: string;
  categoryNameEn: string;
  raisedOn: string;
  stationCode: string;
  stationNameTh: string;
  stationNameEn: string;
  divisionCode: string;
  bureauCode: string;
  zoneId: string | null;
  zoneNameTh: string | null;
  zoneNameEn: string | null;
  /** [lon, lat] WGS84, where given. */
  point: [number, number] | null;
  description: string;
  /** The network or member group that raised it (a group, never a person's name). */
  raisedBy: string;
  level: ProblemLevel;
  status: ProblemStatus;
  /** Went above the station at some time. */
  escalated: boolean;
  resolvedOn: string | null;
  resolutionNote: string | null;
  /** Open: days since raised (today); solved or closed: days it took. */
  ageDays: number;
  history: ProblemEvent[];
  /** Whether the caller may change it (the web shows the form). */
  editable: boolean;
}

function toProblem(row: ProblemRow, principal: Principal, today: string): Problem {
  const status = row.status as ProblemStatus;
  return {
    id: row.id,
    category: row.category,
    categoryNameTh: row.categoryNameTh ?? row.category,
    categoryNameEn: row.categoryNameEn ?? row.category,
    raisedOn: row.raisedOn,
    stationCode: row.stationCode,
    stationNameTh: row.stationNameTh,
    stationNameEn: row.stationNameEn,
    divisionCode: row.divisionCode,
    bureauCode: row.bureauCode,
    zoneId: row.zoneId,
    zoneNameTh: row.zoneNameTh,
    zoneNameEn: row.zoneNameEn ?? row.zoneNameTh,
    point: row.lon === null || row.lat === null ? null : [row.lon, row.lat],
    description: row.description,
    raisedBy: row.raisedBy,
    level: row.level as ProblemLevel,
    status,
    escalated: row.topRank > 0,
    resolvedOn: row.resolvedOn,
    resolutionNote: row.resolutionNote,
    ageDays: daysBetween(row.raisedOn, FINAL_STATUSES.has(status) && row.resolvedOn ? row.resolvedOn : today),
    history: JSON.parse(row.events) as ProblemEvent[],
    editable: mayEditProblemsOf(principal, row.stationCode),
  };
}

/** A period as days: 'YYYY-MM' or 'YYYY-MM-DD' for either end (a month's end is its last day). */
export function periodDays(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  const lastDay = (month: string): string => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  };
  return {
    ...(from === undefined ? {} : { from: from.length === 7 ? `${from}-01` : from }),
    ...(to === undefined ? {} : { to: to.length === 7 ? lastDay(to) : to }),
  };
}

export function todayOf(nowMs: number): string {
  return bangkokDate(new Date(nowMs));
}

export async function listProblems(
  db: Database,
  principal: Principal,
  filter: ProblemFilter,
  today: string,
): Promise<Problem[]> {
  const viewer = problemViewer(principal);
  const rows = await visibleProblems(db, viewer, { ...filter, ...periodDays(filter.from, filter.to) });
  return rows.map((r) => toProblem(r, principal, today));
}

const refused = (status: 400 | 403 | 404, code: Parameters<typeof apiException>[1]) => apiException(status, code);

export interface NewProblemInput {
  category: string;
  raisedOn: string;
  zoneId?: string | undefined;
  stationCode?: string | undefined;
  description: string;
  raisedBy: string;
  point?: [number, number] | undefined;
}

/** Records a problem raised by the station's network: level station, status open. Throws API errors. */
export async function createProblem(
  db: Database,
  principal: Principal,
  zoneIds: readonly string[] | null,
  input: NewProblemInput,
  today: string,
): Promise<Problem> {
  const categories = await currentProblemCategories(db);
  const category = categories.find((c) => c.code === input.category);
  if (!category) throw refused(400, 'unknown_category');
  if (input.raisedOn > today) throw refused(400, 'problem_date');
  if (input.point && !pointInThailand(input.point[0], input.point[1])) throw refused(400, 'point_outside_thailand');
  const units = await problemUnits(db);
  let station: ProblemUnitRow | undefined;
  if (input.zoneId !== undefined) {
    if (zoneIds !== null && !zoneIds.includes(input.zoneId)) throw refused(404, 'not_found');
    station = units.find((u) => u.zoneId === input.zoneId);
    if (!station) throw refused(404, 'not_found');
    if (input.stationCode !== undefined && input.stationCode !== station.stationCode)
      throw refused(400, 'zone_station_mismatch');
  } else station = units.find((u) => u.zoneId === null && u.stationCode === input.stationCode);
  if (!station) throw refused(404, 'not_found');
  const stationCode = station.stationCode;
  if (!mayEditProblemsOf(principal, stationCode)) {
    // A station the caller cannot even see answers as missing; one it reads but may not edit, 403.
    const seen = await scopeStationCodes(db, principal.scope);
    throw seen === null || seen.includes(stationCode) ? refused(403, 'forbidden') : refused(404, 'not_found');
  }
  const row: NewProblem = {
    category: category.code,
    category_version: category.version,
    raised_on: input.raisedOn,
    station_code: stationCode,
    zone_id: input.zoneId ?? null,
    lon: input.point?.[0] ?? null,
    lat: input.point?.[1] ?? null,
    description: input.description,
    raised_by: input.raisedBy,
    level: 'station',
    status: 'open',
    top_rank: 0,
    resolved_on: null,
    resolution_note: null,
    created_by: principal.username,
    events: [{ on_date: input.raisedOn, level: 'station', status: 'open', note: null, username: principal.username }],
  };
  const [id] = await db.transaction((conn) => writeProblems(conn, [row], null));
  const created = await problemById(db, principal, id as number, today);
  if (!created) throw new Error(`problem ${id} not found after insert`);
  return created;
}

export async function problemById(
  db: Database,
  principal: Principal,
  id: number,
  today: string,
): Promise<Problem | null> {
  const [found] = await listProblems(db, principal, { id }, today);
  return found ?? null;
}

export interface ProblemChangeInput {
  level?: ProblemLevel | undefined;
  status?: ProblemStatus | undefined;
  note: string;
  /** The day the change happened (default today). */
  on?: string | undefined;
}

/**
 * Escalates, changes the status of, or adds a dated note to a problem; the history keeps every
 * change. Returns the problem before and after (for the audit log). Throws API errors.
 */
export async function changeProblem(
  db: Database,
  principal: Principal,
  id: number,
  input: ProblemChangeInput,
  today: string,
): Promise<{ before: Problem; after: Problem }> {
  const before = await problemById(db, principal, id, today);
  if (!before) throw refused(404, 'not_found');
  if (!before.editable) throw refused(403, 'forbidden');
  const on = input.on ?? today;
  const lastChange = before.history.at(-1)?.on ?? before.raisedOn;
  if (on > today || on < before.raisedOn || on < lastChange) throw refused(400, 'problem_date');
  const level = input.level ?? before.level;
  const status = input.status ?? before.status;
  const final = FINAL_STATUSES.has(status);
  const staysFinal = final && before.status === status;
  const topRank = Math.max(levelRank(level), ...before.history.map((e) => levelRank(e.level)));
  await db.transaction((conn: DuckDBConnection) =>
    recordProblemChange(conn, {
      id,
      level,
      status,
      topRank,
      resolvedOn: final ? (staysFinal ? before.resolvedOn : on) : null,
      resolutionNote: final ? (staysFinal ? (before.resolutionNote ?? input.note) : input.note) : null,
      event: { on_date: on, level, status, note: input.note, username: principal.username },
    }),
  );
  const after = await problemById(db, principal, id, today);
  if (!after) throw new Error(`problem ${id} not found after change`);
  return { before, after };
}

export interface ProblemUnit {
  code: string;
  level: 'national' | 'bureau' | 'division' | 'station' | 'zone';
  nameTh: string;
  nameEn: string;
}

export interface ProblemSummaryRow extends ProblemUnit {
  figures: ProblemFigures;
}

export interface ProblemSummary {
  unit: ProblemUnit;
  /** The days problems were raised in (null = all), and the day states are read on. */
  period: { from: string; to: string } | null;
  asOf: string;
  total: ProblemFigures;
  /** The level below the unit, each unit in the caller's scope (zero figures included). */
  childLevel: ProblemUnit['level'] | null;
  children: ProblemSummaryRow[];
  byCategory: (ProblemCategory & { figures: ProblemFigures })[];
  /** Thai fiscal years (BE) the problems were raised in, oldest first. */
  byFiscalYear: { fiscalYear: number; figures: ProblemFigures }[];
}

const NATIONAL_UNIT: ProblemUnit = {
  code: 'national',
  level: 'national',
  nameTh: 'สำนักงานตำรวจแห่งชาติ',
  nameEn: 'Royal Thai Police',
};

/** The units a viewer relates to: every station/zone row for national, else those its scope names. */
async function unitsInScope(db: Database, principal: Principal): Promise<ProblemUnitRow[]> {
  const all = await problemUnits(db);
  const scope = principal.scope;
  if (scope.kind === 'national') return all;
  if (scope.kind === 'zones') {
    const stations = new Set(
      all.filter((u) => u.zoneId !== null && scope.ids.includes(u.zoneId)).map((u) => u.stationCode),
    );
    return all.filter((u) => (u.zoneId === null ? stations.has(u.stationCode) : scope.ids.includes(u.zoneId)));
  }
  const stations = new Set(await scopeStationCodes(db, scope));
  return all.filter((u) => stations.has(u.stationCode));
}

/** The unit itself (from any of its rows) and how its problems are split into the level below. */
function resolveUnit(
  rows: readonly ProblemUnitRow[],
  code: string,
): { unit: ProblemUnit; childLevel: ProblemUnit['level'] | null; inUnit: (r: ProblemUnitRow) => boolean } | null {
  if (code === 'national') return { unit: NATIONAL_UNIT, childLevel: 'bureau', inUnit: () => true };
  for (const r of rows) {
    if (r.bureauCode === code)
      return {
        unit: { code, level: 'bureau', nameTh: r.bureauNameTh, nameEn: r.bureauNameEn },
        childLevel: 'division',
        inUnit: (u) => u.bureauCode === code,
      };
    if (r.divisionCode === code)
      return {
        unit: { code, level: 'division', nameTh: r.divisionNameTh, nameEn: r.divisionNameEn },
        childLevel: 'station',
        inUnit: (u) => u.divisionCode === code,
      };
    if (r.stationCode === code && r.zoneId === null)
      return {
        unit: { code, level: 'station', nameTh: r.stationNameTh, nameEn: r.stationNameEn },
        childLevel: 'zone',
        inUnit: (u) => u.stationCode === code,
      };
    if (r.zoneId === code)
      return {
        unit: { code, level: 'zone', nameTh: r.zoneNameTh ?? code, nameEn: r.zoneNameEn ?? code },
        childLevel: null,
        inUnit: (u) => u.zoneId === code,
      };
  }
  return null;
}

/** The child unit a unit row belongs to at a level ('zone' level: a station's own row is "no zone"). */
function childOf(r: ProblemUnitRow, level: ProblemUnit['level']): ProblemUnit {
  switch (level) {
    case 'bureau':
      return { code: r.bureauCode, level, nameTh: r.bureauNameTh, nameEn: r.bureauNameEn };
    case 'division':
      return { code: r.divisionCode, level, nameTh: r.divisionNameTh, nameEn: r.divisionNameEn };
    case 'station':
      return { code: r.stationCode, level, nameTh: r.stationNameTh, nameEn: r.stationNameEn };
    default:
      return r.zoneId === null
        ? { code: r.stationCode, level: 'station', nameTh: 'ไม่ระบุพื้นที่นำร่อง', nameEn: 'No zone given' }
        : { code: r.zoneId, level: 'zone', nameTh: r.zoneNameTh ?? r.zoneId, nameEn: r.zoneNameEn ?? r.zoneId };
  }
}

function childKeyOfProblem(p: Problem, level: ProblemUnit['level']): string {
  switch (level) {
    case 'bureau':
      return p.bureauCode;
    case 'division':
      return p.divisionCode;
    case 'station':
      return p.stationCode;
    default:
      return p.zoneId ?? p.stationCode;
  }
}

/**
 * Raised, solved, open, median days to solve, open > 30 / > 90 days and escalated for a unit and
 * each unit below it, by category and by fiscal year; null when the unit is unknown or wholly out
 * of the caller's scope. Every visible problem counts once, in exactly one child.
 */
export async function problemSummary(
  db: Database,
  principal: Principal,
  request: { unit: string; from?: string | undefined; to?: string | undefined },
  today: string,
): Promise<ProblemSummary | null> {
  const units = await unitsInScope(db, principal);
  const resolved = resolveUnit(units, request.unit);
  if (!resolved) return null;
  const { unit, childLevel, inUnit } = resolved;
  const days = periodDays(request.from, request.to);
  const asOf = asOfDay(today, days.to ?? null);
  const [problems, categories] = await Promise.all([
    listProblems(db, principal, { unit: unit.code, from: request.from, to: request.to }, today),
    problemCategories(db),
  ]);
  const children: ProblemSummaryRow[] = [];
  if (childLevel !== null) {
    const figures = figuresBy(problems, (p) => childKeyOfProblem(p, childLevel), asOf);
    const seen = new Set<string>();
    for (const r of units) {
      if (!inUnit(r)) continue;
      const child = childOf(r, childLevel);
      if (seen.has(child.code)) continue;
      seen.add(child.code);
      children.push({ ...child, figures: figures.get(child.code) ?? NO_FIGURES });
    }
  }
  const byCategory = figuresBy(problems, (p) => p.category, asOf);
  const byYear = figuresBy(problems, (p) => String(fiscalYearOfDay(p.raisedOn)), asOf);
  const names = new Map(categories.items.map((c) => [c.code, c]));
  for (const p of problems)
    if (!names.has(p.category))
      names.set(p.category, { code: p.category, nameTh: p.categoryNameTh, nameEn: p.categoryNameEn });
  return {
    unit,
    period: days.from && days.to ? { from: days.from, to: days.to } : null,
    asOf,
    total: problemFigures(problems, asOf),
    childLevel,
    children,
    byCategory: [...names.values()]
      .filter((c) => byCategory.has(c.code))
      .map((c) => ({ ...c, figures: byCategory.get(c.code) ?? NO_FIGURES })),
    byFiscalYear: [...byYear]
      .map(([year, figures]) => ({ fiscalYear: Number(year), figures }))
      .sort((a, b) => a.fiscalYear - b.fiscalYear),
  };
}
