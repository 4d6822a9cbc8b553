/**
 * Pure assembly of the KPI items the API returns: query rows + settings in, per-zone figures and
 * rollups out. No I/O; every number comes from server/kpi, and every figure carries its method.
 */
import { type CrimeReading, metWithDisplacement, readCrimeChange } from '../contracts/crime-reading.ts';
import type { MethodKeys } from '../contracts/kpi-methods.ts';
import {
  type CodebookRule,
  type CrimeChangeResult,
  type CrimeWindowProblem,
  crimeChange,
  crimeChangeRollup,
  type DisplacementReading,
  isMet,
  type KpiStatus,
  monthIndex,
  noAfterWindowReason,
  overallStatus,
  type RuleSource,
  relativeEffect,
  resolveSurveyRule,
  type SurveyAggregate,
  surveyAggregateFromRows,
  type SurveyIndicatorResult,
  surveyIndicatorOverParts,
  type TargetDirection,
  toMonthKey,
  type TrafficLight,
  weightedDisplacementQuotient,
  zonesMeetingTarget,
} from '../kpi/index.ts';
import type { ZoneCrimeWindowRow } from '../queries/zone-crime-windows.ts';
import type { ZoneDirectoryRow } from '../queries/zone-directory.ts';
import type { SurveyTallyRow } from '../queries/zone-survey-tallies.ts';
import {
  type EffectiveSettings,
  effectiveSettings,
  type ProgrammeSettings,
  type ZoneSettings,
} from '../settings/kpi-settings.ts';

export const KPI_LEVELS = ['zone', 'station', 'division', 'bureau', 'national'] as const;
export type KpiLevel = (typeof KPI_LEVELS)[number];

export interface OptInFigure {
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  respondents: number;
  waves: string[];
  /** Opt-in answers are not a probability sample: shown apart, never judged against the target. */
  label: 'opt_in_not_probability_sample';
}

export interface SurveyKpi {
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /* The margin of error and the change in points are not sent: server/contracts/derived-figures.ts. */
  n: number;
  nEff: number;
  respondents: number;
  invalid: number;
  invalidByReason: Record<string, number>;
  neededN: number | null;
  target: number;
  direction: TargetDirection;
  status: KpiStatus;
  problem: SurveyIndicatorResult['problem'];
  waves: string[];
  waveDate: string | null;
  baselineValue: number | null;
  baselineWave: string | null;
  baselineN: number | null;
  optIn: OptInFigure | null;
  method: SurveyIndicatorResult['method'] &
    SurveyRuleMethod & {
      which: 'latest_wave' | 'all_in_period';
      sample: 'probability_only' | 'pooled_with_opt_in';
    };
}

/** One rule a figure's answers were counted under, with how many answered under it. */
export interface PooledSurveyRule {
  countsLevels: number[];
  scaleLevels: number;
  denominator: 'valid' | 'all';
  countsFrom: RuleSource;
  denominatorFrom: RuleSource;
  codebook: string | null;
  respondents: number;
}

/**
 * Where a survey figure's rule came from (kpi.md "Whose rule wins"): `countsFrom` /
 * `denominatorFrom` say codebook, setting or override (of the codebook by the setting), `codebook`
 * names the codebook(s) the answers were imported with. A figure pooling answers counted under
 * different rules (rule 'mixed_rules') lists each rule with its respondents in `rulesPooled`.
 */
export interface SurveyRuleMethod {
  countsFrom: RuleSource | 'mixed';
  denominatorFrom: RuleSource | 'mixed';
  codebook: string | null;
  rulesPooled?: PooledSurveyRule[];
}

