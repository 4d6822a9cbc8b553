/**
 * Zone markers for the overview map: one point per zone at its centre, carrying its overall light
 * and name. Pure; the map style colours them by `light`.
 */
import type { KpiItem, TrafficLight, ZoneSummary } from '../../api/types.ts';
import type { Lang } from '../../i18n/format.ts';
import { pickName } from '../overview/to-zone-rows.ts';
import { THAILAND_BOUNDS } from './map-style.ts';

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

/** Markers of a unit page's zones (the server sends position and overall light with each). */
export function toUnitMarkers(
  zones: ReadonlyArray<{ id: string; nameTh: string; nameEn: string; lon: number; lat: number; overall: TrafficLight }>,
  lang: Lang,
): MarkerCollection {
  return {
    type: 'FeatureCollection',
    features: zones
      .filter((zone) => Number.isFinite(zone.lon) && Number.isFinite(zone.lat))
      .map((zone, index) => ({
        type: 'Feature',
        id: index,
        properties: { id: zone.id, name: pickName(zone, lang), light: zone.overall },
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

const THAILAND = THAILAND_BOUNDS;

/** Zones spread over at least this share of the country's width or height: show the whole country. */
const COUNTRYWIDE_SHARE = 0.5;

/** Close enough to see a zone in its streets; further in, a lone zone's dot floats in blank land. */
export const ZONES_MAX_ZOOM = 13;

export interface OverviewMapView {
  bounds: [[number, number], [number, number]];
  /** The zones' own box (with maxZoom), or the whole country. */
  fit: 'zones' | 'country';
  maxZoom: number;
}

/**
 * Where the overview map looks: at the zones the user sees, or at all of Thailand when they are
 * spread over the country (national scope) or there are none. Pure.
 */
export function overviewMapView(markers: MarkerCollection): OverviewMapView {
  const box = boundsOf(
    markers.features.map((f) => f.geometry.coordinates),
    0,
  );
  const country: OverviewMapView = { bounds: THAILAND, fit: 'country', maxZoom: 22 };
  if (!box) return country;
  const [[west, south], [east, north]] = box;
  const countryWidth = THAILAND[1][0] - THAILAND[0][0];
  const countryHeight = THAILAND[1][1] - THAILAND[0][1];
  if (east - west >= countryWidth * COUNTRYWIDE_SHARE || north - south >= countryHeight * COUNTRYWIDE_SHARE) {
    return country;
  }
  return { bounds: box, fit: 'zones', maxZoom: ZONES_MAX_ZOOM };
}

/** A key that changes only when the set of zone positions does (not their colours or names). */
export function markerPositionsKey(markers: MarkerCollection): string {
  return markers.features
    .map((f) => `${f.properties.id}@${f.geometry.coordinates.join(',')}`)
    .sort()
    .join('|');
}

export interface FitPadding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const clamp = (value: number, low: number, high: number) => Math.round(Math.max(low, Math.min(high, value)));

/**
 * Map padding in pixels around fitted zones: room for their names, which sit under a dot where
 * they can (up to three lines, so most room below) or beside it (up to ~9 em, about 140 px, so
 * room at the sides); less on a small phone map. MapLibre does not keep names inside the view.
 */
export function fitPadding(width: number, height: number): FitPadding {
  const horizontal = clamp(0.25 * width, 24, 140);
  return {
    top: clamp(0.12 * height, 24, 70),
    bottom: clamp(0.24 * height, 24, 110),
    left: horizontal,
    right: horizontal,
  };
}
