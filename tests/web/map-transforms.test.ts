import { describe, expect, test } from 'vitest';
import { geometryBounds } from '../../web/features/map/geometry-bounds.ts';
import { boundsOf, toZoneMarkers } from '../../web/features/map/to-zone-markers.ts';
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
