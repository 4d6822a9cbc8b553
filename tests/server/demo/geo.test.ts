import { describe, expect, it } from 'vitest';
import {
  distanceToRingM,
  irregularPolygon,
  isSimpleClosedRing,
  METRES_PER_DEGREE,
  pointInRing,
  type Ring,
  ringAreaKm2,
  ringsOverlap,
} from '../../../server/demo/geo.ts';
import { hashString, mulberry32, Rng } from '../../../server/demo/random.ts';

/** A 1 km x 1 km square at the equator, [lon, lat]. */
const km = 1000 / METRES_PER_DEGREE;
const square: Ring = [
  [100, 0],
  [100 + km, 0],
  [100 + km, km],
  [100, km],
  [100, 0],
];

describe('demo geometry', () => {
  it('measures area in km2 and distance in metres', () => {
    expect(ringAreaKm2(square)).toBeCloseTo(1, 6);
    expect(distanceToRingM(100 + km / 2, km / 2, square)).toBeCloseTo(500, 3);
    expect(distanceToRingM(100 + km + 250 / METRES_PER_DEGREE, km / 2, square)).toBeCloseTo(250, 3);
  });

  it('tests points in polygons and polygon overlap', () => {
    expect(pointInRing(100 + km / 2, km / 2, square)).toBe(true);
    expect(pointInRing(100 + 2 * km, km / 2, square)).toBe(false);
    const shifted = square.map(([x, y]) => [x + km / 2, y] as [number, number]);
    const apart = square.map(([x, y]) => [x + 2 * km, y] as [number, number]);
    expect(ringsOverlap(square, shifted)).toBe(true);
    expect(ringsOverlap(square, apart)).toBe(false);
  });

  it('rejects open and self-crossing rings', () => {
    expect(isSimpleClosedRing(square)).toBe(true);
    expect(isSimpleClosedRing(square.slice(0, 4))).toBe(false);
    const bowTie: Ring = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    expect(isSimpleClosedRing(bowTie)).toBe(false);
  });

  it('draws simple irregular polygons of the asked area', () => {
    const rng = new Rng(42);
    for (let i = 0; i < 200; i++) {
      const vertices = rng.int(5, 8);
      const ring = irregularPolygon(
        { lat: 7 + rng.float() * 12, lon: 99 + rng.float() * 3, areaKm2: 0.2 + rng.float() * 2, aspect: 1 + rng.float() * 3.5, rotationDeg: rng.float() * 180, vertices },
        rng,
      );
      expect(ring).toHaveLength(vertices + 1);
      expect(isSimpleClosedRing(ring)).toBe(true);
    }
    const ring = irregularPolygon({ lat: 16.81, lon: 100.25, areaKm2: 2, aspect: 1.3, rotationDeg: 120, vertices: 8 }, new Rng(1));
    expect(ringAreaKm2(ring)).toBeCloseTo(2, 2);
  });
});

describe('demo randomness', () => {
  it('repeats exactly for a seed and differs between seeds', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const c = mulberry32(124);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    expect(hashString('Z-HDY-01')).not.toBe(hashString('Z-HDY-02'));
  });

  it('draws Poisson counts with the right mean', () => {
    const rng = new Rng(7);
    for (const mean of [0.5, 4, 60]) {
      let sum = 0;
      for (let i = 0; i < 20_000; i++) sum += rng.poisson(mean);
      expect(sum / 20_000).toBeCloseTo(mean, mean < 10 ? 1 : 0);
    }
  });
});
