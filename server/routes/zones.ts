import { Hono } from 'hono';
import { z } from 'zod';
import { assertZoneInScope, notFound } from '../auth/middleware.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { dataDatesOf } from '../services/data-dates.ts';
import { zoneCounterfactualPage } from '../services/counterfactual.ts';
import { zoneIncidents } from '../services/zone-incidents.ts';
import { zoneDetailPage, zoneExplanationPage, zoneSeriesPage, zoneSurveyPage } from '../services/zone-pages.ts';
import { zoneFeatureCollection, zoneList } from '../services/zones.ts';
import { MONTH_PATTERN, validate } from './validation.ts';

const zoneParam = z.object({ id: z.string().min(1).max(100) });
const periodQuery = z
  .object({ from: z.string().regex(MONTH_PATTERN).optional(), to: z.string().regex(MONTH_PATTERN).optional() })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to go together' });

const incidentsQuery = z
  .object({
    from: z.string().regex(MONTH_PATTERN).optional(),
    to: z.string().regex(MONTH_PATTERN).optional(),
    group: z.coerce.number().int().min(1).max(9).optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to go together' })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to' });

export const zoneRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/', async (c) => c.json({ items: await zoneList(deps.db, c.get('zoneIds')) }))
    .get('/geojson', async (c) => c.json(await zoneFeatureCollection(deps.db, c.get('zoneIds'))))
    .get('/data-dates', async (c) => c.json(await dataDatesOf(deps.db, c.get('zoneIds'), new Date())))
    .get('/:id', validate('param', zoneParam), async (c) => {
      const { id } = c.req.valid('param');
      assertZoneInScope(c, id);
      const page = await zoneDetailPage(deps.db, id);
      if (!page) throw notFound();
      return c.json(page);
    })
    .get('/:id/series', validate('param', zoneParam), validate('query', periodQuery), async (c) => {
      const { id } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      assertZoneInScope(c, id);
      const page = await zoneSeriesPage(deps.db, id, from && to ? { from, to } : undefined, new Date());
      if (!page) throw notFound();
      return c.json(page);
    })
    .get('/:id/counterfactual', validate('param', zoneParam), validate('query', periodQuery), async (c) => {
      const { id } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      assertZoneInScope(c, id);
      const page = await zoneCounterfactualPage(deps.db, id, from && to ? { from, to } : undefined, new Date());
      if (!page) throw notFound();
      return c.json(page);
    })
    .get('/:id/explanation', validate('param', zoneParam), validate('query', periodQuery), async (c) => {
      const { id } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      assertZoneInScope(c, id);
      const page = await zoneExplanationPage(
        deps.db,
        c.get('zoneIds'),
        id,
        from && to ? { from, to } : undefined,
        new Date(),
      );
      if (!page) throw notFound();
      return c.json(page);
    })
    .get('/:id/incidents', validate('param', zoneParam), validate('query', incidentsQuery), async (c) => {
      const { id } = c.req.valid('param');
      assertZoneInScope(c, id);
      const layer = await zoneIncidents(deps.db, c.var.principal, id, c.req.valid('query'));
      if (!layer) throw notFound();
      return c.json(layer);
    })
    .get('/:id/survey', validate('param', zoneParam), async (c) => {
      const { id } = c.req.valid('param');
      assertZoneInScope(c, id);
      const page = await zoneSurveyPage(deps.db, id);
      if (!page) throw notFound();
      return c.json(page);
    });
