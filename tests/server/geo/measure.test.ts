import { describe, expect, it } from 'vitest';
import {
  centroid,
  destination,
  expandBBox,
  geometryAreaKm2,
  haversineM,
  METRES_PER_DEGREE,
  pointToBoundaryM,
  pointToSegmentM,
  polygonAreaKm2,
  ringAreaKm2,
  signedRingAreaKm2,
  WGS84_A,
  WGS84_F,
} from '../../../server/geo/measure.ts';
import type { Position, Ring } from '../../../server/geo/types.ts';

const BANGKOK: Position = [100.5018, 13.7563];

/** An axis-aligned "square" whose sides are `metres` long, built with the haversine helpers. */
function haversineSquare(sw: Position, metres: number): Ring {
  const se = destination(sw, 90, metres);
  const nw = destination(sw, 0, metres);
  const ne: Position = [se[0], nw[1]];
  return [sw, se, ne, nw, sw];
}

describe('haversineM / destination', () => {
  it('one degree of latitude is R·π/180 (111,195 m)', () => {
    expect(haversineM([100, 0], [100, 1])).toBeCloseTo(METRES_PER_DEGREE, 6);
    expect(METRES_PER_DEGREE).toBeCloseTo(111_195.08, 1);
  });

  it('one degree of longitude at 60° is about half of it (great circle: a little shorter than the parallel)', () => {
    const d = haversineM([0, 60], [1, 60]);
    expect(d).toBeLessThan(METRES_PER_DEGREE / 2);
    expect(d).toBeCloseTo(55_597.0, 0);
  });

  it('Bangkok - Chiang Mai agrees with the spherical law of cosines (~582 km)', () => {
    const cm: Position = [98.9853, 18.7883];
    const r = Math.PI / 180;
    const cosines =
      Math.acos(
        Math.sin(BANGKOK[1] * r) * Math.sin(cm[1] * r) +
          Math.cos(BANGKOK[1] * r) * Math.cos(cm[1] * r) * Math.cos((cm[0] - BANGKOK[0]) * r),
      ) * 6_371_008.8;
    expect(haversineM(BANGKOK, cm)).toBeCloseTo(cosines, 3);
    expect(cosines / 1000).toBeCloseTo(582, -1);
  });

  it('destination is the inverse of haversine', () => {
    for (const bearing of [0, 45, 90, 180, 271]) {
      const p = destination(BANGKOK, bearing, 1234.5);
      expect(haversineM(BANGKOK, p)).toBeCloseTo(1234.5, 6);
    }
    const east = destination(BANGKOK, 90, 500);
    expect(east[0]).toBeGreaterThan(BANGKOK[0]);
    expect(east[1]).toBeCloseTo(BANGKOK[1], 6);
  });
});

describe('pointToSegmentM (local equirectangular)', () => {
  const a: Position = [100.5, 13.75];
  const b: Position = [100.5, 13.76];

  it('agrees with haversine to < 0.01% at zone scale', () => {
    const mid: Position = [100.5, 13.755];
    for (const d of [10, 400, 500, 600, 3000]) {
      const p = destination(mid, 90, d);
      expect(Math.abs(pointToSegmentM(p, a, b) - d) / d).toBeLessThan(1e-4);
    }
  });

  it('measures to the nearest end point beyond the segment', () => {
    const p = destination(b, 0, 250);
    expect(pointToSegmentM(p, a, b)).toBeCloseTo(250, 1);
    const q = destination(a, 225, 300);
    expect(pointToSegmentM(q, a, b)).toBeCloseTo(300, 0);
  });

  it('is 0 on the segment and handles a zero-length segment', () => {
    expect(pointToSegmentM([100.5, 13.755], a, b)).toBeLessThan(1e-9);
    expect(pointToSegmentM(a, a, b)).toBe(0);
    expect(pointToSegmentM(destination(a, 90, 100), a, a)).toBeCloseTo(100, 1);
  });

  it('pointToBoundaryM takes holes into account', () => {
    const outer = haversineSquare([100.5, 13.75], 1000);
    const hole = haversineSquare(destination(destination([100.5, 13.75], 0, 400), 90, 400), 200).reverse();
    const centreOfHole = destination(destination([100.5, 13.75], 0, 500), 90, 500);
    expect(pointToBoundaryM(centreOfHole, { type: 'Polygon', coordinates: [outer, hole] })).toBeCloseTo(100, 0);
    expect(pointToBoundaryM(centreOfHole, { type: 'Polygon', coordinates: [outer] })).toBeCloseTo(500, 0);
  });
});

