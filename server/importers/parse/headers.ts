/**
 * Canonical columns of each import kind (data-formats.md), their aliases and required-ness,
 * and matching a file's header row against them.
 *
 * Matching compares normalised text: Unicode NFKC, BOM / zero-width characters removed, Thai
 * digits as ASCII, lower case, and spaces, `_`, `-`, `.`, `/`, brackets and quotes removed.
 * So `Crime ID`, `crime_id`, `CRIME-ID` and ` crime id ` are one name, as are `สภ.` and `สภ`.
 * Unknown columns are returned as `extra` (kept aside, not an error).
 */

import { FORM_QUESTIONS } from '../../contracts/resident-survey.ts';
import { IMPORT_KINDS, type ImportKind, usesWholeFile } from '../../contracts/imports.ts';

export { IMPORT_KINDS, type ImportKind };

export interface FieldSpec<C extends string = string> {
  readonly canonical: C;
  /** Other names (Thai and English); the canonical name itself always matches too. */
  readonly aliases: readonly string[];
  /** The column must be present (unless a whole-file value is given: contracts `usesWholeFile`). */
  readonly required: boolean;
}

export interface KindSpec<C extends string = string> {
  readonly kind: ImportKind;
  readonly fields: readonly FieldSpec<C>[];
  /** Groups of which at least one column must be present (e.g. fear or trust). */
  readonly oneOf: readonly (readonly C[])[];
}

const f = <C extends string>(canonical: C, aliases: readonly string[], required = false): FieldSpec<C> => ({
  canonical,
  aliases,
  required,
});

const STATION_ALIASES = [
  'สถานี',
  'สถานีตำรวจ',
  'สภ.',
  'สน.',
  'โรงพัก',
  'station_code',
  'station_name',
  'police_station',
  'รหัสสถานี',
  'ชื่อสถานี',
];
const ZONE_ALIASES = ['พื้นที่', 'zone_code', 'รหัสพื้นที่', 'พื้นที่นำร่อง', 'zone_name', 'ชื่อพื้นที่'];
const LAT_ALIASES = ['ละติจูด', 'latitude', 'ละติจูต'];
const LON_ALIASES = ['ลองจิจูด', 'longitude', 'lng', 'long', 'ลองติจูด'];

const INCIDENTS = {
  kind: 'incidents',
  fields: [
    f('case_id', ['เลขคดี', 'เลขที่คดี', 'case_no', 'case_number', 'Crime ID', 'คดีที่', 'เลขรับแจ้ง']),
    f(
      'occurred_at',
      [
        'วันที่เกิดเหตุ',
        'date',
        'Month',
        'วันเวลาเกิดเหตุ',
        'วันเกิดเหตุ',
        'วันที่',
        'เดือน',
        'occurred',
        'occurred_on',
        'incident_date',
        'datetime',
        'date_time',
      ],
      true,
    ),
    f(
      'crime_type',
      [
        'ประเภทคดี',
        'ข้อหา',
        'Crime type',
        'ฐานความผิด',
        'ประเภทความผิด',
        'offence',
        'offense',
        'offence_type',
        'offense_type',
        'type',
      ],
      true,
    ),
    f('crime_group', ['กลุ่มคดี', 'group', 'กลุ่มความผิด', 'offence_group', 'offense_group']),
    f('lat', LAT_ALIASES),
    f('lon', LON_ALIASES),
    f('station', STATION_ALIASES, true),
    f('zone', ZONE_ALIASES),
  ],
  oneOf: [],
} as const satisfies KindSpec;

const MONTHLY_COUNTS = {
  kind: 'monthly_counts',
  fields: [
    f('station', STATION_ALIASES, true),
    f('zone', ZONE_ALIASES),
    f('month', ['เดือน', 'เดือนปี', 'period', 'ปีเดือน', 'year_month', 'yyyymm'], true),
    f('crime_group', ['กลุ่มคดี', 'group', 'กลุ่มความผิด', 'offence_group', 'offense_group']),
    f('crime_type', ['ประเภทคดี', 'ข้อหา', 'Crime type', 'ฐานความผิด', 'ประเภทความผิด', 'offence', 'offense', 'type']),
    f('count', ['จำนวน', 'จำนวนคดี', 'cases', 'n', 'จำนวนราย', 'total'], true),
  ],
  oneOf: [['crime_group', 'crime_type']],
} as const satisfies KindSpec;

