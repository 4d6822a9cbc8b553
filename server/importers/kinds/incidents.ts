/**
 * Incidents (data-formats.md "Incidents"): one row per case.
 *
 * Per row: station (column, or one for the whole file), date-time or month, offence type and
 * group (versioned reference mapping, offences.ts), optional point and zone. After all rows:
 * case numbers already stored for the station are skipped (exact re-imports), duplicates inside
 * the file are kept and reported, and every located case gets its zone and buffer rings by
 * point-in-polygon against its station's zones (unless the file named the zone).
 * Rows are kept columnar (plain arrays) so a million rows stay cheap.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../../db/database.ts';
import { existingCaseIds, type IncidentBatch, writeIncidents, zoneShapesOf } from '../../queries/imports-incidents.ts';
import type { RegistryStation } from '../../queries/import-registry.ts';
import { makeIssue } from '../parse/errors.ts';
import { issue } from '../issues.ts';
import { OffenceResolver, type Scheme } from '../offences.ts';
import type { TableRow } from '../source/table.ts';
import { buildLocator, shapesFromRows } from '../spatial.ts';
import type { UnknownOffenceType } from '../types.ts';
import { bothEras, type Cell, cellShown, cellText, epochDays, readNumber, wallMicros } from '../values.ts';
import type { NumberResult } from '../parse/numbers.ts';
import { thaiDigitsToAscii } from '../parse/thai-digits.ts';
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

/** Thailand's box, to recognise a swapped latitude / longitude pair. */
const TH = { minLon: 97.3, maxLon: 105.7, minLat: 5.6, maxLat: 20.5 };
const inThailand = (lon: number, lat: number) =>
  lon >= TH.minLon && lon <= TH.maxLon && lat >= TH.minLat && lat <= TH.maxLat;

const LAT = { min: -90, max: 90 } as const;
const LON = { min: -180, max: 180 } as const;

/** A coordinate: plain decimal text in range is read without allocating (the common case). */
function readCoordinate(cell: Cell | undefined, range: { min: number; max: number }): NumberResult | null {
  if (typeof cell === 'string' && cell.length > 0 && cell.length < 20) {
    const v = +cell;
    if (!Number.isNaN(v) && v >= range.min && v <= range.max && plainDecimal(cell)) {
      // One shared result object per row and axis is enough: the caller reads it at once.
      const box = range === LAT ? LAT_BOX : LON_BOX;
      box.value = v === 0 ? 0 : v;
      return box;
    }
  }
  return readNumber(cell, range);
}
/** "-12.345": digits, at most one inner dot, an optional leading minus (no exponent, hex, spaces). */
function plainDecimal(s: string): boolean {
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  let dot = false;
  let digits = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot && digits > 0 && i < s.length - 1) dot = true;
    else return false;
  }
  return digits > 0;
}
const LAT_BOX: { ok: true; value: number } = { ok: true, value: 0 };
const LON_BOX: { ok: true; value: number } = { ok: true, value: 0 };

class Dict {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();
  id(v: string): number {
    let i = this.#index.get(v);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(v);
      this.#index.set(v, i);
    }
    return i;
  }
}

export class IncidentsReader implements KindReader {
  readonly preview = new PreviewRows();
  readonly #ctx: KindContext;
  readonly #cols: Columns;
  readonly #offences: OffenceResolver;
  readonly #scheme: Scheme;
  readonly #stations: StationLookup;
  readonly #zones: ZoneLookup;
  readonly #scope: ScopeCheck;
  readonly #rowErrors: RowErrors;
  readonly #fileStation: RegistryStation | null;
  readonly #unknown = new Map<string, UnknownOffenceType>();
  /** An explicit ring width for every zone; absent = each zone's bufferMeters setting. */
  readonly #ringMeters: number | undefined;

  // Columnar rows (only rows without errors are kept).
  readonly #types = new Dict();
  readonly #stationDict = new Dict();
  readonly #zoneDict = new Dict();
  readonly #rowNo: number[] = [];
  readonly #line: (number | undefined)[] = [];
  readonly #caseId: (string | null)[] = [];
  readonly #occurredUs: number[] = [];
  readonly #monthDays: number[] = [];
  readonly #type: number[] = [];
  readonly #group: number[] = [];
  readonly #legacy: number[] = [];
  readonly #lat: number[] = [];
  readonly #lon: number[] = [];
  readonly #station: number[] = [];
  readonly #zone: number[] = [];
  readonly #zoneFromFile: boolean[] = [];
  #keep: Uint8Array | null = null;
  #ringRow: number[] = [];
  #ringZone: number[] = [];
  #rowsRead = 0;
  #skipped = 0;
  readonly #monthDaysCache = new Map<string, number>();

