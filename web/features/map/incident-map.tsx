/**
 * The zone page's incident map: the zone, its buffer ring (dashed) and the incidents of the period
 * in both, as points clustered when zoomed out or as a heat layer; a click on a point says its
 * month, group and type. The server decides whether points are exact or snapped to 100 m cells.
 * After each draw the container carries data-rendered-incidents (what the map drew, clusters
 * counted by their points) so a test can read what is on screen.
 */
import { useEffect, useRef } from 'react';
import type { TrafficLight, ZoneIncidents } from '../../api/types.ts';
import type { Lang } from '../../i18n/format.ts';
import { geometryBounds } from './geometry-bounds.ts';
import { COMPARISON_FILL, COMPARISON_STROKE, LABEL_FONT, withOwnTiles, zoneOutlineMapStyle } from './map-style.ts';
import {
  attachMapToContainer,
  basemapUrl,
  districtsUrl,
  type GeoJSONSource,
  type MapLayerMouseEvent,
  MapLibreMap,
  ownBasemap,
  PRINTABLE_CANVAS,
} from './maplibre.ts';
import { Popup } from 'maplibre-gl';
import {
  bufferRingFeature,
  countRenderedIncidents,
  GROUP_COLORS,
  type IncidentProperties,
  incidentPopupLines,
  OTHER_GROUP_COLOR,
} from './to-incident-layer.ts';

export type IncidentView = 'points' | 'heat';

export interface IncidentMapProps {
  outline: { type: string; coordinates: unknown };
  light: TrafficLight;
  incidents: ZoneIncidents | undefined;
  bufferMeters: number;
  view: IncidentView;
  lang: Lang;
  label: string;
  groupName: (group: number) => string;
  areaName: (area: IncidentProperties['area']) => string;
  /** The comparison area's outlines (control zones, or the hull of the station's incidents). */
  comparison: ReadonlyArray<{ type: string; coordinates: unknown }>;
}

const CLUSTERED = 'incidents';
const RAW = 'incidents-raw';
const RING = 'ring';
const COMPARISON = 'comparison';
const POINT_LAYERS = ['incident-clusters', 'incident-cluster-count', 'incident-points'];
const EMPTY = { type: 'FeatureCollection', features: [] } as const;

function groupColorExpression(): unknown[] {
  return [
    'match',
    ['get', 'group'],
    ...Object.entries(GROUP_COLORS).flatMap(([g, c]) => [Number(g), c]),
    OTHER_GROUP_COLOR,
  ];
}

function comparisonCollection(geometries: IncidentMapProps['comparison']) {
  return {
    type: 'FeatureCollection',
    features: geometries.map((geometry) => ({ type: 'Feature', properties: { area: 'comparison' }, geometry })),
  };
}

