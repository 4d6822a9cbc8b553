/**
 * The KPI table for spreadsheets (the ministry's copy of what /api/kpis answers): one row per
 * unit, the three targets with the data each stands on (n, months, counts), its interval and
 * status in words. Thai headers with the English in brackets, so one file serves both readers.
 * Pure: the routes give it the /api/kpis body and write CSV (here) or XLSX (xlsx.ts).
 */
import { bangkokDateTime, ceToBe } from '../contracts/calendar.ts';
import { crimeChangeRange } from '../contracts/derived-figures.ts';
import {
  crimeReadingSentence,
  displacementWarningText,
  type Lang,
  rollupDisplacementText,
  wdqSentence,
} from '../contracts/crime-reading.ts';
import type { KpiStatus, TrafficLight } from '../kpi/status.ts';
import type { CellType, CsvTable, TableCell, TableColumn } from './csv.ts';
import type { KpiAnswerItem as KpiItem } from '../services/kpi-items.ts';
import type { KpiBody } from '../services/kpis.ts';

export type KpiTable = CsvTable;

const STATUS: Record<KpiStatus, string> = {
  met_confident: 'ผ่านเป้าหมายอย่างมั่นใจ (met with confidence)',
  met: 'ผ่านเป้าหมาย (met)',
  not_met: 'ไม่ผ่านเป้าหมาย (not met)',
  insufficient: 'ข้อมูลไม่เพียงพอ (insufficient data)',
};

const OVERALL: Record<TrafficLight, string> = {
  green: 'เขียว: ผ่านทั้งสามเป้าหมาย (green)',
  amber: 'เหลือง: ผ่านบางเป้าหมาย (amber)',
  red: 'แดง: ไม่ผ่านเป้าหมายที่ประเมินได้ (red)',
  grey: 'เทา: ข้อมูลไม่พอประเมิน (grey)',
};

const LEVEL: Record<KpiItem['level'], string> = {
  zone: 'พื้นที่ (zone)',
  station: 'สถานี (station)',
  division: 'กองบังคับการ/จังหวัด (division)',
  bureau: 'กองบัญชาการ (bureau)',
  national: 'ทั่วประเทศ (national)',
};

const col = (key: string, th: string, en: string, type: CellType): TableColumn => ({ key, th, en, type });

export const KPI_COLUMNS: readonly TableColumn[] = [
  col('level', 'ระดับ', 'Level', 'text'),
  col('id', 'รหัส', 'Code', 'text'),
  col('name_th', 'ชื่อ', 'Name (Thai)', 'text'),
  col('name_en', 'ชื่อภาษาอังกฤษ', 'Name (English)', 'text'),
  col('zones', 'จำนวนพื้นที่', 'Zones', 'integer'),
  col('overall', 'ภาพรวม', 'Overall', 'text'),
  col('fear', 'กลัวอาชญากรรม %', 'Fear of crime %', 'percent'),
  col('fear_low', 'กลัว: ขอบล่าง 95%', 'Fear: 95% low', 'percent'),
  col('fear_high', 'กลัว: ขอบบน 95%', 'Fear: 95% high', 'percent'),
  col('fear_n', 'กลัว: จำนวนผู้ตอบ (n)', 'Fear: answers (n)', 'integer'),
  col('fear_target', 'กลัว: เป้าหมาย (ไม่เกิน) %', 'Fear: target (at most) %', 'percent'),
  col('fear_status', 'กลัว: สถานะ', 'Fear: status', 'text'),
  col('trust', 'เชื่อมั่นตำรวจ %', 'Trust in police %', 'percent'),
  col('trust_low', 'เชื่อมั่น: ขอบล่าง 95%', 'Trust: 95% low', 'percent'),
  col('trust_high', 'เชื่อมั่น: ขอบบน 95%', 'Trust: 95% high', 'percent'),
  col('trust_n', 'เชื่อมั่น: จำนวนผู้ตอบ (n)', 'Trust: answers (n)', 'integer'),
  col('trust_target', 'เชื่อมั่น: เป้าหมาย (อย่างน้อย) %', 'Trust: target (at least) %', 'percent'),
  col('trust_status', 'เชื่อมั่น: สถานะ', 'Trust: status', 'text'),
  col('crime_change', 'คดีเปลี่ยนแปลง %', 'Crime change %', 'percent'),
  col('crime_low', 'คดี: ขอบล่าง 95%', 'Crime: 95% low', 'percent'),
  col('crime_high', 'คดี: ขอบบน 95%', 'Crime: 95% high', 'percent'),
  col('crime_after', 'คดีหลังเริ่ม', 'Cases after start', 'integer'),
  col('crime_baseline', 'คดีช่วงเทียบ', 'Cases in baseline', 'integer'),
  col('crime_months', 'จำนวนเดือนที่เทียบ', 'Months compared', 'integer'),
  col('crime_after_from', 'หลังเริ่ม: ตั้งแต่', 'After: from', 'text'),
  col('crime_after_to', 'หลังเริ่ม: ถึง', 'After: to', 'text'),
  col('crime_status', 'คดี: สถานะ', 'Crime: status', 'text'),
  col('crime_warning', 'คดี: คำเตือน', 'Crime: warning', 'text'),
  col('crime_zones_met', 'คดี: พื้นที่ที่ผ่าน', 'Crime: zones met', 'integer'),
  col('crime_zones_met_displaced', 'คดี: ผ่านแต่มีการย้ายที่', 'Crime: met with displacement', 'integer'),
  col('crime_reading', 'คดี: เทียบพื้นที่เปรียบเทียบ', 'Crime: against the comparison area', 'text'),
  col('crime_relative_effect', 'คดี: ผลสัมพัทธ์', 'Crime: relative effect', 'number'),
  col('crime_wdq', 'คดี: WDQ', 'Crime: WDQ', 'number'),
  col('crime_wdq_reading', 'คดี: การอ่านค่า WDQ', 'Crime: WDQ reading', 'text'),
];

