import type { Database } from '../db/database.ts';
import { findUser } from '../queries/users.ts';
import { type Action, permissionsOf } from './permissions.ts';
import type { Principal, Role, Scope } from './principal.ts';

/** What /api/auth/me and a successful login answer: enough for the SPA to decide what to show. */
export interface Me {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  via: Principal['via'];
  /** Send back as X-CSRF-Token on every POST/PUT/PATCH/DELETE; null for API tokens (exempt). */
  csrfToken: string | null;
  permissions: Action[];
  /** A generated or reset password: the SPA should ask for a new one. */
  mustChangePassword: boolean;
}

export async function describePrincipal(db: Database, principal: Principal, csrfToken: string | null): Promise<Me> {
  const user = principal.via === 'session' ? await findUser(db, principal.username) : null;
  return {
    username: principal.username,
    displayName: user?.displayName ?? principal.username,
    role: principal.role,
    scope: principal.scope,
    via: principal.via,
    csrfToken,
    permissions: permissionsOf(principal),
    mustChangePassword: user?.mustChangePassword ?? false,
  };
}
