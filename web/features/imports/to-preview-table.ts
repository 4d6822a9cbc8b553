/**
 * The preview's first rows as a table: one column per canonical field that has values, each cell
 * as it will be stored (dates in BE for Thai, with CE beside them; CE for English) with the file's
 * own text beside it when that differs. Pure.
 */
import type { ImportPreview, PreviewCell } from '../../api/types.ts';
import { formatNumber, type Lang, MISSING } from '../../i18n/format.ts';

export interface PreviewTableCell {
  text: string;
  /** The cell as written in the file, when it differs from what is stored. */
  raw: string | null;
  /** A date shown in BE: the same date in CE, so a Thai reader can check how the year was read. */
  ce?: string;
}

export interface PreviewTable {
  columns: string[];
  rows: { row: number; cells: PreviewTableCell[] }[];
}

/** A stored code in words (an offence type key, a station code...), or null to show it as it is. */
export type ValueLabel = (canonical: string, value: string) => string | null;

const sameNumber = (raw: string, value: number) => raw.trim() !== '' && Number(raw.trim().replace(/,/g, '')) === value;

export function cellText(
  cell: PreviewCell | undefined,
  lang: Lang,
  canonical = '',
  label?: ValueLabel,
): PreviewTableCell {
  if (!cell) return { text: '', raw: null };
  let text: string;
  if (lang === 'th' && cell.be) text = cell.be;
  else if (cell.ce) text = cell.ce;
  else if (cell.value === null) text = MISSING;
  else if (typeof cell.value === 'number')
    text = label?.(canonical, String(cell.value)) ?? formatNumber(cell.value, lang, 6);
  else if (typeof cell.value === 'boolean') text = cell.value ? '✓' : '✕';
  else text = label?.(canonical, cell.value) ?? cell.value;
  const raw = cell.raw?.trim() ?? '';
  const same =
    raw === '' ||
    raw === text ||
    raw === String(cell.value) ||
    (typeof cell.value === 'number' && sameNumber(raw, cell.value));
  const out: PreviewTableCell = { text, raw: same ? null : (cell.raw as string) };
  if (lang === 'th' && cell.be && cell.ce) out.ce = cell.ce;
  return out;
}

export function toPreviewTable(
  preview: Pick<ImportPreview, 'fields' | 'rows'>,
  lang: Lang,
  label?: ValueLabel,
): PreviewTable {
  const present = new Set(preview.rows.flatMap((r) => Object.keys(r.cells)));
  const known = preview.fields.map((f) => f.canonical).filter((c) => present.has(c));
  const others = [...present].filter((c) => !known.includes(c)).sort();
  const columns = [...known, ...others];
  return {
    columns,
    rows: preview.rows.map((r) => ({ row: r.row, cells: columns.map((c) => cellText(r.cells[c], lang, c, label)) })),
  };
}

/** "617 B", "48 KB", "1.2 MB". */
export function formatBytes(bytes: number | null | undefined, lang: Lang): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return MISSING;
  if (bytes < 1024) return `${formatNumber(bytes, lang)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, lang, 0)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), lang, 1)} MB`;
}
