import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../env.ts';
import { KPI_LEVELS } from '../services/kpi-items.ts';
import { computeKpisJson, type KpiWireBody } from '../services/kpis.ts';
import { jsonText } from './json-text.ts';
import { MONTH_PATTERN, validate } from './validation.ts';

export const kpiQuerySchema = z
  .object({
    level: z.enum(KPI_LEVELS).default('zone'),
    from: z.string().regex(MONTH_PATTERN).optional(),
    to: z.string().regex(MONTH_PATTERN).optional(),
    unit: z.string().min(1).max(100).optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to go together' })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to' });

export const kpiRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', validate('query', kpiQuerySchema), async (c) =>
    jsonText<KpiWireBody>(c, await computeKpisJson(deps.db, c.get('zoneIds'), c.req.valid('query'))),
  );
