/**
 * GET /api/zones/:id/counterfactual: the zone's synthetic control (kpi.md "Synthetic control"),
 * assembled from its windows, the donor pool query and the pure maths of kpi/synthetic-control.ts.
 * Cached per state of the data (an import, an undo or a settings change starts afresh).
 */
import { addMonths, bangkokMonth, monthStartDate, monthsInRange, toMonthKey } from '../contracts/calendar.ts';
import type { Database } from '../db/database.ts';
import { crimeWindow } from '../kpi/crime-window.ts';
import {
  type SyntheticControlProblem,
  type SyntheticControlResult,
  syntheticControl,
} from '../kpi/synthetic-control.ts';
import { readSettings } from '../queries/settings.ts';
import { type SyntheticUnitMonthRow, syntheticControlUnits } from '../queries/synthetic-control-units.ts';
import { zoneDirectory } from '../queries/zone-directory.ts';
import { zoneStationCoverage } from '../queries/zone-series.ts';
import { effectiveSettings } from '../settings/kpi-settings.ts';
import { cachedByDataState } from './data-state-cache.ts';

export type CounterfactualReason = SyntheticControlProblem | 'no_covered_data' | 'poor_pre_fit';

export interface Counterfactual {
  available: boolean;
  /**
   * Why there is no counterfactual; or, with available: true, 'poor_pre_fit': the pre-start fit is
   * worse than twice the placebos' median, so the figures are shown as such and judge nothing.
   */
  reason?: CounterfactualReason;
  donors: { id: string; nameTh: string; weight: number }[];
  months: { month: string; actual: number; counterfactual: number }[];
  preRmspe: number | null;
  effectPct: number | null;
  placebo: { rank: number; of: number; p: number } | null;
}

export interface UnitSeries {
  id: string;
  nameTh: string;
  counts: number[];
}

/** Query rows -> one series per unit over `months` (a month without a row is 0: kpi.md covered months). */
export function unitSeries(rows: readonly SyntheticUnitMonthRow[], months: readonly string[]) {
  const position = new Map(months.map((m, i) => [m, i]));
  const units = new Map<string, UnitSeries>();
  for (const row of rows) {
    let unit = units.get(row.unit);
    if (!unit) {
      unit = { id: row.unit, nameTh: row.nameTh, counts: months.map(() => 0) };
      units.set(row.unit, unit);
    }
    const at = row.month === null ? undefined : position.get(row.month);
    if (at !== undefined) unit.counts[at] = (unit.counts[at] ?? 0) + row.cases;
  }
  const zone = units.get('zone') ?? { id: 'zone', nameTh: '', counts: months.map(() => 0) };
  units.delete('zone');
  return { zone, donors: [...units.values()] };
}

const unavailable = (reason: CounterfactualReason): Counterfactual => ({
  available: false,
  reason,
  donors: [],
  months: [],
  preRmspe: null,
  effectPct: null,
  placebo: null,
});

/** The synthetic control of one zone in full (the maths' answer), or why there is none. */
export type ZoneSyntheticControl =
  | { available: false; reason: CounterfactualReason }
  | { available: true; result: SyntheticControlResult; donors: readonly UnitSeries[] };

/**
 * Windows (statistician's reading of kpi.md where it is silent):
 * - after window: the crime KPI's own (the period's months on or after the start month, inside the
 *   station's covered months, never the unfinished current month), so the effect sits beside the
 *   comparison-area effect of the same months;
 * - pre-start window: every covered month of the zone's station before the start month (all the
 *   history there is to fit on; at least 12, else not available).
 * Donors must be covered over both; the zone's counts are its counted groups inside its outline.
 * Null for an unknown zone. Not cached: zoneCounterfactualPage is (the bench reads this for its fit
 * figures).
 */
export async function zoneSyntheticControl(
  db: Database,
  zoneId: string,
  period: { from: string; to: string } | undefined,
  now: Date,
): Promise<ZoneSyntheticControl | null> {
  const [[zone], settings, coverage] = await Promise.all([
    zoneDirectory(db, [zoneId]),
    readSettings(db),
    zoneStationCoverage(db, zoneId),
  ]);
  if (!zone) return null;
  if (!coverage) return { available: false, reason: 'no_covered_data' };
  const rules = effectiveSettings(settings.programme, settings.zones.get(zoneId));
  const startMonth = toMonthKey(zone.startDate);
  const window = crimeWindow({
    startMonth,
    coveredMonths: { from: coverage.firstMonth, to: coverage.lastMonth },
    currentMonth: bangkokMonth(now),
    period,
    baselineMethod: rules.baseline,
  });
  const preMonths =
    coverage.firstMonth < startMonth ? monthsInRange({ from: coverage.firstMonth, to: addMonths(startMonth, -1) }) : [];
  const afterMonths = [...window.afterMonths];
  if (preMonths.length < 12) return { available: false, reason: 'too_few_pre_months' };
  if (afterMonths.length === 0) return { available: false, reason: 'no_after_window' };
  const months = [...preMonths, ...afterMonths];
  const rows = await syntheticControlUnits(db, {
    zoneId,
    from: monthStartDate(months[0] as string),
    to: monthStartDate(months.at(-1) as string),
    groups: rules.crimeGroups,
  });
  const { zone: zoneSeries, donors } = unitSeries(rows, months);
  const result = syntheticControl({ months, preMonths: preMonths.length, zone: zoneSeries, donors });
  if (!result.available) return { available: false, reason: result.problem ?? 'no_donors' };
  return { available: true, result, donors };
}

/** GET /api/zones/:id/counterfactual's answer, cached per state of the data. */
export function zoneCounterfactualPage(
  db: Database,
  zoneId: string,
  period: { from: string; to: string } | undefined,
  now: Date,
): Promise<Counterfactual | null> {
  return cachedByDataState(db, ['counterfactual', zoneId, period, bangkokMonth(now)], async () => {
    const control = await zoneSyntheticControl(db, zoneId, period, now);
    if (control === null) return null;
    if (!control.available) return unavailable(control.reason);
    const { result, donors } = control;
    return {
      available: true,
      ...(result.poorFit ? { reason: 'poor_pre_fit' as const } : {}),
      donors: result.weights.map(({ donor, weight }) => {
        const unit = donors[donor] as UnitSeries;
        return { id: unit.id, nameTh: unit.nameTh, weight };
      }),
      months: result.months.map((m) => ({ ...m })),
      preRmspe: result.preRmspe,
      effectPct: result.effectPct,
      placebo: result.placebo,
    };
  });
}
