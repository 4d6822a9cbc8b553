/**
 * Who is asking, and what part of the hierarchy they may see. Every query that returns zone data
 * takes the principal's zone list (see queries/scope-zones.ts), so scope is enforced in SQL, not in the UI.
 */
import { ROLES, type Role, type Scope } from '../contracts/accounts.ts';

export { ROLES, type Role, type Scope };

export interface Principal {
  username: string;
  role: Role;
  scope: Scope;
  /** How the request was authenticated: a browser session, an API token, or the local command line. */
  via: 'session' | 'token' | 'local';
}

/**
 * The one scope check of a zone id: whether it is in the principal's zone list (null = the whole
 * country). Routes use it through assertZoneInScope (auth/middleware.ts) or visibleZone
 * (services/zones.ts).
 */
export function zoneVisible(zoneIds: readonly string[] | null, zoneId: string): boolean {
  return zoneIds === null || zoneIds.includes(zoneId);
}

/** The command line on the server machine itself, with direct access to the database file. */
export const LOCAL_ADMIN: Principal = {
  username: 'local-cli',
  role: 'admin',
  scope: { kind: 'national' },
  via: 'local',
};
