/**
 * The one issue type of the import pipeline, its bilingual messages and a capped collector.
 *
 * ROW CONVENTION (used by every importer):
 * - `row` is the row number the user sees when the file is opened in Excel / LibreOffice:
 *   the header is row 1 and the first data row is row 2 (if blank lines precede the header, the
 *   header carries its real number). In a CSV every record is one row, including blank ones,
 *   and a quoted cell with line breaks does not start a new row (exactly as Excel shows it).
 *   For XLSX it is the sheet's own row number. For GeoJSON / KML it is the 1-based feature index.
 * - `line` (text files only) is the 1-based physical line where the record starts; it differs
 *   from `row` only after cells containing line breaks. Show it to people opening the file in
 *   a text editor.
 * - `row: null` means the issue is about the whole file (encoding, missing columns).
 * - `column` is the header text as written in the file (not the canonical name), or null.
 */
import { acceptedHeaders } from './headers.ts';

export type Severity = 'error' | 'warning';
export type Lang = 'th' | 'en';

export interface Bilingual {
  readonly th: string;
  readonly en: string;
}

const q = (s: string): string => `"${s}"`;
const list = (xs: readonly string[]): string => xs.map(q).join(', ');

/** Message builders, one per issue code. Parameters are typed per code. */
const MESSAGES = {
  // ---- file level ----
  encoding_replacement: (p: { count: number; encoding: string }): Bilingual => ({
    th: `มีไบต์ ${p.count} ตำแหน่งที่ถอดรหัสด้วย ${p.encoding} ไม่ได้ (แสดงเป็น �) ลองเลือกการเข้ารหัสไฟล์อื่น`,
    en: `${p.count} byte(s) could not be decoded as ${p.encoding} (shown as �); try another file encoding`,
  }),
  unsupported_encoding: (p: { encoding: string }): Bilingual => ({
    th: `ไฟล์เข้ารหัสแบบ ${p.encoding} ซึ่งไม่รองรับ กรุณาบันทึกใหม่เป็น CSV UTF-8`,
    en: `The file is encoded as ${p.encoding}, which is not supported; save it again as CSV UTF-8`,
  }),
  empty_file: (): Bilingual => ({
    th: 'ไฟล์ว่าง ไม่มีหัวตาราง',
    en: 'The file is empty: no header row',
  }),
  // ---- CSV structure ----
  unterminated_quote: (p: { line: number }): Bilingual => ({
    th: `เครื่องหมายคำพูด (") ที่เปิดในบรรทัด ${p.line} ไม่ได้ปิดจนจบไฟล์ แถวนี้จึงถูกข้าม`,
    en: `A quote (") opened on line ${p.line} is never closed before the end of the file; the row was skipped`,
  }),
  malformed_quote: (p: { cell: number }): Bilingual => ({
    th: `เครื่องหมายคำพูด (") ในช่องที่ ${p.cell} อยู่ผิดตำแหน่ง (มีข้อความต่อท้ายหลังเครื่องหมายปิด) แถวนี้จึงถูกข้าม`,
    en: `Misplaced quote (") in cell ${p.cell}: text follows the closing quote; the row was skipped`,
  }),
  column_count: (p: { expected: number; actual: number }): Bilingual => ({
    th: `แถวนี้มี ${p.actual} คอลัมน์ แต่หัวตารางมี ${p.expected} คอลัมน์ แถวนี้จึงถูกข้าม`,
    en: `This row has ${p.actual} column(s) but the header has ${p.expected}; the row was skipped`,
  }),
  field_too_long: (p: { limit: number; cell: number }): Bilingual => ({
    th: `ข้อมูลในช่องที่ ${p.cell} ยาวเกิน ${p.limit.toLocaleString('en-US')} ตัวอักษร แถวนี้จึงถูกข้าม`,
    en: `Cell ${p.cell} is longer than ${p.limit.toLocaleString('en-US')} characters; the row was skipped`,
  }),
  // ---- header mapping ----
  missing_required_column: (p: { canonical: string }): Bilingual => {
    // Named by the headers a user would write (Thai ones in Thai), not by the internal name.
    const [thName = p.canonical, ...thOthers] = acceptedHeaders(p.canonical, 'th');
    const enNames = acceptedHeaders(p.canonical, 'en');
    return {
      th: `ไม่พบคอลัมน์ที่จำเป็น ${q(thName)}${thOthers.length > 0 ? ` (หรือ ${list(thOthers)})` : ''} กรุณาเลือกคอลัมน์ที่ตรงกันในตารางจับคู่คอลัมน์ (นำเข้าด้วยคำสั่ง: ใช้ --mapping)`,
      en: `Required column ${q(p.canonical)} not found (headers it is recognised by include ${list(enNames)}); choose the matching column in the mapping table (command line: --mapping)`,
    };
  },
  missing_one_of_columns: (p: { canonicals: readonly string[] }): Bilingual => ({
    th: `ต้องมีอย่างน้อยหนึ่งคอลัมน์จาก ${list(p.canonicals)}`,
    en: `At least one of the columns ${list(p.canonicals)} is required`,
  }),
  ambiguous_column: (p: { canonical: string; headers: readonly string[] }): Bilingual => ({
    th: `คอลัมน์ ${list(p.headers)} ตรงกับ ${q(p.canonical)} เหมือนกัน กรุณาเลือกคอลัมน์ที่ถูกต้อง`,
    en: `Columns ${list(p.headers)} all match ${q(p.canonical)}; choose one`,
  }),
  invalid_mapping: (p: { canonical: string; target: string }): Bilingual => ({
    th: `การจับคู่คอลัมน์ที่บันทึกไว้ใช้ไม่ได้: ${q(p.canonical)} -> ${q(p.target)}`,
    en: `Saved column mapping does not fit this file: ${q(p.canonical)} -> ${q(p.target)}`,
  }),
  // ---- cell values ----
  required_value_missing: (): Bilingual => ({
    th: 'ช่องนี้ต้องมีข้อมูล แต่เว้นว่างไว้',
    en: 'This cell is required but empty',
  }),
  invalid_date: (p: { reason: Bilingual }): Bilingual => ({
    th: `วันที่ไม่ถูกต้อง: ${p.reason.th}`,
    en: `Invalid date: ${p.reason.en}`,
  }),
  invalid_number: (p: { reason: Bilingual }): Bilingual => ({
    th: `ตัวเลขไม่ถูกต้อง: ${p.reason.th}`,
    en: `Invalid number: ${p.reason.en}`,
  }),
  invalid_answer: (p: { reason: Bilingual }): Bilingual => ({
    th: `คำตอบไม่ถูกต้อง: ${p.reason.th}`,
    en: `Invalid answer: ${p.reason.en}`,
  }),
  invalid_value: (p: { reason: Bilingual }): Bilingual => ({
    th: `ค่าไม่ถูกต้อง: ${p.reason.th}`,
    en: `Invalid value: ${p.reason.en}`,
  }),
  unknown_station: (p: { suggestions: readonly string[] }): Bilingual =>
    p.suggestions.length > 0
      ? {
          th: `ไม่พบสถานีนี้ในทะเบียน หรือหมายถึง ${list(p.suggestions)}`,
          en: `Station not found in the registry; did you mean ${list(p.suggestions)}?`,
        }
      : { th: 'ไม่พบสถานีนี้ในทะเบียน', en: 'Station not found in the registry' },
  ambiguous_station: (p: { candidates: readonly string[] }): Bilingual => ({
    th: `ชื่อนี้ตรงกับหลายสถานี: ${list(p.candidates)} กรุณาใช้รหัสสถานี`,
    en: `This name matches several stations: ${list(p.candidates)}; use the station code`,
  }),
  duplicate_in_file: (p: { firstRow: number }): Bilingual => ({
    th: `ซ้ำกับแถว ${p.firstRow} ในไฟล์เดียวกัน`,
    en: `Duplicates row ${p.firstRow} of the same file`,
  }),
} as const;

