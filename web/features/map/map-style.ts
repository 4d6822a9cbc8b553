/**
 * MapLibre styles for an offline dashboard: no tile server and no glyphs server. The basemap is
 * the provinces GeoJSON bundled with the app; labels are drawn with the Sarabun web font the page
 * has already loaded (MapLibre draws text with the browser's fonts when there is no glyphs URL).
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { OwnBasemap } from '../../../server/contracts/basemap.ts';
import type { TrafficLight } from '../../api/types.ts';

/** Same hues as the CSS badges; strong enough to tell apart on a washed-out projector. */
/** The comparison area on maps (MapLibre and SVG), matching the legend's .swatch-comparison. */
export const COMPARISON_FILL = '#9aa5b1';
export const COMPARISON_STROKE = '#52606d';

export const LIGHT_COLORS: Record<TrafficLight, string> = {
  green: '#1a8a3f',
  amber: '#f2a900',
  red: '#c62828',
  grey: '#8a8a8a',
};

export const LABEL_FONT = ['Sarabun'];

/** Thailand, with a little sea around it. */
export const THAILAND_BOUNDS: [[number, number], [number, number]] = [
  [97.2, 5.5],
  [105.8, 20.6],
];

export const SOURCE = {
  provinces: 'provinces',
  districts: 'districts',
  zones: 'zones',
  markers: 'markers',
} as const;

function basemapLayers(lang: 'th' | 'en'): LayerSpecification[] {
  return [
    { id: 'sea', type: 'background', paint: { 'background-color': '#d6e6f2' } },
    {
      id: 'province-fill',
      type: 'fill',
      source: SOURCE.provinces,
      paint: { 'fill-color': '#f6f4ee' },
    },
    {
      id: 'province-line',
      type: 'line',
      source: SOURCE.provinces,
      paint: { 'line-color': '#8d99a6', 'line-width': 0.8 },
    },
    {
      id: 'province-label',
      type: 'symbol',
      source: SOURCE.provinces,
      minzoom: 6.5,
      layout: {
        'text-field': ['get', lang === 'th' ? 'name_th' : 'name_en'],
        'text-font': LABEL_FONT,
        'text-size': 13,
      },
      paint: {
        'text-color': '#5b6570',
        'text-halo-color': '#f6f4ee',
        'text-halo-width': 1.5,
      },
    },
  ];
}

function lightColorExpression(): unknown[] {
  return ['match', ['get', 'light'], ...Object.entries(LIGHT_COLORS).flat(), LIGHT_COLORS.grey];
}

/** The overview map clusters zones up to this zoom (the whole country is about zoom 5); closer, every zone is its own dot. */
export const ZONE_CLUSTER_MAX_ZOOM = 7;

/** The legend's marks, worst first: a cluster lists its zones by these, so its status reads without colour. */
export const LIGHT_MARKS: ReadonlyArray<[TrafficLight, string]> = [
  ['red', '✕'],
  ['amber', '!'],
  ['green', '✓'],
  ['grey', '●'],
];

/** Each cluster counts its zones by overall light (MapLibre clusterProperties: [reduce, map]). */
export const ZONE_CLUSTER_PROPERTIES = Object.fromEntries(
  LIGHT_MARKS.map(([light]) => [light, ['+', ['case', ['==', ['get', 'light'], light], 1, 0]]]),
);

/**
 * A cluster: a dot in its worst light (any red zone makes it red) with its number of zones, and
 * under it the count per light with the legend's marks ("✕ 2  ! 1  ✓ 4"), so colour is never the
 * only sign. A click zooms in until it splits (zones-map.tsx).
 */
