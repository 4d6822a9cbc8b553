/**
 * Survey codebooks (data-formats.md, "Survey responses") and classifying one raw answer.
 *
 * A codebook item: `levels` K; `codes` raw value -> level 1..K (absent: the cell is the level);
 * `labels` level -> text answers; `missing` raw value -> non-answer kind; `counts` the levels that
 * count as fearful / trusting (absent: the top two). `denominator` is 'valid' (default) or 'all'.
 *
 * Order of reading an answer: blank -> the item's `missing` -> `codes` -> the item's `labels` ->
 * common Thai / English non-answers (ไม่ทราบ, ไม่แน่ใจ, ไม่ตอบ, don't know, refused...) -> a plain
 * level 1..K (only without `codes`) or "5 มากที่สุด" (number and label agreeing). An item's own
 * labels win over the common non-answers, so a scale whose middle point is ไม่แน่ใจ still works.
 * Raw values compare after Thai digits -> ASCII, trimming and, for numbers, canonical form
 * ("04", "4.0" and "4" are one code); text compares without case, spaces or punctuation.
 */

import { FORM_QUESTIONS } from '../../contracts/resident-survey.ts';
import { z } from 'zod';
import type { Bilingual } from '../issues.ts';
import { thaiDigitsToAscii } from './thai-digits.ts';

export type NonAnswerKind = 'missing' | 'refused' | 'dont_know';

export interface CodebookItem {
  /** K: levels are 1..K. */
  readonly levels: number;
  /** Raw value (canonical key, see `answerKey`) -> level. */
  readonly codes?: Readonly<Record<string, number>>;
  /** Level ("1".."K") -> text answers. */
  readonly labels?: Readonly<Record<string, readonly string[]>>;
  /** Raw value (canonical key) -> non-answer kind. */
  readonly missing?: Readonly<Record<string, NonAnswerKind>>;
  /** Levels that count (fearful / trusting); resolved: the top two when the JSON omits it. */
  readonly counts: readonly number[];
  /**
   * The codebook's authors wrote `counts` themselves. Only then does it win over the programme's
   * "who counts" setting (kpi.md "Whose rule wins"); a resolved default does not.
   */
  readonly countsDeclared?: boolean;
}

export interface Codebook {
  readonly name: string;
  readonly items: Readonly<Record<string, CodebookItem>> & {
    readonly fear?: CodebookItem;
    readonly trust?: CodebookItem;
  };
  readonly denominator: 'valid' | 'all';
  /** The codebook's authors wrote `denominator` themselves (see `countsDeclared`). */
  readonly denominatorDeclared?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Keys

const SPACES_RE = /[\s\u00A0\u200B\uFEFF]+/g;
const NUMERIC_RE = /^[+-]?\d+(?:\.\d+)?$/;
const TEXT_STRIP_RE = /[\s\u00A0\u200B\uFEFF'’‘`"“”.,_\-/()]+/g;

/**
 * Canonical form of a raw answer or code for comparison: numbers as `String(Number(x))`
 * ("04" -> "4", "4.0" -> "4", "-1" -> "-1"), text lower-cased without spaces or punctuation.
 */
export function answerKey(raw: string | number): string {
  const s = thaiDigitsToAscii(String(raw).normalize('NFC')).replace(SPACES_RE, ' ').trim();
  if (NUMERIC_RE.test(s)) return String(Number(s));
  return s.toLowerCase().replace(TEXT_STRIP_RE, '');
}

// ---------------------------------------------------------------------------------------------
// Codebook JSON

const MISSING_SYNONYMS: Readonly<Record<string, NonAnswerKind>> = {
  missing: 'missing',
  na: 'missing',
  notapplicable: 'missing',
  skip: 'missing',
  skipped: 'missing',
  notasked: 'missing',
  refused: 'refused',
  refusal: 'refused',
  refuse: 'refused',
  ref: 'refused',
  dontknow: 'dont_know',
  dk: 'dont_know',
  donotknow: 'dont_know',
  notsure: 'dont_know',
};

const missingKindSchema = z.preprocess(
  (v) => (typeof v === 'string' ? (MISSING_SYNONYMS[answerKey(v)] ?? v) : v),
  z.enum(['missing', 'refused', 'dont_know'], {
    error: 'must be "missing", "refused" or "dont_know"',
  }),
);

const integerSchema = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
  z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }),
);

const labelsSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
  error: 'must be a text or a list of texts',
});

