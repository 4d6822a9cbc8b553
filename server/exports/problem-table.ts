/**
 * A unit's Stronger Together problems for spreadsheets, like the KPI table: one row per problem
 * with its place in the hierarchy, category, level, status, age and dated history; headers in
 * Thai with the English beside them; dates in the Buddhist Era (Thai files use them). Pure: the
 * routes write CSV (csv.ts) or XLSX (xlsx.ts).
 */
import { bangkokDateTime, ceToBe } from '../contracts/calendar.ts';
import { LEVEL_NAMES, STATUS_NAMES } from '../contracts/problems.ts';
import type { Problem, ProblemSummary } from '../services/problems.ts';
import type { CsvTable, TableColumn } from './csv.ts';

const column = (key: string, th: string, en: string, type: TableColumn['type'] = 'text'): TableColumn => ({
  key,
  th,
  en,
  type,
});

const COLUMNS: TableColumn[] = [
  column('id', 'เลขที่', 'id', 'integer'),
  column('raised_on', 'วันที่แจ้ง (พ.ศ.)', 'raised on (BE)'),
  column('category', 'หมวดปัญหา', 'category'),
  column('bureau', 'กองบัญชาการ', 'bureau'),
  column('division', 'กองบังคับการ', 'division'),
  column('station', 'สถานี', 'station'),
  column('zone', 'พื้นที่นำร่อง', 'zone'),
  column('description', 'รายละเอียด', 'description'),
  column('raised_by', 'เครือข่ายที่แจ้ง', 'raised by (network)'),
  column('level', 'ระดับปัจจุบัน', 'level'),
  column('status', 'สถานะ', 'status'),
  column('escalated', 'ส่งต่อเกินระดับสถานี', 'escalated above station'),
  column('age_days', 'จำนวนวัน (ค้าง/ใช้แก้ไข)', 'days (open / to solve)', 'integer'),
  column('resolved_on', 'วันที่แก้ไขเสร็จ/ยุติ (พ.ศ.)', 'solved or closed on (BE)'),
  column('resolution_note', 'ผลการแก้ไข', 'resolution'),
  column('history', 'ประวัติ (พ.ศ.)', 'history (BE)'),
  column('lon', 'ลองจิจูด', 'longitude', 'number'),
  column('lat', 'ละติจูด', 'latitude', 'number'),
];

/** '2024-01-15' -> '15/01/2567'. */
export function beDay(day: string | null): string | null {
  if (day === null) return null;
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${ceToBe(Number(y))}`;
}

const both = (x: { th: string; en: string }) => `${x.th} (${x.en})`;

export function problemTable(items: readonly Problem[]): CsvTable {
  return {
    columns: COLUMNS,
    rows: items.map((p) => [
      p.id,
      beDay(p.raisedOn),
      `${p.categoryNameTh} (${p.categoryNameEn})`,
      p.bureauCode,
      p.divisionCode,
      `${p.stationNameTh} (${p.stationCode})`,
      p.zoneId === null ? null : `${p.zoneNameTh ?? ''} (${p.zoneId})`,
      p.description,
      p.raisedBy,
      both(LEVEL_NAMES[p.level]),
      both(STATUS_NAMES[p.status]),
      p.escalated ? 'ใช่ (yes)' : 'ไม่ (no)',
      p.ageDays,
      beDay(p.resolvedOn),
      p.resolutionNote,
      p.history
        .map(
          (e) => `${beDay(e.on)} ${LEVEL_NAMES[e.level].th} ${STATUS_NAMES[e.status].th}${e.note ? `: ${e.note}` : ''}`,
        )
        .join(' | '),
      p.point?.[0] ?? null,
      p.point?.[1] ?? null,
    ]),
  };
}

/** The filters a table was made with (a sheet of their own in XLSX). */
export function problemFilters(
  summary: Pick<ProblemSummary, 'unit' | 'period' | 'asOf'>,
  madeAt: Date,
): [string, string][] {
  return [
    ['หน่วย (unit)', `${summary.unit.nameTh} (${summary.unit.code})`],
    [
      'วันที่แจ้ง (raised)',
      summary.period === null ? 'ทั้งหมด (all)' : `${beDay(summary.period.from)} – ${beDay(summary.period.to)} (BE)`,
    ],
    ['สถานะ ณ วันที่ (states as of)', beDay(summary.asOf) ?? ''],
    ['สร้างเมื่อ (made, Bangkok time)', bangkokDateTime(madeAt)],
  ];
}
