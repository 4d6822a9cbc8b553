/**
 * Words of the printed reports and the "Print / PDF" menu, Thai first (English must have every
 * Thai key: checked by the type). Kept beside the print views rather than in i18n/messages.ts:
 * only these screens use them.
 */
import type { Lang } from '../../i18n/format.ts';

const th = {
  'report.zoneTitle': 'รายงานพื้นที่นำร่อง Smart Safety Zone 4.0',
  'report.unitTitle': 'สรุปผลหน่วยงาน Smart Safety Zone 4.0',
  'report.packTitle': 'ชุดรายงานการประชุมทบทวน Smart Safety Zone 4.0',
  'report.filters': 'เงื่อนไขของรายงาน',
  'report.period': 'ช่วงเวลา',
  'report.sinceStart': 'ตั้งแต่เริ่มโครงการของแต่ละพื้นที่ถึงเดือนล่าสุดที่สมบูรณ์',
  'report.station': 'สถานีตำรวจ',
  'report.unit': 'หน่วยงาน',
  'report.division': 'กองบังคับการ / จังหวัด',
  'report.bureau': 'กองบัญชาการ / ภาค',
  'report.groups': 'กลุ่มความผิดที่นับในตัวชี้วัด',
  'report.targets': 'เป้าหมาย',
  'report.targetsValue': 'หวาดกลัว ไม่เกิน {fear}% · เชื่อมั่น ไม่น้อยกว่า {trust}% · คดี ลดลง',
  'report.minSample': 'ขนาดตัวอย่างขั้นต่ำ',
  'report.scope': 'ขอบเขตข้อมูล',
  'report.scopeAll': 'ทุกพื้นที่ของหน่วยนี้ ({n} พื้นที่)',
  'report.scopePart': 'เฉพาะพื้นที่ในความรับผิดชอบของผู้จัดทำ {k} จาก {n} พื้นที่',
  'report.language': 'ภาษา',
  'report.languageValue': 'ไทย',
  'report.overall': 'สถานะรวม',
  'report.map': 'แผนที่',
  'report.mapZone': 'ขอบเขตพื้นที่ (เส้นทึบ) และเขตอำเภอ',
  'report.mapUnit': 'ที่ตั้งพื้นที่นำร่อง สีตามสถานะรวม',
  'report.scaleBar': '{km} กม.',
  'report.caveats': 'ข้อควรระวังในการอ่านผล',
  'report.caveat.recorded':
    'สถิติคดีนับเฉพาะคดีที่มีการรับแจ้งและบันทึกในระบบ การเปลี่ยนแปลงอาจมาจากการแจ้งความที่เปลี่ยนไป ไม่ใช่อาชญากรรมจริงเท่านั้น',
  'report.caveat.interval':
    'ทุกตัวเลขแสดงช่วงความเชื่อมั่น 95% สถานะ "ผ่าน" หรือ "ไม่ผ่าน" ตัดสินตามเกณฑ์ใน kpi.md เมื่อข้อมูลไม่พอจะแสดงว่า "ข้อมูลไม่เพียงพอ"',
  'report.caveat.survey': 'ผลสำรวจใช้เฉพาะตัวอย่างแบบสุ่ม แบบสอบถามออนไลน์ (สมัครใจตอบ) แสดงแยกและไม่ใช้ตัดสินเป้าหมาย',
  'report.caveat.partial': 'ตัวเลขของหน่วยนี้รวมเฉพาะพื้นที่ในความรับผิดชอบของผู้จัดทำ ({k} จาก {n} พื้นที่)',
  'report.appendix': 'ภาคผนวก: วิธีคำนวณตัวเลขแต่ละตัว',
  'report.appendixNote': 'กฎและค่าพารามิเตอร์ที่ระบบใช้คำนวณตัวเลขในรายงานนี้ ตามที่ API ส่งมาพร้อมตัวเลข',
  'report.dataUpTo': 'ข้อมูลถึง {month}',
  'report.madeAt': 'จัดทำเมื่อ {time}',
  'report.page': 'หน้า',
  'report.of': 'จาก',
  'report.contents': 'สารบัญ',
  'report.contentsSummary': 'สรุปผลหน่วยงาน',
  'report.contentsPage': 'หน้า',
  'report.zonesTable': 'พื้นที่นำร่องและสถานะ',
  'report.zone': 'พื้นที่',
  'report.loading': 'กำลังเตรียมรายงาน… ({done}/{total})',
  'report.error': 'ไม่สามารถเตรียมรายงานได้: {message}',
  'report.notFound': 'ไม่พบรายงานนี้ หรือคุณไม่มีสิทธิ์ดู',
  'menu.button': 'พิมพ์ / PDF',
  'menu.print': 'พิมพ์หน้านี้ (Ctrl+P)',
  'menu.zonePdf': 'รายงานพื้นที่ (PDF)',
  'menu.unitPdf': 'สรุปผลหน่วยงาน (PDF)',
  'menu.packPdf': 'ชุดรายงานประชุม: สรุป + ทุกพื้นที่ (PDF)',
  'menu.printView': 'เปิดหน้าสำหรับพิมพ์',
  'menu.waiting': 'รอคิว (ก่อนหน้า {ahead} งาน)…',
  'menu.loading': 'กำลังโหลดข้อมูล {done}/{total} ส่วน…',
  'menu.paging': 'กำลังจัดหน้า {done}/{total} ส่วน…',
  'menu.printing': 'กำลังสร้างไฟล์ PDF…',
  'menu.done': 'เสร็จแล้ว: ดาวน์โหลด {file}',
  'menu.failed': 'จัดทำไม่สำเร็จ: {message}',
  'menu.starting': 'กำลังเริ่ม…',
} as const;

