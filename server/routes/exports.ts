import { Hono } from 'hono';
import { requirePermission } from '../auth/middleware.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { kpiFilters, kpiTable, toCsv } from '../exports/kpi-table.ts';
import { toXlsx } from '../exports/xlsx.ts';
import { computeKpis } from '../services/kpis.ts';
import { kpiQuerySchema } from './kpis.ts';
import { validate } from './validation.ts';

/**
 * Spreadsheets of what /api/kpis answers, with the same level, unit and period parameters and the
 * same scope (a unit outside it gives an empty table, as /api/kpis gives no items).
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
    });
