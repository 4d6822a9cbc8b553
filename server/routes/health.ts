import { Hono } from 'hono';
import { schemaVersion } from '../db/migrate.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { tableCounts } from '../queries/table-counts.ts';

export const healthRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', async (c) =>
    c.json({
      status: 'ok' as const,
      version: deps.version,
      schema: await schemaVersion(deps.db),
      counts: await tableCounts(deps.db),
    }),
  );
