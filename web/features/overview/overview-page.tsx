/**
 * The overview of the country or of one unit (?unit=<code>): breadcrumbs, the unit's tiles with
 * "k of n zones meet", its zones on a map fitted to them, and the table of what lies below it
 * (bureaus/divisions/stations open their unit; a station lists its zones). One request carries
 * the unit's page; the country also lists every zone in scope.
 */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { kpisQuery, unitQuery, zonesQuery } from '../../api/queries.ts';
import type { Me, TrafficLight, UnitPage } from '../../api/types.ts';
import { BeyondData, DataUpTo } from '../../components/data-up-to.tsx';
import { KpiTile } from '../../components/kpi-tile.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatNumber, type Lang } from '../../i18n/format.ts';
import { type Translate, useT } from '../../i18n/use-t.tsx';
import { handleLinkClick, useDashboardState } from '../../router.ts';
import { serializeDashboardState, updateDashboardState } from '../../state/dashboard-state.ts';
import { toKpiFigures } from '../kpi/to-kpi-figures.ts';
import { toUnitMarkers } from '../map/to-zone-markers.ts';
import { MeetingLink } from '../present/meeting-link.tsx';
import { Breadcrumbs } from '../unit/breadcrumbs.tsx';
import { toBreadcrumbs } from '../unit/to-breadcrumbs.ts';
import { beyondDataText, periodBeyondData } from '../period/to-data-reach.ts';
import { ReportMenu } from '../print/report-menu.tsx';
import { ProblemsPanel } from '../problems/problems-panel.tsx';
import { ExportLinks } from './export-links.tsx';
import { RollupTable } from './rollup-table.tsx';
import { StatusLegend } from './status-legend.tsx';
import { scopeHeading } from './to-scope-heading.ts';
import { pickName } from './to-zone-rows.ts';
import { ZoneTable } from './zone-table.tsx';

// MapLibre is most of the bundle's weight: old PCs get the tables first, the map when it arrives.
const ZonesMap = lazy(() => import('../map/zones-map.tsx'));

const BASEMAP_SOURCE = 'OCHA/HDX COD-AB (CC BY-IGO) · MapLibre';

function lightCounts(page: UnitPage): Record<TrafficLight, number> {
  const counts: Record<TrafficLight, number> = { green: 0, amber: 0, red: 0, grey: 0 };
  for (const zone of page.zones) counts[zone.overall] += 1;
  return counts;
}

/** The heading over a unit's tiles: the unit's name, or "your zones within it" when only some are the user's. */
function unitHeading(page: UnitPage, lang: Lang, t: Translate): string {
  const name = pickName(page.unit, lang);
  const n = formatNumber(page.zonesInScope, lang);
  return page.zonesInScope < page.zonesInUnit
    ? t('unit.summaryMine', { name, n })
    : t('overview.scopeUnit', { name, n });
}