/** Both languages in one cell, as the headers: 'ไทย (English)'; null when there is nothing to say. */
function bothLanguages(say: (lang: Lang) => string | null): string | null {
  const th = say('th');
  const en = say('en');
  return th === null || en === null ? null : `${th} (${en})`;
}

/** A WDQ with its sign and two decimals (more when two would round it onto 0). */
function signedIndex(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  let digits = 2;
  while (digits < 6 && value !== 0 && Number(value.toFixed(digits)) === 0) digits++;
  const body = Math.abs(value).toFixed(digits);
  return value > 0 ? `+${body}` : value < 0 ? `\u2212${body}` : body;
}

/** The crime readings of server/contracts/crime-reading.ts, as the tiles say them. */
function crimeReadingCells(item: KpiItem): Record<string, TableCell> {
  const { crime } = item;
  const reading = crime.reading;
  const wdq = signedIndex(crime.wdq?.value);
  const met = item.meets.crime;
  const warning =
    item.level === 'zone'
      ? bothLanguages((lang) => displacementWarningText(reading, lang, wdq))
      : bothLanguages((lang) => rollupDisplacementText(met.withDisplacement, lang, String(met.withDisplacement)));
  return {
    crime_warning: warning,
    crime_zones_met: met.k,
    crime_zones_met_displaced: met.withDisplacement,
    crime_reading: reading
      ? bothLanguages((lang) =>
          crimeReadingSentence(reading, lang, {
            changeMagnitude: crime.changePct === null ? null : `${Math.abs(crime.changePct).toFixed(1)}%`,
            after: String(crime.after),
          }),
        )
      : null,
    crime_relative_effect: crime.relative?.effect ?? null,
    crime_wdq: crime.wdq?.value ?? null,
    crime_wdq_reading: reading ? bothLanguages((lang) => wdqSentence(reading, lang, wdq)) : null,
  };
}

/** A percentage rounded to one decimal (the screen's precision). */
const pct = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

/** 'YYYY-MM...' with its year in BE, as Thai readers expect: '2024-05' -> '2567-05'. */
const beYear = (m: string | null): string | null =>
  m === null ? null : `${ceToBe(Number(m.slice(0, 4)))}${m.slice(4)}`;

function kpiRow(item: KpiItem): TableCell[] {
  const values: Record<string, TableCell> = {
    level: LEVEL[item.level],
    id: item.id,
    name_th: item.nameTh,
    name_en: item.nameEn,
    zones: item.zoneCount,
    overall: OVERALL[item.overall],
    fear: pct(item.fear.value),
    fear_low: pct(item.fear.ciLow),
    fear_high: pct(item.fear.ciHigh),
    fear_n: item.fear.n,
    fear_target: item.fear.target,
    fear_status: STATUS[item.fear.status],
    trust: pct(item.trust.value),
    trust_low: pct(item.trust.ciLow),
    trust_high: pct(item.trust.ciHigh),
    trust_n: item.trust.n,
    trust_target: item.trust.target,
    trust_status: STATUS[item.trust.status],
    crime_change: pct(item.crime.changePct),
    crime_low: pct(crimeChangeRange(item.crime).low),
    crime_high: pct(crimeChangeRange(item.crime).high),
    crime_after: item.crime.after,
    crime_baseline: item.crime.baseline,
    crime_months: item.crime.months,
    crime_after_from: beYear(item.crime.afterFrom),
    crime_after_to: beYear(item.crime.afterTo),
    crime_status: STATUS[item.crime.status],
    ...crimeReadingCells(item),
  };
  return KPI_COLUMNS.map((c) => values[c.key] ?? null);
}

export function kpiTable(body: Pick<KpiBody, 'items'>): KpiTable {
  return { columns: [...KPI_COLUMNS], rows: body.items.map(kpiRow) };
}

/** The filters a table was made with, as label / value pairs (a sheet of their own in XLSX). */
export function kpiFilters(
  body: Pick<KpiBody, 'level' | 'period'>,
  request: { unit?: string | undefined },
  madeAt: Date,
): [string, string][] {
  const period =
    body.period === null
      ? 'ตั้งแต่เริ่มโครงการของแต่ละพื้นที่ (since each zone started)'
      : `${beYear(body.period.from)} – ${beYear(body.period.to)} (BE)`;
  return [
    ['ระดับ (level)', LEVEL[body.level]],
    ['หน่วย (unit)', request.unit ?? 'ทั้งหมดในขอบเขต (all in scope)'],
    ['ช่วงเวลา (period)', period],
    ['สร้างเมื่อ (made, Bangkok time)', beYear(bangkokDateTime(madeAt)) as string],
  ];
}