const itemSchema = z
  .object({
    levels: integerSchema.pipe(
      z.number().min(2, { error: 'must be at least 2' }).max(20, { error: 'must be at most 20' }),
    ),
    codes: z.record(z.string(), integerSchema).optional(),
    labels: z.record(z.string(), labelsSchema).optional(),
    missing: z.record(z.string(), missingKindSchema).optional(),
    counts: z.array(integerSchema).min(1, { error: 'must list at least one level' }).optional(),
  })
  .superRefine((item, ctx) => {
    const k = item.levels;
    const inRange = (n: number) => Number.isInteger(n) && n >= 1 && n <= k;
    const codeKeys = new Map<string, string>();
    for (const [raw, level] of Object.entries(item.codes ?? {})) {
      const key = answerKey(raw);
      if (key === '') ctx.addIssue({ code: 'custom', path: ['codes', raw], message: 'an empty code' });
      if (!inRange(level)) {
        ctx.addIssue({ code: 'custom', path: ['codes', raw], message: `level ${level} is outside 1..${k}` });
      }
      const prev = codeKeys.get(key);
      if (prev !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['codes', raw], message: `the same code as "${prev}"` });
      }
      codeKeys.set(key, raw);
    }
    const labelOwner = new Map<string, string>();
    for (const [level, texts] of Object.entries(item.labels ?? {})) {
      if (!(NUMERIC_RE.test(level.trim()) && inRange(Number(level)))) {
        ctx.addIssue({ code: 'custom', path: ['labels', level], message: `labels are keyed by level 1..${k}` });
      }
      for (const text of typeof texts === 'string' ? [texts] : texts) {
        const key = answerKey(text);
        const prev = labelOwner.get(key);
        if (prev !== undefined && prev !== level) {
          ctx.addIssue({
            code: 'custom',
            path: ['labels', level],
            message: `"${text}" is also a label of level ${prev}`,
          });
        }
        labelOwner.set(key, level);
      }
    }
    for (const raw of Object.keys(item.missing ?? {})) {
      const key = answerKey(raw);
      if (codeKeys.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['missing', raw], message: 'is also a code in "codes"' });
      } else if (item.codes === undefined && NUMERIC_RE.test(key) && inRange(Number(key))) {
        ctx.addIssue({
          code: 'custom',
          path: ['missing', raw],
          message: `is also level ${key} (no "codes": cells are levels)`,
        });
      }
      if (labelOwner.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['missing', raw], message: 'is also a label in "labels"' });
      }
    }
    const seen = new Set<number>();
    for (const level of item.counts ?? []) {
      if (!inRange(level))
        ctx.addIssue({ code: 'custom', path: ['counts'], message: `level ${level} is outside 1..${k}` });
      if (seen.has(level))
        ctx.addIssue({ code: 'custom', path: ['counts'], message: `level ${level} is listed twice` });
      seen.add(level);
    }
  });

const codebookSchema = z
  .object({
    name: z.string().optional(),
    items: z.record(z.string(), itemSchema, { error: 'must be an object of items such as "fear" and "trust"' }),
    denominator: z.enum(['valid', 'all'], { error: 'must be "valid" or "all"' }).optional(),
  })
  .superRefine((cb, ctx) => {
    if (cb.items.fear === undefined && cb.items.trust === undefined) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'must define "fear" or "trust" (or both)' });
    }
  });

type RawItem = z.infer<typeof itemSchema>;

function resolveItem(raw: RawItem): CodebookItem {
  const codes =
    raw.codes === undefined
      ? undefined
      : Object.fromEntries(Object.entries(raw.codes).map(([k, v]) => [answerKey(k), v]));
  const labels =
    raw.labels === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(raw.labels).map(([k, v]) => [String(Number(k)), typeof v === 'string' ? [v] : [...v]]),
        );
  const missing =
    raw.missing === undefined
      ? undefined
      : Object.fromEntries(Object.entries(raw.missing).map(([k, v]) => [answerKey(k), v]));
  const counts = raw.counts ?? (raw.levels > 2 ? [raw.levels - 1, raw.levels] : [raw.levels]);
  return {
    levels: raw.levels,
    ...(codes === undefined ? {} : { codes }),
    ...(labels === undefined ? {} : { labels }),
    ...(missing === undefined ? {} : { missing }),
    counts: [...counts].sort((a, b) => a - b),
    countsDeclared: raw.counts !== undefined,
  };
}

export interface CodebookProblem {
  /** Where in the JSON, e.g. "items.trust.codes.5". */
  readonly path: string;
  readonly message: string;
}

export type CodebookResult =
  | { readonly ok: true; readonly codebook: Codebook }
  | { readonly ok: false; readonly reason: Bilingual; readonly problems: CodebookProblem[] };