function zoneClusterLayers(): LayerSpecification[] {
  const isCluster = ['has', 'point_count'];
  const worst = [
    'case',
    ...LIGHT_MARKS.flatMap(([light]) => [['>', ['get', light], 0], LIGHT_COLORS[light]]),
    LIGHT_COLORS.grey,
  ];
  const breakdown = [
    'concat',
    ...LIGHT_MARKS.map(([light, mark]) => [
      'case',
      ['>', ['get', light], 0],
      ['concat', mark, ' ', ['to-string', ['get', light]], '  '],
      '',
    ]),
  ];
  return [
    {
      id: 'cluster-dot',
      type: 'circle',
      source: SOURCE.markers,
      filter: isCluster as never,
      paint: {
        'circle-color': worst as never,
        'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, 14, 50, 22, 1000, 32],
        'circle-stroke-color': '#1b1b1b',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'cluster-count',
      type: 'symbol',
      source: SOURCE.markers,
      filter: isCluster as never,
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': LABEL_FONT,
        'text-size': 14,
        'text-allow-overlap': true,
      },
      paint: {
        // Black on amber, white on the darker lights (the badges' contrast).
        'text-color': ['case', ['>', ['get', 'red'], 0], '#fff', ['>', ['get', 'amber'], 0], '#000', '#fff'],
      },
    },
    {
      id: 'cluster-label',
      type: 'symbol',
      source: SOURCE.markers,
      filter: isCluster as never,
      layout: {
        'text-field': breakdown as never,
        'text-font': LABEL_FONT,
        'text-size': 13,
        'text-anchor': 'top',
        'text-offset': [0, 1.6],
        'text-optional': true,
      },
      paint: { 'text-color': '#111', 'text-halo-color': '#fff', 'text-halo-width': 2 },
    },
  ];
}

/** The overview: provinces, then one dot per zone coloured by its overall light, with its name. */
export function overviewMapStyle(basemapUrl: string, lang: 'th' | 'en'): StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCE.provinces]: { type: 'geojson', data: basemapUrl },
      [SOURCE.markers]: {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
        // At national zoom nearby zones become one dot (a national scope holds thousands).
        cluster: true,
        clusterMaxZoom: ZONE_CLUSTER_MAX_ZOOM,
        clusterRadius: 36,
        clusterProperties: ZONE_CLUSTER_PROPERTIES as never,
      },
    },
    layers: [
      ...basemapLayers(lang),
      {
        // Under the dots, so a neighbour's name never hides a dot.
        id: 'zone-label',
        type: 'symbol',
        source: SOURCE.markers,
        filter: ['!', ['has', 'point_count']],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': LABEL_FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 4, 12, 9, 15],
          // Under the dot where there is room, else above, right or left: fewer names dropped in
          // Bangkok, and centred names stay inside a map fitted with side padding (fitPadding).
          'text-variable-anchor': ['top', 'bottom', 'right', 'left'],
          'text-radial-offset': 1.5,
          'text-max-width': 9,
          // Names collide with each other and the one that does not fit is hidden (it is in the
          // table); the dots are a circle layer, never hidden, and drawn over any name.
          'text-allow-overlap': false,
          'text-ignore-placement': false,
          'text-optional': true,
          'text-padding': 4,
        },
        paint: {
          'text-color': '#111',
          'text-halo-color': '#fff',
          'text-halo-width': 2,
        },
      },
      {
        id: 'zone-dot',
        type: 'circle',
        source: SOURCE.markers,
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-color': lightColorExpression() as never,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 8, 9, 13],
          'circle-stroke-color': '#1b1b1b',
          'circle-stroke-width': ['case', ['boolean', ['feature-state', 'hover'], false], 3, 1.5],
        },
      },
      {
        // The legend's marks inside each dot (green ✓, amber !, red ✕, grey none): readable without colour.
        // Always drawn, and (padded to the dot's size) they take their place in the collision index:
        // being above the names they are placed first, so a name is moved or hidden rather than
        // drawn across another zone's dot. Grey's mark is a dot in the dot's own colour.
        id: 'zone-mark',
        type: 'symbol',
        source: SOURCE.markers,
        filter: ['!', ['has', 'point_count']],
        layout: {
          'text-field': ['match', ['get', 'light'], 'green', '✓', 'amber', '!', 'red', '✕', '●'],
          'text-font': LABEL_FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 9, 16],
          'text-allow-overlap': true,
          'text-ignore-placement': false,
          'text-padding': ['interpolate', ['linear'], ['zoom'], 4, 4, 9, 6],
        },
        paint: {
          'text-color': ['match', ['get', 'light'], 'amber', '#000', 'grey', LIGHT_COLORS.grey, '#fff'],
        },
      },
      // Above the zones' names: a cluster's number and counts are placed first, a name gives way.
      ...zoneClusterLayers(),
    ],
  };
}

