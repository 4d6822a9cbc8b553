/**
 * Station registry updates (data-formats.md "Stations"). A row whose code exists updates that
 * station (its previous row is kept for undo); a new code adds one; a new code whose name another
 * station already has is an error naming both, never a silent duplicate. Division, province and
 * bureau are read by code or name and must agree with the reference hierarchy.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../../db/database.ts';
import { type StationWriteRow, writeStations } from '../../queries/imports-stations.ts';
import type {
  RegistryBureau,
  RegistryDivision,
  RegistryProvince,
  RegistryStation,
} from '../../queries/import-registry.ts';
import { createNameMatcher, type NamedRef } from '../parse/names.ts';
import { issue } from '../issues.ts';
import type { TableRow } from '../source/table.ts';
import { cellShown, cellText, labelKey, readNumber } from '../values.ts';
import { type Columns, type KindContext, nameKey, PreviewRows, RowErrors } from './common.ts';
import type { KindReader } from './kind.ts';

function stationKind(text: string): 'สภ.' | 'สน.' | null {
  const k = labelKey(text).replace(/\s+/g, '');
  if (['สภ', 'สภอ', 'สถานีตำรวจภูธร', 'provincial', 'provincialpolicestation'].includes(k)) return 'สภ.';
  if (['สน', 'สถานีตำรวจนครบาล', 'metropolitan', 'metropolitanpolicestation'].includes(k)) return 'สน.';
  return null;
}

/** Matches by code, then by the first name list, then by the second. */
function twoWayMatcher<T extends { code: string }>(refs: readonly T[], a: (r: T) => NamedRef, b: (r: T) => NamedRef) {
  const byCode = new Map(refs.map((r) => [r.code.toUpperCase(), r]));
  const first = createNameMatcher(refs.map(a));
  const second = createNameMatcher(refs.map(b));
  const byRefCode = new Map(refs.map((r) => [r.code, r]));
  return (input: string): { ok: true; ref: T } | { ok: false; suggestions: string[] } => {
    const direct = byCode.get(input.trim().toUpperCase());
    if (direct !== undefined) return { ok: true, ref: direct };
    for (const m of [first(input), second(input)]) {
      if (m.kind === 'exact') {
        const ref = byRefCode.get(m.code);
        if (ref !== undefined) return { ok: true, ref };
      }
      if (m.kind === 'ambiguous') return { ok: false, suggestions: m.candidates.map((c) => `${c.code} ${c.name_th}`) };
    }
    const m = first(input);
    return { ok: false, suggestions: m.kind === 'none' ? m.suggestions.map((s) => `${s.code} ${s.ref.name_th}`) : [] };
  };
}

export class StationsReader implements KindReader {
  readonly preview = new PreviewRows();
  readonly #ctx: KindContext;
  readonly #cols: Columns;
  readonly #errors: RowErrors;
  readonly #division;
  readonly #province;
  readonly #bureau;
  readonly #existing: ReadonlyMap<string, RegistryStation>;
  readonly #divisionByCode: ReadonlyMap<string, RegistryDivision>;
  readonly #rows: (StationWriteRow & { row: number })[] = [];
  readonly #codes = new Map<string, number>();
  #keep: StationWriteRow[] = [];
  #rowsRead = 0;
  #skipped = 0;

