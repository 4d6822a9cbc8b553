import type { Database } from '../db/database.ts';
import { addMonths, bangkokMonth, monthStartDate } from '../kpi/months.ts';
import { readSettings } from '../queries/settings.ts';
import { zoneCrimeWindows } from '../queries/zone-crime-windows.ts';
import { zoneDirectory } from '../queries/zone-directory.ts';
import { zoneSurveyTallies } from '../queries/zone-survey-tallies.ts';
import { buildKpiItems, type KpiLevel } from './kpi-items.ts';

export interface KpiRequest {
  level: KpiLevel;
  /** 'YYYY-MM'; both or neither. No period = since each zone's start (crime) / latest wave (survey). */
  from?: string | undefined;
  to?: string | undefined;
  unit?: string | undefined;
}

/** Last day of a 'YYYY-MM' month as 'YYYY-MM-DD'. */
function monthEndDate(month: string): string {
  const next = new Date(`${monthStartDate(addMonths(month, 1))}T00:00:00Z`);
  return new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The KPIs of every in-scope zone, or of one hierarchy level's units (pooled from in-scope zones only).
 * `now` decides which month is unfinished (it never counts), in Bangkok time.
 */
export async function computeKpis(db: Database, zoneIds: string[] | null, request: KpiRequest, now = new Date()) {
  const period = request.from && request.to ? { from: request.from, to: request.to } : null;
  const settings = await readSettings(db);
  const baselineExceptions = [...settings.zones]
    .filter(([, s]) => s.baseline !== undefined && s.baseline !== settings.programme.baseline)
    .map(([id]) => id);
  const controlPairs = [...settings.zones].flatMap(([zoneId, s]) =>
    (s.controlZones ?? []).map((controlId) => ({ zoneId, controlId })),
  );
  const [zones, crime, tallies] = await Promise.all([
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
  ]);
  const items = buildKpiItems(
    { zones, crime, tallies, programme: settings.programme, zoneSettings: settings.zones, period },
    request.level,
    request.unit,
  );
  return { level: request.level, period, settings: settings.programme, items };
}
