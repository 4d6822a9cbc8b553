/**
 * Stronger Together problems (issue #21): category (code, Thai or English name of the current
 * list), the day raised (BE or CE), zone or station, optional point, description, the network or
 * group that raised it, and optionally the level reached, status, the day escalated, the day solved
 * or closed and a note. Each row becomes a problem with its dated history: raised at the station,
 * escalated (when a level above the station is given), solved or closed (when final). Only the
 * station's own users or national scope may import a station's problems (services/problems.ts
 * mayEditProblemsOf), like entering them in the app.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  FINAL_STATUSES,
  LEVEL_NAMES,
  levelRank,
  PROBLEM_LEVELS,
  PROBLEM_STATUSES,
  type ProblemLevel,
  type ProblemStatus,
  pointInThailand,
  STATUS_NAMES,
} from '../../contracts/problems.ts';
import type { Database } from '../../db/database.ts';
import { currentProblemCategories } from '../../queries/problem-categories.ts';
import { type NewProblem, type NewProblemEvent, writeProblems } from '../../queries/problems-write.ts';
import { mayEditProblemsOf } from '../../services/problems.ts';
import { issue } from '../issues.ts';
import type { TableRow } from '../source/table.ts';
import { bothEras, cellShown, cellText, labelKey, readNumber } from '../values.ts';
import {
  type Columns,
  type KindContext,
  type PlaceLookups,
  PreviewRows,
  placeLookups,
  RowErrors,
  readZoneAndStation,
} from './common.ts';
import type { KindReader } from './kind.ts';

const key = (text: string): string => labelKey(text).replace(/[\s.]+/g, '');

/** Words a level is written as, besides its code and its names in contracts/problems.ts. */
const LEVEL_WORDS: Record<ProblemLevel, readonly string[]> = {
  station: ['สถานี', 'สภ', 'สน', 'โรงพัก'],
  district: ['อำเภอ', 'ระดับอำเภอ', 'amphoe'],
  division: ['กองบังคับการ', 'บก', 'ภจว', 'ตำรวจภูธรจังหวัด'],
  province: ['จังหวัด', 'คณะกรรมการจังหวัด', 'provincial'],
  bureau: ['กองบัญชาการ', 'บช', 'ภาค', 'region'],
  national: ['ประเทศ', 'ระดับชาติ', 'ตร', 'สำนักงานตำรวจแห่งชาติ', 'country'],
};
const STATUS_WORDS: Record<ProblemStatus, readonly string[]> = {
  open: ['เปิด', 'ใหม่', 'new', 'รับเรื่อง'],
  in_progress: ['อยู่ระหว่างดำเนินการ', 'ดำเนินการ', 'in progress'],
  solved: ['แก้ไขเสร็จ', 'เสร็จสิ้น', 'แก้ไขได้', 'resolved', 'done'],
  closed_without_action: ['ยุติ', 'ปิดเรื่อง', 'closed', 'ยุติเรื่อง'],
};

function wordTable<T extends string>(
  codes: readonly T[],
  names: Record<T, { th: string; en: string }>,
  words: Record<T, readonly string[]>,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const code of codes)
    for (const w of [code, code.replace(/_/g, ' '), names[code].th, names[code].en, ...words[code]])
      out.set(key(w), code);
  return out;
}
const LEVELS = wordTable(PROBLEM_LEVELS, LEVEL_NAMES, LEVEL_WORDS);
const STATUSES = wordTable(PROBLEM_STATUSES, STATUS_NAMES, STATUS_WORDS);

interface ReadProblem extends Omit<NewProblem, 'category' | 'category_version'> {
  row: number;
  categoryText: string;
}

export class ProblemsReader implements KindReader {
  readonly preview = new PreviewRows();
  readonly #ctx: KindContext;
  readonly #cols: Columns;
  readonly #places: PlaceLookups;
  readonly #errors: RowErrors;
  readonly #rows: ReadProblem[] = [];
  #keep: NewProblem[] = [];
  #rowsRead = 0;

