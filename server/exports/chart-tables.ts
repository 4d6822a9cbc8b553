/**
 * The numbers behind the zone page's charts, as tables for CSV: exactly what each chart draws,
 * from the same answers the chart is drawn from (the zone's series and synthetic control for the
 * crime chart, its survey waves and the period's KPI waves for a survey chart). Headers and words
 * in the reader's language, Thai years in BE; the zone, chart, period and filters go in the first
 * lines. Pure: the service hands it the answers.
 */
import {
  bangkokDateTime,
  ceToBe,
  formatMonthEn,
  formatMonthTh,
  type MonthKey,
  waveInEra,
} from '../contracts/calendar.ts';
import type { Lang } from '../contracts/crime-reading.ts';
import type { MonthRole } from '../kpi/crime-window.ts';
import type { CsvTable, TableCell, TableColumn } from './csv.ts';

export interface CrimeChartInput {
  months: { month: string; role: MonthRole; byGroup: Record<string, number> }[];
  /** Groups the crime KPI counts. */
  groups: number[];
  groupNames: { group: number; nameTh: string; nameEn: string }[];
}

export interface CounterfactualInput {
  available: boolean;
  months: { month: string; counterfactual: number }[];
}

export interface SurveyWaveInput {
  wave: string;
  waveDate: string;
  sampleType: string;
  fear: SurveyFigureInput | null;
  trust: SurveyFigureInput | null;
}

interface SurveyFigureInput {
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  target: number;
}

const say = (lang: Lang, th: string, en: string) => (lang === 'th' ? th : en);

/** '2024-05' as Thai readers write it, '2567-05'; English keeps the CE year. Dates alike. */
const yearFor = (text: string, lang: Lang) =>
  lang === 'th' ? `${ceToBe(Number(text.slice(0, 4)))}${text.slice(4)}` : text;

const ROLE: Record<MonthRole, [string, string]> = {
  after: ['ช่วงหลังเริ่ม', 'after start'],
  baseline: ['เดือนฐาน', 'baseline month'],
  before: ['ก่อนเริ่ม (ไม่ใช้เทียบ)', 'before start (not compared)'],
  outside: ['นอกช่วงที่เทียบ', 'outside the compared months'],
};

const column = (key: string, th: string, en: string, type: TableColumn['type']): TableColumn => ({
  key,
  th,
  en,
  type,
});

/** One row a month: cases by offence group as stacked (counted) or drawn apart, and the synthetic control. */
export function crimeChartTable(
  series: CrimeChartInput,
  counterfactual: CounterfactualInput | null,
  lang: Lang,
): CsvTable {
  const groups = [...new Set(series.months.flatMap((m) => Object.keys(m.byGroup)))].sort(
    (a, b) => Number(a) - Number(b),
  );
  const counted = new Set(series.groups.map(String));
  const names = new Map(series.groupNames.map((g) => [String(g.group), g]));
  const fitted = new Map(
    (counterfactual?.available ? counterfactual.months : []).map((m) => [m.month, m.counterfactual]),
  );
  const columns: TableColumn[] = [
    column('month', 'เดือน', 'Month', 'text'),
    column('role', 'ช่วง', 'Months', 'text'),
    ...groups.map((g) => {
      const name = names.get(g);
      const apart = counted.has(g) ? ['', ''] : [' (ไม่นับในตัวชี้วัด)', ' (not in the indicator)'];
      return column(
        `group_${g}`,
        `${name?.nameTh ?? `กลุ่ม ${g}`}${apart[0]}`,
        `${name?.nameEn ?? `Group ${g}`}${apart[1]}`,
        'integer',
      );
    }),
    ...(fitted.size > 0
      ? [column('counterfactual', 'ค่าเปรียบเทียบสังเคราะห์ (คดี)', 'Synthetic control (cases)', 'number')]
      : []),
  ];
  const rows = series.months.map((m): TableCell[] => [
    yearFor(m.month, lang),
    say(lang, ...ROLE[m.role]),
    ...groups.map((g) => m.byGroup[g] ?? 0),
    ...(fitted.size > 0 ? [fitted.get(m.month) ?? null] : []),
  ]);
  return { columns, rows };
}

/**
 * One row a wave of the item: probability waves by date (the chart's points and intervals), then
 * opt-in waves (listed apart under the chart, never on its axis), each saying which it is.
 */
