/**
 * The import screen's choices (kind, whole-file values, encoding, sheet, codebook, column and
 * offence mappings, force) and the `options` they become for POST /api/imports/preview and
 * /commit. Pure.
 */
import { type Encoding, SAMPLE_TYPES, type SampleType, usesWholeFile } from '../../../server/contracts/imports.ts';
import type { ImportKind, ImportOptions, SavedMapping } from '../../api/types.ts';

/**
 * The kinds (server/contracts/imports.ts) in the order the programme's data usually arrives:
 * registry first, then cases and surveys.
 */
export const IMPORT_KINDS = [
  'stations',
  'zones',
  'partners',
  'incidents',
  'monthly_counts',
  'survey',
  'problems',
] as const satisfies readonly ImportKind[];

/** Kinds whose offence labels may need a group chosen. */
const OFFENCE_KINDS: ReadonlySet<ImportKind> = new Set(['incidents', 'monthly_counts']);

export type ColumnChoice = string | number | null;

export interface ImportForm {
  kind: ImportKind;
  station: string;
  zone: string;
  wave: string;
  sampleType: '' | SampleType;
  /** The encodings the screen offers (the API and the command line also take TIS-620). */
  encoding: '' | Exclude<Encoding, 'tis-620'>;
  /** XLSX sheet name, or '' for the first sheet. */
  sheet: string;
  /** An uploaded codebook (survey), or null for the standard Thai 5-point items. */
  codebook: { name: string; text: string } | null;
  /** A saved mapping in use as saved (any change to the columns turns it into `columns`). */
  mappingName: string | null;
  /** The user's column choices: canonical -> header (or 0-based index), or null = not from any column. */
  columns: Record<string, ColumnChoice>;
  /** Offence labels the registry does not know -> group 1-4. */
  offenceMap: Record<string, number>;
  /** Import even though the same file was imported before. */
  force: boolean;
}

export function emptyImportForm(kind: ImportKind): ImportForm {
  return {
    kind,
    station: '',
    zone: '',
    wave: '',
    sampleType: '',
    encoding: '',
    sheet: '',
    codebook: null,
    mappingName: null,
    columns: {},
    offenceMap: {},
    force: false,
  };
}

/** Another kind: columns, mappings and kind-specific values no longer apply; the file choices stay. */
export function changeKind(form: ImportForm, kind: ImportKind): ImportForm {
  if (kind === form.kind) return form;
  return { ...emptyImportForm(kind), encoding: form.encoding, sheet: form.sheet };
}

/** What the server is sent; blank choices are left out so the server's detection applies. */
export function buildImportOptions(form: ImportForm): ImportOptions {
  const options: ImportOptions = {};
  const text = (s: string) => s.trim();
  if (usesWholeFile(form.kind, 'station') && text(form.station)) options.station = text(form.station);
  if (usesWholeFile(form.kind, 'zone') && text(form.zone)) options.zone = text(form.zone);
  if (usesWholeFile(form.kind, 'wave') && text(form.wave)) options.wave = text(form.wave);
  if (usesWholeFile(form.kind, 'sample_type') && form.sampleType) options.sampleType = form.sampleType;
  if (form.encoding) options.encoding = form.encoding;
  if (text(form.sheet)) options.sheet = text(form.sheet);
  if (form.kind === 'survey' && form.codebook) options.codebook = form.codebook.text;
  if (form.mappingName) options.mapping = form.mappingName;
  else if (Object.keys(form.columns).length > 0) options.mapping = { ...form.columns };
  if (OFFENCE_KINDS.has(form.kind) && Object.keys(form.offenceMap).length > 0)
    options.offenceMap = { ...form.offenceMap };
  if (form.force) options.force = true;
  return options;
}

/** The key of a preview request: when it changes, the preview on screen is out of date. */
export function previewKey(form: ImportForm): string {
  return JSON.stringify({ kind: form.kind, options: buildImportOptions(form) });
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A saved mapping chosen from the list: its columns, and its options under the form's blanks. */
export function applySavedMapping(
  form: ImportForm,
  saved: Pick<SavedMapping, 'name' | 'columns' | 'options'>,
): ImportForm {
  const o = saved.options;
  const encoding = str(o.encoding);
  const sampleType = str(o.sampleType);
  const offenceMap: Record<string, number> = { ...form.offenceMap };
  if (o.offenceMap && typeof o.offenceMap === 'object' && !Array.isArray(o.offenceMap)) {
    for (const [label, group] of Object.entries(o.offenceMap)) {
      if (typeof group === 'number' && !(label in offenceMap)) offenceMap[label] = group;
    }
  }
  return {
    ...form,
    mappingName: saved.name,
    columns: { ...saved.columns },
    station: form.station || str(o.station),
    zone: form.zone || str(o.zone),
    wave: form.wave || str(o.wave),
    sampleType:
      form.sampleType || ((SAMPLE_TYPES as readonly string[]).includes(sampleType) ? (sampleType as SampleType) : ''),
    encoding: form.encoding || (encoding === 'utf-8' || encoding === 'windows-874' ? encoding : ''),
    sheet: form.sheet || (typeof o.sheet === 'number' ? String(o.sheet) : str(o.sheet)),
    offenceMap,
  };
}

/** The options stored with a saved mapping (the server refuses `mapping` and `force` there). */
export function mappingOptions(form: ImportForm): Omit<ImportOptions, 'mapping' | 'force'> {
  const { mapping: _mapping, force: _force, ...rest } = buildImportOptions(form);
  return rest;
}

export function setOffenceGroup(form: ImportForm, label: string, group: number | null): ImportForm {
  const offenceMap = { ...form.offenceMap };
  if (group === null) delete offenceMap[label];
  else offenceMap[label] = group;
  return { ...form, offenceMap };
}

/** Accepted file types, for the file picker. */
export const ACCEPT: Record<ImportKind, string> = {
  stations: '.csv,.xlsx,.parquet,text/csv',
  zones: '.geojson,.json,.kml,application/geo+json,application/vnd.google-earth.kml+xml',
  partners: '.csv,.xlsx,.parquet,text/csv',
  incidents: '.csv,.xlsx,.parquet,text/csv',
  monthly_counts: '.csv,.xlsx,.parquet,text/csv',
  survey: '.csv,.xlsx,.parquet,text/csv',
  problems: '.csv,.xlsx,.parquet,text/csv',
};