export interface CrimeKpi {
  after: number;
  baseline: number;
  months: number;
  afterFrom: string | null;
  afterTo: string | null;
  baselineFrom: string | null;
  baselineTo: string | null;
  changePct: number | null;
  /* The change's interval is not sent: crimeChangeRange in server/contracts/derived-figures.ts. */
  rr: number | null;
  rrLow: number | null;
  rrHigh: number | null;
  significant: boolean;
  target: number;
  status: KpiStatus;
  problem: string | null;
  /** Zones pooled / left out (rollups only). */
  zonesPooled: number | null;
  zonesExcluded: number | null;
  relative: {
    area: 'rest_of_station' | 'control_zones';
    controlAfter: number;
    controlBaseline: number;
    effect: number | null;
    low: number | null;
    high: number | null;
    significant: boolean;
  } | null;
  ring: { after: number; baseline: number; bufferMeters: number } | null;
  wdq: { value: number | null; reading: DisplacementReading | null } | null;
  /**
   * How the figures read together (server/contracts/crime-reading.ts): the zone's direction, its
   * direction against the comparison area, the WDQ reading and the displacement warning. Zones
   * with a judged window only; null for rollups and insufficient windows.
   */
  reading: CrimeReading | null;
  /** The months the station's crime data covers (zones; null for rollups and no data). */
  coveredMonths: { from: string; to: string } | null;
  /**
   * Shared by many figures, so it holds nothing of this one: L is `months`, the pooled zones are
   * `zonesPooled`, a displacement warning is in `reading` and a rollup's count of them in `meets`
   * (server/contracts/kpi-methods.ts puts them back beside the method for display).
   */
  method: Omit<CrimeChangeResult['method'], 'L' | 'pooledZones'> & {
    baseline: 'matched_months' | 'previous_months';
    groups: number[];
    period: { from: string; to: string } | 'since_start';
    /** Zones with ring counts: Bowers and Johnson's condition for reading the WDQ. */
    wdqRead?: 'only_when_zone_improved_relative_to_comparison';
  };
}

export interface MetCount {
  k: number;
  n: number;
}

export interface KpiItem {
  id: string;
  level: KpiLevel;
  nameTh: string;
  nameEn: string;
  parentId: string | null;
  zoneCount: number;
  fear: SurveyKpi;
  trust: SurveyKpi;
  crime: CrimeKpi;
  overall: TrafficLight;
  overallDetail: { metCount: number; judgedCount: number };
  /**
   * "k of n zones meet this target" (rollups; for a zone, 1 or 0 of 1); for crime also "j of them
   * with displacement".
   */
  meets: { fear: MetCount; trust: MetCount; crime: MetCount & { withDisplacement: number } };
}

/** A figure in an answer: its method is a key into the answer's `methods`. */
export type KeyedFigure<Figure extends { method: unknown }> = Omit<Figure, 'method'> & { method: string };
export type KpiMethod = SurveyKpi['method'] | CrimeKpi['method'];
/** An item as answers carry it: each figure points to its method by key. */
export interface KpiAnswerItem extends Omit<KpiItem, 'fear' | 'trust' | 'crime'> {
  fear: KeyedFigure<SurveyKpi>;
  trust: KeyedFigure<SurveyKpi>;
  crime: KeyedFigure<CrimeKpi>;
}

/** The item with its figures' methods keyed in `keys` (one entry per distinct method). */
export function keyedItem(item: KpiItem, keys: MethodKeys<KpiMethod>): KpiAnswerItem {
  return {
    ...item,
    fear: { ...item.fear, method: keys.key('fear', item.fear.method) },
    trust: { ...item.trust, method: keys.key('trust', item.trust.method) },
    crime: { ...item.crime, method: keys.key('crime', item.crime.method) },
  };
}

export interface KpiInputs {
  zones: ZoneDirectoryRow[];
  crime: ZoneCrimeWindowRow[];
  tallies: SurveyTallyRow[];
  /** The codebooks the tallied answers were imported with, by id. */
  codebooks: Map<number, CodebookRule>;
  programme: ProgrammeSettings;
  zoneSettings: Map<string, ZoneSettings>;
  period: { from: string; to: string } | null;
}

type Item = 'fear' | 'trust';
type Selection = 'current' | 'baseline';

/** Answers of one codebook (null: imported without one recorded): counted under one rule. */
export interface SurveyPart {
  codebookId: number | null;
  aggregate: SurveyAggregate;
}

/** Survey parts of one zone: item -> selection -> sample type, with the waves behind them. */
interface ZoneSurvey {
  parts: Map<string, SurveyPart[]>;
  waves: Map<string, string[]>;
  waveDate: Map<string, string>;
}
const surveyKey = (item: Item, selection: Selection, sample: string) => `${item}|${selection}|${sample}`;