/** Validates a codebook (JSON text or an already parsed value) and resolves its defaults. */
export function parseCodebook(json: unknown): CodebookResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        reason: { th: `ไฟล์ codebook ไม่ใช่ JSON ที่ถูกต้อง: ${detail}`, en: `The codebook is not valid JSON: ${detail}` },
        problems: [{ path: '', message: detail }],
      };
    }
  }
  const parsed = codebookSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
    }));
    const lines = problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`)).join('; ');
    return {
      ok: false,
      reason: { th: `codebook ไม่ถูกต้อง: ${lines}`, en: `Invalid codebook: ${lines}` },
      problems,
    };
  }
  const items: Record<string, CodebookItem> = {};
  for (const [name, item] of Object.entries(parsed.data.items)) items[name] = resolveItem(item);
  return {
    ok: true,
    codebook: {
      name: parsed.data.name ?? '',
      items,
      denominator: parsed.data.denominator ?? 'valid',
      denominatorDeclared: parsed.data.denominator !== undefined,
    },
  };
}

/** The standard Thai 5-point item: มากที่สุด 5, มาก 4, ปานกลาง 3, น้อย 2, น้อยที่สุด 1; counts 4 and 5. */
const THAI_FIVE_POINT_ITEM: CodebookItem = {
  levels: 5,
  labels: {
    '5': ['มากที่สุด', 'very high', 'highest', 'very much'],
    '4': ['มาก', 'high'],
    '3': ['ปานกลาง', 'moderate', 'medium'],
    '2': ['น้อย', 'low'],
    '1': ['น้อยที่สุด', 'very low', 'lowest', 'very little'],
  },
  counts: [4, 5],
};

/**
 * The standard item with the resident form's own wording of its answers for that item ("กลัวมาก",
 * "เชื่อมั่นมากที่สุด"; contracts/resident-survey.ts), which form tools' exports carry as labels.
 */
function withFormLabels(item: 'fear' | 'trust'): CodebookItem {
  const labels: Record<string, string[]> = {};
  for (const [level, texts] of Object.entries(THAI_FIVE_POINT_ITEM.labels ?? {})) {
    const worded = FORM_QUESTIONS[item].levels[Number(level) as 1 | 2 | 3 | 4 | 5];
    labels[level] = [...new Set([...texts, worded.th])];
  }
  return { ...THAI_FIVE_POINT_ITEM, labels };
}

/** Used when the import does not choose or upload one. */
export const DEFAULT_CODEBOOK: Codebook = {
  name: 'มาตรวัด 5 ระดับมาตรฐาน (Thai standard 5-point)',
  items: { fear: withFormLabels('fear'), trust: withFormLabels('trust') },
  denominator: 'valid',
};

// ---------------------------------------------------------------------------------------------
// Classifying answers

export type AnswerResult =
  | { readonly status: 'valid'; readonly level: number }
  | { readonly status: 'blank' | NonAnswerKind | 'out_of_range'; readonly reason: Bilingual };

const COMMON_NON_ANSWERS: ReadonlyMap<string, NonAnswerKind> = new Map(
  (
    [
      ['ไม่ทราบ', 'dont_know'],
      ['ไม่รู้', 'dont_know'],
      ['ไม่แน่ใจ', 'dont_know'],
      ['ไม่ทราบ/ไม่แน่ใจ', 'dont_know'],
      ['ไม่รู้/ไม่แน่ใจ', 'dont_know'],
      ["don't know", 'dont_know'],
      ['do not know', 'dont_know'],
      ['dk', 'dont_know'],
      ['not sure', 'dont_know'],
      ['unsure', 'dont_know'],
      ['ไม่ตอบ', 'refused'],
      ['ไม่ขอตอบ', 'refused'],
      ['ไม่ประสงค์จะตอบ', 'refused'],
      ['ไม่ประสงค์ตอบ', 'refused'],
      ['ปฏิเสธ', 'refused'],
      ['ปฏิเสธที่จะตอบ', 'refused'],
      ['ปฏิเสธการตอบ', 'refused'],
      ['refused', 'refused'],
      ['refuse', 'refused'],
      ['no answer', 'refused'],
      ['prefer not to say', 'refused'],
      ['ไม่ระบุ', 'missing'],
      ['ไม่มีข้อมูล', 'missing'],
      ['n/a', 'missing'],
      ['na', 'missing'],
      ['missing', 'missing'],
      ['-', 'missing'],
    ] as const
  ).map(([text, kind]) => [answerKey(text), kind]),
);

const NON_ANSWER_TEXT: Readonly<Record<NonAnswerKind, Bilingual>> = {
  missing: { th: 'ไม่มีคำตอบ', en: 'missing' },
  refused: { th: 'ไม่ขอตอบ', en: 'refused' },
  dont_know: { th: 'ไม่ทราบ/ไม่แน่ใจ', en: "don't know" },
};

interface Compiled {
  missing: Map<string, NonAnswerKind>;
  codes: Map<string, number> | null;
  labels: Map<string, number>;
  codeList: string;
}

const COMPILED = new WeakMap<CodebookItem, Compiled>();

function compile(item: CodebookItem): Compiled {
  const cached = COMPILED.get(item);
  if (cached !== undefined) return cached;
  const missing = new Map<string, NonAnswerKind>();
  for (const [k, v] of Object.entries(item.missing ?? {})) missing.set(answerKey(k), v);
  const codes = item.codes === undefined ? null : new Map<string, number>();
  for (const [k, v] of Object.entries(item.codes ?? {})) codes?.set(answerKey(k), v);
  const labels = new Map<string, number>();
  for (const [level, texts] of Object.entries(item.labels ?? {})) {
    for (const text of texts) labels.set(answerKey(text), Number(level));
  }
  const compiled: Compiled = {
    missing,
    codes,
    labels,
    codeList: codes === null ? `1-${item.levels}` : [...codes.keys()].join(', '),
  };
  COMPILED.set(item, compiled);
  return compiled;
}

const LEVEL_THEN_LABEL_RE = /^(\d+)\s*[-=.:)]?\s*(\D.*)$/;
const LABEL_THEN_LEVEL_RE = /^(\D.*?)\s*[([]\s*(\d+)\s*[)\]]$/;

function outOfRange(th: string, en: string): AnswerResult {
  return { status: 'out_of_range', reason: { th, en } };
}

/** Classifies one raw answer against one codebook item. Never throws. */
export function classifyAnswer(raw: string | number, item: CodebookItem): AnswerResult {
  const text = thaiDigitsToAscii(String(raw).normalize('NFC')).replace(SPACES_RE, ' ').trim();
  if (text === '') return { status: 'blank', reason: { th: 'ไม่ได้ตอบ (ช่องว่าง)', en: 'No answer (blank cell)' } };
  const c = compile(item);
  const key = answerKey(text);
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;

  const miss = c.missing.get(key);
  if (miss !== undefined) {
    const t = NON_ANSWER_TEXT[miss];
    return { status: miss, reason: { th: `รหัส "${shown}" = ${t.th}`, en: `code "${shown}" = ${t.en}` } };
  }
  if (c.codes !== null) {
    const level = c.codes.get(key);
    if (level !== undefined) return { status: 'valid', level };
  }
  const byLabel = c.labels.get(key);
  if (byLabel !== undefined) return { status: 'valid', level: byLabel };
  const common = COMMON_NON_ANSWERS.get(key);
  if (common !== undefined) {
    const t = NON_ANSWER_TEXT[common];
    return { status: common, reason: { th: `"${shown}" = ${t.th}`, en: `"${shown}" = ${t.en}` } };
  }
  const isNumber = NUMERIC_RE.test(key);
  if (c.codes !== null) {
    return isNumber
      ? outOfRange(
          `รหัส ${shown} ไม่มีใน codebook (มี ${c.codeList})`,
          `Code ${shown} is not in the codebook (codes: ${c.codeList})`,
        )
      : outOfRange(
          `อ่านคำตอบ "${shown}" ไม่ได้ ไม่ตรงกับรหัสหรือข้อความใน codebook`,
          `Unrecognised answer "${shown}": not a code or label of the codebook`,
        );
  }
  if (isNumber) {
    const n = Number(key);
    if (Number.isInteger(n) && n >= 1 && n <= item.levels) return { status: 'valid', level: n };
    return outOfRange(`คำตอบ ${shown} อยู่นอกช่วง 1-${item.levels}`, `Answer ${shown} is outside 1-${item.levels}`);
  }
  // "5 มากที่สุด", "5 = มากที่สุด", "มากที่สุด (5)": accepted when the number and the label agree.
  const short = text.length <= 200;
  const m = short ? LEVEL_THEN_LABEL_RE.exec(text) : null;
  const m2 = m === null && short ? LABEL_THEN_LEVEL_RE.exec(text) : null;
  const pair = m !== null ? { n: m[1], label: m[2] } : m2 !== null ? { n: m2[2], label: m2[1] } : null;
  if (pair !== null) {
    const n = Number(pair.n);
    const labelLevel = c.labels.get(answerKey(pair.label ?? ''));
    if (labelLevel !== undefined && labelLevel === n) return { status: 'valid', level: n };
    if (labelLevel !== undefined) {
      return outOfRange(
        `"${shown}": ตัวเลข ${n} ไม่ตรงกับข้อความซึ่งเป็นระดับ ${labelLevel}`,
        `"${shown}": the number ${n} contradicts the label, which is level ${labelLevel}`,
      );
    }
  }
  return outOfRange(
    `อ่านคำตอบ "${shown}" ไม่ได้ (ใช้ตัวเลข 1-${item.levels} หรือข้อความในมาตรวัด)`,
    `Unrecognised answer "${shown}" (use 1-${item.levels} or a label of the scale)`,
  );
}

/** True when the level counts as fearful / trusting under the item's `counts`. */
export function countsAsPositive(level: number, item: CodebookItem): boolean {
  return item.counts.includes(level);
}