  constructor(ctx: KindContext, cols: Columns) {
    this.#ctx = ctx;
    this.#cols = cols;
    this.#places = placeLookups(ctx);
    this.#errors = new RowErrors(ctx.issues);
  }

  #day(r: TableRow, canonical: string, required: boolean): string | null {
    const cell = this.#cols.cell(r, canonical);
    const at = this.#cols.where(this.#ctx.file, r);
    const d = this.#ctx.dates.read(cell);
    if (d === null) {
      if (required) this.#ctx.issues.add(issue('required_value_missing', at(canonical)));
      return null;
    }
    if (!d.ok) {
      this.#ctx.issues.add(issue('invalid_date', at(canonical, cellShown(cell)), { reason: d.reason }));
      return null;
    }
    this.preview.set(canonical, cell, d.date, bothEras(d));
    return d.date;
  }

  #word<T extends string>(
    r: TableRow,
    canonical: string,
    table: Map<string, T>,
    fallback: T,
    choices: string,
  ): T | null {
    const text = cellText(this.#cols.cell(r, canonical));
    if (text === null) return fallback;
    const found = table.get(key(text));
    if (found === undefined) {
      this.#ctx.issues.add(
        issue('invalid_value', this.#cols.where(this.#ctx.file, r)(canonical, text), {
          reason: { th: `ใช้ ${choices}`, en: `use ${choices}` },
        }),
      );
      return null;
    }
    this.preview.set(canonical, this.#cols.cell(r, canonical), found);
    return found;
  }

  row(r: TableRow): void {
    this.#rowsRead++;
    const { issues, file, principal } = this.#ctx;
    const cols = this.#cols;
    const at = cols.where(file, r);
    const p = this.preview;
    p.start(r.row);
    this.#errors.begin();

    const { zone, station } = readZoneAndStation(this.#ctx, cols, r, this.#places, p);
    // The levels above the station read a station's problems; only its own users record them.
    if (station !== null && !mayEditProblemsOf(principal, station) && this.#ctx.scopeStations?.has(station) !== false)
      issues.add(issue('station_out_of_scope', at('station', station), { station }));

    const categoryText = cellText(cols.cell(r, 'category'));
    if (categoryText === null) issues.add(issue('required_value_missing', at('category')));
    p.set('category', cols.cell(r, 'category'), categoryText);
    const raisedOn = this.#day(r, 'raised_on', true);
    const description = cellText(cols.cell(r, 'description'));
    if (description === null) issues.add(issue('required_value_missing', at('description')));
    p.set('description', cols.cell(r, 'description'), description);
    const raisedBy = cellText(cols.cell(r, 'raised_by'));
    if (raisedBy === null) issues.add(issue('required_value_missing', at('raised_by')));
    p.set('raised_by', cols.cell(r, 'raised_by'), raisedBy);

    const level = this.#word(r, 'level', LEVELS, 'station', PROBLEM_LEVELS.join(', '));
    const status = this.#word(r, 'status', STATUSES, 'open', PROBLEM_STATUSES.join(', '));
    const escalatedOn = this.#day(r, 'escalated_on', false);
    const final = status !== null && FINAL_STATUSES.has(status);
    const resolvedOn = this.#day(r, 'resolved_on', final);
    const note = cellText(cols.cell(r, 'note'));
    const order = (canonical: string, day: string | null, after: string | null) => {
      if (day !== null && after !== null && day < after)
        issues.add(
          issue('invalid_date', at(canonical, cellShown(cols.cell(r, canonical))), {
            reason: { th: 'ต้องไม่ก่อนวันที่แจ้งหรือวันที่ส่งต่อ', en: 'it may not be before the day raised or escalated' },
          }),
        );
    };
    order('escalated_on', escalatedOn, raisedOn);
    order('resolved_on', resolvedOn, escalatedOn ?? raisedOn);

    const point = this.#point(r);
    if (this.#errors.end(r.row)) return;
    if (station === null || categoryText === null || raisedOn === null || description === null || raisedBy === null)
      return;
    if (level === null || status === null || point === undefined) return;

    const by = principal.username;
    const events: NewProblemEvent[] = [
      { on_date: raisedOn, level: 'station', status: 'open', note: null, username: by },
    ];
    const working: ProblemStatus = status === 'in_progress' ? 'in_progress' : 'open';
    if (level !== 'station' || working !== 'open')
      events.push({ on_date: escalatedOn ?? raisedOn, level, status: working, note: null, username: by });
    if (final) events.push({ on_date: resolvedOn ?? raisedOn, level, status, note, username: by });
    this.#rows.push({
      row: r.row,
      categoryText,
      raised_on: raisedOn,
      station_code: station,
      zone_id: zone,
      lon: point?.[0] ?? null,
      lat: point?.[1] ?? null,
      description,
      raised_by: raisedBy,
      level,
      status,
      top_rank: levelRank(level),
      resolved_on: final ? resolvedOn : null,
      resolution_note: final ? note : null,
      created_by: by,
      events,
    });
  }

  /** [lon, lat], null when absent, undefined when wrong (an issue was added). */
  #point(r: TableRow): [number, number] | null | undefined {
    const cols = this.#cols;
    if (!cols.has('lat') && !cols.has('lon')) return null;
    const at = cols.where(this.#ctx.file, r);
    const latCell = cols.cell(r, 'lat');
    const lonCell = cols.cell(r, 'lon');
    const lat = readNumber(latCell);
    const lon = readNumber(lonCell);
    if (lat === null && lon === null) return null;
    if (lat === null || lon === null) {
      this.#ctx.issues.add(issue('half_coordinates', at(lat === null ? 'lat' : 'lon')));
      return undefined;
    }
    if (!lat.ok || !lon.ok) {
      const bad = lat.ok ? 'lon' : 'lat';
      const reason = lat.ok ? (lon.ok ? null : lon.reason) : lat.reason;
      if (reason) this.#ctx.issues.add(issue('invalid_number', at(bad, cellShown(cols.cell(r, bad))), { reason }));
      return undefined;
    }
    if (!pointInThailand(lon.value, lat.value)) {
      this.#ctx.issues.add(
        issue('invalid_value', at('lat', `${lat.value}, ${lon.value}`), {
          reason: { th: 'พิกัดต้องอยู่ในประเทศไทย (WGS84)', en: 'the point must lie in Thailand (WGS84)' },
        }),
      );
      return undefined;
    }
    this.preview.set('lat', latCell, lat.value);
    this.preview.set('lon', lonCell, lon.value);
    return [lon.value, lat.value];
  }

  async finish(db: Database): Promise<void> {
    const categories = await currentProblemCategories(db);
    const byWord = new Map<string, (typeof categories)[number]>();
    for (const c of categories) for (const w of [c.code, c.nameTh, c.nameEn]) byWord.set(key(w), c);
    const choices = categories.map((c) => `${c.code} (${c.nameTh})`).join(', ');
    this.#keep = [];
    for (const { row, categoryText, ...rest } of this.#rows) {
      const category = byWord.get(key(categoryText));
      if (category === undefined) {
        this.#ctx.issues.add(
          issue(
            'invalid_value',
            { file: this.#ctx.file, row, column: this.#cols.name('category'), value: categoryText },
            { reason: { th: `ไม่มีหมวดปัญหานี้ ใช้ ${choices}`, en: `no such problem category; use ${choices}` } },
          ),
        );
        this.#errors.mark(row);
      } else this.#keep.push({ ...rest, category: category.code, category_version: category.version });
    }
  }

  stations(): string[] {
    return [...new Set(this.#rows.map((r) => r.station_code))].sort();
  }

  counts() {
    return {
      rowsRead: this.#rowsRead,
      write: { problems: this.#keep.length },
      skipped: 0,
      rowsWithErrors: this.#errors.count,
    };
  }

  async write(conn: DuckDBConnection, importId: number): Promise<Record<string, number>> {
    return { problems: (await writeProblems(conn, this.#keep, importId)).length };
  }

  /** Problems have no share in the crime and survey aggregates: nothing to rebuild. */
  async updateAggregates(): Promise<void> {}

  details(): Record<string, unknown> {
    return {};
  }
}
