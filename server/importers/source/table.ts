/**
 * One shape for every table format: a header row and data rows with their row numbers
 * (CSV streamed from disk, XLSX one sheet; Parquet in parquet.ts). File-level problems become
 * issues. The CSV and XLSX readers here run in the parse child (parse-child.ts, isolated.ts).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { DETECTION_SAMPLE_BYTES } from '../parse/csv-file.ts';
import { type CsvDelimiter, CsvParser } from '../parse/csv.ts';
import {
  createChunkDecoder,
  detectEncodingDetailed,
  detectUtf16Bom,
  type EncodingOverride,
} from '../parse/encoding.ts';
import { FatalImportError, type Issue, issue, type Issues } from '../issues.ts';

/** Where a reader puts the issues it finds (the pipeline's Issues, or the parse child's outbox). */
export type IssueSink = Pick<Issues, 'add'>;
import type { Cell } from '../values.ts';
import { readXlsx, XlsxError } from './xlsx.ts';
import { DEFAULT_SHEET_LIMITS, type SheetShapeProblem } from './xlsx-shape.ts';
import type { ZipLimits } from './zip.ts';

export interface TableRow {
  /** Row number as the user sees it (header = 1 when it is the first row). */
  row: number;
  /** CSV: physical line where the record starts. */
  line?: number;
  /** Cell values in column order (the name parse/csv.ts records use, so CSV rows pass as they are). */
  fields: Cell[];
}

export interface SourceMeta {
  encoding?: string;
  encodingDetected?: boolean;
  delimiter?: string;
  sheet?: string;
  sheets?: string[];
}

export interface TableInput {
  header: string[];
  headerRow: number;
  meta: SourceMeta;
  /** Data rows in batches; may be iterated once. */
  rows: AsyncIterable<TableRow[]>;
  /** How much of the source the batches handed out so far cover, 0..1 (streams drain before the end by it). */
  fractionRead(): number;
  /** Lets go of what reads the source when the rows will not all be pulled (a no-op once they were). */
  close?(): void;
}

export interface LoadedFile {
  name: string;
  size: number;
  path?: string;
  bytes?: Uint8Array;
}

export interface TableOptions {
  encoding?: EncodingOverride;
  delimiter?: CsvDelimiter;
  sheet?: string | number;
  zipLimits?: ZipLimits;
}

/**
 * Bytes per read of an import file. 64 KiB, not 1 MiB: a buffer, its decoded text and the batch
 * sent to the server then stay under the allocators' large-block size, so their memory is reused
 * instead of mapped and faulted in afresh each time. Measured on the 1M-row bench file, in the
 * parse child: page faults 120,000 -> 40,000 a run, its CPU 6.3 s -> 2.3 s, and the server's CPU
 * for taking the batches 2.5 s -> 1.0 s (32 KiB and 128 KiB were both slower).
 */
export const READ_CHUNK_BYTES = 1 << 16;

async function* chunksOf(file: LoadedFile): AsyncGenerator<Uint8Array> {
  if (file.bytes !== undefined) {
    for (let at = 0; at < file.bytes.length; at += READ_CHUNK_BYTES)
      yield file.bytes.subarray(at, at + READ_CHUNK_BYTES);
    return;
  }
  if (file.path === undefined) return;
  for await (const chunk of createReadStream(file.path, { highWaterMark: READ_CHUNK_BYTES })) yield chunk as Buffer;
}

/** A CSV / XLSX parse issue with the pipeline's severity rules applied. */
function csvIssue(i: Issue, encodingChosen: boolean): Issue {
  // Undecodable bytes under a DETECTED encoding mean the guess may be wrong: block, and let
  // the user choose the encoding. Under a chosen encoding they are the user's call: a warning.
  if (i.code === 'encoding_replacement' && !encodingChosen) return { ...i, severity: 'error' };
  return i;
}

const ENCODING_NAMES: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  'windows-874': 'Windows-874',
  'tis-620': 'TIS-620',
};

/**
 * CSV streamed from disk (or memory) in 64 KiB chunks: encoding detected on the first 64 KiB (or
 * the user's choice), decoded incrementally, parsed by parse/csv.ts, rows handed on in batches
 * (one await per chunk, not per row: a million rows stay fast).
 */
