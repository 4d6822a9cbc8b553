/**
 * Geometry types shared by the zone importers, the spatial index and the demo.
 *
 * Coordinates are GeoJSON order, WGS84 degrees: `[lon, lat]` (RFC 7946). Rings are stored closed
 * (first position repeated last). Altitudes are dropped by the parsers and by `validateGeometry`.
 *
 * Functions that only read take the `Readonly*` aliases, so both mutable arrays (what the parsers
 * and the demo build) and frozen literals are accepted.
 */

/** `[lon, lat]` in WGS84 degrees. */
export type Position = [lon: number, lat: number];
export type ReadonlyPosition = readonly [lon: number, lat: number];

/** A linear ring: at least 4 positions, first === last (closed). */
export type Ring = Position[];
export type ReadonlyRing = readonly ReadonlyPosition[];

/** Outer ring first, then holes. */
export type PolygonCoordinates = Ring[];
export type ReadonlyPolygonCoordinates = readonly ReadonlyRing[];

export type MultiPolygonCoordinates = PolygonCoordinates[];
export type ReadonlyMultiPolygonCoordinates = readonly ReadonlyPolygonCoordinates[];

export interface Polygon {
  type: 'Polygon';
  coordinates: PolygonCoordinates;
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: MultiPolygonCoordinates;
}

/** The geometry of a zone. */
export type ZoneGeometry = Polygon | MultiPolygon;

export interface ReadonlyPolygon {
  readonly type: 'Polygon';
  readonly coordinates: ReadonlyPolygonCoordinates;
}

export interface ReadonlyMultiPolygon {
  readonly type: 'MultiPolygon';
  readonly coordinates: ReadonlyMultiPolygonCoordinates;
}

export type ReadonlyZoneGeometry = ReadonlyPolygon | ReadonlyMultiPolygon;

/** Axis-aligned box in degrees (same field names as the `zones` table: min_lon ... max_lat). */
export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** A bilingual message (same shape as `Bilingual` in server/importers/issues.ts). */
export interface GeoMessage {
  readonly th: string;
  readonly en: string;
}
