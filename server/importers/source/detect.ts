/**
 * What a file really is: its name's extension checked against its first bytes, so a workbook
 * renamed .csv, a PDF named .xlsx or an old .xls gets a clear error instead of garbage rows.
 */
import type { ImportKind } from '../parse/headers.ts';

export type FileFormat = 'csv' | 'xlsx' | 'parquet' | 'geojson' | 'kml' | 'kmz';

/** What the bytes look like (before trusting the extension). */
export type Sniffed = 'zip' | 'parquet' | 'ole' | 'pdf' | 'json' | 'xml' | 'gzip' | 'binary' | 'text' | 'empty';

const EXTENSIONS: Readonly<Record<string, FileFormat>> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'csv',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  parquet: 'parquet',
  pq: 'parquet',
  geojson: 'geojson',
  json: 'geojson',
  kml: 'kml',
  kmz: 'kmz',
};

/** Human names of what the bytes are, for the mismatch message. */
const SNIFFED_NAMES: Readonly<Record<Sniffed, string>> = {
  zip: 'a ZIP archive (e.g. an Excel .xlsx workbook)',
  parquet: 'a Parquet table',
  ole: 'an old Excel 97-2003 (.xls) workbook or a password-protected file',
  pdf: 'a PDF document',
  json: 'JSON (e.g. GeoJSON)',
  xml: 'XML (e.g. KML)',
  gzip: 'a gzip-compressed file',
  binary: 'binary data, not text',
  text: 'plain text (e.g. CSV)',
  empty: 'empty',
};

function extensionOf(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/**
 * Sniffs the first bytes (a few KiB are enough). `tail` is the last 4 bytes when known
 * (Parquet ends with PAR1 too).
 */
function sniff(head: Uint8Array): Sniffed {
  if (head.length === 0) return 'empty';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return 'parquet';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  // UTF-16 text (Excel "Unicode text") is still text; the CSV decoder reports it clearly.
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return 'text';
  let i = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  const sample = head.subarray(0, Math.min(head.length, 8192));
  let control = 0;
  for (let k = i; k < sample.length; k++) {
    const b = sample[k] as number;
    if (b === 0) return 'binary';
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  if (control > Math.max(8, sample.length / 100)) return 'binary';
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  const c = head[i];
  if (c === 0x7b || c === 0x5b) return 'json';
  if (c === 0x3c) return 'xml';
  return 'text';
}

export type FormatDecision =
  | { ok: true; format: FileFormat }
  | { ok: false; reason: 'unsupported'; extension: string }
  | { ok: false; reason: 'mismatch'; extension: string; actual: string };

/**
 * The format to read the file as. The extension decides when it agrees with the bytes; a file
 * without a known extension is read as what its bytes say; a contradiction is an error.
 */
export function decideFormat(name: string, head: Uint8Array): FormatDecision {
  const extension = extensionOf(name);
  const byExt = EXTENSIONS[extension];
  const bytes = sniff(head);
  const mismatch = (): FormatDecision => ({
    ok: false,
    reason: 'mismatch',
    extension: extension || '?',
    actual: SNIFFED_NAMES[bytes],
  });
  if (byExt === undefined) {
    if (extension === 'xls') return { ok: false, reason: 'mismatch', extension, actual: SNIFFED_NAMES.ole };
    if (extension !== '') return { ok: false, reason: 'unsupported', extension };
    const guessed: Partial<Record<Sniffed, FileFormat>> = {
      zip: 'xlsx',
      parquet: 'parquet',
      json: 'geojson',
      xml: 'kml',
      text: 'csv',
    };
    const format = guessed[bytes];
    return format === undefined ? { ok: false, reason: 'unsupported', extension: '' } : { ok: true, format };
  }
  if (bytes === 'empty') return { ok: true, format: byExt };
  const fits: Readonly<Record<FileFormat, readonly Sniffed[]>> = {
    csv: ['text', 'json', 'xml'],
    xlsx: ['zip'],
    kmz: ['zip'],
    parquet: ['parquet'],
    geojson: ['json'],
    kml: ['xml'],
  };
  return fits[byExt].includes(bytes) ? { ok: true, format: byExt } : mismatch();
}

const TABLE_FORMATS: readonly FileFormat[] = ['csv', 'xlsx', 'parquet'];
const GEO_FORMATS: readonly FileFormat[] = ['geojson', 'kml', 'kmz'];

/** Zones come as shapes; everything else as tables. */
export function formatFitsKind(format: FileFormat, kind: ImportKind): boolean {
  return kind === 'zones' ? GEO_FORMATS.includes(format) : TABLE_FORMATS.includes(format);
}
