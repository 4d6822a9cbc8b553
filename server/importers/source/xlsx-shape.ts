/**
 * Impossible sheet shapes, refused before the XLSX library allocates anything for them. A reader
 * turns a sheet into a dense array of rows x columns, so one cell at ZZZZZZ9999999 in a 1.5 KB file
 * asks for billions of slots and ends the process (V8's "invalid size" is fatal, not an exception).
 *
 * Limits (README "Import limits"):
 * - a cell or row reference, or the declared dimension, beyond Excel's own sheet: 1,048,576 rows x
 *   16,384 columns (A..XFD);
 * - a cell in a column past `maxImportColumns` (1,024; imports read tens of columns);
 * - a used area (last row x last column) over `maxCells` (50 million cells);
 * - a shared-string index past the workbook's shared-string table;
 * - a number cell whose value is not a finite number (1e999, NaN).
 */

const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLUMNS = 16_384;

export interface SheetShapeLimits {
  maxRows: number;
  maxColumns: number;
  maxImportColumns: number;
  maxCells: number;
}

export const DEFAULT_SHEET_LIMITS: SheetShapeLimits = {
  maxRows: EXCEL_MAX_ROWS,
  maxColumns: EXCEL_MAX_COLUMNS,
  maxImportColumns: 1_024,
  maxCells: 50_000_000,
};

export type SheetShapeProblem =
  | { reason: 'cell_beyond_sheet'; ref: string; row: number | null; column: string }
  | { reason: 'column_beyond_import'; ref: string; row: number | null; column: string }
  | { reason: 'dimension_beyond_sheet'; ref: string }
  | { reason: 'area_too_large'; rows: number; columns: number }
  | { reason: 'shared_string_missing'; ref: string; row: number | null; column: string; index: string; count: number }
  | { reason: 'number_not_finite'; ref: string; row: number | null; column: string; value: string };

/** Column letters to a 1-based number (Infinity past 7 letters: no exact arithmetic needed). */
function columnNumber(letters: string): number {
  if (letters.length > 7) return Number.POSITIVE_INFINITY;
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const REF_RE = /^\$?([A-Za-z]{1,16})\$?(\d{1,16})$/;

interface Ref {
  column: string;
  columnNumber: number;
  row: number;
}

function parseRef(ref: string): Ref | null {
  const m = REF_RE.exec(ref.trim());
  if (m === null) return null;
  const column = (m[1] as string).toUpperCase();
  return { column, columnNumber: columnNumber(column), row: Number(m[2]) };
}

/** Number of shared strings in xl/sharedStrings.xml (its <si> items). */
export function sharedStringCount(xml: string): number {
  let n = 0;
  for (const _ of xml.matchAll(/<(?:[\w.-]+:)?si[\s>/]/g)) n++;
  return n;
}

const TAG_RE = /<(?:[\w.-]+:)?(c|row|dimension)\b([^>]*?)(\/?)>/g;
const ATTR_R = /\br="([^"]*)"/;
const ATTR_T = /\bt="([^"]*)"/;
const ATTR_REF = /\bref="([^"]*)"/;
const CELL_END = /<\/(?:[\w.-]+:)?c>/g;
const VALUE_RE = /<(?:[\w.-]+:)?v>([^<]*)<\/(?:[\w.-]+:)?v>/;

/** The first impossible thing in one worksheet's XML, or null. */
export function sheetShapeProblem(
  xml: string,
  sharedStrings: number,
  limits: SheetShapeLimits = DEFAULT_SHEET_LIMITS,
): SheetShapeProblem | null {
  let lastRow = 0;
  let lastColumn = 0;
  let rowNumber = 0;
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(xml); m !== null; m = TAG_RE.exec(xml)) {
    const tag = m[1] as string;
    const attrs = m[2] as string;
    if (tag === 'dimension') {
      const ref = ATTR_REF.exec(attrs)?.[1] ?? '';
      for (const part of ref.split(':')) {
        const r = parseRef(part);
        if (r !== null && (r.row > limits.maxRows || r.columnNumber > limits.maxColumns))
          return { reason: 'dimension_beyond_sheet', ref };
      }
      continue;
    }
    if (tag === 'row') {
      const r = ATTR_R.exec(attrs)?.[1];
      rowNumber = r === undefined ? rowNumber + 1 : Number(r);
      if (!Number.isSafeInteger(rowNumber) || rowNumber > limits.maxRows || rowNumber < 1)
        return { reason: 'cell_beyond_sheet', ref: r ?? String(rowNumber), row: null, column: '' };
      if (rowNumber > lastRow) lastRow = rowNumber;
      continue;
    }
    // A cell.
    const refText = ATTR_R.exec(attrs)?.[1];
    let ref: Ref | null = null;
    if (refText !== undefined) {
      ref = parseRef(refText);
      if (ref === null || ref.row > limits.maxRows || ref.row < 1 || ref.columnNumber > limits.maxColumns) {
        return {
          reason: 'cell_beyond_sheet',
          ref: refText,
          row: ref !== null && Number.isSafeInteger(ref.row) ? ref.row : null,
          column: ref?.column ?? refText.replace(/\d+$/, ''),
        };
      }
      if (ref.columnNumber > limits.maxImportColumns)
        return { reason: 'column_beyond_import', ref: refText, row: ref.row, column: ref.column };
      if (ref.columnNumber > lastColumn) lastColumn = ref.columnNumber;
      if (ref.row > lastRow) lastRow = ref.row;
    }
    if (m[3] === '/') continue;
    const type = ATTR_T.exec(attrs)?.[1] ?? 'n';
    if (type !== 's' && type !== 'n') continue;
    CELL_END.lastIndex = TAG_RE.lastIndex;
    const end = CELL_END.exec(xml);
    const body = xml.slice(TAG_RE.lastIndex, end === null ? undefined : end.index);
    const value = VALUE_RE.exec(body)?.[1];
    if (value === undefined) continue;
    const where = { ref: refText ?? '', row: ref?.row ?? rowNumber, column: ref?.column ?? '' };
    if (type === 's') {
      const index = Number(value.trim());
      if (!Number.isInteger(index) || index < 0 || index >= sharedStrings)
        return { reason: 'shared_string_missing', ...where, index: value.trim(), count: sharedStrings };
    } else if (value.trim() !== '' && !Number.isFinite(Number(value))) {
      return { reason: 'number_not_finite', ...where, value: value.trim() };
    }
  }
  if (lastRow * lastColumn > limits.maxCells) return { reason: 'area_too_large', rows: lastRow, columns: lastColumn };
  return null;
}