/** Tally rows (of one item and sample type) -> one aggregate per codebook. */
export function surveyParts<R extends Parameters<typeof surveyAggregateFromRows>[0][number]>(
  rows: readonly (R & { codebookId: number | null; scaleLevels: number })[],
): SurveyPart[] {
  const byCodebook = new Map<number | null, (R & { scaleLevels: number })[]>();
  for (const row of rows) byCodebook.set(row.codebookId, [...(byCodebook.get(row.codebookId) ?? []), row]);
  return [...byCodebook].map(([codebookId, partRows]) => ({
    codebookId,
    aggregate: surveyAggregateFromRows(partRows, Math.max(...partRows.map((r) => r.scaleLevels))),
  }));
}

function groupTallies(tallies: SurveyTallyRow[]): Map<string, ZoneSurvey> {
  const rowsByZone = new Map<string, Map<string, SurveyTallyRow[]>>();
  for (const row of tallies) {
    const zone = rowsByZone.get(row.zoneId) ?? new Map<string, SurveyTallyRow[]>();
    rowsByZone.set(row.zoneId, zone);
    const key = surveyKey(row.item, row.selection, row.sampleType);
    zone.set(key, [...(zone.get(key) ?? []), row]);
  }
  const result = new Map<string, ZoneSurvey>();
  for (const [zoneId, groups] of rowsByZone) {
    const survey: ZoneSurvey = { parts: new Map(), waves: new Map(), waveDate: new Map() };
    for (const [key, rows] of groups) {
      survey.parts.set(key, surveyParts(rows));
      survey.waves.set(key, [...new Set(rows.map((r) => r.wave))].sort());
      survey.waveDate.set(
        key,
        rows
          .map((r) => r.waveDate)
          .sort()
          .at(-1) ?? '',
      );
    }
    result.set(zoneId, survey);
  }
  return result;
}

/** The rules a figure's parts are counted under (kpi.md "Whose rule wins"), and its method words. */
export function surveyRuleParts(
  item: Item,
  parts: readonly SurveyPart[],
  rules: Pick<EffectiveSettings, 'fearLevels' | 'trustLevels' | 'denominator' | 'overrideCodebooks'>,
  codebooks: ReadonlyMap<number, CodebookRule>,
) {
  const setting = {
    levels: item === 'fear' ? rules.fearLevels : rules.trustLevels,
    denominator: rules.denominator,
    overrideCodebooks: rules.overrideCodebooks,
  };
  const resolved = parts.map((part) => ({
    part,
    rule: resolveSurveyRule(
      item,
      part.aggregate.scaleLevels,
      part.codebookId === null ? null : (codebooks.get(part.codebookId) ?? null),
      setting,
    ),
  }));
  const respondentsOf = (a: SurveyAggregate) =>
    [...Object.values(a.valid), ...Object.values(a.invalid)].reduce((sum, t) => sum + t.n, 0);
  const pooled = new Map<string, PooledSurveyRule>();
  for (const { part, rule } of resolved) {
    const entry: PooledSurveyRule = {
      countsLevels: [...rule.countsLevels],
      scaleLevels: part.aggregate.scaleLevels,
      denominator: rule.denominator,
      countsFrom: rule.countsFrom,
      denominatorFrom: rule.denominatorFrom,
      codebook: rule.codebook,
      respondents: respondentsOf(part.aggregate),
    };
    const key = JSON.stringify([
      entry.countsLevels,
      entry.scaleLevels,
      entry.denominator,
      entry.countsFrom,
      entry.denominatorFrom,
      entry.codebook,
    ]);
    const seen = pooled.get(key);
    if (seen) seen.respondents += entry.respondents;
    else pooled.set(key, entry);
  }
  const list = [...pooled.values()].filter((r) => r.respondents > 0);
  const one = <T>(values: T[], fallback: T): T | 'mixed' =>
    new Set(values).size > 1 ? 'mixed' : (values[0] ?? fallback);
  const names = [...new Set(list.map((r) => r.codebook).filter((n) => n !== null))];
  const method: SurveyRuleMethod = {
    countsFrom: one(
      list.map((r) => r.countsFrom),
      'setting' as RuleSource,
    ),
    denominatorFrom: one(
      list.map((r) => r.denominatorFrom),
      'setting' as RuleSource,
    ),
    codebook: names.length > 0 ? names.join('; ') : null,
    // Said whenever the answers were not all counted one way.
    ...(new Set(list.map((r) => JSON.stringify([r.countsLevels, r.scaleLevels, r.denominator]))).size > 1
      ? { rulesPooled: list }
      : {}),
  };
  return {
    parts: resolved.map(({ part, rule }) => ({
      aggregate: part.aggregate,
      countsLevels: rule.countsLevels,
      denominator: rule.denominator,
    })),
    method,
  };
}

