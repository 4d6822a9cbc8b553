/**
 * Incidents (data-formats.md "Incidents"): one row per case.
 *
 * Per row: station (column, or one for the whole file), date-time or month, offence type and
 * group (versioned reference mapping, offences.ts), optional point and zone.
 * Rows are held in chunks of typed arrays (incident-chunk.ts). A full chunk is checked: case
 * numbers the station has stored already are skipped (exact re-imports), and every located case
 * gets its zone and buffer rings by point-in-polygon against its station's zones (unless the file
 * named the zone). Then it is staged and, in a real import, written into the open transaction at
 * once: DuckDB stores one chunk while the next is read. Case numbers repeated inside the file are
 * kept and reported, found in SQL over all staged chunks at the end.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_GROUP_SCHEME } from '../../contracts/imports.ts';
import type { Database } from '../../db/database.ts';
import { existingCaseIds, IncidentStage, zoneShapesOf } from '../../queries/imports-incidents.ts';
import type { RegistryStation } from '../../queries/import-registry.ts';
import { issue } from '../issues.ts';
import { OffenceResolver, type Scheme, type TypeMatch } from '../offences.ts';
import type { TableRow } from '../source/table.ts';
import { buildLocator, type Locator, shapesFromRows } from '../spatial.ts';
import type { UnknownOffenceType } from '../types.ts';
import {
  bothEras,
  type Cell,
  cellShown,
  cellText,
  epochDays,
  plainDecimalValue,
  readNumber,
  wallMicros,
} from '../values.ts';
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
import { Chunk, Dict } from './incident-chunk.ts';
import type { KindReader, WriteTarget } from './kind.ts';

/** The columns a row is read from; -1 = not in the file. */
type ColumnPositions = Record<
  'station' | 'occurred_at' | 'crime_type' | 'crime_group' | 'lat' | 'lon' | 'zone' | 'case_id',
  number
>;

/** A row's cell at a position (-1: the column is absent). */
const cellAt = (fields: readonly Cell[], i: number): Cell | undefined => (i < 0 ? undefined : fields[i]);

/** Thailand's box, to recognise a swapped latitude / longitude pair. */
const TH = { minLon: 97.3, maxLon: 105.7, minLat: 5.6, maxLat: 20.5 };
const inThailand = (lon: number, lat: number) =>
  lon >= TH.minLon && lon <= TH.maxLon && lat >= TH.minLat && lat <= TH.maxLat;

const LAT = { min: -90, max: 90 } as const;
const LON = { min: -180, max: 180 } as const;

/** A coordinate: plain decimal text in range is read without allocating (the common case). */
function readCoordinate(cell: Cell | undefined, range: { min: number; max: number }): NumberResult | null {
  if (typeof cell === 'string') {
    const v = plainDecimalValue(cell);
    if (v >= range.min && v <= range.max) {
      // One shared result object per row and axis is enough: the caller reads it at once.
      const box = range === LAT ? LAT_BOX : LON_BOX;
      box.value = v === 0 ? 0 : v;
      return box;
    }
  }
  return readNumber(cell, range);
}
const LAT_BOX: { ok: true; value: number } = { ok: true, value: 0 };
const LON_BOX: { ok: true; value: number } = { ok: true, value: 0 };

/** Rows per chunk: large enough that statements are few, small enough that writing overlaps reading. */
const CHUNK_ROWS = 262_144;
/** Over the last tenth of the file chunks are smaller, so little is left to write when reading ends. */
const TAIL_SHARE = 0.9;
/** Repeated case numbers fetched for listing (the issue list keeps at most its own cap). */
const REPEATS_LISTED = 250;

/** An offence type cell resolved: the reference match (null: unknown) and its dictionary index. */
interface TypeHit {
  match: TypeMatch | null;
  idx: number;
}

export class IncidentsReader implements KindReader {
  readonly preview = new PreviewRows();
  readonly #ctx: KindContext;
  readonly #cols: Columns;
  /** Looked up once, not per cell: a million rows read eight cells each. */
  readonly #ix: ColumnPositions;
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

  // Rows without errors, a chunk at a time; dictionaries and totals span the whole file.
  readonly #types = new Dict();
  readonly #stationDict = new Dict();
  readonly #zoneDict = new Dict();
  readonly #chunk: Chunk;
  readonly #chunkRows: number;
  #rowsRead = 0;
  #skipped = 0;
  #kept = 0;
  #rings = 0;
  readonly #monthDaysCache = new Map<string, number>();
  /** Cell text seen before -> what it resolved to (a million rows repeat a few thousand values). */
  readonly #stationHits = new Map<string, { ref: RegistryStation; idx: number }>();
  readonly #typeHits = new Map<string, TypeHit>();
  // What checking a chunk needs from the database, loaded once.
  #existing = new Map<string, Map<string, number>>();
  readonly #existingLoaded = new Set<number>();
  #locator: Locator | null = null;
  #zoneByLocator: number[] = [];
  readonly #ringScratch: number[] = [];
  // Warnings are listed while the list wants them, then only counted (a million points outside
  // every zone must not cost a million issue objects).
  #listNoCoords = true;
  #listOutside = true;
  #stage: IncidentStage | null = null;

