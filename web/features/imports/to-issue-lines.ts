/**
 * Import errors and warnings as table rows in the screen's language: row (and physical line
 * when it differs), column as written in the file, the value, the reason. The lists the server
 * sends are capped; the totals are not, and the screen says so. Pure.
 */
import type { ImportIssue, ImportResult } from '../../api/types.ts';
import { formatNumber, type Lang } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/use-t.tsx';

export interface IssueLine {
  key: string;
  /** "12", "12 (บรรทัด 14)", or "ทั้งไฟล์" for file-level issues. */
  row: string;
  column: string;
  value: string;
  reason: string;
  code: string;
}

export function toIssueLines(issues: readonly ImportIssue[], lang: Lang, t: Translate): IssueLine[] {
  return issues.map((issue, index) => {
    let row = t('imports.wholeFile');
    if (issue.row !== null) {
      row = formatNumber(issue.row, lang);
      if (issue.line !== undefined && issue.line !== issue.row) {
        row = t('imports.rowLine', { row, line: formatNumber(issue.line, lang) });
      }
    }
    return {
      key: `${index}:${issue.code}:${issue.row ?? ''}:${issue.column ?? ''}`,
      row,
      column: issue.column ?? '',
      value: issue.value ?? '',
      reason: issue[lang],
      code: issue.code,
    };
  });
}

export interface IssueCounts {
  errors: number;
  warnings: number;
  /** How many of each the lists carry (the rest are only counted). */
  shownErrors: number;
  shownWarnings: number;
}

export function issueCounts(
  result: Pick<ImportResult, 'errors' | 'warnings' | 'errorCount' | 'warningCount'>,
): IssueCounts {
  return {
    errors: Math.max(result.errorCount, result.errors.length),
    warnings: Math.max(result.warningCount, result.warnings.length),
    shownErrors: result.errors.length,
    shownWarnings: result.warnings.length,
  };
}

/** "แสดง 200 จาก 1,532 รายการ" when the list is capped, else "1,532 รายการ". */
export function shownOf(shown: number, total: number, lang: Lang, t: Translate): string {
  return shown < total
    ? t('imports.shownOf', { shown: formatNumber(shown, lang), total: formatNumber(total, lang) })
    : t('imports.items', { n: formatNumber(total, lang) });
}

export type CommitBlocker = 'no_preview' | 'busy' | 'errors' | 'stale';

/** Why the commit button is off; none = it may be pressed. Any error blocks it. */
export function commitBlockers(input: {
  result: Pick<ImportResult, 'ok' | 'errorCount' | 'errors'> | null;
  stale: boolean;
  busy: boolean;
}): CommitBlocker[] {
  const out: CommitBlocker[] = [];
  if (input.result === null) return ['no_preview'];
  if (input.busy) out.push('busy');
  if (!input.result.ok || input.result.errorCount > 0 || input.result.errors.length > 0) out.push('errors');
  if (input.stale) out.push('stale');
  return out;
}

/** Tables filled from the file's rows rather than with them: buffer-ring links of incidents. */
const DERIVED_TABLES: ReadonlySet<string> = new Set(['incident_rings']);

/** Rows of the file the import will write, over its tables (derived links are not rows of the file). */
export function rowsToWrite(write: Readonly<Record<string, number>>): number {
  return Object.entries(write).reduce((sum, [table, n]) => (DERIVED_TABLES.has(table) ? sum : sum + n), 0);
}

export interface IssueGroup {
  code: string;
  /** Every issue of this code in the file (the list carries a few). */
  count: number;
  /** The reason in general words (`reasonOf`), else as the first listed example gives it. */
  reason: string;
}

/**
 * Issues of one severity by reason, most frequent first: 14,000 routine "outside every zone"
 * warnings must not hide the 20 repeated case numbers among them.
 */
export function issueGroups(
  listed: readonly ImportIssue[],
  byCode: Readonly<Partial<Record<string, number>>>,
  lang: Lang,
  reasonOf: (code: string) => string | null = () => null,
): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of listed) {
    if (groups.has(issue.code)) continue;
    const reason = reasonOf(issue.code) ?? issue[lang];
    groups.set(issue.code, { code: issue.code, count: byCode[issue.code] ?? 1, reason });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
