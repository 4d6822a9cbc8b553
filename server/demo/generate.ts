/**
 * The built-in demo programme: a pure, deterministic generator. Same seed and stations in, the same
 * rows out, on any machine and any day (no Math.random, no clock, no host time zone).
 *
 * What it tells (see spec.ts for the script, README.md for the story):
 * - 18 stations, 25 zones at real places; data for the whole months 2020-01 .. the month before
 *   `today` in Bangkok (today is a parameter: the generator never reads the clock).
 * - Incidents: a station-wide scatter (the comparison area) with the zones as hot spots and a halo
 *   in each zone's 500 m ring; seasonality (Dec-Jan high season, Songkran in April, stronger in
 *   tourist towns); online fraud (group 3) rising; after a zone's start its groups 1-3 change by the
 *   zone's effect (most fall, some rise) while drug and other state-as-victim arrests (group 4) rise
 *   with enforcement.
 * - One station reports monthly counts only; one zone's ring rises after its start (displacement).
 * - Survey waves: 'baseline' before the start, then one wave a quarter labelled by Thai fiscal
 *   quarter in Buddhist Era: '2565-Q1' = Oct-Dec 2021 (FY 2565 runs 1 Oct 2021 - 30 Sep 2022).
 *   Fieldwork falls in the first 20 days of the quarter's last month.
 */
import { createHash } from 'node:crypto';
import { pointInRing } from '../geo/contains.ts';
import {
  expandBBox,
  haversineM,
  inBBox,
  METRES_PER_DEGREE,
  pointToRingM,
  ringAreaKm2,
  ringBBox,
} from '../geo/measure.ts';
import type { BBox } from '../geo/types.ts';
import { bangkokDate, lastCompleteMonth } from '../contracts/calendar.ts';
import { irregularPolygon, type LonLat, type Ring, randomPointInBuffer, randomPointInRing, round6 } from './geo.ts';
import { Rng } from '../random.ts';
import {
  type CrimeGroup,
  DEMO_CRIME_TYPES,
  DEMO_DONOR_STATIONS,
  DEMO_FIRST_MONTH,
  DEMO_PARTNERS,
  DEMO_ROLES,
  DEMO_SCRIPT_TODAY,
  DEMO_STATIONS,
  DEMO_ZONES,
  type DemoDonorSpec,
  type DemoStationSpec,
  type DemoZoneSpec,
  GROUP_MIX,
  type PartnerType,
  type ZoneCriteria,
  type ZoneKind,
} from './spec.ts';

export type { CrimeGroup, PartnerType, ZoneCriteria, ZoneKind } from './spec.ts';

/** What the generator needs of a reference station (structurally a subset of reference/load.ts Station). */
export interface StationRef {
  code: string;
  name_th: string;
  lat?: number | null;
  lon?: number | null;
}

export interface GenerateDemoOptions {
  seed: number;
  stations: readonly StationRef[];
  /** The day the demo is made on: its last month is the whole month before it (Asia/Bangkok). */
  today: Date;
}

export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: Ring[];
}

/** Row shapes: the table's columns without import_id (the loader adds it). Dates are 'YYYY-MM-DD'. */
export interface DemoZone {
  id: string;
  station_code: string;
  name_th: string;
  name_en: string;
  kind: ZoneKind;
  criteria: ZoneCriteria;
  start_date: string;
  population: number;
  area_km2: number;
  municipality: string;
  geometry: GeoJsonPolygon;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
}

export interface DemoPartner {
  zone_id: string | null;
  station_code: string;
  partner: string;
  partner_type: PartnerType;
  mou_date: string | null;
  cctv: number | null;
  volunteers: number | null;
  vehicles: number | null;
  budget_thb: number | null;
}

export interface DemoIncident {
  case_id: string;
  /** Bangkok wall-clock 'YYYY-MM-DD HH:MM:SS'. */
  occurred_at: string;
  /** First of the month, 'YYYY-MM-01'. */
  month: string;
  crime_type: string;
  crime_group: CrimeGroup;
  lat: number | null;
  lon: number | null;
  station_code: string;
  zone_id: string | null;
}

export interface DemoIncidentRing {
  zone_id: string;
  station_code: string;
  month: string;
  crime_group: CrimeGroup;
}

export interface DemoMonthlyCount {
  station_code: string;
  zone_id: string | null;
  month: string;
  crime_group: CrimeGroup;
  crime_type: string | null;
  cases: number;
}

