/**
 * One shape for every table format: a header row and data rows with their row numbers
 * (CSV streamed from disk, XLSX one sheet, Parquet the whole table). File-level problems become
 * issues; nothing here throws on bad input.
 */
import { createReadStream } from 'node:fs';
import { iterateCsvFile } from '../parse/csv-file.ts';
import type { CsvDelimiter } from '../parse/csv.ts';
import type { EncodingOverride } from '../parse/encoding.ts';
import { type ImportIssue, makeIssue } from '../parse/errors.ts';
import { FatalImportError, type Issue, issue, type Issues } from '../issues.ts';
import type { Cell } from '../values.ts';
import type { FileFormat } from './detect.ts';
import { readParquet } from './parquet.ts';
import { readXlsx, XlsxError } from './xlsx.ts';
import type { ZipLimits } from './zip.ts';

export interface TableRow {
  /** Row number as the user sees it (header = 1 when it is the first row). */
  row: number;
  /** CSV: physical line where the record starts. */
  line?: number;
  cells: Cell[];
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
  /** Data rows; may be iterated once. */
  rows: AsyncIterable<TableRow>;
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

const CHUNK = 1 << 20;

async function* chunksOf(file: LoadedFile): AsyncGenerator<Uint8Array> {
  if (file.bytes !== undefined) {
    for (let at = 0; at < file.bytes.length; at += CHUNK) yield file.bytes.subarray(at, at + CHUNK);
    return;
  }
  if (file.path === undefined) return;
  for await (const chunk of createReadStream(file.path, { highWaterMark: CHUNK })) yield chunk as Buffer;
}

/** A CSV / XLSX parse issue with the pipeline's severity rules applied. */
function csvIssue(i: ImportIssue, encodingChosen: boolean): Issue | ImportIssue {
  // Undecodable bytes under a DETECTED encoding mean the guess may be wrong: block, and let
  // the user choose the encoding. Under a chosen encoding they are the user's call: a warning.
  if (i.code === 'encoding_replacement' && !encodingChosen) return { ...i, severity: 'error' };
  return i;
}

async function openCsv(file: LoadedFile, options: TableOptions, issues: Issues): Promise<TableInput | null> {
  const encodingChosen = options.encoding !== undefined;
  const events = iterateCsvFile(chunksOf(file), {
    file: file.name,
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    allowTrailingEmptyFields: true,
  });
  const meta: SourceMeta = {};
  // Pull events until the header shows up.
  for (;;) {
    const step = await events.next();
    if (step.done === true) return null;
    const e = step.value;
    if (e.type === 'encoding') {
      meta.encoding = e.encoding === 'utf-8-bom' ? 'utf-8' : e.encoding;
      meta.encodingDetected = e.detection !== null;
    } else if (e.type === 'issue') issues.add(csvIssue(e.issue, encodingChosen));
    else if (e.type === 'header') {
      meta.delimiter = e.delimiter;
      const header = e.record.fields;
      const headerRow = e.record.row;
      async function* rows(): AsyncGenerator<TableRow> {
        for (;;) {
          const s = await events.next();
          if (s.done === true) return;
          const ev = s.value;
          if (ev.type === 'row') yield { row: ev.record.row, line: ev.record.line, cells: ev.record.fields };
          else if (ev.type === 'issue') issues.add(csvIssue(ev.issue, encodingChosen));
        }
      }
      return { header, headerRow, meta, rows: rows() };
    }
  }
}

function isBlankRow(cells: readonly Cell[]): boolean {
  for (const c of cells) if (c !== null && !(typeof c === 'string' && c.trim() === '')) return false;
  return true;
}

async function openXlsx(file: LoadedFile, options: TableOptions, issues: Issues): Promise<TableInput | null> {
  if (file.bytes === undefined) throw new Error('XLSX needs the bytes in memory');
  let sheetRows: Awaited<ReturnType<typeof readXlsx>>;
  try {
    sheetRows = await readXlsx(file.bytes, options.sheet, options.zipLimits);
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    const where = { file: file.name };
    if (error.kind === 'bomb') throw new FatalImportError(issue('zip_bomb', where, { detail: error.message }));
    if (error.kind === 'sheet_not_found') {
      throw new FatalImportError(issue('sheet_not_found', { ...where, value: String(options.sheet) }, { sheet: String(options.sheet), sheets: error.detail.sheets ?? [] }));
    }
    if (error.kind === 'not_workbook') {
      throw new FatalImportError(issue('file_type_mismatch', where, { extension: 'xlsx', actual: 'a ZIP archive that is not an Excel workbook' }));
    }
    const row = error.detail.row ?? null;
    throw new FatalImportError(issue('unreadable_file', { ...where, row }, { format: 'XLSX', detail: error.message }));
  }
  const meta: SourceMeta = { sheet: sheetRows.sheet, sheets: sheetRows.sheets };
  const all = sheetRows.rows;
  let h = 0;
  while (h < all.length && isBlankRow(all[h] ?? [])) h++;
  if (h >= all.length) {
    issues.add(makeIssue('empty_file', { file: file.name }));
    return null;
  }
  const header = (all[h] ?? []).map((c) => (c === null ? '' : String(c).trim()));
  // Trailing unnamed columns are not columns.
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const headerRow = h + 1;
  async function* rows(): AsyncGenerator<TableRow> {
    for (let i = h + 1; i < all.length; i++) {
      const cells = all[i] ?? [];
      if (isBlankRow(cells)) continue;
      yield { row: i + 1, cells };
    }
  }
  return { header, headerRow, meta, rows: rows() };
}

async function openParquet(file: LoadedFile): Promise<TableInput | null> {
  let table: Awaited<ReturnType<typeof readParquet>>;
  try {
    table = await readParquet(file.path !== undefined ? { path: file.path } : { bytes: file.bytes ?? new Uint8Array() });
  } catch (error) {
    throw new FatalImportError(
      issue('unreadable_file', { file: file.name }, { format: 'Parquet', detail: error instanceof Error ? error.message : String(error) }),
    );
  }
  async function* rows(): AsyncGenerator<TableRow> {
    for (let i = 0; i < table.rows.length; i++) yield { row: i + 2, cells: table.rows[i] ?? [] };
  }
  return { header: table.header, headerRow: 1, meta: {}, rows: rows() };
}

/** Opens a table file; null when it has no header (an issue says why). Throws FatalImportError. */
export async function openTable(file: LoadedFile, format: FileFormat, options: TableOptions, issues: Issues): Promise<TableInput | null> {
  if (format === 'csv') return openCsv(file, options, issues);
  if (format === 'xlsx') return openXlsx(file, options, issues);
  if (format === 'parquet') return openParquet(file);
  throw new Error(`not a table format: ${format}`);
}
