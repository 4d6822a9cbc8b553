import { describe, expect, it } from 'vitest';
import { syntheticPoints, syntheticZones } from '../../../bench/pip.ts';
import { mulberry32 } from '../../../server/random.ts';
import { distanceToBoundaryM, pointInGeometry } from '../../../server/geo/contains.ts';
import { buildZoneIndex, type ZoneIndexInput } from '../../../server/geo/index.ts';
import {
  destination,
  geometryAreaKm2,
  geometryBBox,
  haversineM,
  inBBox,
  metresPerDegreeLon,
} from '../../../server/geo/measure.ts';
import type { BBox, Position, ReadonlyZoneGeometry, Ring, ZoneGeometry } from '../../../server/geo/types.ts';

/** A square zone with sides of `metres`, south-west corner `sw`, built with the haversine helpers. */
function squareZone(sw: Position, metres: number): Ring {
  const se = destination(sw, 90, metres);
  const nw = destination(sw, 0, metres);
  return [sw, se, [se[0], nw[1]], nw, sw];
}

const zone = (id: string, geometry: ZoneGeometry, bufferMeters = 500, stationCode = 'S1'): ZoneIndexInput => ({
  id,
  stationCode,
  geometry,
  bufferMeters,
});

/** What locate() must return, from the brute-force predicates of contains.ts. */
const cache = new WeakMap<ReadonlyZoneGeometry, { area: number; box: BBox }>();
const facts = (g: ReadonlyZoneGeometry) => {
  let f = cache.get(g);
  if (f === undefined) {
    f = { area: geometryAreaKm2(g), box: geometryBBox(g) };
    cache.set(g, f);
  }
  return f;
};

/**
 * What locate() must return, from the brute-force predicates of contains.ts (the plain box test
 * only skips points that cannot be inside).
 */
function bruteForce(zones: readonly ZoneIndexInput[], lon: number, lat: number) {
  const inside = zones.map((z) => inBBox(facts(z.geometry).box, lon, lat) && pointInGeometry(lon, lat, z.geometry));
  const containing = zones
    .filter((_, i) => inside[i])
    .sort((a, b) => facts(a.geometry).area - facts(b.geometry).area || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    zoneId: containing[0]?.id ?? null,
    ringZoneIds: zones
      .filter((z, i) => !inside[i] && distanceToBoundaryM(lon, lat, z.geometry) <= z.bufferMeters)
      .map((z) => z.id),
  };
}

describe('buildZoneIndex: buffer ring distances', () => {
  const sw: Position = [100.5, 13.75];
  const ring = squareZone(sw, 1000);
  const index = buildZoneIndex([zone('SQ', { type: 'Polygon', coordinates: [ring] })]);
  // Midpoint of the east edge.
  const eastMid: Position = [destination(sw, 90, 1000)[0], destination(sw, 0, 500)[1]];

  it('a point inside is the zone, not its ring', () => {
    expect(index.locate(...destination(destination(sw, 0, 500), 90, 500))).toEqual({ zoneId: 'SQ', ringZoneIds: [] });
  });

  it('400 m east of the zone is in its 500 m ring; 600 m is not', () => {
    const p400 = destination(eastMid, 90, 400);
    const p600 = destination(eastMid, 90, 600);
    expect(haversineM(eastMid, p400)).toBeCloseTo(400, 6);
    expect(index.locate(...p400)).toEqual({ zoneId: null, ringZoneIds: ['SQ'] });
    expect(index.locate(...p600)).toEqual({ zoneId: null, ringZoneIds: [] });
  });

  it('same north, south and west, and diagonally off a corner (distance to the corner)', () => {
    const northMid: Position = [destination(sw, 90, 500)[0], destination(sw, 0, 1000)[1]];
    expect(index.locate(...destination(northMid, 0, 450)).ringZoneIds).toEqual(['SQ']);
    expect(index.locate(...destination(northMid, 0, 550)).ringZoneIds).toEqual([]);
    const southMid = destination(sw, 90, 500);
    expect(index.locate(...destination(southMid, 180, 499)).ringZoneIds).toEqual(['SQ']);
    expect(index.locate(...destination(southMid, 180, 501)).ringZoneIds).toEqual([]);
    const westMid = destination(sw, 0, 500);
    expect(index.locate(...destination(westMid, 270, 499)).ringZoneIds).toEqual(['SQ']);
    expect(index.locate(...destination(westMid, 270, 501)).ringZoneIds).toEqual([]);
    // 400 m south and 400 m west of the corner: 566 m away, outside the ring.
    expect(index.locate(...destination(sw, 225, 566)).ringZoneIds).toEqual([]);
    expect(index.locate(...destination(sw, 225, 480)).ringZoneIds).toEqual(['SQ']);
  });

  it('a buffer of 0 means no ring; each zone has its own buffer', () => {
    const two = buildZoneIndex([
      zone('A', { type: 'Polygon', coordinates: [ring] }, 0),
      zone('B', { type: 'Polygon', coordinates: [squareZone([100.6, 13.75], 1000)] }, 1000),
    ]);
    expect(two.locate(...destination(eastMid, 90, 1)).ringZoneIds).toEqual([]);
    const bWest = destination([100.6, 13.75], 0, 500);
    expect(two.locate(...destination(bWest, 270, 900)).ringZoneIds).toEqual(['B']);
  });
});

