/**
 * The fixed script of the demo programme: which stations, which zones (real places, approximate
 * outlines), how each zone's story goes, and the MOU partners. Everything random about the demo
 * (individual incidents, respondents) is drawn in generate.ts from these parameters and the seed.
 *
 * Places were picked inside each station's own jurisdiction: e.g. Patpong/Silom is สน.บางรัก's area
 * and Patong is สภ.ป่าตอง's, so สน.ลุมพินี gets Nana/lower Sukhumvit and Lumphini Park, and
 * สภ.เมืองภูเก็ต gets Phuket Old Town and bus terminal 1.
 */

export type ZoneKind = 'market' | 'night_street' | 'bus_terminal' | 'school_block' | 'tourist_strip' | 'community';
export type ZoneCriteria = 'risk' | 'landmark' | 'economic';
export type PartnerType = 'PAO' | 'municipality' | 'DLA' | 'private' | 'community';
export type CrimeGroup = 1 | 2 | 3 | 4;

/** Data span: whole months 2020-01 .. 2024-06, i.e. as of 1 July 2024 (fixed, never "today"). */
export const DEMO_FIRST_MONTH = '2020-01';
export const DEMO_LAST_MONTH = '2024-06';
export const DEMO_AS_OF = '2024-07-01';
/** Chosen so that the draw tells every zone's intended story (tests/server/demo hold it to that). */
export const DEMO_DEFAULT_SEED = 2588;

export interface DemoStationSpec {
  name_th: string;
  /** Prefix of case ids, e.g. HDY-2564-000123. */
  abbr: string;
  /** Fallback centre when the reference station has no coordinates. */
  lat: number;
  lon: number;
  /** Radius of the comparison area scatter (grown to cover the station's zones). */
  radiusKm: number;
  /** Expected incidents a month in the station area outside the zone hot spots (all groups). */
  backgroundPerMonth: number;
  /** Yearly trend of the whole station area, e.g. -0.03 = 3% fewer a year. */
  trendPerYear: number;
  /** 0 = ordinary seasonality, 1.5 = a tourist town (Dec-Jan high season, Songkran in April). */
  tourism: number;
  /** Share of incident rows without coordinates. */
  noCoordShare: number;
  /** Reports monthly counts only (no incident rows). */
  countsOnly?: boolean;
}

export interface DemoZoneSpec {
  id: string;
  station: string;
  name_th: string;
  name_en: string;
  kind: ZoneKind;
  criteria: ZoneCriteria;
  start: string;
  population: number;
  municipality: string;
  shape: { lat: number; lon: number; areaKm2: number; aspect: number; rotationDeg: number; vertices: number };
  crime: {
    /** Expected incidents a month inside the zone before the start (all groups). */
    perMonth: number;
    /** Change of groups 1-3 once the programme has ramped up (-0.3 = 30% fewer). */
    effect: number;
    /** Months to reach the full effect. */
    rampMonths: number;
  };
  /** The 500 m buffer ring: expected incidents a month before the start, and their change after it. */
  ring: { perMonth: number; effect: number };
  survey: {
    /** Top-two-box share of the fear item before the start and once the programme has settled. */
    fear: [number, number];
    trust: [number, number];
    /** Typical respondents a wave (80..450). */
    n: number;
    /** Post-stratification weights (0.5-2.0) instead of weight 1. */
    weighted: boolean;
    /** How the answer sheet records levels: Thai labels or the digits 1-5. */
    raw: 'label' | 'number';
    /** Respondents in the zone's latest wave, when it is deliberately too small. */
    latestWaveN?: number;
    /** Opt-in (QR code) answers beside the probability sample. */
    optIn?: { perWave: [number, number]; fear: number; trust: number };
  };
}

export interface DemoPartnerSpec {
  station: string;
  zone_id: string | null;
  partner: string;
  partner_type: PartnerType;
  mou_date: string | null;
  cctv: number | null;
  volunteers: number | null;
  vehicles: number | null;
  budget_thb: number | null;
}

