import type { Principal } from './auth/principal.ts';
import type { AuthOptions } from './auth/settings.ts';
import type { Database } from './db/database.ts';

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
}

/** Hono environment: per-request variables set by middleware. */
export interface AppEnv {
  Variables: {
    principal: Principal;
    /** In-scope zone ids, or null when the principal sees the whole country. */
    zoneIds: string[] | null;
  };
}
