import { z } from 'zod';

/**
 * The KPI rules kpi.md marks as settings. Programme defaults live under scope 'programme';
 * a zone may override the per-zone subset under its own id. Stored as one JSON document per scope.
 */
export const programmeSettingsSchema = z.object({
  fearTarget: z.number().min(0).max(100),
  trustTarget: z.number().min(0).max(100),
  /** Crime change target in percent: met when the change is below it (0 = any fall; -10 = a 10% fall). */
  crimeTarget: z.number().min(-100).max(100),
  minSample: z.int().min(1),
  /** Levels counted as fearful / trusting; null = the top two levels of the item's scale. */
  fearLevels: z.array(z.int().min(1).max(10)).min(1).nullable(),
  trustLevels: z.array(z.int().min(1).max(10)).min(1).nullable(),
  denominator: z.enum(['valid', 'all']),
  surveyRule: z.enum(['latest_wave', 'all_in_period']),
  /** Opt-in answers are never pooled with probability samples unless this is true. */
  poolOptIn: z.boolean(),
  baseline: z.enum(['matched', 'previous']),
  /** Current four-group scheme; 4 (state as victim) is left out by default. */
  crimeGroups: z.array(z.int().min(1).max(4)).min(1),
  bufferMeters: z.int().min(50).max(5000),
});
export type ProgrammeSettings = z.infer<typeof programmeSettingsSchema>;

export const zoneSettingsSchema = programmeSettingsSchema
  .pick({ fearTarget: true, trustTarget: true, crimeTarget: true, baseline: true, bufferMeters: true })
  .extend({
    /** Chosen comparison zones; empty = the rest of the zone's station area. */
    controlZones: z.array(z.string().min(1)).max(50),
  })
  .partial();
export type ZoneSettings = z.infer<typeof zoneSettingsSchema>;

export const DEFAULT_PROGRAMME_SETTINGS: ProgrammeSettings = {
  fearTarget: 40,
  trustTarget: 80,
  crimeTarget: 0,
  minSample: 30,
  fearLevels: null,
  trustLevels: null,
  denominator: 'valid',
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