async function openCsv(file: LoadedFile, options: TableOptions, issues: IssueSink): Promise<TableInput | null> {
  const encodingChosen = options.encoding !== undefined;
  const where = { file: file.name };
  const source = chunksOf(file)[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let exhausted = false;
  while (headBytes < DETECTION_SAMPLE_BYTES) {
    const next = await source.next();
    if (next.done === true) {
      exhausted = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const sample = head.length === 1 ? (head[0] as Uint8Array) : Buffer.concat(head);
  let bytesRead = headBytes;
  const utf16 = detectUtf16Bom(sample);
  if (utf16 !== null) {
    issues.add(issue('unsupported_encoding', where, { encoding: utf16.toUpperCase() }));
    return null;
  }
  const detection = options.encoding === undefined ? detectEncodingDetailed(sample, { truncated: !exhausted }) : null;
  const encoding = options.encoding ?? (detection as NonNullable<typeof detection>).encoding;
  const meta: SourceMeta = {
    encoding: encoding === 'utf-8-bom' ? 'utf-8' : encoding,
    encodingDetected: detection !== null,
  };
  const decoder = createChunkDecoder(encoding);

  let header: { fields: string[]; row: number } | null = null;
  let batch: TableRow[] = [];
  const parser = new CsvParser(
    {
      onHeader: (h, d) => {
        header = { fields: h.fields, row: h.row };
        meta.delimiter = d;
      },
      onRow: (r) => batch.push(r),
      onIssue: (i) => issues.add(csvIssue(i, encodingChosen)),
    },
    {
      file: file.name,
      allowTrailingEmptyFields: true,
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    },
  );
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    parser.push(decoder.end());
    parser.end();
    if (decoder.replacements > 0) {
      issues.add(
        csvIssue(
          issue('encoding_replacement', where, {
            count: decoder.replacements,
            encoding: ENCODING_NAMES[encoding] ?? encoding,
          }),
          encodingChosen,
        ),
      );
    }
  };
  parser.push(decoder.decode(sample));
  while (header === null && !exhausted) {
    const next = await source.next();
    if (next.done === true) exhausted = true;
    else parser.push(decoder.decode(next.value));
  }
  // A file with no line break ends inside its header: only the end completes it.
  if (header === null) finish();
  if (header === null) return null;
  const h = header as { fields: string[]; row: number };
  async function* rows(): AsyncGenerator<TableRow[]> {
    if (batch.length > 0) {
      const out = batch;
      batch = [];
      yield out;
    }
    while (!exhausted) {
      const next = await source.next();
      if (next.done === true) break;
      bytesRead += next.value.length;
      parser.push(decoder.decode(next.value));
      if (batch.length > 0) {
        const out = batch;
        batch = [];
        yield out;
      }
    }
    finish();
    if (batch.length > 0) yield batch;
  }
  return {
    header: h.fields,
    headerRow: h.row,
    meta,
    rows: rows(),
    fractionRead: () => (file.size <= 0 ? 1 : Math.min(1, bytesRead / file.size)),
  };
}

function isBlankRow(cells: readonly Cell[]): boolean {
  for (const c of cells) if (c !== null && !(typeof c === 'string' && c.trim() === '')) return false;
  return true;
}

/** An impossible sheet shape as an issue at its row and column (file level when it has none). */
function shapeIssue(file: string, p: SheetShapeProblem): Issue {
  const sheet = { maxRows: DEFAULT_SHEET_LIMITS.maxRows, maxColumns: DEFAULT_SHEET_LIMITS.maxColumns };
  switch (p.reason) {
    case 'cell_beyond_sheet':
      return issue(
        'cell_beyond_sheet',
        { file, row: p.row, column: p.column || null, value: p.ref },
        { ref: p.ref, ...sheet },
      );
    case 'column_beyond_import':
      return issue(
        'column_beyond_import',
        { file, row: p.row, column: p.column, value: p.ref },
        { ref: p.ref, maxColumns: DEFAULT_SHEET_LIMITS.maxImportColumns },
      );
    case 'dimension_beyond_sheet':
      return issue('dimension_beyond_sheet', { file, value: p.ref }, { ref: p.ref, ...sheet });
    case 'area_too_large':
      return issue(
        'sheet_area_too_large',
        { file },
        { rows: p.rows, columns: p.columns, maxCells: DEFAULT_SHEET_LIMITS.maxCells },
      );
    case 'shared_string_missing':
      return issue(
        'shared_string_missing',
        { file, row: p.row, column: p.column || null, value: p.index },
        { index: p.index, count: p.count },
      );
    case 'number_not_finite':
      return issue(
        'number_not_finite',
        { file, row: p.row, column: p.column || null, value: p.value },
        { value: p.value },
      );
  }
}

async function openXlsx(file: LoadedFile, options: TableOptions, issues: IssueSink): Promise<TableInput | null> {
  if (file.bytes === undefined) throw new Error('XLSX needs the bytes in memory');
  let sheetRows: Awaited<ReturnType<typeof readXlsx>>;
  try {
    sheetRows = await readXlsx(file.bytes, options.sheet, options.zipLimits);
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    const where = { file: file.name };
    if (error.kind === 'bomb') throw new FatalImportError(issue('zip_bomb', where, { detail: error.message }));
    if (error.kind === 'sheet_not_found') {
      throw new FatalImportError(
        issue(
          'sheet_not_found',
          { ...where, value: String(options.sheet) },
          { sheet: String(options.sheet), sheets: error.detail.sheets ?? [] },
        ),
      );
    }
    if (error.kind === 'not_workbook') {
      throw new FatalImportError(
        issue('file_type_mismatch', where, {
          extension: 'xlsx',
          actual: 'a ZIP archive that is not an Excel workbook',
        }),
      );
    }
    if (error.kind === 'shape' && error.detail.shape !== undefined)
      throw new FatalImportError(shapeIssue(file.name, error.detail.shape));
    if (error.kind === 'unsafe_xml' && error.detail.xml !== undefined) {
      const x = error.detail.xml;
      throw new FatalImportError(
        issue(
          'unsafe_xml',
          { ...where, line: x.line },
          { part: x.part, reason: x.reason, maxDepth: x.reason === 'depth' ? x.maxDepth : 0 },
        ),
      );
    }
    const row = error.detail.row ?? null;
    throw new FatalImportError(issue('unreadable_file', { ...where, row }, { format: 'XLSX', detail: error.message }));
  }
  const meta: SourceMeta = { sheet: sheetRows.sheet, sheets: sheetRows.sheets };
  const all = sheetRows.rows;
  let h = 0;
  while (h < all.length && isBlankRow(all[h] ?? [])) h++;
  if (h >= all.length) {
    issues.add(issue('empty_file', { file: file.name }));
    return null;
  }
  const header = (all[h] ?? []).map((c) => (c === null ? '' : String(c).trim()));
  // Trailing unnamed columns are not columns.
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const headerRow = h + 1;
  let handedOut = h + 1;
  async function* rows(): AsyncGenerator<TableRow[]> {
    let out: TableRow[] = [];
    for (let i = h + 1; i < all.length; i++) {
      const cells = all[i] ?? [];
      handedOut = i + 1;
      if (isBlankRow(cells)) continue;
      out.push({ row: i + 1, fields: cells });
      if (out.length >= 10_000) {
        yield out;
        out = [];
      }
    }
    handedOut = all.length;
    if (out.length > 0) yield out;
  }
  return {
    header,
    headerRow,
    meta,
    rows: rows(),
    fractionRead: () => (all.length === 0 ? 1 : handedOut / all.length),
  };
}

/**
 * Opens a CSV or XLSX file; null when it has no header (an issue says why). Throws
 * FatalImportError. Runs inside the parse child (parse-child.ts): the server reaches it through
 * isolated.ts, never directly.
 */
export async function openParsedTable(
  file: LoadedFile,
  format: 'csv' | 'xlsx',
  options: TableOptions,
  issues: IssueSink,
): Promise<TableInput | null> {
  if (format === 'csv') return openCsv(file, options, issues);
  if (file.bytes === undefined && file.path !== undefined) {
    const b = await readFile(file.path);
    return openXlsx({ ...file, bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength) }, options, issues);
  }
  return openXlsx(file, options, issues);
}
