/**
 * How a zone's crime figures are READ, in one place for the server (API, exports) and the web
 * (tiles, tables, method popover): which way the zone moved, which way it moved against its
 * comparison area, whether the weighted displacement quotient (WDQ) may be read at all, and when a
 * met crime target must carry a displacement warning. Pure and dependency-free: the web bundles it.
 *
 * The rules (kpi.md, Crime change: "Against a comparison area" and "Displacement"):
 * - The zone's own direction is after vs baseline of its counts.
 * - Its direction relative to the comparison area is RR_zone vs RR_control, compared exactly on
 *   the integer counts (a * d vs b * c), so a relative effect of 0.9999 is never read as "same".
 *   Both comparison windows need crime, as the WDQ does (kpi.md divides by C_a and C_b).
 * - WDQ (Bowers and Johnson, 2003) is read ONLY when the zone improved relative to its comparison
 *   area (their success measure A_a/C_a - A_b/C_b < 0). Otherwise its sign says nothing about the
 *   area around the zone: the reading is "not applicable", never a diffusion or displacement word.
 * - Where the zone's own change and its change relative to the comparison area point different
 *   ways, both are said in one sentence ("crime rose 3.7% in the zone but less than in its
 *   comparison area").
 * - A met crime target (met or met with confidence) whose WDQ reads displacement carries a warning
 *   beside its status; the status itself stays as kpi.md defines it.
 */

export type Lang = 'th' | 'en';

/** Which way the zone's own count moved between the baseline and the after window. */
export type ChangeDirection = 'fell' | 'rose' | 'unchanged';

/** The zone against its comparison area: RR_zone below, above or equal to RR_control. */
export type RelativeDirection = 'improved' | 'worsened' | 'same';

/**
 * - diffusion_of_benefits: WDQ > 0, the ring around the zone improved with it;
 * - displacement: WDQ < 0, crime moved into the ring;
 * - no_buffer_change: WDQ = 0;
 * - not_applicable: the zone did not improve relative to its comparison area, so the WDQ is not read.
 */
export type WdqReading = 'diffusion_of_benefits' | 'displacement' | 'no_buffer_change' | 'not_applicable';

export interface BeforeAfterCounts {
  readonly baseline: number;
  readonly after: number;
}

export interface CrimeReadingInput {
  /** The crime status is met or met with confidence. */
  readonly met: boolean;
  readonly zone: BeforeAfterCounts;
  /** The comparison area's counts over the same windows; null when there is none. */
  readonly control: BeforeAfterCounts | null;
  /** Counts in the buffer ring exist (incident points); without them there is no WDQ to read. */
  readonly hasRing: boolean;
  /** The WDQ value; null when it cannot be computed (no comparison crime, no relative change). */
  readonly wdq: number | null;
}

export interface CrimeReading {
  readonly zone: ChangeDirection;
  /** null: no comparison area with crime in both windows. */
  readonly relative: RelativeDirection | null;
  /** The zone's own change and its change relative to the comparison area point different ways. */
  readonly pointsDifferentWays: boolean;
  /** null: no WDQ (no ring counts, or no comparison area). */
  readonly wdq: WdqReading | null;
  /** Met, and the WDQ reads displacement: shown beside the status, which stays as it is. */
  readonly displacementWarning: boolean;
}

function changeDirection(counts: BeforeAfterCounts): ChangeDirection {
  return counts.after < counts.baseline ? 'fell' : counts.after > counts.baseline ? 'rose' : 'unchanged';
}

/**
 * RR_zone = a / b against RR_control = c / d as a * d against b * c (exact for whole counts). null
 * when the comparison area has no crime in a window: its rate ratio (and the WDQ) is then undefined.
 */
export function relativeDirection(
  zone: BeforeAfterCounts,
  control: BeforeAfterCounts | null,
): RelativeDirection | null {
  if (control === null || control.baseline === 0 || control.after === 0) return null;
  const zoneSide = zone.after * control.baseline;
  const controlSide = zone.baseline * control.after;
  return zoneSide < controlSide ? 'improved' : zoneSide > controlSide ? 'worsened' : 'same';
}

