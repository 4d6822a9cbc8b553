import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../../server/app.ts';
import type { Database } from '../../../server/db/database.ts';
import type { AppDeps } from '../../../server/env.ts';
import { openDemoApp, signIn } from '../demo-app.ts';
import { testClock } from '../auth/helpers.ts';

/**
 * The demo programme for one test file, and apps over it with the resident form's options a test
 * chooses (limits, a clock it moves). Apps share the database, each has its own rate limit.
 */
export function formAppsForFile() {
  let db: Database | undefined;
  beforeAll(async () => {
    db = (await openDemoApp()).db;
  }, 300_000);
  afterAll(() => db?.close());
  const database = () => {
    if (!db) throw new Error('use the demo database inside a test');
    return db;
  };
  return {
    get db() {
      return database();
    },
    /** An app with these form options and a clock of its own (starting now). */
    app(survey: AppDeps['survey'] = {}, trustProxy = false) {
      const clock = testClock(Date.now());
      const deps: AppDeps = {
        db: database(),
        version: 'test',
        secureCookies: false,
        maxUploadBytes: 1024 * 1024,
        auth: { now: clock.now, trustProxy },
        survey,
      };
      const app = createApp(deps);
      return { app, deps, clock, as: (user: string) => signIn(app, user, `${user}-2567`) };
    },
  };
}

export type FormApp = ReturnType<ReturnType<typeof formAppsForFile>['app']>;

/** The form page's signed token for a zone, read from its hidden input as a browser would send it. */
export async function formTokenOf(app: FormApp['app'], zoneId: string): Promise<string> {
  const res = await app.request(`/s/${zoneId}`);
  if (res.status !== 200) throw new Error(`form page of ${zoneId}: ${res.status}`);
  const token = /name="token" value="([^"]+)"/.exec(await res.text())?.[1];
  if (!token) throw new Error('no token on the form page');
  return token;
}

/** Posts one JSON answer for a zone with a fresh token, from a client address (X-Forwarded-For when trusted). */
export async function postAnswer(
  app: FormApp['app'],
  zoneId: string,
  answer: Record<string, unknown> = { fear: 4, trust: 5 },
  headers: Record<string, string> = {},
) {
  const token = await formTokenOf(app, zoneId);
  return app.request(`/api/public/survey/${zoneId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ token, ...answer }),
  });
}
