/**
 * The zone page's small map: the zone's outline over the provinces, and the zone's open community
 * problems where they have a point (Stronger Together; escalated ones ringed). Removed on unmount.
 */
import { useEffect, useRef } from 'react';
import type { TrafficLight } from '../../api/types.ts';
import type { Lang } from '../../i18n/format.ts';
import { geometryBounds } from './geometry-bounds.ts';
import { withOwnTiles, zoneOutlineMapStyle } from './map-style.ts';
import {
  attachMapToContainer,
  basemapUrl,
  districtsUrl,
  MapLibreMap,
  ownBasemap,
  PRINTABLE_CANVAS,
} from './maplibre.ts';

export interface ZoneOutlineMapProps {
  outline: { type: string; coordinates: unknown };
  light: TrafficLight;
  lang: Lang;
  label: string;
  /** Open problems with a point (features/problems/to-problem-view.ts openProblemPoints). */
  problemPoints?: { type: 'FeatureCollection'; features: unknown[] } | undefined;
}

const PROBLEMS = 'problems';

export default function ZoneOutlineMap({ outline, light, lang, label, problemPoints }: ZoneOutlineMapProps) {
  const container = useRef<HTMLElement>(null);

  useEffect(() => {
    const bounds = geometryBounds(outline);
    if (!container.current || !bounds) return;
    const instance = new MapLibreMap({
      canvasContextAttributes: PRINTABLE_CANVAS,
      container: container.current,
      style: withOwnTiles(zoneOutlineMapStyle(basemapUrl, lang, outline, light, 0.35, districtsUrl), ownBasemap),
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
    if (problemPoints && problemPoints.features.length > 0) {
      instance.on('load', () => {
        instance.addSource(PROBLEMS, { type: 'geojson', data: problemPoints as never });
        instance.addLayer({
          id: 'problem-points',
          type: 'circle',
          source: PROBLEMS,
          paint: {
            'circle-radius': 7,
            'circle-color': '#7b2cbf',
            'circle-stroke-color': ['case', ['get', 'escalated'], '#111', '#fff'],
            'circle-stroke-width': ['case', ['get', 'escalated'], 3, 1.5],
          },
        });
      });
    }
    return () => instance.remove();
  }, [outline, light, lang, problemPoints]);

  // A labelled region, not role="img": the map holds focusable controls (zoom, attribution).
  return (
    <section
      ref={container}
      className="map map-zone"
      aria-label={label}
      data-problem-points={problemPoints?.features.length ?? 0}
    />
  );
}