export const DEMO_STATIONS: readonly DemoStationSpec[] = [
  { name_th: 'สน.ลุมพินี', abbr: 'LPN', lat: 13.729, lon: 100.543, radiusKm: 3, backgroundPerMonth: 44, trendPerYear: -0.02, tourism: 0.6, noCoordShare: 0.03 },
  { name_th: 'สน.ห้วยขวาง', abbr: 'HKW', lat: 13.777, lon: 100.57, radiusKm: 3.5, backgroundPerMonth: 48, trendPerYear: 0.01, tourism: 0.2, noCoordShare: 0.04 },
  { name_th: 'สน.ภาษีเจริญ', abbr: 'PSC', lat: 13.715, lon: 100.437, radiusKm: 4, backgroundPerMonth: 36, trendPerYear: -0.01, tourism: 0, noCoordShare: 0.05 },
  { name_th: 'สภ.ปากเกร็ด', abbr: 'PKK', lat: 13.912, lon: 100.498, radiusKm: 4.5, backgroundPerMonth: 38, trendPerYear: 0, tourism: 0.1, noCoordShare: 0.05 },
  { name_th: 'สภ.เมืองสมุทรปราการ', abbr: 'SPK', lat: 13.599, lon: 100.597, radiusKm: 4, backgroundPerMonth: 32, trendPerYear: -0.03, tourism: 0, noCoordShare: 0.12 },
  { name_th: 'สภ.เมืองพัทยา', abbr: 'PTY', lat: 12.929, lon: 100.879, radiusKm: 5, backgroundPerMonth: 60, trendPerYear: 0.03, tourism: 1.5, noCoordShare: 0.04 },
  { name_th: 'สภ.เมืองระยอง', abbr: 'RYG', lat: 12.681, lon: 101.275, radiusKm: 4.5, backgroundPerMonth: 34, trendPerYear: -0.02, tourism: 0.3, noCoordShare: 0.05 },
  { name_th: 'สภ.เมืองปราจีนบุรี', abbr: 'PRI', lat: 14.05, lon: 101.37, radiusKm: 4, backgroundPerMonth: 18, trendPerYear: -0.01, tourism: 0, noCoordShare: 0.06 },
  { name_th: 'สภ.ปากช่อง', abbr: 'PCH', lat: 14.707, lon: 101.416, radiusKm: 5, backgroundPerMonth: 26, trendPerYear: 0.01, tourism: 0.8, noCoordShare: 0.07 },
  { name_th: 'สภ.เมืองอุดรธานี', abbr: 'UDN', lat: 17.415, lon: 102.787, radiusKm: 4.5, backgroundPerMonth: 41, trendPerYear: -0.02, tourism: 0.1, noCoordShare: 0.04 },
  { name_th: 'สภ.เมืองเชียงใหม่', abbr: 'CMI', lat: 18.788, lon: 98.986, radiusKm: 4, backgroundPerMonth: 53, trendPerYear: 0.02, tourism: 1.2, noCoordShare: 0.03 },
  { name_th: 'สภ.เมืองพิษณุโลก', abbr: 'PLK', lat: 16.826, lon: 100.262, radiusKm: 4, backgroundPerMonth: 29, trendPerYear: -0.03, tourism: 0.1, noCoordShare: 0.05 },
  { name_th: 'สภ.เมืองราชบุรี', abbr: 'RBR', lat: 13.536, lon: 99.817, radiusKm: 4, backgroundPerMonth: 22, trendPerYear: 0.02, tourism: 0, noCoordShare: 0.06 },
  { name_th: 'สภ.เมืองภูเก็ต', abbr: 'PKT', lat: 7.884, lon: 98.39, radiusKm: 4, backgroundPerMonth: 38, trendPerYear: 0.02, tourism: 1.5, noCoordShare: 0.04 },
  { name_th: 'สภ.หาดใหญ่', abbr: 'HDY', lat: 7.006, lon: 100.47, radiusKm: 4, backgroundPerMonth: 60, trendPerYear: -0.01, tourism: 0.9, noCoordShare: 0.05 },
  { name_th: 'สภ.เมืองสงขลา', abbr: 'SKA', lat: 7.2, lon: 100.595, radiusKm: 4, backgroundPerMonth: 26, trendPerYear: -0.02, tourism: 0.8, noCoordShare: 0.05 },
  { name_th: 'สภ.เมืองลำพูน', abbr: 'LPH', lat: 18.578, lon: 99.008, radiusKm: 4, backgroundPerMonth: 16, trendPerYear: -0.02, tourism: 0.1, noCoordShare: 0.06 },
  { name_th: 'สภ.เมืองเพชรบูรณ์', abbr: 'PNB', lat: 16.419, lon: 101.159, radiusKm: 4, backgroundPerMonth: 20, trendPerYear: -0.01, tourism: 0.1, noCoordShare: 0, countsOnly: true },
];

const labelRaw = 'label' as const;
const numberRaw = 'number' as const;

