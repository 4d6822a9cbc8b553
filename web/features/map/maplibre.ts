/**
 * MapLibre, set up once: its CSS and the URL of its worker, served from our own origin (the CSP
 * allows workers from 'self'; without a worker URL only the background draws).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import basemapPath from '../../../data/basemap/thailand-provinces.geojson?url';

setWorkerUrl(workerUrl);

/** MapLibre fetches in a worker, where a root-relative URL has no base: make it absolute. */
export const basemapUrl = new URL(basemapPath, window.location.href).href;

export { Map as MapLibreMap } from 'maplibre-gl';
export type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