export function surveyChartTable(
  waves: readonly SurveyWaveInput[],
  item: 'fear' | 'trust',
  usedWaves: readonly string[],
  lang: Lang,
): CsvTable {
  const byDate = [...waves].sort((a, b) => a.waveDate.localeCompare(b.waveDate) || a.wave.localeCompare(b.wave));
  const ordered = [
    ...byDate.filter((w) => w.sampleType === 'probability'),
    ...byDate.filter((w) => w.sampleType !== 'probability'),
  ];
  const columns: TableColumn[] = [
    column('wave', 'รอบสำรวจ', 'Wave', 'text'),
    column('date', 'วันที่', 'Date', 'text'),
    column('sample', 'การสุ่มตัวอย่าง', 'Sample', 'text'),
    column('estimate', 'ค่าประมาณ %', 'Estimate %', 'percent'),
    column('low', 'ขอบล่าง 95% (Wilson)', '95% low (Wilson)', 'percent'),
    column('high', 'ขอบบน 95% (Wilson)', '95% high (Wilson)', 'percent'),
    column('n', 'จำนวนผู้ตอบ (n)', 'Answers (n)', 'integer'),
    column('target', 'เป้าหมาย %', 'Target %', 'percent'),
    column('used', 'ใช้ในตัวชี้วัดของช่วงนี้', "Used by this period's indicator", 'text'),
  ];
  const rows = ordered.flatMap((w): TableCell[][] => {
    const figure = w[item];
    if (!figure) return [];
    const probability = w.sampleType === 'probability';
    return [
      [
        waveInEra(w.wave, lang),
        yearFor(w.waveDate, lang),
        probability
          ? say(lang, 'สุ่มตัวอย่าง', 'probability sample')
          : say(lang, 'สมัครใจตอบ (ไม่ใช่การสุ่มตัวอย่าง)', 'opt-in (not a probability sample)'),
        figure.value,
        figure.ciLow,
        figure.ciHigh,
        figure.n,
        figure.target,
        probability && usedWaves.includes(w.wave) ? say(lang, 'ใช้', 'yes') : '',
      ],
    ];
  });
  return { columns, rows };
}

export interface ChartPreambleInput {
  zone: { id: string; nameTh: string; nameEn: string | null };
  chart: 'crime' | 'fear' | 'trust';
  period: { from: MonthKey; to: MonthKey } | null;
  /** Further filters, as label and value already in the reader's language. */
  filters?: readonly (readonly [string, string])[];
  lang: Lang;
  madeAt: Date;
}

const CHART_TITLE: Record<ChartPreambleInput['chart'], [string, string]> = {
  crime: ['คดีรายเดือนตามกลุ่มความผิด', 'Monthly cases by offence group'],
  fear: ['ผลสำรวจแต่ละรอบ: ความหวาดกลัวภัยอาชญากรรม', 'Survey waves: fear of crime'],
  trust: ['ผลสำรวจแต่ละรอบ: ความเชื่อมั่นต่อการทำงานของตำรวจ', 'Survey waves: trust in police work'],
};

/** The first lines of a chart's CSV: which zone and chart, the period and filters, when it was made. */
export function chartPreamble({
  zone,
  chart,
  period,
  filters = [],
  lang,
  madeAt,
}: ChartPreambleInput): [string, string][] {
  const name = lang === 'en' && zone.nameEn ? zone.nameEn : zone.nameTh;
  const month = lang === 'th' ? formatMonthTh : formatMonthEn;
  return [
    [say(lang, 'พื้นที่', 'Zone'), `${name} (${zone.id})`],
    [say(lang, 'กราฟ', 'Chart'), say(lang, ...CHART_TITLE[chart])],
    [
      say(lang, 'ช่วงเวลา', 'Period'),
      period
        ? `${month(period.from)} – ${month(period.to)}`
        : say(lang, 'ตั้งแต่เริ่มโครงการของพื้นที่', 'since the zone started'),
    ],
    ...filters.map(([label, value]): [string, string] => [label, value]),
    [say(lang, 'สร้างเมื่อ (เวลากรุงเทพฯ)', 'Made (Bangkok time)'), yearFor(bangkokDateTime(madeAt), lang)],
  ];
}
