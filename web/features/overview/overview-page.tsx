import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { kpisQuery, zonesQuery } from '../../api/queries.ts';
import type { Me } from '../../api/types.ts';
import { KpiTile } from '../../components/kpi-tile.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useT } from '../../i18n/use-t.tsx';
import { useDashboardState } from '../../router.ts';
import { toKpiFigures } from '../kpi/to-kpi-figures.ts';
import { toZoneMarkers } from '../map/to-zone-markers.ts';
import { ExportLinks } from './export-links.tsx';
import { RollupTable } from './rollup-table.tsx';
import { StatusLegend } from './status-legend.tsx';
import { scopeHeading } from './to-scope-heading.ts';
import { countLights } from './to-zone-rows.ts';
import { ZoneTable } from './zone-table.tsx';

// MapLibre is most of the bundle's weight: old PCs get the tables first, the map when it arrives.
const ZonesMap = lazy(() => import('../map/zones-map.tsx'));

const BASEMAP_SOURCE = 'OCHA/HDX COD-AB (CC BY-IGO) · MapLibre';

export function OverviewPage({ me }: { me: Me }) {
  const { lang, t } = useT();
  const [state, navigate] = useDashboardState();
  const period = { from: state.from, to: state.to };
  const canExport = me.permissions.includes('export');
  const zoneKpis = useQuery(kpisQuery({ level: 'zone', unit: null, ...period }));
  const national = useQuery(kpisQuery({ level: 'national', unit: null, ...period }));
  const rollups = useQuery(kpisQuery({ level: state.level, unit: null, ...period }));
  const zones = useQuery(zonesQuery());

  const markers = useMemo(
    () => (zones.data && zoneKpis.data ? toZoneMarkers(zones.data.items, zoneKpis.data.items, lang) : null),
    [zones.data, zoneKpis.data, lang],
  );

  return (
    <>
      <h1>{t('overview.title')}</h1>
      <section className="national" aria-labelledby="national-title">
        <h2 id="national-title">{scopeHeading(me.scope, zones.data?.items ?? [], lang, t)}</h2>
        <QueryState query={national}>
          {(data) => {
            const item = data.items[0];
            if (!item) return <p>{t('state.empty')}</p>;
            return (
              <div className="tile-row">
                {toKpiFigures(item, { lang, t }).map((figure) => (
                  <KpiTile key={figure.key} figure={figure} />
                ))}
              </div>
            );
          }}
        </QueryState>
      </section>

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
        <StatusLegend counts={zoneKpis.data ? countLights(zoneKpis.data.items) : undefined} />
      </div>

      <QueryState query={zoneKpis}>
        {(data) => <ZoneTable items={data.items} zones={zones.data?.items ?? []} />}
      </QueryState>
      {canExport && <ExportLinks level="zone" {...period} />}

      <QueryState query={rollups}>
        {(data) => (
          <RollupTable
            items={data.items}
            level={state.level}
            onLevelChange={(level) => navigate({ level }, { replace: true })}
          />
        )}
      </QueryState>
      {canExport && <ExportLinks level={state.level} {...period} />}
    </>
  );
}
