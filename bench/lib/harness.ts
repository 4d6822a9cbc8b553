/**
 * The real app, in-process, on the cached national database: createApp(deps) with deps.db opened
 * by openDatabase, authenticated with an API token issued into that database (Bearer header).
 *
 * Auth is being finished in parallel: when createApp does not mount the auth middleware yet
 * (an unauthenticated request gets 200, not 401), the bench mounts server/auth/middleware.ts
 * authMiddleware in front of it, exactly as app.ts is expected to, so c.var.zoneIds is set and the
 * auth cost (token lookup) is in the figures either way. The mode is printed.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../server/app.ts';
import { authMiddleware } from '../../server/auth/middleware.ts';
import { authSettings } from '../../server/auth/settings.ts';
import { issueApiToken } from '../../server/auth/tokens.ts';
import { type Database, openDatabase } from '../../server/db/database.ts';
import type { AppDeps, AppEnv } from '../../server/env.ts';
import { RecordingDatabase } from './recording-db.ts';

export interface Requester {
  request(path: string, init?: RequestInit): Promise<Response>;
}

export interface BenchApp {
  /** The plain database (what the measured app uses). */
  db: Database;
  /** The same database behind a statement recorder (a second app instance uses it for capture). */
  recorder: RecordingDatabase;
  app: Requester;
  recordingApp: Requester;
  headers: Record<string, string>;
  authMode: 'mounted by app.ts' | 'mounted by the bench (app.ts does not mount auth yet)';
  close(): Promise<void>;
}

type AnyApp = {
  request: (path: string, init?: RequestInit) => Response | Promise<Response>;
  fetch: (req: Request) => Response | Promise<Response>;
};

const deps = (db: Database): AppDeps => ({
  db,
  version: 'bench',
  secureCookies: false,
  maxUploadBytes: 200 * 1024 * 1024,
});

export async function openBenchApp(path: string): Promise<BenchApp & { fetchApp: AnyApp }> {
  const db = await openDatabase(path);
  // Tokens of earlier runs are removed so the cached file does not grow run after run.
  await db.all(`DELETE FROM api_tokens WHERE name LIKE 'bench-%'`);
  const { secret } = await issueApiToken(db, authSettings(deps(db)), {
    name: `bench-${process.pid}`,
    role: 'admin',
    scope: { kind: 'national' },
    createdBy: 'bench',
    expiresAt: null,
  });
  const headers = { authorization: `Bearer ${secret}` };

  const probe = await createApp(deps(db)).request('/api/kpis?level=national');
  const mounted = probe.status === 401;
  const build = (database: Database): AnyApp => {
    const inner = createApp(deps(database));
    if (mounted) return inner as unknown as AnyApp;
    return new Hono<AppEnv>().use('/api/*', authMiddleware(deps(database))).route('/', inner) as unknown as AnyApp;
  };
  const fetchApp = build(db);
  const recorder = new RecordingDatabase(db);
  const recordingApp = build(recorder);
  const asRequester = (a: AnyApp): Requester => ({ request: async (p, init) => a.request(p, init) });

  // Sanity: with the token we get in, without it we do not.
  const ok = await fetchApp.request('/api/kpis?level=national', { headers });
  const refused = await fetchApp.request('/api/kpis?level=national');
  if (ok.status !== 200) throw new Error(`authenticated probe answered ${ok.status}: ${await ok.text()}`);
  if (refused.status !== 401) throw new Error(`unauthenticated probe answered ${refused.status}, expected 401`);

  return {
    db,
    recorder,
    app: asRequester(fetchApp),
    recordingApp: asRequester(recordingApp),
    fetchApp,
    headers,
    authMode: mounted ? 'mounted by app.ts' : 'mounted by the bench (app.ts does not mount auth yet)',
    close: async () => {
      await db.all(`DELETE FROM api_tokens WHERE name LIKE 'bench-%'`).catch(() => undefined);
      db.close();
    },
  };
}

/** The same app on a loopback port (@hono/node-server), to show what real HTTP adds. */
export async function serveLoopback(app: AnyApp): Promise<{ base: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        base: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
