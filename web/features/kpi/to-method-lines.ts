/**
 * "How is this computed?": a figure's `method` object, as the API sent it, turned into labelled
 * lines. Pure, so every rule the server reports is shown, known or not; a parameter the API sends
 * as null (e.g. a rollup's covered months) does not apply to the figure and gets no line.
 */
import { formatMonthRange, formatNumber, type Lang, MISSING } from '../../i18n/format.ts';
import { humanizeName, METHOD_KEYS, METHOD_KEYS_POOLED, METHOD_VALUES } from '../../i18n/method-words.ts';
import { isMonthKey } from '../../../server/contracts/calendar.ts';

export interface MethodLine {
  key: string;
  label: string;
  value: string;
}

export interface MethodOptions {
  /** A rollup's figure (level is not 'zone'): counts and months are summed over its zones. */
  pooled?: boolean;
}

function isRange(value: unknown): value is { from: string; to: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { from, to } = value as Record<string, unknown>;
  return typeof from === 'string' && typeof to === 'string' && isMonthKey(from) && isMonthKey(to);
}

/** An identifier-like value (snake_case or camelCase), as opposed to a name or a label. */
const IDENTIFIER = /^[a-z][a-z0-9]*(?:(?:_[a-z0-9]+)+|(?:[A-Z][a-z0-9]*)+)$/;

function methodValueText(value: unknown, lang: Lang): string {
  const words = METHOD_VALUES[lang];
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'boolean') return words[String(value)] ?? String(value);
  if (typeof value === 'number') return formatNumber(value, lang, 4);
  if (typeof value === 'string') return words[value] ?? (IDENTIFIER.test(value) ? humanizeName(value) : value);
  if (Array.isArray(value)) return value.map((v) => methodValueText(v, lang)).join(', ');
  if (isRange(value)) return formatMonthRange(value.from, value.to, lang);
  return JSON.stringify(value);
}

const POOLED_RULE: Record<Lang, { levels: string; of: string }> = {
  th: { levels: 'ระดับ', of: 'จาก' },
  en: { levels: 'levels', of: 'of' },
};

/** One rule of a figure pooling answers under different rules: 'codebook "X": levels 3, 4 of 4, all respondents (n = 2,400)'. */
function pooledRuleText(rule: Record<string, unknown>, lang: Lang): string {
  const words = POOLED_RULE[lang];
  const source =
    typeof rule.codebook === 'string' && rule.countsFrom === 'codebook'
      ? `codebook "${rule.codebook}"`
      : methodValueText(rule.countsFrom, lang);
  const levels = Array.isArray(rule.countsLevels) ? rule.countsLevels.join(', ') : MISSING;
  return `${source}: ${words.levels} ${levels} ${words.of} ${methodValueText(rule.scaleLevels, lang)}, ${methodValueText(
    rule.denominator,
    lang,
  )} (n = ${methodValueText(rule.respondents, lang)})`;
}

function methodKeyLabel(key: string, lang: Lang, options: MethodOptions = {}): string {
  return (options.pooled ? METHOD_KEYS_POOLED[lang][key] : undefined) ?? METHOD_KEYS[lang][key] ?? humanizeName(key);
}

export function toMethodLines(
  method: object | null | undefined,
  lang: Lang,
  options: MethodOptions = {},
): MethodLine[] {
  if (!method) return [];
  return Object.entries(method)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => ({
      key,
      label: methodKeyLabel(key, lang, options),
      value:
        key === 'rulesPooled' && Array.isArray(value)
          ? value.map((rule) => pooledRuleText(rule as Record<string, unknown>, lang)).join('; ')
          : methodValueText(value, lang),
    }));
}
