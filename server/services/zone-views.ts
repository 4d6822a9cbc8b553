/**
 * Pure transforms behind the zone page: the monthly series with each month's part in the KPI
 * window, and the survey per wave. No I/O: the route hands in query rows.
 */
import {
  addMonths,
  bangkokMonth,
  type CodebookRule,
  classifyMonths,
  crimeWindow,
  monthsInRange,
  type MonthRole,
  surveyIndicatorOverParts,
  toMonthKey,
} from '../kpi/index.ts';
import type { StationCoverageRow, ZoneSeriesRow } from '../queries/zone-series.ts';
import type { ZoneWaveTallyRow } from '../queries/zone-survey-waves.ts';
import type { EffectiveSettings } from '../settings/kpi-settings.ts';
import { surveyParts, surveyRuleParts } from './kpi-items.ts';

export interface SeriesMonth {
  month: string;
  role: MonthRole;
  /** Cases inside the zone by group (1..4), and the total of the counted groups. */
  byGroup: Record<string, number>;
  counted: number;
  ring: number;
}

export function buildZoneSeries(
  rows: ZoneSeriesRow[],
  coverage: StationCoverageRow | null,
  zone: { startDate: string },
  rules: EffectiveSettings,
  period: { from: string; to: string } | undefined,
  now: Date,
) {
  const startMonth = toMonthKey(zone.startDate);
  const window = crimeWindow({
    startMonth,
    coveredMonths: coverage ? { from: coverage.firstMonth, to: coverage.lastMonth } : null,
    currentMonth: bangkokMonth(now),
    period,
    baselineMethod: rules.baseline,
  });
  const counted = new Set(rules.crimeGroups);
  const months = coverage
    ? monthsInRange({ from: coverage.firstMonth, to: window.coveredMonths?.to ?? addMonths(coverage.lastMonth, 0) })
    : [];
  const byMonth = new Map<string, SeriesMonth>();
  for (const { month, role } of classifyMonths(months, window)) {
    byMonth.set(month, { month, role, byGroup: { '1': 0, '2': 0, '3': 0, '4': 0 }, counted: 0, ring: 0 });
  }
  for (const row of rows) {
    const entry = byMonth.get(row.month);
    if (!entry) continue; // the unfinished current month never counts
    entry.byGroup[String(row.crimeGroup)] = (entry.byGroup[String(row.crimeGroup)] ?? 0) + row.zone;
    if (counted.has(row.crimeGroup)) {
      entry.counted += row.zone;
      entry.ring += row.ring;
    }
  }
  return {
    startMonth,
    groups: rules.crimeGroups,
    window: {
      afterMonths: window.afterMonths,
      baselineMonths: window.baselineMonths,
      problem: window.problem,
      method: window.method,
    },
    months: [...byMonth.values()],
  };
}

export function buildZoneSurveyWaves(
  rows: ZoneWaveTallyRow[],
  rules: EffectiveSettings,
  startDate: string,
  codebooks: ReadonlyMap<number, CodebookRule>,
) {
  const groups = new Map<string, ZoneWaveTallyRow[]>();
  for (const row of rows) {
    const key = `${row.wave}|${row.sampleType}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((waveRows) => {
    const first = waveRows[0] as ZoneWaveTallyRow;
    const item = (which: 'fear' | 'trust') => {
      const itemRows = waveRows.filter((r) => r.item === which);
      if (itemRows.length === 0) return null;
      // Each codebook's answers under its own rule, as the KPI counts them (kpi.md "Whose rule wins").
      const counted = surveyRuleParts(which, surveyParts(itemRows), rules, codebooks);
      const result = surveyIndicatorOverParts(counted.parts, {
        target:
          which === 'fear'
            ? { targetPercent: rules.fearTarget, direction: 'max' }
            : { targetPercent: rules.trustTarget, direction: 'min' },
        minimumSample: rules.minSample,
      });
      const distribution = itemRows.map((r) => ({ status: r.status, level: r.level, n: r.n, weighted: r.sumW }));
      return {
        value: result.percent,
        ciLow: result.interval?.lower ?? null,
        ciHigh: result.interval?.upper ?? null,
        n: result.n,
        nEff: result.nEff,
        respondents: result.respondents,
        invalid: result.invalidTotal,
        status: result.status,
        problem: result.problem,
        target: result.method.targetPercent,
        distribution,
        method: { ...result.method, ...counted.method },
      };
    };
    return {
      wave: first.wave,
      waveDate: first.waveDate,
      sampleType: first.sampleType,
      beforeStart: first.waveDate < startDate,
      fear: item('fear'),
      trust: item('trust'),
    };
  });
}
