import type { AppDeps } from '../env.ts';

/** Everything tunable about sign-in and sessions. Tests pass a clock (`now`) to move time. */
export interface AuthSettings {
  /** Milliseconds since the epoch; every expiry and lockout decision reads this clock. */
  now: () => number;
  /** A session unused for this long ends (default 8 h). */
  sessionIdleMs: number;
  /** A session ends this long after sign-in however busy it is (default 7 days). */
  sessionMaxMs: number;
  /** Failed sign-ins within `windowMs` that lock a username / an IP address, and for how long. */
  lockout: { windowMs: number; maxUserFailures: number; maxIpFailures: number; lockMs: number };
  /**
   * Behind a reverse proxy, take the client address from the last X-Forwarded-For entry (the one
   * the proxy appended). Off by default: the header is client-controlled when nothing strips it.
   */
  trustProxy: boolean;
}

/** What AppDeps.auth may override; anything left out takes the default. */
export type AuthOptions = Partial<Omit<AuthSettings, 'lockout'>> & { lockout?: Partial<AuthSettings['lockout']> };

const MINUTE = 60_000;

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  now: () => Date.now(),
  sessionIdleMs: 8 * 60 * MINUTE,
  sessionMaxMs: 7 * 24 * 60 * MINUTE,
  lockout: { windowMs: 15 * MINUTE, maxUserFailures: 5, maxIpFailures: 20, lockMs: 15 * MINUTE },
  trustProxy: false,
};

export function authSettings(deps: AppDeps): AuthSettings {
  const given = deps.auth ?? {};
  return { ...DEFAULT_AUTH_SETTINGS, ...given, lockout: { ...DEFAULT_AUTH_SETTINGS.lockout, ...given.lockout } };
}
