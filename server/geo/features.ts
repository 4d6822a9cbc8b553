/**
 * What the zone file parsers (kml.ts, geojson.ts) return: features with string properties and a
 * geometry still to be checked by `validateGeometry`, plus structured, bilingual problems.
 *
 * `feature` follows the import ROW CONVENTION of server/importers/issues.ts: for GeoJSON /
 * KML it is the 1-based feature index (KML: Placemarks in document order, Folders flattened). It
 * maps directly to `ImportIssue.row`; `line` to `ImportIssue.line`.
 */
import type { GeoMessage } from './types.ts';

export interface GeoFeature<G = unknown> {
  /** 1-based index among the file's features (counting the ones rejected with an error). */
  readonly index: number;
  /** 1-based line where the feature starts (KML only: JSON.parse gives no positions). */
  readonly line?: number;
  /** GeoJSON Feature `id` / KML Placemark `id` attribute, as text; null when absent. */
  readonly id: string | null;
  /**
   * Properties as text, like the cells of a table row. GeoJSON: numbers as `String(n)`, booleans
   * `true` / `false`, null `""`, objects and arrays as JSON. KML: `name`, `description`, then
   * every ExtendedData `Data` (its `value`) and `SchemaData/SimpleData` by its `name` attribute
   * (these win over `name` / `description` when they use the same key); values trimmed.
   */
  readonly properties: Record<string, string>;
  /** Not validated yet: run `validateGeometry` on it. */
  readonly geometry: G;
  /** KML: names of the enclosing Folders, outermost first (My Maps layers). */
  readonly folders?: readonly string[];
}

export type GeoParseCode =
  // file level (ok: false)
  | 'invalid_json'
  | 'not_geojson'
  | 'unsupported_crs'
  | 'xml_syntax'
  | 'doctype_forbidden'
  | 'not_kml'
  | 'no_features'
  // feature level
  | 'bad_feature'
  | 'no_geometry'
  | 'no_polygon'
  | 'bad_coordinates'
  | 'ignored_geometry';

export interface GeoParseProblem extends GeoMessage {
  readonly code: GeoParseCode;
  /** 'error': the feature (or the file) is rejected; 'warning': the feature is kept. */
  readonly severity: 'error' | 'warning';
  /** 1-based feature index, or null for a problem with the whole file. */
  readonly feature: number | null;
  /** 1-based line in the file, when known. */
  readonly line?: number;
}

export type GeoParseResult<G = unknown> =
  | {
      readonly ok: true;
      /** Features without an error (warnings allowed). */
      readonly features: GeoFeature<G>[];
      /** Feature-level problems: errors name rejected features, warnings kept ones. */
      readonly problems: GeoParseProblem[];
    }
  | { readonly ok: false; readonly problems: GeoParseProblem[] };

export function problem(
  code: GeoParseCode,
  severity: 'error' | 'warning',
  feature: number | null,
  line: number | undefined,
  msg: GeoMessage,
): GeoParseProblem {
  const p: GeoParseProblem = { code, severity, feature, th: msg.th, en: msg.en };
  return line === undefined ? p : { ...p, line };
}
