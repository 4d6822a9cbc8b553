/**
 * THE AUTHORIZATION MATRIX: one table, keyed by "METHOD /api/path/:param" exactly as Hono lists
 * the route, giving for each role (and for no credentials at all) the expected status in scope
 * and out of scope. The test walks app.routes and FAILS when an /api route has no entry here, so
 * an endpoint added later without deciding who may call it breaks the build.
 *
 * Reading a cell: '200' = the same answer in and out of scope; '200/404' = 200 in scope, 404 out.
 * Columns: admin, analyst, commander, executive, viewer, anonymous (no cookie, no token).
 * "In scope" means zone ZN-ALPHA / station ST-ALPHA, which every fixture user's scope covers;
 * "out of scope" means ZN-BRAVO / ST-BRAVO, which only the national admin sees (helpers.ts).
 * For routes without a zone or station (sign-in, admin screens) 'out' is the route's own
 * "other" case - a wrong password, a user or token that does not exist - as its comment says.
 *
 * Every request is made with a fresh session of the fixture user of that role, with its CSRF
 * token. On top of the status, every 2xx answer to a non-admin must not mention the Bravo zone,
 * station or division (rollups include only in-scope zones).
 *
 * Entries for routes the app does not have (yet) are reported and skipped, not failed: the lead
 * can add the row in the same change as the route. Middleware (`use`, method ALL) is not a route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../server/auth/principal.ts';
import { authSettings } from '../../../server/auth/settings.ts';
import { issueApiToken } from '../../../server/auth/tokens.ts';
import { DEFAULT_PROGRAMME_SETTINGS } from '../../../server/settings/kpi-settings.ts';
import { call, FX, OUT_OF_SCOPE_MARKERS, openTestApp, PASSWORD, quickSession, type TestApp, USERS } from './helpers.ts';

type Who = Role | 'anonymous';
const WHO: readonly Who[] = [...ROLES, 'anonymous'];
type Cell = `${number}` | `${number}/${number}`;

interface Ctx {
  t: TestApp;
  who: Who;
  scope: 'in' | 'out';
  /** The zone / station for this scope case. */
  zone: string;
  station: string;
  /** The fixture user of the role (admin's for anonymous). */
  username: string;
  /** Unique per request, for names that must not repeat. */
  n: number;
}

interface Entry {
  expect: Record<Who, Cell>;
  /** Path (and body) of the request; default: the key's path, no body. */
  request?: (ctx: Ctx) => { path: string; body?: unknown } | Promise<{ path: string; body?: unknown }>;
  /** What a 2xx answer may tell this caller, beyond its status (e.g. a public route's details). */
  reveals?: (who: Who, body: unknown) => void;
}

/** A row of the table, in column order admin, analyst, commander, executive, viewer, anonymous. */
const row = (admin: Cell, analyst: Cell, commander: Cell, executive: Cell, viewer: Cell, anonymous: Cell) => ({
  admin,
  analyst,
  commander,
  executive,
  viewer,
  anonymous,
});

const adminOnly = (ok: Cell) => row(ok, '403', '403', '403', '403', '401');
const everyone = (ok: Cell) => row(ok, ok, ok, ok, ok, '401');
/** Zone-scoped reading: the national admin sees both zones, everyone else only ZN-ALPHA. */
const zoneScoped = (ok: `${number}`) => row(ok, `${ok}/404`, `${ok}/404`, `${ok}/404`, `${ok}/404`, '401');
/** Import and undo: admin, analyst, commander; executives and viewers may not. */
const importers = (ok: `${number}`) => row(ok, ok, ok, '403', '403', '401');
const importersScoped = (ok: `${number}`) => row(ok, `${ok}/404`, `${ok}/404`, '403', '403', '401');
/** Exports: every role but the viewer (export is its own permission). */
const exporters = (ok: Cell) => row(ok, ok, ok, ok, '403', '401');

/** An (empty) import recorded for one station, as the pipeline records them. */
async function recordImport(t: TestApp, station: string, n: number): Promise<number> {
  const [row] = await t.db.all<{ id: number }>(
    `INSERT INTO imports (kind, file_name, sha256, username, row_counts, station_codes)
     VALUES ('partners', $name, $sha, 'matrix', '{}', [$station]) RETURNING id`,
    { name: `matrix-${n}.csv`, sha: `matrix-${n}`, station },
  );
  if (!row) throw new Error('no import recorded');
  return row.id;
}

