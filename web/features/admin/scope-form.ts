/**
 * A user's or token's scope (national / bureau / division / station / explicit zones) as a form:
 * the kind and the chosen codes, the options to pick from (taken from the zone directory, so each
 * code comes with its Thai and English name), and back. Pure.
 */
import type { Scope, ScopeKind, ZoneSummary } from '../../api/types.ts';
import type { Lang } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { Translate } from '../../i18n/use-t.tsx';
import { pickName } from '../overview/to-zone-rows.ts';

export const SCOPE_KINDS = [
  'national',
  'bureau',
  'division',
  'station',
  'zones',
] as const satisfies readonly ScopeKind[];
export type CodedScopeKind = Exclude<ScopeKind, 'national'>;

export interface ScopeForm {
  kind: ScopeKind;
  /** Bureau, division or station codes, or zone ids; empty for national. */
  codes: string[];
}

export const NATIONAL_FORM: ScopeForm = { kind: 'national', codes: [] };

export function scopeToForm(scope: Scope): ScopeForm {
  switch (scope.kind) {
    case 'national':
      return { kind: 'national', codes: [] };
    case 'zones':
      return { kind: 'zones', codes: [...scope.ids] };
    default:
      return { kind: scope.kind, codes: [...scope.codes] };
  }
}

/** The scope to send, or null when a level is chosen without any code (the server needs one). */
export function formToScope(form: ScopeForm): Scope | null {
  if (form.kind === 'national') return { kind: 'national' };
  const codes = [...new Set(form.codes.map((c) => c.trim()).filter((c) => c !== ''))];
  if (codes.length === 0) return null;
  return form.kind === 'zones' ? { kind: 'zones', ids: codes } : { kind: form.kind, codes };
}

/** Another level: codes of one level mean nothing at another, so the choice starts empty. */
export function setScopeKind(form: ScopeForm, kind: ScopeKind): ScopeForm {
  return kind === form.kind ? form : { kind, codes: [] };
}

export function toggleScopeCode(form: ScopeForm, code: string, on: boolean): ScopeForm {
  const has = form.codes.includes(code);
  if (on && !has) return { ...form, codes: [...form.codes, code] };
  if (!on && has) return { ...form, codes: form.codes.filter((c) => c !== code) };
  return form;
}

/** An administrator always has national scope (the server refuses anything else). */
export function scopeForRole(role: string, form: ScopeForm): ScopeForm {
  return role === 'admin' ? NATIONAL_FORM : form;
}

export interface ScopeOption {
  code: string;
  /** Name in the screen's language. */
  label: string;
  /** Where it sits (its parent unit), to tell apart similar names. */
  detail: string;
  /** Lower-case text searched by the filter box: codes and names in both languages. */
  search: string;
}

const lower = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ').toLowerCase();

/** The units of one level found in the zone directory, in the directory's (hierarchy) order. */
export function scopeOptions(zones: readonly ZoneSummary[], kind: CodedScopeKind, lang: Lang): ScopeOption[] {
  const seen = new Map<string, ScopeOption>();
  for (const z of zones) {
    let option: ScopeOption;
    switch (kind) {
      case 'bureau':
        option = {
          code: z.bureauCode,
          label: pickName({ nameTh: z.bureauNameTh, nameEn: z.bureauNameEn }, lang),
          detail: z.bureauCode,
          search: lower(z.bureauCode, z.bureauNameTh, z.bureauNameEn),
        };
        break;
      case 'division':
        option = {
          code: z.divisionCode,
          label: pickName({ nameTh: z.divisionNameTh, nameEn: z.divisionNameEn }, lang),
          detail: pickName({ nameTh: z.bureauNameTh, nameEn: z.bureauNameEn }, lang),
          search: lower(z.divisionCode, z.divisionNameTh, z.divisionNameEn, z.provinceNameTh, z.provinceNameEn),
        };
        break;
      case 'station':
        option = {
          code: z.stationCode,
          label: pickName({ nameTh: z.stationNameTh, nameEn: z.stationNameEn }, lang),
          detail: `${pickName({ nameTh: z.divisionNameTh, nameEn: z.divisionNameEn }, lang)} · ${pickName({ nameTh: z.provinceNameTh, nameEn: z.provinceNameEn }, lang)}`,
          search: lower(z.stationCode, z.stationNameTh, z.stationNameEn, z.provinceNameTh, z.provinceNameEn),
        };
        break;
      case 'zones':
        option = {
          code: z.id,
          label: pickName(z, lang),
          detail: pickName({ nameTh: z.stationNameTh, nameEn: z.stationNameEn }, lang),
          search: lower(z.id, z.nameTh, z.nameEn, z.stationNameTh, z.stationNameEn, z.municipality),
        };
        break;
    }
    if (!seen.has(option.code)) seen.set(option.code, option);
  }
  return [...seen.values()];
}

/**
 * The options to show: the level's units, plus any chosen code the directory does not know (a
 * station without zones yet, say), so it stays visible and can be removed. Filtered by `query`,
 * except that chosen codes always stay.
 */
export function visibleScopeOptions(
  options: readonly ScopeOption[],
  chosen: readonly string[],
  query: string,
  unknownDetail: string,
): ScopeOption[] {
  const known = new Set(options.map((o) => o.code));
  const extra = chosen
    .filter((c) => !known.has(c))
    .map((code) => ({ code, label: code, detail: unknownDetail, search: code.toLowerCase() }));
  const needle = query.trim().toLowerCase();
  return [...extra, ...options].filter((o) => !needle || chosen.includes(o.code) || o.search.includes(needle));
}

const KIND_KEYS: Record<ScopeKind, MessageKey> = {
  national: 'scope.national',
  bureau: 'scope.bureau',
  division: 'scope.division',
  station: 'scope.station',
  zones: 'scope.zones',
};

export function scopeKindLabel(kind: ScopeKind, t: Translate): string {
  return t(KIND_KEYS[kind]);
}

/** One line for tables: "สถานีตำรวจ: สภ.หาดใหญ่, สภ.เมืองสงขลา"; unknown codes are shown as they are. */
export function describeScope(scope: Scope, zones: readonly ZoneSummary[], lang: Lang, t: Translate): string {
  if (scope.kind === 'national') return t('scope.national');
  const form = scopeToForm(scope);
  const names = new Map(scopeOptions(zones, scope.kind, lang).map((o) => [o.code, o.label]));
  const label = scope.kind === 'zones' ? t('scope.zoneList') : scopeKindLabel(scope.kind, t);
  return `${label}: ${form.codes.map((c) => names.get(c) ?? c).join(', ')}`;
}
