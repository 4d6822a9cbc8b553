/**
 * The ranges and choices of the KPI settings (kpi.md marks them as settings), shared by the server
 * (server/settings/kpi-settings.ts builds its zod schemas from them) and the settings screens
 * (web/features/settings/settings-form.ts checks typed numbers against them). Pure.
 */

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

/**
 * The numeric settings. The minimum sample has no upper bound but a safe integer: kpi.md sets none
 * and the screens say "at least 1".
 */
export const SETTING_RANGES = {
  fearTarget: { min: 0, max: 100 },
  trustTarget: { min: 0, max: 100 },
  /** Percent: met when the change is below it (0 = any fall; -10 = a 10% fall). */
  crimeTarget: { min: -100, max: 100 },
  minSample: { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true },
  bufferMeters: { min: 50, max: 5000, integer: true },
} as const satisfies Record<string, NumberRange>;
export type NumberSetting = keyof typeof SETTING_RANGES;

/** Answer levels that may be counted as fearful / trusting (scales of up to 10 points). */
export const ANSWER_LEVEL_RANGE = { min: 1, max: 10, integer: true } as const satisfies NumberRange;
/** The current four-group offence scheme. */
export const CRIME_GROUP_RANGE = { min: 1, max: 4, integer: true } as const satisfies NumberRange;

export const DENOMINATORS = ['valid', 'all'] as const;
export const SURVEY_RULES = ['latest_wave', 'all_in_period'] as const;
export const BASELINES = ['matched', 'previous'] as const;

/** The settings a zone may override (the rest are the programme's only). */
export const ZONE_SETTING_FIELDS = [
  'fearTarget',
  'trustTarget',
  'crimeTarget',
  'baseline',
  'bufferMeters',
  'controlZones',
] as const;
/** At most this many chosen comparison zones. */
export const MAX_CONTROL_ZONES = 50;
