import { z } from 'zod';
import {
  ANSWER_LEVEL_RANGE,
  BASELINES,
  CRIME_GROUP_RANGE,
  DENOMINATORS,
  MAX_CONTROL_ZONES,
  type NumberRange,
  SETTING_RANGES,
  SURVEY_RULES,
  ZONE_SETTING_FIELDS,
} from '../contracts/settings.ts';

/**
 * The KPI rules kpi.md marks as settings. Programme defaults live under scope 'programme';
 * a zone may override the per-zone subset under its own id. Stored as one JSON document per scope.
 */
const bounded = (r: NumberRange) => (r.integer ? z.int() : z.number()).min(r.min).max(r.max);
const levels = z.array(bounded(ANSWER_LEVEL_RANGE)).min(1).nullable();

export const programmeSettingsSchema = z.object({
  fearTarget: bounded(SETTING_RANGES.fearTarget),
  trustTarget: bounded(SETTING_RANGES.trustTarget),
  /** Crime change target in percent: met when the change is below it (0 = any fall; -10 = a 10% fall). */
  crimeTarget: bounded(SETTING_RANGES.crimeTarget),
  minSample: bounded(SETTING_RANGES.minSample),
  /** Levels counted as fearful / trusting; null = the top two levels of the item's scale. */
  fearLevels: levels,
  trustLevels: levels,
  denominator: z.enum(DENOMINATORS),
  /**
   * kpi.md "Whose rule wins": a survey's codebook that declares `counts` / `denominator` applies
   * them to its answers; true replaces them with the two settings above. Programme-wide, like
   * those two, so a zone and its rollups count the same answers the same way.
   */
  overrideCodebooks: z.boolean().default(false),
  surveyRule: z.enum(SURVEY_RULES),
  /** Opt-in answers are never pooled with probability samples unless this is true. */
  poolOptIn: z.boolean(),
  baseline: z.enum(BASELINES),
  /** Current four-group scheme; 4 (state as victim) is left out by default. */
  crimeGroups: z.array(bounded(CRIME_GROUP_RANGE)).min(1),
  bufferMeters: bounded(SETTING_RANGES.bufferMeters),
});
export type ProgrammeSettings = z.infer<typeof programmeSettingsSchema>;

export const zoneSettingsSchema = programmeSettingsSchema
  .pick({ fearTarget: true, trustTarget: true, crimeTarget: true, baseline: true, bufferMeters: true })
  .extend({
    /** Chosen comparison zones; empty = the rest of the zone's station area. */
    controlZones: z.array(z.string().min(1)).max(MAX_CONTROL_ZONES),
  })
  .partial();
export type ZoneSettings = z.infer<typeof zoneSettingsSchema>;

// A zone overrides exactly the contract's fields.
ZONE_SETTING_FIELDS satisfies readonly (keyof ZoneSettings)[];

export const DEFAULT_PROGRAMME_SETTINGS: ProgrammeSettings = {
  fearTarget: 40,
  trustTarget: 80,
  crimeTarget: 0,
  minSample: 30,
  fearLevels: null,
  trustLevels: null,
  denominator: 'valid',
  overrideCodebooks: false,
  surveyRule: 'latest_wave',
  poolOptIn: false,
  baseline: 'matched',
  crimeGroups: [1, 2, 3],
  bufferMeters: 500,
};

/** A zone's effective rules: programme defaults, then its own overrides. */
export function effectiveSettings(programme: ProgrammeSettings, zone: ZoneSettings | undefined) {
  return { ...programme, controlZones: [] as string[], ...zone };
}
export type EffectiveSettings = ReturnType<typeof effectiveSettings>;
