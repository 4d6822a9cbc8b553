/**
 * Issues of the import pipeline: the parse layer's bilingual ImportIssue (parse/errors.ts), plus
 * the codes only the pipeline can raise (a station out of the user's scope, an offence type the
 * reference table does not know, a file imported before...). Same shape, same row convention:
 * `row` is the Excel-style row (header = 1), or the 1-based feature for GeoJSON / KML, or null for
 * the whole file; `column` is the header as written in the file.
 *
 * Errors and warnings are collected apart, each capped (all counted), so 30,000 "no coordinates"
 * warnings never push the one real error out of the list. (The parse layer's IssueCollector has
 * the same rule but a closed code type and no cheap "would it be kept?" check.)
 */
import { type Bilingual, type ImportIssue, type IssueCode, MAX_VALUE_LENGTH, type Severity } from './parse/errors.ts';

const q = (s: string): string => `"${s}"`;
const list = (xs: readonly string[]): string => xs.map(q).join(', ');
const n = (x: number): string => x.toLocaleString('en-US');

/** Messages of the pipeline's own codes (the parse layer's are in parse/errors.ts). */
const MESSAGES = {
  // ---- the file as a whole ----
  file_too_large: (p: { limitMb: number }): Bilingual => ({
    th: `ไฟล์ใหญ่เกินกำหนด (สูงสุด ${p.limitMb} MB)`,
    en: `The file is too large (at most ${p.limitMb} MB)`,
  }),
  unsupported_format: (p: { name: string }): Bilingual => ({
    th: `ไม่รองรับไฟล์ ${q(p.name)}: ใช้ CSV, XLSX, Parquet, GeoJSON หรือ KML`,
    en: `Unsupported file ${q(p.name)}: use CSV, XLSX, Parquet, GeoJSON or KML`,
  }),
  file_type_mismatch: (p: { extension: string; actual: string }): Bilingual => ({
    th: `ไฟล์นามสกุล .${p.extension} แต่เนื้อไฟล์เป็น ${p.actual} กรุณาตรวจสอบว่าเลือกไฟล์ถูกต้อง หรือบันทึกใหม่ในรูปแบบที่ถูกต้อง`,
    en: `The file is named .${p.extension} but its content is ${p.actual}; check the file, or save it again in the right format`,
  }),
  format_not_for_kind: (p: { format: string; kind: string }): Bilingual => ({
    th: `ไฟล์ ${p.format} ใช้นำเข้าข้อมูลประเภท ${p.kind} ไม่ได้`,
    en: `A ${p.format} file cannot be imported as ${p.kind}`,
  }),
  unreadable_file: (p: { format: string; detail: string }): Bilingual => ({
    th: `อ่านไฟล์ ${p.format} ไม่ได้ (ไฟล์อาจเสียหรือไม่สมบูรณ์): ${p.detail}`,
    en: `The ${p.format} file cannot be read (it may be damaged or incomplete): ${p.detail}`,
  }),
  zip_bomb: (p: { detail: string }): Bilingual => ({
    th: `ไฟล์ XLSX ถูกปฏิเสธเพื่อความปลอดภัย: ${p.detail}`,
    en: `The XLSX file was refused for safety: ${p.detail}`,
  }),
  sheet_not_found: (p: { sheet: string; sheets: readonly string[] }): Bilingual => ({
    th: `ไม่พบชีต ${q(p.sheet)} ในไฟล์ (มี ${list(p.sheets)})`,
    en: `Sheet ${q(p.sheet)} not found (the workbook has ${list(p.sheets)})`,
  }),
  no_rows: (): Bilingual => ({
    th: 'ไม่มีแถวข้อมูลที่นำเข้าได้ในไฟล์',
    en: 'The file has no data rows to import',
  }),
  file_already_imported: (p: { importId: number; at: { th: string; en: string }; by: string }): Bilingual => ({
    th: `ไฟล์นี้ถูกนำเข้าแล้ว (การนำเข้าครั้งที่ ${p.importId} เมื่อ ${p.at.th} น. โดย ${p.by}) หากต้องการนำเข้าซ้ำ ให้เลือก "นำเข้าซ้ำ" (force)`,
    en: `This file was already imported (import #${p.importId} at ${p.at.en} by ${p.by}); choose "import again" (force) to import it anyway`,
  }),
  invalid_codebook: (p: { reason: Bilingual }): Bilingual => ({ th: p.reason.th, en: p.reason.en }),
  mapping_not_found: (p: { name: string }): Bilingual => ({
    th: `ไม่พบการจับคู่คอลัมน์ที่บันทึกไว้ชื่อ ${q(p.name)}`,
    en: `No saved column mapping named ${q(p.name)}`,
  }),
  mapping_kind_mismatch: (p: { name: string; kind: string }): Bilingual => ({
    th: `การจับคู่คอลัมน์ ${q(p.name)} บันทึกไว้สำหรับข้อมูลประเภท ${p.kind}`,
    en: `The saved mapping ${q(p.name)} is for ${p.kind} imports`,
  }),
  station_option_unknown: (p: { suggestions: readonly string[] }): Bilingual =>
    p.suggestions.length > 0
      ? {
          th: `ไม่พบสถานีที่เลือกสำหรับทั้งไฟล์ หรือหมายถึง ${list(p.suggestions)}`,
          en: `The station chosen for the whole file is not in the registry; did you mean ${list(p.suggestions)}?`,
        }
      : {
          th: 'ไม่พบสถานีที่เลือกสำหรับทั้งไฟล์ในทะเบียน',
          en: 'The station chosen for the whole file is not in the registry',
        },
  option_invalid: (p: { option: string; reason: Bilingual }): Bilingual => ({
    th: `ตัวเลือก ${q(p.option)} ไม่ถูกต้อง: ${p.reason.th}`,
    en: `Option ${q(p.option)} is not valid: ${p.reason.en}`,
  }),
  // ---- rows ----
  station_out_of_scope: (p: { station: string }): Bilingual => ({
    th: `สถานี ${q(p.station)} อยู่นอกขอบเขตที่คุณมีสิทธิ์นำเข้าข้อมูล`,
    en: `Station ${q(p.station)} is outside the scope you may import for`,
  }),
  unknown_offence_type: (p: { rows: number; firstRow: number | null }): Bilingual => ({
    th: `ไม่รู้จักประเภทคดีนี้ (${n(p.rows)} แถว${p.firstRow === null ? '' : ` แถวแรกคือแถว ${p.firstRow}`}) กรุณาเลือกกลุ่มคดีให้ประเภทนี้ในหน้านำเข้า`,
    en: `Unknown offence type (${n(p.rows)} row(s)${p.firstRow === null ? '' : `, first at row ${p.firstRow}`}); map it to an offence group in the import screen`,
  }),
  invalid_group: (p: { scheme: string; max: number }): Bilingual => ({
    th: `กลุ่มคดีไม่ถูกต้อง: ใช้เลข 1-${p.max} (${p.scheme}) หรือชื่อกลุ่มภาษาไทย`,
    en: `Invalid offence group: use 1-${p.max} (${p.scheme}) or the group's Thai name`,
  }),
  ambiguous_legacy_group: (p: { group: number; current: readonly number[] }): Bilingual => ({
    th: `กลุ่มที่ ${p.group} ของระบบ 5 กลุ่มเดิมแยกไปหลายกลุ่มในระบบ 4 กลุ่ม (${p.current.join(', ')}) จึงต้องระบุประเภทคดีที่รู้จัก`,
    en: `Legacy five-group number ${p.group} splits over current groups ${p.current.join(', ')}; a known offence type is needed`,
  }),
  group_type_conflict: (p: { group: number; typeGroup: number; type: string }): Bilingual => ({
    th: `กลุ่มคดี ${p.group} ในไฟล์ไม่ตรงกับกลุ่ม ${p.typeGroup} ของประเภท ${q(p.type)} ตามตารางอ้างอิง (ใช้ค่าในไฟล์)`,
    en: `Group ${p.group} in the file differs from group ${p.typeGroup} of ${q(p.type)} in the reference table (the file's value is used)`,
  }),
  no_coordinates: (): Bilingual => ({
    th: 'ไม่มีพิกัด: นับเป็นคดีของสถานี แต่ไม่นับในพื้นที่ใด',
    en: 'No coordinates: counted for the station, not for any zone',
  }),
  half_coordinates: (): Bilingual => ({
    th: 'มีพิกัดเพียงค่าเดียว (ละติจูดหรือลองจิจูด) ต้องมีทั้งสองค่าหรือเว้นว่างทั้งสอง',
    en: 'Only one of latitude / longitude is given; give both or neither',
  }),
  swapped_coordinates: (): Bilingual => ({
    th: 'พิกัดดูเหมือนสลับกัน (ละติจูด/ลองจิจูด) จุดนี้อยู่นอกประเทศไทย แต่ถ้าสลับแล้วจะอยู่ในประเทศไทย',
    en: 'Latitude and longitude look swapped: the point is outside Thailand, but swapped it would be inside',
  }),
  outside_zones: (): Bilingual => ({
    th: 'จุดนี้อยู่นอกทุกพื้นที่ของสถานี (นับเป็นคดีของสถานี)',
    en: 'The point is outside every zone of its station (counted for the station)',
  }),
  already_imported_row: (p: { importId: number }): Bilingual => ({
    th: `เลขคดีนี้ของสถานีนี้ถูกนำเข้าแล้วในการนำเข้าครั้งที่ ${p.importId} แถวนี้จึงถูกข้าม`,
    en: `This case number of this station was already imported (import #${p.importId}); the row is skipped`,
  }),
  duplicate_key: (p: { firstRow: number; key: string }): Bilingual => ({
    th: `ซ้ำกับแถว ${p.firstRow} (${p.key}) ในไฟล์เดียวกัน ต้องไม่ซ้ำ (ไม่บวกรวมให้)`,
    en: `Same ${p.key} as row ${p.firstRow} of this file; it must be unique (values are not summed)`,
  }),
  count_conflict: (p: { importId: number; existing: number }): Bilingual => ({
    th: `มีจำนวนของเดือนและกลุ่มนี้อยู่แล้ว (${p.existing}) จากการนำเข้าครั้งที่ ${p.importId} ยกเลิกการนำเข้าครั้งนั้นก่อนถ้าต้องการแก้ไข`,
    en: `A count for this month and key already exists (${p.existing}) from import #${p.importId}; undo that import first to change it`,
  }),
  same_row_imported: (p: { importId: number }): Bilingual => ({
    th: `แถวเดียวกันนี้ถูกนำเข้าแล้วในการนำเข้าครั้งที่ ${p.importId} แถวนี้จึงถูกข้าม`,
    en: `The same row was already imported (import #${p.importId}); it is skipped`,
  }),
  zone_not_found: (p: { suggestions: readonly string[] }): Bilingual =>
    p.suggestions.length > 0
      ? { th: `ไม่พบพื้นที่นี้ หรือหมายถึง ${list(p.suggestions)}`, en: `Zone not found; did you mean ${list(p.suggestions)}?` }
      : { th: 'ไม่พบพื้นที่นี้ในระบบ', en: 'Zone not found' },
  zone_station_mismatch: (p: { zone: string; zoneStation: string; station: string }): Bilingual => ({
    th: `พื้นที่ ${q(p.zone)} เป็นของสถานี ${q(p.zoneStation)} ไม่ใช่ ${q(p.station)}`,
    en: `Zone ${q(p.zone)} belongs to station ${q(p.zoneStation)}, not ${q(p.station)}`,
  }),
  geo_file: (p: { reason: Bilingual }): Bilingual => p.reason,
  invalid_geometry: (p: { reason: Bilingual }): Bilingual => ({
    th: `รูปพื้นที่ไม่ถูกต้อง: ${p.reason.th}`,
    en: `Invalid zone geometry: ${p.reason.en}`,
  }),
  station_name_conflict: (p: { code: string; other: string; name: string }): Bilingual => ({
    th: `สถานีใหม่ ${q(p.code)} ใช้ชื่อ ${q(p.name)} ซึ่งเป็นชื่อของสถานี ${q(p.other)} ที่มีอยู่แล้ว`,
    en: `New station ${q(p.code)} has the name ${q(p.name)}, which station ${q(p.other)} already has`,
  }),
  reference_not_found: (p: { what: Bilingual; suggestions: readonly string[] }): Bilingual => ({
    th: `ไม่พบ${p.what.th}นี้${p.suggestions.length > 0 ? ` หรือหมายถึง ${list(p.suggestions)}` : ''}`,
    en: `${p.what.en} not found${p.suggestions.length > 0 ? `; did you mean ${list(p.suggestions)}?` : ''}`,
  }),
  reference_mismatch: (p: { reason: Bilingual }): Bilingual => p.reason,
  wave_derived: (p: { wave: string }): Bilingual => ({
    th: `ไม่มีคอลัมน์รอบการสำรวจ ใช้รอบตามวันที่ เช่น ${q(p.wave)}`,
    en: `No wave column: waves derived from the survey date, e.g. ${q(p.wave)}`,
  }),
  answer_not_valid: (p: { item: string; status: string; reason: Bilingual }): Bilingual => ({
    th: `คำตอบข้อ ${p.item} ไม่นับเป็นคำตอบที่ใช้ได้ (${p.status}): ${p.reason.th}`,
    en: `The ${p.item} answer does not count as valid (${p.status}): ${p.reason.en}`,
  }),
  duplicate_zone_in_file: (p: { firstRow: number }): Bilingual => ({
    th: `รหัสพื้นที่ซ้ำกับลำดับที่ ${p.firstRow} ในไฟล์เดียวกัน`,
    en: `Same zone code as feature ${p.firstRow} of this file`,
  }),
} as const;