/** A problem of one station that has risen to its division (visible to the division's users). */
async function recordProblemAtDivision(t: TestApp, station: string): Promise<number> {
  const [row] = await t.db.all<{ id: number }>(
    `INSERT INTO problems (category, category_version, raised_on, station_code, description, raised_by, level, status,
                           top_rank, created_by)
     VALUES ('noise', 1, DATE '2025-12-01', $station, 'matrix', 'network', 'division', 'open', 2, 'matrix') RETURNING id`,
    { station },
  );
  if (!row) throw new Error('no problem recorded');
  return row.id;
}

const MATRIX: Record<string, Entry> = {
  //                                        admin      analyst    commander  executive  viewer     anonymous
  // Public, but the version, schema and row counts only for signed-in callers.
  'GET /api/health': {
    expect: row('200', '200', '200', '200', '200', '200'),
    reveals: (who, body) =>
      who === 'anonymous'
        ? expect(body).toEqual({ status: 'ok' })
        : expect(Object.keys(body as object).sort()).toEqual(['counts', 'schema', 'status', 'version']),
  },

  // The API's own description: public, and the same for everyone.
  'GET /api/openapi.json': { expect: row('200', '200', '200', '200', '200', '200') },
  'GET /api/docs': { expect: row('200', '200', '200', '200', '200', '200') },

  // Sign-in. in = the role's own username and password; out = a wrong password. Anonymous = nobody.
  'POST /api/auth/login': {
    expect: row('200/401', '200/401', '200/401', '200/401', '200/401', '401'),
    request: ({ who, scope, username }) => ({
      path: '/api/auth/login',
      body:
        who === 'anonymous'
          ? { username: 'nobody-at-all', password: 'whatever it is' }
          : { username, password: scope === 'in' ? PASSWORD : 'not the password' },
    }),
  },
  'POST /api/auth/logout': { expect: everyone('200') },
  'GET /api/auth/me': { expect: everyone('200') },
  // Public: signed out is an answer ({ user: null }), not a 401.
  'GET /api/auth/session': {
    expect: row('200', '200', '200', '200', '200', '200'),
    reveals: (who, body) =>
      who === 'anonymous'
        ? expect(body).toEqual({ user: null })
        : expect((body as { user: { username: string } | null }).user?.username).toBeTruthy(),
  },
  // Password change. in = right current password; out = wrong current password.
  'POST /api/auth/password': {
    expect: everyone('200/403'),
    request: ({ scope }) => ({
      path: '/api/auth/password',
      body: { currentPassword: scope === 'in' ? PASSWORD : 'not the password', newPassword: PASSWORD },
    }),
  },

  // Admin screens. For routes with an id: in = an existing user / token, out = one that does not exist.
  'GET /api/admin/users': { expect: adminOnly('200') },
  'POST /api/admin/users': {
    expect: adminOnly('201'),
    request: ({ n }) => ({
      path: '/api/admin/users',
      body: {
        username: `mx-user-${n}`,
        displayName: 'M',
        role: 'viewer',
        scope: { kind: 'national' },
        password: PASSWORD,
      },
    }),
  },
  'PATCH /api/admin/users/:username': {
    expect: adminOnly('200/404'),
    request: ({ scope }) => ({
      path: `/api/admin/users/${scope === 'in' ? 'mx-spare' : 'mx-nobody'}`,
      body: { displayName: 'Spare user' },
    }),
  },
  'POST /api/admin/users/:username/password': {
    expect: adminOnly('200/404'),
    request: ({ scope }) => ({
      path: `/api/admin/users/${scope === 'in' ? 'mx-spare' : 'mx-nobody'}/password`,
      body: { password: 'a new spare password' },
    }),
  },
  'GET /api/admin/tokens': { expect: adminOnly('200') },
  'POST /api/admin/tokens': {
    expect: adminOnly('201'),
    request: ({ n }) => ({
      path: '/api/admin/tokens',
      body: { name: `mx-token-${n}`, role: 'viewer', scope: { kind: 'national' } },
    }),
  },
  'DELETE /api/admin/tokens/:id': {
    expect: adminOnly('200/404'),
    request: async ({ t, scope, n }) => {
      if (scope === 'out') return { path: '/api/admin/tokens/987654' };
      const { token } = await issueApiToken(t.db, authSettings(t.deps), {
        name: `mx-revoke-${n}`,
        role: 'viewer',
        scope: { kind: 'national' },
        createdBy: 'matrix',
        expiresAt: null,
      });
      return { path: `/api/admin/tokens/${token.id}` };
    },
  },
  'GET /api/admin/audit': { expect: adminOnly('200') },
  // A copy of the whole database (passwords' and tokens' hashes included): administrators only.
  'POST /api/admin/backup': { expect: adminOnly('200') },

  // Dashboards: rollups and lists cover only in-scope zones (checked by the marker scan).
  'GET /api/kpis': { expect: everyone('200') },
  'GET /api/exports/kpis.csv': { expect: exporters('200') },
  'GET /api/exports/kpis.xlsx': { expect: exporters('200') },
  // The numbers behind a zone's charts: exporters, and the zone in scope.
  'GET /api/exports/zones/:id/crime.csv': {
    expect: row('200', '200/404', '200/404', '200/404', '403', '401'),
    request: ({ zone }) => ({ path: `/api/exports/zones/${zone}/crime.csv` }),
  },
  'GET /api/exports/zones/:id/survey.csv': {
    expect: row('200', '200/404', '200/404', '200/404', '403', '401'),
    request: ({ zone }) => ({ path: `/api/exports/zones/${zone}/survey.csv?item=trust` }),
  },
  // PDF reports: export permission, then the report's scope (404 out of scope, as zones); the
  // test app has no Chromium (AppDeps.reports unset), so an allowed report answers 503 after both
  // checks - tests/e2e/reports.e2e.test.ts makes real ones.
  'GET /api/reports/zones/:file': {
    expect: row('503', '503/404', '503/404', '503/404', '403', '401'),
    request: ({ zone }) => ({ path: `/api/reports/zones/${zone}.pdf` }),
  },
  'GET /api/reports/units/:file': {
    expect: row('503', '503/404', '503/404', '503/404', '403', '401'),
    request: ({ station }) => ({ path: `/api/reports/units/${station}.pdf` }),
  },
  'GET /api/reports/units/:code/pack.pdf': {
    expect: row('503', '503/404', '503/404', '503/404', '403', '401'),
    request: ({ station }) => ({ path: `/api/reports/units/${station}/pack.pdf` }),
  },
  'GET /api/reports/zones/:id/poster.pdf': {
    expect: row('503', '503/404', '503/404', '503/404', '403', '401'),
    request: ({ zone }) => ({ path: `/api/reports/zones/${zone}/poster.pdf` }),
  },
  'GET /api/reports/units/:code/posters.pdf': {
    expect: row('503', '503/404', '503/404', '503/404', '403', '401'),
    request: ({ station }) => ({ path: `/api/reports/units/${station}/posters.pdf` }),
  },
  'POST /api/reports/jobs': {
    expect: row('503', '503/404', '503/404', '503/404', '403', '401'),
    request: ({ station }) => ({ path: '/api/reports/jobs', body: { kind: 'pack', id: station } }),
  },
  // A job is its owner's alone; none exists here, so everyone allowed gets the missing job's 404.
  'GET /api/reports/jobs/:id': {
    expect: row('404', '404', '404', '404', '403', '401'),
    request: () => ({ path: '/api/reports/jobs/00000000-0000-4000-8000-000000000000' }),
  },
  'GET /api/reports/jobs/:id/file': {
    expect: row('404', '404', '404', '404', '403', '401'),
    request: () => ({ path: '/api/reports/jobs/00000000-0000-4000-8000-000000000000/file' }),
  },
  'GET /api/zones': { expect: everyone('200') },
  'GET /api/zones/geojson': { expect: everyone('200') },
  'GET /api/zones/data-dates': { expect: everyone('200') },
  'GET /api/zones/:id': { expect: zoneScoped('200'), request: ({ zone }) => ({ path: `/api/zones/${zone}` }) },
  'GET /api/zones/:id/series': {
    expect: zoneScoped('200'),
    request: ({ zone }) => ({ path: `/api/zones/${zone}/series` }),
  },
  'GET /api/zones/:id/counterfactual': {
    expect: zoneScoped('200'),
    request: ({ zone }) => ({ path: `/api/zones/${zone}/counterfactual` }),
  },
  'GET /api/zones/:id/explanation': {
    expect: zoneScoped('200'),
    request: ({ zone }) => ({ path: `/api/zones/${zone}/explanation` }),
  },
  'GET /api/zones/:id/incidents': {
    expect: zoneScoped('200'),
    request: ({ zone }) => ({ path: `/api/zones/${zone}/incidents` }),
  },
  'GET /api/units/:code': { expect: everyone('200'), request: () => ({ path: `/api/units/${FX.bureauIn}` }) },
  'GET /api/zones/:id/survey': {
    expect: zoneScoped('200'),
    request: ({ zone }) => ({ path: `/api/zones/${zone}/survey` }),
  },

  // Settings: analysts within scope; programme-wide needs national scope (the fixture analyst has a division).
  'GET /api/settings': { expect: everyone('200') },
  'PUT /api/settings/programme': {
    expect: row('200', '403', '403', '403', '403', '401'),
    request: () => ({ path: '/api/settings/programme', body: DEFAULT_PROGRAMME_SETTINGS }),
  },
  'PUT /api/settings/zones/:id': {
    expect: row('200', '200/404', '403', '403', '403', '401'),
    request: ({ zone }) => ({ path: `/api/settings/zones/${zone}`, body: { fearTarget: 40 } }),
  },
  'DELETE /api/settings/zones/:id': {
    expect: row('200', '200/404', '403', '403', '403', '401'),
    request: ({ zone }) => ({ path: `/api/settings/zones/${zone}` }),
  },

  // Stronger Together problems: reading follows the level a problem has risen to (in SQL, checked by
  // the marker scan); recording and changing need edit_problems and the station's own scope or
  // national, so the fixture's division analyst reads a problem that rose to it (403 to change it).
  'GET /api/problems/categories': { expect: everyone('200') },
  'GET /api/problems': { expect: everyone('200') },
  'GET /api/problems/summary': {
    expect: everyone('200'),
    request: () => ({ path: `/api/problems/summary?unit=${FX.bureauIn}` }),
  },
  'GET /api/exports/problems.csv': {
    expect: exporters('200'),
    request: () => ({ path: `/api/exports/problems.csv?unit=${FX.bureauIn}` }),
  },
  'GET /api/exports/problems.xlsx': {
    expect: exporters('200'),
    request: () => ({ path: `/api/exports/problems.xlsx?unit=${FX.bureauIn}` }),
  },
  'POST /api/problems': {
    expect: row('201', '403/404', '201/404', '403', '403', '401'),
    request: ({ station, n }) => ({
      path: '/api/problems',
      body: {
        category: 'noise',
        raisedOn: '2025-12-01',
        stationCode: station,
        description: `m${n}`,
        raisedBy: 'network',
      },
    }),
  },
  'PATCH /api/problems/:id': {
    expect: row('200', '403/404', '200/404', '403', '403', '401'),
    request: async ({ t, station }) => ({
      path: `/api/problems/${await recordProblemAtDivision(t, station)}`,
      body: { status: 'in_progress', note: 'matrix' },
    }),
  },

  // The resident survey's answers: public, whoever asks. in = an answer with the zone form's own
  // token; out = an answer without a token (403 for everyone, signed in or not).
  'POST /api/public/survey/:zoneId': {
    expect: row('201/403', '201/403', '201/403', '201/403', '201/403', '201/403'),
    request: async ({ t, zone, scope }) => {
      const page = await (await t.app.request(`/s/${zone}`)).text();
      const token = scope === 'in' ? /name="token" value="([^"]+)"/.exec(page)?.[1] : undefined;
      return { path: `/api/public/survey/${zone}`, body: { token, fear: 3, trust: 4 } };
    },
  },

  // Moderating the resident form: analysts and admins, zones in scope.
  'GET /api/survey/moderation': { expect: row('200', '200', '403', '403', '403', '401') },
  'POST /api/survey/moderation/void': {
    expect: row('200', '200/404', '403', '403', '403', '401'),
    request: ({ zone }) => ({
      path: '/api/survey/moderation/void',
      body: { zoneId: zone, hour: '2026-01-05 16:00', reason: 'matrix check' },
    }),
  },
  'POST /api/survey/moderation/release': {
    expect: row('200', '200/404', '403', '403', '403', '401'),
    request: ({ zone }) => ({
      path: '/api/survey/moderation/release',
      body: { zoneId: zone, hour: '2026-01-05 16:00' },
    }),
  },

  // Imports: admin, analyst and commander (own stations); an import of another station answers 404.
  'GET /api/imports': { expect: importers('200') },
  'GET /api/imports/reference': { expect: importers('200') },
  'GET /api/imports/mappings': { expect: importers('200') },
  'GET /api/imports/:id': {
    expect: importersScoped('200'),
    request: async ({ t, station, n }) => ({ path: `/api/imports/${await recordImport(t, station, n)}` }),
  },
  'POST /api/imports/:id/undo': {
    expect: importersScoped('200'),
    request: async ({ t, station, n }) => ({ path: `/api/imports/${await recordImport(t, station, n)}/undo` }),
  },
  // A preview id that was never issued: past the role check, the answer is "not found" for everyone.
  'POST /api/imports/preview': {
    expect: importers('404'),
    request: () => ({ path: '/api/imports/preview', body: { previewId: '00000000-0000-4000-8000-000000000000' } }),
  },
  'POST /api/imports/commit': {
    expect: importers('404'),
    request: () => ({ path: '/api/imports/commit', body: { previewId: '00000000-0000-4000-8000-000000000000' } }),
  },
  'POST /api/imports/mappings': {
    expect: importers('201'),
    request: ({ n }) => ({
      path: '/api/imports/mappings',
      body: { name: `matrix-${n}`, kind: 'incidents', columns: { occurred_at: 'date' } },
    }),
  },
  'DELETE /api/imports/mappings/:name': {
    expect: importers('200'),
    request: async ({ t, n }) => {
      const admin = await quickSession(t, USERS.admin.username);
      const body = { name: `gone-${n}`, kind: 'incidents', columns: { occurred_at: 'date' } };
      const made = await call(t, '/api/imports/mappings', { method: 'POST', as: admin, body });
      if (made.status !== 201) throw new Error(`mapping: ${made.status}`);
      return { path: `/api/imports/mappings/gone-${n}` };
    },
  },
};

