/**
 * KPI settings as forms: the programme's rules (every field, sent whole) and one zone's overrides
 * (each field either "as the programme" or its own value; only its own values are sent). Number
 * inputs stay text while typed, so half-typed values ("-", "") never jump. Pure.
 */
import type { KpiSettings, ProgrammeSettings, ZoneOverrides } from '../../api/types.ts';
import {
  MAX_CONTROL_ZONES,
  type NumberRange,
  type NumberSetting,
  SETTING_RANGES,
  ZONE_SETTING_FIELDS,
} from '../../../server/contracts/settings.ts';
import type { MessageKey } from '../../i18n/messages.ts';

export type Checked<T, F extends string> =
  | { ok: true; value: T }
  | { ok: false; errors: Partial<Record<F, MessageKey>> };

/** "−10", "-10", " 40 ", "๔๐" -> number; "" or garbage -> null. */
export function parseNumber(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/,/g, '');
  if (cleaned === '' || !/^[-+]?\d*\.?\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

function checkNumber(field: NumberSetting, text: string): { value: number } | { error: MessageKey } {
  const value = parseNumber(text);
  const range: NumberRange = SETTING_RANGES[field];
  if (value === null) return { error: 'settings.error.number' };
  if (range.integer && !Number.isInteger(value)) return { error: 'settings.error.integer' };
  if (value < range.min || value > range.max) return { error: `settings.error.range.${field}` };
  return { value };
}

export interface LevelsForm {
  /** 'top2': the top two levels of each item's scale (null to the server). */
  mode: 'top2' | 'chosen';
  levels: number[];
}

export interface ProgrammeForm {
  fearTarget: string;
  trustTarget: string;
  crimeTarget: string;
  minSample: string;
  fearLevels: LevelsForm;
  trustLevels: LevelsForm;
  denominator: ProgrammeSettings['denominator'];
  overrideCodebooks: boolean;
  surveyRule: ProgrammeSettings['surveyRule'];
  poolOptIn: boolean;
  baseline: ProgrammeSettings['baseline'];
  crimeGroups: number[];
  bufferMeters: string;
}
export type ProgrammeField = keyof ProgrammeForm;

const levelsToForm = (levels: number[] | null): LevelsForm =>
  levels === null ? { mode: 'top2', levels: [4, 5] } : { mode: 'chosen', levels: [...levels].sort((a, b) => a - b) };

export function programmeToForm(p: ProgrammeSettings): ProgrammeForm {
  return {
    fearTarget: String(p.fearTarget),
    trustTarget: String(p.trustTarget),
    crimeTarget: String(p.crimeTarget),
    minSample: String(p.minSample),
    fearLevels: levelsToForm(p.fearLevels),
    trustLevels: levelsToForm(p.trustLevels),
    denominator: p.denominator,
    overrideCodebooks: p.overrideCodebooks ?? false,
    surveyRule: p.surveyRule,
    poolOptIn: p.poolOptIn,
    baseline: p.baseline,
    crimeGroups: [...p.crimeGroups].sort((a, b) => a - b),
    bufferMeters: String(p.bufferMeters),
  };
}

export function checkProgramme(form: ProgrammeForm): Checked<ProgrammeSettings, ProgrammeField> {
  const errors: Partial<Record<ProgrammeField, MessageKey>> = {};
  const numbers = {} as Record<NumberSetting, number>;
  for (const field of Object.keys(SETTING_RANGES) as NumberSetting[]) {
    const checked = checkNumber(field, form[field]);
    if ('error' in checked) errors[field] = checked.error;
    else numbers[field] = checked.value;
  }
  const levels = (l: LevelsForm, field: 'fearLevels' | 'trustLevels'): number[] | null => {
    if (l.mode === 'top2') return null;
    if (l.levels.length === 0) errors[field] = 'settings.error.levels';
    return [...new Set(l.levels)].sort((a, b) => a - b);
  };
  const fearLevels = levels(form.fearLevels, 'fearLevels');
  const trustLevels = levels(form.trustLevels, 'trustLevels');
  if (form.crimeGroups.length === 0) errors.crimeGroups = 'settings.error.groups';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...numbers,
      fearLevels,
      trustLevels,
      denominator: form.denominator,
      overrideCodebooks: form.overrideCodebooks,
      surveyRule: form.surveyRule,
      poolOptIn: form.poolOptIn,
      baseline: form.baseline,
      crimeGroups: [...new Set(form.crimeGroups)].sort((a, b) => a - b),
    },
  };
}

export function toggleNumber(list: readonly number[], n: number, on: boolean): number[] {
  const without = list.filter((x) => x !== n);
  return on ? [...without, n].sort((a, b) => a - b) : without;
}

// ---- one zone's overrides ----

export type ZoneField = (typeof ZONE_SETTING_FIELDS)[number];

export interface Override<T> {
  /** true: the zone's own value; false: the programme's. */
  own: boolean;
  value: T;
}

export interface ZoneForm {
  fearTarget: Override<string>;
  trustTarget: Override<string>;
  crimeTarget: Override<string>;
  baseline: Override<ProgrammeSettings['baseline']>;
  bufferMeters: Override<string>;
  controlZones: Override<string[]>;
}

/** A field not overridden starts from the programme's value, so ticking "own value" edits from there. */
export function zoneToForm(overrides: ZoneOverrides | undefined, programme: ProgrammeSettings): ZoneForm {
  const o = overrides ?? {};
  const num = (own: number | undefined, base: number): Override<string> => ({
    own: own !== undefined,
    value: String(own ?? base),
  });
  return {
    fearTarget: num(o.fearTarget, programme.fearTarget),
    trustTarget: num(o.trustTarget, programme.trustTarget),
    crimeTarget: num(o.crimeTarget, programme.crimeTarget),
    baseline: { own: o.baseline !== undefined, value: o.baseline ?? programme.baseline },
    bufferMeters: num(o.bufferMeters, programme.bufferMeters),
    controlZones: { own: o.controlZones !== undefined, value: [...(o.controlZones ?? [])] },
  };
}

/** The overrides to send; an empty object means "no own values" (reset the zone instead). */
export function checkZoneForm(form: ZoneForm, zoneId: string): Checked<ZoneOverrides, ZoneField> {
  const errors: Partial<Record<ZoneField, MessageKey>> = {};
  const value: ZoneOverrides = {};
  for (const field of ['fearTarget', 'trustTarget', 'crimeTarget', 'bufferMeters'] as const) {
    if (!form[field].own) continue;
    const checked = checkNumber(field, form[field].value);
    if ('error' in checked) errors[field] = checked.error;
    else value[field] = checked.value;
  }
  if (form.baseline.own) value.baseline = form.baseline.value;
  if (form.controlZones.own) {
    const ids = [...new Set(form.controlZones.value)].filter((id) => id !== zoneId);
    if (ids.length > MAX_CONTROL_ZONES) errors.controlZones = 'settings.error.controlZones';
    value.controlZones = ids;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value };
}

export function hasOverrides(overrides: ZoneOverrides | undefined): boolean {
  return overrides !== undefined && Object.values(overrides).some((v) => v !== undefined);
}

/** Zones with own settings, as the server sent them (ids in scope only), in a stable order. */
export function overriddenZones(settings: Pick<KpiSettings, 'zones'>): { id: string; fields: ZoneField[] }[] {
  return Object.entries(settings.zones)
    .map(([id, o]) => ({ id, fields: ZONE_SETTING_FIELDS.filter((f) => o[f] !== undefined) }))
    .filter((z) => z.fields.length > 0)
    .sort((a, b) => a.id.localeCompare(b.id));
}
