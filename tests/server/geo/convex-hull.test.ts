import { describe, expect, test } from 'vitest';
import { convexHull } from '../../../server/geo/convex-hull.ts';

describe('convex hull', () => {
  test('a square with points inside and on its edges: the four corners, closed, counter-clockwise', () => {
    const hull = convexHull([
      [0, 0],
      [2, 0],
      [1, 0], // on an edge
      [2, 2],
      [0, 2],
      [1, 1], // inside
      [0.5, 1.5],
    ]);
    expect(hull).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    });
  });

  test('repeated points and any order give the same hull', () => {
    const points: [number, number][] = [
      [100.47, 7.0],
      [100.49, 7.01],
      [100.48, 7.03],
      [100.47, 7.0],
      [100.48, 7.01],
    ];
    const hull = convexHull(points);
    expect(hull?.coordinates[0]).toEqual([
      [100.47, 7.0],
      [100.49, 7.01],
      [100.48, 7.03],
      [100.47, 7.0],
    ]);
    expect(convexHull([...points].reverse())).toEqual(hull);
  });

  test('fewer than three points, or all on one line, have no area: null', () => {
    expect(convexHull([])).toBeNull();
    expect(convexHull([[1, 1]])).toBeNull();
    expect(
      convexHull([
        [0, 0],
        [1, 1],
        [2, 2],
      ]),
    ).toBeNull();
  });
});