describe('buildZoneIndex: containment rules', () => {
  const big = squareZone([100.5, 13.75], 2000);
  const small = squareZone(destination(destination([100.5, 13.75], 0, 500), 90, 500), 500);

  it('overlapping zones: the smallest area wins; the bigger one is neither zone nor ring', () => {
    const index = buildZoneIndex([
      zone('BIG', { type: 'Polygon', coordinates: [big] }),
      zone('SMALL', { type: 'Polygon', coordinates: [small] }),
    ]);
    const inSmall = destination(destination([100.5, 13.75], 0, 750), 90, 750);
    expect(index.locate(...inSmall)).toEqual({ zoneId: 'SMALL', ringZoneIds: [] });
    // In BIG, 100 m from SMALL: BIG's zone, SMALL's ring.
    const nearSmall = destination(destination([100.5, 13.75], 0, 750), 90, 1100);
    expect(index.locate(...nearSmall)).toEqual({ zoneId: 'BIG', ringZoneIds: ['SMALL'] });
    expect(index.areaKm2('SMALL')).toBeLessThan(index.areaKm2('BIG') ?? 0);
    expect(index.areaKm2('NONE')).toBeUndefined();
  });

  it('equal areas: the smallest id wins, whatever the input order', () => {
    const g: ZoneGeometry = { type: 'Polygon', coordinates: [big] };
    const p = destination(destination([100.5, 13.75], 0, 100), 90, 100);
    expect(buildZoneIndex([zone('Z2', g), zone('Z1', g)]).locate(...p).zoneId).toBe('Z1');
    expect(buildZoneIndex([zone('Z1', g), zone('Z2', g)]).locate(...p).zoneId).toBe('Z1');
  });

  it('a point on the shared edge of two adjacent zones belongs to the smaller one', () => {
    const left: Ring = [
      [100, 13],
      [100.01, 13],
      [100.01, 13.01],
      [100, 13.01],
      [100, 13],
    ];
    const right: Ring = [
      [100.01, 13],
      [100.03, 13],
      [100.03, 13.01],
      [100.01, 13.01],
      [100.01, 13],
    ];
    const index = buildZoneIndex([
      zone('RIGHT', { type: 'Polygon', coordinates: [right] }),
      zone('LEFT', { type: 'Polygon', coordinates: [left] }),
    ]);
    expect(index.locate(100.01, 13.005)).toEqual({ zoneId: 'LEFT', ringZoneIds: [] });
    expect(index.locate(100.01, 13.01)).toEqual({ zoneId: 'LEFT', ringZoneIds: [] }); // shared vertex
    expect(index.locate(100.02, 13.01)).toEqual({ zoneId: 'RIGHT', ringZoneIds: [] }); // RIGHT's top edge, ~1 km from LEFT
    expect(index.locate(100.012, 13.01)).toEqual({ zoneId: 'RIGHT', ringZoneIds: ['LEFT'] }); // ~216 m from LEFT
  });

  it('holes and MultiPolygon parts', () => {
    const hole = squareZone(destination(destination([100.5, 13.75], 0, 800), 90, 800), 400).reverse();
    const far = squareZone([100.55, 13.75], 300);
    const index = buildZoneIndex([zone('H', { type: 'MultiPolygon', coordinates: [[big, hole], [far]] }, 100)]);
    const inHole = destination(destination([100.5, 13.75], 0, 1000), 90, 1000);
    expect(index.locate(...inHole)).toEqual({ zoneId: null, ringZoneIds: [] }); // 200 m from the hole's edge
    const nearHoleEdge = destination(destination([100.5, 13.75], 0, 1000), 90, 850);
    expect(index.locate(...nearHoleEdge)).toEqual({ zoneId: null, ringZoneIds: ['H'] });
    expect(index.locate(...destination([100.55, 13.75], 45, 200)).zoneId).toBe('H');
  });

  it('station filter, NaN, empty index, duplicate ids, bad buffers', () => {
    const index = buildZoneIndex([
      zone('A', { type: 'Polygon', coordinates: [big] }, 500, 'S1'),
      zone('B', { type: 'Polygon', coordinates: [small] }, 500, 'S2'),
    ]);
    const inSmall = destination(destination([100.5, 13.75], 0, 750), 90, 750);
    expect(index.locate(...inSmall).zoneId).toBe('B');
    expect(index.locate(...inSmall, { stationCode: 'S1' }).zoneId).toBe('A');
    expect(index.locate(...inSmall, { stationCode: 'S9' })).toEqual({ zoneId: null, ringZoneIds: [] });
    expect(index.locate(Number.NaN, 13.75)).toEqual({ zoneId: null, ringZoneIds: [] });
    expect(buildZoneIndex([]).locate(100.5, 13.75)).toEqual({ zoneId: null, ringZoneIds: [] });
    expect(() =>
      buildZoneIndex([
        zone('A', { type: 'Polygon', coordinates: [big] }),
        zone('A', { type: 'Polygon', coordinates: [small] }),
      ]),
    ).toThrow(/duplicate/);
    expect(() => buildZoneIndex([zone('A', { type: 'Polygon', coordinates: [big] }, -1)])).toThrow(/bufferMeters/);
  });

  it('locateInto reports positions in zoneIds and replaces ringOut', () => {
    const index = buildZoneIndex([
      zone('BIG', { type: 'Polygon', coordinates: [big] }),
      zone('SMALL', { type: 'Polygon', coordinates: [small] }),
    ]);
    const out = [42, 43];
    const nearSmall = destination(destination([100.5, 13.75], 0, 750), 90, 1100);
    expect(index.locateInto(...nearSmall, out)).toBe(0);
    expect(out).toEqual([1]);
    expect(index.locateInto(0, 0, out)).toBe(-1);
    expect(out).toEqual([]);
    expect(index.zoneIds).toEqual(['BIG', 'SMALL']);
  });

  it('treats an open ring as closed', () => {
    const open = big.slice(0, 4);
    const index = buildZoneIndex([zone('O', { type: 'Polygon', coordinates: [open] })]);
    // Just inside the closing (west) edge.
    expect(index.locate(...destination(destination([100.5, 13.75], 0, 1000), 90, 1)).zoneId).toBe('O');
    expect(index.locate(...destination(destination([100.5, 13.75], 0, 1000), 270, 100)).ringZoneIds).toEqual(['O']);
  });
});

