import { Hono } from 'hono';
import { z } from 'zod';
import { assertZoneInScope, notFound, requirePermission } from '../auth/middleware.ts';
import type { Principal } from '../auth/principal.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { toCsv } from '../exports/csv.ts';
import { kpiFilters, kpiTable } from '../exports/kpi-table.ts';
import { toXlsx } from '../exports/xlsx.ts';
import { zoneCrimeChartCsv, zoneSurveyChartCsv } from '../services/chart-exports.ts';
import { computeKpis } from '../services/kpis.ts';
import { problemSummary } from '../services/problems.ts';
import { problemFilters, problemTable } from '../exports/problem-table.ts';
import { listProblems, todayOf } from '../services/problems.ts';
import { authSettings } from '../auth/settings.ts';
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

const problemQuery = z
  .object({
    unit: z.string().min(1).max(100).default('national'),
    from: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/)
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/)
      .optional(),
  })
  .strict();

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
export const exportRoutes = (deps: AppDeps) => {
  /** A unit's problems as the caller sees them, and the figures' unit and period (404 out of scope). */
  const problemsOf = async (c: { get(key: 'principal'): Principal }, q: z.infer<typeof problemQuery>) => {
    const today = todayOf(authSettings(deps).now());
    const summary = await problemSummary(deps.db, c.get('principal'), q, today);
    if (!summary) throw notFound();
    return { summary, table: problemTable(await listProblems(deps.db, c.get('principal'), q, today)) };
  };
  return new Hono<AppEnv>()
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
    )
    .get('/problems.csv', requirePermission('export'), validate('query', problemQuery), async (c) => {
      const q = c.req.valid('query');
      const { table } = await problemsOf(c, q);
      return c.body(toCsv(table), 200, csvHeaders(`ssz-problems-${fileSafe(q.unit)}.csv`));
    })
    .get('/problems.xlsx', requirePermission('export'), validate('query', problemQuery), async (c) => {
      const q = c.req.valid('query');
      const { summary, table } = await problemsOf(c, q);
      const bytes = await toXlsx(table, problemFilters(summary, new Date()), 'ปัญหา Problems');
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="ssz-problems-${fileSafe(q.unit)}.xlsx"`,
      });
    });
};