const questionTexts = (item: 'fear' | 'trust') => [FORM_QUESTIONS[item].question.th, FORM_QUESTIONS[item].question.en];

const SURVEY = {
  kind: 'survey',
  fields: [
    f('zone', ZONE_ALIASES, true),
    // Form tools: Google Forms' Timestamp (ประทับเวลา in a Thai account), ODK's SubmissionDate, and
    // KoboToolbox's `end` (the phone's time with its offset; its _submission_time is UTC without
    // one, which would misdate a late-night answer in Bangkok, so it is no alias).
    f(
      'surveyed_on',
      ['วันที่สำรวจ', 'date', 'survey_date', 'วันที่', 'ประทับเวลา', 'timestamp', 'วันที่ตอบ', 'SubmissionDate', 'end'],
      true,
    ),
    f('wave', ['รอบ', 'รอบที่', 'round', 'รอบการสำรวจ', 'survey_wave']),
    // A form tool's header is the whole question: the resident form's own wording is known.
    f('fear', ['ความหวาดกลัว', 'fear_of_crime', 'ความกลัว', 'ความหวาดกลัวภัยอาชญากรรม', ...questionTexts('fear')]),
    f('trust', ['ความเชื่อมั่น', 'trust_in_police', 'ความเชื่อมั่นต่อตำรวจ', 'confidence', ...questionTexts('trust')]),
    f('weight', ['น้ำหนัก', 'wt', 'weights', 'ค่าถ่วงน้ำหนัก']),
    f('sex', ['เพศ', 'gender']),
    f('age_band', ['ช่วงอายุ', 'age_group', 'กลุ่มอายุ', 'อายุ', 'age']),
    f('sample_type', ['ประเภทตัวอย่าง', 'sampling', 'ประเภทกลุ่มตัวอย่าง']),
  ],
  oneOf: [['fear', 'trust']],
} as const satisfies KindSpec;

const STATIONS = {
  kind: 'stations',
  fields: [
    f('code', ['รหัส', 'รหัสสถานี', 'station_code'], true),
    f('name_th', ['ชื่อ', 'ชื่อสถานี', 'ชื่อภาษาไทย', 'ชื่อไทย', 'name_thai', 'thai_name'], true),
    f('name_en', ['ชื่อภาษาอังกฤษ', 'ชื่ออังกฤษ', 'name_english', 'english_name'], true),
    f('kind', ['ประเภท', 'ประเภทสถานี', 'type', 'station_type'], true),
    f('division', ['กองบังคับการ', 'บก.', 'ภ.จว.', 'กองบังคับการตำรวจ'], true),
    f('province', ['จังหวัด', 'province_code', 'changwat'], true),
    f('bureau', ['กองบัญชาการ', 'บช.', 'ภาค', 'region'], true),
    f('lat', LAT_ALIASES),
    f('lon', LON_ALIASES),
  ],
  oneOf: [],
} as const satisfies KindSpec;

const ZONES = {
  kind: 'zones',
  fields: [
    f('code', ['รหัส', 'รหัสพื้นที่', 'zone_code'], true),
    f('name_th', ['ชื่อ', 'ชื่อพื้นที่', 'name', 'ชื่อภาษาไทย', 'name_thai'], true),
    f('name_en', ['ชื่อภาษาอังกฤษ', 'name_english', 'english_name']),
    f('station', STATION_ALIASES, true),
    f('start_date', ['วันเริ่ม', 'วันที่เริ่ม', 'วันที่เริ่มโครงการ', 'start', 'started_on'], true),
    f('population', ['ประชากร', 'จำนวนประชากร', 'pop']),
    f('area_km2', ['พื้นที่_ตร.กม.', 'ขนาดพื้นที่', 'area', 'ตร.กม.', 'area_sq_km']),
    f('kind', ['ประเภท', 'ประเภทพื้นที่', 'type', 'zone_type']),
    f('criteria', ['เกณฑ์', 'เกณฑ์การคัดเลือก', 'หลักเกณฑ์']),
  ],
  oneOf: [],
} as const satisfies KindSpec;

