import { describe, expect, it } from 'vitest';
import { fitView, geometryPath, scaleBarKm, touchesView, unionBounds } from '../../../web/features/print/to-svg-map.ts';

const square = (lon: number, lat: number, d: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
});

describe('SVG maps for paper', () => {
  it('fits a zone in the middle of the view with room around it, north up', () => {
    const zone = square(100.47, 7.0, 0.01);
    const view = fitView(
      [
        [100.47, 7.0],
        [100.48, 7.01],
      ],
      { width: 600, padding: 0.4, minSpanKm: 2, minAspect: 0.6, maxAspect: 0.75 },
    );
    expect(view.width).toBe(600);
    expect(view.height).toBeGreaterThanOrEqual(360);
    expect(view.height).toBeLessThanOrEqual(450);
    const [x0, y0] = view.project(100.47, 7.0);
    const [x1, y1] = view.project(100.48, 7.01);
    // Inside the view, east to the right, north up.
    for (const v of [x0, x1]) expect(v).toBeGreaterThan(0);
    for (const v of [x0, x1]) expect(v).toBeLessThan(600);
    expect(x1).toBeGreaterThan(x0);
    expect(y1).toBeLessThan(y0);
    // Centred.
    expect((x0 + x1) / 2).toBeCloseTo(300, 0);
    expect((y0 + y1) / 2).toBeCloseTo(view.height / 2, 0);
    // True to shape: 0.01° of longitude at 7°N is cos(7°) of 0.01° of latitude.
    expect((x1 - x0) / (y0 - y1)).toBeCloseTo(Math.cos((7.005 * Math.PI) / 180), 3);
    expect(geometryPath(zone, view)).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+){4}Z$/);
  });

  it('draws polygons with holes, multipolygons and lines; nothing for points', () => {
    const view = fitView(
      [
        [0, 0],
        [1, 1],
      ],
      { width: 100 },
    );
    const multi = {
      type: 'MultiPolygon',
      coordinates: [square(0, 0, 0.2).coordinates, square(0.5, 0.5, 0.2).coordinates],
    };
    expect(geometryPath(multi, view).match(/Z/g)).toHaveLength(2);
    expect(
      geometryPath(
        {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [1, 1],
          ],
        },
        view,
      ),
    ).not.toContain('Z');
    expect(geometryPath({ type: 'Point', coordinates: [0, 0] }, view)).toBe('');
  });

  it('leaves out what lies outside the view, and picks a round scale bar', () => {
    const view = fitView(
      [
        [100, 7],
        [100.02, 7.02],
      ],
      { width: 600, minSpanKm: 2 },
    );
    expect(touchesView(square(100.01, 7.01, 0.001), view)).toBe(true);
    expect(touchesView(square(101, 8, 0.01), view)).toBe(false);
    const km = scaleBarKm(view);
    expect([0.1, 0.2, 0.5, 1, 2, 5]).toContain(km);
    expect(km / view.kmPerUnit).toBeLessThanOrEqual(600 / 4);
    expect(
      unionBounds([
        null,
        [
          [1, 2],
          [3, 4],
        ],
        [
          [0, 3],
          [2, 5],
        ],
      ]),
    ).toEqual([
      [0, 2],
      [3, 5],
    ]);
    expect(unionBounds([null])).toBeNull();
  });
});
