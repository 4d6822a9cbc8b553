/**
 * MapLibre, set up once: its CSS and the URL of its worker, served from our own origin (the CSP
 * allows workers from 'self'; without a worker URL only the background draws).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { addProtocol, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Protocol } from 'pmtiles';
import districtsPath from '../../../data/basemap/thailand-districts.geojson?url';
import basemapPath from '../../../data/basemap/thailand-provinces.geojson?url';
import { isPmtiles, type OwnBasemap, ownBasemapFromMeta } from '../../../server/contracts/basemap.ts';

setWorkerUrl(workerUrl);

/**
 * The deployment's own basemap tiles, when the server was given some (SSZ_BASEMAP_TILES or
 * SSZ_BASEMAP_PMTILES: meta tags in index.html); null offline. The app's own PMTiles file is
 * addressed from this page's origin.
 */
export const ownBasemap: OwnBasemap | null = (() => {
  const basemap = ownBasemapFromMeta(
    (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null,
  );
  if (!basemap) return null;
  return { ...basemap, tiles: basemap.tiles.replace('pmtiles:///', `pmtiles://${window.location.origin}/`) };
})();
if (isPmtiles(ownBasemap)) addProtocol('pmtiles', new Protocol().tile);

/** MapLibre fetches in a worker, where a root-relative URL has no base: make it absolute. */
export const basemapUrl = new URL(basemapPath, window.location.href).href;
/** District outlines, fetched only by the maps that zoom to a zone. */
export const districtsUrl = new URL(districtsPath, window.location.href).href;

import type { Map as MapLibreMapType } from 'maplibre-gl';

export { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Every map keeps its last frame in the canvas, so printing the page (Ctrl+P) shows the map
 * instead of an empty box (print.css scales it into the page).
 */
export const PRINTABLE_CANVAS = { preserveDrawingBuffer: true } as const;

/** A map's container element, carrying its map. */
export type MapContainer = HTMLElement & { maplibreMap?: MapLibreMapType };

/**
 * Hangs the map on its container element, so that browser tests can ask MapLibre what it drew
 * (queryRenderedFeatures) instead of trusting a screenshot. Nothing in the app reads it.
 */
export function attachMapToContainer(container: HTMLElement, map: MapLibreMapType): void {
  (container as MapContainer).maplibreMap = map;
}
export type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
