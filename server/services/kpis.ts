import type { Database } from '../db/database.ts';
import { addMonths, bangkokMonth, monthStartDate } from '../contracts/calendar.ts';
import { dataFingerprint } from '../queries/data-version.ts';
import { unitZoneIds } from '../queries/scope-zones.ts';
import { readSettings } from '../queries/settings.ts';
import { surveyCodebooks } from '../queries/survey-codebooks.ts';
import { zoneCrimeWindows } from '../queries/zone-crime-windows.ts';
import { zoneDirectory } from '../queries/zone-directory.ts';
import { zoneSurveyTallies } from '../queries/zone-survey-tallies.ts';
import { codebookRuleFromStored } from '../kpi/survey-rules.ts';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { type ColumnTable, encodeRows } from '../contracts/column-table.ts';
import { MethodKeys } from '../contracts/kpi-methods.ts';
import {
  buildZoneResults,
  type KpiAnswerItem,
  type KpiInputs,
  type KpiItem,
  type KpiLevel,
  type KpiMethod,
  keyedItem,
  levelItems,
  type RollupContext,
  type ZoneResult,
} from './kpi-items.ts';

const gzipAsync = promisify(gzip);

export interface KpiRequest {
  level: KpiLevel;
  /** 'YYYY-MM'; both or neither. No period = since each zone's start (crime) / latest wave (survey). */
  from?: string | undefined;
  to?: string | undefined;
  unit?: string | undefined;
}

type Period = { from: string; to: string } | null;

/** Last day of a 'YYYY-MM' month as 'YYYY-MM-DD'. */
function monthEndDate(month: string): string {
  const next = new Date(`${monthStartDate(addMonths(month, 1))}T00:00:00Z`);
  return new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
}

interface ZoneResults {
  zones: ZoneResult[];
  context: RollupContext;
  /** Responses already derived from these results, per scope, level and unit. */
  responses?: Map<string, KpiResponse>;
  /** Unit pages' figures already derived from these results, per scope and unit. */
  units?: Map<string, UnitKpis>;
}

/** One /api/kpis answer, its JSON text and that text gzipped, each made once (a national zone list is megabytes). */
interface KpiResponse {
  body: KpiBody;
  text?: string;
  gzipped?: Promise<Buffer>;
}

/** The /api/kpis answer: each method once, the items pointing to them by key. */
export interface KpiBody {
  level: KpiLevel;
  period: Period;
  settings: RollupContext['programme'];
  methods: Record<string, KpiMethod>;
  items: KpiAnswerItem[];
}

/** The same answer on the wire: the items as columns (server/contracts/column-table.ts). */
export interface KpiWireBody extends Omit<KpiBody, 'items'> {
  items: ColumnTable<KpiAnswerItem>;
}

/** Counts by reason have keys that differ from figure to figure: kept whole, not as columns. */
const WHOLE_PATHS = ['fear.invalidByReason', 'trust.invalidByReason'];

/** Items with their methods keyed, and the methods once. */
function keyedItems(items: readonly KpiItem[]) {
  const keys = new MethodKeys<KpiMethod>();
  const keyed = items.map((item) => keyedItem(item, keys));
  return { methods: keys.methods, items: keyed };
}

/** Derived once from the shared zone results and kept with them. */
function cachedResponse(results: ZoneResults, key: string, derive: () => KpiBody): KpiResponse {
  results.responses ??= new Map();
  let response = results.responses.get(key);
  if (!response) {
    response = { body: derive() };
    if (results.responses.size >= 200) results.responses.clear();
    results.responses.set(key, response);
  }
  return response;
}