const PARTNERS = {
  kind: 'partners',
  fields: [
    f('zone', ZONE_ALIASES),
    f('station', STATION_ALIASES),
    f('partner', ['ภาคี', 'ภาคีเครือข่าย', 'ชื่อภาคี', 'partner_name', 'หน่วยงาน', 'organisation', 'organization'], true),
    f('partner_type', ['ประเภทภาคี', 'ประเภทหน่วยงาน', 'type', 'partner_kind'], true),
    f('mou_date', ['วันที่ลงนาม', 'วันลงนาม', 'วันที่ลงนาม mou', 'mou', 'signed_on', 'date_signed'], true),
    f('cctv', ['กล้องวงจรปิด', 'กล้อง cctv', 'cameras', 'cctv_cameras']),
    f('volunteers', ['อาสาสมัคร', 'จำนวนอาสาสมัคร', 'volunteer']),
    f('vehicles', ['ยานพาหนะ', 'รถ', 'patrol_vehicles', 'รถสายตรวจ']),
    f('budget_thb', ['งบประมาณ', 'budget', 'งบประมาณ_บาท', 'งบประมาณ (บาท)', 'budget_baht']),
  ],
  oneOf: [['zone', 'station']],
} as const satisfies KindSpec;

const PROBLEMS = {
  kind: 'problems',
  fields: [
    f('category', ['หมวดปัญหา', 'ประเภทปัญหา', 'หมวด', 'category_code', 'problem_category', 'ประเภท'], true),
    f('raised_on', ['วันที่แจ้ง', 'วันที่รับแจ้ง', 'วันแจ้ง', 'วันที่', 'date', 'raised', 'reported_on', 'date_raised'], true),
    f('zone', ZONE_ALIASES),
    f('station', STATION_ALIASES),
    f('lat', LAT_ALIASES),
    f('lon', LON_ALIASES),
    f('description', ['รายละเอียด', 'ปัญหา', 'รายละเอียดปัญหา', 'เรื่อง', 'problem', 'details'], true),
    f('raised_by', ['ผู้แจ้ง', 'เครือข่าย', 'เครือข่ายที่แจ้ง', 'กลุ่มผู้แจ้ง', 'network', 'group'], true),
    f('level', ['ระดับ', 'ระดับการแก้ไข', 'ระดับปัจจุบัน', 'current_level']),
    f('status', ['สถานะ', 'สถานะการแก้ไข', 'state']),
    f('escalated_on', ['วันที่ส่งต่อ', 'วันส่งต่อ', 'escalated', 'date_escalated']),
    f('resolved_on', ['วันที่แก้ไขเสร็จ', 'วันที่ยุติ', 'วันที่ปิดเรื่อง', 'resolved', 'date_resolved', 'solved_on']),
    f('note', ['หมายเหตุ', 'ผลการแก้ไข', 'ผลการดำเนินการ', 'resolution', 'resolution_note', 'notes']),
  ],
  oneOf: [['zone', 'station']],
} as const satisfies KindSpec;

export const KIND_SPECS = {
  incidents: INCIDENTS,
  monthly_counts: MONTHLY_COUNTS,
  survey: SURVEY,
  stations: STATIONS,
  zones: ZONES,
  partners: PARTNERS,
  problems: PROBLEMS,
} as const;

/** Canonical column names of one kind, e.g. CanonicalField<'survey'> = 'zone' | 'surveyed_on' | ... */
export type CanonicalField<K extends ImportKind> = (typeof KIND_SPECS)[K]['fields'][number]['canonical'];

/**
 * A few header names a canonical column is recognised by, in the message's language (Thai
 * aliases for Thai, the canonical and English ones for English), for messages that tell the user
 * what to call a missing column.
 */
