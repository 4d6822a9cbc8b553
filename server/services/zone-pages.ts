import type { Database } from '../db/database.ts';
import { bangkokMonth } from '../contracts/calendar.ts';
import { currentOffenceGroups } from '../queries/offence-groups.ts';
import { zoneGeometries, zonePartners } from '../queries/zone-detail.ts';
import { readSettings } from '../queries/settings.ts';
import { zoneDirectory } from '../queries/zone-directory.ts';
import { zoneMonthlySeries, zoneStationCoverage } from '../queries/zone-series.ts';
import { zoneSurveyWaves } from '../queries/zone-survey-waves.ts';
import { surveyCodebooks } from '../queries/survey-codebooks.ts';
import { codebookRuleFromStored } from '../kpi/survey-rules.ts';
import { effectiveSettings } from '../settings/kpi-settings.ts';
import { cachedByDataState } from './data-state-cache.ts';
import { buildZoneSeries, buildZoneSurveyWaves } from './zone-views.ts';

async function zoneWithRules(db: Database, zoneId: string) {
  const [[zone], settings] = await Promise.all([zoneDirectory(db, [zoneId]), readSettings(db)]);
  return zone ? { zone, rules: effectiveSettings(settings.programme, settings.zones.get(zoneId)) } : null;
}

/** The zone page's monthly series; null when there is no such zone. Scope is the caller's check. */
export function zoneSeriesPage(
  db: Database,
  zoneId: string,
  period: { from: string; to: string } | undefined,
  now: Date,
) {
  return cachedByDataState(db, ['series', zoneId, period, bangkokMonth(now)], async () => {
    const found = await zoneWithRules(db, zoneId);
    if (!found) return null;
    const { zone, rules } = found;
    const [rows, coverage, groups] = await Promise.all([
      zoneMonthlySeries(db, zone.id),
      zoneStationCoverage(db, zone.id),
      currentOffenceGroups(db),
    ]);
    const series = buildZoneSeries(rows, coverage, zone, rules, period, now);
    const groupNames = groups.map((g) => ({ ...g, counted: rules.crimeGroups.includes(g.group) }));
    return { zoneId: zone.id, ...series, groupNames };
  });
}

/** The zone page's survey waves; null when there is no such zone. Scope is the caller's check. */
export function zoneSurveyPage(db: Database, zoneId: string) {
  return cachedByDataState(db, ['survey', zoneId], async () => {
    const found = await zoneWithRules(db, zoneId);
    if (!found) return null;
    const { zone, rules } = found;
    const [rows, codebookRows] = await Promise.all([zoneSurveyWaves(db, zone.id), surveyCodebooks(db)]);
    const codebooks = new Map(codebookRows.map((row) => [row.id, codebookRuleFromStored(row)]));
    return {
      zoneId: zone.id,
      startDate: zone.startDate,
      waves: buildZoneSurveyWaves(rows, rules, zone.startDate, codebooks),
    };
  });
}

/** The zone page's facts: the zone, its MOU partners, its outline and its effective rules; null when there is no such zone. */
export async function zoneDetailPage(db: Database, zoneId: string) {
  const found = await zoneWithRules(db, zoneId);
  if (!found) return null;
  const [partners, [outline]] = await Promise.all([zonePartners(db, zoneId), zoneGeometries(db, [zoneId])]);
  const geometry = outline ? (JSON.parse(outline.geometry) as { type: string; coordinates: unknown }) : null;
  return { zone: found.zone, partners, geometry, settings: found.rules };
}
