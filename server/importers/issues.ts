/**
 * The one catalogue of import issues: every code the parse layer or the pipeline can raise, its
 * bilingual message and default severity, the issue type, and the capped collector.
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
 *
 * Errors and warnings are collected apart, each capped (all counted), so 30,000 "no coordinates"
 * warnings never push the one real error out of the list.
 */
import { acceptedHeaders } from './parse/headers.ts';

export type Severity = 'error' | 'warning';
export type Lang = 'th' | 'en';

export interface Bilingual {
  readonly th: string;
  readonly en: string;
}

const q = (s: string): string => `"${s}"`;
const list = (xs: readonly string[]): string => xs.map(q).join(', ');
const n = (x: number): string => x.toLocaleString('en-US');

/** Message builders, one per issue code. Parameters are typed per code. */
const MESSAGES = {
  // ---- parsing: the file's bytes ----
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

  // ---- the pipeline: the file as a whole ----
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
  // ---- the pipeline: rows against the database and the reference ----
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
  unknown_answer_label: (p: { item: string; label: string; known: string }): Bilingual => ({
    th: `คำตอบข้อ ${p.item} "${p.label}" ไม่มีในมาตรวัด (รู้จัก: ${p.known}) คำตอบแบบสมัครใจจากแบบฟอร์มต้องจับคู่กับระดับได้ทุกข้อความ: เพิ่มข้อความนี้ใน codebook (labels) แล้วบันทึกการจับคู่ไว้ใช้กับไฟล์ครั้งต่อไป`,
    en: `The ${p.item} answer "${p.label}" is not on the scale (known: ${p.known}). Every label of a form's opt-in answers must map to a level: add it to a codebook's labels and save the mapping for the form's next export`,
  }),
  answer_not_valid: (p: { item: string; status: string; reason: Bilingual }): Bilingual => ({
    th: `คำตอบข้อ ${p.item} ไม่นับเป็นคำตอบที่ใช้ได้ (${p.status}): ${p.reason.th}`,
    en: `The ${p.item} answer does not count as valid (${p.status}): ${p.reason.en}`,
  }),
  duplicate_zone_in_file: (p: { firstRow: number }): Bilingual => ({
    th: `รหัสพื้นที่ซ้ำกับลำดับที่ ${p.firstRow} ในไฟล์เดียวกัน`,
    en: `Same zone code as feature ${p.firstRow} of this file`,
  }),
  // ---- hostile files (issue 22): impossible shapes refused before allocating, and what the
  // isolated reader reports when a file exhausts its memory or time. Limits: README "Import limits".
  cell_beyond_sheet: (p: { ref: string; maxRows: number; maxColumns: number }): Bilingual => ({
    th: `เซลล์ ${q(p.ref)} อยู่นอกขอบเขตที่ชีตมีได้ (สูงสุด ${n(p.maxRows)} แถว x ${n(p.maxColumns)} คอลัมน์ เท่ากับ Excel) ไฟล์อาจเสียหาย กรุณาบันทึกใหม่จาก Excel`,
    en: `Cell ${q(p.ref)} lies outside any possible sheet (at most ${n(p.maxRows)} rows x ${n(p.maxColumns)} columns, as in Excel); the file may be damaged: save it again from Excel`,
  }),
  column_beyond_import: (p: { ref: string; maxColumns: number }): Bilingual => ({
    th: `เซลล์ ${q(p.ref)} อยู่เกินคอลัมน์ที่ ${n(p.maxColumns)} ซึ่งมากเกินกว่าที่การนำเข้ารับได้ กรุณาลบคอลัมน์ที่ไม่ใช้ออก`,
    en: `Cell ${q(p.ref)} lies past column ${n(p.maxColumns)}, more columns than an import reads; delete the unused columns`,
  }),
  dimension_beyond_sheet: (p: { ref: string; maxRows: number; maxColumns: number }): Bilingual => ({
    th: `ชีตประกาศขนาด ${q(p.ref)} ซึ่งเกินขนาดที่ชีตมีได้ (สูงสุด ${n(p.maxRows)} แถว x ${n(p.maxColumns)} คอลัมน์) ไฟล์อาจเสียหาย`,
    en: `The sheet declares its size as ${q(p.ref)}, beyond any possible sheet (at most ${n(p.maxRows)} rows x ${n(p.maxColumns)} columns); the file may be damaged`,
  }),
  sheet_area_too_large: (p: { rows: number; columns: number; maxCells: number }): Bilingual => ({
    th: `ชีตใช้พื้นที่ ${n(p.rows)} แถว x ${n(p.columns)} คอลัมน์ เกิน ${n(p.maxCells)} เซลล์ที่อ่านได้ กรุณาลบแถวหรือคอลัมน์ที่ไม่ใช้ หรือบันทึกเป็น CSV`,
    en: `The sheet spans ${n(p.rows)} rows x ${n(p.columns)} columns, over the ${n(p.maxCells)} cells an import reads; delete unused rows or columns, or save it as CSV`,
  }),
  shared_string_missing: (p: { index: string; count: number }): Bilingual => ({
    th: `เซลล์นี้อ้างถึงข้อความลำดับที่ ${p.index} แต่ไฟล์มีตารางข้อความเพียง ${n(p.count)} รายการ ไฟล์อาจเสียหาย กรุณาบันทึกใหม่จาก Excel`,
    en: `This cell refers to shared string ${p.index}, but the workbook has only ${n(p.count)}; the file may be damaged: save it again from Excel`,
  }),
  number_not_finite: (p: { value: string }): Bilingual => ({
    th: `ค่าตัวเลข ${q(p.value)} ไม่ใช่ตัวเลขที่มีค่าจำกัด (เช่น อนันต์) ไฟล์อาจเสียหาย`,
    en: `The number ${q(p.value)} is not a finite number (e.g. infinite); the file may be damaged`,
  }),
  unsafe_xml: (p: { part: string; reason: 'declaration' | 'depth'; maxDepth: number }): Bilingual =>
    p.reason === 'declaration'
      ? {
          th: `ส่วน ${q(p.part)} ของไฟล์มีการประกาศ DOCTYPE/ENTITY ซึ่งไม่อนุญาตเพื่อความปลอดภัย (ไฟล์ปกติไม่มี)`,
          en: `Part ${q(p.part)} of the file declares a DOCTYPE/ENTITY, which is refused for safety (normal files have none)`,
        }
      : {
          th: `ส่วน ${q(p.part)} ของไฟล์มีแท็กซ้อนกันลึกเกิน ${n(p.maxDepth)} ชั้น ซึ่งไม่อนุญาตเพื่อความปลอดภัย`,
          en: `Part ${q(p.part)} of the file nests elements deeper than ${n(p.maxDepth)} levels, which is refused for safety`,
        },
  geo_too_complex: (p: { reason: Bilingual }): Bilingual => ({
    th: `ไฟล์พื้นที่ถูกปฏิเสธเพื่อความปลอดภัย: ${p.reason.th}`,
    en: `The zone file was refused for safety: ${p.reason.en}`,
  }),
  file_too_complex: (p: { name: string; reason: Bilingual }): Bilingual => ({
    th: `ไฟล์ ${q(p.name)} ซับซ้อนเกินกว่าจะอ่านได้: ${p.reason.th} ระบบยังทำงานตามปกติ กรุณาแยกไฟล์ให้เล็กลงหรือบันทึกใหม่เป็น CSV`,
    en: `The file ${q(p.name)} is too complex to read: ${p.reason.en}. The service carries on; split the file or save it again as CSV`,
  }),
  // ---- end of the hostile-files block ----
} as const;

