/**
 * The audit log's filters and rows as the table shows them. Pure.
 */
import type { AuditParams } from '../../api/queries.ts';
import type { AuditAction, AuditEntry, Scope, ZoneSummary } from '../../api/types.ts';
import { formatNumber, formatPercent, formatSignedPercent, type Lang } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { Translate } from '../../i18n/use-t.tsx';
import { tableName } from '../imports/field-words.ts';
import { pickName } from '../overview/to-zone-rows.ts';
import { formatDateTime } from './date-time.ts';
import { describeScope } from './scope-form.ts';

/** Every action the server writes (a missing one fails to compile), with its words. */
const ACTION_KEYS: Record<AuditAction, MessageKey> = {
  login: 'audit.action.login',
  login_failed: 'audit.action.login_failed',
  logout: 'audit.action.logout',
  password_change: 'audit.action.password_change',
  user_create: 'audit.action.user_create',
  user_update: 'audit.action.user_update',
  user_password_reset: 'audit.action.user_password_reset',
  token_create: 'audit.action.token_create',
  token_revoke: 'audit.action.token_revoke',
  import: 'audit.action.import',
  import_undo: 'audit.action.import_undo',
  export: 'audit.action.export',
  report: 'audit.action.report',
  settings_update: 'audit.action.settings_update',
  backup: 'audit.action.backup',
  problem_create: 'audit.action.problem_create',
  problem_update: 'audit.action.problem_update',
  survey_void: 'audit.action.survey_void',
  survey_release: 'audit.action.survey_release',
};

export const AUDIT_ACTIONS = Object.keys(ACTION_KEYS) as AuditAction[];

