import { createApp } from '../../../server/app.ts';
import { hashPassword } from '../../../server/auth/passwords.ts';
import type { Role } from '../../../server/auth/principal.ts';
import { SESSION_COOKIE, startSession } from '../../../server/auth/sessions.ts';
import { authSettings } from '../../../server/auth/settings.ts';
import { type Database, openDatabase } from '../../../server/db/database.ts';
import type { AppDeps } from '../../../server/env.ts';

/**
 * Shared set-up for the auth tests: an in-memory database with a two-branch hierarchy, one user
 * per role, and an app whose clock the test controls.
 *
 *   bureau BU-ALPHA > division DV-ALPHA > station ST-ALPHA > zone ZN-ALPHA  (every non-admin scope covers it)
 *   bureau BU-BRAVO > division DV-BRAVO > station ST-BRAVO > zone ZN-BRAVO  (out of scope for all but admin)
 * The ids and the Bravo zone's name (OUT_OF_SCOPE_MARKERS) are distinctive, so a test can check
 * that no answer mentions them.
 */
export const PASSWORD = 'correct horse battery';
export const START = Date.parse('2026-01-05T09:00:00Z');

export const FX = {
  bureauIn: 'BU-ALPHA',
  bureauOut: 'BU-BRAVO',
  divisionIn: 'DV-ALPHA',
  divisionOut: 'DV-BRAVO',
  stationIn: 'ST-ALPHA',
  stationOut: 'ST-BRAVO',
  zoneIn: 'ZN-ALPHA',
  zoneOut: 'ZN-BRAVO',
  zoneOutName: 'โซนบราโว',
} as const;

/** Strings that must never appear in an answer to a principal whose scope excludes the Bravo branch. */
export const OUT_OF_SCOPE_MARKERS = [FX.zoneOut, FX.stationOut, FX.divisionOut, FX.zoneOutName];

/** The fixture user of each role, and its scope (all cover ZN-ALPHA only, except admin). */
export const USERS: Record<Role, { username: string; scope: object }> = {
  admin: { username: 'fx-admin', scope: { kind: 'national' } },
  analyst: { username: 'fx-analyst', scope: { kind: 'division', codes: [FX.divisionIn] } },
  commander: { username: 'fx-commander', scope: { kind: 'station', codes: [FX.stationIn] } },
  executive: { username: 'fx-executive', scope: { kind: 'zones', ids: [FX.zoneIn] } },
  viewer: { username: 'fx-viewer', scope: { kind: 'bureau', codes: [FX.bureauIn] } },
};

const square = (lon: number, lat: number) =>
  JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + 0.01, lat],
        [lon + 0.01, lat + 0.01],
        [lon, lat + 0.01],
        [lon, lat],
      ],
    ],
  });

let cachedHash: Promise<string> | undefined;