/** Everything the KPIs of the given zones (null = every zone) stand on: settings and query rows. */
export async function queryKpiInputs(
  db: Database,
  zoneIds: string[] | null,
  period: Period,
  now: Date,
): Promise<KpiInputs> {
  const settings = await readSettings(db);
  const baselineExceptions = [...settings.zones]
    .filter(([, s]) => s.baseline !== undefined && s.baseline !== settings.programme.baseline)
    .map(([id]) => id);
  const controlPairs = [...settings.zones].flatMap(([zoneId, s]) =>
    (s.controlZones ?? []).map((controlId) => ({ zoneId, controlId })),
  );
  const [zones, crime, tallies, codebookRows] = await Promise.all([
    zoneDirectory(db, zoneIds),
    zoneCrimeWindows(db, {
      zoneIds,
      from: period ? monthStartDate(period.from) : null,
      to: period ? monthStartDate(period.to) : null,
      lastCompleteMonth: monthStartDate(addMonths(bangkokMonth(now), -1)),
      groups: settings.programme.crimeGroups,
      defaultBaseline: settings.programme.baseline,
      baselineExceptions,
      controlPairs,
    }),
    zoneSurveyTallies(db, {
      zoneIds,
      fromDate: period ? monthStartDate(period.from) : null,
      toDate: period ? monthEndDate(period.to) : null,
      rule: settings.programme.surveyRule,
    }),
    surveyCodebooks(db),
  ]);
  const codebooks = new Map(codebookRows.map((row) => [row.id, codebookRuleFromStored(row)]));
  return { zones, crime, tallies, codebooks, programme: settings.programme, zoneSettings: settings.zones, period };
}

async function computeZoneResults(
  db: Database,
  zoneIds: string[] | null,
  period: Period,
  now: Date,
): Promise<ZoneResults> {
  const inputs = await queryKpiInputs(db, zoneIds, period, now);
  return { zones: buildZoneResults(inputs), context: inputs };
}

/**
 * Every zone's results, computed once per state of the data (see dataFingerprint), Bangkok month
 * and period, and shared by all users and levels: each request then only filters to its scope and
 * pools its rollups. A few recent states are kept.
 */
const caches = new WeakMap<Database, Map<string, Promise<ZoneResults>>>();
const CACHE_ENTRIES = 6;
/** Below this many zones a cold request computes its own zones rather than the whole country. */
const NARROW_ZONES = 60;

function cacheOf(db: Database): Map<string, Promise<ZoneResults>> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

async function cachedAllZones(db: Database, key: string, period: Period, now: Date): Promise<ZoneResults> {
  const allZonesCache = cacheOf(db);
  let entry = allZonesCache.get(key);
  if (!entry) {
    entry = computeZoneResults(db, null, period, now);
    entry.catch(() => allZonesCache.delete(key));
    allZonesCache.set(key, entry);
    while (allZonesCache.size > CACHE_ENTRIES) {
      const oldest = allZonesCache.keys().next().value;
      if (oldest === undefined) break;
      allZonesCache.delete(oldest);
    }
  }
  return entry;
}

/**
 * The zone results a request can be answered from: the shared national results when cached, else
 * (cold) just the unit's in-scope zones when they are few.
 */
async function zoneResultsFor(
  db: Database,
  zoneIds: string[] | null,
  unit: string | undefined,
  period: Period,
  now: Date,
): Promise<ZoneResults> {
  const scope = zoneIds === null ? null : new Set(zoneIds);
  const key = JSON.stringify([await dataFingerprint(db), bangkokMonth(now), period]);
  if (cacheOf(db).has(key)) return cachedAllZones(db, key, period, now);
  const narrow =
    unit === undefined ? zoneIds : (await unitZoneIds(db, unit)).filter((id) => scope === null || scope.has(id));
  return narrow !== null && narrow.length <= NARROW_ZONES
    ? computeZoneResults(db, narrow, period, now)
    : cachedAllZones(db, key, period, now);
}

/** The in-scope zone results under a unit (a zone id, station, division or bureau code, or 'national'). */
function zonesInUnit(results: ZoneResults, zoneIds: string[] | null, unit: string | undefined): ZoneResult[] {
  const scope = zoneIds === null ? null : new Set(zoneIds);
  return results.zones.filter(
    ({ zone: z }) =>
      (scope === null || scope.has(z.id)) &&
      (unit === undefined || [z.id, z.stationCode, z.divisionCode, z.bureauCode, 'national'].includes(unit)),
  );
}

/** Finds (or derives) the answer for a scope and request from the shared zone results. */
async function kpiResponse(
  db: Database,
  zoneIds: string[] | null,
  request: KpiRequest,
  now: Date,
): Promise<KpiResponse> {
  const period: Period = request.from && request.to ? { from: request.from, to: request.to } : null;
  const { unit } = request;
  const results = await zoneResultsFor(db, zoneIds, unit, period, now);
  return cachedResponse(results, JSON.stringify([zoneIds, request.level, unit]), () => ({
    level: request.level,
    period,
    settings: results.context.programme,
    ...keyedItems(levelItems(zonesInUnit(results, zoneIds, unit), results.context, request.level, unit)),
  }));
}

