import { describe, expect, it } from 'vitest';
import {
  distanceToBoundaryM,
  pointInBufferRing,
  pointInGeometry,
  pointInPolygon,
  pointInRing,
  pointOnRing,
  ringsOverlap,
  segmentContact,
} from '../../../server/geo/contains.ts';
import type { Ring, ZoneGeometry } from '../../../server/geo/types.ts';

/** Axis-aligned square ring, counter-clockwise. */
const square = (x: number, y: number, s: number): Ring => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

describe('pointInPolygon: a square (100.00-100.01 E, 13.00-13.01 N)', () => {
  const poly = [square(100, 13, 0.01)];

  it('inside and outside', () => {
    expect(pointInPolygon(100.005, 13.005, poly)).toBe(true);
    expect(pointInPolygon(100.011, 13.005, poly)).toBe(false);
    expect(pointInPolygon(100.005, 12.999, poly)).toBe(false);
    expect(pointInPolygon(99.999, 13.011, poly)).toBe(false);
  });

  it('the boundary is inside (closed set): every vertex and every edge', () => {
    for (const [x, y] of poly[0] as Ring) expect(pointInPolygon(x, y, poly)).toBe(true);
    expect(pointInPolygon(100.005, 13, poly)).toBe(true); // bottom edge
    expect(pointInPolygon(100.01, 13.005, poly)).toBe(true); // right edge (ray casting alone says outside)
    expect(pointInPolygon(100.005, 13.01, poly)).toBe(true); // top edge (ray casting alone says outside)
    expect(pointInPolygon(100, 13.005, poly)).toBe(true); // left edge
    // Documenting what plain ray casting does on edges: half-open, right/top edges fall outside.
    expect(pointInRing(100.01, 13.005, poly[0] as Ring)).toBe(false);
    expect(pointInRing(100.005, 13.01, poly[0] as Ring)).toBe(false);
  });

  it('a point on a diagonal edge is inside', () => {
    const triangle: Ring = [
      [0, 0],
      [2, 0],
      [0, 2],
      [0, 0],
    ];
    expect(pointOnRing(1, 1, triangle)).toBe(true);
    expect(pointInPolygon(1, 1, [triangle])).toBe(true);
    expect(pointInPolygon(1.0000001, 1, [triangle])).toBe(false);
    expect(pointInPolygon(0.9999999, 1, [triangle])).toBe(true);
  });

  it('winding does not matter', () => {
    const cw = [[...(poly[0] as Ring)].reverse()];
    expect(pointInPolygon(100.005, 13.005, cw)).toBe(true);
    expect(pointInPolygon(100.02, 13.005, cw)).toBe(false);
  });
});

describe('pointInPolygon: holes', () => {
  // 0..10 square with a 4..6 hole.
  const poly = [square(0, 0, 10), square(4, 4, 2).reverse()];

  it('a point in the hole is outside; between hole and shell is inside', () => {
    expect(pointInPolygon(5, 5, poly)).toBe(false);
    expect(pointInPolygon(2, 5, poly)).toBe(true);
    expect(pointInPolygon(5, 8, poly)).toBe(true);
  });

  it("the hole's boundary belongs to the polygon", () => {
    expect(pointInPolygon(4, 5, poly)).toBe(true);
    expect(pointInPolygon(6, 6, poly)).toBe(true);
    expect(pointInPolygon(5, 4, poly)).toBe(true);
  });

  it('buffer ring: a point in the hole is in the ring when near its edge', () => {
    const g: ZoneGeometry = {
      type: 'Polygon',
      coordinates: [square(100, 13, 0.02), square(100.008, 13.008, 0.004).reverse()],
    };
    // Centre of the hole: 0.002° (~217 m at 13° N east-west, 222 m north-south) from its edges.
    expect(pointInGeometry(100.01, 13.01, g)).toBe(false);
    expect(distanceToBoundaryM(100.01, 13.01, g)).toBeGreaterThan(200);
    expect(pointInBufferRing(100.01, 13.01, g, 500)).toBe(true);
    expect(pointInBufferRing(100.01, 13.01, g, 100)).toBe(false);
  });
});

