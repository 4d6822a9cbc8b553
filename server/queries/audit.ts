import type { Database } from '../db/database.ts';

/**
 * The audit log is append-only: this module is the only code that touches audit_log, and it has
 * an INSERT and SELECTs. Do not add an UPDATE or DELETE here or anywhere else.
 */
export interface AuditInsert {
  at: number;
  username: string;
  action: string;
  target: string | null;
  detail: unknown;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditRow {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  username: string;
  action: string;
  target: string | null;
  detail: unknown;
  ip: string | null;
  userAgent: string | null;
}

export async function insertAudit(db: Database, e: AuditInsert): Promise<void> {
  await db.all(
    `INSERT INTO audit_log (logged_at, username, action, target, detail, ip, user_agent)
     VALUES (to_timestamp($at), $username, $action, $target, $detail::JSON, $ip, $ua)`,
    {
      at: e.at / 1000,
      username: e.username,
      action: e.action,
      target: e.target,
      detail: e.detail === undefined ? null : JSON.stringify(e.detail),
      ip: e.ip,
      ua: e.userAgent,
    },
  );
}

export interface AuditFilter {
  username?: string | undefined;
  action?: string | undefined;
  /** Inclusive lower bound, epoch ms. */
  fromMs?: number | undefined;
  /** Exclusive upper bound, epoch ms. */
  toMs?: number | undefined;
  limit: number;
  offset: number;
}

const WHERE = `($username IS NULL OR username = $username)
  AND ($action IS NULL OR action = $action)
  AND ($from IS NULL OR logged_at >= to_timestamp($from))
  AND ($to IS NULL OR logged_at < to_timestamp($to))`;

/** Newest first. */
export async function listAudit(db: Database, f: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
  const params = {
    username: f.username ?? null,
    action: f.action ?? null,
    from: f.fromMs === undefined ? null : f.fromMs / 1000,
    to: f.toMs === undefined ? null : f.toMs / 1000,
  };
  const rows = await db.all<Omit<AuditRow, 'at' | 'detail'> & { atMs: number; detail: string | null }>(
    `SELECT id, epoch_ms(logged_at)::DOUBLE AS "atMs", username, action, target, detail::VARCHAR AS detail, ip,
            user_agent AS "userAgent"
       FROM audit_log WHERE ${WHERE}
      ORDER BY id DESC LIMIT $limit OFFSET $offset`,
    { ...params, limit: f.limit, offset: f.offset },
  );
  const [count] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM audit_log WHERE ${WHERE}`, params);
  const items = rows.map(({ atMs, detail, ...r }) => ({
    ...r,
    at: new Date(atMs).toISOString(),
    detail: detail === null ? null : (JSON.parse(detail) as unknown),
  }));
  return { items, total: count?.n ?? 0 };
}
