/**
 * Zone files (GeoJSON, KML, KMZ) from bytes to parsed features, with the limits that keep a
 * hostile file a refusal: KMZ through zip.ts's size checks; GeoJSON nesting deeper than
 * `maxJsonDepth` refused before JSON.parse builds it; more features or coordinate positions than
 * the limits refused before the geometry is validated (validation is quadratic in a ring's size).
 * KML's own XML checks (DOCTYPE/ENTITY, nesting) are in server/geo/kml.ts.
 *
 * Throws FatalImportError for file-level refusals; parse problems come back in the result.
 */
import type { GeoFeature, GeoParseResult } from '../../geo/features.ts';
import { parseGeoJson } from '../../geo/geojson.ts';
import { parseKml } from '../../geo/kml.ts';
import { FatalImportError, issue } from '../issues.ts';
import type { FileFormat } from './detect.ts';
import { DEFAULT_ZIP_LIMITS, ZipArchive, ZipError, type ZipLimits } from './zip.ts';

export interface ShapeLimits {
  /** Deepest [ / { nesting in a GeoJSON file (a MultiPolygon inside a collection is 8 deep). */
  maxJsonDepth: number;
  maxFeatures: number;
  /** Coordinate positions in one feature, and in the whole file. */
  maxFeaturePositions: number;
  maxPositions: number;
}

export const DEFAULT_SHAPE_LIMITS: ShapeLimits = {
  maxJsonDepth: 64,
  maxFeatures: 100_000,
  maxFeaturePositions: 1_000_000,
  maxPositions: 5_000_000,
};

const n = (x: number): string => x.toLocaleString('en-US');

/** Deepest array / object nesting of JSON text (strings skipped); stops counting past `limit`. */
function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < len; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** Coordinate positions under a GeoJSON geometry (any type; nesting already bounded). */
function positionsOf(geometry: unknown, stopAt: number): number {
  if (typeof geometry !== 'object' || geometry === null) return 0;
  const g = geometry as { coordinates?: unknown; geometries?: unknown };
  let count = 0;
  const walk = (x: unknown): void => {
    if (count > stopAt || !Array.isArray(x)) return;
    if (x.length > 0 && typeof x[0] === 'number') {
      count++;
      return;
    }
    for (const y of x) walk(y);
  };
  walk(g.coordinates);
  if (Array.isArray(g.geometries)) for (const sub of g.geometries) count += positionsOf(sub, stopAt - count);
  return count;
}

function tooComplex(file: string, th: string, en: string): FatalImportError {
  return new FatalImportError(issue('geo_too_complex', { file }, { reason: { th, en } }));
}

/** Throws when the features are more, or bigger, than the limits. */
function checkSizes(file: string, features: readonly GeoFeature[], limits: ShapeLimits): void {
  if (features.length > limits.maxFeatures) {
    throw tooComplex(
      file,
      `มี ${n(features.length)} พื้นที่ (สูงสุด ${n(limits.maxFeatures)})`,
      `it has ${n(features.length)} features (at most ${n(limits.maxFeatures)})`,
    );
  }
  let total = 0;
  for (const f of features) {
    const count = positionsOf(f.geometry, limits.maxFeaturePositions);
    if (count > limits.maxFeaturePositions) {
      throw tooComplex(
        file,
        `พื้นที่ลำดับที่ ${f.index} มีจุดพิกัดเกิน ${n(limits.maxFeaturePositions)} จุด`,
        `feature ${f.index} has more than ${n(limits.maxFeaturePositions)} coordinate positions`,
      );
    }
    total += count;
    if (total > limits.maxPositions) {
      throw tooComplex(
        file,
        `ทั้งไฟล์มีจุดพิกัดเกิน ${n(limits.maxPositions)} จุด`,
        `the file has more than ${n(limits.maxPositions)} coordinate positions`,
      );
    }
  }
}

async function kmlOfKmz(bytes: Uint8Array, file: string, limits: ZipLimits): Promise<string> {
  let archive: ZipArchive | null = null;
  try {
    archive = await ZipArchive.open(bytes, limits);
    const entries = archive.entries;
    const kml =
      entries.find((e) => e.name.toLowerCase() === 'doc.kml') ??
      entries.find((e) => e.name.toLowerCase().endsWith('.kml'));
    if (kml === undefined)
      throw new FatalImportError(
        issue('file_type_mismatch', { file }, { extension: 'kmz', actual: 'a ZIP archive without a .kml file' }),
      );
    return new TextDecoder().decode(await archive.read(kml.name));
  } catch (error) {
    if (error instanceof ZipError) {
      throw new FatalImportError(
        error.bomb
          ? issue('zip_bomb', { file }, { detail: error.message })
          : issue('unreadable_file', { file }, { format: 'KMZ', detail: error.message }),
      );
    }
    throw error;
  } finally {
    archive?.close();
  }
}

/** Parses a GeoJSON / KML / KMZ file. Throws FatalImportError for a refused file. */
export async function readShapes(
  bytes: Uint8Array,
  file: string,
  format: FileFormat,
  zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS,
  limits: ShapeLimits = DEFAULT_SHAPE_LIMITS,
): Promise<GeoParseResult> {
  const text = format === 'kmz' ? await kmlOfKmz(bytes, file, zipLimits) : new TextDecoder().decode(bytes);
  if (format === 'geojson') {
    const depth = jsonDepth(text, limits.maxJsonDepth);
    if (depth > limits.maxJsonDepth) {
      throw tooComplex(
        file,
        `โครงสร้าง JSON ซ้อนกันลึกเกิน ${limits.maxJsonDepth} ชั้น`,
        `its JSON nests deeper than ${limits.maxJsonDepth} levels`,
      );
    }
  }
  const parsed = format === 'geojson' ? parseGeoJson(text) : parseKml(text);
  if (parsed.ok) checkSizes(file, parsed.features, limits);
  return parsed;
}