export type PrintWordKey = keyof typeof th;

const en: Record<PrintWordKey, string> = {
  'report.zoneTitle': 'Smart Safety Zone 4.0 pilot zone report',
  'report.unitTitle': 'Smart Safety Zone 4.0 unit summary',
  'report.packTitle': 'Smart Safety Zone 4.0 review meeting pack',
  'report.filters': 'What this report covers',
  'report.period': 'Period',
  'report.sinceStart': "Since each zone's start, to the last complete month",
  'report.station': 'Police station',
  'report.unit': 'Unit',
  'report.division': 'Division / province',
  'report.bureau': 'Bureau / region',
  'report.groups': 'Offence groups counted',
  'report.targets': 'Targets',
  'report.targetsValue': 'fear at most {fear}% · trust at least {trust}% · crime down',
  'report.minSample': 'Minimum sample',
  'report.scope': 'Data scope',
  'report.scopeAll': 'Every zone of this unit ({n} zones)',
  'report.scopePart': "Only the maker's zones: {k} of {n} zones",
  'report.language': 'Language',
  'report.languageValue': 'English',
  'report.overall': 'Overall status',
  'report.map': 'Map',
  'report.mapZone': 'Zone outline (solid) and district boundaries',
  'report.mapUnit': 'Pilot zones, coloured by overall status',
  'report.scaleBar': '{km} km',
  'report.caveats': 'Reading these figures',
  'report.caveat.recorded':
    'Crime figures count recorded offences only: a change may come from reporting, not from crime alone.',
  'report.caveat.interval':
    'Every figure carries its 95% interval; met / not met follow kpi.md, and too little data says "insufficient data".',
  'report.caveat.survey':
    'Survey figures use probability samples only; opt-in online answers are shown apart and never judged against a target.',
  'report.caveat.partial': "This unit's figures pool only the maker's zones ({k} of {n}).",
  'report.appendix': 'Appendix: how each figure was computed',
  'report.appendixNote':
    'The rules and parameters the system used for the figures in this report, as the API sent them.',
  'report.dataUpTo': 'Data up to {month}',
  'report.madeAt': 'Made {time}',
  'report.page': 'Page',
  'report.of': 'of',
  'report.contents': 'Contents',
  'report.contentsSummary': 'Unit summary',
  'report.contentsPage': 'Page',
  'report.zonesTable': 'Pilot zones and their status',
  'report.zone': 'Zone',
  'report.loading': 'Preparing the report… ({done}/{total})',
  'report.error': 'The report could not be prepared: {message}',
  'report.notFound': 'No such report, or you may not see it.',
  'menu.button': 'Print / PDF',
  'menu.print': 'Print this page (Ctrl+P)',
  'menu.zonePdf': 'Zone report (PDF)',
  'menu.unitPdf': 'Unit summary (PDF)',
  'menu.packPdf': 'Meeting pack: summary + every zone (PDF)',
  'menu.printView': 'Open the printable page',
  'menu.waiting': 'Waiting in the queue ({ahead} ahead)…',
  'menu.loading': 'Loading data {done}/{total} parts…',
  'menu.paging': 'Laying out pages {done}/{total} parts…',
  'menu.printing': 'Making the PDF file…',
  'menu.done': 'Ready: download {file}',
  'menu.failed': 'Could not make it: {message}',
  'menu.starting': 'Starting…',
};

const WORDS: Record<Lang, Record<PrintWordKey, string>> = { th, en };

export type PrintTranslate = (key: PrintWordKey, vars?: Record<string, string | number>) => string;

export function printWords(lang: Lang): PrintTranslate {
  return (key, vars = {}) =>
    WORDS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