export type IssueCode = keyof typeof MESSAGES;
export type IssueParams<C extends IssueCode> = Parameters<(typeof MESSAGES)[C]>;

/** Codes that are only worth a warning (every other code is an error unless the caller says). */
const WARNING_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  'encoding_replacement',
  'duplicate_in_file',
  'no_coordinates',
  'outside_zones',
  'already_imported_row',
  'same_row_imported',
  'wave_derived',
  'answer_not_valid',
  'group_type_conflict',
]);

/** Default severity of a code (most are errors; a few are only worth a warning). */
function defaultSeverity(code: IssueCode): Severity {
  return WARNING_CODES.has(code) ? 'warning' : 'error';
}

/** The bilingual message of `code` with its parameters. */
export function issueMessage<C extends IssueCode>(code: C, ...params: IssueParams<C>): Bilingual {
  const build = MESSAGES[code] as (...args: IssueParams<C>) => Bilingual;
  return build(...params);
}

/** One problem found while importing. See the row convention at the top of this file. */
export interface Issue extends Bilingual {
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

export interface Where {
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

/** Builds an issue: `issue('column_count', { file, row: 7 }, { expected: 12, actual: 11 })`. */
export function issue<C extends IssueCode>(code: C, where: Where, ...params: IssueParams<C>): Issue {
  const msg = issueMessage(code, ...params);
  const out: Issue = {
    file: where.file,
    row: where.row ?? null,
    column: where.column ?? null,
    value: clipValue(where.value),
    code,
    severity: where.severity ?? defaultSeverity(code),
    th: msg.th,
    en: msg.en,
  };
  return where.line === undefined ? out : { ...out, line: where.line };
}

/** One line for logs, the CLI and exports: `file.csv, row 12, column "date": message (value: "x")`. */
export function formatIssue(i: Issue, lang: Lang): string {
  const parts: string[] = [];
  if (i.file !== '') parts.push(i.file);
  if (i.row !== null) {
    const line = i.line !== undefined && i.line !== i.row ? i.line : null;
    if (lang === 'th') parts.push(line === null ? `แถว ${i.row}` : `แถว ${i.row} (บรรทัด ${line})`);
    else parts.push(line === null ? `row ${i.row}` : `row ${i.row} (line ${line})`);
  }
  if (i.column !== null) parts.push(lang === 'th' ? `คอลัมน์ ${q(i.column)}` : `column ${q(i.column)}`);
  const where = parts.join(', ');
  const value = i.value === null ? '' : lang === 'th' ? ` (ค่า: ${q(i.value)})` : ` (value: ${q(i.value)})`;
  return `${where === '' ? '' : `${where}: `}${i[lang]}${value}`;
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

/**
 * Collects issues: counts all, stores at most `limit` (see `minPerCode` for the eviction rule).
 * `wants` lets hot loops skip building an issue that would only be counted (`tally` it instead).
 */
export class IssueCollector {
  readonly limit: number;
  readonly minPerCode: number;
  #stored: Issue[] = [];
  #storedByCode = new Map<IssueCode, number>();
  #byCode = new Map<IssueCode, number>();
  #total = 0;
  #errors = 0;

  constructor(options: IssueCollectorOptions = {}) {
    this.limit = Math.max(0, options.limit ?? 200);
    this.minPerCode = Math.max(0, options.minPerCode ?? 5);
  }

  /** Whether an issue of this code would be stored. */
  wants(code: IssueCode): boolean {
    return this.#stored.length < this.limit || (this.#storedByCode.get(code) ?? 0) < this.minPerCode;
  }

  /** Counts `count` issues of this code without storing them. */
  tally(code: IssueCode, severity: Severity, count = 1): void {
    this.#total += count;
    if (severity === 'error') this.#errors += count;
    this.#byCode.set(code, (this.#byCode.get(code) ?? 0) + count);
  }

  add(i: Issue): void {
    this.tally(i.code, i.severity);
    if (this.#stored.length < this.limit) {
      this.#store(i);
      return;
    }
    if ((this.#storedByCode.get(i.code) ?? 0) >= this.minPerCode) return;
    let victim: IssueCode | null = null;
    let victimCount = this.minPerCode;
    for (const [code, stored] of this.#storedByCode) {
      if (stored > victimCount) {
        victim = code;
        victimCount = stored;
      }
    }
    if (victim === null) return;
    for (let k = this.#stored.length - 1; k >= 0; k--) {
      if (this.#stored[k]?.code === victim) {
        this.#stored.splice(k, 1);
        this.#storedByCode.set(victim, victimCount - 1);
        break;
      }
    }
    this.#store(i);
  }

  addAll(items: Iterable<Issue>): void {
    for (const i of items) this.add(i);
  }

  #store(i: Issue): void {
    this.#stored.push(i);
    this.#storedByCode.set(i.code, (this.#storedByCode.get(i.code) ?? 0) + 1);
  }

  /** The stored issues, in the order they were found. */
  get issues(): readonly Issue[] {
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
  /** True when some issues were counted but not stored. */
  get truncated(): boolean {
    return this.#total > this.#stored.length;
  }
  /** Count per code. */
  get byCode(): ReadonlyMap<IssueCode, number> {
    return this.#byCode;
  }
}

export interface IssueReport {
  /** Every error found (the list below may be capped). */
  readonly errorCount: number;
  readonly warningCount: number;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  /** Count per code, errors and warnings together. */
  readonly byCode: Readonly<Partial<Record<IssueCode, number>>>;
  /** True when some issues were counted but not listed. */
  readonly truncated: boolean;
}

/** Errors and warnings of one import, collected apart. */
export class Issues {
  readonly #errors: IssueCollector;
  readonly #warnings: IssueCollector;

  constructor(limit = 200, minPerCode = 5) {
    this.#errors = new IssueCollector({ limit, minPerCode });
    this.#warnings = new IssueCollector({ limit, minPerCode });
  }

  add(i: Issue): void {
    (i.severity === 'error' ? this.#errors : this.#warnings).add(i);
  }

  addAll(items: Iterable<Issue>): void {
    for (const i of items) this.add(i);
  }

  /** Whether an issue of this code and severity would be listed (else `tally` it: cheaper). */
  wants(code: IssueCode, severity: Severity): boolean {
    return (severity === 'error' ? this.#errors : this.#warnings).wants(code);
  }

  /** Counts `n` issues of this code without listing them. */
  tally(code: IssueCode, severity: Severity, n = 1): void {
    if (n > 0) (severity === 'error' ? this.#errors : this.#warnings).tally(code, severity, n);
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
    const byCode: Partial<Record<IssueCode, number>> = {};
    for (const c of [this.#errors, this.#warnings])
      for (const [code, count] of c.byCode) byCode[code] = (byCode[code] ?? 0) + count;
    return {
      errorCount: this.#errors.total,
      warningCount: this.#warnings.total,
      errors: [...this.#errors.issues],
      warnings: [...this.#warnings.issues],
      byCode,
      truncated: this.#errors.truncated || this.#warnings.truncated,
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