export type AnswerStatus = 'valid' | 'blank' | 'dont_know' | 'refused' | 'missing' | 'out_of_range';
export type SampleType = 'probability' | 'opt_in';
export type AgeBand = '18-24' | '25-34' | '35-44' | '45-54' | '55-64' | '65+';

export interface DemoSurveyResponse {
  zone_id: string;
  surveyed_on: string;
  wave: string;
  sample_type: SampleType;
  fear_raw: string | null;
  fear_level: number | null;
  fear_status: AnswerStatus;
  fear_levels: number;
  trust_raw: string | null;
  trust_level: number | null;
  trust_status: AnswerStatus;
  trust_levels: number;
  weight: number;
  sex: 'male' | 'female' | null;
  age_band: AgeBand | null;
  codebook_id: number | null;
}

export interface DemoRoles {
  displacementZone: string;
  tooFewAnswersZone: string;
  optInZone: string;
  countsOnlyStation: { name_th: string; code: string };
  /** Station areas with no pilot zone: the synthetic control's donors (monthly counts only). */
  donorStations: { name_th: string; code: string }[];
}

export interface DemoData {
  seed: number;
  /** Data are whole months firstMonth..lastMonth; asOf is the Bangkok date of the `today` it was made for. */
  asOf: string;
  firstMonth: string;
  lastMonth: string;
  roles: DemoRoles;
  zones: DemoZone[];
  partners: DemoPartner[];
  incidents: DemoIncident[];
  incident_rings: DemoIncidentRing[];
  /** For each incident_rings row, the index in `incidents` of the incident lying in that ring (non-decreasing). */
  ringIncident: number[];
  monthly_counts: DemoMonthlyCount[];
  survey_responses: DemoSurveyResponse[];
}

/** Column order of each table in the content hash (and in the loader). */
export const DEMO_COLUMNS = {
  zones: [
    'id',
    'station_code',
    'name_th',
    'name_en',
    'kind',
    'criteria',
    'start_date',
    'population',
    'area_km2',
    'municipality',
    'geometry',
    'min_lon',
    'min_lat',
    'max_lon',
    'max_lat',
  ],
  partners: [
    'zone_id',
    'station_code',
    'partner',
    'partner_type',
    'mou_date',
    'cctv',
    'volunteers',
    'vehicles',
    'budget_thb',
  ],
  incidents: ['case_id', 'occurred_at', 'month', 'crime_type', 'crime_group', 'lat', 'lon', 'station_code', 'zone_id'],
  incident_rings: ['zone_id', 'station_code', 'month', 'crime_group'],
  monthly_counts: ['station_code', 'zone_id', 'month', 'crime_group', 'crime_type', 'cases'],
  survey_responses: [
    'zone_id',
    'surveyed_on',
    'wave',
    'sample_type',
    'fear_raw',
    'fear_level',
    'fear_status',
    'fear_levels',
    'trust_raw',
    'trust_level',
    'trust_status',
    'trust_levels',
    'weight',
    'sex',
    'age_band',
    'codebook_id',
  ],
} as const satisfies { [T in DemoTable]: readonly (keyof DemoRow<T>)[] };

export type DemoTable = 'zones' | 'partners' | 'incidents' | 'incident_rings' | 'monthly_counts' | 'survey_responses';
export type DemoRow<T extends DemoTable> = DemoData[T][number];

const DEMO_TABLES: readonly DemoTable[] = [
  'zones',
  'partners',
  'incidents',
  'incident_rings',
  'monthly_counts',
  'survey_responses',
];

/** The buffer ring around each zone for displacement (kpi.md default). */
export const RING_METRES = 500;

// ---------------------------------------------------------------------------------------------
// Calendar (pure arithmetic on year/month numbers; no Date parsing in the host's zone)