function surveyFigure(
  item: Item,
  current: SurveyPart[],
  baseline: SurveyPart[] | null,
  optIn: SurveyPart[] | null,
  rules: EffectiveSettings,
  codebooks: ReadonlyMap<number, CodebookRule>,
  labels: { waves: string[]; waveDate: string | null; baselineWave: string | null; optInWaves: string[] },
): SurveyKpi {
  const target = {
    targetPercent: item === 'fear' ? rules.fearTarget : rules.trustTarget,
    direction: (item === 'fear' ? 'max' : 'min') as TargetDirection,
  };
  const options = { target, minimumSample: rules.minSample };
  // No answers (a 5-point scale by default) give "no data": insufficient, never a made-up figure.
  const scaleLevels = current[0]?.aggregate.scaleLevels ?? baseline?.[0]?.aggregate.scaleLevels ?? 5;
  const orEmpty = (parts: SurveyPart[]) =>
    parts.length > 0 ? parts : [{ codebookId: null, aggregate: { scaleLevels, valid: {}, invalid: {} } }];
  const counted = (parts: SurveyPart[]) => surveyRuleParts(item, orEmpty(parts), rules, codebooks);
  const currentRules = counted(current);
  const result = surveyIndicatorOverParts(currentRules.parts, options);
  const base = baseline && baseline.length > 0 ? surveyIndicatorOverParts(counted(baseline).parts, options) : null;
  const opt = optIn && optIn.length > 0 ? surveyIndicatorOverParts(counted(optIn).parts, options) : null;
  return {
    value: result.percent,
    ciLow: result.interval?.lower ?? null,
    ciHigh: result.interval?.upper ?? null,
    n: result.n,
    nEff: result.nEff,
    respondents: result.respondents,
    invalid: result.invalidTotal,
    invalidByReason: { ...result.invalid },
    neededN: result.sampleSmallerThanNeeded ? result.sampleSizeNeeded : null,
    target: target.targetPercent,
    direction: target.direction,
    status: result.status,
    problem: result.problem,
    waves: labels.waves,
    waveDate: labels.waveDate,
    baselineValue: base?.percent ?? null,
    baselineWave: labels.baselineWave,
    baselineN: base?.n ?? null,
    optIn: opt
      ? {
          value: opt.percent,
          ciLow: opt.interval?.lower ?? null,
          ciHigh: opt.interval?.upper ?? null,
          n: opt.n,
          respondents: opt.respondents,
          waves: labels.optInWaves,
          label: 'opt_in_not_probability_sample',
        }
      : null,
    method: {
      ...result.method,
      ...currentRules.method,
      which: rules.surveyRule,
      sample: rules.poolOptIn ? 'pooled_with_opt_in' : 'probability_only',
    },
  };
}

/** The parts a zone's survey KPI stands on, honouring the opt-in pooling setting. */
function zoneSurveyParts(survey: ZoneSurvey | undefined, item: Item, selection: Selection, poolOptIn: boolean) {
  const probability = survey?.parts.get(surveyKey(item, selection, 'probability')) ?? [];
  const optIn = survey?.parts.get(surveyKey(item, selection, 'opt_in')) ?? [];
  return { main: poolOptIn ? [...probability, ...optIn] : probability, optIn: poolOptIn ? [] : optIn };
}