export type IssueCode = keyof typeof MESSAGES;
export type IssueParams<C extends IssueCode> = Parameters<(typeof MESSAGES)[C]>;

const WARNING_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>(['encoding_replacement', 'duplicate_in_file']);

/** Default severity of a code (most are errors; a few are only worth a warning). */
export function defaultSeverity(code: IssueCode): Severity {
  return WARNING_CODES.has(code) ? 'warning' : 'error';
}

/** The bilingual message of `code` with its parameters. */
export function issueMessage<C extends IssueCode>(code: C, ...params: IssueParams<C>): Bilingual {
  const build = MESSAGES[code] as (...args: IssueParams<C>) => Bilingual;
  return build(...params);
}

/** One problem found while importing. See the row convention at the top of this file. */
export interface ImportIssue extends Bilingual {
  readonly file: string;
  /** Excel-style row (header = 1, first data row = 2); null for file-level issues. */
  readonly row: number | null;
  /** Physical 1-based line where the record starts (text files only). */
  readonly line?: number;
  /** Header text of the column as written in the file, or null. */
  readonly column: string | null;
  /** The offending raw value (truncated to MAX_VALUE_LENGTH), or null. */
  readonly value: string | null;
  readonly code: IssueCode;
  readonly severity: Severity;
}

export interface IssueWhere {
  file: string;
  row?: number | null;
  line?: number;
  column?: string | null;
  value?: unknown;
  severity?: Severity;
}

export const MAX_VALUE_LENGTH = 200;

function clipValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = typeof value === 'string' ? value : String(value);
  return s.length > MAX_VALUE_LENGTH ? `${s.slice(0, MAX_VALUE_LENGTH)}…` : s;
}

