/**
 * How a batch of parsed rows crosses from the parse child to the server: by column, with the
 * repetitive columns as a dictionary (station names, offence types, provinces repeat on almost every
 * row) and the rest as plain arrays.
 *
 * Why not the rows as they are: the server deserialises every message on its one thread, and a
 * structured clone of row arrays makes one string object per cell there. With the repeated values
 * sent once per batch and pointed to by an Int32Array, the server allocates a string only for the
 * cells that are really different; rebuilding the rows is a few array writes. Measured on a batch of
 * 50,000 incident rows: deserialising the rows took about 70-110 ms, the columns 40 ms (README,
 * "Untrusted files").
 *
 * Pure functions, tested directly (tests/server/importers/wire-batch.test.ts).
 */
import type { Cell } from '../values.ts';
import { ExcelDate } from './xlsx.ts';

/** A cell as structured clone carries it: an ExcelDate arrives as a plain `{ serial }`. */
export type WireCell = string | number | { serial: number } | null;

export type WireColumn =
  /** `values[index[i]]` is row i's cell. */
  | { values: WireCell[]; index: Int32Array }
  /** `values[i]` is row i's cell. */
  | { values: WireCell[]; index: null };

export interface WireRows {
  count: number;
  /** Each row's own number of cells (rows of a CSV may be ragged); null when all have `columns.length`. */
  widths: Int32Array | null;
  columns: WireColumn[];
  /** True when some cell is an Excel date: the server turns `{ serial }` back into ExcelDate. */
  dates: boolean;
}

/** A column stops being a dictionary once it holds more distinct values than this share of its rows. */
const DICTIONARY_SHARE = 1 / 8;

function packColumn(rows: readonly (readonly Cell[])[], j: number): { column: WireColumn; dates: boolean } {
  const n = rows.length;
  const limit = Math.max(1, Math.floor(n * DICTIONARY_SHARE));
  const seen = new Map<Cell | undefined, number>();
  const values: WireCell[] = [];
  const index = new Int32Array(n);
  let dates = false;
  for (let i = 0; i < n; i++) {
    const cell = (rows[i] as readonly Cell[])[j];
    if (cell instanceof ExcelDate) dates = true;
    let k = seen.get(cell);
    if (k === undefined) {
      if (values.length >= limit || cell instanceof ExcelDate)
        return { column: plainColumn(rows, j), dates: dates || hasDate(rows, j, i) };
      k = values.length;
      values.push(cell ?? null);
      seen.set(cell, k);
    }
    index[i] = k;
  }
  return { column: { values, index }, dates };
}

function plainColumn(rows: readonly (readonly Cell[])[], j: number): WireColumn {
  const values: WireCell[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) values[i] = ((rows[i] as readonly Cell[])[j] ?? null) as WireCell;
  return { values, index: null };
}

function hasDate(rows: readonly (readonly Cell[])[], j: number, from: number): boolean {
  for (let i = from; i < rows.length; i++) if ((rows[i] as readonly Cell[])[j] instanceof ExcelDate) return true;
  return false;
}

/** The child's side: rows of cells to columns. */
export function packRows(rows: readonly (readonly Cell[])[]): WireRows {
  let width = 0;
  let ragged = false;
  for (const r of rows) {
    if (r.length !== width && width !== 0) ragged = true;
    if (r.length > width) width = r.length;
  }
  if (rows.length > 0 && (rows[0] as readonly Cell[]).length !== width) ragged = true;
  let widths: Int32Array | null = null;
  if (ragged) {
    widths = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) widths[i] = (rows[i] as readonly Cell[]).length;
  }
  const columns: WireColumn[] = [];
  let dates = false;
  for (let j = 0; j < width; j++) {
    const packed = packColumn(rows, j);
    columns.push(packed.column);
    dates ||= packed.dates;
  }
  return { count: rows.length, widths, columns, dates };
}

/** The server's side: columns back to rows of cells, each exactly as the child's parser made it. */
export function unpackRows(wire: WireRows): Cell[][] {
  const { count, widths, columns } = wire;
  const out: Cell[][] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = new Array(widths === null ? columns.length : (widths[i] as number));
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j] as WireColumn;
    let values = column.values;
    if (wire.dates) values = values.map(revive);
    const index = column.index;
    for (let i = 0; i < count; i++) {
      if (widths !== null && j >= (widths[i] as number)) continue;
      (out[i] as Cell[])[j] = (index === null ? values[i] : values[index[i] as number]) as Cell;
    }
  }
  return out;
}

function revive(c: WireCell): WireCell | ExcelDate {
  return typeof c === 'object' && c !== null ? new ExcelDate(c.serial) : c;
}
