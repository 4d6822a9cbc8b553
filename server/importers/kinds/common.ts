/**
 * What every kind reader shares: column access by canonical name, station and zone lookups that
 * never guess (an ambiguous name lists its candidates, an unknown one suggests), the user's scope,
 * and the preview of the first rows.
 */
import type { Principal } from '../../auth/principal.ts';
import type { ImportRegistry, RegistryStation, RegistryZone } from '../../queries/import-registry.ts';
import type { HeaderMatch, ImportKind } from '../parse/headers.ts';
import { createNameMatcher, type NameMatch, normalizeCode } from '../parse/names.ts';
import { type Issue, issue, type Issues, type Where } from '../issues.ts';
import type { TableRow } from '../source/table.ts';
import type { ImportOptions, PreviewCell, PreviewRow } from '../types.ts';
import { type Cell, cellShown, cellText, DateReader } from '../values.ts';

const PREVIEW_ROWS = 20;

/** Where an issue about one cell is. */
export type CellWhere = Where & { row: number; column: string | null };

/** Where a row's cells are, by canonical name. */
export class Columns {
  readonly #index = new Map<string, number>();
  constructor(
    readonly header: readonly string[],
    match: HeaderMatch,
  ) {
    for (const [canonical, i] of Object.entries(match.mapping))
      if (typeof i === 'number') this.#index.set(canonical, i);
  }
  has(canonical: string): boolean {
    return this.#index.has(canonical);
  }
  /** The 0-based position of a canonical column, -1 when absent (for hot loops). */
  position(canonical: string): number {
    return this.#index.get(canonical) ?? -1;
  }
  cell(row: TableRow, canonical: string): Cell | undefined {
    const i = this.#index.get(canonical);
    return i === undefined ? undefined : row.fields[i];
  }
  /**
   * Where an issue in this row is: `at('zone', value)` gives the file, the row (and line), the
   * column as written in the file and the value.
   */
  where(file: string, row: TableRow): (canonical: string, value?: unknown) => CellWhere {
    return (canonical, value) => ({
      file,
      row: row.row,
      ...(row.line === undefined ? {} : { line: row.line }),
      column: this.name(canonical),
      value,
    });
  }
  /** The header text of a canonical column, as written in the file (for issues). */
  name(canonical: string): string | null {
    const i = this.#index.get(canonical);
    return i === undefined ? null : (this.header[i] ?? null);
  }
}

export interface KindContext {
  kind: ImportKind;
  file: string;
  options: ImportOptions;
  registry: ImportRegistry;
  principal: Principal;
  /** Station codes the principal may import for; null = all. */
  scopeStations: ReadonlySet<string> | null;
  issues: Issues;
  dates: DateReader;
  /** Rows per chunk for streaming kinds (RunImportInput limits.chunkRows). */
  chunkRows?: number;
}

export function newDateReader(options: ImportOptions): DateReader {
  return new DateReader(options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder });
}

const stationLabel = (s: RegistryStation): string => `${s.code} ${s.name_th}`;
const zoneLabel = (z: RegistryZone): string => `${z.code} ${z.name_th}`;

export type Lookup<T> = { ok: true; ref: T } | { ok: false; issue: Issue };

