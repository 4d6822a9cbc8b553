/**
 * The resident survey built into the product (issue #20): the public form's two items on the
 * default codebook's 5-point scale, its optional questions, the wave its answers fall in, and what
 * counts as a burst. Shared by the server (the form page, the answer route, moderation, the import
 * of form-tool exports) and the web (moderation screen). Pure: no Node APIs, no database.
 *
 * Answers from the form are opt-in (kpi.md "Sample type"): reported apart from probability
 * samples and never pooled with them unless a setting asks.
 */
import { ceToBe } from './calendar.ts';

export const SURVEY_ITEMS = ['fear', 'trust'] as const;
export type SurveyItem = (typeof SURVEY_ITEMS)[number];

/** The default codebook's scale (server/importers/parse/answers.ts DEFAULT_CODEBOOK): 5 = มากที่สุด. */
export const FORM_SCALE_LEVELS = 5;

/** An answer to an item: a level 1-5 or "don't know" (not valid for the item, counted as such). */
export type FormAnswer = 1 | 2 | 3 | 4 | 5 | 'dont_know';

export const SEX_CHOICES = ['female', 'male', 'other'] as const;
export type SexChoice = (typeof SEX_CHOICES)[number];
/** The demo's and the formal surveys' age bands, so answers read side by side. */
export const AGE_BAND_CHOICES = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeBandChoice = (typeof AGE_BAND_CHOICES)[number];

type Bilingual = { th: string; en: string };

/** The two items' questions and their five answers, worded as the form shows them (level 5 first). */
export const FORM_QUESTIONS: Record<SurveyItem, { question: Bilingual; levels: Record<1 | 2 | 3 | 4 | 5, Bilingual> }> =
  {
    fear: {
      question: {
        th: 'ท่านรู้สึกหวาดกลัวภัยอาชญากรรมในพื้นที่นี้มากน้อยเพียงใด',
        en: 'How much do you fear crime in this area?',
      },
      levels: {
        5: { th: 'กลัวมากที่สุด', en: 'Very much' },
        4: { th: 'กลัวมาก', en: 'Much' },
        3: { th: 'ปานกลาง', en: 'Moderately' },
        2: { th: 'กลัวน้อย', en: 'A little' },
        1: { th: 'กลัวน้อยที่สุด', en: 'Very little' },
      },
    },
    trust: {
      question: {
        th: 'ท่านเชื่อมั่นต่อการทำงานของตำรวจในพื้นที่นี้มากน้อยเพียงใด',
        en: 'How much do you trust the police work in this area?',
      },
      levels: {
        5: { th: 'เชื่อมั่นมากที่สุด', en: 'Very much' },
        4: { th: 'เชื่อมั่นมาก', en: 'Much' },
        3: { th: 'ปานกลาง', en: 'Moderately' },
        2: { th: 'เชื่อมั่นน้อย', en: 'A little' },
        1: { th: 'เชื่อมั่นน้อยที่สุด', en: 'Very little' },
      },
    },
  };

export const DONT_KNOW_LABEL: Bilingual = { th: 'ไม่ทราบ/ไม่แน่ใจ', en: "Don't know" };
export const SEX_LABELS: Record<SexChoice, Bilingual> = {
  female: { th: 'หญิง', en: 'Female' },
  male: { th: 'ชาย', en: 'Male' },
  other: { th: 'อื่น ๆ', en: 'Other' },
};

/** Reads a posted item value ('1'..'5' or 'dont_know'); null when it is anything else. */
export function parseFormAnswer(value: unknown): FormAnswer | null {
  if (value === 'dont_know') return 'dont_know';
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^[1-5]$/.test(text.trim())) return null;
  return Number(text.trim()) as FormAnswer;
}

/**
 * The wave a form answer falls in: the Bangkok calendar quarter of its date, in BE, marked as the
 * form's (`QR 2569-Q4`), so a zone's opt-in answers of a quarter make one wave and never share a
 * label (and so a wave date) with a formal survey's wave.
 */
export function formWaveLabel(isoDate: string): string {
  const year = ceToBe(Number(isoDate.slice(0, 4)));
  const quarter = Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;
  return `QR ${year}-Q${quarter}`;
}

/** The same label in SQL over a DATE column (server/queries: the aggregate rebuild). */
export const FORM_WAVE_SQL = (column: string) =>
  `'QR ' || (year(${column}) + 543)::VARCHAR || '-Q' || quarter(${column})::VARCHAR`;

/**
 * The form's spam limits (issue #20 item 4). An address may send `perAddress` answers within
 * `windowMs`, a zone may take `perZone`; the next answer is refused (429) and the answers of the
 * window that tripped are held out of every figure as a burst, for an analyst to void or release.
 * Defaults: a market's shared Wi-Fi or a phone carrier's address is many people, hence 10; the
 * load target (1,000 answers a minute over 100 zones) is 10 a minute a zone, hence 150 in 10 min.
 */
export interface FormLimits {
  windowMs: number;
  perAddress: number;
  perZone: number;
}
export const DEFAULT_FORM_LIMITS: FormLimits = { windowMs: 10 * 60_000, perAddress: 10, perZone: 150 };

/** How long a form's signed token stays good: long enough to read and answer, short enough not to be farmed. */
export const FORM_TOKEN_TTL_MS = 2 * 60 * 60_000;

/** Why answers are out of the figures: a tripped limit (held), or an analyst's void. */
export const HOLD_REASONS = ['address_burst', 'zone_burst'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** Longest reason an analyst may give for a void. */
export const VOID_REASON_MAX = 500;

/**
 * A zone's hour the moderation view lists as a burst: one with answers a limit held, one an
 * analyst voided (it stays listed), or one with at least this many answers however they came (a
 * slow script stays under the limits; a crowded community meeting may be genuine: an analyst decides).
 */
export const BURST_MIN_ANSWERS_PER_HOUR = 20;

/** How far back the moderation view looks by default, in days. */
export const MODERATION_DEFAULT_DAYS = 30;

/** A zone's hour in Bangkok, as stored and as moderation names it: 'YYYY-MM-DD HH:00'. */
export const FORM_HOUR_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):00$/;
