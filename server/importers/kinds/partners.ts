/**
 * Partners (MOU) and their contributions (data-formats.md "Partners"): zone or station, partner,
 * partner type (PAO / municipality / DLA / private / community, Thai names accepted), MOU date and
 * optional counts of CCTV cameras, volunteers, vehicles and a budget in baht. A row equal to one
 * already stored is skipped (exact re-import).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../../db/database.ts';
import { existingPartnerKeys, type PartnerRow, partnerKey, writePartners } from '../../queries/imports-partners.ts';
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

const PARTNER_TYPES = ['PAO', 'municipality', 'DLA', 'private', 'community'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

const TYPE_WORDS: readonly [PartnerType, readonly string[]][] = [
  [
    'PAO',
    [
      'pao',
      'provincial administrative organisation',
      'provincial administrative organization',
      'อบจ',
      'องค์การบริหารส่วนจังหวัด',
    ],
  ],
  [
    'municipality',
    [
      'municipality',
      'municipal',
      'city',
      'เทศบาล',
      'เทศบาลนคร',
      'เทศบาลเมือง',
      'เทศบาลตำบล',
      'อบต',
      'องค์การบริหารส่วนตำบล',
    ],
  ],
  [
    'DLA',
    [
      'dla',
      'department of local administration',
      'provincial office',
      'กรมส่งเสริมการปกครองท้องถิ่น',
      'สถ',
      'ศาลากลางจังหวัด',
      'จังหวัด',
      'ที่ทำการปกครองจังหวัด',
      'ปกครองจังหวัด',
    ],
  ],
  ['private', ['private', 'business', 'company', 'เอกชน', 'บริษัท', 'ภาคเอกชน', 'หอการค้า', 'ร้านค้า']],
  [
    'community',
    ['community', 'civil society', 'ngo', 'ชุมชน', 'ภาคประชาสังคม', 'ประชาสังคม', 'เครือข่ายชุมชน', 'มูลนิธิ', 'อาสาสมัคร'],
  ],
];
const TYPE_LOOKUP = new Map<string, PartnerType>();
for (const [type, words] of TYPE_WORDS) for (const w of words) TYPE_LOOKUP.set(labelKey(w).replace(/\s+/g, ''), type);

export function partnerType(text: string): PartnerType | null {
  return TYPE_LOOKUP.get(labelKey(text).replace(/\s+/g, '')) ?? null;
}

export class PartnersReader implements KindReader {
  readonly preview = new PreviewRows();
  readonly #ctx: KindContext;
  readonly #cols: Columns;
  readonly #places: PlaceLookups;
  readonly #errors: RowErrors;
  readonly #rows: (PartnerRow & { row: number })[] = [];
  #keep: PartnerRow[] = [];
  #rowsRead = 0;
  #skipped = 0;

  constructor(ctx: KindContext, cols: Columns) {
    this.#ctx = ctx;
    this.#cols = cols;
    this.#places = placeLookups(ctx);
    this.#errors = new RowErrors(ctx.issues);
  }

  row(r: TableRow): void {
    this.#rowsRead++;
    const { issues, file } = this.#ctx;
    const cols = this.#cols;
    const at = cols.where(file, r);
    const p = this.preview;
    p.start(r.row);
    this.#errors.begin();

    const { zone, station } = readZoneAndStation(this.#ctx, cols, r, this.#places, p);

    const partner = cellText(cols.cell(r, 'partner'));
    if (partner === null) issues.add(issue('required_value_missing', at('partner')));
    p.set('partner', cols.cell(r, 'partner'), partner);

    const typeText = cellText(cols.cell(r, 'partner_type'));
    let type: PartnerType | null = null;
    if (typeText === null) issues.add(issue('required_value_missing', at('partner_type')));
    else {
      type = partnerType(typeText);
      if (type === null) {
        issues.add(
          issue('invalid_value', at('partner_type', typeText), {
            reason: {
              th: 'ใช้ อบจ. (PAO), เทศบาล (municipality), DLA, เอกชน (private) หรือ ชุมชน (community)',
              en: 'use PAO, municipality, DLA, private or community',
            },
          }),
        );
      }
    }
    p.set('partner_type', cols.cell(r, 'partner_type'), type);

    const dateCell = cols.cell(r, 'mou_date');
    const d = this.#ctx.dates.read(dateCell);
    let mou: string | null = null;
    if (d === null) issues.add(issue('required_value_missing', at('mou_date')));
    else if (!d.ok) issues.add(issue('invalid_date', at('mou_date', cellShown(dateCell)), { reason: d.reason }));
    else {
      mou = d.date;
      p.set('mou_date', dateCell, d.date, bothEras({ ok: true, date: d.date, month: d.month, utcMillis: d.utcMillis }));
    }

    const count = (c: 'cctv' | 'volunteers' | 'vehicles'): number | null => {
      if (!cols.has(c)) return null;
      const cell = cols.cell(r, c);
      const v = readNumber(cell, { integer: true, nonNegative: true });
      if (v === null) return null;
      if (!v.ok) {
        issues.add(issue('invalid_number', at(c, cellShown(cell)), { reason: v.reason }));
        return null;
      }
      p.set(c, cell, v.value);
      return v.value;
    };
    const cctv = count('cctv');
    const volunteers = count('volunteers');
    const vehicles = count('vehicles');
    let budget: number | null = null;
    if (cols.has('budget_thb')) {
      const cell = cols.cell(r, 'budget_thb');
      const v = readNumber(cell, { nonNegative: true, currency: true });
      if (v !== null && !v.ok)
        issues.add(issue('invalid_number', at('budget_thb', cellShown(cell)), { reason: v.reason }));
      else if (v !== null) budget = v.value;
      p.set('budget_thb', cell, budget);
    }

    if (this.#errors.end(r.row) || station === null || partner === null || type === null || mou === null) return;
    this.#rows.push({
      row: r.row,
      zone_id: zone,
      station_code: station,
      partner,
      partner_type: type,
      mou_date: mou,
      cctv,
      volunteers,
      vehicles,
      budget_thb: budget,
    });
  }

  async finish(db: Database): Promise<void> {
    const existing = await existingPartnerKeys(db, this.stations());
    const { issues, file } = this.#ctx;
    this.#keep = [];
    for (const r of this.#rows) {
      const before = existing.get(partnerKey(r));
      if (before !== undefined) {
        this.#skipped++;
        issues.add(
          issue(
            'same_row_imported',
            { file, row: r.row, column: this.#cols.name('partner'), value: r.partner },
            { importId: before },
          ),
        );
      } else {
        const { row: _row, ...rest } = r;
        this.#keep.push(rest);
      }
    }
  }

  stations(): string[] {
    return [...new Set(this.#rows.map((r) => r.station_code))].sort();
  }

  counts() {
    return {
      rowsRead: this.#rowsRead,
      write: { partners: this.#keep.length },
      skipped: this.#skipped,
      rowsWithErrors: this.#errors.count,
    };
  }

  async write(conn: DuckDBConnection, importId: number): Promise<Record<string, number>> {
    return { partners: await writePartners(conn, this.#keep, importId) };
  }

  details(): Record<string, unknown> {
    return {};
  }
}