  constructor(ctx: KindContext, cols: Columns) {
    this.#ctx = ctx;
    this.#cols = cols;
    this.#chunkRows = ctx.chunkRows ?? CHUNK_ROWS;
    this.#chunk = new Chunk(this.#chunkRows);
    this.#ix = {
      station: cols.position('station'),
      occurred_at: cols.position('occurred_at'),
      crime_type: cols.position('crime_type'),
      crime_group: cols.position('crime_group'),
      lat: cols.position('lat'),
      lon: cols.position('lon'),
      zone: cols.position('zone'),
      case_id: cols.position('case_id'),
    };
    const r = ctx.registry;
    this.#offences = new OffenceResolver(r.offenceTypes, r.offenceGroups, r.userOffences, ctx.options.offenceMap ?? {});
    this.#scheme = ctx.options.groupScheme ?? DEFAULT_GROUP_SCHEME;
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
    const ix = this.#ix;
    const f = r.fields;
    const at = this.#where;
    const issues = ctx.issues;
    const p = this.preview;
    p.start(r.row);
    this.#rowErrors.begin();

    // Station (each distinct spelling is looked up, scope-checked and numbered once).
    let station: RegistryStation | null = this.#fileStation;
    let stationIdx = -1;
    if (ix.station >= 0) {
      const raw = cellText(cellAt(f, ix.station));
      if (raw === null) {
        if (this.#fileStation === null) issues.add(issue('required_value_missing', at(r, 'station')));
        else stationIdx = this.#stationDict.id(this.#fileStation.code);
      } else {
        let hit = this.#stationHits.get(raw);
        if (hit === undefined) {
          const found = this.#stations.find(raw, at(r, 'station'));
          if (found.ok) {
            this.#scope.allows(found.ref.code, { row: r.row, column: cols.name('station'), value: raw });
            hit = { ref: found.ref, idx: this.#stationDict.id(found.ref.code) };
            if (this.#stationHits.size < 10_000) this.#stationHits.set(raw, hit);
          } else issues.add(found.issue);
        }
        station = hit?.ref ?? null;
        stationIdx = hit?.idx ?? -1;
      }
      if (p.active) p.set('station', cellAt(f, ix.station), station?.code ?? null);
    } else {
      if (station !== null) stationIdx = this.#stationDict.id(station.code);
      if (p.active) p.set('station', null, station?.code ?? null);
    }

    // Date, time or month.
    const dateCell = cellAt(f, ix.occurred_at);
    const d = ctx.dates.read(dateCell);
    let occurredUs = Number.NaN;
    let monthDays = 0;
    if (d === null) issues.add(issue('required_value_missing', at(r, 'occurred_at')));
    else if (!d.ok) issues.add(issue('invalid_date', at(r, 'occurred_at', cellShown(dateCell)), { reason: d.reason }));
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
    const typeCell = cellAt(f, ix.crime_type);
    const typeText = cellText(typeCell);
    let typeHit = typeText === null ? undefined : this.#typeHits.get(typeText);
    if (typeText !== null && typeHit === undefined) {
      const match = this.#offences.type(typeText);
      typeHit = { match, idx: this.#types.id(match?.typeKey ?? typeText) };
      if (this.#typeHits.size < 10_000) this.#typeHits.set(typeText, typeHit);
    }
    const typeMatch = typeHit?.match ?? null;
    let group4: number | null = null;
    let legacy: number | null = null;
    const groupText = ix.crime_group >= 0 ? cellText(cellAt(f, ix.crime_group)) : null;
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
    if (typeText === null) issues.add(issue('required_value_missing', at(r, 'crime_type')));
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
    if (p.active) p.set('crime_group', cellAt(f, ix.crime_group), group4);

    // Point.
    let lat = Number.NaN;
    let lon = Number.NaN;
    if (ix.lat >= 0 || ix.lon >= 0) {
      const latCell = cellAt(f, ix.lat);
      const lonCell = cellAt(f, ix.lon);
      const la = readCoordinate(latCell, LAT);
      const lo = readCoordinate(lonCell, LON);
      if (la !== null && !la.ok)
        issues.add(issue('invalid_number', at(r, 'lat', cellShown(latCell)), { reason: la.reason }));
      if (lo !== null && !lo.ok)
        issues.add(issue('invalid_number', at(r, 'lon', cellShown(lonCell)), { reason: lo.reason }));
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
    if (ix.zone >= 0) {
      const zText = cellText(cellAt(f, ix.zone));
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
        p.set('zone', cellAt(f, ix.zone), zoneFromFile ? z.ok && z.ref.code : null);
      }
    }

    const caseText = ix.case_id >= 0 ? cellText(cellAt(f, ix.case_id)) : null;
    // Thai digits in case numbers are the same case as ASCII ones (๖๔/๐๐๐๘ = 64/0008).
    const caseId = caseText === null ? null : thaiDigitsToAscii(caseText);
    if (p.active && ix.case_id >= 0) p.set('case_id', cellAt(f, ix.case_id), caseId);

    if (this.#rowErrors.end(r.row) || station === null || group4 === null || d === null || !d.ok) return;
    const c = this.#chunk;
    if (c.n === c.capacity) c.grow();
    const i = c.n++;
    c.rowNo[i] = r.row;
    c.caseId[i] = caseId;
    c.occurredUs[i] = occurredUs;
    c.monthDays[i] = monthDays;
    c.type[i] = (typeHit as TypeHit).idx;
    c.group[i] = group4;
    c.legacy[i] = legacy ?? 0;
    c.lat[i] = lat;
    c.lon[i] = lon;
    c.station[i] = stationIdx;
    c.zone[i] = zone;
    c.zoneFromFile[i] = zoneFromFile ? 1 : 0;
  }

  /**
   * Full chunks go while the file is read; over its last tenth, smaller ones, so the chunk still
   * to be written when the file ends (the wait nothing overlaps) is small.
   */
  chunkFull(fractionRead: number): boolean {
    const rows = this.#chunkRows;
    return this.#chunk.n >= (fractionRead < TAIL_SHARE ? rows : Math.max(1, Math.floor(rows / 8)));
  }

  /**
   * Checks the rows held (case numbers stored before, zones by point-in-polygon) and stages them
   * on the target's connection; with an import id they are written into the import's tables.
   */
  async drain(_db: Database, target: WriteTarget): Promise<void> {
    const c = this.#chunk;
    if (c.n === 0) return;
    const stations = this.#stationDict.values;
    this.#stage ??= await IncidentStage.open(target.conn, target.importId);
    const stage = this.#stage;
    // The connection runs one statement at a time: the chunk still moving must land first.
    const onConnection = async <T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> => {
      await stage.settle();
      return fn(target.conn);
    };

    // Case numbers already stored are skipped; those of stations new in this chunk are loaded first.
    const fresh: string[] = [];
    for (let st = this.#existingLoaded.size; st < stations.length; st++) {
      this.#existingLoaded.add(st);
      fresh.push(stations[st] as string);
    }
    if (fresh.length > 0) {
      const found = await onConnection((conn) => existingCaseIds(conn, fresh));
      for (const [k, v] of found) this.#existing.set(k, v);
    }
    if (this.#locator === null) {
      const { shapes } = shapesFromRows(await onConnection((conn) => zoneShapesOf(conn, null)));
      this.#locator = buildLocator(shapes, this.#ringMeters);
      this.#zoneByLocator = this.#locator.zoneIds.map((id) => this.#zoneDict.id(id));
    }
    this.#skipStoredCases(c);
    this.#locate(c);
    this.#kept += c.n;
    this.#rings += c.ringCount;
    const dicts = { types: this.#types.values, stations, zones: this.#zoneDict.values };
    await stage.write(dicts, c, target.importId !== null);
    c.clear();
  }

  /**
   * Rows whose case number the station has stored already are dropped (warning). (Repeats inside
   * the file are kept, and found in SQL once every chunk is staged: see finish.)
   */
  #skipStoredCases(c: Chunk): void {
    if (this.#existing.size === 0) return;
    const issues = this.#ctx.issues;
    const file = this.#ctx.file;
    const caseColumn = this.#cols.name('case_id');
    const stations = this.#stationDict.values;
    const keep = new Uint8Array(c.n).fill(1);
    let dropped = 0;
    for (let i = 0; i < c.n; i++) {
      const id = c.caseId[i];
      if (id === null || id === undefined) continue;
      const before = this.#existing.get(stations[c.station[i] as number] as string)?.get(id);
      if (before === undefined) continue;
      keep[i] = 0;
      dropped++;
      if (issues.wants('already_imported_row', 'warning')) {
        const row = c.rowNo[i] as number;
        issues.add(issue('already_imported_row', { file, row, column: caseColumn, value: id }, { importId: before }));
      } else issues.tally('already_imported_row', 'warning');
    }
    if (dropped > 0) {
      c.compact(keep);
      this.#skipped += dropped;
    }
  }

  /** Zones by point-in-polygon, against each station's own zones, and the buffer rings. */
  #locate(c: Chunk): void {
    const issues = this.#ctx.issues;
    const file = this.#ctx.file;
    const stations = this.#stationDict.values;
    const locator = this.#locator as Locator;
    const located = locator.size > 0;
    const ring = this.#ringScratch;
    let moreNoCoords = 0;
    let moreOutside = 0;
    for (let i = 0; i < c.n; i++) {
      const lat = c.lat[i] as number;
      if (Number.isNaN(lat)) {
        if (this.#listNoCoords && issues.wants('no_coordinates', 'warning'))
          issues.add(issue('no_coordinates', { file, row: c.rowNo[i] as number, column: this.#cols.name('lat') }));
        else {
          this.#listNoCoords = false;
          moreNoCoords++;
        }
        continue;
      }
      if (!located) continue;
      const lon = c.lon[i] as number;
      const z = locator.locate(lon, lat, stations[c.station[i] as number] as string, ring);
      if (c.zoneFromFile[i] !== 1) {
        c.zone[i] = z < 0 ? -1 : (this.#zoneByLocator[z] as number);
        if (z < 0) {
          if (this.#listOutside && issues.wants('outside_zones', 'warning'))
            issues.add(issue('outside_zones', { file, row: c.rowNo[i] as number, value: `${lat}, ${lon}` }));
          else {
            this.#listOutside = false;
            moreOutside++;
          }
        }
      }
      for (const rz of ring) c.addRing(i, this.#zoneByLocator[rz] as number);
    }
    issues.tally('no_coordinates', 'warning', moreNoCoords);
    issues.tally('outside_zones', 'warning', moreOutside);
  }

  async finish(db: Database, target: WriteTarget | null = null): Promise<void> {
    const ctx = this.#ctx;
    const issues = ctx.issues;
    const file = ctx.file;
    if (target === null) throw new Error('incidents are checked on a connection: runImport passes one');
    await this.drain(db, target);

    // Case numbers repeated in the file: kept, each repeat a warning naming the first row.
    if (this.#stage !== null) {
      const repeated = await this.#stage.repeatedCases(REPEATS_LISTED);
      const column = this.#cols.name('case_id');
      let listed = 0;
      for (const r of repeated.first) {
        if (!issues.wants('duplicate_in_file', 'warning')) break;
        issues.add(issue('duplicate_in_file', { file, row: r.row, column, value: r.caseId }, { firstRow: r.firstRow }));
        listed++;
      }
      issues.tally('duplicate_in_file', 'warning', repeated.total - listed);
    }

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
      issues.add(issue('missing_required_column', { file }, { canonical: 'station' }));
    }
  }

  stations(): string[] {
    return [...this.#stationDict.values];
  }

  unknownOffenceTypes(): UnknownOffenceType[] {
    return [...this.#unknown.values()].sort((a, b) => b.rows - a.rows || a.firstRow - b.firstRow);
  }

  counts(): { rowsRead: number; write: Record<string, number>; skipped: number; rowsWithErrors: number } {
    return {
      rowsRead: this.#rowsRead,
      write: { incidents: this.#kept + this.#chunk.n, incident_rings: this.#rings },
      skipped: this.#skipped,
      rowsWithErrors: this.#rowErrors.count,
    };
  }

  /** Every chunk was written while reading (drain / finish with a target): waits for the last one. */
  async write(_conn: DuckDBConnection, importId: number): Promise<Record<string, number>> {
    if (this.#stage === null) {
      if (this.#kept > 0) throw new Error(`incident rows of import ${importId} were not written while reading`);
      return { incidents: 0, incident_rings: 0 };
    }
    await this.#stage.settle();
    return { incidents: this.#stage.written.incidents, incident_rings: this.#stage.written.rings };
  }

  /**
   * The import's counts went into crime_monthly with each chunk; what is left is the months each
   * station covers. Then the stage goes.
   */
  async updateAggregates(): Promise<void> {
    if (this.#stage === null) return;
    await this.#stage.mergeCoverage();
    await this.#stage.close();
  }

  details(): Record<string, unknown> {
    return {
      offenceMappingVersion: this.#offences.mappingVersion,
      groupScheme: this.#scheme,
      ringMeters: this.#ringMeters,
    };
  }
}