/** Hierarchy, two zones and the role users, by plain SQL. */
export async function seedFixture(db: Database): Promise<void> {
  cachedHash ??= hashPassword(PASSWORD);
  const hash = await cachedHash;
  await db.withConnection(async (conn) => {
    await conn.run(`
      INSERT INTO bureaus VALUES ('BU-ALPHA', 'ภาค ก', 'Region A', 'ภ.ก'), ('BU-BRAVO', 'ภาค ข', 'Region B', 'ภ.ข');
      INSERT INTO provinces VALUES ('TH-A', 'จังหวัด ก', 'Province A', 'BU-ALPHA'), ('TH-B', 'จังหวัด ข', 'Province B', 'BU-BRAVO');
      INSERT INTO divisions VALUES ('DV-ALPHA', 'BU-ALPHA', 'ภ.จว.ก', 'Division A', 'ภ.จว.ก', 'TH-A'),
                                   ('DV-BRAVO', 'BU-BRAVO', 'ภ.จว.ข', 'Division B', 'ภ.จว.ข', 'TH-B');
      INSERT INTO stations VALUES ('ST-ALPHA', 'สภ.ก', 'Station A', 'สภ.', 'DV-ALPHA', 'TH-A', 7.0, 100.4, NULL),
                                  ('ST-BRAVO', 'สภ.ข', 'Station B', 'สภ.', 'DV-BRAVO', 'TH-B', 13.7, 100.5, NULL);
    `);
    const zone = `INSERT INTO zones (id, station_code, name_th, name_en, kind, criteria, start_date, population,
                    area_km2, municipality, geometry, min_lon, min_lat, max_lon, max_lat)
                  VALUES ($id, $station, $name, $name, 'market', 'risk', DATE '2022-01-01', 1000, 1.0, $muni,
                          $geometry::JSON, $lon, $lat, $lon + 0.01, $lat + 0.01)`;
    await conn.run(zone, {
      id: FX.zoneIn,
      station: FX.stationIn,
      name: 'โซนอัลฟา',
      muni: 'เทศบาล ก',
      geometry: square(100.4, 7.0),
      lon: 100.4,
      lat: 7.0,
    });
    await conn.run(zone, {
      id: FX.zoneOut,
      station: FX.stationOut,
      name: FX.zoneOutName,
      muni: 'เทศบาล ข',
      geometry: square(100.5, 13.7),
      lon: 100.5,
      lat: 13.7,
    });
    for (const [role, u] of Object.entries(USERS)) {
      await conn.run(
        `INSERT INTO users (username, display_name, password_hash, role, scope, created_at, password_changed_at)
         VALUES ($username, $name, $hash, $role, $scope::JSON, now(), now())`,
        { username: u.username, name: `Fixture ${role}`, hash, role, scope: JSON.stringify(u.scope) },
      );
    }
  });
}

export interface TestClock {
  now: () => number;
  advance: (ms: number) => void;
  set: (ms: number) => void;
}

export function testClock(start = START): TestClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}

export interface TestApp {
  db: Database;
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  clock: TestClock;
}

export async function openTestApp(overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  const db = await openDatabase(':memory:');
  await seedFixture(db);
  const clock = testClock();
  const deps: AppDeps = {
    db,
    version: 'test',
    secureCookies: false,
    maxUploadBytes: 10 * 1024 * 1024,
    ...overrides,
    auth: { now: clock.now, ...overrides.auth },
  };
  return { db, app: createApp(deps), deps, clock };
}

export interface Credentials {
  cookie: string;
  csrf: string;
}

/** Signs in through the API; throws unless it worked. */
export async function login(t: TestApp, username: string, password = PASSWORD): Promise<Credentials> {
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { csrfToken: string } };
  return { cookie: sessionCookieFrom(res), csrf: body.user.csrfToken };
}

/** A session made directly (no scrypt): fast, for tests that need many. */
export async function quickSession(t: TestApp, username: string): Promise<Credentials> {
  const s = await startSession(t.db, authSettings(t.deps), username, { ip: 'test', userAgent: 'vitest' });
  return { cookie: `${SESSION_COOKIE}=${s.id}`, csrf: s.csrfToken };
}

export function sessionCookieFrom(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  const match = new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(header);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return `${SESSION_COOKIE}=${match[1]}`;
}

export interface Call {
  method?: string;
  body?: unknown;
  as?: Credentials | undefined;
  /** Send the session's CSRF token (default true when `as` is given). */
  csrf?: boolean;
  headers?: Record<string, string>;
}

export function call(t: TestApp, path: string, opts: Call = {}): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.as) {
    headers.cookie = opts.as.cookie;
    if (opts.csrf !== false) headers['x-csrf-token'] = opts.as.csrf;
  }
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  return Promise.resolve(
    t.app.request(path, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
  );
}

export async function auditRows(db: Database, action?: string) {
  return db.all<{ username: string; action: string; target: string | null; detail: string | null; ip: string | null }>(
    `SELECT username, action, target, detail::VARCHAR AS detail, ip FROM audit_log
      WHERE $action IS NULL OR action = $action ORDER BY id`,
    { action: action ?? null },
  );
}