  constructor(ctx: KindContext, cols: Columns) {
    this.#ctx = ctx;
    this.#cols = cols;
    this.#errors = new RowErrors(ctx.issues);
    const r = ctx.registry;
    this.#existing = new Map(r.stations.map((s) => [s.code, s]));
    this.#divisionByCode = new Map(r.divisions.map((d) => [d.code, d]));
    this.#division = twoWayMatcher<RegistryDivision>(
      r.divisions,
      (d) => ({ code: d.code, name_th: d.abbr_th, name_en: d.name_en }),
      (d) => ({ code: d.code, name_th: d.name_th }),
    );
    this.#province = twoWayMatcher<RegistryProvince>(
      r.provinces,
      (p) => ({ code: p.code, name_th: p.name_th, name_en: p.name_en }),
      (p) => ({ code: p.code, name_th: p.code.replace('-', '') }),
    );
    this.#bureau = twoWayMatcher<RegistryBureau>(
      r.bureaus,
      (b) => ({ code: b.code, name_th: b.abbr_th, name_en: b.name_en }),
      (b) => ({ code: b.code, name_th: b.name_th }),
    );
  }

  row(r: TableRow): void {
    this.#rowsRead++;
    const { issues, file } = this.#ctx;
    const cols = this.#cols;
    const at = cols.where(file, r);
    const p = this.preview;
    p.start(r.row);
    this.#errors.begin();
    const text = (c: string): string | null => {
      const v = cellText(cols.cell(r, c));
      if (v === null && ['code', 'name_th', 'name_en', 'kind', 'division', 'province', 'bureau'].includes(c)) {
        issues.add(issue('required_value_missing', at(c)));
      }
      return v;
    };
    const code = text('code')?.toUpperCase() ?? null;
    const nameTh = text('name_th');
    const nameEn = text('name_en');
    p.set('code', cols.cell(r, 'code'), code);
    p.set('name_th', cols.cell(r, 'name_th'), nameTh);
    p.set('name_en', cols.cell(r, 'name_en'), nameEn);

    const kindText = text('kind');
    const kind = kindText === null ? null : stationKind(kindText);
    if (kindText !== null && kind === null) {
      issues.add(
        issue('invalid_value', at('kind', kindText), {
          reason: { th: 'ใช้ สภ. หรือ สน.', en: 'use สภ. (provincial) or สน. (Bangkok metropolitan)' },
        }),
      );
    }
    p.set('kind', cols.cell(r, 'kind'), kind);

    const ref = <T extends { code: string }>(
      c: string,
      find: (s: string) => { ok: true; ref: T } | { ok: false; suggestions: string[] },
      what: { th: string; en: string },
    ): T | null => {
      const v = text(c);
      if (v === null) return null;
      const m = find(v);
      if (!m.ok) {
        issues.add(issue('reference_not_found', at(c, v), { what, suggestions: m.suggestions }));
        return null;
      }
      p.set(c, cols.cell(r, c), m.ref.code);
      return m.ref;
    };
    const division = ref('division', this.#division, { th: 'กองบังคับการ', en: 'Division' });
    const province = ref('province', this.#province, { th: 'จังหวัด', en: 'Province' });
    const bureau = ref('bureau', this.#bureau, { th: 'กองบัญชาการ', en: 'Bureau' });
    if (division !== null && bureau !== null && division.bureau_code !== bureau.code) {
      issues.add(
        issue('reference_mismatch', at('bureau', bureau.code), {
          reason: {
            th: `${division.abbr_th} อยู่ใน ${division.bureau_code} ไม่ใช่ ${bureau.abbr_th}`,
            en: `Division ${division.code} belongs to ${division.bureau_code}, not ${bureau.code}`,
          },
        }),
      );
    }
    if (
      division !== null &&
      province !== null &&
      division.province_iso !== null &&
      division.province_iso !== province.code
    ) {
      issues.add(
        issue('reference_mismatch', at('province', province.code), {
          reason: {
            th: `${division.abbr_th} เป็นของจังหวัด ${division.province_iso} ไม่ใช่ ${province.name_th}`,
            en: `Division ${division.code} is for province ${division.province_iso}, not ${province.code}`,
          },
        }),
      );
    }

    const coord = (c: 'lat' | 'lon'): number | null => {
      if (!cols.has(c)) return null;
      const cell = cols.cell(r, c);
      const v = readNumber(cell, c === 'lat' ? { min: -90, max: 90 } : { min: -180, max: 180 });
      if (v === null) return null;
      if (!v.ok) {
        issues.add(issue('invalid_number', at(c, cellShown(cell)), { reason: v.reason }));
        return null;
      }
      p.set(c, cell, v.value);
      return v.value;
    };
    const lat = coord('lat');
    const lon = coord('lon');
    if ((lat === null) !== (lon === null)) issues.add(issue('half_coordinates', at(lat === null ? 'lat' : 'lon')));

    if (code !== null) {
      const first = this.#codes.get(code);
      if (first !== undefined) {
        issues.add(issue('duplicate_key', at('code', code), { firstRow: first, key: 'code' }));
        this.#errors.mark(r.row);
      } else this.#codes.set(code, r.row);
    }
    if (
      this.#errors.end(r.row) ||
      code === null ||
      nameTh === null ||
      nameEn === null ||
      kind === null ||
      division === null ||
      province === null
    )
      return;
    this.#rows.push({
      row: r.row,
      code,
      name_th: nameTh,
      name_en: nameEn,
      kind,
      division_code: division.code,
      province_iso: province.code,
      lat,
      lon,
    });
  }

  async finish(_db: Database): Promise<void> {
    const { issues, file, scopeStations, principal } = this.#ctx;
    // A new code must not take another station's name (as written, spaces and dots aside:
    // "สภ. เมืองสงขลา" is "สภ.เมืองสงขลา", but "สน.หาดใหญ่" is not "สภ.หาดใหญ่").
    const names = new Map<string, string>();
    for (const s of this.#existing.values()) {
      names.set(nameKey(s.name_th), s.code);
      if (s.name_en !== '') names.set(nameKey(s.name_en), s.code);
    }
    for (const r of this.#rows) {
      if (this.#existing.has(r.code)) continue;
      for (const n of [r.name_th, r.name_en]) {
        const other = names.get(nameKey(n));
        if (other !== undefined && other !== r.code) {
          issues.add(
            issue(
              'station_name_conflict',
              { file, row: r.row, column: this.#cols.name('name_th'), value: n },
              { code: r.code, other, name: n },
            ),
          );
          break;
        }
      }
    }
    this.#keep = [];
    for (const r of this.#rows) {
      const before = this.#existing.get(r.code);
      const where = { row: r.row, column: this.#cols.name('code'), value: r.code };
      if (before !== undefined) {
        if (scopeStations !== null && !scopeStations.has(r.code)) {
          issues.add(issue('station_out_of_scope', { file, ...where }, { station: r.code }));
          continue;
        }
        const same =
          before.name_th === r.name_th &&
          before.name_en === r.name_en &&
          before.kind === r.kind &&
          before.division_code === r.division_code &&
          before.province_iso === r.province_iso &&
          before.lat === r.lat &&
          before.lon === r.lon;
        if (same) {
          this.#skipped++;
          issues.add(issue('same_row_imported', { file, ...where }, { importId: before.import_id ?? 0 }));
          continue;
        }
      } else if (scopeStations !== null) {
        const s = principal.scope;
        const division = this.#divisionByCode.get(r.division_code);
        const covered =
          (s.kind === 'division' && s.codes.includes(r.division_code)) ||
          (s.kind === 'bureau' && division !== undefined && s.codes.includes(division.bureau_code));
        if (!covered) {
          issues.add(issue('station_out_of_scope', { file, ...where }, { station: r.code }));
          continue;
        }
      }
      const { row: _row, ...rest } = r;
      this.#keep.push(rest);
    }
  }

  stations(): string[] {
    return this.#rows.map((r) => r.code).sort();
  }

  counts() {
    return {
      rowsRead: this.#rowsRead,
      write: { stations: this.#keep.length },
      skipped: this.#skipped,
      rowsWithErrors: this.#errors.count,
    };
  }

  async write(conn: DuckDBConnection, importId: number): Promise<Record<string, number>> {
    return { stations: await writeStations(conn, this.#keep, importId) };
  }

  details(): Record<string, unknown> {
    return {
      added: this.#keep.filter((r) => !this.#existing.has(r.code)).length,
      updated: this.#keep.filter((r) => this.#existing.has(r.code)).length,
    };
  }
}
