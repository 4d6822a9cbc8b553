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
import {
  buildZoneResults,
  type KpiInputs,
  type KpiItem,
  type KpiLevel,
  levelItems,
  type RollupContext,
  type ZoneResult,
} from './kpi-items.ts';

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
}

/** One /api/kpis answer, and its JSON text once serialised (a national zone list is megabytes). */
interface KpiResponse {
  body: KpiBody;
  text?: string;
}

export interface KpiBody {
  level: KpiLevel;
  period: Period;
  settings: RollupContext['programme'];
  items: KpiItem[];
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

/** Finds (or derives) the answer for a scope and request from the shared zone results. */
async function kpiResponse(
  db: Database,
  zoneIds: string[] | null,
  request: KpiRequest,
  now: Date,
): Promise<KpiResponse> {
  const period: Period = request.from && request.to ? { from: request.from, to: request.to } : null;
  const { unit } = request;
  const scope = zoneIds === null ? null : new Set(zoneIds);
  const inScope = (id: string) => scope === null || scope.has(id);
  const inUnit = (z: ZoneResult['zone']) =>
    unit === undefined || [z.id, z.stationCode, z.divisionCode, z.bureauCode, 'national'].includes(unit);

  const key = JSON.stringify([await dataFingerprint(db), bangkokMonth(now), period]);
  let results: ZoneResults;
  if (cacheOf(db).has(key)) results = await cachedAllZones(db, key, period, now);
  else {
    // Cold: a request for a few zones computes just those rather than the whole country.
    const narrow = unit === undefined ? zoneIds : (await unitZoneIds(db, unit)).filter(inScope);
    results =
      narrow !== null && narrow.length <= NARROW_ZONES
        ? await computeZoneResults(db, narrow, period, now)
        : await cachedAllZones(db, key, period, now);
  }

  return cachedResponse(results, JSON.stringify([zoneIds, request.level, unit]), () => ({
    level: request.level,
    period,
    settings: results.context.programme,
    items: levelItems(
      results.zones.filter((z) => inScope(z.zone.id) && inUnit(z.zone)),
      results.context,
      request.level,
      unit,
    ),
  }));
}

/**
 * The KPIs of every in-scope zone, or of one hierarchy level's units (pooled from in-scope zones
 * only). `now` decides which month is unfinished (it never counts), in Bangkok time.
 */
export async function computeKpis(db: Database, zoneIds: string[] | null, request: KpiRequest, now = new Date()) {
  return (await kpiResponse(db, zoneIds, request, now)).body;
}

/** The same answer as JSON text, serialised once per data state, scope and request. */
export async function computeKpisJson(db: Database, zoneIds: string[] | null, request: KpiRequest, now = new Date()) {
  const response = await kpiResponse(db, zoneIds, request, now);
  response.text ??= JSON.stringify(response.body);
  return response.text;
}