/**
 * District outlines and names (amphoe / khet) for zone-level zooms: at a zone's scale the province
 * layer alone is an empty area. Drawn from zoom 8, named from zoom 10.
 */
function districtLayers(lang: 'th' | 'en'): LayerSpecification[] {
  return [
    {
      id: 'district-line',
      type: 'line',
      source: SOURCE.districts,
      minzoom: 8,
      paint: { 'line-color': '#a7b0ba', 'line-width': 1, 'line-dasharray': [4, 2] },
    },
    {
      id: 'district-label',
      type: 'symbol',
      source: SOURCE.districts,
      minzoom: 10,
      layout: {
        'text-field': ['get', lang === 'th' ? 'name_th' : 'name_en'],
        'text-font': LABEL_FONT,
        'text-size': 13,
        'symbol-placement': 'point',
      },
      paint: { 'text-color': '#4b5560', 'text-halo-color': '#f6f4ee', 'text-halo-width': 1.5 },
    },
  ];
}

/** The zone page: provinces, districts and the zone's own outline. */
export function zoneOutlineMapStyle(
  basemapUrl: string,
  lang: 'th' | 'en',
  outline: object,
  light: TrafficLight,
  /** Lighter under incident points, so they stay readable on the zone's colour. */
  fillOpacity = 0.35,
  districtsUrl: string | null = null,
): StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCE.provinces]: { type: 'geojson', data: basemapUrl },
      ...(districtsUrl ? { [SOURCE.districts]: { type: 'geojson' as const, data: districtsUrl } } : {}),
      [SOURCE.zones]: {
        type: 'geojson',
        data: { type: 'Feature', properties: {}, geometry: outline } as never,
      },
    },
    layers: [
      ...basemapLayers(lang),
      ...(districtsUrl ? districtLayers(lang) : []),
      {
        id: 'zone-fill',
        type: 'fill',
        source: SOURCE.zones,
        paint: { 'fill-color': LIGHT_COLORS[light], 'fill-opacity': fillOpacity },
      },
      {
        id: 'zone-line',
        type: 'line',
        source: SOURCE.zones,
        paint: { 'line-color': '#111', 'line-width': 2.5 },
      },
    ],
  };
}

export const OWN_TILES = 'own-tiles';

/**
 * A style with the deployment's own basemap tiles (server/contracts/basemap.ts) laid over the sea
 * and under everything else; the provinces' fill is dropped so the tiles show, their outlines and
 * names stay. Unchanged when there are none (the offline default). Pure.
 */
export function withOwnTiles(style: StyleSpecification, basemap: OwnBasemap | null): StyleSpecification {
  if (!basemap) return style;
  const attribution = basemap.attribution ?? undefined;
  const source: SourceSpecification = basemap.tiles.startsWith('pmtiles://')
    ? { type: 'raster', url: basemap.tiles, tileSize: 256, attribution }
    : { type: 'raster', tiles: [basemap.tiles], tileSize: 256, attribution };
  const layers = style.layers.filter((layer) => layer.id !== 'province-fill');
  const afterSea = layers.findIndex((layer) => layer.type === 'background') + 1;
  layers.splice(afterSea, 0, { id: OWN_TILES, type: 'raster', source: OWN_TILES });
  return { ...style, sources: { ...style.sources, [OWN_TILES]: source }, layers };
}
