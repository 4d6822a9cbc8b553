import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env.ts';
import { healthReport } from '../services/health.ts';

export const healthRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', async (c) => c.json(await healthReport(deps.db, deps.version)));
