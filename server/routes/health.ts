import { Hono } from 'hono';
import { signedInPrincipal } from '../auth/middleware.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { healthReport } from '../services/health.ts';

/**
 * GET /api/health is public (load balancers and uptime checks call it without credentials), so an
 * anonymous caller learns only that the service is up. The version, schema and how many rows the
 * database holds go to signed-in users (session cookie or API token) only.
 */
export const healthRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', async (c) => {
    if ((await signedInPrincipal(c, deps)) === null) return c.json({ status: 'ok' as const });
    return c.json(await healthReport(deps.db, deps.version));
  });
