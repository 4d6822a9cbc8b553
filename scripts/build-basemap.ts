// Builds the offline basemap from the OCHA/HDX Thailand COD-AB 2019 boundaries (simplified copies):
// provinces into data/basemap/thailand-provinces.geojson,
// districts (amphoe / khet, for zone-level maps) into data/basemap/thailand-districts.geojson.
//
//   npx tsx scripts/build-basemap.ts [provinces.geojson]
//   npx tsx scripts/build-basemap.ts --districts <th_adm2_districts_hdx2019_simplified.geojson>
//
// The district source is simplified too (about 9,800 vertices for 928 districts): same treatment.
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
  properties: {
    ADM1_PCODE: string;
    ADM1_TH: string;
    ADM1_EN: string;
    ADM2_PCODE?: string;
    ADM2_TH?: string;
    ADM2_EN?: string;
  };
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
const districtsOutputPath = fileURLToPath(new URL('../data/basemap/thailand-districts.geojson', import.meta.url));
const DISTRICTS_ATTRIBUTION =
  'District boundaries: OCHA/HDX Thailand COD-AB 2019 (Royal Thai Survey Department), CC BY-IGO 3.0';

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

interface DistrictFeature {
  type: 'Feature';
  properties: { pcode: string; name_th: string; name_en: string; province_th: string };
  geometry: ProvinceFeature['geometry'];
}

function buildDistrictFeature(source: SourceFeature): DistrictFeature {
  const { ADM2_PCODE = '', ADM2_TH = '', ADM2_EN = '', ADM1_TH } = source.properties;
  if (!ADM2_PCODE) throw new Error('a district feature has no ADM2_PCODE: is this the adm2 file?');
  const province = buildProvinceFeature(source);
  return {
    type: 'Feature',
    properties: { pcode: ADM2_PCODE, name_th: ADM2_TH.trim(), name_en: ADM2_EN.trim(), province_th: ADM1_TH.trim() },
    geometry: province.geometry,
  };
}

function writeCollection(
  path: string,
  attribution: string,
  features: Array<{ geometry: ProvinceFeature['geometry'] }>,
) {
  // One feature per line keeps diffs readable.
  const text = `{"type":"FeatureCollection","attribution":${JSON.stringify(attribution)},"features":[\n${features
    .map((f) => JSON.stringify(f))
    .join(',\n')}\n]}\n`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  const polygons = features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  const positions = polygons.flat().reduce((n, ring) => n + ring.length, 0);
  console.log(
    `${path}: ${features.length} features, ${polygons.length} polygons, ${positions} positions, ${Buffer.byteLength(text)} bytes`,
  );
}

function mainDistricts(sourcePath: string): void {
  const source = JSON.parse(readFileSync(sourcePath, 'utf8')) as { features: SourceFeature[] };
  const features = source.features
    .map(buildDistrictFeature)
    .sort((a, b) => a.properties.pcode.localeCompare(b.properties.pcode));
  writeCollection(districtsOutputPath, DISTRICTS_ATTRIBUTION, features);
}

function main(): void {
  const districts = process.argv.indexOf('--districts');
  if (districts >= 0) {
    const path = process.argv[districts + 1];
    if (!path) throw new Error('usage: npx tsx scripts/build-basemap.ts --districts <adm2.geojson>');
    mainDistricts(path);
    return;
  }
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
