import type { Role, Scope } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';

/** A user as the admin screens see it: never the password hash. Times are epoch milliseconds. */
export interface UserRow {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: number;
  passwordChangedAt: number;
}

export interface UserWithHash extends UserRow {
  passwordHash: string;
}

type RawUser = Omit<UserWithHash, 'scope'> & { scope: string };

const COLUMNS = `username, display_name AS "displayName", role, scope::VARCHAR AS scope, disabled,
  must_change_password AS "mustChangePassword", epoch_ms(created_at)::DOUBLE AS "createdAt",
  epoch_ms(password_changed_at)::DOUBLE AS "passwordChangedAt"`;

const toUser = ({ scope, ...rest }: RawUser): UserWithHash => ({ ...rest, scope: JSON.parse(scope) as Scope });
const withoutHash = ({ passwordHash: _, ...user }: UserWithHash): UserRow => user;

export async function findUser(db: Database, username: string): Promise<UserWithHash | null> {
  const [row] = await db.all<RawUser>(
    `SELECT ${COLUMNS}, password_hash AS "passwordHash" FROM users WHERE username = $username`,
    { username },
  );
  return row ? toUser(row) : null;
}

export async function listUsers(db: Database): Promise<UserRow[]> {
  const rows = await db.all<RawUser>(`SELECT ${COLUMNS}, '' AS "passwordHash" FROM users ORDER BY username`);
  return rows.map((r) => withoutHash(toUser(r)));
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM users');
  return row?.n ?? 0;
}

/** Enabled administrators other than `except` (pass '' to count all). */
export async function countEnabledAdmins(db: Database, except: string): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM users WHERE role = 'admin' AND NOT disabled AND username <> $except`,
    { except },
  );
  return row?.n ?? 0;
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  scope: Scope;
  mustChangePassword: boolean;
  createdBy: string;
  now: number;
}

export async function insertUser(db: Database, u: NewUser): Promise<void> {
  await db.all(
    `INSERT INTO users (username, display_name, password_hash, role, scope, disabled, must_change_password,
                        created_at, created_by, password_changed_at)
     VALUES ($username, $displayName, $passwordHash, $role, $scope::JSON, false, $mustChange,
             to_timestamp($now), $createdBy, to_timestamp($now))`,
    {
      username: u.username,
      displayName: u.displayName,
      passwordHash: u.passwordHash,
      role: u.role,
      scope: JSON.stringify(u.scope),
      mustChange: u.mustChangePassword,
      createdBy: u.createdBy,
      now: u.now / 1000,
    },
  );
}

export interface UserPatch {
  displayName?: string | undefined;
  role?: Role | undefined;
  scope?: Scope | undefined;
  disabled?: boolean | undefined;
}

/** Changes the given fields (absent = unchanged). False when no such user. */
export async function updateUser(db: Database, username: string, patch: UserPatch): Promise<boolean> {
  const rows = await db.all<{ username: string }>(
    `UPDATE users SET
       display_name = coalesce($displayName, display_name),
       role = coalesce($role, role),
       scope = coalesce($scope::JSON, scope),
       disabled = coalesce($disabled, disabled)
     WHERE username = $username
     RETURNING username`,
    {
      username,
      displayName: patch.displayName ?? null,
      role: patch.role ?? null,
      scope: patch.scope ? JSON.stringify(patch.scope) : null,
      disabled: patch.disabled ?? null,
    },
  );
  return rows.length > 0;
}

export async function setPasswordHash(
  db: Database,
  username: string,
  passwordHash: string,
  mustChangePassword: boolean,
  now: number,
): Promise<boolean> {
  const rows = await db.all<{ username: string }>(
    `UPDATE users SET password_hash = $passwordHash, must_change_password = $mustChange,
            password_changed_at = to_timestamp($now)
      WHERE username = $username RETURNING username`,
    { username, passwordHash, mustChange: mustChangePassword, now: now / 1000 },
  );
  return rows.length > 0;
}
