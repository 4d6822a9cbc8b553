/**
 * Period presets of kpi.md (Periods): since the zone's start (no period), the last 12 complete
 * months, Thai fiscal years (labelled in BE) and calendar years. Pure: "today" is passed in.
 */
import { formatCalendarYear, formatFiscalYear, formatMonthRange, type Lang } from '../../i18n/format.ts';
import {
  bangkokMonth,
  calendarYearRange,
  fiscalYearOfMonth,
  fiscalYearRange,
  last12CompleteMonths,
  type MonthKey,
} from '../../../server/contracts/calendar.ts';

export type PeriodPreset =
  | { id: 'since_start'; kind: 'since_start'; from: null; to: null }
  | { id: 'last12'; kind: 'last12'; from: MonthKey; to: MonthKey }
  | {
      id: string;
      kind: 'fiscal';
      fiscalYearBe: number;
      from: MonthKey;
      to: MonthKey;
    }
  | {
      id: string;
      kind: 'calendar';
      yearCe: number;
      from: MonthKey;
      to: MonthKey;
    };

/** The programme was announced in October 2020 (FY2564 began then) and piloted in 2021. */
const FIRST_FISCAL_YEAR_BE = 2564;
const FIRST_CALENDAR_YEAR_CE = 2021;

/** Newest first, so the most useful choices are at the top of the list. */
export function periodPresets(today: Date): PeriodPreset[] {
  const thisMonth = bangkokMonth(today);
  const presets: PeriodPreset[] = [
    { id: 'since_start', kind: 'since_start', from: null, to: null },
    { id: 'last12', kind: 'last12', ...last12CompleteMonths(today) },
  ];
  for (let fy = fiscalYearOfMonth(thisMonth); fy >= FIRST_FISCAL_YEAR_BE; fy--) {
    presets.push({
      id: `fy${fy}`,
      kind: 'fiscal',
      fiscalYearBe: fy,
      ...fiscalYearRange(fy),
    });
  }
  for (let year = Number(thisMonth.slice(0, 4)); year >= FIRST_CALENDAR_YEAR_CE; year--) {
    presets.push({
      id: `cy${year}`,
      kind: 'calendar',
      yearCe: year,
      ...calendarYearRange(year),
    });
  }
  return presets;
}

/** The preset a period is, or null for a custom range. */
export function matchPreset(
  presets: readonly PeriodPreset[],
  from: MonthKey | null,
  to: MonthKey | null,
): PeriodPreset | null {
  // last12 is checked last: its months may equal a fiscal or calendar year, and the named year reads better.
  const named = presets.find((p) => p.kind !== 'last12' && p.from === from && p.to === to);
  return named ?? presets.find((p) => p.from === from && p.to === to) ?? null;
}

export interface PresetLabels {
  sinceStart: string;
  last12: string;
}

export function presetLabel(preset: PeriodPreset, lang: Lang, labels: PresetLabels): string {
  switch (preset.kind) {
    case 'since_start':
      return labels.sinceStart;
    case 'last12':
      return `${labels.last12} (${formatMonthRange(preset.from, preset.to, lang)})`;
    case 'fiscal':
      return `${formatFiscalYear(preset.fiscalYearBe, lang)} (${formatMonthRange(preset.from, preset.to, lang)})`;
    case 'calendar':
      return formatCalendarYear(preset.yearCe, lang);
  }
}
