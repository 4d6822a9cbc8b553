/**
 * The overview map: Thailand's provinces and a dot per zone in its overall colour, nearby zones
 * gathered into one numbered dot at national zoom (map-style.ts). Clicking a dot opens the zone,
 * clicking a cluster zooms into it. Loaded lazily (MapLibre is the heaviest part of the app) and removed on unmount.
 * It looks at the user's own zones (all of Thailand only when they are spread over the country),
 * and the basemap's credit sits under the map, where no zone name can hide beneath it.
 */
import { useEffect, useRef } from 'react';
import type { Lang } from '../../i18n/format.ts';
import { overviewMapStyle, SOURCE, withOwnTiles } from './map-style.ts';
import {
  attachMapToContainer,
  basemapUrl,
  type GeoJSONSource,
  type MapLayerMouseEvent,
  MapLibreMap,
  ownBasemap,
  PRINTABLE_CANVAS,
} from './maplibre.ts';
import {
  fitPadding,
  type MarkerCollection,
  markerPositionsKey,
  type OverviewMapView,
  overviewMapView,
} from './to-zone-markers.ts';

export interface ZonesMapProps {
  markers: MarkerCollection;
  lang: Lang;
  label: string;
  /** The credit line under the map, e.g. "แผนที่ฐาน: OCHA/HDX …". */
  attribution: string;
  onSelectZone: (zoneId: string) => void;
}

/**
 * Room for names around the user's zones; the whole country keeps its thin margin of sea, a
 * little more at the bottom for the names under the southernmost dots.
 */
function fitOptions(container: HTMLElement, view: OverviewMapView) {
  const padding =
    view.fit === 'zones'
      ? fitPadding(container.clientWidth, container.clientHeight)
      : { top: 8, bottom: 32, left: 8, right: 8 };
  return { padding, maxZoom: view.maxZoom, animate: false };
}

export default function ZonesMap({ markers, lang, label, attribution, onSelectZone }: ZonesMapProps) {
  const container = useRef<HTMLElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  // Handlers read the latest props through refs, so the map is built once per language only.
  const select = useRef(onSelectZone);
  select.current = onSelectZone;
  const latestMarkers = useRef(markers);
  latestMarkers.current = markers;
  /** The zone positions the camera was last fitted to: a new period recolours dots, it does not move the map. */
  const fittedTo = useRef('');

  useEffect(() => {
    if (!container.current) return;
    const view = overviewMapView(latestMarkers.current);
    fittedTo.current = markerPositionsKey(latestMarkers.current);
    const instance = new MapLibreMap({
      canvasContextAttributes: PRINTABLE_CANVAS,
      container: container.current,
      style: withOwnTiles(overviewMapStyle(basemapUrl, lang), ownBasemap),
      bounds: view.bounds,
      fitBoundsOptions: fitOptions(container.current, view),
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
    });
    instance.touchZoomRotate.disableRotation();
    attachMapToContainer(container.current, instance);
    map.current = instance;
    let hovered: number | string | undefined;
    instance.on('load', () => {
      (instance.getSource(SOURCE.markers) as GeoJSONSource | undefined)?.setData(latestMarkers.current as never);
    });
    instance.on('click', 'zone-dot', (event: MapLayerMouseEvent) => {
      const id = event.features?.[0]?.properties?.id;
      if (typeof id === 'string') select.current(id);
    });
    // A cluster opens by zooming in until its zones part (MapLibre knows the zoom where they do).
    instance.on('click', 'cluster-dot', (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      const clusterId = feature?.properties?.cluster_id;
      const source = instance.getSource(SOURCE.markers) as GeoJSONSource | undefined;
      if (!source || typeof clusterId !== 'number' || feature?.geometry.type !== 'Point') return;
      const center = feature.geometry.coordinates as [number, number];
      void source.getClusterExpansionZoom(clusterId).then((zoom) => instance.easeTo({ center, zoom }));
    });
    instance.on('mouseenter', 'cluster-dot', () => {
      instance.getCanvas().style.cursor = 'pointer';
    });
    instance.on('mouseleave', 'cluster-dot', () => {
      instance.getCanvas().style.cursor = '';
    });
    instance.on('mousemove', 'zone-dot', (event: MapLayerMouseEvent) => {
      instance.getCanvas().style.cursor = 'pointer';
      const id = event.features?.[0]?.id;
      if (hovered !== undefined) instance.setFeatureState({ source: SOURCE.markers, id: hovered }, { hover: false });
      hovered = id;
      if (id !== undefined) instance.setFeatureState({ source: SOURCE.markers, id }, { hover: true });
    });
    instance.on('mouseleave', 'zone-dot', () => {
      instance.getCanvas().style.cursor = '';
      if (hovered !== undefined) instance.setFeatureState({ source: SOURCE.markers, id: hovered }, { hover: false });
      hovered = undefined;
    });
    return () => {
      instance.remove();
      map.current = null;
    };
  }, [lang]);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    (instance.getSource(SOURCE.markers) as GeoJSONSource | undefined)?.setData(markers as never);
    const key = markerPositionsKey(markers);
    if (key !== fittedTo.current && container.current) {
      fittedTo.current = key;
      const view = overviewMapView(markers);
      instance.fitBounds(view.bounds, fitOptions(container.current, view));
    }
  }, [markers]);

  return (
    <>
      <section ref={container} className="map map-overview" aria-label={label} />
      <p className="map-source">
        {ownBasemap?.attribution ? `${attribution} · ${ownBasemap.attribution}` : attribution}
      </p>
    </>
  );
}