export type PipelineCode = keyof typeof MESSAGES;
export type AnyIssueCode = IssueCode | PipelineCode;
type Params<C extends PipelineCode> = Parameters<(typeof MESSAGES)[C]>;

const WARNING_CODES: ReadonlySet<PipelineCode> = new Set<PipelineCode>([
  'no_coordinates',
  'outside_zones',
  'already_imported_row',
  'same_row_imported',
  'wave_derived',
  'answer_not_valid',
  'group_type_conflict',
]);

/** One problem: the parse layer's ImportIssue with the pipeline's codes added. */
export type Issue = Omit<ImportIssue, 'code'> & { readonly code: AnyIssueCode };

export interface Where {
  file: string;
  row?: number | null;
  line?: number;
  column?: string | null;
  value?: unknown;
  severity?: Severity;
}

function clip(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = typeof value === 'string' ? value : String(value);
  return s.length > MAX_VALUE_LENGTH ? `${s.slice(0, MAX_VALUE_LENGTH)}…` : s;
}

/** A pipeline issue: `issue('no_coordinates', { file, row: 7 })`. */
export function issue<C extends PipelineCode>(code: C, where: Where, ...params: Params<C>): Issue {
  const build = MESSAGES[code] as (...args: Params<C>) => Bilingual;
  const msg = build(...params);
  const out: Issue = {
    file: where.file,
    row: where.row ?? null,
    column: where.column ?? null,
    value: clip(where.value),
    code,
    severity: where.severity ?? (WARNING_CODES.has(code) ? 'warning' : 'error'),
    th: msg.th,
    en: msg.en,
  };
  return where.line === undefined ? out : { ...out, line: where.line };
}

