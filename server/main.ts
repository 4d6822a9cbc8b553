import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { createApp } from './app.ts';
import { errorBody } from './auth/errors.ts';
import { securityHeaders } from './auth/security-headers.ts';
import { appVersion, readConfig, repoRoot } from './config.ts';
import {
  BasemapConfigError,
  basemapOrigin,
  OWN_PMTILES_PATH,
  readOwnBasemap,
  withBasemapMeta,
} from './contracts/basemap.ts';
import { startBackupSchedule } from './db/backup-schedule.ts';
import { warmParseChild } from './importers/source/isolated.ts';
import type { AppDeps } from './env.ts';
import { createReportDeps } from './reports/setup.ts';
import { countWaitingFormAnswers } from './services/survey-form.ts';
import { warmKpis } from './services/kpis.ts';
import { stopGracefully } from './shutdown.ts';
import { DatabaseUnavailableError, prepareDatabase } from './startup.ts';

const config = readConfig();
const basemap = (() => {
  try {
    return readOwnBasemap(process.env);
  } catch (error) {
    // A mistyped setting is an operator's problem: one clear message, no stack trace.
    if (!(error instanceof BasemapConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
})();
if (config.basemapFile !== null && !existsSync(config.basemapFile)) {
  console.error(
    `SSZ_BASEMAP_PMTILES: ไม่พบไฟล์ ${config.basemapFile} · no such file: ${config.basemapFile} (give the path of a .pmtiles file, or unset it)`,
  );
  process.exit(1);
}
const db = await prepareDatabase(config).catch((error: unknown) => {
  // A database that cannot be opened is an operator's problem: one clear message, no stack trace.
  if (!(error instanceof DatabaseUnavailableError)) throw error;
  console.error(error.message);
  process.exit(1);
});
// The first import's parse child is started now, so the first preview does not wait for it.
warmParseChild();

const distDir = `${repoRoot}dist`;
if (!existsSync(`${distDir}/index.html`)) {
  console.warn('No built SPA in dist/: run `npm run build` (npm start does it for you). Serving the API only.');
}

// PDF reports: Chromium is launched on the first report, not now (most starts never print).
const reports = createReportDeps({ chromiumPath: config.chromiumPath, host: config.host, port: config.port });

const deps: AppDeps = {
  db,
  version: appVersion(),
  secureCookies: config.secureCookies,
  maxUploadBytes: config.maxUploadBytes,
  auth: { trustProxy: config.trustProxy },
  reports,
  survey: { publicUrl: config.publicUrl, secret: config.surveySecret, countEveryMs: config.surveyCountEveryMs },
};
// Form answers a stop left waiting are counted now (they were safe in the database).
await countWaitingFormAnswers(deps);

/** The SPA's page, carrying the basemap setting for the maps (meta tags: the CSP allows no inline script). */
const spaPage = (c: Context) => {
  const path = `${distDir}/index.html`;
  if (!existsSync(path)) return c.json(errorBody('not_found'), 404);
  return c.html(withBasemapMeta(readFileSync(path, 'utf8'), basemap));
};

const server = new Hono()
  .use('*', securityHeaders({ hsts: config.secureCookies, tileOrigin: basemapOrigin(basemap) }))
  .route('/', createApp(deps))
  // An unknown API path is a 404, never the SPA's index.html.
  .all('/api/*', (c) => c.json(errorBody('not_found'), 404))
  // A deployment's own PMTiles file (SSZ_BASEMAP_PMTILES), read by the maps in byte ranges.
  .get(OWN_PMTILES_PATH, config.basemapFile ? serveStatic({ path: config.basemapFile }) : (c) => c.notFound())
  // The SPA: its page, real files, then the page again for client-side routes.
  .get('/', spaPage)
  .get('/index.html', spaPage)
  .use('/*', serveStatic({ root: distDir }))
  .get('/*', spaPage);

const listening = serve({ fetch: server.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Smart Safety Zone dashboard on http://localhost:${info.port} (database ${config.dbPath})`);
});

// The KPIs are computed now, not on the first request (a national overview takes seconds cold).
const warming = performance.now();
warmKpis(db).then(
  () => console.log(`KPIs ready in ${Math.round(performance.now() - warming)} ms`),
  (error: unknown) => console.warn('KPIs not precomputed at start:', error),
);

const backups =
  config.backupDir === null ? null : startBackupSchedule({ db, dir: config.backupDir, keep: config.backupKeep });
if (config.backupDir !== null)
  console.log(`Daily backups into ${config.backupDir}, keeping the newest ${config.backupKeep}`);

const stop = stopGracefully({
  server: listening as Server,
  db,
  beforeClose: async () => {
    await backups?.stop();
    await reports.printer.close();
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal));