export function acceptedHeaders(canonical: string, lang: 'th' | 'en', max = 4): string[] {
  const thai = (name: string) => /[\u0E00-\u0E7F]/.test(name);
  const names: string[] = lang === 'en' ? [canonical] : [];
  for (const kind of IMPORT_KINDS) {
    for (const field of kindSpec(kind).fields) {
      if (field.canonical !== canonical) continue;
      for (const name of field.aliases) if (thai(name) === (lang === 'th') && !names.includes(name)) names.push(name);
    }
  }
  if (names.length === 0) names.push(canonical);
  return names.slice(0, max);
}

export function kindSpec<K extends ImportKind>(kind: K): KindSpec<CanonicalField<K>> {
  return KIND_SPECS[kind] as unknown as KindSpec<CanonicalField<K>>;
}

/** Canonical names whose column is required (before whole-file values are considered). */
export function requiredFields<K extends ImportKind>(kind: K): CanonicalField<K>[] {
  return kindSpec(kind)
    .fields.filter((x) => x.required)
    .map((x) => x.canonical);
}

const STRIP_RE = /[\s_\-.,/\\()[\]{}'"`’‘“”:;#*\u00A0\u200B-\u200D\u2060\uFEFF]+/g;
const THAI_DIGIT_RE = /[\u0E50-\u0E59]/g;

/** The comparison key of a header: `" Crime_ID "` -> `crimeid`, `"สภ."` -> `สภ`. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(THAI_DIGIT_RE, (d) => String.fromCharCode(d.charCodeAt(0) - 0x0e50 + 0x30))
    .toLowerCase()
    .replace(STRIP_RE, '');
}

const LOOKUP_CACHE = new Map<ImportKind, ReadonlyMap<string, string>>();

/** normalised name -> canonical, for one kind. */
function lookup(kind: ImportKind): ReadonlyMap<string, string> {
  const cached = LOOKUP_CACHE.get(kind);
  if (cached !== undefined) return cached;
  const map = new Map<string, string>();
  for (const field of kindSpec(kind).fields) {
    for (const name of [field.canonical, ...field.aliases]) {
      const key = normalizeHeader(name);
      const prev = map.get(key);
      if (prev !== undefined && prev !== field.canonical) {
        throw new Error(`headers.ts: alias "${name}" of ${kind}.${field.canonical} also names ${prev}`);
      }
      map.set(key, field.canonical);
    }
  }
  LOOKUP_CACHE.set(kind, map);
  return map;
}

/** The canonical name a header matches in `kind`, or null. */
export function canonicalFor<K extends ImportKind>(kind: K, header: string): CanonicalField<K> | null {
  return (lookup(kind).get(normalizeHeader(header)) as CanonicalField<K> | undefined) ?? null;
}

/**
 * A saved or user-made mapping: canonical -> column (0-based index, or header text matched
 * like any header), or null to leave that canonical unmapped even if a header would match.
 */
export type UserMapping<K extends ImportKind = ImportKind> = Partial<Record<CanonicalField<K>, number | string | null>>;

export interface MatchOptions<K extends ImportKind = ImportKind> {
  /** Canonicals given one value for the whole file in the import screen (e.g. 'station'). */
  fileDefaults?: readonly CanonicalField<K>[];
}

export interface AmbiguousColumn<C extends string = string> {
  readonly canonical: C;
  /** 0-based indexes of the columns that all match. */
  readonly columns: number[];
}

export interface InvalidMapping {
  readonly canonical: string;
  readonly target: number | string;
}

export interface HeaderMatch<K extends ImportKind = ImportKind> {
  /** canonical -> 0-based column index. */
  readonly mapping: Partial<Record<CanonicalField<K>, number>>;
  /** Required canonicals with neither a column nor a whole-file value. */
  readonly missingRequired: CanonicalField<K>[];
  /** one-of groups with no member present (e.g. [['fear', 'trust']]). */
  readonly missingOneOf: CanonicalField<K>[][];
  /** Header texts of columns that map to nothing (kept aside), in file order. */
  readonly extra: string[];
  /** 0-based indexes of the `extra` columns (parallel to `extra`). */
  readonly extraIndexes: number[];
  /** Canonicals matched by more than one column; left out of `mapping` until the user picks. */
  readonly ambiguous: AmbiguousColumn<CanonicalField<K>>[];
  /** User-mapping entries that name no canonical of this kind or no column of this file. */
  readonly invalidMapping: InvalidMapping[];
  /** Nothing missing, ambiguous or invalid: the import can go on. */
  readonly ok: boolean;
}

/** Matches a header row to the canonical columns of `kind`. */
export function matchHeaders<K extends ImportKind>(
  kind: K,
  headers: readonly string[],
  userMapping?: UserMapping<K>,
  options: MatchOptions<K> = {},
): HeaderMatch<K> {
  type C = CanonicalField<K>;
  const spec = kindSpec(kind);
  const canon = new Set<string>(spec.fields.map((x) => x.canonical));
  const keys = headers.map(normalizeHeader);
  const mapping: Partial<Record<C, number>> = {};
  const used = new Set<number>();
  const fixed = new Set<string>();
  const invalidMapping: InvalidMapping[] = [];

  // 1. The user's choices win.
  if (userMapping !== undefined) {
    for (const [name, target] of Object.entries(userMapping) as [string, number | string | null | undefined][]) {
      if (target === undefined) continue;
      if (!canon.has(name)) {
        invalidMapping.push({ canonical: name, target: target ?? '' });
        continue;
      }
      fixed.add(name);
      if (target === null) continue;
      let index = -1;
      if (typeof target === 'number') {
        if (Number.isInteger(target) && target >= 0 && target < headers.length) index = target;
      } else {
        const key = normalizeHeader(target);
        const exact = headers.indexOf(target);
        index = exact !== -1 ? exact : keys.indexOf(key);
      }
      if (index === -1 || used.has(index)) {
        invalidMapping.push({ canonical: name, target });
        fixed.delete(name);
        continue;
      }
      mapping[name as C] = index;
      used.add(index);
    }
  }

  // 2. Headers that match a canonical name or alias.
  const table = lookup(kind);
  const hits = new Map<string, number[]>();
  keys.forEach((key, index) => {
    if (used.has(index) || key === '') return;
    const c = table.get(key);
    if (c === undefined || fixed.has(c)) return;
    const list = hits.get(c);
    if (list === undefined) hits.set(c, [index]);
    else list.push(index);
  });
  const ambiguous: AmbiguousColumn<C>[] = [];
  for (const [c, columns] of hits) {
    if (columns.length === 1) {
      const index = columns[0] as number;
      mapping[c as C] = index;
      used.add(index);
    } else {
      ambiguous.push({ canonical: c as C, columns });
      for (const index of columns) used.add(index);
    }
  }

  // 3. What is missing.
  const defaults = new Set<string>(options.fileDefaults ?? []);
  const present = (c: string): boolean =>
    mapping[c as C] !== undefined ||
    ambiguous.some((a) => a.canonical === c) ||
    (defaults.has(c) && isFileDefaultable(spec, c));
  const missingRequired = spec.fields.filter((x) => x.required && !present(x.canonical)).map((x) => x.canonical);
  const missingOneOf = spec.oneOf.filter((group) => !group.some(present)).map((group) => [...group]);

  const extra: string[] = [];
  const extraIndexes: number[] = [];
  headers.forEach((h, index) => {
    if (!used.has(index)) {
      extra.push(h);
      extraIndexes.push(index);
    }
  });

  return {
    mapping,
    missingRequired,
    missingOneOf,
    extra,
    extraIndexes,
    ambiguous,
    invalidMapping,
    ok:
      missingRequired.length === 0 &&
      missingOneOf.length === 0 &&
      ambiguous.length === 0 &&
      invalidMapping.length === 0,
  };
}

function isFileDefaultable(spec: KindSpec, canonical: string): boolean {
  return usesWholeFile(spec.kind, canonical) && spec.fields.some((x) => x.canonical === canonical);
}
