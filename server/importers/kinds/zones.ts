/**
 * Zones (data-formats.md "Zones"): GeoJSON (QGIS) or KML / KMZ (Google My Maps), one feature per
 * zone. Feature properties are matched like table headers (canonical names, aliases, the user's
 * mapping). Geometry is validated (open rings, self-intersection, lat/lon swapped... reported per
 * feature). An existing zone code is updated in place (the previous row kept for undo); after the
 * write, the incidents of every station whose zones changed are re-assigned by point-in-polygon.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../../db/database.ts';
import { geometryAreaKm2 } from '../../geo/measure.ts';
import type { GeoFeature, GeoParseResult } from '../../geo/features.ts';
import { validateGeometry } from '../../geo/validate.ts';
import { type ZoneWriteRow, writeZones } from '../../queries/imports-zones.ts';
import type { RegistryStation, RegistryZone } from '../../queries/import-registry.ts';
import { type ImportKind, matchHeaders, type UserMapping } from '../parse/headers.ts';
import { normalizeCode } from '../parse/names.ts';
import { FatalImportError, issue } from '../issues.ts';
import type { TableRow } from '../source/table.ts';
import type { ColumnMapping } from '../types.ts';
import { bothEras, cellShown, cellText, labelKey, readNumber } from '../values.ts';
import { Columns, type KindContext, PreviewRows, RowErrors, ScopeCheck, StationLookup } from './common.ts';
import type { KindReader } from './kind.ts';

const CRITERIA = new Map<string, 'risk' | 'landmark' | 'economic'>(
  (
    [
      ['risk', 'risk'],
      ['ความเสี่ยง', 'risk'],
      ['เสี่ยง', 'risk'],
      ['พื้นที่เสี่ยง', 'risk'],
      ['landmark', 'landmark'],
      ['แลนด์มาร์ก', 'landmark'],
      ['แลนด์มาร์ค', 'landmark'],
      ['สถานที่สำคัญ', 'landmark'],
      ['economic', 'economic'],
      ['economy', 'economic'],
      ['เศรษฐกิจ', 'economic'],
    ] as const
  ).map(([k, v]) => [labelKey(k).replace(/\s+/g, ''), v]),
);

function criteriaOf(text: string): string | null {
  const parts = text
    .split(/[,;/|+]|\s+และ\s+|\s+and\s+/i)
    .map((s) => labelKey(s).replace(/\s+/g, ''))
    .filter((s) => s !== '');
  const out = new Set<string>();
  for (const p of parts) {
    const c = CRITERIA.get(p);
    if (c === undefined) return null;
    out.add(c);
  }
  return out.size === 0 ? null : [...out].join(',');
}

interface ZoneFeatureRow extends ZoneWriteRow {
  row: number;
  previousStation: string | null;
}

export class ZonesReader implements KindReader {
  readonly preview = new PreviewRows();
  readonly #ctx: KindContext;
  readonly #cols: Columns;
  readonly #stations: StationLookup;
  readonly #scope: ScopeCheck;
  readonly #errors: RowErrors;
  readonly #existing: ReadonlyMap<string, RegistryZone>;
  readonly #rows: ZoneFeatureRow[] = [];
  readonly #codes = new Map<string, number>();
  readonly #features: ReadonlyMap<number, GeoFeature>;
  #fileStation: RegistryStation | null = null;
  #rowsRead = 0;

  constructor(ctx: KindContext, cols: Columns, features: readonly GeoFeature[]) {
    this.#ctx = ctx;
    this.#cols = cols;
    this.#stations = new StationLookup(ctx.registry.stations);
    this.#scope = new ScopeCheck(ctx);
    this.#errors = new RowErrors(ctx.issues);
    this.#existing = new Map(ctx.registry.zones.map((z) => [normalizeCode(z.code), z]));
    this.#features = new Map(features.map((f) => [f.index, f]));
    const st = ctx.options.station?.trim();
    if (st !== undefined && st !== '' && !cols.has('station')) {
      const found = this.#stations.find(st, { file: ctx.file, row: null, column: null });
      if (found.ok) this.#fileStation = found.ref;
      else ctx.issues.add(found.issue);
    }
  }

  row(r: TableRow): void {
    this.#rowsRead++;
    const { issues, file } = this.#ctx;
    const cols = this.#cols;
    const at = (c: string | null, value?: unknown) => ({
      file,
      row: r.row,
      ...(r.line === undefined ? {} : { line: r.line }),
      column: c === null ? null : cols.name(c),
      value,
    });
    const p = this.preview;
    p.start(r.row);
    this.#errors.begin();
    const required = (c: string): string | null => {
      const v = cellText(cols.cell(r, c));
      if (v === null) issues.add(issue('required_value_missing', at(c)));
      p.set(c, cols.cell(r, c), v);
      return v;
    };
    const code = required('code');
    const nameTh = required('name_th');
    const nameEn = cellText(cols.cell(r, 'name_en'));
    if (cols.has('name_en')) p.set('name_en', cols.cell(r, 'name_en'), nameEn);

    let station = this.#fileStation;
    if (cols.has('station')) {
      station = null;
      const raw = cellText(cols.cell(r, 'station'));
      if (raw === null) issues.add(issue('required_value_missing', at('station')));
      else {
        const found = this.#stations.find(raw, at('station'));
        if (found.ok) station = found.ref;
        else issues.add(found.issue);
      }
    }
    p.set('station', cols.cell(r, 'station') ?? null, station?.code ?? null);
    if (station !== null)
      this.#scope.allows(station.code, { row: r.row, column: cols.name('station'), value: station.code });

    const dateCell = cols.cell(r, 'start_date');
    const d = this.#ctx.dates.read(dateCell);
    let start: string | null = null;
    if (d === null) issues.add(issue('required_value_missing', at('start_date')));
    else if (!d.ok) issues.add(issue('invalid_date', at('start_date', cellShown(dateCell)), { reason: d.reason }));
    else {
      start = d.date;
      p.set(
        'start_date',
        dateCell,
        d.date,
        bothEras({ ok: true, date: d.date, month: d.month, utcMillis: d.utcMillis }),
      );
    }

    let population: number | null = null;
    if (cols.has('population')) {
      const cell = cols.cell(r, 'population');
      const v = readNumber(cell, { integer: true, nonNegative: true });
      if (v !== null && !v.ok)
        issues.add(issue('invalid_number', at('population', cellShown(cell)), { reason: v.reason }));
      else if (v !== null) population = v.value;
      p.set('population', cell, population);
    }
    let area: number | null = null;
    if (cols.has('area_km2')) {
      const cell = cols.cell(r, 'area_km2');
      const v = readNumber(cell, { positive: true });
      if (v !== null && !v.ok)
        issues.add(issue('invalid_number', at('area_km2', cellShown(cell)), { reason: v.reason }));
      else if (v !== null) area = v.value;
    }
    const kind = cellText(cols.cell(r, 'kind'));
    if (cols.has('kind')) p.set('kind', cols.cell(r, 'kind'), kind);
    let criteria: string | null = null;
    const criteriaText = cellText(cols.cell(r, 'criteria'));
    if (criteriaText !== null) {
      criteria = criteriaOf(criteriaText);
      if (criteria === null) {
        issues.add(
          issue('invalid_value', at('criteria', criteriaText), {
            reason: {
              th: 'ใช้ ความเสี่ยง (risk), แลนด์มาร์ก (landmark) หรือ เศรษฐกิจ (economic)',
              en: 'use risk, landmark or economic',
            },
          }),
        );
      }
      p.set('criteria', cols.cell(r, 'criteria'), criteria);
    }

    // Geometry.
    const feature = this.#features.get(r.row);
    const v = validateGeometry(feature?.geometry ?? null);
    let geometry: string | null = null;
    let bbox = null;
    if (!v.ok) {
      for (const problem of v.problems) {
        const place = [problem.part, problem.ring, problem.vertex].some((x) => x !== undefined)
          ? `part ${(problem.part ?? 0) + 1}, ring ${(problem.ring ?? 0) + 1}, vertex ${(problem.vertex ?? 0) + 1}`
          : null;
        issues.add(issue('invalid_geometry', at(null, place), { reason: problem }));
      }
    } else {
      geometry = JSON.stringify(v.geometry);
      bbox = v.bbox;
      if (area === null) area = Math.round(geometryAreaKm2(v.geometry) * 1e6) / 1e6;
    }
    p.set('area_km2', cols.cell(r, 'area_km2') ?? null, area);

    if (code !== null) {
      const key = normalizeCode(code);
      const first = this.#codes.get(key);
      if (first !== undefined) issues.add(issue('duplicate_zone_in_file', at('code', code), { firstRow: first }));
      else this.#codes.set(key, r.row);
    }
    if (
      this.#errors.end(r.row) ||
      code === null ||
      nameTh === null ||
      station === null ||
      start === null ||
      geometry === null ||
      bbox === null
    )
      return;
    const before = this.#existing.get(normalizeCode(code));
    if (before !== undefined && before.station_code !== station.code) {
      this.#scope.allows(before.station_code, { row: r.row, column: cols.name('code'), value: code });
    }
    this.#rows.push({
      row: r.row,
      id: before?.code ?? code,
      station_code: station.code,
      name_th: nameTh,
      name_en: nameEn,
      kind,
      criteria,
      start_date: start,
      population,
      area_km2: area,
      geometry,
      min_lon: bbox.minLon,
      min_lat: bbox.minLat,
      max_lon: bbox.maxLon,
      max_lat: bbox.maxLat,
      previousStation: before?.station_code ?? null,
    });
  }

  async finish(_db: Database): Promise<void> {
    if (this.#fileStation === null && !this.#cols.has('station') && this.#ctx.options.station === undefined) {
      this.#ctx.issues.add(issue('missing_required_column', { file: this.#ctx.file }, { canonical: 'station' }));
    }
  }

  stations(): string[] {
    return [...new Set(this.#rows.map((r) => r.station_code))].sort();
  }

  zoneStations(): string[] {
    const s = new Set<string>();
    for (const r of this.#rows) {
      s.add(r.station_code);
      if (r.previousStation !== null) s.add(r.previousStation);
    }
    return [...s].sort();
  }

  counts() {
    return {
      rowsRead: this.#rowsRead,
      write: { zones: this.#rows.length },
      skipped: 0,
      rowsWithErrors: this.#errors.count,
    };
  }

  async write(conn: DuckDBConnection, importId: number): Promise<Record<string, number>> {
    return { zones: await writeZones(conn, this.#rows, importId) };
  }

  details(): Record<string, unknown> {
    return {
      added: this.#rows.filter((r) => r.previousStation === null).length,
      updated: this.#rows.filter((r) => r.previousStation !== null).length,
    };
  }
}

export interface ZoneFileRead {
  reader: KindReader;
  headers: string[];
  mapping: Record<string, string>;
  extra: string[];
  unmapped: { missing: string[]; ambiguous: { canonical: string; headers: string[] }[] };
}

/** A parsed GeoJSON / KML / KMZ file (source/shapes.ts) into a zones reader with its features read. */
export async function readZoneFile(
  ctx: KindContext,
  parsed: GeoParseResult,
  mapping: ColumnMapping | undefined,
  fileDefaults: string[],
): Promise<ZoneFileRead> {
  const { file, issues } = ctx;
  for (const pr of parsed.problems) {
    issues.add(
      issue(
        'geo_file',
        { file, row: pr.feature, ...(pr.line === undefined ? {} : { line: pr.line }), severity: pr.severity },
        { reason: pr },
      ),
    );
  }
  if (!parsed.ok) throw new FatalImportError(issue('no_rows', { file }));
  const features = parsed.features as GeoFeature[];
  // Property names in order of first appearance, as the "header".
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    for (const k of Object.keys(f.properties)) {
      if (!seen.has(k)) {
        seen.add(k);
        headers.push(k);
      }
    }
  }
  const kind: ImportKind = 'zones';
  const match = matchHeaders(kind, headers, mapping as UserMapping<'zones'> | undefined, {
    fileDefaults: fileDefaults as never,
  });
  for (const canonical of match.missingRequired) issues.add(issue('missing_required_column', { file }, { canonical }));
  for (const a of match.ambiguous) {
    const hs = a.columns.map((i) => headers[i] ?? String(i));
    issues.add(issue('ambiguous_column', { file, column: hs[0] ?? null }, { canonical: a.canonical, headers: hs }));
  }
  for (const m of match.invalidMapping)
    issues.add(
      issue('invalid_mapping', { file, value: String(m.target) }, { canonical: m.canonical, target: String(m.target) }),
    );
  const mapped: Record<string, string> = {};
  for (const [canonical, index] of Object.entries(match.mapping))
    if (typeof index === 'number') mapped[canonical] = headers[index] ?? String(index);
  const cols = new Columns(headers, match);
  const reader = new ZonesReader(ctx, cols, features);
  if (match.ok) {
    for (const f of features) {
      const cells = headers.map((h) => f.properties[h] ?? null);
      reader.row({ row: f.index, ...(f.line === undefined ? {} : { line: f.line }), fields: cells });
    }
  }
  return {
    reader,
    headers,
    mapping: mapped,
    extra: match.extra,
    unmapped: {
      missing: [...match.missingRequired, ...match.missingOneOf.flat()],
      ambiguous: match.ambiguous.map((a) => ({
        canonical: a.canonical,
        headers: a.columns.map((i) => headers[i] ?? String(i)),
      })),
    },
  };
}
