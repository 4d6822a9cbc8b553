/**
 * Rows of one shape sent as columns: a 3,000-zone KPI list as objects repeats every key name
 * 3,000 times (most of its bytes), as columns it names each once. Exact: decodeRows gives back
 * rows deep-equal to the ones encoded (same numbers, strings, nulls and nesting). Pure; the server
 * encodes (server/services/kpis.ts), the web decodes (web/api/queries.ts).
 *
 * Each leaf path ('crime.relative.effect') is one column. A column is either its values, or a
 * dictionary of distinct values and one code per row, whichever is shorter as JSON (statuses,
 * months, waves and method keys take a few distinct values across thousands of rows). A nested
 * object that is null in some rows also gets a column at its own path: null there, 1 where the
 * object is. Paths in `whole` (objects whose keys vary, like counts by reason) are kept as values.
 */

export type Column = { values: unknown[] } | { dict: unknown[]; codes: number[] };

export interface ColumnTable<Row> {
  count: number;
  columns: Record<string, Column>;
  /** Never sent: carries the row type to the decoder (and through Hono's RPC types to the web). */
  rowType?: Row;
}

type Plain = Record<string, unknown>;
const isObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The column for one path's values: a dictionary when that is shorter. */
function column(values: unknown[]): Column {
  const codeOf = new Map<string, number>();
  const dict: unknown[] = [];
  const codes = values.map((value) => {
    const key = JSON.stringify(value);
    let code = codeOf.get(key);
    if (code === undefined) {
      code = dict.length;
      codeOf.set(key, code);
      dict.push(value);
    }
    return code;
  });
  // Codes cost their digits and a comma each; the values their own JSON.
  if (dict.length * 2 > values.length) return { values };
  const asValues = JSON.stringify(values).length;
  const asDict = JSON.stringify(dict).length + codes.reduce((sum, c) => sum + String(c).length + 1, 0);
  return asDict < asValues ? { dict, codes } : { values };
}

export function encodeRows<Row extends object>(rows: readonly Row[], whole: readonly string[] = []): ColumnTable<Row> {
  const keep = new Set(whole);
  const paths = new Map<string, unknown[]>();
  const objectPaths = new Set<string>();
  const nullable = new Set<string>();
  const put = (path: string, index: number, value: unknown) => {
    let values = paths.get(path);
    if (!values) {
      values = new Array(rows.length).fill(undefined);
      paths.set(path, values);
    }
    values[index] = value;
  };
  const walk = (value: unknown, path: string, index: number) => {
    if (isObject(value) && !keep.has(path)) {
      if (path !== '' && Object.keys(value).length === 0) {
        throw new Error(`encodeRows: '${path}' is an empty object; list it in whole`);
      }
      if (path !== '') {
        objectPaths.add(path);
        put(path, index, 1);
      }
      for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`, index);
      return;
    }
    if (value === null) nullable.add(path);
    put(path, index, value);
  };
  rows.forEach((row, index) => {
    walk(row, '', index);
  });
  const columns: Record<string, Column> = {};
  for (const [path, values] of paths) {
    if (objectPaths.has(path) && values.some((v) => v !== 1 && v !== null && v !== undefined)) {
      throw new Error(`encodeRows: '${path}' is an object in some rows and a value in others`);
    }
    // An object path always present needs no column of its own.
    if (objectPaths.has(path) && !nullable.has(path)) continue;
    values.forEach((value, index) => {
      if (value === undefined && !isUnderNull(paths, path, index)) {
        throw new Error(`encodeRows: row ${index} has no '${path}' (rows must share one shape)`);
      }
    });
    columns[path] = column(values.map((value) => (value === undefined ? null : value)));
  }
  return { count: rows.length, columns };
}

/** Whether a path is missing in a row because an object above it is null there. */
function isUnderNull(paths: Map<string, unknown[]>, path: string, index: number): boolean {
  for (let cut = path.lastIndexOf('.'); cut > 0; cut = path.lastIndexOf('.', cut - 1)) {
    if (paths.get(path.slice(0, cut))?.[index] === null) return true;
  }
  return false;
}

const valueAt = (column: Column, index: number): unknown =>
  'values' in column ? column.values[index] : column.dict[column.codes[index] ?? -1];

export function decodeRows<Row>(table: ColumnTable<Row>): Row[] {
  const entries = Object.entries(table.columns);
  const objectPaths = new Set(
    entries.filter(([path]) => entries.some(([other]) => other.startsWith(`${path}.`))).map(([path]) => path),
  );
  const rows: Row[] = [];
  for (let index = 0; index < table.count; index += 1) {
    const row: Plain = {};
    const nulled: string[] = [];
    for (const [path, column] of entries) {
      if (nulled.some((prefix) => path.startsWith(`${prefix}.`))) continue;
      const value = valueAt(column, index);
      const keys = path.split('.');
      let target = row;
      for (const key of keys.slice(0, -1)) {
        if (!isObject(target[key])) target[key] = {};
        target = target[key] as Plain;
      }
      const last = keys[keys.length - 1] as string;
      if (objectPaths.has(path)) {
        if (value === null) {
          target[last] = null;
          nulled.push(path);
        } else if (!isObject(target[last])) target[last] = {};
      } else target[last] = value;
    }
    rows.push(row as Row);
  }
  return rows;
}
