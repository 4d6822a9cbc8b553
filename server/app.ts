import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { requestBodyLimit } from './auth/body-limit.ts';
import { authMiddleware } from './auth/middleware.ts';
import { securityHeaders } from './auth/security-headers.ts';
import type { AppDeps, AppEnv } from './env.ts';
import { adminRoutes } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { backupRoutes } from './routes/backup.ts';
import { exportRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { kpiRoutes } from './routes/kpis.ts';
import { docsRoutes } from './routes/openapi.ts';
import { problemRoutes } from './routes/problems.ts';
import { publicSurveyRoutes } from './routes/public-survey.ts';
import { reportRoutes } from './routes/reports.ts';
import { settingsRoutes } from './routes/settings.ts';
import { surveyModerationRoutes } from './routes/survey-moderation.ts';
import { surveyPageRoutes } from './routes/survey-pages.ts';
import { unitRoutes } from './routes/units.ts';
import { zoneRoutes } from './routes/zones.ts';

/**
 * The HTTP API. Sub-apps are chained so the RPC client (web/api/client.ts) keeps every route's types.
 * Static files for the SPA are served by main.ts, outside this app, so tests need no build.
 */
function createApi(deps: AppDeps) {
  // /api/openapi.json is generated from this app's own routes and their validators.
  const self: { app?: Hono<never> } = {};
  const api = new Hono<AppEnv>()
    .basePath('/api')
    // Order matters: headers on every answer; then who is asking (401/403 before any body is read); then body limits.
    .use('*', securityHeaders({ hsts: deps.secureCookies, noStore: true }))
    // JSON (and CSV) answers gzipped when the client accepts it; /api/kpis brings its own, compressed once.
    .use('*', compress())
    .use('*', authMiddleware(deps))
    .use('*', requestBodyLimit(deps))
    .route('/health', healthRoutes(deps))
    .route('/auth', authRoutes(deps))
    .route('/admin', adminRoutes(deps))
    .route('/admin/backup', backupRoutes(deps))
    .route('/kpis', kpiRoutes(deps))
    .route('/zones', zoneRoutes(deps))
    .route('/units', unitRoutes(deps))
    .route('/settings', settingsRoutes(deps))
    .route('/imports', importRoutes(deps))
    .route('/exports', exportRoutes(deps))
    .route('/reports', reportRoutes(deps))
    .route('/problems', problemRoutes(deps))
    .route('/public/survey', publicSurveyRoutes(deps))
    .route('/survey/moderation', surveyModerationRoutes(deps))
    .route('/', docsRoutes(deps, self));
  self.app = api as unknown as Hono<never>;
  return api;
}

/**
 * The API, and the resident survey's public pages (/s/:zoneId: server-rendered HTML, no sign-in),
 * which live outside /api and the SPA.
 */
export function createApp(deps: AppDeps) {
  return new Hono()
    .route('/', createApi(deps))
    .use('/s/*', securityHeaders({ hsts: deps.secureCookies }))
    .route('/s', surveyPageRoutes(deps));
}

export type AppType = ReturnType<typeof createApi>;
