/**
 * The pipeline's public types: what every way in (HTTP, the SPA through HTTP, the command line)
 * passes to runImport and gets back. JSON-safe throughout, so the route returns them as they are
 * and the web client shares them with `import type`.
 */
import type { EncodingOverride } from './parse/encoding.ts';
import type { ImportKind } from './parse/headers.ts';
import type { Issue, IssueReport } from './issues.ts';
import type { FileFormat } from './source/detect.ts';

export type { ImportKind };
export { IMPORT_KINDS } from './parse/headers.ts';

/** canonical column -> header text as written in the file, 0-based column index, or null (leave unmapped). */
export type ColumnMapping = Record<string, string | number | null>;

/** Options of one import; everything optional. A saved mapping (by name) supplies defaults. */
export interface ImportOptions {
  /** Column mapping, or the name of a saved one. */
  mapping?: ColumnMapping | string;
  /** CSV text encoding; absent = detected. 'tis-620' decodes as Windows-874 (its superset). */
  encoding?: EncodingOverride;
  /** CSV delimiter; absent = detected on the header line. */
  delimiter?: ',' | ';' | '\t' | '|';
  /** XLSX sheet: name or 1-based number; absent = the first sheet. */
  sheet?: string | number;
  /** One station (code or any spelling of its name) for every row that has no station column. */
  station?: string;
  /** Survey / partners: one zone (code) for the whole file. */
  zone?: string;
  /** Survey: one wave label for the whole file. */
  wave?: string;
  /** Survey: sample type for the whole file. */
  sampleType?: 'probability' | 'opt_in';
  /** Survey codebook: JSON text or object (data-formats.md shape); absent = Thai 5-point default. */
  codebook?: unknown;
  /** Incidents / monthly counts: the scheme of group numbers in the file (default current4). */
  groupScheme?: 'current4' | 'legacy5';
  /** Offence labels the reference table does not know -> group number in the current scheme (1-4). */
  offenceMap?: Record<string, number>;
  /** Numeric dates: day first (Thai, default) or month first. */
  dateOrder?: 'dmy' | 'mdy';
  /** Import even though the same file (sha256 + kind) was imported before and not undone. */
  force?: boolean;
  /** Buffer ring width for incidents' ring assignment, metres (default 500). */
  ringMeters?: number;
}

export interface ImportFile {
  /** The name as uploaded (shown in history and issues). */
  name: string;
  /** Either the bytes, or a path to read them from (uploads are streamed to temp files). */
  bytes?: Uint8Array;
  path?: string;
}

export interface PreviewCell {
  /** As written in the file. */
  raw: string | null;
  /** As it will be stored (code, number, ISO date). */
  value: string | number | boolean | null;
  /** Dates: both eras, e.g. { ce: '2021-05-06 21:30', be: '6/5/2564 21:30' }. */
  ce?: string;
  be?: string;
}

export interface PreviewRow {
  /** Row number in the file (header = 1), or the feature number for GeoJSON / KML. */
  row: number;
  cells: Record<string, PreviewCell>;
}

export interface ImportCounts {
  /** Data rows read from the file (features for zones). */
  rowsRead: number;
  /** Rows that will be / were written, per table. */
  write: Record<string, number>;
  /** Rows left out on purpose (already imported, exact duplicates), with the reason in warnings. */
  skipped: number;
  /** Rows with at least one error. */
  rowsWithErrors: number;
  /** Survey: answers per item and status (valid, blank, missing, refused, dont_know, out_of_range). */
  answers?: Record<string, Record<string, number>>;
}

export interface UnknownOffenceType {
  /** The label as written in the file. */
  label: string;
  rows: number;
  firstRow: number;
}

export interface ImportPreview {
  kind: ImportKind;
  file: { name: string; bytes: number; sha256: string; format: FileFormat | null };
  /** CSV: the encoding used and how it was chosen; XLSX: the sheet and the workbook's sheets. */
  source: {
    encoding?: string;
    encodingDetected?: boolean;
    delimiter?: string;
    sheet?: string;
    sheets?: string[];
  };
  /** Header texts of the file, in order. */
  headers: string[];
  /** canonical -> header text it was matched to (after aliases and the user's mapping). */
  mapping: Record<string, string>;
  /** Canonical columns of this kind: what the mapping screen offers. */
  fields: { canonical: string; required: boolean; fileDefault: boolean }[];
  /** Headers that match no canonical column: kept aside, not an error. */
  extraColumns: string[];
  /** Columns that still need the user (required and missing, or matched twice). */
  unmapped: { missing: string[]; ambiguous: { canonical: string; headers: string[] }[] };
  /** The first rows as they will be stored. */
  rows: PreviewRow[];
  /** The first data rows exactly as in the file (under `headers`), for the column-mapping screen. */
  sample: { row: number; cells: (string | null)[] }[];
  counts: ImportCounts;
  /** Offence labels to map before the import can go on (incidents, monthly counts). */
  unknownOffenceTypes: UnknownOffenceType[];
  /** Survey: how each distinct answer text was read, per item (the preview's label -> level). */
  answerLabels: Record<string, AnswerLabel[]>;
  /** Stations the rows belong to (codes). */
  stations: string[];
  /** Imports of the same file (sha256 and kind) that are committed and not undone. */
  previousImports: { id: number; at: string; by: string }[];
}

export interface ImportResult {
  /** True when committed (or, for a dry run, when it would commit). */
  ok: boolean;
  dryRun: boolean;
  importId: number | null;
  preview: ImportPreview;
  counts: ImportCounts;
  errors: readonly Issue[];
  warnings: readonly Issue[];
  /** Totals: the lists above are capped, these are not. */
  errorCount: number;
  warningCount: number;
  truncated: boolean;
  byCode: IssueReport['byCode'];
  durationMs: number;
  /** Where the time went: reading and checking rows, what needs all rows, the transaction. */
  timings: { readMs: number; checkMs: number; writeMs: number };
}

/** One answer text of a survey file and what it was read as. */
export interface AnswerLabel {
  label: string;
  /** The level, or why it is not a valid answer (blank, dont_know, refused, missing, out_of_range). */
  reading: number | string;
  rows: number;
  /** Excel-style row of its first appearance. */
  firstRow: number;
}