interface Month {
  index: number;
  year: number;
  /** 1..12 */
  month: number;
  key: string;
  days: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function parseYm(ym: string): [number, number] {
  const [y, m] = ym.split('-').map(Number);
  if (y === undefined || m === undefined || !Number.isInteger(y) || !Number.isInteger(m))
    throw new Error(`bad month ${ym}`);
  return [y, m];
}

function monthsBetween(first: string, last: string): Month[] {
  const [y0, m0] = parseYm(first);
  const [y1, m1] = parseYm(last);
  const out: Month[] = [];
  for (let i = 0, y = y0, m = m0; y < y1 || (y === y1 && m <= m1); i++) {
    out.push({ index: i, year: y, month: m, key: `${y}-${pad2(m)}-01`, days: daysIn(y, m) });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Day number since 1970-01-01 of a 'YYYY-MM-DD' date, and back. */
const dayNumber = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / 86_400_000);
};
const dateOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Thai fiscal quarter label in BE: Oct-Dec 2021 -> '2565-Q1'. */
export function fiscalQuarterLabel(year: number, month: number): string {
  const fiscalYear = month >= 10 ? year + 1 : year;
  const quarter = month >= 10 ? 1 : Math.floor((month - 1) / 3) + 2;
  return `${fiscalYear + 543}-Q${quarter}`;
}

/** Relative crime level by calendar month: high season Dec-Jan, Songkran in April, rainy-season low. */
const SEASON = [1.12, 1.03, 0.98, 1.1, 0.95, 0.9, 0.93, 0.94, 0.9, 0.96, 1.04, 1.15] as const;
const season = (month: number, tourism: number) => 1 + ((SEASON[month - 1] ?? 1) - 1) * (1 + tourism);

/** Relative likelihood of each hour of the day. */
const HOURS_DAY = [3, 2, 1.5, 1, 1, 1, 1.5, 2.5, 3.5, 4, 4.5, 5, 5, 5, 5, 5, 5.5, 6, 6.5, 6.5, 6, 5.5, 5, 4];
const HOURS_NIGHT = [6, 5, 4, 2.5, 1.5, 1, 0.8, 0.8, 1, 1.5, 2, 2.5, 3, 3, 3, 3, 3.5, 4, 5, 6.5, 8, 8.5, 8.5, 7.5];
const hourItems = (weights: number[]) => weights.map((w, h) => [h, w] as const);
const HOUR_ITEMS_DAY = hourItems(HOURS_DAY);
const HOUR_ITEMS_NIGHT = hourItems(HOURS_NIGHT);

const GROUPS: readonly CrimeGroup[] = [1, 2, 3, 4];
/** Online fraud and other special-law cases grow about 12% a year over the period. */
const GROUP3_GROWTH = 1.12;
/** State-as-victim arrests (drugs, gambling...) in a zone after its start: more policing, more arrests. */
const ENFORCEMENT_EFFECT = 0.25;

// ---------------------------------------------------------------------------------------------

interface PreparedZone {
  spec: DemoZoneSpec;
  row: DemoZone;
  ring: Ring;
  box: BBox;
  ringBox: BBox;
  startIndex: number;
}

const normName = (name: string) => name.replace(/\s+/g, '').normalize('NFC');

function resolveStations(stations: readonly StationRef[]): Map<string, StationRef> {
  const byName = new Map<string, StationRef>();
  for (const s of stations) byName.set(normName(s.name_th), s);
  const out = new Map<string, StationRef>();
  const missing: string[] = [];
  for (const spec of [...DEMO_STATIONS, ...DEMO_DONOR_STATIONS]) {
    const ref = byName.get(normName(spec.name_th));
    if (ref) out.set(spec.name_th, ref);
    else missing.push(spec.name_th);
  }
  if (missing.length > 0) throw new Error(`demo stations missing from the station registry: ${missing.join(', ')}`);
  return out;
}

function stationOf(map: Map<string, StationRef>, name: string): StationRef {
  const ref = map.get(name);
  if (!ref) throw new Error(`demo refers to unknown station ${name}`);
  return ref;
}

function prepareZones(stations: Map<string, StationRef>, months: Month[]): PreparedZone[] {
  return DEMO_ZONES.map((spec) => {
    // Outlines are part of the script, not of the seed: the same zones whatever the seed.
    const ring = irregularPolygon(spec.shape, Rng.derive(0, `geometry:${spec.id}`));
    const box = ringBBox(ring);
    const startKey = `${spec.start.slice(0, 7)}-01`;
    const startIndex = months.findIndex((m) => m.key === startKey);
    if (startIndex < 0) throw new Error(`${spec.id}: start ${spec.start} outside the data months`);
    const row: DemoZone = {
      id: spec.id,
      station_code: stationOf(stations, spec.station).code,
      name_th: spec.name_th,
      name_en: spec.name_en,
      kind: spec.kind,
      criteria: spec.criteria,
      start_date: spec.start,
      population: spec.population,
      area_km2: Math.round(ringAreaKm2(ring) * 1000) / 1000,
      municipality: spec.municipality,
      geometry: { type: 'Polygon', coordinates: [ring] },
      min_lon: box.minLon,
      min_lat: box.minLat,
      max_lon: box.maxLon,
      max_lat: box.maxLat,
    };
    return { spec, row, ring, box, ringBox: expandBBox(box, RING_METRES), startIndex };
  });
}

/** Progress of a zone's programme in month i: 0 before the start, ramping to 1. */
const ramp = (zone: PreparedZone, i: number) =>
  i < zone.startIndex ? 0 : Math.min(1, (i - zone.startIndex + 1) / zone.spec.crime.rampMonths);

/** Zone multiplier of one group in month i. */
function zoneEffect(effect: number, group: CrimeGroup, progress: number): number {
  return group === 4 ? 1 + ENFORCEMENT_EFFECT * progress : 1 + effect * progress;
}

const groupTrend = (group: CrimeGroup, i: number) => (group === 3 ? GROUP3_GROWTH ** (i / 12) : 1);

interface RawIncident {
  occurred_at: string;
  month: string;
  crime_type: string;
  crime_group: CrimeGroup;
  lat: number | null;
  lon: number | null;
  year: number;
}

function crimeType(rng: Rng, group: CrimeGroup): string {
  return rng.weighted(DEMO_CRIME_TYPES[group]);
}

function occurredAt(rng: Rng, m: Month, night: boolean): string {
  const day = rng.int(1, m.days);
  const hour = rng.weighted(night ? HOUR_ITEMS_NIGHT : HOUR_ITEMS_DAY);
  const minute = rng.int(0, 59);
  return `${m.year}-${pad2(m.month)}-${pad2(day)} ${pad2(hour)}:${pad2(minute)}:00`;
}

/** A point in the station's comparison area: mostly around the centre, some anywhere in the radius. */
function areaPoint(rng: Rng, centre: LonLat, radiusM: number): LonLat {
  const kx = METRES_PER_DEGREE * Math.cos((centre[1] * Math.PI) / 180);
  for (;;) {
    let x: number;
    let y: number;
    if (rng.chance(0.65)) {
      const sigma = radiusM / 2.5;
      x = rng.normal() * sigma;
      y = rng.normal() * sigma;
    } else {
      x = rng.uniform(-radiusM, radiusM);
      y = rng.uniform(-radiusM, radiusM);
    }
    if (x * x + y * y <= radiusM * radiusM) return [centre[0] + x / kx, centre[1] + y / METRES_PER_DEGREE];
  }
}

const NIGHT_KINDS: ReadonlySet<ZoneKind> = new Set(['night_street', 'tourist_strip', 'market']);
const TOURIST_KINDS: ReadonlySet<ZoneKind> = new Set(['night_street', 'tourist_strip']);

/** A whole-station monthly count of one group (a station's monthly return; no zone, no offence type). */
const stationCount = (
  station_code: string,
  month: string,
  crime_group: CrimeGroup,
  cases: number,
): DemoMonthlyCount => ({
  station_code,
  zone_id: null,
  month,
  crime_group,
  crime_type: null,
  cases,
});

interface StationOutput {
  incidents: DemoIncident[];
  rings: DemoIncidentRing[];
  /** For each ring row, the index in `incidents` of its incident. */
  ringOf: number[];
  counts: DemoMonthlyCount[];
}

function generateStation(
  seed: number,
  spec: DemoStationSpec,
  ref: StationRef,
  zones: PreparedZone[],
  months: Month[],
): StationOutput {
  const rng = Rng.derive(seed, `station:${spec.abbr}`);
  const centre: LonLat = [ref.lon ?? spec.lon, ref.lat ?? spec.lat];
  // The comparison area must hold the station's zones and their rings.
  let radiusM = spec.radiusKm * 1000;
  for (const z of zones) {
    const reach =
      haversineM(centre, [z.spec.shape.lon, z.spec.shape.lat]) + Math.sqrt(z.spec.shape.areaKm2) * 1000 + 1000;
    radiusM = Math.max(radiusM, reach);
  }

  const raw: RawIncident[] = [];
  const counts: DemoMonthlyCount[] = [];
  const add = (m: Month, group: CrimeGroup, point: LonLat | null, night: boolean) => {
    const located = point !== null && !rng.chance(spec.noCoordShare);
    raw.push({
      occurred_at: occurredAt(rng, m, night),
      month: m.key,
      crime_type: crimeType(rng, group),
      crime_group: group,
      lat: located ? round6(point[1]) : null,
      lon: located ? round6(point[0]) : null,
      year: m.year,
    });
  };

  for (const m of months) {
    const trend = (1 + spec.trendPerYear) ** (m.index / 12);
    const areaLevel = spec.backgroundPerMonth * season(m.month, spec.tourism) * trend * Math.exp(0.07 * rng.normal());
    const stationTotals = [0, 0, 0, 0];
    GROUPS.forEach((g, gi) => {
      const n = rng.poisson(areaLevel * (GROUP_MIX.area[gi] ?? 0) * groupTrend(g, m.index));
      stationTotals[gi] = (stationTotals[gi] ?? 0) + n;
      if (spec.countsOnly) return;
      for (let k = 0; k < n; k++) add(m, g, areaPoint(rng, centre, radiusM), false);
    });

    for (const z of zones) {
      const tourism = spec.tourism + (TOURIST_KINDS.has(z.spec.kind) ? 0.5 : 0);
      const progress = ramp(z, m.index);
      const level = z.spec.crime.perMonth * season(m.month, tourism) * trend * Math.exp(0.06 * rng.normal());
      const ringLevel = z.spec.ring.perMonth * season(m.month, tourism) * trend * (1 + z.spec.ring.effect * progress);
      const mix = GROUP_MIX[z.spec.kind];
      const night = NIGHT_KINDS.has(z.spec.kind);
      GROUPS.forEach((g, gi) => {
        const share = (mix[gi] ?? 0) * groupTrend(g, m.index);
        const n = rng.poisson(level * share * zoneEffect(z.spec.crime.effect, g, progress));
        if (spec.countsOnly) {
          stationTotals[gi] = (stationTotals[gi] ?? 0) + n;
          counts.push({
            station_code: ref.code,
            zone_id: z.spec.id,
            month: m.key,
            crime_group: g,
            crime_type: null,
            cases: n,
          });
          return;
        }
        for (let k = 0; k < n; k++) add(m, g, randomPointInRing(z.ring, z.box, rng), night);
        const nRing = rng.poisson(ringLevel * share);
        for (let k = 0; k < nRing; k++) add(m, g, randomPointInBuffer(z.ring, z.box, RING_METRES, rng), night);
      });
    }
    if (spec.countsOnly) {
      GROUPS.forEach((g, gi) => {
        counts.push(stationCount(ref.code, m.key, g, stationTotals[gi] ?? 0));
      });
    }
  }

  // Case numbers run per station and Buddhist year in time order; zones and rings by point-in-polygon.
  const ordered = raw
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.occurred_at < b.r.occurred_at ? -1 : a.r.occurred_at > b.r.occurred_at ? 1 : a.i - b.i));
  const incidents: DemoIncident[] = [];
  const rings: DemoIncidentRing[] = [];
  const ringOf: number[] = [];
  const seq = new Map<number, number>();
  for (const { r } of ordered) {
    const be = r.year + 543;
    const n = (seq.get(be) ?? 0) + 1;
    seq.set(be, n);
    let zoneId: string | null = null;
    if (r.lat !== null && r.lon !== null) {
      for (const z of zones) {
        if (!inBBox(z.ringBox, r.lon, r.lat)) continue;
        if (inBBox(z.box, r.lon, r.lat) && pointInRing(r.lon, r.lat, z.ring)) {
          zoneId = z.spec.id;
        } else if (pointToRingM([r.lon, r.lat], z.ring) < RING_METRES) {
          rings.push({ zone_id: z.spec.id, station_code: ref.code, month: r.month, crime_group: r.crime_group });
          ringOf.push(incidents.length);
        }
      }
    }
    incidents.push({
      case_id: `${spec.abbr}-${be}-${String(n).padStart(6, '0')}`,
      occurred_at: r.occurred_at,
      month: r.month,
      crime_type: r.crime_type,
      crime_group: r.crime_group,
      lat: r.lat,
      lon: r.lon,
      station_code: ref.code,
      zone_id: zoneId,
    });
  }
  return { incidents, rings, ringOf, counts };
}