export interface IssueReport {
  /** Every error found (the list below may be capped). */
  readonly errorCount: number;
  readonly warningCount: number;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  /** Count per code, errors and warnings together. */
  readonly byCode: Readonly<Partial<Record<AnyIssueCode, number>>>;
  /** True when some issues were counted but not listed. */
  readonly truncated: boolean;
}

/**
 * One severity's issues: every one counted, at most `limit` kept, and when the list is full a code
 * with fewer than `minPerCode` examples still gets in by evicting the newest example of the most
 * represented code (the parse layer's IssueCollector rule), so 30,000 "no coordinates" warnings
 * never hide the one different warning. `wants` lets hot loops skip building an issue that would
 * only be counted.
 */
class Collector {
  readonly list: Issue[] = [];
  readonly byCode = new Map<AnyIssueCode, number>();
  readonly stored = new Map<AnyIssueCode, number>();
  total = 0;
  constructor(
    readonly limit: number,
    readonly minPerCode: number,
  ) {}

  wants(code: AnyIssueCode): boolean {
    return this.list.length < this.limit || (this.stored.get(code) ?? 0) < this.minPerCode;
  }

  tally(code: AnyIssueCode, n = 1): void {
    this.total += n;
    this.byCode.set(code, (this.byCode.get(code) ?? 0) + n);
  }

