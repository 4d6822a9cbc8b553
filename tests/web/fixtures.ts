/**
 * Typed fixtures shaped like the API's answers (types inferred from the server's routes), so a
 * change to a response breaks these tests at compile time instead of silently passing.
 */
import type {
  CrimeKpi,
  KpiItem,
  KpiMethods,
  SurveyKpi,
  ZoneSeries,
  ZoneSummary,
  ZoneSurvey,
} from '../../web/api/types.ts';
import { translator } from '../../web/i18n/use-t.tsx';

type KpiMethod = KpiMethods[string];
export type SurveyMethod = Extract<KpiMethod, { which: unknown }>;
export type CrimeMethod = Exclude<KpiMethod, SurveyMethod>;

export function surveyMethod(overrides: Partial<SurveyMethod> = {}): SurveyMethod {
  return {
    rule: 'top_two_levels',
    countsLevels: [4, 5],
    scaleLevels: 5,
    denominator: 'valid',
    weighted: false,
    interval: 'wilson',
    effectiveSampleSize: 'kish',
    confidence: 0.95,
    z: 1.96,
    minimumSample: 30,
    targetPercent: 40,
    direction: 'max',
    boundaryMeets: true,
    which: 'latest_wave',
    sample: 'probability_only',
    countsFrom: 'setting',
    denominatorFrom: 'setting',
    codebook: null,
    ...overrides,
  };
}

export function crimeMethod(overrides: Partial<CrimeMethod> = {}): CrimeMethod {
  return {
    rule: 'percent_change',
    targetPercent: 0,
    interval: 'exact_conditional_binomial',
    confidence: 0.95,
    confidentBelowRateRatio: 1,
    baseline: 'matched_months',
    groups: [1, 2, 3],
    period: 'since_start',
    ...overrides,
  };
}

/** The methods the fixtures' figures point to ('fear-1', 'crime-1'), as an answer carries them. */
export const KPI_METHODS: KpiMethods = { 'fear-1': surveyMethod(), 'crime-1': crimeMethod() };

export const th = { lang: 'th' as const, t: translator('th'), methods: KPI_METHODS };
export const en = { lang: 'en' as const, t: translator('en'), methods: KPI_METHODS };

export function surveyKpi(overrides: Partial<SurveyKpi> = {}): SurveyKpi {
  return {
    value: 37.5,
    ciLow: 31.2,
    ciHigh: 44.1,
    n: 212,
    nEff: 212,
    respondents: 220,
    invalid: 8,
    invalidByReason: { blank: 8 },
    neededN: 360,
    target: 40,
    direction: 'max',
    status: 'met',
    problem: null,
    waves: ['2567-Q3'],
    waveDate: '2024-06-20',
    baselineValue: 49.7,
    baselineWave: 'baseline',
    baselineN: 180,
    optIn: null,
    method: 'fear-1',
    ...overrides,
  };
}

export function crimeKpi(overrides: Partial<CrimeKpi> = {}): CrimeKpi {
  return {
    after: 120,
    baseline: 150,
    months: 18,
    afterFrom: '2023-01',
    afterTo: '2024-06',
    baselineFrom: '2022-01',
    baselineTo: '2022-12',
    changePct: -20,
    rr: 0.8,
    rrLow: 0.63,
    rrHigh: 1.012,
    significant: false,
    target: 0,
    status: 'met',
    problem: null,
    zonesPooled: null,
    zonesExcluded: null,
    relative: null,
    ring: null,
    wdq: null,
    reading: null,
    coveredMonths: { from: '2020-01', to: '2024-06' },
    method: 'crime-1',
    ...overrides,
  };
}

export function kpiItem(overrides: Partial<KpiItem> = {}): KpiItem {
  return {
    id: 'Z-1',
    level: 'zone',
    nameTh: 'ตลาดหนึ่ง',
    nameEn: 'Market One',
    parentId: 'ST-1',
    zoneCount: 1,
    fear: surveyKpi(),
    trust: surveyKpi({ value: 82, target: 80, direction: 'min', status: 'met_confident' }),
    crime: crimeKpi(),
    overall: 'green',
    overallDetail: { metCount: 3, judgedCount: 3 },
    meets: { fear: { k: 1, n: 1 }, trust: { k: 1, n: 1 }, crime: { k: 1, n: 1, withDisplacement: 0 } },
    ...overrides,
  };
}

export function zoneSummary(overrides: Partial<ZoneSummary> = {}): ZoneSummary {
  return {
    id: 'Z-1',
    nameTh: 'ตลาดหนึ่ง',
    nameEn: 'Market One',
    kind: 'market',
    criteria: 'risk',
    startDate: '2022-07-16',
    population: 4589,
    areaKm2: 2,
    municipality: 'เทศบาลนครพิษณุโลก',
    stationCode: 'ST-1',
    stationNameTh: 'สภ.เมืองพิษณุโลก',
    stationNameEn: 'Mueang Phitsanulok',
    divisionCode: 'D-1',
    divisionNameTh: 'ภ.จว.พิษณุโลก',
    divisionNameEn: 'Phitsanulok Provincial Police',
    divisionAbbrTh: 'ภ.จว.พิษณุโลก',
    bureauCode: 'B-6',
    bureauNameTh: 'ตำรวจภูธรภาค 6',
    bureauNameEn: 'Provincial Police Region 6',
    bureauAbbrTh: 'ภ.6',
    provinceIso: 'TH-65',
    provinceNameTh: 'พิษณุโลก',
    provinceNameEn: 'Phitsanulok',
    lon: 100.26,
    lat: 16.82,
    ...overrides,
  };
}

type SeriesMonth = ZoneSeries['months'][number];
export function seriesMonth(month: string, role: SeriesMonth['role'], byGroup: Record<string, number>): SeriesMonth {
  const counted = (byGroup['1'] ?? 0) + (byGroup['2'] ?? 0) + (byGroup['3'] ?? 0);
  return { month, role, byGroup, counted, ring: 0 };
}

type Wave = ZoneSurvey['waves'][number];
type WaveFigure = NonNullable<Wave['fear']>;
export function waveFigure(value: number | null, ciLow: number | null, ciHigh: number | null, n: number): WaveFigure {
  return {
    value,
    ciLow,
    ciHigh,
    n,
    nEff: n,
    respondents: n,
    invalid: 0,
    status: 'met',
    problem: null,
    target: 40,
    distribution: [],
    method: surveyMethod(),
  };
}
