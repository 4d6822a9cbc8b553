/**
 * XLSX workbooks (Excel, Google Sheets, LibreOffice) through `read-excel-file`, made safe and exact:
 *
 * - Before the library sees the bytes, the ZIP directory is checked for bombs and every part the
 *   library will read (*.xml, *.rels) is inflated once with a hard output cap (zip.ts), checked for
 *   DOCTYPE / ENTITY declarations and deep nesting (xml-safety.ts), and every worksheet for
 *   impossible shapes: cells beyond the sheet, shared strings past the table, numbers that are not
 *   finite (xlsx-shape.ts). The library then only ever sees a workbook of a possible shape.
 * - Date cells: the library turns a date-formatted serial into a JS Date by flooring milliseconds
 *   (44316.99999999 becomes 2021-04-30T23:59:59.999Z, the month before). We turn the Date back into
 *   the serial (1900 system; the library already applied a 1904 workbook's offset) and read it with
 *   parse/dates.ts parseExcelSerial, which rounds to the second: midnight stays midnight.
 * - Formulas are read as their cached values (what Excel last showed); a formula with no cached
 *   value reads as an empty cell. Shared strings and rich-text runs come back as one string.
 * - Row numbers are the sheet's own (the library keeps leading empty rows).
 */
import readXlsxFile, { readSheet } from 'read-excel-file/node';
import { type XmlSafetyProblem, xmlSafetyProblem } from './xml-safety.ts';
import {
  DEFAULT_SHEET_LIMITS,
  type SheetShapeLimits,
  type SheetShapeProblem,
  sharedStringCount,
  sheetShapeProblem,
} from './xlsx-shape.ts';
import { DEFAULT_ZIP_LIMITS, ZipArchive, ZipError, type ZipLimits } from './zip.ts';

/** A date-formatted Excel cell, as its serial in the 1900 date system (fraction = time of day). */
export class ExcelDate {
  constructor(readonly serial: number) {}
  toString(): string {
    return String(this.serial);
  }
}

export type SheetCell = string | number | ExcelDate | null;

export interface XlsxWorkbookInfo {
  sheets: string[];
  date1904: boolean;
}

export interface XlsxSheetRows {
  sheet: string;
  sheets: string[];
  date1904: boolean;
  /** rows[i] is sheet row i + 1. */
  rows: SheetCell[][];
}

export class XlsxError extends Error {
  constructor(
    message: string,
    readonly kind: 'bomb' | 'damaged' | 'not_workbook' | 'sheet_not_found' | 'cell' | 'shape' | 'unsafe_xml',
    readonly detail: {
      sheets?: string[];
      row?: number;
      column?: number;
      shape?: SheetShapeProblem;
      xml?: XmlSafetyProblem & { part: string };
    } = {},
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

const EXCEL_EPOCH_DAYS = 25_569; // serial of 1970-01-01 in the 1900 system
const DAY_MS = 86_400_000;

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/**
 * Checks the archive, every XML part and every worksheet's shape, and reads the workbook part
 * (sheet names, 1904 flag). Rejects with XlsxError.
 */
async function inspectXlsx(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  sheetLimits: SheetShapeLimits = DEFAULT_SHEET_LIMITS,
): Promise<XlsxWorkbookInfo> {
  let workbookXml: string | null = null;
  let archive: ZipArchive | null = null;
  try {
    archive = await ZipArchive.open(bytes, limits);
    const entries = archive.entries;
    if (!entries.some((e) => e.name === 'xl/workbook.xml'))
      throw new XlsxError('the ZIP archive is not an Excel workbook (no xl/workbook.xml)', 'not_workbook');
    const worksheets: { name: string; xml: string }[] = [];
    let sharedStrings = 0;
    const decoder = new TextDecoder();
    for (const e of entries) {
      if (!(e.name.endsWith('.xml') || e.name.endsWith('.rels'))) continue;
      const xml = decoder.decode(await archive.read(e.name));
      const unsafe = xmlSafetyProblem(xml);
      if (unsafe !== null)
        throw new XlsxError(`part ${e.name} is refused`, 'unsafe_xml', { xml: { ...unsafe, part: e.name } });
      if (e.name === 'xl/workbook.xml') workbookXml = xml;
      else if (/(^|\/)sharedStrings\.xml$/i.test(e.name)) sharedStrings = sharedStringCount(xml);
      else if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) worksheets.push({ name: e.name, xml });
    }
    for (const w of worksheets) {
      const shape = sheetShapeProblem(w.xml, sharedStrings, sheetLimits);
      if (shape !== null) throw new XlsxError(`${w.name}: ${shape.reason}`, 'shape', { shape });
    }
  } catch (error) {
    if (error instanceof ZipError) throw new XlsxError(error.message, error.bomb ? 'bomb' : 'damaged');
    throw error;
  } finally {
    archive?.close();
  }
  const xml = workbookXml ?? '';
  const sheets: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)) sheets.push(decodeXml(m[1] ?? ''));
  if (sheets.length === 0) throw new XlsxError('the workbook has no sheets', 'not_workbook');
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(xml)?.[0] ?? '';
  const date1904 = /\bdate1904="(?:1|true)"/.test(pr);
  return { sheets, date1904 };
}

/** The sheet asked for: a name, a 1-based number, or the first sheet. Null when there is none such. */
function chooseSheet(sheets: readonly string[], wanted: string | number | undefined): string | null {
  if (wanted === undefined || wanted === '') return sheets[0] ?? null;
  if (typeof wanted === 'number') return sheets[wanted - 1] ?? null;
  const exact = sheets.find((s) => s === wanted);
  if (exact !== undefined) return exact;
  const loose = sheets.find((s) => s.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (loose !== undefined) return loose;
  return /^\d+$/.test(wanted.trim()) ? (sheets[Number(wanted) - 1] ?? null) : null;
}

function toCell(v: unknown): SheetCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return new ExcelDate(v.getTime() / DAY_MS + EXCEL_EPOCH_DAYS);
  return String(v);
}

/** Reads one sheet's rows. Throws XlsxError. */
export async function readXlsx(
  bytes: Uint8Array,
  sheet: string | number | undefined,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  sheetLimits: SheetShapeLimits = DEFAULT_SHEET_LIMITS,
): Promise<XlsxSheetRows> {
  const info = await inspectXlsx(bytes, limits, sheetLimits);
  const chosen = chooseSheet(info.sheets, sheet);
  if (chosen === null)
    throw new XlsxError(`sheet "${String(sheet)}" not found`, 'sheet_not_found', { sheets: info.sheets });
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let data: unknown[][];
  try {
    // By position: two sheets may differ only in case, and the library compares names exactly.
    data = (await readSheet(buffer, info.sheets.indexOf(chosen) + 1, { trim: false })) as unknown[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /row (\d+), col (\d+)/.exec(message);
    if (at !== null) {
      throw new XlsxError(message, 'cell', { row: Number(at[1]), column: Number(at[2]) });
    }
    throw new XlsxError(message, 'damaged');
  }
  return { sheet: chosen, sheets: info.sheets, date1904: info.date1904, rows: data.map((r) => r.map(toCell)) };
}

// Re-exported for tests that compare against the library's own reading of every sheet.
export { readXlsxFile };