/** Builds an issue: `makeIssue('column_count', { file, row: 7 }, { expected: 12, actual: 11 })`. */
export function makeIssue<C extends IssueCode>(code: C, where: IssueWhere, ...params: IssueParams<C>): ImportIssue {
  const msg = issueMessage(code, ...params);
  const issue: ImportIssue = {
    file: where.file,
    row: where.row ?? null,
    column: where.column ?? null,
    value: clipValue(where.value),
    code,
    severity: where.severity ?? defaultSeverity(code),
    th: msg.th,
    en: msg.en,
  };
  return where.line === undefined ? issue : { ...issue, line: where.line };
}

/** One line for logs, the CLI and exports: `file.csv, row 12, column "date": message (value: "x")`. */
export function formatIssue(issue: ImportIssue, lang: Lang): string {
  const parts: string[] = [];
  if (issue.file !== '') parts.push(issue.file);
  if (issue.row !== null) {
    const line = issue.line !== undefined && issue.line !== issue.row ? issue.line : null;
    if (lang === 'th') parts.push(line === null ? `แถว ${issue.row}` : `แถว ${issue.row} (บรรทัด ${line})`);
    else parts.push(line === null ? `row ${issue.row}` : `row ${issue.row} (line ${line})`);
  }
  if (issue.column !== null) parts.push(lang === 'th' ? `คอลัมน์ ${q(issue.column)}` : `column ${q(issue.column)}`);
  const where = parts.join(', ');
  const value = issue.value === null ? '' : lang === 'th' ? ` (ค่า: ${q(issue.value)})` : ` (value: ${q(issue.value)})`;
  return `${where === '' ? '' : `${where}: `}${issue[lang]}${value}`;
}

export interface IssueSummary {
  /** Every issue seen, stored or not. */
  readonly total: number;
  readonly errors: number;
  readonly warnings: number;
  readonly byCode: Readonly<Partial<Record<IssueCode, number>>>;
  /** True when some issues were counted but not stored. */
  readonly truncated: boolean;
  /** The stored issues (at most `limit`), in the order they were found. */
  readonly issues: readonly ImportIssue[];
}

export interface IssueCollectorOptions {
  /** How many issues to keep (default 200). All are counted. */
  limit?: number;
  /**
   * When the list is full, a code with fewer than this many stored examples may still get in by
   * evicting the newest example of the most represented code (default 5), so that 10,000
   * column-count errors do not hide the one missing-station error.
   */
  minPerCode?: number;
}

/** Collects issues: counts all, stores at most `limit`. */
export class IssueCollector {
  readonly limit: number;
  readonly minPerCode: number;
  #stored: ImportIssue[] = [];
  #storedByCode = new Map<IssueCode, number>();
  #byCode: Partial<Record<IssueCode, number>> = {};
  #total = 0;
  #errors = 0;

  constructor(options: IssueCollectorOptions = {}) {
    this.limit = Math.max(0, options.limit ?? 200);
    this.minPerCode = Math.max(0, options.minPerCode ?? 5);
  }

  add(issue: ImportIssue): void {
    this.#total++;
    if (issue.severity === 'error') this.#errors++;
    this.#byCode[issue.code] = (this.#byCode[issue.code] ?? 0) + 1;
    if (this.#stored.length < this.limit) {
      this.#store(issue);
      return;
    }
    const have = this.#storedByCode.get(issue.code) ?? 0;
    if (have >= this.minPerCode) return;
    let victim: IssueCode | null = null;
    let victimCount = this.minPerCode;
    for (const [code, n] of this.#storedByCode) {
      if (n > victimCount) {
        victim = code;
        victimCount = n;
      }
    }
    if (victim === null) return;
    for (let i = this.#stored.length - 1; i >= 0; i--) {
      if (this.#stored[i]?.code === victim) {
        this.#stored.splice(i, 1);
        this.#storedByCode.set(victim, victimCount - 1);
        break;
      }
    }
    this.#store(issue);
  }

  addAll(issues: Iterable<ImportIssue>): void {
    for (const issue of issues) this.add(issue);
  }

  #store(issue: ImportIssue): void {
    this.#stored.push(issue);
    this.#storedByCode.set(issue.code, (this.#storedByCode.get(issue.code) ?? 0) + 1);
  }

  get issues(): readonly ImportIssue[] {
    return this.#stored;
  }
  get total(): number {
    return this.#total;
  }
  get errors(): number {
    return this.#errors;
  }
  get warnings(): number {
    return this.#total - this.#errors;
  }
  get hasErrors(): boolean {
    return this.#errors > 0;
  }
  get truncated(): boolean {
    return this.#total > this.#stored.length;
  }

  summary(): IssueSummary {
    return {
      total: this.#total,
      errors: this.#errors,
      warnings: this.warnings,
      byCode: { ...this.#byCode },
      truncated: this.truncated,
      issues: [...this.#stored],
    };
  }
}
