import { describe, expect, it } from 'vitest';
import { irregularPolygon } from '../../../server/demo/geo.ts';
import { ringAreaKm2 } from '../../../server/geo/measure.ts';
import { validateGeometry } from '../../../server/geo/validate.ts';
import { hashString, mulberry32, Rng } from '../../../server/random.ts';

describe('demo geometry', () => {
  it('draws simple irregular polygons of the asked area', () => {
    const rng = new Rng(42);
    for (let i = 0; i < 200; i++) {
      const vertices = rng.int(5, 8);
      const ring = irregularPolygon(
        {
          lat: 7 + rng.float() * 12,
          lon: 99 + rng.float() * 3,
          areaKm2: 0.2 + rng.float() * 2,
          aspect: 1 + rng.float() * 3.5,
          rotationDeg: rng.float() * 180,
          vertices,
        },
        rng,
      );
      expect(ring).toHaveLength(vertices + 1);
      expect(validateGeometry({ type: 'Polygon', coordinates: [ring] }).ok).toBe(true);
    }
    const ring = irregularPolygon(
      { lat: 16.81, lon: 100.25, areaKm2: 2, aspect: 1.3, rotationDeg: 120, vertices: 8 },
      new Rng(1),
    );
    // Drawn on the sphere, measured on the WGS84 ellipsoid: within 0.5%.
    expect(Math.abs(ringAreaKm2(ring) - 2) / 2).toBeLessThan(0.005);
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
