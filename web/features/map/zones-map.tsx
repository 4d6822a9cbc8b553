/**
 * The overview map: Thailand's provinces and a dot per zone in its overall colour. Clicking a dot
 * opens the zone. Loaded lazily (MapLibre is the heaviest part of the app) and removed on unmount.
 */
import { useEffect, useRef } from 'react';
import type { Lang } from '../../i18n/format.ts';
import { overviewMapStyle, SOURCE, THAILAND_BOUNDS } from './map-style.ts';
import { basemapUrl, type GeoJSONSource, type MapLayerMouseEvent, MapLibreMap } from './maplibre.ts';
import type { MarkerCollection } from './to-zone-markers.ts';

export interface ZonesMapProps {
  markers: MarkerCollection;
  lang: Lang;
  label: string;
  onSelectZone: (zoneId: string) => void;
}

export default function ZonesMap({ markers, lang, label, onSelectZone }: ZonesMapProps) {
  const container = useRef<HTMLElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  // Handlers read the latest props through refs, so the map is built once per language only.
  const select = useRef(onSelectZone);
  select.current = onSelectZone;
  const latestMarkers = useRef(markers);
  latestMarkers.current = markers;

  useEffect(() => {
    if (!container.current) return;
    const instance = new MapLibreMap({
      container: container.current,
      style: overviewMapStyle(basemapUrl, lang),
      bounds: THAILAND_BOUNDS,
      fitBoundsOptions: { padding: 8 },
      attributionControl: {
        compact: true,
        customAttribution: 'OCHA/HDX COD-AB (CC BY-IGO)',
      },
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
    });
    instance.touchZoomRotate.disableRotation();
    map.current = instance;
    let hovered: number | string | undefined;
    instance.on('load', () => {
      (instance.getSource(SOURCE.markers) as GeoJSONSource | undefined)?.setData(latestMarkers.current as never);
    });
    instance.on('click', 'zone-dot', (event: MapLayerMouseEvent) => {
      const id = event.features?.[0]?.properties?.id;
      if (typeof id === 'string') select.current(id);
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
    const source = map.current?.getSource(SOURCE.markers) as GeoJSONSource | undefined;
    source?.setData(markers as never);
  }, [markers]);

  return <section ref={container} className="map map-overview" aria-label={label} />;
}
