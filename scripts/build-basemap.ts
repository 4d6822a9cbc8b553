// Builds the offline province basemap data/basemap/thailand-provinces.geojson from the
// OCHA/HDX Thailand COD-AB 2019 provinces (a simplified copy of them).
//
//   npx tsx scripts/build-basemap.ts [source.geojson]
//
// Without an argument it reads the copy kept in the repository for the tests
// (tests/fixtures/real/thailand-boundaries/); give a path to build from another copy.
//
// The source is already simplified (about 1,500 vertices), so this only rounds coordinates to
// 4 decimals (about 11 m), drops repeated points and degenerate rings, closes rings and orients
// them per RFC 7946 (outer rings counter-clockwise). Rounding keeps shared borders identical on
// both sides; a per-province Douglas-Peucker pass would open gaps between neighbours.
// Licence: CC BY-IGO 3.0, attribution required (see data/README.md).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

type Position = [number, number];
type Ring = Position[];
type PolygonCoords = Ring[];

interface SourceFeature {
  properties: { ADM1_PCODE: string; ADM1_TH: string; ADM1_EN: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

interface ProvinceFeature {
  type: 'Feature';
  properties: { iso: string; name_th: string; name_en: string };
  geometry: { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };
}

const DECIMALS = 4;
const ATTRIBUTION = 'Province boundaries: OCHA/HDX Thailand COD-AB 2019 (Royal Thai Survey Department), CC BY-IGO 3.0';

const defaultSource = fileURLToPath(
  new URL('../tests/fixtures/real/thailand-boundaries/th_adm1_provinces_hdx2019_simplified.geojson', import.meta.url),
);
const outputPath = fileURLToPath(new URL('../data/basemap/thailand-provinces.geojson', import.meta.url));

const factor = 10 ** DECIMALS;
const round = (value: number): number => Math.round(value * factor) / factor;

/** Twice the signed area (shoelace); positive for counter-clockwise rings. */
function signedArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum;
}

/** Rounded, de-duplicated, closed ring with the wanted orientation; null if degenerate. */
function cleanRing(raw: number[][], outer: boolean): Ring | null {
  const ring: Ring = [];
  for (const position of raw) {
    const [x, y] = position;
    if (x === undefined || y === undefined) continue;
    const p: Position = [round(x), round(y)];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last) return null;
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  if (ring.length < 4) return null;
  const area = signedArea2(ring);
  if (area === 0) return null;
  if (outer !== area > 0) ring.reverse();
  return ring;
}

function cleanPolygon(raw: number[][][]): PolygonCoords | null {
  const [outerRaw, ...holesRaw] = raw;
  const outer = outerRaw ? cleanRing(outerRaw, true) : null;
  if (!outer) return null;
  const holes = holesRaw.map((h) => cleanRing(h, false)).filter((h): h is Ring => h !== null);
  return [outer, ...holes];
}

function buildProvinceFeature(source: SourceFeature): ProvinceFeature {
  const { ADM1_PCODE, ADM1_TH, ADM1_EN } = source.properties;
  const rawPolygons = source.geometry.type === 'Polygon' ? [source.geometry.coordinates] : source.geometry.coordinates;
  const polygons = rawPolygons.map(cleanPolygon).filter((p): p is PolygonCoords => p !== null);
  const [only] = polygons;
  if (!only) throw new Error(`${ADM1_PCODE}: no valid polygon left`);
  return {
    type: 'Feature',
    properties: { iso: `TH-${ADM1_PCODE.slice(2)}`, name_th: ADM1_TH.trim(), name_en: ADM1_EN.trim() },
    geometry:
      polygons.length === 1 ? { type: 'Polygon', coordinates: only } : { type: 'MultiPolygon', coordinates: polygons },
  };
}

function main(): void {
  const sourcePath = process.argv[2] ?? defaultSource;
  const source = JSON.parse(readFileSync(sourcePath, 'utf8')) as { features: SourceFeature[] };
  const features = source.features
    .map(buildProvinceFeature)
    .sort((a, b) => a.properties.iso.localeCompare(b.properties.iso));
  // One feature per line keeps diffs readable.
  const text = `{"type":"FeatureCollection","attribution":${JSON.stringify(ATTRIBUTION)},"features":[\n${features
    .map((f) => JSON.stringify(f))
    .join(',\n')}\n]}\n`;
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, text);
  const polygons = features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  const positions = polygons.flat().reduce((n, ring) => n + ring.length, 0);
  console.log(
    `${outputPath}: ${features.length} provinces, ${polygons.length} polygons, ${positions} positions, ${Buffer.byteLength(text)} bytes`,
  );
}

main();
