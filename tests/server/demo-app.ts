import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { DEMO_SCRIPT_TODAY } from '../../server/demo/spec.ts';
import { prepareDatabase } from '../../server/startup.ts';

export const ADMIN_PASSWORD = 'test-admin-password';

/**
 * The real app on a fresh in-memory database with the demo programme and demo users loaded. The
 * demo is made for the day its script was written for (data 2020-01 .. 2024-06), so the figures the
 * tests pin hold whatever day they run.
 */
export async function openDemoApp() {
  const db: Database = await prepareDatabase({
    dbPath: ':memory:',
    demo: true,
    adminUser: 'admin',
    adminPassword: ADMIN_PASSWORD,
    log: () => {},
    demoToday: DEMO_SCRIPT_TODAY,
  });
  const app = createApp({ db, version: 'test', secureCookies: false, maxUploadBytes: 10 * 1024 * 1024 });
  return { db, app };
}

type App = ReturnType<typeof createApp>;

/** Signs in and returns a fetch-like helper that sends the session cookie and CSRF token. */
export async function signIn(app: App, username: string, password: string) {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { user } = (await res.json()) as { user: { csrfToken: string } };
  return (path: string, init: RequestInit = {}) =>
    app.request(path, {
      ...init,
      headers: { cookie, 'x-csrf-token': user.csrfToken, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
}

export type Session = Awaited<ReturnType<typeof signIn>>;

/** The demo users' passwords (server/auth/bootstrap.ts: `<user>-2567`) and the test admin's. */
const passwordOf = (username: string): string => (username === 'admin' ? ADMIN_PASSWORD : `${username}-2567`);

/**
 * The demo app for one test file: opened before its tests, closed after. `as(user)` is that user's
 * session (signed in on first use), so a file says only which users it needs.
 */
export function demoAppForFile() {
  let opened: { db: Database; app: App } | undefined;
  const sessions = new Map<string, Promise<Session>>();
  const demo = () => {
    if (opened === undefined) throw new Error('the demo app is opened before the tests: use it inside a test');
    return opened;
  };
  beforeAll(async () => {
    opened = await openDemoApp();
  }, 300_000);
  afterAll(() => opened?.db.close());
  return {
    get db(): Database {
      return demo().db;
    },
    as(username: string): Session {
      return async (path, init) => {
        let session = sessions.get(username);
        if (session === undefined) {
          session = signIn(demo().app, username, passwordOf(username));
          sessions.set(username, session);
        }
        return (await session)(path, init);
      };
    },
  };
}