export default function IncidentMap(props: IncidentMapProps) {
  const { outline, light, incidents, bufferMeters, view, lang, label } = props;
  const container = useRef<HTMLElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const ring = bufferRingFeature(outline, bufferMeters);
    // Fitted to the buffer ring, so every incident the layer holds is in view at first.
    const bounds = geometryBounds({ coordinates: ring.features.map((f) => f.geometry.coordinates) });
    const element = container.current;
    if (!element || !bounds) return;
    const base = withOwnTiles(zoneOutlineMapStyle(basemapUrl, lang, outline, light, 0.18, districtsUrl), ownBasemap);
    const instance = new MapLibreMap({
      canvasContextAttributes: PRINTABLE_CANVAS,
      container: element,
      style: {
        ...base,
        sources: {
          ...base.sources,
          [RING]: { type: 'geojson', data: ring as never },
          [COMPARISON]: { type: 'geojson', data: comparisonCollection(latest.current.comparison) as never },
          [CLUSTERED]: { type: 'geojson', data: EMPTY as never, cluster: true, clusterRadius: 40, clusterMaxZoom: 15 },
          [RAW]: { type: 'geojson', data: EMPTY as never },
        },
        layers: [
          ...base.layers,
          {
            id: 'comparison-fill',
            type: 'fill',
            source: COMPARISON,
            paint: { 'fill-color': COMPARISON_FILL, 'fill-opacity': 0.12 },
          },
          {
            id: 'comparison-line',
            type: 'line',
            source: COMPARISON,
            paint: { 'line-color': COMPARISON_STROKE, 'line-width': 2, 'line-dasharray': [1, 2] },
          },
          {
            id: 'ring-line',
            type: 'line',
            source: RING,
            paint: { 'line-color': '#111', 'line-width': 1.5, 'line-dasharray': [3, 2] },
          },
          {
            id: 'incident-heat',
            type: 'heatmap',
            source: RAW,
            layout: { visibility: 'none' },
            paint: {
              'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 11, 12, 16, 30],
              'heatmap-opacity': 0.8,
            },
          },
          {
            id: 'incident-clusters',
            type: 'circle',
            source: CLUSTERED,
            filter: ['has', 'point_count'],
            paint: {
              'circle-color': '#0b2f5b',
              'circle-opacity': 0.85,
              'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 50, 22],
              'circle-stroke-color': '#fff',
              'circle-stroke-width': 2,
            },
          },
          {
            id: 'incident-cluster-count',
            type: 'symbol',
            source: CLUSTERED,
            filter: ['has', 'point_count'],
            layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': LABEL_FONT, 'text-size': 13 },
            paint: { 'text-color': '#fff' },
          },
          {
            id: 'incident-points',
            type: 'circle',
            source: CLUSTERED,
            filter: ['!', ['has', 'point_count']],
            paint: {
              'circle-color': groupColorExpression() as never,
              'circle-radius': 6,
              'circle-stroke-color': '#fff',
              'circle-stroke-width': 1.5,
            },
          },
        ],
      },
      bounds,
      fitBoundsOptions: { padding: 24, maxZoom: 16 },
      attributionControl: { compact: true, customAttribution: 'OCHA/HDX COD-AB (CC BY-IGO)' },
      dragRotate: false,
      pitchWithRotate: false,
    });
    instance.touchZoomRotate.disableRotation();
    map.current = instance;
    attachMapToContainer(element, instance);
    const popup = new Popup({ closeButton: true, maxWidth: '260px' });
    instance.on('click', 'incident-points', (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      if (!feature) return;
      const p = feature.properties as unknown as IncidentProperties;
      const { groupName, areaName } = latest.current;
      const box = document.createElement('div');
      box.className = 'incident-popup';
      for (const line of incidentPopupLines(p, latest.current.lang, groupName, areaName)) {
        const row = document.createElement('p');
        row.textContent = line;
        box.append(row);
      }
      popup.setLngLat(event.lngLat).setDOMContent(box).addTo(instance);
    });
    instance.on('click', 'incident-clusters', (event: MapLayerMouseEvent) => {
      instance.easeTo({ center: event.lngLat, zoom: instance.getZoom() + 2 });
    });
    for (const layer of ['incident-points', 'incident-clusters']) {
      instance.on('mouseenter', layer, () => {
        instance.getCanvas().style.cursor = 'pointer';
      });
      instance.on('mouseleave', layer, () => {
        instance.getCanvas().style.cursor = '';
      });
    }
    const applyData = () => {
      const data = (latest.current.incidents ?? EMPTY) as never;
      (instance.getSource(CLUSTERED) as GeoJSONSource | undefined)?.setData(data);
      (instance.getSource(RAW) as GeoJSONSource | undefined)?.setData(data);
      applyView(instance, latest.current.view);
    };
    instance.on('load', applyData);
    instance.on('idle', () => {
      const drawn =
        latest.current.view === 'heat'
          ? instance.querySourceFeatures(RAW)
          : instance.queryRenderedFeatures({ layers: ['incident-clusters', 'incident-points'] });
      element.dataset.renderedIncidents = String(countRenderedIncidents(drawn));
      element.dataset.view = latest.current.view;
    });
    return () => {
      popup.remove();
      instance.remove();
      map.current = null;
    };
  }, [outline, light, lang, bufferMeters]);

  useEffect(() => {
    const instance = map.current;
    if (!instance?.isStyleLoaded()) return;
    (instance.getSource(COMPARISON) as GeoJSONSource | undefined)?.setData(
      comparisonCollection(props.comparison) as never,
    );
  }, [props.comparison]);

  useEffect(() => {
    const instance = map.current;
    if (!instance?.isStyleLoaded()) return;
    const data = (incidents ?? EMPTY) as never;
    (instance.getSource(CLUSTERED) as GeoJSONSource | undefined)?.setData(data);
    (instance.getSource(RAW) as GeoJSONSource | undefined)?.setData(data);
  }, [incidents]);

  useEffect(() => {
    const instance = map.current;
    if (instance?.isStyleLoaded()) applyView(instance, view);
  }, [view]);

  return (
    <section
      ref={container}
      className="map map-incidents"
      aria-label={label}
      data-testid="incident-map"
      data-expected-incidents={incidents?.features.length ?? ''}
    />
  );
}

function applyView(instance: MapLibreMap, view: IncidentView): void {
  for (const id of POINT_LAYERS) instance.setLayoutProperty(id, 'visibility', view === 'points' ? 'visible' : 'none');
  instance.setLayoutProperty('incident-heat', 'visibility', view === 'heat' ? 'visible' : 'none');
  // Repaint so 'idle' fires and the rendered count follows the view.
  instance.triggerRepaint();
}