describe('buildZoneIndex agrees with brute force', () => {
  it('10,000 random points over 200 random, overlapping zones (holes, MultiPolygons)', () => {
    // 200 zones in a 0.3° x 0.3° box: zones and rings overlap often.
    const box = { minLon: 100.4, minLat: 13.6, maxLon: 100.7, maxLat: 13.9 };
    const zones = syntheticZones({
      seed: 42,
      count: 200,
      box,
      minVertices: 4,
      maxVertices: 30,
      minRadiusM: 200,
      maxRadiusM: 2500,
      holeChance: 0.3,
      multiChance: 0.2,
    }).map((z, i) => ({ ...z, bufferMeters: [500, 250, 0, 1000][i % 4] as number, stationCode: `S${i % 3}` }));
    const index = buildZoneIndex(zones);
    const pts = syntheticPoints(zones, 10_000, 0.7, 43, box);
    let inZone = 0;
    let inRing = 0;
    let mismatches = 0;
    for (let i = 0; i < 10_000; i++) {
      const lon = pts[2 * i] as number;
      const lat = pts[2 * i + 1] as number;
      const got = index.locate(lon, lat);
      const want = bruteForce(zones, lon, lat);
      if (got.zoneId !== want.zoneId || got.ringZoneIds.join() !== want.ringZoneIds.join()) mismatches++;
      if (got.zoneId !== null) inZone++;
      if (got.ringZoneIds.length > 0) inRing++;
    }
    expect(mismatches).toBe(0);
    // The sample exercises every case.
    expect(inZone).toBeGreaterThan(1000);
    expect(inRing).toBeGreaterThan(1000);
    // Station filter agrees with brute force on that station's zones.
    const s1 = zones.filter((z) => z.stationCode === 'S1');
    for (let i = 0; i < 2000; i++) {
      const lon = pts[2 * i] as number;
      const lat = pts[2 * i + 1] as number;
      expect(index.locate(lon, lat, { stationCode: 'S1' })).toEqual(bruteForce(s1, lon, lat));
    }
  });

  it('on vertices and edge midpoints (the boundary rule)', () => {
    const zones = syntheticZones({
      seed: 7,
      count: 60,
      box: { minLon: 100.5, minLat: 13.7, maxLon: 100.56, maxLat: 13.76 },
      holeChance: 0.3,
    });
    const index = buildZoneIndex(zones);
    for (const z of zones) {
      const polys = z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates;
      for (const poly of polys) {
        for (const ring of poly) {
          for (let i = 0; i + 1 < ring.length; i++) {
            const [ax, ay] = ring[i] as Position;
            const [bx, by] = ring[i + 1] as Position;
            for (const [x, y] of [
              [ax, ay],
              [(ax + bx) / 2, (ay + by) / 2],
            ] as const) {
              const got = index.locate(x, y);
              expect(got).toEqual(bruteForce(zones, x, y));
              if (x === ax) expect(got.zoneId).not.toBeNull(); // a vertex is always inside its zone
            }
          }
        }
      }
    }
  });

  it('large zones (latitude bands): a 3,000-vertex outline and a 1,500-vertex MultiPolygon with a hole', () => {
    const rnd = mulberry32(99);
    const wobbly = (lon: number, lat: number, radius: number, n: number): Ring => {
      const kx = metresPerDegreeLon(lat);
      const ring: Ring = [];
      for (let k = 0; k < n; k++) {
        const t = (2 * Math.PI * k) / n;
        const r = radius * (0.7 + 0.3 * Math.sin(7 * t) + 0.05 * rnd());
        ring.push([lon + (r * Math.cos(t)) / kx, lat + (r * Math.sin(t)) / 111_195]);
      }
      ring.push(ring[0] as Position);
      return ring;
    };
    const zones: ZoneIndexInput[] = [
      zone('BIG', { type: 'Polygon', coordinates: [wobbly(100.5, 13.75, 8000, 3000)] }, 500),
      zone(
        'MULTI',
        {
          type: 'MultiPolygon',
          coordinates: [
            [wobbly(100.6, 13.75, 3000, 700), wobbly(100.6, 13.75, 1000, 100).reverse()],
            [wobbly(100.66, 13.75, 1500, 700)],
          ],
        },
        300,
      ),
      zone('SMALL', { type: 'Polygon', coordinates: [squareZone([100.5, 13.75], 800)] }, 500),
    ];
    const index = buildZoneIndex(zones);
    expect(index.stats.bandedZones).toBe(2);
    const box = { minLon: 100.4, minLat: 13.65, maxLon: 100.7, maxLat: 13.85 };
    const pts = syntheticPoints(zones, 5000, 0.5, 5, box);
    for (let i = 0; i < 5000; i++) {
      const lon = pts[2 * i] as number;
      const lat = pts[2 * i + 1] as number;
      expect(index.locate(lon, lat)).toEqual(bruteForce(zones, lon, lat));
    }
  });
});
