import type { Principal } from './auth/principal.ts';
import type { FormLimits } from './contracts/resident-survey.ts';
import type { AuthOptions } from './auth/settings.ts';
import type { Database } from './db/database.ts';
import type { ReportDeps } from './reports/deps.ts';

/** What every route gets: the database and the app's settings. Built once in main.ts (or a test). */
export interface AppDeps {
  db: Database;
  version: string;
  /** Cookies get the Secure flag when the app is served over HTTPS. */
  secureCookies: boolean;
  /** Largest accepted upload in bytes. */
  maxUploadBytes: number;
  /** Session lifetimes, lockout limits, proxy trust and the clock (tests move it); defaults in auth/settings.ts. */
  auth?: AuthOptions;
  /**
   * PDF reports (server/reports): the one Chromium, print tickets and report jobs. main.ts makes
   * them; tests through app.request() leave them out, and the report routes then answer 503 after
   * their permission and scope checks.
   */
  reports?: ReportDeps;
  /** The resident survey form (issue #20); every field has a default (services/survey-form.ts). */
  survey?: SurveyFormOptions;
}

export interface SurveyFormOptions {
  /** The public address the posters' QR codes carry (SSZ_PUBLIC_URL); default: the request's own origin. */
  publicUrl?: string;
  /** The form token's HMAC key; default: a secret made once and kept in the database. */
  secret?: string;
  /** Rate limits (contracts/resident-survey.ts DEFAULT_FORM_LIMITS). */
  limits?: Partial<FormLimits>;
  /** Answers are counted into the figures at most this often; 0 (the default) = before the answer is acknowledged. */
  countEveryMs?: number;
}

/** Hono environment: per-request variables set by middleware. */
export interface AppEnv {
  Variables: {
    principal: Principal;
    /** In-scope zone ids, or null when the principal sees the whole country. */
    zoneIds: string[] | null;
  };
}