export const DEMO_ZONES: readonly DemoZoneSpec[] = [
  {
    id: 'Z-LPN-01', station: 'สน.ลุมพินี', name_th: 'ย่านซอยนานา–ถนนสุขุมวิทตอนต้น', name_en: 'Nana and lower Sukhumvit Road',
    kind: 'night_street', criteria: 'risk', start: '2021-03-01', population: 6800, municipality: 'กรุงเทพมหานคร',
    shape: { lat: 13.7405, lon: 100.555, areaKm2: 0.38, aspect: 2.2, rotationDeg: 10, vertices: 7 },
    crime: { perMonth: 21, effect: -0.34, rampMonths: 6 }, ring: { perMonth: 12, effect: -0.25 },
    survey: { fear: [0.52, 0.31], trust: [0.7, 0.86], n: 260, weighted: true, raw: labelRaw },
  },
  {
    id: 'Z-LPN-02', station: 'สน.ลุมพินี', name_th: 'สวนลุมพินีและถนนสารสิน', name_en: 'Lumphini Park and Sarasin Road',
    kind: 'community', criteria: 'landmark', start: '2022-02-14', population: 2400, municipality: 'กรุงเทพมหานคร',
    shape: { lat: 13.731, lon: 100.5418, areaKm2: 0.62, aspect: 1.3, rotationDeg: 80, vertices: 6 },
    crime: { perMonth: 13, effect: -0.38, rampMonths: 5 }, ring: { perMonth: 8, effect: -0.25 },
    survey: { fear: [0.45, 0.27], trust: [0.74, 0.88], n: 180, weighted: false, raw: numberRaw },
  },
  {
    id: 'Z-HKW-01', station: 'สน.ห้วยขวาง', name_th: 'ตลาดนัดรถไฟรัชดา', name_en: 'Ratchada Train Night Market',
    kind: 'market', criteria: 'economic', start: '2021-04-01', population: 3100, municipality: 'กรุงเทพมหานคร',
    shape: { lat: 13.7665, lon: 100.5695, areaKm2: 0.3, aspect: 1.5, rotationDeg: 35, vertices: 6 },
    crime: { perMonth: 18, effect: 0.25, rampMonths: 6 }, ring: { perMonth: 10, effect: 0.05 },
    survey: { fear: [0.5, 0.47], trust: [0.68, 0.73], n: 220, weighted: false, raw: labelRaw },
  },
  {
    id: 'Z-PSC-01', station: 'สน.ภาษีเจริญ', name_th: 'ย่านตลาดบางหว้า', name_en: 'Bang Wa market area',
    kind: 'market', criteria: 'economic', start: '2021-05-17', population: 5200, municipality: 'กรุงเทพมหานคร',
    shape: { lat: 13.7205, lon: 100.4575, areaKm2: 0.42, aspect: 1.4, rotationDeg: -20, vertices: 7 },
    crime: { perMonth: 14, effect: -0.34, rampMonths: 6 }, ring: { perMonth: 8, effect: -0.25 },
    survey: { fear: [0.48, 0.47], trust: [0.62, 0.74], n: 200, weighted: false, raw: numberRaw },
  },
  {
    id: 'Z-PKK-01', station: 'สภ.ปากเกร็ด', name_th: 'ตลาดปากเกร็ดและท่าน้ำปากเกร็ด', name_en: 'Pak Kret market and pier',
    kind: 'market', criteria: 'economic', start: '2021-03-15', population: 3900, municipality: 'เทศบาลนครปากเกร็ด',
    shape: { lat: 13.912, lon: 100.499, areaKm2: 0.3, aspect: 1.6, rotationDeg: 70, vertices: 6 },
    crime: { perMonth: 13, effect: -0.36, rampMonths: 6 }, ring: { perMonth: 8, effect: -0.25 },
    survey: { fear: [0.44, 0.3], trust: [0.72, 0.86], n: 170, weighted: false, raw: labelRaw },
  },
  {
    id: 'Z-SPK-01', station: 'สภ.เมืองสมุทรปราการ', name_th: 'ตลาดปากน้ำและท่าเรือข้ามฟาก', name_en: 'Pak Nam market and ferry pier',
    kind: 'market', criteria: 'risk', start: '2021-06-01', population: 4300, municipality: 'เทศบาลนครสมุทรปราการ',
    shape: { lat: 13.599, lon: 100.5985, areaKm2: 0.35, aspect: 1.7, rotationDeg: 100, vertices: 7 },
    crime: { perMonth: 13, effect: -0.31, rampMonths: 8 }, ring: { perMonth: 8, effect: -0.25 },
    survey: { fear: [0.55, 0.5], trust: [0.65, 0.86], n: 150, weighted: false, raw: labelRaw },
  },
  {
    id: 'Z-PTY-01', station: 'สภ.เมืองพัทยา', name_th: 'ถนนคนเดินพัทยา (วอล์กกิ้งสตรีท)', name_en: 'Pattaya Walking Street',
    kind: 'night_street', criteria: 'risk', start: '2021-02-01', population: 1800, municipality: 'เมืองพัทยา',
    shape: { lat: 12.9255, lon: 100.8725, areaKm2: 0.24, aspect: 3, rotationDeg: 95, vertices: 6 },
    crime: { perMonth: 26, effect: 0.2, rampMonths: 6 }, ring: { perMonth: 12, effect: 0.05 },
    survey: { fear: [0.58, 0.49], trust: [0.64, 0.86], n: 300, weighted: false, raw: numberRaw },
  },
  {
    id: 'Z-PTY-02', station: 'สภ.เมืองพัทยา', name_th: 'ชายหาดจอมเทียน', name_en: 'Jomtien Beach',
    kind: 'tourist_strip', criteria: 'landmark', start: '2022-03-01', population: 12600, municipality: 'เมืองพัทยา',
    shape: { lat: 12.886, lon: 100.8705, areaKm2: 1.6, aspect: 4.5, rotationDeg: 100, vertices: 8 },
    crime: { perMonth: 20, effect: -0.36, rampMonths: 6 }, ring: { perMonth: 10, effect: -0.25 },
    survey: { fear: [0.47, 0.31], trust: [0.71, 0.86], n: 380, weighted: true, raw: labelRaw },
  },
  {
    id: 'Z-RYG-01', station: 'สภ.เมืองระยอง', name_th: 'สถานีขนส่งผู้โดยสารจังหวัดระยอง', name_en: 'Rayong bus terminal',
    kind: 'bus_terminal', criteria: 'economic', start: '2021-07-01', population: 1500, municipality: 'เทศบาลนครระยอง',
    shape: { lat: 12.6835, lon: 101.27, areaKm2: 0.26, aspect: 1.3, rotationDeg: 15, vertices: 5 },
    crime: { perMonth: 13, effect: -0.36, rampMonths: 6 }, ring: { perMonth: 8, effect: -0.25 },
    survey: { fear: [0.5, 0.46], trust: [0.7, 0.86], n: 140, weighted: false, raw: numberRaw },
  },
  {
    id: 'Z-PRI-01', station: 'สภ.เมืองปราจีนบุรี', name_th: 'ย่านโรงเรียนและหอพักนักเรียน ในเมืองปราจีนบุรี', name_en: 'School and dormitory block, Prachin Buri town',
    kind: 'school_block', criteria: 'risk', start: '2021-08-16', population: 2900, municipality: 'เทศบาลเมืองปราจีนบุรี',
    shape: { lat: 14.0535, lon: 101.3725, areaKm2: 0.5, aspect: 1.2, rotationDeg: 0, vertices: 6 },
    crime: { perMonth: 12, effect: -0.38, rampMonths: 6 }, ring: { perMonth: 6, effect: -0.25 },
    survey: { fear: [0.46, 0.32], trust: [0.7, 0.85], n: 120, weighted: false, raw: labelRaw, latestWaveN: 26 },
  },
  {
    id: 'Z-PCH-01', station: 'สภ.ปากช่อง', name_th: 'ตลาดโต้รุ่งปากช่อง', name_en: 'Pak Chong night market',
    kind: 'market', criteria: 'economic', start: '2021-05-01', population: 2600, municipality: 'เทศบาลเมืองปากช่อง',
    shape: { lat: 14.7065, lon: 101.4165, areaKm2: 0.28, aspect: 2.4, rotationDeg: 30, vertices: 6 },
    crime: { perMonth: 13, effect: -0.31, rampMonths: 6 }, ring: { perMonth: 8, effect: -0.25 },
    survey: { fear: [0.46, 0.3], trust: [0.69, 0.86], n: 160, weighted: false, raw: labelRaw },
  },
  {
    id: 'Z-UDN-01', station: 'สภ.เมืองอุดรธานี', name_th: 'ยูดีทาวน์และตลาดเทศบาลนครอุดรธานี', name_en: 'UD Town and central market',
    kind: 'market', criteria: 'economic', start: '2021-04-19', population: 5600, municipality: 'เทศบาลนครอุดรธานี',
    shape: { lat: 17.4085, lon: 102.7985, areaKm2: 0.55, aspect: 1.5, rotationDeg: 60, vertices: 7 },
    crime: { perMonth: 17, effect: -0.34, rampMonths: 6 }, ring: { perMonth: 9, effect: -0.25 },
    survey: { fear: [0.51, 0.31], trust: [0.67, 0.74], n: 280, weighted: true, raw: numberRaw },
  },
  {
    id: 'Z-UDN-02', station: 'สภ.เมืองอุดรธานี', name_th: 'สวนสาธารณะหนองประจักษ์ศิลปาคม', name_en: 'Nong Prajak Park',
    kind: 'community', criteria: 'landmark', start: '2022-06-01', population: 3300, municipality: 'เทศบาลนครอุดรธานี',
    shape: { lat: 17.419, lon: 102.7795, areaKm2: 0.6, aspect: 1.2, rotationDeg: 45, vertices: 7 },
    crime: { perMonth: 12, effect: 0.27, rampMonths: 6 }, ring: { perMonth: 6, effect: 0.05 },
    survey: { fear: [0.4, 0.29], trust: [0.75, 0.87], n: 150, weighted: false, raw: labelRaw },
  },
  {
    id: 'Z-CMI-01', station: 'สภ.เมืองเชียงใหม่', name_th: 'ประตูท่าแพและถนนคนเดินวันอาทิตย์', name_en: 'Tha Phae Gate and Sunday Walking Street',
    kind: 'tourist_strip', criteria: 'landmark', start: '2021-03-01', population: 4100, municipality: 'เทศบาลนครเชียงใหม่',
    shape: { lat: 18.7875, lon: 98.9915, areaKm2: 0.34, aspect: 1.8, rotationDeg: 0, vertices: 7 },
    crime: { perMonth: 18, effect: -0.36, rampMonths: 6 }, ring: { perMonth: 10, effect: -0.25 },
    survey: {
      fear: [0.45, 0.3], trust: [0.73, 0.87], n: 240, weighted: false, raw: labelRaw,
      optIn: { perWave: [520, 940], fear: 0.55, trust: 0.62 },
    },
  },
  {
    id: 'Z-CMI-02', station: 'สภ.เมืองเชียงใหม่', name_th: 'ไนท์บาซาร์ ถนนช้างคลาน', name_en: 'Night Bazaar, Chang Khlan Road',
    kind: 'night_street', criteria: 'economic', start: '2022-01-10', population: 2700, municipality: 'เทศบาลนครเชียงใหม่',
    shape: { lat: 18.7855, lon: 99.0008, areaKm2: 0.3, aspect: 2.6, rotationDeg: 90, vertices: 6 },
    crime: { perMonth: 17, effect: -0.31, rampMonths: 6 }, ring: { perMonth: 9, effect: -0.25 },
    survey: { fear: [0.49, 0.47], trust: [0.7, 0.73], n: 210, weighted: false, raw: numberRaw },
  },
  {
    id: 'Z-PLK-01', station: 'สภ.เมืองพิษณุโลก', name_th: 'ชุมชนบ้านคลอง', name_en: 'Ban Khlong community',
    kind: 'community', criteria: 'risk', start: '2022-07-16', population: 4589, municipality: 'เทศบาลนครพิษณุโลก',
    shape: { lat: 16.8135, lon: 100.2535, areaKm2: 2, aspect: 1.3, rotationDeg: 120, vertices: 8 },
    crime: { perMonth: 16, effect: -0.42, rampMonths: 6 }, ring: { perMonth: 9, effect: -0.25 },
    survey: { fear: [0.53, 0.31], trust: [0.69, 0.86], n: 320, weighted: true, raw: labelRaw },
  },
  {
    id: 'Z-RBR-01', station: 'สภ.เมืองราชบุรี', name_th: 'ตลาดริมน้ำแม่กลองและถนนคนเดินราชบุรี', name_en: 'Mae Klong riverside market and walking street',
    kind: 'market', criteria: 'landmark', start: '2021-09-01', population: 3400, municipality: 'เทศบาลเมืองราชบุรี',
    shape: { lat: 13.5375, lon: 99.8165, areaKm2: 0.3, aspect: 2, rotationDeg: 75, vertices: 6 },
    crime: { perMonth: 12, effect: 0.23, rampMonths: 6 }, ring: { perMonth: 6, effect: 0.04 },
    survey: { fear: [0.47, 0.3], trust: [0.71, 0.86], n: 130, weighted: false, raw: numberRaw },
  },
  {
    id: 'Z-PKT-01', station: 'สภ.เมืองภูเก็ต', name_th: 'ย่านเมืองเก่าภูเก็ต (ถนนถลาง)', name_en: 'Phuket Old Town (Thalang Road)',
    kind: 'tourist_strip', criteria: 'landmark', start: '2021-02-15', population: 3700, municipality: 'เทศบาลนครภูเก็ต',
    shape: { lat: 7.8845, lon: 98.3875, areaKm2: 0.45, aspect: 1.6, rotationDeg: 5, vertices: 7 },
    crime: { perMonth: 14, effect: -0.32, rampMonths: 6 }, ring: { perMonth: 9, effect: -0.25 },
    survey: { fear: [0.42, 0.28], trust: [0.76, 0.88], n: 260, weighted: true, raw: labelRaw },
  },
  {
    id: 'Z-PKT-02', station: 'สภ.เมืองภูเก็ต', name_th: 'สถานีขนส่งผู้โดยสารจังหวัดภูเก็ต แห่งที่ 1', name_en: 'Phuket bus terminal 1',
    kind: 'bus_terminal', criteria: 'economic', start: '2022-04-01', population: 1200, municipality: 'เทศบาลนครภูเก็ต',
    shape: { lat: 7.8865, lon: 98.398, areaKm2: 0.2, aspect: 1.4, rotationDeg: 60, vertices: 5 },
    crime: { perMonth: 12, effect: -0.31, rampMonths: 6 }, ring: { perMonth: 6, effect: -0.25 },
    survey: { fear: [0.52, 0.48], trust: [0.66, 0.72], n: 120, weighted: false, raw: numberRaw },
  },
  {
    id: 'Z-HDY-01', station: 'สภ.หาดใหญ่', name_th: 'ย่านตลาดกิมหยง–ตลาดคลองถม', name_en: 'Kim Yong and Khlong Thom markets',
    kind: 'market', criteria: 'risk', start: '2021-03-01', population: 5900, municipality: 'เทศบาลนครหาดใหญ่',
    shape: { lat: 7.006, lon: 100.4705, areaKm2: 0.4, aspect: 1.5, rotationDeg: 60, vertices: 7 },
    crime: { perMonth: 25, effect: -0.44, rampMonths: 5 }, ring: { perMonth: 12, effect: 0.65 },
    survey: { fear: [0.55, 0.31], trust: [0.68, 0.86], n: 350, weighted: true, raw: labelRaw },
  },
  {
    id: 'Z-HDY-02', station: 'สภ.หาดใหญ่', name_th: 'สถานีขนส่งผู้โดยสารหาดใหญ่', name_en: 'Hat Yai bus terminal',
    kind: 'bus_terminal', criteria: 'economic', start: '2021-10-01', population: 1600, municipality: 'เทศบาลนครหาดใหญ่',
    shape: { lat: 6.993, lon: 100.483, areaKm2: 0.25, aspect: 1.3, rotationDeg: 20, vertices: 6 },
    crime: { perMonth: 12, effect: -0.34, rampMonths: 6 }, ring: { perMonth: 6, effect: -0.25 },
    survey: { fear: [0.5, 0.48], trust: [0.7, 0.86], n: 160, weighted: false, raw: numberRaw },
  },
  {
    id: 'Z-HDY-03', station: 'สภ.หาดใหญ่', name_th: 'ย่านโรงเรียนและหอพักนักศึกษา ถนนเพชรเกษม', name_en: 'School and dormitory block, Phetkasem Road',
    kind: 'school_block', criteria: 'risk', start: '2022-05-16', population: 3800, municipality: 'เทศบาลนครหาดใหญ่',
    shape: { lat: 7.0185, lon: 100.4695, areaKm2: 0.55, aspect: 1.4, rotationDeg: 100, vertices: 7 },
    crime: { perMonth: 12, effect: 0.3, rampMonths: 6 }, ring: { perMonth: 6, effect: 0.06 },
    survey: { fear: [0.48, 0.52], trust: [0.66, 0.7], n: 190, weighted: false, raw: labelRaw },
  },
  {
    id: 'Z-SKA-01', station: 'สภ.เมืองสงขลา', name_th: 'หาดสมิหลา', name_en: 'Samila Beach',
    kind: 'tourist_strip', criteria: 'landmark', start: '2022-01-15', population: 2100, municipality: 'เทศบาลนครสงขลา',
    shape: { lat: 7.2175, lon: 100.5945, areaKm2: 0.6, aspect: 3.6, rotationDeg: 115, vertices: 7 },
    crime: { perMonth: 12, effect: -0.38, rampMonths: 6 }, ring: { perMonth: 6, effect: -0.25 },
    survey: { fear: [0.38, 0.26], trust: [0.78, 0.89], n: 200, weighted: true, raw: numberRaw },
  },
  {
    id: 'Z-LPH-01', station: 'สภ.เมืองลำพูน', name_th: 'ย่านตลาดหนองดอก–วัดพระธาตุหริภุญชัย', name_en: 'Nong Dok market and Wat Phra That Hariphunchai',
    kind: 'market', criteria: 'landmark', start: '2021-06-01', population: 3000, municipality: 'เทศบาลเมืองลำพูน',
    shape: { lat: 18.5775, lon: 99.0065, areaKm2: 0.4, aspect: 1.3, rotationDeg: 90, vertices: 6 },
    crime: { perMonth: 12, effect: -0.36, rampMonths: 6 }, ring: { perMonth: 6, effect: -0.25 },
    survey: { fear: [0.41, 0.3], trust: [0.76, 0.87], n: 140, weighted: false, raw: labelRaw },
  },
  {
    id: 'Z-PNB-01', station: 'สภ.เมืองเพชรบูรณ์', name_th: 'ตลาดสดเทศบาลเมืองเพชรบูรณ์', name_en: 'Phetchabun municipal market',
    kind: 'market', criteria: 'economic', start: '2022-02-01', population: 3600, municipality: 'เทศบาลเมืองเพชรบูรณ์',
    shape: { lat: 16.419, lon: 101.1585, areaKm2: 0.35, aspect: 1.5, rotationDeg: 10, vertices: 6 },
    crime: { perMonth: 13, effect: -0.36, rampMonths: 6 }, ring: { perMonth: 0, effect: 0 },
    survey: { fear: [0.46, 0.31], trust: [0.72, 0.86], n: 150, weighted: false, raw: numberRaw },
  },
];

