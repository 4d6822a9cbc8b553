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
import { convexHull } from '../geo/convex-hull.ts';
import { stationIncidentPoints } from '../queries/station-incident-extent.ts';
import { computeKpis } from './kpis.ts';
import { buildCaveats, buildCrimeExplanation, itemDistribution } from './zone-explanation-views.ts';
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

/**
 * The zone page's explanation: the crime panel (zone, comparison area and buffer ring side by
 * side, with the outlines of the three areas), the answer distribution of the latest and baseline
 * waves, and the caveats. Figures come from the zone's KPI item (the same cached results as
 * /api/kpis); null when there is no such zone. Scope is the caller's check.
 */
export async function zoneExplanationPage(
  db: Database,
  scopeZoneIds: string[] | null,
  zoneId: string,
  period: { from: string; to: string } | undefined,
  now: Date,
) {
  const [found, body, survey, settings] = await Promise.all([
    zoneWithRules(db, zoneId),
    computeKpis(db, scopeZoneIds, { level: 'zone', unit: zoneId, ...period }, now),
    zoneSurveyPage(db, zoneId),
    readSettings(db),
  ]);
  const item = body.items[0];
  if (!found || !item || !survey) return null;
  const { zone, rules } = found;
  const areas = await cachedByDataState(db, ['explanation-areas', zoneId, rules.controlZones], () =>
    comparisonAreaOutline(db, zone.stationCode, zoneId, rules.controlZones),
  );
  return {
    zoneId,
    period: body.period,
    crime: buildCrimeExplanation(item.crime),
    comparisonArea: areas,
    stationNameTh: zone.stationNameTh,
    stationNameEn: zone.stationNameEn,
    distribution: {
      fear: itemDistribution(survey.waves, 'fear', item.fear),
      trust: itemDistribution(survey.waves, 'trust', item.trust),
    },
    caveats: buildCaveats({
      crime: item.crime,
      waves: survey.waves,
      criteria: zone.criteria,
      minimumSample: rules.minSample,
      poolOptIn: settings.programme.poolOptIn,
      currentMonth: bangkokMonth(now),
    }),
  };
}

/**
 * The comparison area's outline: the chosen control zones' polygons, or (the rest of the station)
 * the hull of where the station's located incidents lie outside the zone, since stations have no
 * boundary of their own. null when neither exists (monthly counts only).
 */
async function comparisonAreaOutline(db: Database, stationCode: string, zoneId: string, controlZones: string[]) {
  if (controlZones.length > 0) {
    const rows = await zoneGeometries(db, controlZones);
    return {
      kind: 'control_zones' as const,
      zones: rows.map((row) => ({
        id: row.id,
        nameTh: row.nameTh,
        nameEn: row.nameEn ?? row.nameTh,
        geometry: JSON.parse(row.geometry) as { type: string; coordinates: unknown },
      })),
      hull: null,
    };
  }
  const points = await stationIncidentPoints(db, stationCode, zoneId);
  return {
    kind: 'rest_of_station' as const,
    zones: [],
    hull: convexHull(points.map((p): [number, number] => [p.lon, p.lat])),
  };
}
