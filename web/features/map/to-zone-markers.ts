/**
 * Zone markers for the overview map: one point per zone at its centre, carrying its overall light
 * and name. Pure; the map style colours them by `light`.
 */
import type { KpiItem, TrafficLight, ZoneSummary } from '../../api/types.ts';
import type { Lang } from '../../i18n/format.ts';
import { pickName } from '../overview/to-zone-rows.ts';

export interface MarkerProperties {
  id: string;
  name: string;
  light: TrafficLight;
}

export interface MarkerCollection {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    id: number;
    properties: MarkerProperties;
    geometry: { type: 'Point'; coordinates: [number, number] };
  }>;
}

export function toZoneMarkers(zones: readonly ZoneSummary[], items: readonly KpiItem[], lang: Lang): MarkerCollection {
  const lightById = new Map(items.map((item) => [item.id, item.overall]));
  return {
    type: 'FeatureCollection',
    features: zones
      .filter((zone) => Number.isFinite(zone.lon) && Number.isFinite(zone.lat))
      .map((zone, index) => ({
        type: 'Feature',
        id: index,
        properties: {
          id: zone.id,
          name: pickName(zone, lang),
          light: lightById.get(zone.id) ?? 'grey',
        },
        geometry: { type: 'Point', coordinates: [zone.lon, zone.lat] },
      })),
  };
}

/** Bounds [[w, s], [e, n]] around points, padded so markers on the edge are not cut; null when empty. */
export function boundsOf(
  points: ReadonlyArray<[number, number]>,
  pad = 0.2,
): [[number, number], [number, number]] | null {
  if (points.length === 0) return null;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lon, lat] of points) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [
    [west - pad, south - pad],
    [east + pad, north + pad],
  ];
}