  constructor(ctx: KindContext, cols: Columns) {
    this.#ctx = ctx;
    this.#cols = cols;
    const r = ctx.registry;
    this.#offences = new OffenceResolver(r.offenceTypes, r.offenceGroups, r.userOffences, ctx.options.offenceMap ?? {});
    this.#scheme = ctx.options.groupScheme ?? 'current4';
    this.#stations = new StationLookup(r.stations);
    this.#zones = new ZoneLookup(r.zones);
    this.#scope = new ScopeCheck(ctx);
    this.#rowErrors = new RowErrors(ctx.issues);
    this.#ringMeters = ctx.options.ringMeters;
    this.#fileStation = null;
    const chosen = ctx.options.station?.trim();
    if (chosen !== undefined && chosen !== '' && !cols.has('station')) {
      const found = this.#stations.find(chosen, { file: ctx.file, row: null, column: null });
      if (found.ok) {
        this.#fileStation = found.ref;
        this.#scope.allows(found.ref.code, { row: null, column: null, value: chosen });
      } else ctx.issues.add(found.issue);
    }
  }

  /** Where an issue is: this file, the row, the column as written. (A method: no closure per row.) */
  readonly #where = (r: TableRow, canonical: string, value?: unknown) => ({
    file: this.#ctx.file,
    row: r.row,
    ...(r.line === undefined ? {} : { line: r.line }),
    column: this.#cols.name(canonical),
    value,
  });

  get mappingVersion(): string {
    return this.#offences.mappingVersion;
  }

  row(r: TableRow): void {
    this.#rowsRead++;
    const ctx = this.#ctx;
    const cols = this.#cols;
    const at = this.#where;
    const issues = ctx.issues;
    const p = this.preview;
    p.start(r.row);
    this.#rowErrors.begin();

    // Station.
    let station: RegistryStation | null = this.#fileStation;
    if (cols.has('station')) {
      const raw = cellText(cols.cell(r, 'station'));
      if (raw === null) {
        if (this.#fileStation === null) issues.add(makeIssue('required_value_missing', at(r, 'station')));
      } else {
        const found = this.#stations.cached(raw) ?? this.#stations.find(raw, at(r, 'station'));
        if (found.ok) {
          station = found.ref;
          this.#scope.allows(station.code, { row: r.row, column: cols.name('station'), value: raw });
        } else {
          issues.add(found.issue);
          station = null;
        }
      }
      p.set('station', cols.cell(r, 'station'), station?.code ?? null);
    } else if (p.active) p.set('station', null, station?.code ?? null);

    // Date, time or month.
    const dateCell = cols.cell(r, 'occurred_at');
    const d = ctx.dates.read(dateCell);
    let occurredUs = Number.NaN;
    let monthDays = 0;
    if (d === null) issues.add(makeIssue('required_value_missing', at(r, 'occurred_at')));
    else if (!d.ok)
      issues.add(makeIssue('invalid_date', at(r, 'occurred_at', cellShown(dateCell)), { reason: d.reason }));
    else {
      let md = this.#monthDaysCache.get(d.month);
      if (md === undefined) {
        md = epochDays(`${d.month}-01`);
        this.#monthDaysCache.set(d.month, md);
      }
      monthDays = md;
      if (d.monthOnly !== true) occurredUs = wallMicros(d);
      if (p.active) {
        const eras = bothEras(d);
        p.set('occurred_at', dateCell, eras.ce, eras);
      }
    }

    // Offence type and group.
    const typeCell = cols.cell(r, 'crime_type');
    const typeText = cellText(typeCell);
    const typeMatch = typeText === null ? null : this.#offences.type(typeText);
    let group4: number | null = null;
    let legacy: number | null = null;
    const groupText = cols.has('crime_group') ? cellText(cols.cell(r, 'crime_group')) : null;
    let groupBad = false;
    if (groupText !== null) {
      const g = this.#offences.group(groupText, this.#scheme);
      if (!g.ok) {
        groupBad = true;
        issues.add(
          issue('invalid_group', at(r, 'crime_group', groupText), {
            scheme: this.#scheme === 'legacy5' ? 'five groups' : 'four groups',
            max: this.#scheme === 'legacy5' ? 5 : 4,
          }),
        );
      } else if (g.group4 !== null) {
        group4 = g.group4;
        legacy = typeMatch?.legacy5 ?? null;
        if (typeMatch !== null && typeMatch.group4 !== g.group4 && typeMatch.via === 'reference') {
          issues.add(
            issue('group_type_conflict', at(r, 'crime_group', groupText), {
              group: g.group4,
              typeGroup: typeMatch.group4,
              type: typeText ?? '',
            }),
          );
        }
      } else if (g.legacy5 !== null) {
        legacy = g.legacy5;
        if (typeMatch !== null) group4 = typeMatch.group4;
        else {
          const c = this.#offences.currentOfLegacy(g.legacy5);
          if (c.ok) group4 = c.group4;
          else {
            groupBad = true;
            issues.add(
              issue('ambiguous_legacy_group', at(r, 'crime_group', groupText), {
                group: g.legacy5,
                current: c.current ?? [],
              }),
            );
          }
        }
      }
    }
    if (typeText === null) issues.add(makeIssue('required_value_missing', at(r, 'crime_type')));
    else if (typeMatch === null && group4 === null && !groupBad) {
      const u = this.#unknown.get(typeText);
      if (u === undefined) this.#unknown.set(typeText, { label: typeText, rows: 1, firstRow: r.row });
      else u.rows++;
      this.#rowErrors.mark(r.row);
    } else if (typeMatch !== null && group4 === null && !groupBad) {
      group4 = typeMatch.group4;
      legacy = typeMatch.legacy5;
    }
    p.set('crime_type', typeCell, typeMatch?.typeKey ?? typeText);
    if (p.active) p.set('crime_group', cols.cell(r, 'crime_group'), group4);

    // Point.
    let lat = Number.NaN;
    let lon = Number.NaN;
    if (cols.has('lat') || cols.has('lon')) {
      const latCell = cols.cell(r, 'lat');
      const lonCell = cols.cell(r, 'lon');
      const la = readCoordinate(latCell, LAT);
      const lo = readCoordinate(lonCell, LON);
      if (la !== null && !la.ok)
        issues.add(makeIssue('invalid_number', at(r, 'lat', cellShown(latCell)), { reason: la.reason }));
      if (lo !== null && !lo.ok)
        issues.add(makeIssue('invalid_number', at(r, 'lon', cellShown(lonCell)), { reason: lo.reason }));
      if (la !== null && lo !== null && la.ok && lo.ok) {
        if (!inThailand(lo.value, la.value) && inThailand(la.value, lo.value)) {
          issues.add(issue('swapped_coordinates', at(r, 'lat', `${cellShown(latCell)}, ${cellShown(lonCell)}`)));
        } else {
          lat = la.value;
          lon = lo.value;
        }
      } else if ((la === null) !== (lo === null) && (la?.ok ?? true) && (lo?.ok ?? true)) {
        issues.add(issue('half_coordinates', at(r, la === null ? 'lat' : 'lon')));
      }
      if (p.active) {
        p.set('lat', latCell, Number.isNaN(lat) ? null : lat);
        p.set('lon', lonCell, Number.isNaN(lon) ? null : lon);
      }
    }

    // Zone named by the file (wins over point-in-polygon).
    let zone = -1;
    let zoneFromFile = false;
    if (cols.has('zone')) {
      const zText = cellText(cols.cell(r, 'zone'));
      if (zText !== null) {
        const z = this.#zones.find(zText, at(r, 'zone'));
        if (!z.ok) issues.add(z.issue);
        else if (station !== null && z.ref.station_code !== station.code) {
          issues.add(
            issue('zone_station_mismatch', at(r, 'zone', zText), {
              zone: z.ref.code,
              zoneStation: z.ref.station_code,
              station: station.code,
            }),
          );
        } else {
          zone = this.#zoneDict.id(z.ref.code);
          zoneFromFile = true;
        }
        p.set('zone', cols.cell(r, 'zone'), zoneFromFile ? z.ok && z.ref.code : null);
      }
    }

    const caseText = cols.has('case_id') ? cellText(cols.cell(r, 'case_id')) : null;
    // Thai digits in case numbers are the same case as ASCII ones (๖๔/๐๐๐๘ = 64/0008).
    const caseId = caseText === null ? null : thaiDigitsToAscii(caseText);
    if (p.active && cols.has('case_id')) p.set('case_id', cols.cell(r, 'case_id'), caseId);

    if (this.#rowErrors.end(r.row) || station === null || group4 === null || d === null || !d.ok) return;
    this.#rowNo.push(r.row);
    this.#line.push(r.line);
    this.#caseId.push(caseId);
    this.#occurredUs.push(occurredUs);
    this.#monthDays.push(monthDays);
    this.#type.push(this.#types.id(typeMatch?.typeKey ?? (typeText as string)));
    this.#group.push(group4);
    this.#legacy.push(legacy ?? 0);
    this.#lat.push(lat);
    this.#lon.push(lon);
    this.#station.push(this.#stationDict.id(station.code));
    this.#zone.push(zone);
    this.#zoneFromFile.push(zoneFromFile);
  }

  async finish(db: Database): Promise<void> {
    const ctx = this.#ctx;
    const issues = ctx.issues;
    const file = ctx.file;
    const n = this.#caseId.length;
    const keep = new Uint8Array(n).fill(1);
    this.#keep = keep;

    // Unknown offence types: one error each, listing how many rows and where the first is.
    for (const u of this.#unknown.values()) {
      issues.add(
        issue(
          'unknown_offence_type',
          { file, row: u.firstRow, column: this.#cols.name('crime_type'), value: u.label },
          { rows: u.rows, firstRow: u.firstRow },
        ),
      );
    }
    if (this.#fileStation === null && !this.#cols.has('station')) {
      issues.add(makeIssue('missing_required_column', { file }, { canonical: 'station' }));
    }

    // Case numbers: duplicates in the file are kept (warning); ones already stored are skipped.
    const stations = this.#stationDict.values;
    const existing = await existingCaseIds(db, stations);
    const caseColumn = this.#cols.name('case_id');
    // A Set per station finds duplicates cheaply; only duplicated ids get a second look (their
    // first row, for the warning).
    const seenByStation = stations.map(() => new Set<string>());
    const dupByStation = stations.map(() => new Set<string>());
    let dupRows = 0;
    for (let i = 0; i < n; i++) {
      const id = this.#caseId[i];
      if (id === null || id === undefined) continue;
      const st = this.#station[i] as number;
      const before = existing.size === 0 ? undefined : existing.get(stations[st] as string)?.get(id);
      if (before !== undefined) {
        keep[i] = 0;
        this.#skipped++;
        if (issues.wants('already_imported_row', 'warning')) {
          issues.add(
            issue(
              'already_imported_row',
              { file, row: this.#rowNo[i] as number, column: caseColumn, value: id },
              { importId: before },
            ),
          );
        } else issues.tally('already_imported_row', 'warning');
        continue;
      }
      const seen = seenByStation[st] as Set<string>;
      if (seen.has(id)) {
        (dupByStation[st] as Set<string>).add(id);
        dupRows++;
      } else seen.add(id);
    }
    if (dupRows > 0) {
      const firstRow = stations.map(() => new Map<string, number>());
      for (let i = 0; i < n; i++) {
        const id = this.#caseId[i];
        if (id === null || id === undefined || keep[i] === 0) continue;
        const st = this.#station[i] as number;
        if (!(dupByStation[st] as Set<string>).has(id)) continue;
        const firsts = firstRow[st] as Map<string, number>;
        const first = firsts.get(id);
        if (first === undefined) firsts.set(id, this.#rowNo[i] as number);
        else if (issues.wants('duplicate_in_file', 'warning')) {
          issues.add(
            makeIssue(
              'duplicate_in_file',
              { file, row: this.#rowNo[i] as number, column: caseColumn, value: id },
              { firstRow: first },
            ),
          );
        } else issues.tally('duplicate_in_file', 'warning');
      }
    }

    // Zones by point-in-polygon, against each station's own zones.
    const shapes = await db.withConnection((conn) => zoneShapesOf(conn, stations));
    const { shapes: good } = shapesFromRows(shapes);
    const locator = buildLocator(good, this.#ringMeters);
    const located = good.length > 0;
    const zoneByLocator = locator.zoneIds.map((id) => this.#zoneDict.id(id));
    const ring: number[] = [];
    const ringRow: number[] = [];
    const ringZone: number[] = [];
    let pos = 0;
    // Warnings are listed while the list wants them, then only counted (a million points outside
    // every zone must not cost a million issue objects).
    let listNoCoords = true;
    let listOutside = true;
    let moreNoCoords = 0;
    let moreOutside = 0;
    for (let i = 0; i < n; i++) {
      if (keep[i] === 0) continue;
      const lat = this.#lat[i] as number;
      const row = this.#rowNo[i] as number;
      if (Number.isNaN(lat)) {
        if (listNoCoords && issues.wants('no_coordinates', 'warning'))
          issues.add(issue('no_coordinates', { file, row, column: this.#cols.name('lat') }));
        else {
          listNoCoords = false;
          moreNoCoords++;
        }
        pos++;
        continue;
      }
      const lon = this.#lon[i] as number;
      const code = stations[this.#station[i] as number] as string;
      const z = located ? locator.locate(lon, lat, code, ring) : -1;
      if (!located) ring.length = 0;
      if (this.#zoneFromFile[i] !== true) {
        this.#zone[i] = z < 0 ? -1 : (zoneByLocator[z] as number);
        if (z < 0 && located) {
          if (listOutside && issues.wants('outside_zones', 'warning'))
            issues.add(issue('outside_zones', { file, row, value: `${lat}, ${lon}` }));
          else {
            listOutside = false;
            moreOutside++;
          }
        }
      }
      for (const rz of ring) {
        ringRow.push(pos);
        ringZone.push(zoneByLocator[rz] as number);
      }
      pos++;
    }
    issues.tally('no_coordinates', 'warning', moreNoCoords);
    issues.tally('outside_zones', 'warning', moreOutside);
    this.#ringRow = ringRow;
    this.#ringZone = ringZone;
  }

  stations(): string[] {
    return [...this.#stationDict.values];
  }

  unknownOffenceTypes(): UnknownOffenceType[] {
    return [...this.#unknown.values()].sort((a, b) => b.rows - a.rows || a.firstRow - b.firstRow);
  }

  counts(): { rowsRead: number; write: Record<string, number>; skipped: number; rowsWithErrors: number } {
    const kept = this.#keep === null ? this.#caseId.length : this.#keep.reduce((a, b) => a + b, 0);
    return {
      rowsRead: this.#rowsRead,
      write: { incidents: kept, incident_rings: this.#ringRow.length },
      skipped: this.#skipped,
      rowsWithErrors: this.#rowErrors.count,
    };
  }

  async write(conn: DuckDBConnection, importId: number): Promise<Record<string, number>> {
    const keep = this.#keep ?? new Uint8Array(this.#caseId.length).fill(1);
    const all = keep.every((k) => k === 1);
    const pick = <T>(a: T[]): T[] => {
      if (all) return a;
      const out: T[] = [];
      for (let i = 0; i < a.length; i++) if (keep[i] === 1) out.push(a[i] as T);
      return out;
    };
    const batch: IncidentBatch = {
      types: this.#types.values,
      stations: this.#stationDict.values,
      zones: this.#zoneDict.values,
      caseId: pick(this.#caseId),
      occurredUs: pick(this.#occurredUs),
      monthDays: pick(this.#monthDays),
      type: pick(this.#type),
      group: pick(this.#group),
      legacy: pick(this.#legacy),
      lat: pick(this.#lat),
      lon: pick(this.#lon),
      station: pick(this.#station),
      zone: pick(this.#zone),
      zoneFromFile: pick(this.#zoneFromFile),
      ringRow: this.#ringRow,
      ringZone: this.#ringZone,
    };
    const written = await writeIncidents(conn, batch, importId);
    return { incidents: written.incidents, incident_rings: written.rings };
  }

  details(): Record<string, unknown> {
    return {
      offenceMappingVersion: this.#offences.mappingVersion,
      groupScheme: this.#scheme,
      ringMeters: this.#ringMeters,
    };
  }
}
