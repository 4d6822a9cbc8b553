/**
 * Whose rule counts a survey answer (kpi.md, Survey indicators, "Whose rule wins"). Pure.
 *
 * - A codebook that declares `counts` for an item (or `denominator`) applies it to the answers
 *   imported with it: its authors know their scale.
 * - The programme's setting ("who counts": a level set or the top two; the denominator) applies
 *   to what the codebook does not declare, and to answers imported without one.
 * - An explicit "override codebooks" setting replaces every codebook's rule with the setting.
 * Each of `counts` and `denominator` is resolved on its own, so the method can say where each
 * came from (a codebook may declare one and not the other).
 */
import type { SurveyDenominator } from './survey.ts';
import { topTwoLevels } from './survey.ts';

export type SurveyItemName = 'fear' | 'trust';

/** What a stored codebook declares about counting its answers (null = declares nothing). */
export interface CodebookRule {
  readonly id: number;
  readonly name: string;
  readonly counts: { readonly fear: readonly number[] | null; readonly trust: readonly number[] | null };
  readonly denominator: SurveyDenominator | null;
}

interface StoredItem {
  levels?: unknown;
  counts?: unknown;
  countsDeclared?: unknown;
}

function levelList(value: unknown): number[] | null {
  return Array.isArray(value) && value.length > 0 && value.every((v) => Number.isInteger(v))
    ? [...(value as number[])].sort((a, b) => a - b)
    : null;
}

/**
 * Reads a codebook as stored with its import (the resolved JSON of importers/parse/answers.ts).
 * Codebooks stored since the rule took effect say what their authors declared (`countsDeclared`,
 * `denominatorDeclared`). Older ones only hold resolved values; a value that differs from the
 * default it would resolve to (the top two levels; valid answers) can only have been declared, and
 * one equal to it cannot be told apart from the default, so it is read as not declared: either
 * way such a codebook's answers come out as its authors wrote it unless the setting differs.
 */
export function codebookRuleFromStored(row: { id: number; name: string; body: string }): CodebookRule {
  let body: { items?: Record<string, StoredItem>; denominator?: unknown; denominatorDeclared?: unknown } = {};
  try {
    body = JSON.parse(row.body) as typeof body;
  } catch {
    // An unreadable body declares nothing: the setting applies.
  }
  const counts = (item: SurveyItemName): number[] | null => {
    const stored = body.items?.[item];
    if (!stored) return null;
    const levels = levelList(stored.counts);
    if (levels === null) return null;
    if (typeof stored.countsDeclared === 'boolean') return stored.countsDeclared ? levels : null;
    const k = Number(stored.levels);
    const fallback = Number.isInteger(k) && k >= 2 ? topTwoLevels(k) : null;
    return fallback !== null && fallback.join() === levels.join() ? null : levels;
  };
  const denominator =
    body.denominator === 'all' || body.denominator === 'valid'
      ? typeof body.denominatorDeclared === 'boolean'
        ? body.denominatorDeclared
          ? body.denominator
          : null
        : body.denominator === 'all'
          ? 'all'
          : null
      : null;
  return { id: row.id, name: row.name, counts: { fear: counts('fear'), trust: counts('trust') }, denominator };
}

/** The programme's (or zone's) setting for one item. */
export interface SurveyRuleSetting {
  /** Levels counted; null = the top two of the item's scale. */
  readonly levels: readonly number[] | null;
  readonly denominator: SurveyDenominator;
  /** Replace every codebook's rule with this setting. */
  readonly overrideCodebooks: boolean;
}

/** codebook: the codebook declared it; setting: no declaration; override: the setting replaced it. */
export type RuleSource = 'codebook' | 'setting' | 'override';

export interface ResolvedSurveyRule {
  readonly countsLevels: readonly number[];
  readonly denominator: SurveyDenominator;
  readonly countsFrom: RuleSource;
  readonly denominatorFrom: RuleSource;
  /** The codebook the answers were imported with (its name), whether or not its rule was used. */
  readonly codebook: string | null;
}

/**
 * The rule for one item's answers of one codebook on a K-level scale. A setting's level set is
 * written for the programme's usual scale: levels outside 1..K do not exist on this item and are
 * left out (a "4, 5" setting counts level 4 of a 4-point item).
 */
export function resolveSurveyRule(
  item: SurveyItemName,
  scaleLevels: number,
  codebook: CodebookRule | null,
  setting: SurveyRuleSetting,
): ResolvedSurveyRule {
  const settingLevels =
    setting.levels === null ? topTwoLevels(scaleLevels) : setting.levels.filter((l) => l >= 1 && l <= scaleLevels);
  const declaredCounts = codebook?.counts[item] ?? null;
  const declaredDenominator = codebook?.denominator ?? null;
  const fromSetting = (declared: unknown): RuleSource =>
    declared === null ? 'setting' : setting.overrideCodebooks ? 'override' : 'codebook';
  const countsFrom = fromSetting(declaredCounts);
  const denominatorFrom = fromSetting(declaredDenominator);
  return {
    countsLevels: countsFrom === 'codebook' && declaredCounts !== null ? declaredCounts : settingLevels,
    denominator:
      denominatorFrom === 'codebook' && declaredDenominator !== null ? declaredDenominator : setting.denominator,
    countsFrom,
    denominatorFrom,
    codebook: codebook?.name ?? null,
  };
}