let t: TestApp;
let counter = 0;
let appRoutes: Set<string>;

// Route enumeration needs the app before the describe blocks are built, so it is made at module level.
const listing = await openTestApp();
appRoutes = new Set(
  listing.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api')).map((r) => `${r.method} ${r.path}`),
);
listing.db.close();

beforeAll(async () => {
  t = await openTestApp();
  const admin = await quickSession(t, USERS.admin.username);
  const spare = await call(t, '/api/admin/users', {
    method: 'POST',
    as: admin,
    body: {
      username: 'mx-spare',
      displayName: 'Spare',
      role: 'viewer',
      scope: { kind: 'national' },
      password: PASSWORD,
    },
  });
  if (spare.status !== 201) throw new Error(`spare user: ${spare.status}`);
  // Something out of scope to leak: a settings override on the Bravo zone.
  const override = await call(t, `/api/settings/zones/${FX.zoneOut}`, {
    method: 'PUT',
    as: admin,
    body: { fearTarget: 30 },
  });
  if (override.status !== 200) throw new Error(`override: ${override.status}`);
});
afterAll(() => t.db.close());

function expected(cell: Cell, scope: 'in' | 'out'): number {
  const [inScope, outOfScope] = cell.split('/').map(Number);
  return scope === 'in' || outOfScope === undefined ? (inScope ?? NaN) : outOfScope;
}