export function OverviewPage({ me }: { me: Me }) {
  const { lang, t } = useT();
  const [state, navigate] = useDashboardState();
  const period = { from: state.from, to: state.to };
  const code = state.unit ?? 'national';
  const national = code === 'national';
  const listLevel = state.level === 'national' ? 'bureau' : state.level;
  const unit = useQuery(unitQuery({ code, level: listLevel, ...period }));
  // The unit's page is the one request the first screen waits for (tiles, map, table below); the
  // zone list and the country's zone table, thousands of zones at national scale, are asked once
  // it has come, so they never hold back the tiles (sign-in to painted tiles: bench [9]).
  const pageCame = unit.data !== undefined;
  const zones = useQuery({ ...zonesQuery(), enabled: pageCame });
  // The country also lists every zone in scope (a unit's zones are its table below).
  const zoneKpis = useQuery({ ...kpisQuery({ level: 'zone', unit: null, ...period }), enabled: national && pageCame });
  const canExport = me.permissions.includes('export');
  const countryHref = serializeDashboardState(updateDashboardState(state, { view: 'overview', unit: null }));

  const markers = useMemo(() => (unit.data ? toUnitMarkers(unit.data.zones, lang) : null), [unit.data, lang]);

  return (
    <QueryState
      query={unit}
      notFound={t('unit.notFound')}
      notFoundAction={
        <a href={countryHref} onClick={(e) => handleLinkClick(e, () => navigate({ view: 'overview', unit: null }))}>
          {t('unit.toCountry')}
        </a>
      }
    >
      {(page) => (
        <>
          <Breadcrumbs crumbs={toBreadcrumbs(page.path, state, lang, t('unit.country'))} />
          <h1>{national ? t('overview.title') : pickName(page.unit, lang)}</h1>
          <DataUpTo dates={page.dataDates} />
          <MeetingLink />
          <ReportMenu kind="unit" id={code} from={state.from} to={state.to} />
          {page.zonesInScope < page.zonesInUnit && (
            <p className="scope-note" data-testid="scope-note">
              {t('unit.partial', {
                k: formatNumber(page.zonesInScope, lang),
                n: formatNumber(page.zonesInUnit, lang),
              })}
            </p>
          )}
          {state.from && state.to && periodBeyondData(period, page.dataDates) ? (
            <BeyondData
              text={beyondDataText({ from: state.from, to: state.to }, page.dataDates, lang, t)}
              action={
                <button type="button" onClick={() => navigate({ from: null, to: null })}>
                  {t('data.showSinceStart')}
                </button>
              }
            />
          ) : (
            <>
              <section className="national" aria-labelledby="national-title">
                <h2 id="national-title">
                  {national ? scopeHeading(me.scope, zones.data?.items ?? [], lang, t) : unitHeading(page, lang, t)}
                </h2>
                {page.item ? (
                  <div className="tile-row">
                    {toKpiFigures(page.item, { lang, t, methods: page.methods }).map((figure) => (
                      <KpiTile key={figure.key} figure={figure} />
                    ))}
                  </div>
                ) : (
                  <p>{t('unit.noZones')}</p>
                )}
              </section>

              <ProblemsPanel
                unit={code}
                {...period}
                station={page.unit.level === 'station' ? page.unit.code : null}
                places={
                  page.unit.level === 'station'
                    ? [
                        { zoneId: null, label: t('problems.noZone') },
                        ...page.children.map((c) => ({ zoneId: c.item.id, label: pickName(c.item, lang) })),
                      ]
                    : []
                }
                canExport={canExport}
              />

              <div className="map-and-legend">
                <section className="map-panel" aria-labelledby="map-title">
                  <h2 id="map-title">{t('overview.map')}</h2>
                  <p className="hint">{t('overview.mapHint')}</p>
                  {markers && (
                    <Suspense fallback={<div className="map map-overview map-loading">{t('state.loading')}</div>}>
                      <ZonesMap
                        markers={markers}
                        lang={lang}
                        label={t('overview.map')}
                        attribution={t('overview.mapSource', { source: BASEMAP_SOURCE })}
                        onSelectZone={(zoneId) => navigate({ view: 'zone', zoneId })}
                      />
                    </Suspense>
                  )}
                </section>
                <StatusLegend counts={lightCounts(page)} />
              </div>

              {national && (
                <>
                  <QueryState query={zoneKpis}>
                    {(data) => <ZoneTable items={data.items} methods={data.methods} zones={zones.data?.items ?? []} />}
                  </QueryState>
                  {canExport && <ExportLinks level="zone" {...period} />}
                </>
              )}

              {page.childLevel === 'zone' ? (
                <ZoneTable
                  items={page.children.map((child) => child.item)}
                  methods={page.methods}
                  zones={zones.data?.items ?? []}
                  title={t('unit.below.zone', { n: formatNumber(page.children.length, lang) })}
                />
              ) : page.children.length > 0 ? (
                <RollupTable
                  rows={page.children}
                  methods={page.methods}
                  level={page.childLevel}
                  title={
                    national
                      ? t('overview.rollups')
                      : t(`unit.below.${page.childLevel}`, { n: formatNumber(page.children.length, lang) })
                  }
                  onLevelChange={national ? (level) => navigate({ level }, { replace: true }) : undefined}
                />
              ) : null}
              {canExport && national && <ExportLinks level={listLevel} {...period} />}
            </>
          )}
        </>
      )}
    </QueryState>
  );
}
