import { Hono } from 'hono';
import { z } from 'zod';
import { notFound, zoneVisible } from '../auth/middleware.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { zoneGeometries } from '../queries/zone-detail.ts';
import { zoneDirectory } from '../queries/zone-directory.ts';
import { zoneDetailPage, zoneSeriesPage, zoneSurveyPage } from '../services/zone-pages.ts';
import { MONTH_PATTERN, validate } from './validation.ts';

const zoneParam = z.object({ id: z.string().min(1).max(100) });
const periodQuery = z
  .object({ from: z.string().regex(MONTH_PATTERN).optional(), to: z.string().regex(MONTH_PATTERN).optional() })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to go together' });

export const zoneRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/', async (c) => c.json({ items: await zoneDirectory(deps.db, c.get('zoneIds')) }))
    .get('/geojson', async (c) => {
      const rows = await zoneGeometries(deps.db, c.get('zoneIds'));
      return c.json({
        type: 'FeatureCollection' as const,
        features: rows.map((r) => ({
          type: 'Feature' as const,
          id: r.id,
          properties: { id: r.id, nameTh: r.nameTh, nameEn: r.nameEn ?? r.nameTh },
          geometry: JSON.parse(r.geometry) as { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown },
        })),
      });
    })
    .get('/:id', validate('param', zoneParam), async (c) => {
      const { id } = c.req.valid('param');
      if (!zoneVisible(c.get('zoneIds'), id)) throw notFound();
      const page = await zoneDetailPage(deps.db, id);
      if (!page) throw notFound();
      return c.json(page);
    })
    .get('/:id/series', validate('param', zoneParam), validate('query', periodQuery), async (c) => {
      const { id } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      if (!zoneVisible(c.get('zoneIds'), id)) throw notFound();
      const page = await zoneSeriesPage(deps.db, id, from && to ? { from, to } : undefined, new Date());
      if (!page) throw notFound();
      return c.json(page);
    })
    .get('/:id/survey', validate('param', zoneParam), async (c) => {
      const { id } = c.req.valid('param');
      if (!zoneVisible(c.get('zoneIds'), id)) throw notFound();
      const page = await zoneSurveyPage(deps.db, id);
      if (!page) throw notFound();
      return c.json(page);
    });
