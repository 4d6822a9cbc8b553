/**
 * KPI statuses, the overall traffic light of a zone, and "k of n zones meet this target".
 */

/**
 * - met: the estimate meets the target;
 * - met_confident: met, and the uncertainty does not change that (see survey.ts / crime.ts);
 * - not_met: the estimate misses the target;
 * - insufficient: the data cannot support a judgement (too few answers, incomplete window...).
 */
export type KpiStatus = 'met' | 'met_confident' | 'not_met' | 'insufficient';

/** "Met" in every rule that counts targets met: met with confidence is met too. */
export function isMet(status: KpiStatus): boolean {
  return status === 'met' || status === 'met_confident';
}

/** Whether a status is a judgement at all (anything but insufficient). */
function isJudged(status: KpiStatus): boolean {
  return status !== 'insufficient';
}

export type TrafficLight = 'green' | 'amber' | 'red' | 'grey';

export interface ZoneStatuses {
  readonly fear: KpiStatus;
  readonly trust: KpiStatus;
  readonly crime: KpiStatus;
}

export interface OverallStatus {
  readonly light: TrafficLight;
  /** How many of the three targets are met (met or met with confidence). */
  readonly metCount: number;
  /** How many of the three can be judged (not insufficient). */
  readonly judgedCount: number;
  readonly method: {
    readonly rule: 'traffic_light';
    /** The legend, in rule form: kpi.md "Overall zone status". */
    readonly green: 'all_three_met';
    readonly amber: 'one_or_two_met';
    readonly red: 'none_met';
    readonly grey: 'fewer_than_two_judged';
  };
}

/**
 * kpi.md: green = all three met; amber = one or two met; red = none met; grey = fewer than two of
 * the three can be judged. Grey is checked first, so with one indicator insufficient the light is
 * amber (one or two met) or red (none of the two met), never green.
 */
export function overallStatus(statuses: ZoneStatuses): OverallStatus {
  const all = [statuses.fear, statuses.trust, statuses.crime];
  const judgedCount = all.filter(isJudged).length;
  const metCount = all.filter(isMet).length;
  const light: TrafficLight = judgedCount < 2 ? 'grey' : metCount === 3 ? 'green' : metCount >= 1 ? 'amber' : 'red';
  return {
    light,
    metCount,
    judgedCount,
    method: {
      rule: 'traffic_light',
      green: 'all_three_met',
      amber: 'one_or_two_met',
      red: 'none_met',
      grey: 'fewer_than_two_judged',
    },
  };
}

export interface ZonesMeetingTarget {
  /** k: zones meeting the target (met or met with confidence). */
  readonly met: number;
  /** n: all zones in the rollup, judged or not. */
  readonly total: number;
  /** Of `met`, those met with confidence. */
  readonly metConfident: number;
  readonly notMet: number;
  readonly insufficient: number;
  readonly method: { readonly rule: 'k_of_n_zones'; readonly counted: 'met_or_met_confident'; readonly n: 'all_zones' };
}

/** "k of n zones meet this target", with the breakdown behind it. */
export function zonesMeetingTarget(statuses: readonly KpiStatus[]): ZonesMeetingTarget {
  const count = (status: KpiStatus) => statuses.filter((s) => s === status).length;
  const metConfident = count('met_confident');
  return {
    met: metConfident + count('met'),
    total: statuses.length,
    metConfident,
    notMet: count('not_met'),
    insufficient: count('insufficient'),
    method: { rule: 'k_of_n_zones', counted: 'met_or_met_confident', n: 'all_zones' },
  };
}