describe('area (WGS84 ellipsoid)', () => {
  it('a 1 km x 1 km square near Bangkok is ~1 km² (within 0.5%)', () => {
    const square = haversineSquare([100.5, 13.75], 1000);
    const area = ringAreaKm2(square);
    // Sides measured on the mean-radius sphere; the ellipsoid is ~0.37% smaller here.
    expect(Math.abs(area - 1)).toBeLessThan(0.005);
    expect(area).toBeCloseTo(0.9963, 3);
  });

  it('a square with 1 km sides measured on the ellipsoid is 1.0000 km²', () => {
    const lat = 13.75;
    const s = Math.sin((lat * Math.PI) / 180);
    const e2 = WGS84_F * (2 - WGS84_F);
    const w = 1 - e2 * s * s;
    const M = (WGS84_A * (1 - e2)) / w ** 1.5; // meridian radius of curvature
    const N = WGS84_A / Math.sqrt(w); // prime vertical
    const dLat = (1000 / M) * (180 / Math.PI);
    const dLon = (1000 / (N * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI);
    const ring: Ring = [
      [100.5, lat - dLat / 2],
      [100.5 + dLon, lat - dLat / 2],
      [100.5 + dLon, lat + dLat / 2],
      [100.5, lat + dLat / 2],
      [100.5, lat - dLat / 2],
    ];
    expect(ringAreaKm2(ring)).toBeCloseTo(1, 4);
  });

  it('a 1° x 1° cell at the equator matches numeric integration (12,308.8 km²)', () => {
    const e2 = WGS84_F * (2 - WGS84_F);
    // Simpson's rule on a²(1-e²)cosφ/(1-e²sin²φ)² dφ dλ.
    const f = (phi: number) => (Math.cos(phi) * (1 - e2)) / (1 - e2 * Math.sin(phi) ** 2) ** 2;
    const n = 1000;
    const h = Math.PI / 180 / n;
    let sum = f(0) + f(Math.PI / 180);
    for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i * h);
    const expected = (((WGS84_A * WGS84_A * (sum * h)) / 3) * (Math.PI / 180)) / 1e6;
    const cell: Ring = [
      [100, 0],
      [101, 0],
      [101, 1],
      [100, 1],
      [100, 0],
    ];
    expect(ringAreaKm2(cell)).toBeCloseTo(expected, 3);
    expect(ringAreaKm2(cell)).toBeCloseTo(12_308.8, 0);
  });

  it('is signed by winding, subtracts holes, sums MultiPolygon parts, closes open rings', () => {
    const ccw = haversineSquare([100.5, 13.75], 1000);
    expect(signedRingAreaKm2(ccw)).toBeGreaterThan(0);
    expect(signedRingAreaKm2([...ccw].reverse())).toBeCloseTo(-ringAreaKm2(ccw), 12);
    expect(ringAreaKm2(ccw.slice(0, 4))).toBeCloseTo(ringAreaKm2(ccw), 12);
    const hole = haversineSquare(destination(destination([100.5, 13.75], 0, 250), 90, 250), 500);
    expect(polygonAreaKm2([ccw, hole])).toBeCloseTo(ringAreaKm2(ccw) - ringAreaKm2(hole), 12);
    const other = haversineSquare([100.6, 13.75], 1000);
    expect(geometryAreaKm2({ type: 'MultiPolygon', coordinates: [[ccw], [other]] })).toBeCloseTo(
      ringAreaKm2(ccw) + ringAreaKm2(other),
      12,
    );
  });
});

describe('centroid', () => {
  it('of a square is its centre', () => {
    const c = centroid({
      type: 'Polygon',
      coordinates: [
        [
          [100, 13],
          [100.02, 13],
          [100.02, 13.02],
          [100, 13.02],
          [100, 13],
        ],
      ],
    });
    expect(c[0]).toBeCloseTo(100.01, 9);
    expect(c[1]).toBeCloseTo(13.01, 6);
  });

  it('moves away from a hole and weighs MultiPolygon parts by area', () => {
    const square = (x: number, y: number, s: number): Ring => [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ];
    const withHole = centroid({
      type: 'Polygon',
      coordinates: [square(100, 13, 0.02), square(100.011, 13.005, 0.008)],
    });
    expect(withHole[0]).toBeLessThan(100.01);
    const two = centroid({ type: 'MultiPolygon', coordinates: [[square(100, 13, 0.01)], [square(100.03, 13, 0.01)]] });
    expect(two[0]).toBeCloseTo(100.02, 9);
    const unequal = centroid({
      type: 'MultiPolygon',
      coordinates: [[square(100, 13, 0.02)], [square(100.05, 13, 0.01)]],
    });
    // Areas 4:1 -> centres 100.01 and 100.055 weighted 0.8 / 0.2.
    expect(unequal[0]).toBeCloseTo(100.01 * 0.8 + 100.055 * 0.2, 4);
  });

  it('of a degenerate ring is the mean of its vertices', () => {
    const c = centroid({
      type: 'Polygon',
      coordinates: [
        [
          [100, 13],
          [100.02, 13],
          [100.04, 13],
          [100, 13],
        ],
      ],
    });
    expect(c[0]).toBeCloseTo(100.02, 9);
    expect(c[1]).toBeCloseTo(13, 9);
  });
});

describe('expandBBox', () => {
  it('grows by at least the distance in every direction', () => {
    const box = { minLon: 100.5, minLat: 13.75, maxLon: 100.51, maxLat: 13.76 };
    const x = expandBBox(box, 500);
    expect(haversineM([100.5, 13.75], [100.5, x.minLat])).toBeGreaterThanOrEqual(500);
    expect(pointToSegmentM([x.maxLon, 13.76], [100.51, 13.75], [100.51, 13.76])).toBeGreaterThanOrEqual(500);
  });
});