/** Station by code or any spelling of its name; an ambiguous or unknown one is an issue with suggestions. */
/** A name as written, without spaces, dots, hyphens and case; Mueang / Muang spelt one way. */
export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/\b(?:muang|meuang|mueng)\b/g, 'mueang')
    .replace(/[\s.\-_'’()]+/g, '');
}

export class StationLookup {
  readonly #match: (input: string) => NameMatch<RegistryStation>;
  /** Names exactly as written (prefix kept: สภ.หาดใหญ่ is not สน.หาดใหญ่), when unique. */
  readonly #asWritten = new Map<string, RegistryStation | null>();
  readonly #found = new Map<string, { ok: true; ref: RegistryStation }>();
  readonly byCode: ReadonlyMap<string, RegistryStation>;
  constructor(stations: readonly RegistryStation[]) {
    this.#match = createNameMatcher(stations);
    this.byCode = new Map(stations.map((s) => [s.code, s]));
    for (const s of stations) {
      for (const n of [s.name_th, s.name_en]) {
        if (n === '') continue;
        const k = nameKey(n);
        const prev = this.#asWritten.get(k);
        this.#asWritten.set(k, prev === undefined || prev === s ? s : null);
      }
    }
  }

  /** A value found before (hot loops check this first: no issue location built). */
  cached(value: string): { ok: true; ref: RegistryStation } | undefined {
    return this.#found.get(value);
  }

  find(
    value: string,
    where: { file: string; row: number | null; line?: number; column: string | null },
  ): Lookup<RegistryStation> {
    const hit = this.#found.get(value);
    if (hit !== undefined) return hit;
    const written = this.#asWritten.get(nameKey(value));
    if (written !== undefined && written !== null && !this.byCode.has(value.trim().toUpperCase())) {
      const ok = { ok: true as const, ref: written };
      if (this.#found.size < 10_000) this.#found.set(value, ok);
      return ok;
    }
    const m = this.#match(value);
    if (m.kind === 'exact') {
      const ok = { ok: true as const, ref: m.ref };
      if (this.#found.size < 10_000) this.#found.set(value, ok);
      return ok;
    }
    const at = { ...where, value };
    if (m.kind === 'ambiguous') {
      return {
        ok: false,
        issue: issue('ambiguous_station', at, { candidates: m.candidates.map(stationLabel) }),
      };
    }
    return {
      ok: false,
      issue: issue('unknown_station', at, { suggestions: m.suggestions.map((s) => stationLabel(s.ref)) }),
    };
  }
}

/** Zone by its code (zones.id), or by a name only when exactly one zone has it. */
export class ZoneLookup {
  readonly #byCode = new Map<string, RegistryZone>();
  readonly #match: (input: string) => NameMatch<RegistryZone>;
  constructor(zones: readonly RegistryZone[]) {
    for (const z of zones) this.#byCode.set(normalizeCode(z.code), z);
    this.#match = createNameMatcher(zones);
  }
  find(
    value: string,
    where: { file: string; row: number | null; line?: number; column: string | null },
  ): Lookup<RegistryZone> {
    const direct = this.#byCode.get(normalizeCode(value));
    if (direct !== undefined) return { ok: true, ref: direct };
    const m = this.#match(value);
    if (m.kind === 'exact') return { ok: true, ref: m.ref };
    const at = { ...where, value };
    if (m.kind === 'ambiguous')
      return { ok: false, issue: issue('zone_not_found', at, { suggestions: m.candidates.map(zoneLabel) }) };
    return {
      ok: false,
      issue: issue('zone_not_found', at, { suggestions: m.suggestions.map((s) => zoneLabel(s.ref)) }),
    };
  }
}

/** Scope check for one station code; reports each out-of-scope station once. */
export class ScopeCheck {
  readonly #reported = new Set<string>();
  constructor(readonly ctx: KindContext) {}
  allows(code: string, where: { row: number | null; column: string | null; value?: string | null }): boolean {
    const scope = this.ctx.scopeStations;
    if (scope === null || scope.has(code)) return true;
    if (!this.#reported.has(code)) {
      this.#reported.add(code);
      this.ctx.issues.add(issue('station_out_of_scope', { file: this.ctx.file, ...where }, { station: code }));
    }
    return false;
  }
}

/** The first rows of the file, cell by cell, as they will be stored. */
export class PreviewRows {
  readonly rows: PreviewRow[] = [];
  #current: PreviewRow | null = null;
  start(row: number): void {
    this.#current = this.rows.length < PREVIEW_ROWS ? { row, cells: {} } : null;
    if (this.#current !== null) this.rows.push(this.#current);
  }
  get active(): boolean {
    return this.#current !== null;
  }
  set(canonical: string, raw: Cell | undefined, value: PreviewCell['value'], eras?: { ce: string; be: string }): void {
    if (this.#current === null) return;
    const cell: PreviewCell = { raw: cellShown(raw), value };
    if (eras !== undefined) {
      cell.ce = eras.ce;
      cell.be = eras.be;
    }
    this.#current.cells[canonical] = cell;
  }
}

/** Tracks which rows had an error, for the counts. */
export class RowErrors {
  #rows = new Set<number>();
  #lastErrors = 0;
  constructor(readonly issues: Issues) {}
  /** Call before a row; `end` tells whether the row got an error. */
  begin(): void {
    this.#lastErrors = this.issues.errorCount;
  }
  end(row: number): boolean {
    const bad = this.issues.errorCount > this.#lastErrors;
    if (bad) this.#rows.add(row);
    return bad;
  }
  mark(row: number): void {
    this.#rows.add(row);
  }
  get count(): number {
    return this.#rows.size;
  }
}

/** The lookups a row naming a zone and/or a station needs (readZoneAndStation). */
export interface PlaceLookups {
  stations: StationLookup;
  zones: ZoneLookup;
  scope: ScopeCheck;
}

export function placeLookups(ctx: KindContext): PlaceLookups {
  return {
    stations: new StationLookup(ctx.registry.stations),
    zones: new ZoneLookup(ctx.registry.zones),
    scope: new ScopeCheck(ctx),
  };
}

/**
 * The zone and station of a row that names a zone, a station or both (or gets either for the
 * whole file): a zone gives its station; a station that is not the zone's is an issue; neither is
 * an issue; a station outside the user's scope is an issue. Both go into the preview.
 */
export function readZoneAndStation(
  ctx: KindContext,
  cols: Columns,
  r: TableRow,
  places: PlaceLookups,
  preview: PreviewRows,
): { zone: string | null; station: string | null } {
  const { issues, file, options } = ctx;
  const at = cols.where(file, r);
  const zoneText = cols.has('zone') ? cellText(cols.cell(r, 'zone')) : options.zone?.trim() || null;
  const stationText = cols.has('station') ? cellText(cols.cell(r, 'station')) : options.station?.trim() || null;
  let zone: string | null = null;
  let station: string | null = null;
  if (zoneText !== null) {
    const z = places.zones.find(zoneText, at('zone'));
    if (z.ok) {
      zone = z.ref.code;
      station = z.ref.station_code;
    } else issues.add(z.issue);
  }
  if (stationText !== null) {
    const s = places.stations.find(stationText, at('station'));
    if (!s.ok) issues.add(s.issue);
    else if (station !== null && s.ref.code !== station) {
      issues.add(
        issue('zone_station_mismatch', at('zone', zoneText), {
          zone: zone ?? '',
          zoneStation: station,
          station: s.ref.code,
        }),
      );
    } else station = s.ref.code;
  }
  if (zoneText === null && stationText === null)
    issues.add(issue('missing_one_of_columns', at('zone'), { canonicals: ['zone', 'station'] }));
  if (station !== null)
    places.scope.allows(station, {
      row: r.row,
      column: cols.name('station') ?? cols.name('zone'),
      value: stationText ?? zoneText,
    });
  preview.set('zone', cols.cell(r, 'zone') ?? null, zone);
  preview.set('station', cols.cell(r, 'station') ?? null, station);
  return { zone, station };
}
