/**
 * The admin screen's reads behind /api/admin: users, API tokens and the audit log, a page at a
 * time. (Changes to accounts and tokens are in server/auth/accounts.ts.)
 */
import { bangkokDayStart } from '../contracts/calendar.ts';
import type { Database } from '../db/database.ts';
import { listAudit } from '../queries/audit.ts';

export { listTokens } from '../queries/tokens.ts';
export { listUsers } from '../queries/users.ts';

const DAY_MS = 86_400_000;
const AUDIT_PAGE_SIZE = 50;
const MAX_AUDIT_PAGE_SIZE = 200;

export interface AuditPageQuery {
  user?: string | undefined;
  action?: string | undefined;
  /** Bangkok calendar dates 'YYYY-MM-DD', both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** 1-based. */
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** One page of the audit log, newest first, filtered by user, action and Bangkok dates. */
export async function auditPage(db: Database, q: AuditPageQuery) {
  const page = q.page ?? 1;
  const pageSize = Math.min(q.pageSize ?? AUDIT_PAGE_SIZE, MAX_AUDIT_PAGE_SIZE);
  const { items, total } = await listAudit(db, {
    username: q.user,
    action: q.action,
    fromMs: q.from === undefined ? undefined : bangkokDayStart(q.from),
    toMs: q.to === undefined ? undefined : bangkokDayStart(q.to) + DAY_MS,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items, total, page, pageSize };
}