const hasOutCase = (entry: Entry) => Object.values(entry.expect).some((c) => c.includes('/'));

describe('authorization matrix', () => {
  it('has an entry for every /api route of the app', () => {
    const missing = [...appRoutes].filter((key) => !(key in MATRIX)).sort();
    expect(missing, `add these routes to MATRIX in ${import.meta.url}`).toEqual([]);
  });

  it('names only routes the app has (a renamed or removed route must be renamed here too)', () => {
    const absent = Object.keys(MATRIX)
      .filter((key) => !appRoutes.has(key))
      .sort();
    expect(absent, `these MATRIX entries name no route of the app; fix them in ${import.meta.url}`).toEqual([]);
  });

  for (const [key, entry] of Object.entries(MATRIX)) {
    const [method = 'GET', pattern = ''] = key.split(' ');
    describe(key, () => {
      for (const who of WHO) {
        for (const scope of hasOutCase(entry) ? (['in', 'out'] as const) : (['in'] as const)) {
          const status = expected(entry.expect[who], scope);
          it(`${who}, ${scope === 'in' ? 'in scope' : 'out of scope'} => ${status}`, async () => {
            const ctx: Ctx = {
              t,
              who,
              scope,
              zone: scope === 'in' ? FX.zoneIn : FX.zoneOut,
              station: scope === 'in' ? FX.stationIn : FX.stationOut,
              username: who === 'anonymous' ? USERS.admin.username : USERS[who].username,
              n: ++counter,
            };
            const { path, body } = entry.request ? await entry.request(ctx) : { path: pattern, body: undefined };
            const as = who === 'anonymous' ? undefined : await quickSession(t, USERS[who].username);
            const res = await call(t, path, { method, as, body });
            const text = await res.text();
            expect(res.status, `${key} as ${who} (${scope}): ${text.slice(0, 300)}`).toBe(status);
            if (res.status < 300 && entry.reveals !== undefined) entry.reveals(who, JSON.parse(text));
            if (res.status < 300 && who !== 'admin') {
              for (const marker of OUT_OF_SCOPE_MARKERS)
                expect(text, `${key} as ${who} leaks ${marker}`).not.toContain(marker);
            }
          });
        }
      }
    });
  }
});
