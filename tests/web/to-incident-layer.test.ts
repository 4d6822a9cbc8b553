import { describe, expect, test } from 'vitest';
import {
  bufferOutline,
  bufferRingFeature,
  convexHull,
  countRenderedIncidents,
  groupColor,
  incidentPopupLines,
} from '../../web/features/map/to-incident-layer.ts';

const METRES_PER_DEGREE = 111_320;
/** Planar distance in metres (fine at a few hundred metres). */
const distanceToSegment = (p: [number, number], a: [number, number], b: [number, number]) => {
  const kx = METRES_PER_DEGREE * Math.cos((p[1] * Math.PI) / 180);
  const [px, py, ax, ay, bx, by] = [
    p[0] * kx,
    p[1] * METRES_PER_DEGREE,
    a[0] * kx,
    a[1] * METRES_PER_DEGREE,
    b[0] * kx,
    b[1] * METRES_PER_DEGREE,
  ];
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
};

// A 500 m square at Hat Yai (7 deg N).
const d = 500 / METRES_PER_DEGREE;
const square: [number, number][] = [
  [100.47, 7.0],
  [100.47 + d, 7.0],
  [100.47 + d, 7.0 + d],
  [100.47, 7.0 + d],
  [100.47, 7.0],
];

describe('convexHull', () => {
  test('keeps the corners and drops inner points, closed', () => {
    const hull = convexHull([
      [0, 0],
      [2, 0],
      [1, 1],
      [2, 2],
      [0, 2],
    ]);
    expect(hull).toHaveLength(5);
    expect(hull[0]).toEqual(hull.at(-1));
    expect(hull).not.toContainEqual([1, 1]);
  });
});

describe('bufferOutline', () => {
  test('lies 500 m out from a square zone: never nearer than the ring, at most a little further', () => {
    const outline = bufferOutline(square, 500);
    expect(outline[0]).toEqual(outline.at(-1));
    for (const p of outline.slice(0, -1)) {
      const nearest = Math.min(
        ...square.slice(0, -1).map((a, i) => distanceToSegment(p, a, square[i + 1] as [number, number])),
      );
      expect(nearest).toBeGreaterThan(500 * Math.cos(Math.PI / 24) - 1);
      expect(nearest).toBeLessThan(501);
    }
    // Straight south of the square's south side: 500 m.
    const southmost = Math.min(...outline.map((p) => p[1]));
    expect((7.0 - southmost) * METRES_PER_DEGREE).toBeCloseTo(500, 3);
  });

  test('one outline per part of a MultiPolygon', () => {
    const far = square.map(([lon, lat]) => [lon + 0.1, lat] as [number, number]);
    const fc = bufferRingFeature({ type: 'MultiPolygon', coordinates: [[square], [far]] }, 500);
    expect(fc.features).toHaveLength(2);
    expect(bufferRingFeature({ type: 'Point', coordinates: [0, 0] }, 500).features).toHaveLength(0);
  });
});

describe('incident points', () => {
  test('a clicked point says month (BE in Thai, CE in English), group, type and area, nothing else', () => {
    const p = { month: '2024-05', group: 2, type: 'ลักทรัพย์', area: 'ring' as const };
    const names = (g: number) => `group ${g}`;
    const area = (a: string) => (a === 'ring' ? 'buffer ring' : 'zone');
    expect(incidentPopupLines(p, 'th', names, area)).toEqual(['พฤษภาคม 2567', 'group 2', 'ลักทรัพย์', 'buffer ring']);
    expect(incidentPopupLines(p, 'en', names, area)[0]).toBe('May 2024');
  });

  test('rendered clusters count their points', () => {
    expect(countRenderedIncidents([{ properties: { point_count: 12 } }, { properties: { group: 2 } }, {}])).toBe(14);
  });

  test('each group has its own colour', () => {
    expect(new Set([1, 2, 3, 4].map(groupColor)).size).toBe(4);
    expect(groupColor(9)).toBe('#555555');
  });
});

describe('district outlines on zone maps', () => {
  test('the zone map style draws district lines from zoom 8 and names from zoom 10, only when given the file', async () => {
    const { zoneOutlineMapStyle } = await import('../../web/features/map/map-style.ts');
    const outline = { type: 'Polygon', coordinates: [square] };
    const withDistricts = zoneOutlineMapStyle('/p.geojson', 'th', outline, 'green', 0.35, '/d.geojson');
    expect(withDistricts.sources.districts).toEqual({ type: 'geojson', data: '/d.geojson' });
    const line = withDistricts.layers.find((l) => l.id === 'district-line');
    const label = withDistricts.layers.find((l) => l.id === 'district-label');
    expect(line?.minzoom).toBe(8);
    expect(label?.minzoom).toBe(10);
    // Districts lie under the zone.
    const ids = withDistricts.layers.map((l) => l.id);
    expect(ids.indexOf('district-line')).toBeLessThan(ids.indexOf('zone-fill'));
    const without = zoneOutlineMapStyle('/p.geojson', 'th', outline, 'green');
    expect(without.sources.districts).toBeUndefined();
  });

  test('the bundled districts: 928 with Thai and English names, Hat Yai among them', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../data/basemap/thailand-districts.geojson', import.meta.url), 'utf8');
    const fc = JSON.parse(text) as { attribution: string; features: { properties: Record<string, string> }[] };
    expect(fc.features).toHaveLength(928);
    expect(fc.attribution).toContain('CC BY-IGO');
    expect(fc.features.find((f) => f.properties.name_en === 'Hat Yai')?.properties.name_th).toBe('หาดใหญ่');
  });
});

describe("a deployment's own basemap tiles on every map", () => {
  test('XYZ or PMTiles as a raster over the sea and under everything else; the provinces keep their lines, not their fill', async () => {
    const { withOwnTiles, overviewMapStyle, zoneOutlineMapStyle } = await import('../../web/features/map/map-style.ts');
    const outline = { type: 'Polygon', coordinates: [square] };
    const plain = zoneOutlineMapStyle('/p.geojson', 'th', outline, 'green');
    expect(withOwnTiles(plain, null)).toBe(plain);
    const xyz = withOwnTiles(plain, { tiles: 'https://t.example/{z}/{x}/{y}.png', attribution: '© OSM' });
    expect(xyz.sources['own-tiles']).toEqual({
      type: 'raster',
      tiles: ['https://t.example/{z}/{x}/{y}.png'],
      tileSize: 256,
      attribution: '© OSM',
    });
    const ids = xyz.layers.map((l) => l.id);
    expect(ids.slice(0, 2)).toEqual(['sea', 'own-tiles']);
    expect(ids).not.toContain('province-fill');
    expect(ids).toContain('province-line');
    expect(ids.at(-1)).toBe('zone-line');
    const pmtiles = withOwnTiles(overviewMapStyle('/p.geojson', 'en'), {
      tiles: 'pmtiles://https://m.example/th.pmtiles',
      attribution: null,
    });
    expect(pmtiles.sources['own-tiles']).toEqual({
      type: 'raster',
      url: 'pmtiles://https://m.example/th.pmtiles',
      tileSize: 256,
      attribution: undefined,
    });
    expect(pmtiles.layers.map((l) => l.id).indexOf('own-tiles')).toBe(1);
  });
});
