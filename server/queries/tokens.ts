import type { Role, Scope } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';

/** An API token as the admin screen lists it: never the hash. Times are epoch ms (null = never). */
export interface TokenRow {
  id: number;
  name: string;
  role: Role;
  scope: Scope;
  createdBy: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
  revokedBy: string | null;
}

type RawToken = Omit<TokenRow, 'scope'> & { scope: string };
const toToken = ({ scope, ...rest }: RawToken): TokenRow => ({ ...rest, scope: JSON.parse(scope) as Scope });

const COLUMNS = `id, name, role, scope::VARCHAR AS scope, created_by AS "createdBy",
  epoch_ms(created_at)::DOUBLE AS "createdAt", epoch_ms(expires_at)::DOUBLE AS "expiresAt",
  epoch_ms(last_used_at)::DOUBLE AS "lastUsedAt", epoch_ms(revoked_at)::DOUBLE AS "revokedAt",
  revoked_by AS "revokedBy"`;

export interface NewToken {
  name: string;
  tokenHash: string;
  role: Role;
  scope: Scope;
  createdBy: string;
  now: number;
  expiresAt: number | null;
}

export async function insertToken(db: Database, t: NewToken): Promise<TokenRow> {
  const [row] = await db.all<RawToken>(
    `INSERT INTO api_tokens (name, token_hash, role, scope, created_by, created_at, expires_at)
     VALUES ($name, $hash, $role, $scope::JSON, $createdBy, to_timestamp($now), to_timestamp($expires))
     RETURNING ${COLUMNS}`,
    {
      name: t.name,
      hash: t.tokenHash,
      role: t.role,
      scope: JSON.stringify(t.scope),
      createdBy: t.createdBy,
      now: t.now / 1000,
      expires: t.expiresAt === null ? null : t.expiresAt / 1000,
    },
  );
  if (!row) throw new Error('token insert returned no row');
  return toToken(row);
}

/** The token with this hash if it is neither revoked nor expired at `now`. */
export async function findActiveToken(db: Database, tokenHash: string, now: number): Promise<TokenRow | null> {
  const [row] = await db.all<RawToken>(
    `SELECT ${COLUMNS} FROM api_tokens
      WHERE token_hash = $hash AND revoked_at IS NULL
        AND (expires_at IS NULL OR expires_at > to_timestamp($now))`,
    { hash: tokenHash, now: now / 1000 },
  );
  return row ? toToken(row) : null;
}

export async function listTokens(db: Database): Promise<TokenRow[]> {
  const rows = await db.all<RawToken>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY id`);
  return rows.map(toToken);
}

export async function tokenNameTaken(db: Database, name: string): Promise<boolean> {
  const rows = await db.all('SELECT 1 FROM api_tokens WHERE name = $name', { name });
  return rows.length > 0;
}

/** Revokes an active token; null when no such token or it was already revoked. */
export async function revokeToken(db: Database, id: number, by: string, now: number): Promise<TokenRow | null> {
  const [row] = await db.all<RawToken>(
    `UPDATE api_tokens SET revoked_at = to_timestamp($now), revoked_by = $by
      WHERE id = $id AND revoked_at IS NULL RETURNING ${COLUMNS}`,
    { id, by, now: now / 1000 },
  );
  return row ? toToken(row) : null;
}

export async function touchToken(db: Database, id: number, now: number): Promise<void> {
  await db.all('UPDATE api_tokens SET last_used_at = to_timestamp($now) WHERE id = $id', { id, now: now / 1000 });
}

export async function findTokenById(db: Database, id: number): Promise<TokenRow | null> {
  const [row] = await db.all<RawToken>(`SELECT ${COLUMNS} FROM api_tokens WHERE id = $id`, { id });
  return row ? toToken(row) : null;
}