function windowProblem(
  row: ZoneCrimeWindowRow,
  startDate: string,
  period: KpiInputs['period'],
): CrimeWindowProblem | null {
  if (row.stationFirstMonth === null || row.stationLastMonth === null) return 'no_covered_data';
  if (row.months === 0) {
    const covered = { from: row.stationFirstMonth, to: row.stationLastMonth };
    return noAfterWindowReason(monthIndex(toMonthKey(startDate)), period ?? undefined, covered);
  }
  if (!row.complete) return 'incomplete_baseline';
  return null;
}

function crimeMethod(
  change: CrimeChangeResult,
  rules: EffectiveSettings,
  programme: ProgrammeSettings,
  period: KpiInputs['period'],
): CrimeKpi['method'] {
  const { L: _months, pooledZones: _zones, ...shared } = change.method;
  return {
    ...shared,
    baseline: rules.baseline === 'matched' ? 'matched_months' : 'previous_months',
    groups: programme.crimeGroups,
    period: period ?? 'since_start',
  };
}

function crimeFigure(change: CrimeChangeResult, rules: EffectiveSettings, method: CrimeKpi['method']): CrimeKpi {
  return {
    after: change.after,
    baseline: change.baseline,
    months: change.afterMonthCount,
    afterFrom: null,
    afterTo: null,
    baselineFrom: null,
    baselineTo: null,
    changePct: change.changePercent,
    rr: change.rateRatio,
    rrLow: change.rateRatioInterval?.lower ?? null,
    rrHigh: change.rateRatioInterval?.upper ?? null,
    significant: change.significant,
    target: rules.crimeTarget,
    status: change.status,
    problem: change.problem ?? change.changeUnavailable,
    zonesPooled: null,
    zonesExcluded: null,
    relative: null,
    ring: null,
    wdq: null,
    reading: null,
    coveredMonths: null,
    method,
  };
}

function zoneCrime(row: ZoneCrimeWindowRow, startDate: string, rules: EffectiveSettings, inputs: KpiInputs): CrimeKpi {
  const problem = windowProblem(row, startDate, inputs.period);
  const change = crimeChange(
    { after: row.after, baseline: row.baseline },
    { afterMonthCount: row.months, problem },
    { targetPercent: rules.crimeTarget },
  );
  const figure = crimeFigure(change, rules, crimeMethod(change, rules, inputs.programme, inputs.period));
  if (row.stationFirstMonth && row.stationLastMonth) {
    figure.coveredMonths = { from: row.stationFirstMonth, to: row.stationLastMonth };
  }
  figure.afterFrom = row.afterFrom;
  figure.afterTo = row.afterTo;
  figure.baselineFrom = row.baselineFrom;
  figure.baselineTo = row.baselineTo;
  if (problem !== null) return figure;

  const useControls = row.controlAfter !== null && row.controlBaseline !== null;
  const control = useControls
    ? { after: row.controlAfter ?? 0, baseline: row.controlBaseline ?? 0 }
    : { after: row.restAfter, baseline: row.restBaseline };
  if (control.after + control.baseline > 0) {
    const effect = relativeEffect({ after: row.after, baseline: row.baseline }, control);
    figure.relative = {
      area: useControls ? 'control_zones' : 'rest_of_station',
      controlAfter: control.after,
      controlBaseline: control.baseline,
      effect: effect.effect,
      low: effect.interval?.lower ?? null,
      high: effect.interval?.upper ?? null,
      significant: effect.significant,
    };
  }
  // Buffer counts exist only where incident points do; monthly counts have no ring.
  if (row.ringAfter + row.ringBaseline > 0) {
    figure.ring = { after: row.ringAfter, baseline: row.ringBaseline, bufferMeters: rules.bufferMeters };
    const wdq = weightedDisplacementQuotient({
      zone: { before: row.baseline, after: row.after },
      buffer: { before: row.ringBaseline, after: row.ringAfter },
      control: { before: control.baseline, after: control.after },
    });
    figure.wdq = { value: wdq.wdq, reading: wdq.reading };
    figure.method.wdqRead = 'only_when_zone_improved_relative_to_comparison';
  }
  figure.reading = readCrimeChange({
    met: isMet(change.status),
    zone: { after: row.after, baseline: row.baseline },
    control: control.after + control.baseline > 0 ? control : null,
    hasRing: figure.wdq !== null,
    wdq: figure.wdq?.value ?? null,
  });
  return figure;
}

