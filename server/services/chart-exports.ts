/**
 * The CSV behind each chart of the zone page, from the very answers the chart is drawn from:
 * the zone's series and synthetic control (crime chart), its survey waves and the period's KPI
 * waves (survey charts). Null when there is no such zone; scope is the route's check.
 */
import type { MonthKey } from '../contracts/calendar.ts';
import type { Lang } from '../contracts/crime-reading.ts';
import type { Database } from '../db/database.ts';
import { chartPreamble, crimeChartTable, surveyChartTable } from '../exports/chart-tables.ts';
import { toCsv } from '../exports/csv.ts';
import { zoneDirectory } from '../queries/zone-directory.ts';
import { zoneCounterfactualPage } from './counterfactual.ts';
import { computeKpis } from './kpis.ts';
import { zoneSeriesPage, zoneSurveyPage } from './zone-pages.ts';

export interface ChartCsvRequest {
  from?: string | undefined;
  to?: string | undefined;
  lang: Lang;
}

const periodOf = (request: ChartCsvRequest) =>
  request.from && request.to ? { from: request.from as MonthKey, to: request.to as MonthKey } : null;

export async function zoneCrimeChartCsv(
  db: Database,
  zoneId: string,
  request: ChartCsvRequest,
  now = new Date(),
): Promise<string | null> {
  const period = periodOf(request) ?? undefined;
  const [[zone], series, counterfactual] = await Promise.all([
    zoneDirectory(db, [zoneId]),
    zoneSeriesPage(db, zoneId, period, now),
    zoneCounterfactualPage(db, zoneId, period, now),
  ]);
  if (!zone || !series) return null;
  const names = new Map(series.groupNames.map((g) => [g.group, request.lang === 'en' ? g.nameEn : g.nameTh]));
  const counted = series.groups.map((g) => names.get(g) ?? String(g)).join(', ');
  const preamble = chartPreamble({
    zone,
    chart: 'crime',
    period: periodOf(request),
    filters: [[request.lang === 'en' ? 'Groups the indicator counts' : 'กลุ่มความผิดที่นับในตัวชี้วัด', counted]],
    lang: request.lang,
    madeAt: now,
  });
  return toCsv(crimeChartTable(series, counterfactual, request.lang), { headers: request.lang, preamble });
}

export async function zoneSurveyChartCsv(
  db: Database,
  zoneIds: string[] | null,
  zoneId: string,
  item: 'fear' | 'trust',
  request: ChartCsvRequest,
  now = new Date(),
): Promise<string | null> {
  const [[zone], survey, kpis] = await Promise.all([
    zoneDirectory(db, [zoneId]),
    zoneSurveyPage(db, zoneId),
    computeKpis(db, zoneIds, { level: 'zone', unit: zoneId, from: request.from, to: request.to }, now),
  ]);
  if (!zone || !survey) return null;
  const usedWaves = kpis.items[0]?.[item].waves ?? [];
  const preamble = chartPreamble({
    zone,
    chart: item,
    period: periodOf(request),
    filters: [
      [
        request.lang === 'en' ? "Waves this period's indicator uses" : 'รอบที่ตัวชี้วัดของช่วงนี้ใช้',
        usedWaves.join(', ') || '–',
      ],
    ],
    lang: request.lang,
    madeAt: now,
  });
  return toCsv(surveyChartTable(survey.waves, item, usedWaves, request.lang), { headers: request.lang, preamble });
}