/** Who plays which part in the demo's story (tests and docs read this). */
export const DEMO_ROLES = {
  /** Incidents in the 500 m ring rise after the start while the zone falls. */
  displacementZone: 'Z-HDY-01',
  /** Latest wave has fewer than 30 valid answers. */
  tooFewAnswersZone: 'Z-PRI-01',
  /** Opt-in (QR code) answers beside the probability samples. */
  optInZone: 'Z-CMI-01',
  /** Reports monthly counts only: no incident rows. */
  countsOnlyStation: 'สภ.เมืองเพชรบูรณ์',
} as const;

export const DEMO_PARTNERS: readonly DemoPartnerSpec[] = [
  { station: 'สน.ลุมพินี', zone_id: 'Z-LPN-01', partner: 'สมาคมผู้ประกอบการย่านสุขุมวิทตอนต้น', partner_type: 'private', mou_date: '2021-02-15', cctv: 36, volunteers: 12, vehicles: 0, budget_thb: 1_200_000 },
  { station: 'สน.ลุมพินี', zone_id: 'Z-LPN-02', partner: 'สำนักงานเขตปทุมวัน กรุงเทพมหานคร', partner_type: 'municipality', mou_date: '2022-01-20', cctv: 24, volunteers: 20, vehicles: 1, budget_thb: 850_000 },
  { station: 'สน.ห้วยขวาง', zone_id: 'Z-HKW-01', partner: 'สำนักงานเขตห้วยขวาง กรุงเทพมหานคร', partner_type: 'municipality', mou_date: '2021-03-12', cctv: 18, volunteers: 15, vehicles: 1, budget_thb: 600_000 },
  { station: 'สน.ห้วยขวาง', zone_id: 'Z-HKW-01', partner: 'ชมรมผู้ค้าตลาดนัดรถไฟรัชดา', partner_type: 'private', mou_date: '2021-03-12', cctv: 12, volunteers: 30, vehicles: 0, budget_thb: 150_000 },
  { station: 'สน.ภาษีเจริญ', zone_id: 'Z-PSC-01', partner: 'สำนักงานเขตภาษีเจริญ กรุงเทพมหานคร', partner_type: 'municipality', mou_date: '2021-04-28', cctv: 16, volunteers: 18, vehicles: 1, budget_thb: 500_000 },
  { station: 'สน.ภาษีเจริญ', zone_id: null, partner: 'เครือข่ายชุมชนริมคลองภาษีเจริญ', partner_type: 'community', mou_date: '2021-04-28', cctv: null, volunteers: 45, vehicles: null, budget_thb: null },
  { station: 'สภ.ปากเกร็ด', zone_id: 'Z-PKK-01', partner: 'เทศบาลนครปากเกร็ด', partner_type: 'municipality', mou_date: '2021-02-24', cctv: 28, volunteers: 25, vehicles: 2, budget_thb: 1_500_000 },
  { station: 'สภ.ปากเกร็ด', zone_id: null, partner: 'องค์การบริหารส่วนจังหวัดนนทบุรี', partner_type: 'PAO', mou_date: '2021-02-24', cctv: 40, volunteers: null, vehicles: 1, budget_thb: 2_000_000 },
  { station: 'สภ.เมืองสมุทรปราการ', zone_id: 'Z-SPK-01', partner: 'เทศบาลนครสมุทรปราการ', partner_type: 'municipality', mou_date: '2021-05-11', cctv: 20, volunteers: 16, vehicles: 1, budget_thb: 700_000 },
  { station: 'สภ.เมืองพัทยา', zone_id: 'Z-PTY-01', partner: 'เมืองพัทยา', partner_type: 'municipality', mou_date: '2021-01-18', cctv: 60, volunteers: 40, vehicles: 3, budget_thb: 3_200_000 },
  { station: 'สภ.เมืองพัทยา', zone_id: 'Z-PTY-01', partner: 'สมาคมธุรกิจท่องเที่ยวพัทยา', partner_type: 'private', mou_date: '2021-01-18', cctv: 25, volunteers: 20, vehicles: 0, budget_thb: 900_000 },
  { station: 'สภ.เมืองพัทยา', zone_id: 'Z-PTY-02', partner: 'ชมรมผู้ประกอบการชายหาดจอมเทียน', partner_type: 'private', mou_date: '2022-02-08', cctv: 22, volunteers: 24, vehicles: 1, budget_thb: 650_000 },
  { station: 'สภ.เมืองระยอง', zone_id: 'Z-RYG-01', partner: 'เทศบาลนครระยอง', partner_type: 'municipality', mou_date: '2021-06-09', cctv: 14, volunteers: 12, vehicles: 1, budget_thb: 450_000 },
  { station: 'สภ.เมืองระยอง', zone_id: null, partner: 'องค์การบริหารส่วนจังหวัดระยอง', partner_type: 'PAO', mou_date: '2021-06-09', cctv: 30, volunteers: null, vehicles: 2, budget_thb: 1_800_000 },
  { station: 'สภ.เมืองปราจีนบุรี', zone_id: 'Z-PRI-01', partner: 'เทศบาลเมืองปราจีนบุรี', partner_type: 'municipality', mou_date: '2021-07-21', cctv: 10, volunteers: 14, vehicles: 0, budget_thb: 300_000 },
  { station: 'สภ.เมืองปราจีนบุรี', zone_id: 'Z-PRI-01', partner: 'เครือข่ายผู้ปกครองและครูย่านโรงเรียนในเมือง', partner_type: 'community', mou_date: '2021-07-21', cctv: null, volunteers: 35, vehicles: null, budget_thb: null },
  { station: 'สภ.ปากช่อง', zone_id: 'Z-PCH-01', partner: 'เทศบาลเมืองปากช่อง', partner_type: 'municipality', mou_date: '2021-04-07', cctv: 16, volunteers: 18, vehicles: 1, budget_thb: 520_000 },
  { station: 'สภ.เมืองอุดรธานี', zone_id: 'Z-UDN-01', partner: 'เทศบาลนครอุดรธานี', partner_type: 'municipality', mou_date: '2021-03-30', cctv: 32, volunteers: 22, vehicles: 2, budget_thb: 1_100_000 },
  { station: 'สภ.เมืองอุดรธานี', zone_id: 'Z-UDN-01', partner: 'ชมรมผู้ประกอบการยูดีทาวน์', partner_type: 'private', mou_date: '2021-03-30', cctv: 20, volunteers: 8, vehicles: 0, budget_thb: 400_000 },
  { station: 'สภ.เมืองอุดรธานี', zone_id: 'Z-UDN-02', partner: 'เครือข่ายชุมชนรอบหนองประจักษ์', partner_type: 'community', mou_date: '2022-05-10', cctv: null, volunteers: 40, vehicles: null, budget_thb: 60_000 },
  { station: 'สภ.เมืองเชียงใหม่', zone_id: 'Z-CMI-01', partner: 'เทศบาลนครเชียงใหม่', partner_type: 'municipality', mou_date: '2021-02-05', cctv: 38, volunteers: 30, vehicles: 2, budget_thb: 1_600_000 },
  { station: 'สภ.เมืองเชียงใหม่', zone_id: null, partner: 'องค์การบริหารส่วนจังหวัดเชียงใหม่', partner_type: 'PAO', mou_date: '2021-02-05', cctv: 50, volunteers: null, vehicles: 2, budget_thb: 2_500_000 },
  { station: 'สภ.เมืองเชียงใหม่', zone_id: 'Z-CMI-02', partner: 'ชมรมผู้ประกอบการไนท์บาซาร์เชียงใหม่', partner_type: 'private', mou_date: '2021-12-14', cctv: 18, volunteers: 10, vehicles: 0, budget_thb: 350_000 },
  { station: 'สภ.เมืองพิษณุโลก', zone_id: 'Z-PLK-01', partner: 'เทศบาลนครพิษณุโลก', partner_type: 'municipality', mou_date: '2022-06-24', cctv: 26, volunteers: 20, vehicles: 1, budget_thb: 800_000 },
  { station: 'สภ.เมืองพิษณุโลก', zone_id: 'Z-PLK-01', partner: 'เครือข่ายอาสาสมัครชุมชนบ้านคลอง', partner_type: 'community', mou_date: '2022-06-24', cctv: null, volunteers: 48, vehicles: null, budget_thb: null },
  { station: 'สภ.เมืองราชบุรี', zone_id: 'Z-RBR-01', partner: 'เทศบาลเมืองราชบุรี', partner_type: 'municipality', mou_date: '2021-08-11', cctv: 12, volunteers: 15, vehicles: 1, budget_thb: 380_000 },
  { station: 'สภ.เมืองภูเก็ต', zone_id: 'Z-PKT-01', partner: 'เทศบาลนครภูเก็ต', partner_type: 'municipality', mou_date: '2021-01-27', cctv: 34, volunteers: 26, vehicles: 2, budget_thb: 1_400_000 },
  { station: 'สภ.เมืองภูเก็ต', zone_id: null, partner: 'หอการค้าจังหวัดภูเก็ต', partner_type: 'private', mou_date: '2021-01-27', cctv: 20, volunteers: null, vehicles: 1, budget_thb: 1_000_000 },
  { station: 'สภ.เมืองภูเก็ต', zone_id: 'Z-PKT-02', partner: 'องค์การบริหารส่วนจังหวัดภูเก็ต', partner_type: 'PAO', mou_date: '2022-03-15', cctv: 16, volunteers: 10, vehicles: 1, budget_thb: 750_000 },
  { station: 'สภ.หาดใหญ่', zone_id: 'Z-HDY-01', partner: 'เทศบาลนครหาดใหญ่ (ศูนย์ City Cop)', partner_type: 'municipality', mou_date: '2021-02-10', cctv: 64, volunteers: 36, vehicles: 4, budget_thb: 2_800_000 },
  { station: 'สภ.หาดใหญ่', zone_id: 'Z-HDY-01', partner: 'ชมรมผู้ค้าตลาดกิมหยง', partner_type: 'private', mou_date: '2021-02-10', cctv: 15, volunteers: 22, vehicles: 0, budget_thb: 200_000 },
  { station: 'สภ.หาดใหญ่', zone_id: 'Z-HDY-03', partner: 'เครือข่ายหอพักและสถานศึกษาถนนเพชรเกษม', partner_type: 'community', mou_date: '2022-04-29', cctv: 8, volunteers: 30, vehicles: null, budget_thb: 90_000 },
  { station: 'สภ.เมืองสงขลา', zone_id: null, partner: 'องค์การบริหารส่วนจังหวัดสงขลา', partner_type: 'PAO', mou_date: '2021-12-03', cctv: 40, volunteers: 20, vehicles: 2, budget_thb: 2_200_000 },
  { station: 'สภ.เมืองสงขลา', zone_id: 'Z-SKA-01', partner: 'เทศบาลนครสงขลา', partner_type: 'municipality', mou_date: '2021-12-03', cctv: 18, volunteers: 16, vehicles: 1, budget_thb: 600_000 },
  { station: 'สภ.เมืองลำพูน', zone_id: null, partner: 'องค์การบริหารส่วนจังหวัดลำพูน', partner_type: 'PAO', mou_date: '2021-05-06', cctv: 30, volunteers: 25, vehicles: 2, budget_thb: 1_500_000 },
  { station: 'สภ.เมืองลำพูน', zone_id: 'Z-LPH-01', partner: 'เทศบาลเมืองลำพูน', partner_type: 'municipality', mou_date: '2021-05-06', cctv: 12, volunteers: 14, vehicles: 1, budget_thb: 400_000 },
  { station: 'สภ.เมืองเพชรบูรณ์', zone_id: null, partner: 'สำนักงานจังหวัดเพชรบูรณ์', partner_type: 'DLA', mou_date: '2022-01-21', cctv: 10, volunteers: null, vehicles: 1, budget_thb: 500_000 },
  { station: 'สภ.เมืองเพชรบูรณ์', zone_id: null, partner: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเพชรบูรณ์', partner_type: 'DLA', mou_date: '2022-01-21', cctv: 14, volunteers: 20, vehicles: null, budget_thb: 700_000 },
  { station: 'สภ.เมืองเพชรบูรณ์', zone_id: 'Z-PNB-01', partner: 'เทศบาลเมืองเพชรบูรณ์', partner_type: 'municipality', mou_date: '2022-01-21', cctv: 12, volunteers: 18, vehicles: 1, budget_thb: 450_000 },
];

/** Offence types drawn for incidents (Thai names of data/reference/offence-types.csv), by group, with relative weights. */
export const DEMO_CRIME_TYPES: Readonly<Record<CrimeGroup, readonly (readonly [string, number])[]>> = {
  1: [
    ['ทำร้ายร่างกาย', 70],
    ['กระทำอนาจาร', 13],
    ['พยายามฆ่า', 8],
    ['ข่มขืนกระทำชำเรา', 5],
    ['ฆ่าผู้อื่น', 3],
  ],
  2: [
    ['ลักทรัพย์', 50],
    ['ลักรถจักรยานยนต์', 12],
    ['ฉ้อโกง', 10],
    ['วิ่งราวทรัพย์', 9],
    ['ยักยอกทรัพย์', 5],
    ['ทำให้เสียทรัพย์', 5],
    ['ชิงทรัพย์', 4],
    ['ลักรถยนต์', 1.5],
    ['รับของโจร', 1.5],
    ['ชิงทรัพย์ (บาดเจ็บ)', 1],
    ['กรรโชกทรัพย์', 0.5],
    ['ปล้นทรัพย์', 0.4],
  ],
  3: [
    ['ฉ้อโกงทางคอมพิวเตอร์', 55],
    ['ความผิดตาม พ.ร.บ.คอมพิวเตอร์', 20],
    ['ความผิดเกี่ยวกับทรัพย์สินทางปัญญา', 13],
    ['ความผิดเกี่ยวกับการคุ้มครองผู้บริโภค', 12],
  ],
  4: [
    ['ยาเสพติด', 72],
    ['การพนัน', 12],
    ['อาวุธปืน', 7],
    ['ความผิดตาม พ.ร.บ.คนเข้าเมือง', 5],
    ['ค้าประเวณี', 4],
  ],
};

/** Share of each group among incidents, by place kind ('area' = the station outside its hot spots). */
export const GROUP_MIX: Readonly<Record<ZoneKind | 'area', readonly [number, number, number, number]>> = {
  market: [0.1, 0.62, 0.08, 0.2],
  night_street: [0.18, 0.48, 0.06, 0.28],
  bus_terminal: [0.12, 0.62, 0.08, 0.18],
  school_block: [0.14, 0.56, 0.12, 0.18],
  tourist_strip: [0.1, 0.6, 0.12, 0.18],
  community: [0.16, 0.5, 0.1, 0.24],
  area: [0.13, 0.5, 0.14, 0.23],
};
