import type { Migration } from './index.ts';

/**
 * Accounts, sessions, API tokens, sign-in throttling and the audit log.
 * - Secrets are never stored: passwords as scrypt hashes (parameters inside the string),
 *   session ids and API tokens as sha256 hex of 32 random bytes.
 * - scope is the JSON of auth/principal.ts `Scope`.
 * - audit_log is append-only: the code has an INSERT and SELECTs for it, never UPDATE or DELETE.
 *   (`at` is a DuckDB keyword, hence logged_at.)
 */
export const authSchema: Migration = {
  version: 2,
  name: 'auth: users, sessions, api tokens, login attempts, audit log',
  sql: `
CREATE TABLE users (
  username VARCHAR PRIMARY KEY,
  display_name VARCHAR NOT NULL,
  password_hash VARCHAR NOT NULL,
  role VARCHAR NOT NULL,
  scope JSON NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT false,
  must_change_password BOOLEAN NOT NULL DEFAULT false,
  created_at TIMESTAMPTZ NOT NULL,
  created_by VARCHAR,
  password_changed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE sessions (
  id_hash VARCHAR PRIMARY KEY,
  username VARCHAR NOT NULL,
  csrf_token VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  last_seen_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  ip VARCHAR,
  user_agent VARCHAR
);

CREATE SEQUENCE api_tokens_id_seq START 1;
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY DEFAULT nextval('api_tokens_id_seq'),
  name VARCHAR NOT NULL,
  token_hash VARCHAR NOT NULL,
  role VARCHAR NOT NULL,
  scope JSON NOT NULL,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ,
  last_used_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ,
  revoked_by VARCHAR
);

-- Failed sign-ins only; kind 'user' (key = username) or 'ip' (key = client address).
CREATE TABLE login_attempts (
  kind VARCHAR NOT NULL,
  key VARCHAR NOT NULL,
  attempted_at TIMESTAMPTZ NOT NULL
);

CREATE SEQUENCE audit_log_id_seq START 1;
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY DEFAULT nextval('audit_log_id_seq'),
  logged_at TIMESTAMPTZ NOT NULL,
  username VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  target VARCHAR,
  detail JSON,
  ip VARCHAR,
  user_agent VARCHAR
);
`,
};
