/**
 * Tables for spreadsheets, and the one CSV writer every export uses (the KPI table, the data
 * behind each chart): UTF-8 with a byte-order mark (Thai Excel then opens it in the right
 * encoding), CRLF lines, and text a spreadsheet would run as a formula neutralised. Pure.
 */
import type { Lang } from '../contracts/crime-reading.ts';

export type CellType = 'text' | 'integer' | 'percent' | 'number';

export interface TableColumn {
  key: string;
  th: string;
  en: string;
  type: CellType;
}

export type TableCell = string | number | null;

export interface CsvTable {
  columns: TableColumn[];
  rows: TableCell[][];
}

/**
 * A text cell a spreadsheet would run as a formula (= + - @, or a tab / carriage return first)
 * gets a leading apostrophe: it then shows as the text it is.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(cell: TableCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = neutralise(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface CsvOptions {
  /** Column headers: 'both' = 'ไทย (English)' (one file for both readers), or one language. */
  headers?: 'both' | Lang;
  /** Lines before the table, e.g. the period and filters: label, value; an empty line follows them. */
  preamble?: readonly (readonly [string, string])[];
}

export function toCsv(table: CsvTable, { headers = 'both', preamble = [] }: CsvOptions = {}): string {
  const header = table.columns.map((c) => csvField(headers === 'both' ? `${c.th} (${c.en})` : c[headers]));
  const lines = [
    ...preamble.map(([label, value]) => `${csvField(label)},${csvField(value)}`),
    ...(preamble.length > 0 ? [''] : []),
    header.join(','),
    ...table.rows.map((r) => r.map(csvField).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
