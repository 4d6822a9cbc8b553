import { Hono } from 'hono';
import { z } from 'zod';
import { assertZoneInScope, notFound, requirePermission } from '../auth/middleware.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { toCsv } from '../exports/csv.ts';
import { kpiFilters, kpiTable } from '../exports/kpi-table.ts';
import { toXlsx } from '../exports/xlsx.ts';
import { zoneCrimeChartCsv, zoneSurveyChartCsv } from '../services/chart-exports.ts';
import { computeKpis } from '../services/kpis.ts';
import { kpiQuerySchema } from './kpis.ts';
import { MONTH_PATTERN, validate } from './validation.ts';

const zoneParam = z.object({ id: z.string().min(1).max(100) });
const chartFields = {
  from: z.string().regex(MONTH_PATTERN).optional(),
  to: z.string().regex(MONTH_PATTERN).optional(),
  lang: z.enum(['th', 'en']).default('th'),
};
const periodTogether = (q: { from?: string | undefined; to?: string | undefined }) =>
  (q.from === undefined) === (q.to === undefined);
const periodInOrder = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
const chartQuery = z
  .object(chartFields)
  .refine(periodTogether, { message: 'from and to go together' })
  .refine(periodInOrder, { message: 'from must not be after to' });
const surveyChartQuery = z
  .object({ ...chartFields, item: z.enum(['fear', 'trust']) })
  .refine(periodTogether, { message: 'from and to go together' })
  .refine(periodInOrder, { message: 'from must not be after to' });

/** A file name from a zone id: ASCII letters, digits and dashes only (the header is ASCII). */
const fileSafe = (id: string) => id.replace(/[^A-Za-z0-9-]+/g, '_');

const csvHeaders = (fileName: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${fileName}"`,
});

/**
 * Spreadsheets of what /api/kpis answers, with the same level, unit and period parameters and the
 * same scope (a unit outside it gives an empty table, as /api/kpis gives no items); and the
 * numbers behind each chart of a zone page (its series, its survey waves), scope checked as the
 * zone's own routes. Viewers may not export (the 'export' permission).
 */
export const exportRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/kpis.csv', requirePermission('export'), validate('query', kpiQuerySchema), async (c) => {
      const request = c.req.valid('query');
      const body = await computeKpis(deps.db, c.get('zoneIds'), request);
      return c.body(toCsv(kpiTable(body)), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="ssz-kpis-${body.level}.csv"`,
      });
    })
    .get('/kpis.xlsx', requirePermission('export'), validate('query', kpiQuerySchema), async (c) => {
      const request = c.req.valid('query');
      const body = await computeKpis(deps.db, c.get('zoneIds'), request);
      const bytes = await toXlsx(kpiTable(body), kpiFilters(body, request, new Date()));
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="ssz-kpis-${body.level}.xlsx"`,
      });
    })
    .get(
      '/zones/:id/crime.csv',
      requirePermission('export'),
      validate('param', zoneParam),
      validate('query', chartQuery),
      async (c) => {
        const { id } = c.req.valid('param');
        assertZoneInScope(c, id);
        const csv = await zoneCrimeChartCsv(deps.db, id, c.req.valid('query'));
        if (csv === null) throw notFound();
        return c.body(csv, 200, csvHeaders(`ssz-${fileSafe(id)}-crime.csv`));
      },
    )
    .get(
      '/zones/:id/survey.csv',
      requirePermission('export'),
      validate('param', zoneParam),
      validate('query', surveyChartQuery),
      async (c) => {
        const { id } = c.req.valid('param');
        assertZoneInScope(c, id);
        const { item, ...request } = c.req.valid('query');
        const csv = await zoneSurveyChartCsv(deps.db, c.get('zoneIds'), id, item, request);
        if (csv === null) throw notFound();
        return c.body(csv, 200, csvHeaders(`ssz-${fileSafe(id)}-${item}.csv`));
      },
    );
