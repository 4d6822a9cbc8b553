/**
 * The audit log's filters and rows as the table shows them. Pure.
 */
import type { AuditParams } from '../../api/queries.ts';
import type { AuditAction, AuditEntry } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/messages.ts';

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

/**
 * The detail column: compact JSON, `key: value` pairs for flat objects, and nothing for null.
 * Long values are cut, the full text stays available on demand.
 */
export function auditDetailText(detail: AuditEntry['detail'], max = 160): { short: string; full: string } {
  if (detail === null || detail === undefined) return { short: '', full: '' };
  let full: string;
  if (typeof detail === 'object' && !Array.isArray(detail)) {
    full = Object.entries(detail)
      .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' · ');
  } else {
    full = typeof detail === 'string' ? detail : JSON.stringify(detail);
  }
  return { short: full.length > max ? `${full.slice(0, max - 1)}…` : full, full };
}
