/**
 * The column-mapping table of the import screen: for each canonical field of the kind, which
 * header of the file feeds it (as the server matched it, or as the user chose since), and whether
 * it is matched, missing, ambiguous, given for the whole file, or simply unused. Pure.
 */
import type { ImportPreview } from '../../api/types.ts';
import type { WholeFileField } from '../../../server/contracts/imports.ts';
import type { ColumnChoice } from './import-form.ts';

export type MappingStatus = 'matched' | 'missing' | 'ambiguous' | 'whole_file' | 'unused';

export interface MappingRow {
  canonical: string;
  required: boolean;
  /** The header feeding this field, or null. */
  header: string | null;
  status: MappingStatus;
  /** Headers that all match (status 'ambiguous'). */
  candidates: string[];
  /** The user chose this (rather than the server's automatic match). */
  chosen: boolean;
}

type PreviewPart = Pick<ImportPreview, 'headers' | 'mapping' | 'fields' | 'unmapped'>;

/** A column choice as header text (an index from a saved mapping becomes the header it points at). */
export function choiceHeader(choice: ColumnChoice | undefined, headers: readonly string[]): string | null | undefined {
  if (choice === undefined || choice === null) return choice;
  return typeof choice === 'number' ? (headers[choice] ?? null) : choice;
}

export function mappingRows(
  preview: PreviewPart,
  columns: Readonly<Record<string, ColumnChoice>>,
  wholeFile: ReadonlySet<WholeFileField | string>,
): MappingRow[] {
  return preview.fields.map((field) => {
    const chosen = field.canonical in columns;
    const header = chosen
      ? (choiceHeader(columns[field.canonical], preview.headers) ?? null)
      : (preview.mapping[field.canonical] ?? null);
    const ambiguous = preview.unmapped.ambiguous.find((a) => a.canonical === field.canonical);
    let status: MappingStatus;
    if (header !== null) status = 'matched';
    else if (!chosen && ambiguous) status = 'ambiguous';
    else if (field.fileDefault && wholeFile.has(field.canonical)) status = 'whole_file';
    else if (field.required || preview.unmapped.missing.includes(field.canonical)) status = 'missing';
    else status = 'unused';
    return {
      canonical: field.canonical,
      required: field.required,
      header,
      status,
      candidates: ambiguous && !chosen ? [...ambiguous.headers] : [],
      chosen,
    };
  });
}

/**
 * The user picks `header` (or null: no column) for `canonical`. A header feeds one field only,
 * so another field the user had given the same header goes back to automatic matching (the
 * server would refuse the pair).
 */
export function chooseColumn(
  columns: Readonly<Record<string, ColumnChoice>>,
  headers: readonly string[],
  canonical: string,
  header: string | null,
): Record<string, ColumnChoice> {
  const next: Record<string, ColumnChoice> = {};
  for (const [c, choice] of Object.entries(columns)) {
    if (c === canonical) continue;
    if (header !== null && choiceHeader(choice, headers) === header) continue;
    next[c] = choice;
  }
  next[canonical] = header;
  return next;
}

/** Back to the server's automatic matching for one field. */
export function clearColumn(
  columns: Readonly<Record<string, ColumnChoice>>,
  canonical: string,
): Record<string, ColumnChoice> {
  const { [canonical]: _gone, ...rest } = columns;
  return rest;
}

/**
 * The mapping to save by name: every field with a header (automatic or chosen), plus the fields
 * the user deliberately left without one, so next month's file maps the same way.
 */
export function mappingToSave(
  preview: PreviewPart,
  columns: Readonly<Record<string, ColumnChoice>>,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const row of mappingRows(preview, columns, new Set())) {
    if (row.header !== null) out[row.canonical] = row.header;
    else if (row.chosen) out[row.canonical] = null;
  }
  return out;
}

/** Headers no field uses: kept aside by the server, shown so the user can map them. */
export function unusedHeaders(rows: readonly MappingRow[], headers: readonly string[]): string[] {
  const used = new Set(rows.map((r) => r.header).filter((h): h is string => h !== null));
  for (const r of rows) for (const h of r.candidates) used.add(h);
  return headers.filter((h) => !used.has(h));
}
