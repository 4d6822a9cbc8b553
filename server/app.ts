import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './env.ts';
import { healthRoutes } from './routes/health.ts';
import { kpiRoutes } from './routes/kpis.ts';
import { settingsRoutes } from './routes/settings.ts';
import { zoneRoutes } from './routes/zones.ts';

/**
 * The HTTP API. Sub-apps are chained so the RPC client (web/api/client.ts) keeps every route's types.
 * Static files for the SPA are served by main.ts, outside this app, so tests need no build.
 */
export function createApi(deps: AppDeps) {
  return new Hono<AppEnv>()
    .basePath('/api')
    .route('/health', healthRoutes(deps))
    .route('/kpis', kpiRoutes(deps))
    .route('/zones', zoneRoutes(deps))
    .route('/settings', settingsRoutes(deps));
}

export function createApp(deps: AppDeps) {
  return createApi(deps);
}

export type AppType = ReturnType<typeof createApi>;
