/**
 * The import options' choices and defaults, shared by the server (server/importers/schemas.ts
 * validates the API and the command line with them) and the import screen
 * (web/features/imports/import-form.ts). Pure.
 */

export const IMPORT_KINDS = [
  'incidents',
  'monthly_counts',
  'survey',
  'stations',
  'zones',
  'partners',
  'problems',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Columns the import screen, the API and the command line may give one value for the whole file. */
export type WholeFileField = 'station' | 'zone' | 'wave' | 'sample_type';

/** Which whole-file values each kind takes instead of a column. */
const WHOLE_FILE_FIELDS: Record<ImportKind, readonly WholeFileField[]> = {
  stations: [],
  zones: ['station'],
  partners: ['zone', 'station'],
  incidents: ['station'],
  monthly_counts: ['station'],
  survey: ['zone', 'wave', 'sample_type'],
  problems: ['zone', 'station'],
};

export function usesWholeFile(kind: ImportKind, field: string): field is WholeFileField {
  return (WHOLE_FILE_FIELDS[kind] as readonly string[]).includes(field);
}

/** Text encodings a CSV may be read as (detected when not chosen). */
export const ENCODINGS = ['utf-8', 'windows-874', 'tis-620'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** How survey respondents were chosen; opt-in answers are never pooled with a probability sample unless set. */
export const SAMPLE_TYPES = ['probability', 'opt_in'] as const;
export type SampleType = (typeof SAMPLE_TYPES)[number];
/** A survey file with neither a sample-type column nor a whole-file choice. */
export const DEFAULT_SAMPLE_TYPE: SampleType = 'probability';

/** Offence group numbering: today's four groups, or the five-group scheme of older files. */
export const GROUP_SCHEMES = ['current4', 'legacy5'] as const;
export type GroupScheme = (typeof GROUP_SCHEMES)[number];
export const DEFAULT_GROUP_SCHEME: GroupScheme = 'current4';

/** Day-month or month-day order for ambiguous slash dates (day first unless told). */
export const DATE_ORDERS = ['dmy', 'mdy'] as const;

/** An unknown offence label may be mapped to one of the current groups. */
export const OFFENCE_GROUP_RANGE = { min: 1, max: 4 } as const;

/** Buffer ring around a zone for incident assignment, metres. */
export const RING_METERS_RANGE = { min: 0, max: 10_000 } as const;
