/**
 * Names of the canonical import columns (data-formats.md) in both languages. The key type comes
 * from the server's column registry, so a new column without words fails to compile. A column
 * the screen does not know yet is shown by its canonical name.
 */
import type { ImportReference } from '../../api/types.ts';
import type { Lang } from '../../i18n/format.ts';

export type CanonicalField = ImportReference['kinds'][number]['fields'][number]['canonical'];

const WORDS: Record<CanonicalField, { th: string; en: string }> = {
  case_id: { th: 'เลขคดี', en: 'Case number' },
  occurred_at: { th: 'วันที่เกิดเหตุ', en: 'Date of the incident' },
  crime_type: { th: 'ประเภทคดี', en: 'Offence type' },
  crime_group: { th: 'กลุ่มคดี', en: 'Offence group' },
  lat: { th: 'ละติจูด', en: 'Latitude' },
  lon: { th: 'ลองจิจูด', en: 'Longitude' },
  station: { th: 'สถานีตำรวจ', en: 'Police station' },
  zone: { th: 'พื้นที่นำร่อง', en: 'Pilot zone' },
  month: { th: 'เดือน', en: 'Month' },
  count: { th: 'จำนวนคดี', en: 'Count' },
  surveyed_on: { th: 'วันที่สำรวจ', en: 'Survey date' },
  wave: { th: 'รอบการสำรวจ', en: 'Survey wave' },
  fear: { th: 'ความหวาดกลัวภัยอาชญากรรม', en: 'Fear of crime' },
  trust: { th: 'ความเชื่อมั่นต่อตำรวจ', en: 'Trust in police' },
  weight: { th: 'น้ำหนัก', en: 'Weight' },
  sex: { th: 'เพศ', en: 'Sex' },
  age_band: { th: 'ช่วงอายุ', en: 'Age band' },
  sample_type: { th: 'ประเภทกลุ่มตัวอย่าง', en: 'Sample type' },
  code: { th: 'รหัส', en: 'Code' },
  name_th: { th: 'ชื่อภาษาไทย', en: 'Thai name' },
  name_en: { th: 'ชื่อภาษาอังกฤษ', en: 'English name' },
  kind: { th: 'ประเภท', en: 'Kind' },
  division: { th: 'กองบังคับการ', en: 'Division' },
  province: { th: 'จังหวัด', en: 'Province' },
  bureau: { th: 'กองบัญชาการ', en: 'Bureau' },
  start_date: { th: 'วันเริ่มโครงการ', en: 'Start date' },
  population: { th: 'ประชากร', en: 'Population' },
  area_km2: { th: 'ขนาดพื้นที่ (ตร.กม.)', en: 'Area (km²)' },
  criteria: { th: 'เกณฑ์การคัดเลือก', en: 'Selection criteria' },
  partner: { th: 'ภาคีเครือข่าย', en: 'Partner' },
  partner_type: { th: 'ประเภทภาคี', en: 'Partner type' },
  mou_date: { th: 'วันที่ลงนาม MOU', en: 'MOU date' },
  cctv: { th: 'กล้อง CCTV', en: 'CCTV cameras' },
  volunteers: { th: 'อาสาสมัคร', en: 'Volunteers' },
  vehicles: { th: 'ยานพาหนะ', en: 'Vehicles' },
  budget_thb: { th: 'งบประมาณ (บาท)', en: 'Budget (THB)' },
  category: { th: 'หมวดปัญหา', en: 'Problem category' },
  raised_on: { th: 'วันที่แจ้ง', en: 'Date raised' },
  description: { th: 'รายละเอียดปัญหา', en: 'Description' },
  raised_by: { th: 'เครือข่าย/กลุ่มที่แจ้ง', en: 'Network or group that raised it' },
  level: { th: 'ระดับการแก้ไข', en: 'Level' },
  status: { th: 'สถานะ', en: 'Status' },
  escalated_on: { th: 'วันที่ส่งต่อ', en: 'Date escalated' },
  resolved_on: { th: 'วันที่แก้ไขเสร็จ/ยุติ', en: 'Date solved or closed' },
  note: { th: 'หมายเหตุ/ผลการแก้ไข', en: 'Note' },
};

export function fieldName(canonical: string, lang: Lang): string {
  return (WORDS as Record<string, { th: string; en: string } | undefined>)[canonical]?.[lang] ?? canonical;
}

const TABLES: Record<string, { th: string; en: string }> = {
  incidents: { th: 'คดี', en: 'incidents' },
  incident_rings: { th: 'คดีในแนวรอบพื้นที่', en: 'buffer-ring links' },
  monthly_counts: { th: 'จำนวนรายเดือน', en: 'monthly counts' },
  survey_responses: { th: 'คำตอบแบบสำรวจ', en: 'survey answers' },
  stations: { th: 'สถานี', en: 'stations' },
  zones: { th: 'พื้นที่', en: 'zones' },
  partners: { th: 'ภาคี', en: 'partners' },
  problems: { th: 'ปัญหาของเครือข่ายชุมชน', en: 'community problems' },
};

/** A database table the import writes to, in words (row counts are given per table). */
export function tableName(table: string, lang: Lang): string {
  return TABLES[table]?.[lang] ?? table;
}
