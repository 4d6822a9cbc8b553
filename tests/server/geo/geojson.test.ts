import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGeoJson } from '../../../server/geo/geojson.ts';
import { validateGeometry } from '../../../server/geo/validate.ts';

const fixture = readFileSync(new URL('../../fixtures/geo/zones.geojson', import.meta.url), 'utf8');

function fatalCode(input: unknown): string {
  const r = parseGeoJson(input);
  if (r.ok) throw new Error('expected a file-level error');
  expect(r.problems[0]?.feature).toBeNull();
  return r.problems[0]?.code ?? '';
}

describe('parseGeoJson: a FeatureCollection (QGIS-style, CRS84)', () => {
  const r = parseGeoJson(fixture);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));

  it('keeps features with a geometry, numbered from 1 in file order', () => {
    expect(r.features.map((f) => [f.index, f.properties.code])).toEqual([
      [1, 'HY-01'],
      [2, 'HY-02'],
      [4, 'HY-04'],
    ]);
    expect(r.features[0]?.id).toBe('101');
    expect(r.features[1]?.id).toBeNull();
  });

  it('turns properties into text like table cells', () => {
    expect(r.features[0]?.properties).toEqual({
      code: 'HY-01',
      name_th: 'ถนนนิพัทธ์อุทิศ 3',
      name_en: 'Niphat Uthit 3 Road',
      station: 'สภ.หาดใหญ่',
      start_date: '2022-10-01',
      population: '8200',
      area_km2: '',
      kind: 'economic',
      tourist: 'true',
      tags: '["night","market"]',
    });
  });

  it('names the feature without geometry', () => {
    expect(r.problems).toEqual([expect.objectContaining({ code: 'no_geometry', severity: 'error', feature: 3 })]);
  });

  it('hands geometry over for validation: ok, MultiPolygon with altitude, lat/lon swapped', () => {
    const [a, b, d] = r.features.map((f) => validateGeometry(f.geometry));
    expect(a?.ok).toBe(true);
    expect(b?.ok && b.geometry.type).toBe('MultiPolygon');
    expect(b?.ok && b.geometry.coordinates[0]?.[0]?.[0]).toEqual([100.477, 7.006]);
    expect(d?.ok === false && d.problems[0]?.code).toBe('latlon_swapped');
  });
});

describe('parseGeoJson: other shapes and errors', () => {
  const feature = {
    type: 'Feature',
    properties: { code: 'X' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [100, 13],
          [100.01, 13],
          [100.01, 13.01],
          [100, 13],
        ],
      ],
    },
  };

  it('a single Feature, or an already parsed object, or a BOM', () => {
    const one = parseGeoJson(JSON.stringify(feature));
    expect(one.ok && one.features.map((f) => [f.index, f.properties.code])).toEqual([[1, 'X']]);
    const parsed = parseGeoJson({ type: 'FeatureCollection', features: [feature] });
    expect(parsed.ok && parsed.features).toHaveLength(1);
    const bom = parseGeoJson(`\uFEFF${JSON.stringify(feature)}`);
    expect(bom.ok).toBe(true);
  });

  it('properties: null is allowed; a non-object is a feature error', () => {
    const r = parseGeoJson({
      type: 'FeatureCollection',
      features: [
        { ...feature, properties: null },
        { ...feature, properties: 'x' },
        { type: 'Polygon', coordinates: [] },
        null,
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.features.map((f) => f.index)).toEqual([1]);
    expect(r.features[0]?.properties).toEqual({});
    expect(r.problems.map((p) => [p.code, p.feature])).toEqual([
      ['bad_feature', 2],
      ['bad_feature', 3],
      ['bad_feature', 4],
    ]);
  });

  it('invalid JSON reports its line', () => {
    const r = parseGeoJson('{\n  "type": "FeatureCollection",\n  "features": [\n    { "type": "Feature", }\n  ]\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ code: 'invalid_json', feature: null, line: 4 });
    expect(r.problems[0]?.en).toContain('line 4');
    expect(fatalCode('')).toBe('invalid_json');
  });

  it('rejects non-GeoJSON roots, bare geometries and empty collections', () => {
    expect(fatalCode('[1, 2]')).toBe('not_geojson');
    expect(fatalCode('"zones"')).toBe('not_geojson');
    expect(fatalCode(JSON.stringify(feature.geometry))).toBe('not_geojson');
    expect(fatalCode({ type: 'FeatureCollection' })).toBe('not_geojson');
    expect(fatalCode({ type: 'FeatureCollection', features: [] })).toBe('no_features');
  });

  it('accepts a WGS84 crs member and refuses a projected one (UTM 47N)', () => {
    const named = (name: string) => ({ type: 'name', properties: { name } });
    for (const ok of ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326', 'urn:ogc:def:crs:EPSG::4326']) {
      expect(parseGeoJson({ type: 'FeatureCollection', crs: named(ok), features: [feature] }).ok).toBe(true);
    }
    const r = parseGeoJson({
      type: 'FeatureCollection',
      crs: named('urn:ogc:def:crs:EPSG::32647'),
      features: [feature],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]?.code).toBe('unsupported_crs');
    expect(r.problems[0]?.en).toContain('EPSG::32647');
  });
});
