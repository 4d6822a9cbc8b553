/**
 * Who is asking, and what part of the hierarchy they may see. Every query that returns zone data
 * takes the principal's zone list (see queries/scope-zones.ts), so scope is enforced in SQL, not in the UI.
 */
export const ROLES = ['admin', 'analyst', 'commander', 'executive', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export type Scope =
  | { kind: 'national' }
  | { kind: 'bureau'; codes: string[] }
  | { kind: 'division'; codes: string[] }
  | { kind: 'station'; codes: string[] }
  | { kind: 'zones'; ids: string[] };

export interface Principal {
  username: string;
  role: Role;
  scope: Scope;
  /** How the request was authenticated: a browser session, an API token, or the local command line. */
  via: 'session' | 'token' | 'local';
}

/** The command line on the server machine itself, with direct access to the database file. */
export const LOCAL_ADMIN: Principal = {
  username: 'local-cli',
  role: 'admin',
  scope: { kind: 'national' },
  via: 'local',
};