/** One zone's KPI item with what its rollups pool (kept so levels can be derived without re-querying). */
export interface ZoneResult {
  zone: ZoneDirectoryRow;
  item: KpiItem;
  crimeRow: ZoneCrimeWindowRow | null;
  survey: ZoneSurvey | undefined;
}

export function buildZoneResults(inputs: KpiInputs): ZoneResult[] {
  const crimeByZone = new Map(inputs.crime.map((r) => [r.zoneId, r]));
  const surveys = groupTallies(inputs.tallies);
  return inputs.zones.map((zone) => {
    const rules = effectiveSettings(inputs.programme, inputs.zoneSettings.get(zone.id));
    const survey = surveys.get(zone.id);
    const item = (which: Item) => {
      const current = zoneSurveyParts(survey, which, 'current', rules.poolOptIn);
      const baseline = zoneSurveyParts(survey, which, 'baseline', rules.poolOptIn);
      return surveyFigure(which, current.main, baseline.main, current.optIn, rules, inputs.codebooks, {
        waves: survey?.waves.get(surveyKey(which, 'current', 'probability')) ?? [],
        waveDate: survey?.waveDate.get(surveyKey(which, 'current', 'probability')) ?? null,
        baselineWave: survey?.waves.get(surveyKey(which, 'baseline', 'probability'))?.join(', ') ?? null,
        optInWaves: survey?.waves.get(surveyKey(which, 'current', 'opt_in')) ?? [],
      });
    };
    const crimeRow = crimeByZone.get(zone.id) ?? null;
    const noData: ZoneCrimeWindowRow = {
      zoneId: zone.id,
      months: 0,
      afterFrom: null,
      afterTo: null,
      baselineFrom: null,
      baselineTo: null,
      complete: false,
      after: 0,
      baseline: 0,
      ringAfter: 0,
      ringBaseline: 0,
      restAfter: 0,
      restBaseline: 0,
      controlAfter: null,
      controlBaseline: null,
      stationFirstMonth: null,
      stationLastMonth: null,
    };
    const fear = item('fear');
    const trust = item('trust');
    const crime = zoneCrime(crimeRow ?? noData, zone.startDate, rules, inputs);
    const overall = overallStatus({ fear: fear.status, trust: trust.status, crime: crime.status });
    const one = (status: KpiStatus) => ({ k: isMet(status) ? 1 : 0, n: 1 });
    return {
      zone,
      crimeRow,
      survey,
      item: {
        id: zone.id,
        level: 'zone',
        nameTh: zone.nameTh,
        nameEn: zone.nameEn ?? zone.nameTh,
        parentId: zone.stationCode,
        zoneCount: 1,
        fear,
        trust,
        crime,
        overall: overall.light,
        overallDetail: { metCount: overall.metCount, judgedCount: overall.judgedCount },
        meets: {
          fear: one(fear.status),
          trust: one(trust.status),
          crime: { ...one(crime.status), withDisplacement: metWithDisplacement([crime.reading]) },
        },
      },
    };
  });
}

/** Which unit of a level a zone belongs to, with its names and parent. */
function unitOf(zone: ZoneDirectoryRow, level: Exclude<KpiLevel, 'zone'>) {
  switch (level) {
    case 'station':
      return {
        id: zone.stationCode,
        nameTh: zone.stationNameTh,
        nameEn: zone.stationNameEn,
        parentId: zone.divisionCode,
      };
    case 'division':
      return {
        id: zone.divisionCode,
        nameTh: zone.divisionNameTh,
        nameEn: zone.divisionNameEn,
        parentId: zone.bureauCode,
      };
    case 'bureau':
      return { id: zone.bureauCode, nameTh: zone.bureauNameTh, nameEn: zone.bureauNameEn, parentId: 'national' };
    case 'national':
      return { id: 'national', nameTh: 'สำนักงานตำรวจแห่งชาติ', nameEn: 'Royal Thai Police', parentId: null };
  }
}

