import { describe, expect, it } from 'vitest';
import { type GeometryProblem, type GeometryProblemCode, validateGeometry } from '../../../server/geo/validate.ts';
import type { Position, Ring } from '../../../server/geo/types.ts';

const square = (x: number, y: number, s: number): Ring => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const poly = (...rings: Ring[]) => ({ type: 'Polygon', coordinates: rings });

function problems(geometry: unknown, options?: Parameters<typeof validateGeometry>[1]): GeometryProblem[] {
  const r = validateGeometry(geometry, options);
  if (r.ok) throw new Error('expected problems');
  for (const p of r.problems) {
    expect(p.th.length).toBeGreaterThan(0);
    expect(p.en.length).toBeGreaterThan(0);
  }
  return [...r.problems];
}
const codes = (geometry: unknown, options?: Parameters<typeof validateGeometry>[1]): GeometryProblemCode[] =>
  problems(geometry, options).map((p) => p.code);

describe('validateGeometry: valid input', () => {
  it('accepts a Polygon and normalises it (altitude and repeated positions dropped), with its bbox', () => {
    const r = validateGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [100.5, 13.75, 0],
          [100.51, 13.75, 0],
          [100.51, 13.75, 0],
          [100.51, 13.76, 0],
          [100.5, 13.76, 0],
          [100.5, 13.75, 0],
        ],
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.geometry).toEqual({ type: 'Polygon', coordinates: [square(100.5, 13.75, 0.01)] });
    expect(r.bbox).toEqual({ minLon: 100.5, minLat: 13.75, maxLon: 100.51, maxLat: 13.76 });
    expect(r.warnings).toEqual([]);
  });

  it('accepts holes, a hole touching the shell at one point, a MultiPolygon with an island in a hole', () => {
    const shell = square(100, 13, 0.1);
    const hole = square(100.02, 13.02, 0.06).reverse();
    const touching: Ring = [
      [100, 13.05],
      [100.01, 13.04],
      [100.01, 13.06],
      [100, 13.05],
    ];
    expect(validateGeometry(poly(shell, hole, touching)).ok).toBe(true);
    const island = square(100.04, 13.04, 0.02);
    const r = validateGeometry({
      type: 'MultiPolygon',
      coordinates: [[shell, hole], [island], [square(100.2, 13, 0.01)]],
    });
    expect(r.ok).toBe(true);
  });

  it('accepts a concave outline', () => {
    const u: Ring = [
      [100, 13],
      [100.03, 13],
      [100.03, 13.03],
      [100.02, 13.03],
      [100.02, 13.01],
      [100.01, 13.01],
      [100.01, 13.03],
      [100, 13.03],
      [100, 13],
    ];
    expect(validateGeometry(poly(u)).ok).toBe(true);
  });
});

