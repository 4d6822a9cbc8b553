import type { Context } from 'hono';
import type { Database } from '../db/database.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { insertAudit } from '../queries/audit.ts';
import { requestMeta } from './request-meta.ts';
import { authSettings } from './settings.ts';

/**
 * What the audit log records. Sign-in and account actions are written by the auth code; the
 * other routes call `audit` / `auditRequest` for imports, undos, exports and settings changes.
 */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'password_change',
  'user_create',
  'user_update',
  'user_password_reset',
  'token_create',
  'token_revoke',
  'import',
  'import_undo',
  'export',
  'report',
  'settings_update',
  'backup',
  'problem_create',
  'problem_update',
  'survey_void',
  'survey_release',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  /** Who: a username, `token:<name>`, `local-cli` or `system`. */
  username: string;
  action: AuditAction;
  /** What was acted on: a zone id, import id, username, token id... */
  target?: string | null;
  /** Anything else worth keeping, as JSON (never a password or token). */
  detail?: unknown;
  ip?: string | null;
  userAgent?: string | null;
  /** When, epoch ms; defaults to now. */
  at?: number;
}

/** Appends one row to the audit log. There is no way to change or remove a row. */
export async function audit(db: Database, entry: AuditEntry): Promise<void> {
  await insertAudit(db, {
    at: entry.at ?? Date.now(),
    username: entry.username,
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent ?? null,
  });
}

/**
 * Audit from inside an authenticated route: who = c.var.principal, from where = the request.
 *   await auditRequest(c, deps, 'import', String(importId), { file: name, rows });
 */
export async function auditRequest(
  c: Context<AppEnv>,
  deps: AppDeps,
  action: AuditAction,
  target?: string | null,
  detail?: unknown,
): Promise<void> {
  const settings = authSettings(deps);
  const meta = requestMeta(c, settings.trustProxy);
  await audit(deps.db, {
    username: c.var.principal.username,
    action,
    target: target ?? null,
    detail,
    ip: meta.ip,
    userAgent: meta.userAgent,
    at: settings.now(),
  });
}