/**
 * kpi.md Rollups: survey indicators pool respondents of the zones' chosen waves (weights and n_eff
 * over the pooled rows); crime change sums the counts of zones with both windows; every rollup says
 * "k of n zones meet this target". Rollups are judged against the programme targets.
 */
function rollup(level: Exclude<KpiLevel, 'zone'>, members: ZoneResult[], inputs: RollupContext): KpiItem {
  const first = members[0];
  if (!first) throw new Error('a rollup needs at least one zone');
  const unit = unitOf(first.zone, level);
  const rules = effectiveSettings(inputs.programme, undefined);
  // Every member's answers keep their own rule (codebook or setting); pooled, they add up as
  // respondents do, and the method lists the rules when they differ (kpi.md "Whose rule wins").
  const pooled = (which: Item, selection: Selection) => {
    const parts = members.map((m) => zoneSurveyParts(m.survey, which, selection, rules.poolOptIn));
    return { main: parts.flatMap((p) => p.main), optIn: parts.flatMap((p) => p.optIn) };
  };
  const survey = (which: Item) => {
    const current = pooled(which, 'current');
    const baseline = pooled(which, 'baseline');
    const wavesOf = (sample: string) =>
      [...new Set(members.flatMap((m) => m.survey?.waves.get(surveyKey(which, 'current', sample)) ?? []))].sort();
    return surveyFigure(which, current.main, baseline.main, current.optIn, rules, inputs.codebooks, {
      waves: wavesOf('probability'),
      waveDate: null,
      baselineWave: null,
      optInWaves: wavesOf('opt_in'),
    });
  };
  const crimeRollupResult = crimeChangeRollup(
    members.map((m) => ({
      after: m.item.crime.after,
      baseline: m.item.crime.baseline,
      window: {
        afterMonthCount: m.item.crime.months,
        problem: m.crimeRow ? windowProblem(m.crimeRow, m.zone.startDate, inputs.period) : 'no_covered_data',
      },
    })),
    { targetPercent: rules.crimeTarget },
  );
  const crime = crimeFigure(
    crimeRollupResult,
    rules,
    crimeMethod(crimeRollupResult, rules, inputs.programme, inputs.period),
  );
  crime.zonesPooled = crimeRollupResult.zonesPooled;
  crime.zonesExcluded = crimeRollupResult.zonesExcluded;
  const withDisplacement = metWithDisplacement(members.map((m) => m.item.crime.reading));
  const fear = survey('fear');
  const trust = survey('trust');
  const overall = overallStatus({ fear: fear.status, trust: trust.status, crime: crime.status });
  const meets = (pick: (item: KpiItem) => KpiStatus) => {
    const tally = zonesMeetingTarget(members.map((m) => pick(m.item)));
    return { k: tally.met, n: tally.total };
  };
  return {
    ...unit,
    level,
    zoneCount: members.length,
    fear,
    trust,
    crime,
    overall: overall.light,
    overallDetail: { metCount: overall.metCount, judgedCount: overall.judgedCount },
    meets: {
      fear: meets((i) => i.fear.status),
      trust: meets((i) => i.trust.status),
      crime: { ...meets((i) => i.crime.status), withDisplacement },
    },
  };
}

/** What rollups need besides their zones: the programme's rules and the period. */
export type RollupContext = Pick<KpiInputs, 'programme' | 'period' | 'codebooks'>;

/** KPI items of one level from zone results; `unit` keeps one unit (zone id, station, division or bureau code). */
export function levelItems(
  zones: readonly ZoneResult[],
  context: RollupContext,
  level: KpiLevel,
  unit?: string,
): KpiItem[] {
  if (level === 'zone') return zones.filter((z) => unit === undefined || z.zone.id === unit).map((z) => z.item);
  const groups = new Map<string, ZoneResult[]>();
  for (const z of zones) {
    const id = unitOf(z.zone, level).id;
    if (unit !== undefined && id !== unit) continue;
    const members = groups.get(id);
    if (members) members.push(z);
    else groups.set(id, [z]);
  }
  return [...groups.values()].map((members) => rollup(level, members, context));
}

export function buildKpiItems(inputs: KpiInputs, level: KpiLevel, unit?: string): KpiItem[] {
  return levelItems(buildZoneResults(inputs), inputs, level, unit);
}