describe('validateGeometry: each problem', () => {
  it('not an object / unsupported type', () => {
    expect(codes(null)).toEqual(['not_an_object']);
    expect(codes('POLYGON((...))')).toEqual(['not_an_object']);
    expect(codes({ type: 'Point', coordinates: [100.5, 13.7] })).toEqual(['unsupported_type']);
    expect(codes({ type: 'GeometryCollection', geometries: [] })).toEqual(['unsupported_type']);
  });

  it('bad structure and empty', () => {
    expect(codes({ type: 'Polygon' })).toEqual(['bad_structure']);
    expect(codes({ type: 'Polygon', coordinates: [[['100.5', '13.7']]] })).toEqual(['bad_structure']);
    expect(codes({ type: 'Polygon', coordinates: [[100.5, 13.7]] })).toEqual(['bad_structure']);
    expect(codes({ type: 'Polygon', coordinates: [] })).toEqual(['empty']);
    expect(codes({ type: 'MultiPolygon', coordinates: [] })).toEqual(['empty']);
    expect(codes({ type: 'MultiPolygon', coordinates: [[]] })).toEqual(['empty']);
  });

  it('non-finite coordinates, with the vertex', () => {
    const ring = square(100, 13, 0.01);
    ring[2] = [Number.NaN, 13.01];
    const [p] = problems(poly(ring));
    expect(p).toMatchObject({ code: 'non_finite', ring: 0, vertex: 2 });
    expect(p?.en).toContain('vertex 3');
    expect(
      codes(
        poly([
          [100, 13],
          [Infinity, 13],
          [100, 14],
          [100, 13],
        ]),
      ),
    ).toEqual(['non_finite']);
  });

  it('outside the WGS84 range, with a hint for projected metres (UTM 47N)', () => {
    const ring = square(100, 13, 0.01);
    ring[1] = [181, 13];
    expect(problems(poly(ring))[0]).toMatchObject({ code: 'out_of_range', vertex: 1 });
    const utm = problems(poly(square(660_000, 1_520_000, 500)));
    expect(utm[0]?.code).toBe('out_of_range');
    expect(utm[0]?.en).toContain('UTM');
    expect(utm[0]?.th).toContain('UTM');
  });

  it('lat/lon swapped (Thailand written [lat, lon]) - and the swapLatLon fix', () => {
    const swapped = square(13.75, 100.5, 0.01);
    const [p] = problems(poly(swapped));
    expect(p?.code).toBe('latlon_swapped');
    expect(p?.en).toContain('lat/lon swapped');
    expect(p?.th).toContain('สลับ');
    const fixed = validateGeometry(poly(swapped), { swapLatLon: true });
    expect(fixed.ok && fixed.bbox.minLon).toBe(100.5);
  });

  it('open ring: reported by default, closed as a warning with closeRings', () => {
    const open = square(100, 13, 0.01).slice(0, 4);
    const [p] = problems(poly(open));
    expect(p).toMatchObject({ code: 'open_ring', ring: 0, vertex: 3 });
    const r = validateGeometry(poly(open), { closeRings: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.geometry.coordinates[0]).toEqual(square(100, 13, 0.01));
    expect(r.warnings.map((w) => w.code)).toEqual(['open_ring']);
  });

  it('fewer than 4 positions', () => {
    expect(
      codes(
        poly([
          [100, 13],
          [100.01, 13],
          [100, 13],
        ]),
      ),
    ).toEqual(['too_few_positions']);
    // Repeated positions do not count.
    expect(
      codes(
        poly([
          [100, 13],
          [100.01, 13],
          [100.01, 13],
          [100, 13],
        ]),
      ),
    ).toEqual(['too_few_positions']);
  });

  it('zero area (collinear, or a sliver under 1 m²)', () => {
    expect(
      codes(
        poly([
          [100, 13],
          [100.01, 13],
          [100.02, 13],
          [100, 13],
        ]),
      ),
    ).toEqual(['zero_area']);
    // 1 km long, 0.5 mm wide.
    expect(
      codes(
        poly([
          [100, 13],
          [100.01, 13],
          [100.01, 13.000000005],
          [100, 13],
        ]),
      ),
    ).toEqual(['zero_area']);
  });

  it('self-intersection: a bow tie, with the crossing edges', () => {
    const bowTie: Ring = [
      [100, 13],
      [100.01, 13.01],
      [100.01, 13],
      [100, 13.01],
      [100, 13],
    ];
    const [p] = problems(poly(bowTie));
    expect(p).toMatchObject({ code: 'self_intersection', ring: 0, vertex: 0 });
    expect(p?.en).toContain('vertices 1-2');
    expect(p?.en).toContain('vertices 3-4');
  });

  it('self-intersection: a figure eight touching itself at a vertex, and a spike', () => {
    const eight: Ring = [
      [100, 13],
      [100.01, 13],
      [100.01, 13.01],
      [100.02, 13.01],
      [100.02, 13.02],
      [100.01, 13.02],
      [100.01, 13.01],
      [100, 13.01],
      [100, 13],
    ];
    expect(codes(poly(eight))).toEqual(['self_intersection']);
    const spike: Ring = [
      [100, 13],
      [100.01, 13],
      [100.02, 13],
      [100.015, 13],
      [100.01, 13.01],
      [100, 13.01],
      [100, 13],
    ];
    expect(codes(poly(spike))).toEqual(['self_intersection']);
  });

  it('rings intersect: a hole crossing the shell', () => {
    const shell = square(100, 13, 0.01);
    const hole = square(100.005, 13.002, 0.01);
    const [p] = problems(poly(shell, hole));
    expect(p?.code).toBe('rings_intersect');
    expect(p?.en).toContain('hole 1');
  });

  it('hole outside its shell, hole inside another hole', () => {
    const shell = square(100, 13, 0.1);
    expect(problems(poly(shell, square(100.2, 13, 0.01)))[0]).toMatchObject({ code: 'hole_outside', ring: 1 });
    const nested = problems(poly(shell, square(100.01, 13.01, 0.05), square(100.02, 13.02, 0.01)));
    expect(nested).toHaveLength(1);
    expect(nested[0]).toMatchObject({ code: 'hole_outside', ring: 2 });
  });

  it('MultiPolygon parts overlapping (one inside another, or identical)', () => {
    const a = square(100, 13, 0.1);
    const inside = square(100.02, 13.02, 0.01);
    expect(problems({ type: 'MultiPolygon', coordinates: [[a], [inside]] })[0]).toMatchObject({
      code: 'parts_overlap',
      part: 1,
    });
    // Identical parts: their edges overlap.
    expect(codes({ type: 'MultiPolygon', coordinates: [[a], [a]] })).toEqual(['rings_intersect']);
    expect(codes({ type: 'MultiPolygon', coordinates: [[a], [square(100.05, 13.05, 0.1)]] })).toEqual([
      'rings_intersect',
    ]);
  });

  it('reports problems of several rings at once, with 1-based places in the messages', () => {
    const out = problems({
      type: 'MultiPolygon',
      coordinates: [[square(100, 13, 0.01)], [square(100.2, 13, 0.01).slice(0, 4)], [square(13, 100.3, 0.01)]],
    });
    expect(out.map((p) => [p.code, p.part])).toEqual([
      ['open_ring', 1],
      ['latlon_swapped', 2],
    ]);
    expect(out[0]?.en).toMatch(/^part 2, outer ring, vertex 4: open ring/);
    expect(out[0]?.th).toMatch(/^ส่วนที่ 2 ขอบนอก จุดที่ 4: เส้นขอบไม่ปิด/);
  });
});

describe('validateGeometry: large rings (grid instead of all pairs)', () => {
  const star = (n: number): Ring => {
    const ring: Ring = [];
    for (let k = 0; k < n; k++) {
      const t = (2 * Math.PI * k) / n;
      const r = 0.05 * (1 + 0.2 * Math.sin(9 * t));
      ring.push([100.5 + r * Math.cos(t), 13.75 + r * Math.sin(t)]);
    }
    ring.push(ring[0] as Position);
    return ring;
  };

  // Its speed (the grid instead of all pairs of edges) is a figure of `npm run bench`, not asserted here.
  it('a valid 5,000-vertex outline passes', () => {
    expect(validateGeometry(poly(star(5000))).ok).toBe(true);
  });

  it('a crossing in a 5,000-vertex outline is found', () => {
    const ring = star(5000);
    // Swap two neighbouring vertices: edges k-1..k+2 now cross.
    const a = ring[1000] as Position;
    ring[1000] = ring[1001] as Position;
    ring[1001] = a;
    const [p] = problems(poly(ring));
    expect(p?.code).toBe('self_intersection');
    expect([999, 1000, 1001]).toContain(p?.vertex);
  });

  it('a hole crossing a big shell is found', () => {
    const hole = square(100.54, 13.74, 0.03).reverse();
    expect(codes(poly(star(3000), hole))).toEqual(['rings_intersect']);
  });
});