/** The words for an action; an action newer than this screen is shown as the server wrote it. */
export function auditActionKey(action: string): MessageKey | null {
  return (ACTION_KEYS as Record<string, MessageKey | undefined>)[action] ?? null;
}

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilterForm {
  user: string;
  action: string;
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilterForm = { user: '', action: '', from: '', to: '' };

/** Filters to query parameters; a reversed date range is put in order rather than refused. */
export function auditParams(form: AuditFilterForm, page: number, pageSize = AUDIT_PAGE_SIZE): AuditParams {
  const date = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null);
  let from = date(form.from);
  let to = date(form.to);
  if (from && to && from > to) [from, to] = [to, from];
  return {
    user: form.user.trim().toLowerCase() || null,
    action: form.action || null,
    from,
    to,
    page: Math.max(1, Math.floor(page)),
    pageSize,
  };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export interface AuditDetailContext {
  lang: Lang;
  t: Translate;
  /** The zone directory, to name scopes and comparison zones. */
  zones: readonly ZoneSummary[];
}

export interface AuditDetailPart {
  key: string;
  label: string;
  value: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const compact = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A message key if the dictionary has it; else null (the caller shows the raw value). */
function known(t: Translate, key: string): string | null {
  const text = t(key as MessageKey);
  return text === key ? null : text;
}

function isScope(value: unknown): value is Scope {
  if (!isObject(value)) return false;
  if (value.kind === 'national') return true;
  if (value.kind === 'zones') return Array.isArray(value.ids);
  return ['bureau', 'division', 'station'].includes(String(value.kind)) && Array.isArray(value.codes);
}

/** Row counts per table ({ incidents: 3 }) in words; a plain number as a number. */
function countsText(value: unknown, { lang }: AuditDetailContext): string | null {
  if (typeof value === 'number') return formatNumber(value, lang);
  if (!isObject(value) || !Object.values(value).every((n) => typeof n === 'number')) return null;
  const entries = Object.entries(value as Record<string, number>);
  if (entries.length === 0) return formatNumber(0, lang);
  return entries.map(([table, n]) => `${tableName(table, lang)} ${formatNumber(n, lang)}`).join(', ');
}

function yesNo(value: unknown, t: Translate): string | null {
  return typeof value === 'boolean' ? t(value ? 'audit.value.yes' : 'audit.value.no') : null;
}

function levelsText(value: unknown, { lang, t }: AuditDetailContext): string | null {
  if (value === null) return t('audit.value.topTwo');
  return Array.isArray(value) ? value.map((v) => formatNumber(Number(v), lang)).join(', ') : null;
}

function zoneNames(ids: readonly unknown[], { lang, zones }: AuditDetailContext): string {
  const byId = new Map(zones.map((zone) => [zone.id, zone]));
  return ids
    .map((id) => {
      const zone = byId.get(String(id));
      return zone ? pickName(zone, lang) : String(id);
    })
    .join(', ');
}

/** Labels and values of the detail keys the server writes (server/routes/*, auth/bootstrap, importers/cli). */
const KEYS: Record<
  string,
  { label: MessageKey; value: (value: unknown, context: AuditDetailContext) => string | null }
> = {
  role: { label: 'audit.key.role', value: (v, { t }) => known(t, `role.${String(v)}`) },
  scope: {
    label: 'audit.key.scope',
    value: (v, { lang, t, zones }) => (isScope(v) ? describeScope(v, zones, lang, t) : null),
  },
  kind: { label: 'audit.key.kind', value: (v, { t }) => known(t, `imports.kind.${String(v)}`) },
  file: { label: 'audit.key.file', value: (v) => (typeof v === 'string' ? v : null) },
  rows: { label: 'audit.key.rows', value: countsText },
  target: { label: 'audit.key.target', value: (v) => (typeof v === 'string' ? v : null) },
  name: { label: 'audit.key.name', value: (v) => (typeof v === 'string' ? v : null) },
  displayName: { label: 'audit.key.displayName', value: (v) => (typeof v === 'string' ? v : null) },
  expiresAt: {
    label: 'audit.key.expiresAt',
    value: (v, { lang, t }) =>
      v === null ? t('audit.value.never') : typeof v === 'string' ? formatDateTime(v, lang) : null,
  },
  reason: { label: 'audit.key.reason', value: (v, { t }) => known(t, `audit.reason.${String(v)}`) },
  firstStart: { label: 'audit.key.firstStart', value: (v, { t }) => yesNo(v, t) },
  demo: { label: 'audit.key.demo', value: (v, { t }) => yesNo(v, t) },
  disabled: { label: 'audit.key.disabled', value: (v, { t }) => yesNo(v, t) },
  reset: { label: 'audit.key.reset', value: (v, { t }) => yesNo(v, t) },
  removed: { label: 'audit.key.removed', value: countsText },
  restored: { label: 'audit.key.restored', value: countsText },
  sha256: {
    label: 'audit.key.sha256',
    value: (v) => (typeof v === 'string' ? (v.length > 12 ? `${v.slice(0, 12)}…` : v) : null),
  },
  via: { label: 'audit.key.via', value: (v, { t }) => known(t, `audit.value.${String(v)}`) ?? compact(v) },
  // KPI settings (settings_update): the settings screen's own words.
  fearTarget: {
    label: 'settings.fearTarget',
    value: (v, { lang }) => (typeof v === 'number' ? formatPercent(v, lang, 0) : null),
  },
  trustTarget: {
    label: 'settings.trustTarget',
    value: (v, { lang }) => (typeof v === 'number' ? formatPercent(v, lang, 0) : null),
  },
  crimeTarget: {
    label: 'settings.crimeTarget',
    value: (v, { lang }) => (typeof v === 'number' ? formatSignedPercent(v, lang, 0) : null),
  },
  minSample: {
    label: 'settings.minSample',
    value: (v, { lang }) => (typeof v === 'number' ? formatNumber(v, lang) : null),
  },
  fearLevels: { label: 'settings.fearLevels', value: levelsText },
  trustLevels: { label: 'settings.trustLevels', value: levelsText },
  denominator: { label: 'settings.denominator', value: (v, { t }) => known(t, `settings.denominator.${String(v)}`) },
  surveyRule: { label: 'settings.surveyRule', value: (v, { t }) => known(t, `settings.surveyRule.${String(v)}`) },
  poolOptIn: { label: 'settings.poolOptIn', value: (v, { t }) => yesNo(v, t) },
  baseline: { label: 'settings.baseline', value: (v, { t }) => known(t, `settings.baseline.${String(v)}`) },
  crimeGroups: {
    label: 'settings.crimeGroups',
    value: (v, { t }) =>
      Array.isArray(v) ? v.map((g) => known(t, `group.${String(g)}`) ?? String(g)).join(', ') : null,
  },
  bufferMeters: {
    label: 'settings.bufferMeters',
    value: (v, { lang, t }) => (typeof v === 'number' ? `${formatNumber(v, lang)} ${t('settings.unit.metres')}` : null),
  },
  controlZones: {
    label: 'settings.controlZones',
    value: (v, context) =>
      Array.isArray(v) ? (v.length === 0 ? context.t('settings.controlZones.rest') : zoneNames(v, context)) : null,
  },
};

/**
 * A detail object as labelled parts in the reader's language: roles, scopes and zones by name,
 * counts per table in words. A user change ({ changes: {...} }) lists what changed. A key this
 * screen does not know, or a value of an unexpected shape, keeps the server's key and compact JSON.
 */
function auditDetailParts(detail: Json, context: AuditDetailContext): AuditDetailPart[] {
  return Object.entries(detail).flatMap(([key, value]): AuditDetailPart[] => {
    if (key === 'changes' && isObject(value)) return auditDetailParts(value, context);
    const words = KEYS[key];
    const text = words?.value(value, context) ?? null;
    if (!words || text === null) return [{ key, label: key, value: compact(value) }];
    return [{ key, label: context.t(words.label), value: text }];
  });
}

/**
 * The detail column: labelled `label: value` parts for objects, compact JSON for anything else,
 * and nothing for null. Long text is cut; the full text stays available on demand.
 */
export function auditDetailText(
  detail: AuditEntry['detail'],
  context: AuditDetailContext,
  max = 160,
): { short: string; full: string } {
  if (detail === null || detail === undefined) return { short: '', full: '' };
  const full = isObject(detail)
    ? auditDetailParts(detail, context)
        .map((part) => `${part.label}: ${part.value}`)
        .join(' · ')
    : compact(detail);
  return { short: full.length > max ? `${full.slice(0, max - 1)}…` : full, full };
}

/** The target column: a settings change names the zone (or "the programme"); other targets as written. */
export function auditTargetText(action: string, target: string | null, { lang, t, zones }: AuditDetailContext): string {
  if (target === null) return '';
  if (action !== 'settings_update') return target;
  if (target === 'programme') return t('settings.programme');
  const zone = zones.find((z) => z.id === target);
  return zone ? pickName(zone, lang) : target;
}