/** Bowers and Johnson: the WDQ is read only where the zone improved relative to its control. */
export function wdqReading(relative: RelativeDirection | null, wdq: number | null): WdqReading | null {
  if (relative === null) return null;
  if (relative !== 'improved') return 'not_applicable';
  if (wdq === null) return null;
  return wdq > 0 ? 'diffusion_of_benefits' : wdq < 0 ? 'displacement' : 'no_buffer_change';
}

export function readCrimeChange(input: CrimeReadingInput): CrimeReading {
  const zone = changeDirection(input.zone);
  const relative = relativeDirection(input.zone, input.control);
  const pointsDifferentWays =
    relative !== null &&
    ((zone === 'fell' && relative === 'worsened') ||
      (zone === 'rose' && relative === 'improved') ||
      (zone === 'unchanged' && relative !== 'same'));
  const reading = input.hasRing ? wdqReading(relative, input.wdq) : null;
  return {
    zone,
    relative,
    pointsDifferentWays,
    wdq: reading,
    displacementWarning: input.met && reading === 'displacement',
  };
}

/** j of "k of n met, j of them with displacement": met zones whose reading carries the warning. */
export function metWithDisplacement(readings: readonly (CrimeReading | null)[]): number {
  return readings.filter((reading) => reading?.displacementWarning === true).length;
}

// ---------------------------------------------------------------------------------------------
// Words: one sentence per reading, Thai and English, used by the tiles, the popover and exports.
// ---------------------------------------------------------------------------------------------

type SentenceKey = `${ChangeDirection}.${RelativeDirection}`;

const SENTENCES: Record<Lang, Record<SentenceKey, string>> = {
  th: {
    'fell.improved': 'คดีในพื้นที่ลดลง {change} และดีกว่าพื้นที่เปรียบเทียบ',
    'fell.worsened': 'คดีในพื้นที่ลดลง {change} แต่ลดลงน้อยกว่าพื้นที่เปรียบเทียบ',
    'fell.same': 'คดีในพื้นที่ลดลง {change} เท่ากับพื้นที่เปรียบเทียบ',
    'rose.improved': 'คดีในพื้นที่เพิ่มขึ้น {change} แต่เพิ่มขึ้นน้อยกว่าพื้นที่เปรียบเทียบ',
    'rose.worsened': 'คดีในพื้นที่เพิ่มขึ้น {change} และแย่กว่าพื้นที่เปรียบเทียบ',
    'rose.same': 'คดีในพื้นที่เพิ่มขึ้น {change} เท่ากับพื้นที่เปรียบเทียบ',
    'unchanged.improved': 'คดีในพื้นที่ไม่เปลี่ยนแปลง แต่พื้นที่เปรียบเทียบเพิ่มขึ้น',
    'unchanged.worsened': 'คดีในพื้นที่ไม่เปลี่ยนแปลง แต่พื้นที่เปรียบเทียบลดลง',
    'unchanged.same': 'คดีทั้งในพื้นที่และในพื้นที่เปรียบเทียบไม่เปลี่ยนแปลง',
  },
  en: {
    'fell.improved': 'crime fell {change} in the zone and did better than in its comparison area',
    'fell.worsened': 'crime fell {change} in the zone but less than in its comparison area',
    'fell.same': 'crime fell {change} in the zone, as much as in its comparison area',
    'rose.improved': 'crime rose {change} in the zone but less than in its comparison area',
    'rose.worsened': 'crime rose {change} in the zone and did worse than in its comparison area',
    'rose.same': 'crime rose {change} in the zone, as much as in its comparison area',
    'unchanged.improved': 'crime did not change in the zone but rose in its comparison area',
    'unchanged.worsened': 'crime did not change in the zone but fell in its comparison area',
    'unchanged.same': 'crime changed neither in the zone nor in its comparison area',
  },
};

