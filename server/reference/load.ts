// Typed loaders for the reference CSVs shipped in data/reference/ (see data/README.md).
// Synchronous and side-effect free: every call reads and validates the file again.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of data/reference/ in this repository. */
const referenceDir = fileURLToPath(new URL('../../data/reference/', import.meta.url));

export type StationKind = 'สภ.' | 'สน.';
export type OffenceScheme = 'current4' | 'legacy5';
export type CountedBy = 'reported' | 'arrests';

export interface Province {
  iso_3166_2: string; // TH-10
  name_th: string;
  name_en: string;
  police_bureau_code: string; // MPB, PPR1..PPR9
  hdx_pcode: string; // TH10
}

export interface Bureau {
  code: string; // MPB, PPR1..PPR9
  name_th: string;
  name_en: string;
  abbr_th: string; // บช.น., ภ.1
}

export interface Division {
  code: string; // MPD1..MPD9, PPC-TH-11..PPC-TH-96
  bureau_code: string;
  name_th: string;
  name_en: string;
  abbr_th: string; // บก.น.1, ภ.จว.สงขลา
  province_iso: string | null; // null for the Bangkok divisions (MPD1-9)
}

export interface Station {
  code: string; // ST-LUMPHINI
  name_th: string; // สน.ลุมพินี
  name_en: string;
  kind: StationKind;
  division_code: string;
  province_iso: string;
  lat: number;
  lon: number;
}

export interface OffenceGroup {
  scheme: OffenceScheme;
  group_no: number;
  name_th: string;
  name_en: string;
  is_state_victim: boolean;
  counted_by: CountedBy;
}

export interface OffenceType {
  mapping_version: string; // 2558
  type_key: string; // murder, uk_anti_social_behaviour
  name_th: string;
  name_en: string;
  group_current4: number;
  group_legacy5: number;
}

/** Parses RFC 4180 CSV (quoted fields, "" escapes, CRLF or LF, optional UTF-8 BOM). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      inQuotes = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (inQuotes) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

type CsvRecord = { get(column: string): string; where: string };

function readRecords(fileName: string, columns: readonly string[]): CsvRecord[] {
  const path = `${referenceDir}${fileName}`;
  const [header, ...body] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) throw new Error(`${path}: empty file`);
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  for (const column of columns) {
    if (!index.has(column)) throw new Error(`${path}: missing column "${column}"`);
  }
  return body.map((cells, rowIndex) => {
    const where = `${path} line ${rowIndex + 2}`;
    if (cells.length !== header.length) {
      throw new Error(`${where}: ${cells.length} fields, header has ${header.length}`);
    }
    return {
      where,
      get(column: string): string {
        const value = cells[index.get(column) ?? -1];
        if (value === undefined) throw new Error(`${where}: no column "${column}"`);
        return value.trim();
      },
    };
  });
}

function required(r: CsvRecord, column: string): string {
  const value = r.get(column);
  if (value === '') throw new Error(`${r.where}: "${column}" is empty`);
  return value;
}

function numberOf(r: CsvRecord, column: string, integer = false): number {
  const value = Number(required(r, column));
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new Error(`${r.where}: "${column}" is not ${integer ? 'an integer' : 'a number'}`);
  }
  return value;
}

function oneOf<T extends string>(r: CsvRecord, column: string, allowed: readonly T[]): T {
  const value = required(r, column);
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`${r.where}: "${column}" must be one of ${allowed.join(', ')}`);
  return found;
}

export function loadProvinces(): Province[] {
  const columns = ['iso_3166_2', 'name_th', 'name_en', 'police_bureau_code', 'hdx_pcode'] as const;
  return readRecords('provinces.csv', columns).map((r) => ({
    iso_3166_2: required(r, 'iso_3166_2'),
    name_th: required(r, 'name_th'),
    name_en: required(r, 'name_en'),
    police_bureau_code: required(r, 'police_bureau_code'),
    hdx_pcode: required(r, 'hdx_pcode'),
  }));
}

export function loadBureaus(): Bureau[] {
  const columns = ['code', 'name_th', 'name_en', 'abbr_th'] as const;
  return readRecords('bureaus.csv', columns).map((r) => ({
    code: required(r, 'code'),
    name_th: required(r, 'name_th'),
    name_en: required(r, 'name_en'),
    abbr_th: required(r, 'abbr_th'),
  }));
}

export function loadDivisions(): Division[] {
  const columns = ['code', 'bureau_code', 'name_th', 'name_en', 'abbr_th', 'province_iso'] as const;
  return readRecords('divisions.csv', columns).map((r) => ({
    code: required(r, 'code'),
    bureau_code: required(r, 'bureau_code'),
    name_th: required(r, 'name_th'),
    name_en: required(r, 'name_en'),
    abbr_th: required(r, 'abbr_th'),
    province_iso: r.get('province_iso') || null,
  }));
}

export function loadStations(): Station[] {
  const columns = ['code', 'name_th', 'name_en', 'kind', 'division_code', 'province_iso', 'lat', 'lon'] as const;
  return readRecords('stations.csv', columns).map((r) => ({
    code: required(r, 'code'),
    name_th: required(r, 'name_th'),
    name_en: required(r, 'name_en'),
    kind: oneOf(r, 'kind', ['สภ.', 'สน.'] as const),
    division_code: required(r, 'division_code'),
    province_iso: required(r, 'province_iso'),
    lat: numberOf(r, 'lat'),
    lon: numberOf(r, 'lon'),
  }));
}

export function loadOffenceGroups(): OffenceGroup[] {
  const columns = ['scheme', 'group_no', 'name_th', 'name_en', 'is_state_victim', 'counted_by'] as const;
  return readRecords('offence-groups.csv', columns).map((r) => ({
    scheme: oneOf(r, 'scheme', ['current4', 'legacy5'] as const),
    group_no: numberOf(r, 'group_no', true),
    name_th: required(r, 'name_th'),
    name_en: required(r, 'name_en'),
    is_state_victim: oneOf(r, 'is_state_victim', ['true', 'false'] as const) === 'true',
    counted_by: oneOf(r, 'counted_by', ['reported', 'arrests'] as const),
  }));
}

export function loadOffenceTypes(): OffenceType[] {
  const columns = ['mapping_version', 'type_key', 'name_th', 'name_en', 'group_current4', 'group_legacy5'] as const;
  return readRecords('offence-types.csv', columns).map((r) => ({
    mapping_version: required(r, 'mapping_version'),
    type_key: required(r, 'type_key'),
    name_th: required(r, 'name_th'),
    name_en: required(r, 'name_en'),
    group_current4: numberOf(r, 'group_current4', true),
    group_legacy5: numberOf(r, 'group_legacy5', true),
  }));
}

/**
 * The normalized form of an English offence label used by `type_key`: lowercase, runs of other
 * characters turned into "_". police.uk crime types are keyed as "uk_" + this,
 * e.g. "Anti-social behaviour" -> "uk_anti_social_behaviour".
 */
export function toTypeKey(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
