/**
 * Account rules shared by the server (server/auth/schemas.ts validates with them) and the admin
 * screens (web/features/admin/account-forms.ts checks forms with them before sending). Pure: no
 * Node APIs, no database; the SPA imports this at run time.
 */

export const ROLES = ['admin', 'analyst', 'commander', 'executive', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What part of the police hierarchy an account or token may see. */
export type Scope =
  | { kind: 'national' }
  | { kind: 'bureau'; codes: string[] }
  | { kind: 'division'; codes: string[] }
  | { kind: 'station'; codes: string[] }
  | { kind: 'zones'; ids: string[] };

/** Lower-case letters, digits, dot, dash, underscore; 3-64 characters, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Names the system uses for itself (the local command line, jobs): no account may take them. */
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set(['local-cli', 'system', 'anonymous']);

/** An API token's name: letters (any script), marks, digits, space, dot, underscore, dash. */
export const TOKEN_NAME_PATTERN = /^[\p{L}\p{M}\p{N} ._-]+$/u;
export const TOKEN_NAME_MAX_LENGTH = 100;

export const MIN_PASSWORD_LENGTH = 10;
/** Longer inputs are refused before hashing (scrypt's cost grows with the input). */
export const MAX_PASSWORD_LENGTH = 256;

export const DISPLAY_NAME_MAX_LENGTH = 200;
