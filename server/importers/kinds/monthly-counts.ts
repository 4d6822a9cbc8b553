/**
 * Monthly counts (data-formats.md): station, optional zone, month, group or offence type, count.
 * A key (station, zone, month, group, type) twice in one file is an error, never a sum. A key
 * already stored by an earlier import is skipped when the count is the same (an exact re-import)
 * and an error when it differs (undo that import to change it).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ceToBe } from '../../contracts/calendar.ts';
import { DEFAULT_GROUP_SCHEME } from '../../contracts/imports.ts';
import type { Database } from '../../db/database.ts';
import {
  existingMonthlyCounts,
  type MonthlyCountRow,
  writeMonthlyCounts,
} from '../../queries/imports-monthly-counts.ts';
import type { RegistryStation } from '../../queries/import-registry.ts';
import { parseCount } from '../parse/numbers.ts';
import { thaiDigitsToAscii } from '../parse/thai-digits.ts';
import { issue } from '../issues.ts';
import { OffenceResolver, type Scheme } from '../offences.ts';
import type { TableRow } from '../source/table.ts';
import type { UnknownOffenceType } from '../types.ts';
import { bothEras, cellShown, cellText, readNumber } from '../values.ts';
import {
  type Columns,
  type KindContext,
  PreviewRows,
  RowErrors,
  ScopeCheck,
  StationLookup,
  ZoneLookup,
} from './common.ts';
import type { KindReader } from './kind.ts';

const YEAR_RE = /^\s*(\d{4})(?:\.0+)?\s*$/;

interface Pending extends MonthlyCountRow {
  row: number;
  line?: number;
}

export class MonthlyCountsReader implements KindReader {
  readonly preview = new PreviewRows();
  readonly #ctx: KindContext;
  readonly #cols: Columns;
  readonly #offences: OffenceResolver;
  readonly #scheme: Scheme;
  readonly #stations: StationLookup;
  readonly #zones: ZoneLookup;
  readonly #scope: ScopeCheck;
  readonly #errors: RowErrors;
  readonly #fileStation: RegistryStation | null = null;
  readonly #fileZone: { code: string; station: string } | null = null;
  readonly #rows: Pending[] = [];
  readonly #keys = new Map<string, number>();
  readonly #unknown = new Map<string, UnknownOffenceType>();
  #keep: Pending[] = [];
  #rowsRead = 0;
  #skipped = 0;

  constructor(ctx: KindContext, cols: Columns) {
    this.#ctx = ctx;
    this.#cols = cols;
    const r = ctx.registry;
    this.#offences = new OffenceResolver(r.offenceTypes, r.offenceGroups, r.userOffences, ctx.options.offenceMap ?? {});
    this.#scheme = ctx.options.groupScheme ?? DEFAULT_GROUP_SCHEME;
    this.#stations = new StationLookup(r.stations);
    this.#zones = new ZoneLookup(r.zones);
    this.#scope = new ScopeCheck(ctx);
    this.#errors = new RowErrors(ctx.issues);
    const where = { file: ctx.file, row: null, column: null };
    const st = ctx.options.station?.trim();
    if (st !== undefined && st !== '' && !cols.has('station')) {
      const found = this.#stations.find(st, where);
      if (found.ok) {
        this.#fileStation = found.ref;
        this.#scope.allows(found.ref.code, { row: null, column: null, value: st });
      } else ctx.issues.add(found.issue);
    }
    const zn = ctx.options.zone?.trim();
    if (zn !== undefined && zn !== '' && !cols.has('zone')) {
      const found = this.#zones.find(zn, where);
      if (found.ok) this.#fileZone = { code: found.ref.code, station: found.ref.station_code };
      else ctx.issues.add(found.issue);
    }
  }

  row(r: TableRow): void {
    this.#rowsRead++;
    const { issues, file } = this.#ctx;
    const cols = this.#cols;
    const at = cols.where(file, r);
    const p = this.preview;
    p.start(r.row);
    this.#errors.begin();

    let station = this.#fileStation?.code ?? null;
    if (cols.has('station')) {
      const raw = cellText(cols.cell(r, 'station'));
      station = null;
      if (raw === null) issues.add(issue('required_value_missing', at('station')));
      else {
        const found = this.#stations.find(raw, at('station'));
        if (found.ok) {
          station = found.ref.code;
          this.#scope.allows(station, { row: r.row, column: cols.name('station'), value: raw });
        } else issues.add(found.issue);
      }
    }
    p.set('station', cols.cell(r, 'station') ?? null, station);

    let zone = this.#fileZone?.code ?? null;
    let zoneStation = this.#fileZone?.station ?? null;
    if (cols.has('zone')) {
      const raw = cellText(cols.cell(r, 'zone'));
      zone = null;
      zoneStation = null;
      if (raw !== null) {
        const found = this.#zones.find(raw, at('zone'));
        if (found.ok) {
          zone = found.ref.code;
          zoneStation = found.ref.station_code;
        } else issues.add(found.issue);
      }
      p.set('zone', cols.cell(r, 'zone'), zone);
    }
    if (zone !== null && station !== null && zoneStation !== station) {
      issues.add(issue('zone_station_mismatch', at('zone', zone), { zone, zoneStation: zoneStation ?? '', station }));
    }

    const monthCell = cols.cell(r, 'month');
    const yearOnly =
      typeof monthCell === 'string' || typeof monthCell === 'number'
        ? YEAR_RE.exec(thaiDigitsToAscii(String(monthCell)))
        : null;
    const d = yearOnly === null ? this.#ctx.dates.read(monthCell) : null;
    let month: string | null = null;
    if (yearOnly !== null) {
      const y = Number(yearOnly[1]);
      const be = y >= 2400 ? y : ceToBe(y);
      issues.add(
        issue('invalid_date', at('month', cellShown(monthCell)), {
          reason: {
            th: `${be} เป็นปีทั้งปี ไม่ใช่เดือน: จำนวนรายเดือนต้องระบุเดือน เช่น ม.ค. ${be} (ตัวเลขรายปีใช้เป็นเกณฑ์ KPI รายเดือนไม่ได้)`,
            en: `${yearOnly[1]} is a whole year, not a month: monthly counts need a month, e.g. 1/${be} (yearly totals cannot feed the monthly KPIs)`,
          },
        }),
      );
    } else if (d === null) issues.add(issue('required_value_missing', at('month')));
    else if (d !== null && !d.ok)
      issues.add(issue('invalid_date', at('month', cellShown(monthCell)), { reason: d.reason }));
    else if (d !== null) {
      month = `${d.month}-01`;
      const eras = bothEras({ ...d, monthOnly: true });
      p.set('month', monthCell, d.month, eras);
    }

    const typeText = cols.has('crime_type') ? cellText(cols.cell(r, 'crime_type')) : null;
    const groupText = cols.has('crime_group') ? cellText(cols.cell(r, 'crime_group')) : null;
    const typeMatch = typeText === null ? null : this.#offences.type(typeText);
    let group: number | null = null;
    if (groupText !== null) {
      const g = this.#offences.group(groupText, this.#scheme);
      if (!g.ok) {
        issues.add(
          issue('invalid_group', at('crime_group', groupText), {
            scheme: this.#scheme === 'legacy5' ? 'five groups' : 'four groups',
            max: this.#scheme === 'legacy5' ? 5 : 4,
          }),
        );
      } else if (g.group4 !== null) group = g.group4;
      else if (g.legacy5 !== null) {
        if (typeMatch !== null) group = typeMatch.group4;
        else {
          const c = this.#offences.currentOfLegacy(g.legacy5);
          if (c.ok) group = c.group4;
          else
            issues.add(
              issue('ambiguous_legacy_group', at('crime_group', groupText), {
                group: g.legacy5,
                current: c.current ?? [],
              }),
            );
        }
      }
    } else if (typeText !== null) {
      if (typeMatch !== null) group = typeMatch.group4;
      else {
        const u = this.#unknown.get(typeText);
        if (u === undefined) this.#unknown.set(typeText, { label: typeText, rows: 1, firstRow: r.row });
        else u.rows++;
        this.#errors.mark(r.row);
      }
    } else {
      issues.add(issue('required_value_missing', at(cols.has('crime_group') ? 'crime_group' : 'crime_type')));
    }
    if (cols.has('crime_type')) p.set('crime_type', cols.cell(r, 'crime_type'), typeMatch?.typeKey ?? typeText);
    p.set('crime_group', cols.cell(r, 'crime_group') ?? null, group);

    const countCell = cols.cell(r, 'count');
    let count: number | null = null;
    if (countCell === null || countCell === undefined || cellText(countCell) === null) {
      issues.add(issue('required_value_missing', at('count')));
    } else {
      const c = readNumber(countCell, { integer: true, nonNegative: true }) ?? parseCount('');
      if (!c.ok) issues.add(issue('invalid_number', at('count', cellShown(countCell)), { reason: c.reason }));
      else count = c.value;
    }
    p.set('count', countCell, count);

    if (this.#errors.end(r.row) || station === null || month === null || group === null || count === null) return;
    const type = typeMatch?.typeKey ?? typeText;
    const key = [station, zone ?? '', month, group, type ?? ''].join('\u0000');
    const first = this.#keys.get(key);
    if (first !== undefined) {
      issues.add(
        issue('duplicate_key', at('month', cellShown(monthCell)), {
          firstRow: first,
          key: 'station, zone, month, group / type',
        }),
      );
      this.#errors.mark(r.row);
      return;
    }
    this.#keys.set(key, r.row);
    this.#rows.push({
      row: r.row,
      ...(r.line === undefined ? {} : { line: r.line }),
      station_code: station,
      zone_id: zone,
      month,
      crime_group: group,
      crime_type: type,
      cases: count,
    });
  }

  async finish(db: Database): Promise<void> {
    const { issues, file } = this.#ctx;
    for (const u of this.#unknown.values()) {
      issues.add(
        issue(
          'unknown_offence_type',
          { file, row: u.firstRow, column: this.#cols.name('crime_type'), value: u.label },
          { rows: u.rows, firstRow: u.firstRow },
        ),
      );
    }
    if (this.#fileStation === null && !this.#cols.has('station'))
      issues.add(issue('missing_required_column', { file }, { canonical: 'station' }));
    const existing = await existingMonthlyCounts(db, this.stations());
    this.#keep = [];
    for (const r of this.#rows) {
      const key = [r.station_code, r.zone_id ?? '', r.month, r.crime_group, r.crime_type ?? ''].join('\u0000');
      const before = existing.get(key);
      if (before === undefined) {
        this.#keep.push(r);
        continue;
      }
      const where = { file, row: r.row, column: this.#cols.name('count'), value: r.cases };
      if (before.cases === r.cases) {
        this.#skipped++;
        issues.add(issue('same_row_imported', where, { importId: before.importId }));
      } else issues.add(issue('count_conflict', where, { importId: before.importId, existing: before.cases }));
    }
  }

  stations(): string[] {
    return [...new Set(this.#rows.map((r) => r.station_code))].sort();
  }

  unknownOffenceTypes(): UnknownOffenceType[] {
    return [...this.#unknown.values()].sort((a, b) => b.rows - a.rows || a.firstRow - b.firstRow);
  }

  counts() {
    return {
      rowsRead: this.#rowsRead,
      write: { monthly_counts: this.#keep.length },
      skipped: this.#skipped,
      rowsWithErrors: this.#errors.count,
    };
  }

  async write(conn: DuckDBConnection, importId: number): Promise<Record<string, number>> {
    return { monthly_counts: await writeMonthlyCounts(conn, this.#keep, importId) };
  }

  details(): Record<string, unknown> {
    return { offenceMappingVersion: this.#offences.mappingVersion, groupScheme: this.#scheme };
  }
}