const FROM_ZERO: Record<Lang, string> = { th: 'จาก 0 เป็น {after} คดี', en: 'from 0 to {after} cases' };

const WDQ_WORDS: Record<Lang, Record<WdqReading, string>> = {
  th: {
    diffusion_of_benefits: 'ดัชนีการย้ายที่ (WDQ) {value}: ผลดีกระจายไปรอบพื้นที่',
    displacement: 'ดัชนีการย้ายที่ (WDQ) {value}: อาชญากรรมย้ายไปรอบพื้นที่',
    no_buffer_change: 'ดัชนีการย้ายที่ (WDQ) {value}: รอบพื้นที่ไม่เปลี่ยนเมื่อเทียบพื้นที่เปรียบเทียบ',
    not_applicable: 'WDQ: ไม่นำมาอ่านผล เพราะพื้นที่ไม่ได้ดีขึ้นเมื่อเทียบกับพื้นที่เปรียบเทียบ',
  },
  en: {
    diffusion_of_benefits: 'Weighted displacement quotient {value}: diffusion of benefits',
    displacement: 'Weighted displacement quotient {value}: displacement (crime moved into the ring around the zone)',
    no_buffer_change: 'Weighted displacement quotient {value}: no change around the zone against the comparison area',
    not_applicable: 'WDQ: not applicable: the zone did not improve relative to its comparison area',
  },
};

const WARNING: Record<Lang, string> = {
  th: 'ผ่านเป้าหมาย แต่อาชญากรรมย้ายไปรอบพื้นที่ (WDQ {value})',
  en: 'Met, but crime moved into the ring around the zone (displacement, WDQ {value})',
};

/** The same warning where a table cell has little room (a meeting slide's summary table). */
const SHORT_WARNING: Record<Lang, string> = {
  th: 'อาชญากรรมย้ายไปรอบพื้นที่ (WDQ {value})',
  en: 'Displacement (WDQ {value})',
};

const ROLLUP_WARNING: Record<Lang, string> = {
  th: 'ในจำนวนนี้ {j} พื้นที่มีอาชญากรรมย้ายไปรอบพื้นที่',
  en: '{j} of them with displacement',
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The numbers of a sentence, already formatted by the caller (each side has its own number format). */
export interface ReadingNumbers {
  /** The zone's change without its sign ("3.7%"), or null when there is no baseline crime. */
  readonly changeMagnitude: string | null;
  /** The after count, for "from 0 to N cases". */
  readonly after: string;
}

/** The one sentence saying the zone's change and its change against the comparison area; null without one. */
export function crimeReadingSentence(reading: CrimeReading, lang: Lang, numbers: ReadingNumbers): string | null {
  if (reading.relative === null) return null;
  const change = numbers.changeMagnitude ?? fill(FROM_ZERO[lang], { after: numbers.after });
  return fill(SENTENCES[lang][`${reading.zone}.${reading.relative}`], { change });
}

/** The WDQ line: its value and reading, or "not applicable" without the value or any reading word. */
export function wdqSentence(reading: CrimeReading, lang: Lang, formattedWdq: string): string | null {
  if (reading.wdq === null) return null;
  return fill(WDQ_WORDS[lang][reading.wdq], { value: formattedWdq });
}

/**
 * The warning beside a met status whose WDQ reads displacement; null when none applies. 'short'
 * names the displacement and its WDQ alone, for a table cell beside the status it qualifies.
 */
export function displacementWarningText(
  reading: CrimeReading | null,
  lang: Lang,
  formattedWdq: string,
  form: 'full' | 'short' = 'full',
): string | null {
  if (!reading?.displacementWarning) return null;
  return fill((form === 'short' ? SHORT_WARNING : WARNING)[lang], { value: formattedWdq });
}

/** ", j of them with displacement" after "k of n met"; null when no met zone carries the warning. */
export function rollupDisplacementText(withDisplacement: number, lang: Lang, formattedCount: string): string | null {
  return withDisplacement > 0 ? fill(ROLLUP_WARNING[lang], { j: formattedCount }) : null;
}
