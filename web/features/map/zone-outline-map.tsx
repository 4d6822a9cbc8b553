/** The zone page's small map: the zone's outline over the provinces. Removed on unmount. */
import { useEffect, useRef } from 'react';
import type { TrafficLight } from '../../api/types.ts';
import type { Lang } from '../../i18n/format.ts';
import { geometryBounds } from './geometry-bounds.ts';
import { zoneOutlineMapStyle } from './map-style.ts';
import { attachMapToContainer, basemapUrl, districtsUrl, MapLibreMap, PRINTABLE_CANVAS } from './maplibre.ts';

export interface ZoneOutlineMapProps {
  outline: { type: string; coordinates: unknown };
  light: TrafficLight;
  lang: Lang;
  label: string;
}

export default function ZoneOutlineMap({ outline, light, lang, label }: ZoneOutlineMapProps) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const bounds = geometryBounds(outline);
    if (!container.current || !bounds) return;
    const instance = new MapLibreMap({
      canvasContextAttributes: PRINTABLE_CANVAS,
      container: container.current,
      style: zoneOutlineMapStyle(basemapUrl, lang, outline, light, 0.35, districtsUrl),
      bounds,
      // Enough room around a 2 km zone to see where it is in its town.
      fitBoundsOptions: { padding: 60, maxZoom: 14 },
      attributionControl: {
        compact: true,
        customAttribution: 'OCHA/HDX COD-AB (CC BY-IGO)',
      },
      dragRotate: false,
      pitchWithRotate: false,
    });
    attachMapToContainer(container.current, instance);
    return () => instance.remove();
  }, [outline, light, lang]);

  return <div ref={container} className="map map-zone" role="img" aria-label={label} />;
}