export interface UnitKpiRequest {
  /** 'national', or a bureau, division or station code. */
  unit: string;
  unitLevel: Exclude<KpiLevel, 'zone'>;
  /** The level shown below the unit. */
  childLevel: KpiLevel;
  from?: string | undefined;
  to?: string | undefined;
}

/** A zone on a unit's map: where it is and its overall status. */
export interface UnitZoneMarker {
  id: string;
  nameTh: string;
  nameEn: string;
  lon: number;
  lat: number;
  overall: KpiItem['overall'];
}

export interface UnitKpis {
  period: Period;
  settings: RollupContext['programme'];
  /** The methods of the figures below, once; figures point to them by key. */
  methods: Record<string, KpiMethod>;
  /** The unit pooled over the caller's zones in it (null when none). */
  item: KpiAnswerItem | null;
  /** The units (or zones) one level below, each pooled over the caller's zones only. */
  children: KpiAnswerItem[];
  zones: UnitZoneMarker[];
}

/**
 * One unit's figures, the level below it and its zones on a map, from the same shared zone results
 * as /api/kpis (derived once per data state, scope and request).
 */
export async function computeUnitKpis(
  db: Database,
  zoneIds: string[] | null,
  request: UnitKpiRequest,
  now = new Date(),
): Promise<UnitKpis> {
  const period: Period = request.from && request.to ? { from: request.from, to: request.to } : null;
  const results = await zoneResultsFor(db, zoneIds, request.unit, period, now);
  results.units ??= new Map();
  const key = JSON.stringify([zoneIds, request.unit, request.unitLevel, request.childLevel]);
  let answer = results.units.get(key);
  if (!answer) {
    const members = zonesInUnit(results, zoneIds, request.unit);
    const keys = new MethodKeys<KpiMethod>();
    const item = levelItems(members, results.context, request.unitLevel, request.unit)[0];
    answer = {
      period,
      settings: results.context.programme,
      methods: keys.methods,
      item: item ? keyedItem(item, keys) : null,
      children: levelItems(members, results.context, request.childLevel).map((child) => keyedItem(child, keys)),
      zones: members.map(({ zone, item }) => ({
        id: zone.id,
        nameTh: zone.nameTh,
        nameEn: zone.nameEn ?? zone.nameTh,
        lon: zone.lon,
        lat: zone.lat,
        overall: item.overall,
      })),
    };
    if (results.units.size >= 200) results.units.clear();
    results.units.set(key, answer);
  }
  return answer;
}

/**
 * The KPIs of every in-scope zone, or of one hierarchy level's units (pooled from in-scope zones
 * only). `now` decides which month is unfinished (it never counts), in Bangkok time.
 */
export async function computeKpis(db: Database, zoneIds: string[] | null, request: KpiRequest, now = new Date()) {
  return (await kpiResponse(db, zoneIds, request, now)).body;
}

/** The answer as sent (items as columns) in JSON text, serialised once per data state, scope and request. */
export async function computeKpisJson(db: Database, zoneIds: string[] | null, request: KpiRequest, now = new Date()) {
  const response = await kpiResponse(db, zoneIds, request, now);
  response.text ??= JSON.stringify(wireBody(response.body));
  const text = response.text;
  return {
    text,
    /** The same text gzipped, compressed once and kept beside it. */
    gzipped: () => {
      response.gzipped ??= gzipAsync(text);
      return response.gzipped;
    },
  };
}

/**
 * Computes and serialises (and gzips) the country's answers at every level now, so the first
 * overview after a start finds them ready instead of computing them on that request. National
 * scope; narrower scopes filter the same shared zone results.
 */
export async function warmKpis(db: Database, now = new Date()): Promise<void> {
  for (const level of ['zone', 'national', 'bureau', 'division', 'station'] as const) {
    await (await computeKpisJson(db, null, { level }, now)).gzipped();
  }
}

export function wireBody(body: KpiBody): KpiWireBody {
  return { ...body, items: encodeRows(body.items, WHOLE_PATHS) };
}
