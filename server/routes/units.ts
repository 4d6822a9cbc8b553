import { Hono } from 'hono';
import { z } from 'zod';
import { notFound } from '../auth/middleware.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { unitPage } from '../services/unit-pages.ts';
import { MONTH_PATTERN, validate } from './validation.ts';

const unitParam = z.object({ code: z.string().min(1).max(100) });
const unitQuery = z
  .object({
    from: z.string().regex(MONTH_PATTERN).optional(),
    to: z.string().regex(MONTH_PATTERN).optional(),
    level: z.enum(['bureau', 'division', 'station', 'zone']).optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to go together' })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to' });

/** GET /api/units/:code — one unit's page data (code 'national' for the country; `level` lists a level below). */
export const unitRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/:code', validate('param', unitParam), validate('query', unitQuery), async (c) => {
    const page = await unitPage(deps.db, c.get('zoneIds'), c.req.valid('param').code, c.req.valid('query'));
    if (!page) throw notFound();
    return c.json(page);
  });
