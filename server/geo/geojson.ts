/**
 * GeoJSON zones: a FeatureCollection, or a single Feature (RFC 7946; WGS84 lon/lat).
 *
 * File-level errors (ok: false): invalid JSON (with its line and column when the engine reports
 * a position), a root that is neither a FeatureCollection nor a Feature, a legacy `crs` member
 * naming anything other than WGS84 lon/lat (CRS84 / EPSG:4326) - e.g. EPSG:32647 (UTM 47N, common
 * in Thai GIS exports) - and a collection with no feature.
 * Feature-level errors name the 1-based feature index: not a Feature object, geometry missing or
 * null. Geometry content is checked later by `validateGeometry`.
 */
import { type GeoFeature, type GeoParseProblem, type GeoParseResult, problem } from './features.ts';

function fatal(code: GeoParseProblem['code'], th: string, en: string, line?: number): GeoParseResult {
  return { ok: false, problems: [problem(code, 'error', null, line, { th, en })] };
}

/** Line / column of a JSON.parse error, from "at position N" or "(line L column C)" in V8's message. */
function errorPosition(message: string, text: string): { line: number; column: number } | null {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const at = /position (\d+)/.exec(message);
  if (!at) return null;
  const offset = Math.min(Number(at[1]), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** A property value as table-cell text. */
function propertyToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const WGS84_CRS = /(CRS84\b|EPSG:{1,2}(?:[\d.]*:)?4326\b)/i;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Parses GeoJSON text (a UTF-8 BOM is skipped) or an already parsed value. Never throws. */
export function parseGeoJson(input: unknown): GeoParseResult {
  let doc: unknown = input;
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.trim() === '') return fatal('invalid_json', 'ไฟล์ว่าง', 'The file is empty');
    try {
      doc = JSON.parse(text);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const at = errorPosition(message, text);
      return fatal(
        'invalid_json',
        `ไฟล์ไม่ใช่ JSON ที่ถูกต้อง${at ? ` (บรรทัด ${at.line} ตำแหน่งที่ ${at.column})` : ''}: ${message}`,
        `The file is not valid JSON${at ? ` (line ${at.line}, column ${at.column})` : ''}: ${message}`,
        at?.line,
      );
    }
  }
  if (!isObject(doc)) {
    return fatal(
      'not_geojson',
      'ไม่ใช่ GeoJSON: ต้องเป็น FeatureCollection หรือ Feature',
      'Not GeoJSON: expected a FeatureCollection or a Feature',
    );
  }
  const crs = doc.crs;
  if (crs !== undefined && crs !== null) {
    const name = isObject(crs) && isObject(crs.properties) ? crs.properties.name : undefined;
    if (typeof name !== 'string' || !WGS84_CRS.test(name)) {
      const shown = typeof name === 'string' ? name : JSON.stringify(crs);
      return fatal(
        'unsupported_crs',
        `ระบบพิกัดของไฟล์คือ ${shown} ซึ่งไม่รองรับ กรุณาส่งออกเป็น WGS84 (EPSG:4326) ลองจิจูด/ละติจูด`,
        `The file's coordinate system is ${shown}, which is not supported; export it as WGS84 (EPSG:4326) lon/lat`,
      );
    }
  }
  let rawFeatures: unknown[];
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) {
      return fatal(
        'not_geojson',
        'FeatureCollection ไม่มีรายการ features',
        'The FeatureCollection has no "features" array',
      );
    }
    rawFeatures = doc.features;
  } else if (doc.type === 'Feature') {
    rawFeatures = [doc];
  } else {
    const t = typeof doc.type === 'string' ? doc.type : 'ไม่ระบุ';
    const te = typeof doc.type === 'string' ? doc.type : 'none';
    return fatal(
      'not_geojson',
      `GeoJSON ชนิด ${t} ใช้ไม่ได้: ต้องเป็น FeatureCollection หรือ Feature ที่มีข้อมูลของแต่ละพื้นที่`,
      `GeoJSON of type ${te} is not accepted: expected a FeatureCollection or a Feature carrying each zone's properties`,
    );
  }
  if (rawFeatures.length === 0) return fatal('no_features', 'ไม่มีพื้นที่ (feature) ในไฟล์', 'The file has no feature');

  const features: GeoFeature[] = [];
  const problems: GeoParseProblem[] = [];
  rawFeatures.forEach((f, i) => {
    const index = i + 1;
    if (!isObject(f) || f.type !== 'Feature') {
      problems.push(
        problem('bad_feature', 'error', index, undefined, {
          th: 'รายการนี้ไม่ใช่ Feature ของ GeoJSON (ต้องมี "type": "Feature")',
          en: 'This item is not a GeoJSON Feature (it needs "type": "Feature")',
        }),
      );
      return;
    }
    if (f.geometry === null || f.geometry === undefined) {
      problems.push(
        problem('no_geometry', 'error', index, undefined, {
          th: 'Feature นี้ไม่มีรูปทรง (geometry)',
          en: 'This Feature has no geometry',
        }),
      );
      return;
    }
    const properties: Record<string, string> = {};
    if (isObject(f.properties)) {
      for (const [k, v] of Object.entries(f.properties)) properties[k] = propertyToText(v);
    } else if (f.properties !== null && f.properties !== undefined) {
      problems.push(
        problem('bad_feature', 'error', index, undefined, {
          th: '"properties" ของ Feature นี้ต้องเป็นออบเจ็กต์',
          en: 'The "properties" of this Feature must be an object',
        }),
      );
      return;
    }
    const id = typeof f.id === 'string' || typeof f.id === 'number' ? String(f.id) : null;
    features.push({ index, id, properties, geometry: f.geometry });
  });
  return { ok: true, features, problems };
}
