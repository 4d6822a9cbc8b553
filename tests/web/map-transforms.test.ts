import { describe, expect, test } from 'vitest';
import { geometryBounds } from '../../web/features/map/geometry-bounds.ts';
import { THAILAND_BOUNDS } from '../../web/features/map/map-style.ts';
import {
  boundsOf,
  fitPadding,
  markerPositionsKey,
  overviewMapView,
  toZoneMarkers,
  ZONES_MAX_ZOOM,
} from '../../web/features/map/to-zone-markers.ts';
import { kpiItem, zoneSummary } from './fixtures.ts';

describe('toZoneMarkers', () => {
  test('a point per zone with its light and name; zones without KPIs are grey', () => {
    const markers = toZoneMarkers(
      [zoneSummary({ id: 'A', lon: 100.5, lat: 13.7 }), zoneSummary({ id: 'B', nameEn: null })],
      [kpiItem({ id: 'A', overall: 'red' })],
      'en',
    );
    expect(markers.features).toHaveLength(2);
    expect(markers.features[0]).toMatchObject({
      id: 0,
      properties: { id: 'A', name: 'Market One', light: 'red' },
      geometry: { type: 'Point', coordinates: [100.5, 13.7] },
    });
    expect(markers.features[1]?.properties).toMatchObject({ name: 'ตลาดหนึ่ง', light: 'grey' });
  });

  test('zones without a usable centre are left off the map', () => {
    expect(toZoneMarkers([zoneSummary({ lon: Number.NaN })], [], 'th').features).toEqual([]);
  });
});

describe('bounds', () => {
  test('boundsOf pads the points', () => {
    expect(
      boundsOf(
        [
          [100, 13],
          [101, 14],
        ],
        0.5,
      ),
    ).toEqual([
      [99.5, 12.5],
      [101.5, 14.5],
    ]);
    expect(boundsOf([])).toBeNull();
  });

  test('geometryBounds reads polygons and multipolygons', () => {
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [100, 13],
          [100.1, 13],
          [100.1, 13.2],
          [100, 13],
        ],
      ],
    };
    expect(geometryBounds(polygon)).toEqual([
      [100, 13],
      [100.1, 13.2],
    ]);
    const multi = {
      type: 'MultiPolygon',
      coordinates: [
        polygon.coordinates,
        [
          [
            [99, 12],
            [99.5, 12],
            [99, 12.5],
            [99, 12],
          ],
        ],
      ],
    };
    expect(geometryBounds(multi)).toEqual([
      [99, 12],
      [100.1, 13.2],
    ]);
    expect(geometryBounds(null)).toBeNull();
  });
});

describe('where the overview map looks', () => {
  const hatYai = [
    zoneSummary({ id: 'Z-HDY-01', lon: 100.4706, lat: 7.0058 }),
    zoneSummary({ id: 'Z-HDY-02', lon: 100.4831, lat: 6.9933 }),
    zoneSummary({ id: 'Z-HDY-03', lon: 100.4662, lat: 7.0124 }),
  ];

  test("an executive's Hat Yai zones: their own box, no further in than zoom 13 (QA m-exec-map)", () => {
    const view = overviewMapView(toZoneMarkers(hatYai, [], 'th'));
    expect(view).toEqual({
      fit: 'zones',
      maxZoom: ZONES_MAX_ZOOM,
      bounds: [
        [100.4662, 6.9933],
        [100.4831, 7.0124],
      ],
    });
    expect(ZONES_MAX_ZOOM).toBe(13);
  });

  test('one zone, or a region: fitted to the zones', () => {
    expect(overviewMapView(toZoneMarkers(hatYai.slice(0, 1), [], 'th')).fit).toBe('zones');
    const south = [
      ...hatYai,
      zoneSummary({ id: 'Z-PTN', lon: 101.25, lat: 6.87 }),
      zoneSummary({ id: 'Z-PKT', lon: 98.39, lat: 7.88 }),
    ];
    expect(overviewMapView(toZoneMarkers(south, [], 'th')).fit).toBe('zones');
  });

  test('zones all over the country, or none: the whole of Thailand', () => {
    const national = [
      ...hatYai,
      zoneSummary({ id: 'Z-CNX', lon: 98.99, lat: 18.79 }),
      zoneSummary({ id: 'Z-BKK', lon: 100.5, lat: 13.75 }),
    ];
    expect(overviewMapView(toZoneMarkers(national, [], 'th'))).toMatchObject({
      fit: 'country',
      bounds: THAILAND_BOUNDS,
    });
    expect(overviewMapView(toZoneMarkers([], [], 'th')).fit).toBe('country');
  });

  test('the camera refits only when the zones move, not when their colours change', () => {
    const a = markerPositionsKey(toZoneMarkers(hatYai, [], 'th'));
    const recoloured = markerPositionsKey(toZoneMarkers(hatYai, [kpiItem({ id: 'Z-HDY-01', overall: 'red' })], 'en'));
    expect(recoloured).toBe(a);
    expect(markerPositionsKey(toZoneMarkers(hatYai.slice(1), [], 'th'))).not.toBe(a);
  });

  test('padding leaves room for names, less on a phone', () => {
    expect(fitPadding(727, 620)).toEqual({ top: 70, bottom: 110, left: 140, right: 140 });
    expect(fitPadding(366, 380)).toEqual({ top: 46, bottom: 91, left: 92, right: 92 });
    expect(fitPadding(80, 100)).toEqual({ top: 24, bottom: 24, left: 24, right: 24 });
  });
});