  add(i: Issue): void {
    this.tally(i.code);
    if (this.list.length < this.limit) {
      this.#store(i);
      return;
    }
    if ((this.stored.get(i.code) ?? 0) >= this.minPerCode) return;
    let victim: AnyIssueCode | null = null;
    let most = this.minPerCode;
    for (const [code, n] of this.stored) {
      if (n > most) {
        victim = code;
        most = n;
      }
    }
    if (victim === null) return;
    for (let k = this.list.length - 1; k >= 0; k--) {
      if (this.list[k]?.code === victim) {
        this.list.splice(k, 1);
        this.stored.set(victim, most - 1);
        break;
      }
    }
    this.#store(i);
  }

  #store(i: Issue): void {
    this.list.push(i);
    this.stored.set(i.code, (this.stored.get(i.code) ?? 0) + 1);
  }
}

/** Errors and warnings of one import, collected apart. */
export class Issues {
  readonly #errors: Collector;
  readonly #warnings: Collector;

  constructor(limit = 200, minPerCode = 5) {
    this.#errors = new Collector(limit, minPerCode);
    this.#warnings = new Collector(limit, minPerCode);
  }

  add(i: Issue | ImportIssue): void {
    (i.severity === 'error' ? this.#errors : this.#warnings).add(i);
  }

  addAll(items: Iterable<Issue | ImportIssue>): void {
    for (const i of items) this.add(i);
  }

  /** Whether an issue of this code and severity would be listed (else `tally` it: cheaper). */
  wants(code: AnyIssueCode, severity: Severity): boolean {
    return (severity === 'error' ? this.#errors : this.#warnings).wants(code);
  }

  /** Counts `n` issues of this code without listing them. */
  tally(code: AnyIssueCode, severity: Severity, n = 1): void {
    if (n > 0) (severity === 'error' ? this.#errors : this.#warnings).tally(code, n);
  }

  get errorCount(): number {
    return this.#errors.total;
  }
  get warningCount(): number {
    return this.#warnings.total;
  }
  get hasErrors(): boolean {
    return this.#errors.total > 0;
  }

  report(): IssueReport {
    const byCode: Partial<Record<AnyIssueCode, number>> = {};
    for (const c of [this.#errors, this.#warnings])
      for (const [code, n] of c.byCode) byCode[code] = (byCode[code] ?? 0) + n;
    return {
      errorCount: this.#errors.total,
      warningCount: this.#warnings.total,
      errors: [...this.#errors.list],
      warnings: [...this.#warnings.list],
      byCode,
      truncated: this.#errors.total > this.#errors.list.length || this.#warnings.total > this.#warnings.list.length,
    };
  }
}

/** Thrown inside the pipeline for a file-level problem that stops everything (caught by runImport). */
export class FatalImportError extends Error {
  constructor(readonly issue: Issue) {
    super(issue.en);
    this.name = 'FatalImportError';
  }
}
