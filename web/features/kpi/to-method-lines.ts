/**
 * "How is this computed?": a figure's `method` object, as the API sent it, turned into labelled
 * lines. Pure, so every rule the server reports is shown, known or not.
 */
import { formatMonthRange, formatNumber, type Lang } from '../../i18n/format.ts';
import { METHOD_KEYS, METHOD_VALUES } from '../../i18n/method-words.ts';
import { isMonthKey } from '../../state/months.ts';

export interface MethodLine {
  key: string;
  label: string;
  value: string;
}

function isRange(value: unknown): value is { from: string; to: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { from, to } = value as Record<string, unknown>;
  return typeof from === 'string' && typeof to === 'string' && isMonthKey(from) && isMonthKey(to);
}

export function methodValueText(value: unknown, lang: Lang): string {
  const words = METHOD_VALUES[lang];
  if (value === null || value === undefined) return '–';
  if (typeof value === 'boolean') return words[String(value)] ?? String(value);
  if (typeof value === 'number') return formatNumber(value, lang, 4);
  if (typeof value === 'string') return words[value] ?? value;
  if (Array.isArray(value)) return value.map((v) => methodValueText(v, lang)).join(', ');
  if (isRange(value)) return formatMonthRange(value.from, value.to, lang);
  return JSON.stringify(value);
}

export function toMethodLines(method: object | null | undefined, lang: Lang): MethodLine[] {
  if (!method) return [];
  const labels = METHOD_KEYS[lang];
  return Object.entries(method).map(([key, value]) => ({
    key,
    label: labels[key] ?? key,
    value: methodValueText(value, lang),
  }));
}
