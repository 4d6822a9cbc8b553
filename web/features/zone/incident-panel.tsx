/**
 * The zone's incidents of the period on a map: a group filter, points or heat, how many there are
 * in the zone and in its buffer ring, and a legend naming the zone, the ring and the comparison area.
 */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { zoneIncidentsQuery } from '../../api/queries.ts';
import type { TrafficLight } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { useDashboardState } from '../../router.ts';
import type { IncidentView } from '../map/incident-map.tsx';
import { groupColor } from '../map/to-incident-layer.ts';
import { LIGHT_COLORS } from '../map/map-style.ts';

const IncidentMap = lazy(() => import('../map/incident-map.tsx'));

export interface GroupName {
  group: number;
  nameTh: string;
  nameEn: string;
}

export function IncidentPanel({
  zoneId,
  outline,
  light,
  stationName,
  groups,
  comparison,
  comparisonKind,
}: {
  zoneId: string;
  outline: { type: string; coordinates: unknown };
  light: TrafficLight;
  stationName: string;
  groups: readonly GroupName[];
  comparison: ReadonlyArray<{ type: string; coordinates: unknown }>;
  comparisonKind: 'rest_of_station' | 'control_zones';
}) {
  const { lang, t } = useT();
  const [state] = useDashboardState();
  const [group, setGroup] = useState<number | null>(null);
  const [view, setView] = useState<IncidentView>('points');
  const incidents = useQuery(zoneIncidentsQuery(zoneId, { from: state.from, to: state.to }, group));
  const data = incidents.data;
  const inZone = data?.features.filter((f) => f.properties.area === 'zone').length ?? 0;
  const inRing = (data?.features.length ?? 0) - inZone;
  const bufferMeters = data?.bufferMeters ?? 500;
  const groupName = (g: number) => {
    const found = groups.find((x) => x.group === g);
    return found ? (lang === 'en' ? found.nameEn : found.nameTh) : t('incidents.group', { n: g });
  };

  return (
    <section className="incidents" aria-labelledby="incidents-title">
      <h2 id="incidents-title">{t('incidents.title')}</h2>
      <div className="incident-tools">
        <label>
          {t('incidents.groupFilter')}
          <select
            data-testid="incident-group"
            value={group ?? ''}
            onChange={(e) => setGroup(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{t('incidents.allGroups')}</option>
            {groups.map((g) => (
              <option key={g.group} value={g.group}>
                {lang === 'en' ? g.nameEn : g.nameTh}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="segmented">
          <legend>{t('incidents.view')}</legend>
          {(['points', 'heat'] as const).map((v) => (
            <label key={v} className={v === view ? 'is-active' : undefined}>
              <input type="radio" name="incident-view" value={v} checked={v === view} onChange={() => setView(v)} />
              {t(`incidents.view.${v}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="hint" data-testid="incident-count" role="status">
        {incidents.isError
          ? t('state.error')
          : data
            ? t('incidents.count', {
                n: formatNumber(data.features.length, lang),
                zone: formatNumber(inZone, lang),
                ring: formatNumber(inRing, lang),
                m: formatNumber(bufferMeters, lang),
              })
            : t('state.loading')}
        {data && !data.exact && ` ${t('incidents.snapped')}`}
      </p>
      <div className="incident-map-and-legend">
        <Suspense fallback={<div className="map map-incidents map-loading">{t('state.loading')}</div>}>
          <IncidentMap
            outline={outline}
            light={light}
            incidents={data}
            bufferMeters={bufferMeters}
            view={view}
            lang={lang}
            label={t('incidents.title')}
            groupName={groupName}
            areaName={(area) => t(area === 'zone' ? 'incidents.inZone' : 'incidents.inRing', { m: bufferMeters })}
            comparison={comparison}
          />
        </Suspense>
        <ul className="incident-legend" aria-label={t('incidents.legend')}>
          <li>
            <span className="swatch swatch-zone" style={{ background: `${LIGHT_COLORS[light]}40` }} />
            {t('incidents.legendZone')}
          </li>
          <li>
            <span className="swatch swatch-ring" />
            {t('incidents.legendRing', { m: formatNumber(bufferMeters, lang) })}
          </li>
          <li>
            <span className="swatch swatch-comparison" />
            {comparison.length === 0
              ? t('incidents.legendComparison', { station: stationName })
              : comparisonKind === 'control_zones'
                ? t('explain.legendControl')
                : t('explain.legendStation', { station: stationName })}
          </li>
          {groups.map((g) => (
            <li key={g.group}>
              <span className="swatch swatch-point" style={{ background: groupColor(g.group) }} />
              {lang === 'en' ? g.nameEn : g.nameTh}
            </li>
          ))}
          <li>
            <span className="swatch swatch-cluster" />
            {t('incidents.legendCluster')}
          </li>
        </ul>
      </div>
    </section>
  );
}