/**
 * A donor station area's monthly return: cases per offence group for the whole station, with the
 * pilot stations' seasons, trends and group mix (so its path is comparable to a zone's), month by
 * month from its own random stream (a later today only adds months at the end).
 */
function generateDonorStation(seed: number, spec: DemoDonorSpec, ref: StationRef, months: Month[]): DemoMonthlyCount[] {
  const rng = Rng.derive(seed, `donor:${ref.code}`);
  const counts: DemoMonthlyCount[] = [];
  for (const m of months) {
    const trend = (1 + spec.trendPerYear) ** (m.index / 12);
    const level = spec.backgroundPerMonth * season(m.month, spec.tourism) * trend * Math.exp(0.07 * rng.normal());
    GROUPS.forEach((g, gi) => {
      counts.push(
        stationCount(ref.code, m.key, g, rng.poisson(level * (GROUP_MIX.area[gi] ?? 0) * groupTrend(g, m.index))),
      );
    });
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Surveys

const THAI_LABELS = ['น้อยที่สุด', 'น้อย', 'ปานกลาง', 'มาก', 'มากที่สุด'] as const;
const AGE_BANDS: readonly AgeBand[] = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
/** Adult population shares, and who a household survey actually reaches (older, more women). */
const POP_AGE = [0.12, 0.18, 0.19, 0.19, 0.16, 0.16] as const;
const SAMPLE_AGE = [0.07, 0.13, 0.18, 0.22, 0.22, 0.18] as const;
const OPT_IN_AGE = [0.24, 0.3, 0.2, 0.13, 0.09, 0.04] as const;
const POP_FEMALE = 0.52;
const SAMPLE_FEMALE = 0.58;
/** Item shifts by group (population-average about zero): women fear more, the young trust less. */
const FEAR_SHIFT_FEMALE = 0.05;
const TRUST_SHIFT_AGE = [-0.08, -0.03, 0, 0, 0.03, 0.05] as const;
const ageItems = (shares: readonly number[]) => AGE_BANDS.map((_, ai) => [ai, shares[ai] ?? 0] as const);
const SAMPLE_AGE_ITEMS = ageItems(SAMPLE_AGE);
const OPT_IN_AGE_ITEMS = ageItems(OPT_IN_AGE);
const LOWER_LEVELS = [
  [3, 0.5],
  [2, 0.32],
  [1, 0.18],
] as const;

interface Answer {
  raw: string | null;
  level: number | null;
  status: AnswerStatus;
}

/** One answer on the 5-point item: top two boxes with probability p, else a lower level, or a non-answer. */
function answer(rng: Rng, p: number, style: 'label' | 'number', topShare5: number): Answer {
  const u = rng.float();
  if (u < 0.035) return { raw: 'ไม่ทราบ', level: null, status: 'dont_know' };
  if (u < 0.05) return { raw: null, level: null, status: 'blank' };
  if (u < 0.057) return { raw: 'ไม่ตอบ', level: null, status: 'refused' };
  if (style === 'number' && u < 0.06) return { raw: rng.chance(0.5) ? '0' : '6', level: null, status: 'out_of_range' };
  let level: number;
  if (rng.chance(Math.min(0.98, Math.max(0.02, p)))) level = rng.chance(topShare5) ? 5 : 4;
  else level = rng.weighted(LOWER_LEVELS);
  const raw = style === 'label' ? (THAI_LABELS[level - 1] ?? String(level)) : String(level);
  return { raw, level, status: 'valid' };
}

interface Wave {
  label: string;
  /** Fieldwork days (day numbers), inclusive. */
  from: number;
  to: number;
  /** 0 = baseline, 1.. = quarters after the start. */
  k: number;
  quarterFrom: number;
}

function surveyWaves(rng: Rng, zone: PreparedZone, months: Month[]): Wave[] {
  const start = dayNumber(zone.spec.start);
  const baselineEnd = start - rng.int(18, 40);
  const waves: Wave[] = [
    { label: 'baseline', from: baselineEnd - 13, to: baselineEnd, k: 0, quarterFrom: baselineEnd - 13 },
  ];
  let k = 0;
  for (const m of months) {
    if (m.month % 3 !== 0 || m.index < zone.startIndex + 2) continue;
    k++;
    const first = dayNumber(m.key);
    const quarterStart = months[m.index - 2];
    waves.push({
      label: fiscalQuarterLabel(m.year, m.month),
      from: first,
      to: first + 19,
      k,
      quarterFrom: quarterStart ? dayNumber(quarterStart.key) : first,
    });
  }
  return waves;
}

function cellWeights(rng: Rng): number[][] {
  // Post-stratification to sex x age, with a little wave-to-wave noise, kept within 0.5-2.0.
  return [0, 1].map((female) =>
    AGE_BANDS.map((_, a) => {
      const pop = (female ? POP_FEMALE : 1 - POP_FEMALE) * (POP_AGE[a] ?? 0);
      const sample = (female ? SAMPLE_FEMALE : 1 - SAMPLE_FEMALE) * (SAMPLE_AGE[a] ?? 1);
      const w = (pop / sample) * rng.uniform(0.93, 1.07);
      return Math.round(Math.min(2, Math.max(0.5, w)) * 1000) / 1000;
    }),
  );
}

function generateSurvey(seed: number, zone: PreparedZone, months: Month[], lastDay: number): DemoSurveyResponse[] {
  const rng = Rng.derive(seed, `survey:${zone.spec.id}`);
  const s = zone.spec.survey;
  const waves = surveyWaves(rng, zone, months);
  const out: DemoSurveyResponse[] = [];
  const lastK = waves.length - 1;
  for (const wave of waves) {
    const settle = Math.min(1, wave.k / 4);
    const pFear = s.fear[0] + (s.fear[1] - s.fear[0]) * settle + 0.015 * rng.normal();
    const pTrust = s.trust[0] + (s.trust[1] - s.trust[0]) * settle + 0.015 * rng.normal();
    let n = Math.round(s.n * rng.uniform(0.8, 1.2));
    n = Math.min(450, Math.max(80, n));
    if (wave.k === lastK && s.latestWaveN !== undefined) n = s.latestWaveN;
    const weights = cellWeights(rng);
    const rows: DemoSurveyResponse[] = [];
    for (let i = 0; i < n; i++) {
      const female = rng.chance(SAMPLE_FEMALE);
      const a = rng.weighted(SAMPLE_AGE_ITEMS);
      const fear = answer(rng, pFear + (female ? FEAR_SHIFT_FEMALE : -FEAR_SHIFT_FEMALE), s.raw, 0.35);
      const trust = answer(rng, pTrust + (TRUST_SHIFT_AGE[a] ?? 0), s.raw, 0.4);
      rows.push({
        zone_id: zone.spec.id,
        surveyed_on: dateOfDay(rng.int(wave.from, wave.to)),
        wave: wave.label,
        sample_type: 'probability',
        fear_raw: fear.raw,
        fear_level: fear.level,
        fear_status: fear.status,
        fear_levels: 5,
        trust_raw: trust.raw,
        trust_level: trust.level,
        trust_status: trust.status,
        trust_levels: 5,
        weight: s.weighted ? (weights[female ? 1 : 0]?.[a] ?? 1) : 1,
        sex: female ? 'female' : 'male',
        age_band: AGE_BANDS[a] ?? null,
        codebook_id: null,
      });
    }
    if (s.optIn && wave.k > 0) {
      // QR-code answers collected all quarter long; self-selected, so they read more fearful and less trusting.
      const count = rng.int(s.optIn.perWave[0], s.optIn.perWave[1]);
      const pF = s.optIn.fear + 0.02 * rng.normal();
      const pT = s.optIn.trust + 0.02 * rng.normal();
      for (let i = 0; i < count; i++) {
        const fear = answer(rng, pF, 'label', 0.45);
        const trust = answer(rng, pT, 'label', 0.35);
        const knownSex = rng.chance(0.85);
        const knownAge = rng.chance(0.8);
        const a = rng.weighted(OPT_IN_AGE_ITEMS);
        rows.push({
          zone_id: zone.spec.id,
          surveyed_on: dateOfDay(rng.int(wave.quarterFrom, Math.min(wave.to, lastDay))),
          wave: wave.label,
          sample_type: 'opt_in',
          fear_raw: fear.raw,
          fear_level: fear.level,
          fear_status: fear.status,
          fear_levels: 5,
          trust_raw: trust.raw,
          trust_level: trust.level,
          trust_status: trust.status,
          trust_levels: 5,
          weight: 1,
          sex: knownSex ? (rng.chance(0.55) ? 'female' : 'male') : null,
          age_band: knownAge ? (AGE_BANDS[a] ?? null) : null,
          codebook_id: null,
        });
      }
    }
    const ordered = rows.map((r, i) => ({ r, i }));
    ordered.sort((x, y) =>
      x.r.sample_type !== y.r.sample_type
        ? x.r.sample_type === 'probability'
          ? -1
          : 1
        : x.r.surveyed_on < y.r.surveyed_on
          ? -1
          : x.r.surveyed_on > y.r.surveyed_on
            ? 1
            : x.i - y.i,
    );
    for (const { r } of ordered) out.push(r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

export function generateDemo(opts: GenerateDemoOptions): DemoData {
  const seed = opts.seed >>> 0;
  if (seed !== opts.seed) throw new Error(`seed must be an integer 0..2^32-1, got ${opts.seed}`);
  const stations = resolveStations(opts.stations);
  const lastDataMonth = lastCompleteMonth(opts.today);
  if (lastDataMonth < lastCompleteMonth(DEMO_SCRIPT_TODAY))
    throw new Error(`demo today must be ${bangkokDate(DEMO_SCRIPT_TODAY)} or later, got ${bangkokDate(opts.today)}`);
  const months = monthsBetween(DEMO_FIRST_MONTH, lastDataMonth);
  const lastMonth = months[months.length - 1];
  if (!lastMonth) throw new Error('no demo months');
  const lastDay = dayNumber(lastMonth.key) + lastMonth.days - 1;
  const zones = prepareZones(stations, months);

  const data: DemoData = {
    seed,
    asOf: bangkokDate(opts.today),
    firstMonth: `${DEMO_FIRST_MONTH}-01`,
    lastMonth: lastMonth.key,
    roles: {
      displacementZone: DEMO_ROLES.displacementZone,
      tooFewAnswersZone: DEMO_ROLES.tooFewAnswersZone,
      optInZone: DEMO_ROLES.optInZone,
      countsOnlyStation: {
        name_th: DEMO_ROLES.countsOnlyStation,
        code: stationOf(stations, DEMO_ROLES.countsOnlyStation).code,
      },
      donorStations: DEMO_DONOR_STATIONS.map((d) => ({
        name_th: d.name_th,
        code: stationOf(stations, d.name_th).code,
      })),
    },
    zones: zones.map((z) => z.row),
    partners: DEMO_PARTNERS.map((p) => ({
      zone_id: p.zone_id,
      station_code: stationOf(stations, p.station).code,
      partner: p.partner,
      partner_type: p.partner_type,
      mou_date: p.mou_date,
      cctv: p.cctv,
      volunteers: p.volunteers,
      vehicles: p.vehicles,
      budget_thb: p.budget_thb,
    })),
    incidents: [],
    incident_rings: [],
    ringIncident: [],
    monthly_counts: [],
    survey_responses: [],
  };

  for (const spec of DEMO_STATIONS) {
    const ref = stationOf(stations, spec.name_th);
    const own = zones.filter((z) => z.spec.station === spec.name_th);
    const out = generateStation(seed, spec, ref, own, months);
    const offset = data.incidents.length;
    for (const r of out.incidents) data.incidents.push(r);
    for (const r of out.rings) data.incident_rings.push(r);
    for (const k of out.ringOf) data.ringIncident.push(offset + k);
    for (const r of out.counts) data.monthly_counts.push(r);
  }
  for (const spec of DEMO_DONOR_STATIONS) {
    for (const r of generateDonorStation(seed, spec, stationOf(stations, spec.name_th), months)) {
      data.monthly_counts.push(r);
    }
  }
  for (const z of zones) {
    for (const r of generateSurvey(seed, z, months, lastDay)) data.survey_responses.push(r);
  }
  return data;
}

/** One row as a JSON array in the table's column order (the canonical form the hash reads). */
function canonicalRow<T extends DemoTable>(table: T, row: DemoRow<T>): string {
  const columns: readonly string[] = DEMO_COLUMNS[table];
  const record = row as unknown as Record<string, unknown>;
  return JSON.stringify(columns.map((c) => record[c] ?? null));
}

/** sha256 (hex) over every table, in DEMO_TABLES order, one canonical JSON line per row. */
export function demoContentHash(data: DemoData): string {
  const hash = createHash('sha256');
  for (const table of DEMO_TABLES) {
    const rows = data[table] as readonly DemoRow<typeof table>[];
    hash.update(`#${table}\t${DEMO_COLUMNS[table].join(',')}\t${rows.length}\n`);
    let batch = '';
    for (let i = 0; i < rows.length; i++) {
      batch += `${canonicalRow(table, rows[i] as DemoRow<typeof table>)}\n`;
      if (batch.length > 1 << 16 || i === rows.length - 1) {
        hash.update(batch);
        batch = '';
      }
    }
  }
  return hash.digest('hex');
}