describe('pointInGeometry: MultiPolygon', () => {
  const g: ZoneGeometry = {
    type: 'MultiPolygon',
    coordinates: [[square(0, 0, 1)], [square(3, 0, 1)], [square(0, 3, 2), square(0.5, 3.5, 1)]],
  };

  it('inside any part', () => {
    expect(pointInGeometry(0.5, 0.5, g)).toBe(true);
    expect(pointInGeometry(3.5, 0.5, g)).toBe(true);
    expect(pointInGeometry(1.8, 3.2, g)).toBe(true);
  });

  it("between parts and in a part's hole is outside", () => {
    expect(pointInGeometry(2, 0.5, g)).toBe(false);
    expect(pointInGeometry(1, 4, g)).toBe(false);
  });
});

describe('pointInPolygon: concave (a U shape)', () => {
  // U: 0..3 wide, 0..3 high, notch 1..2 wide from y = 1 to the top.
  const u: Ring = [
    [0, 0],
    [3, 0],
    [3, 3],
    [2, 3],
    [2, 1],
    [1, 1],
    [1, 3],
    [0, 3],
    [0, 0],
  ];

  it('arms and base are inside, the notch is outside', () => {
    expect(pointInPolygon(0.5, 2, [u])).toBe(true);
    expect(pointInPolygon(2.5, 2, [u])).toBe(true);
    expect(pointInPolygon(1.5, 0.5, [u])).toBe(true);
    expect(pointInPolygon(1.5, 2, [u])).toBe(false);
    expect(pointInPolygon(1.5, 3, [u])).toBe(false); // on the open top of the notch
  });

  it('a ray through vertices counts them once (y = 1 and y = 3)', () => {
    expect(pointInPolygon(0.5, 1, [u])).toBe(true);
    expect(pointInPolygon(-1, 1, [u])).toBe(false);
    expect(pointInPolygon(1.5, 1, [u])).toBe(true); // on the notch floor: boundary
    expect(pointInPolygon(-1, 3, [u])).toBe(false);
    expect(pointInPolygon(4, 1, [u])).toBe(false);
  });
});

describe('segmentContact / ringsOverlap', () => {
  it('classifies segment pairs', () => {
    expect(segmentContact(0, 0, 2, 2, 0, 2, 2, 0)).toBe('cross');
    expect(segmentContact(0, 0, 2, 0, 1, 0, 3, 0)).toBe('overlap');
    expect(segmentContact(0, 0, 2, 0, 2, 0, 3, 0)).toBe('touch');
    expect(segmentContact(0, 0, 2, 0, 1, 0, 1, 5)).toBe('touch'); // T junction
    expect(segmentContact(0, 0, 2, 0, 3, 0, 4, 0)).toBe('none');
    expect(segmentContact(0, 0, 2, 0, 0, 1, 2, 1)).toBe('none');
  });

  it('overlap = shared interior area', () => {
    const a = square(0, 0, 2);
    expect(ringsOverlap(a, square(1, 1, 2))).toBe(true); // edges cross
    expect(ringsOverlap(a, square(0.5, 0.5, 1))).toBe(true); // inside
    expect(ringsOverlap(square(0.5, 0.5, 1), a)).toBe(true);
    expect(ringsOverlap(a, [...a].reverse())).toBe(true); // the same ring
    expect(ringsOverlap(a, square(2, 0, 2))).toBe(false); // shared edge only
    expect(ringsOverlap(a, square(2, 2, 1))).toBe(false); // shared corner only
    expect(ringsOverlap(a, square(5, 5, 1))).toBe(false);
    // Overlapping without any proper crossing (edges collinear or T-touching only).
    const b: Ring = [
      [1, 0],
      [3, 0],
      [3, 2],
      [1, 2],
      [1, 0],
    ];
    expect(ringsOverlap(a, b)).toBe(true);
  });
});
