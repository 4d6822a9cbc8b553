import type { Context } from 'hono';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { auditRequest } from '../auth/audit.ts';
import { notFound, requirePermission } from '../auth/middleware.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import type { ReportDeps } from '../reports/deps.ts';
import { makePosters } from '../reports/posters.ts';
import { posterZones } from '../services/survey-form.ts';
import {
  type AllowedReport,
  allowedReport,
  MAX_PACK_ZONES,
  makeReport,
  type ReportKind,
  reportError,
  startReportJob,
} from '../services/reports.ts';
import { MONTH_PATTERN, validate } from './validation.ts';

/** `/api/kpis`'s period, and the report's language (Thai unless asked). */
const reportQuery = z
  .object({
    from: z.string().regex(MONTH_PATTERN).optional(),
    to: z.string().regex(MONTH_PATTERN).optional(),
    lang: z.enum(['th', 'en']).default('th'),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to go together' })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to' });
type ReportQuery = z.infer<typeof reportQuery>;

const pdfFileParam = z.object({
  file: z
    .string()
    .min(5)
    .max(120)
    .regex(/\.pdf$/),
});
const unitParam = z.object({ code: z.string().min(1).max(100) });
const jobParam = z.object({ id: z.string().uuid() });
const jobBody = z
  .object({
    kind: z.enum(['zone', 'unit', 'pack']),
    id: z.string().min(1).max(100),
    from: z.string().regex(MONTH_PATTERN).optional(),
    to: z.string().regex(MONTH_PATTERN).optional(),
    lang: z.enum(['th', 'en']).default('th'),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to go together' })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to' });

const BILINGUAL = {
  reports_unavailable: {
    th: 'เซิร์ฟเวอร์นี้ไม่ได้เปิดการจัดทำรายงาน PDF',
    en: 'This server does not make PDF reports.',
  },
  too_many_reports: {
    th: 'มีรายงานที่กำลังจัดทำอยู่หลายฉบับแล้ว กรุณารอให้เสร็จก่อน',
    en: 'You already have several reports being made. Please wait for them to finish.',
  },
} as const;

function pdfResponse(c: Context, pdf: Uint8Array, name: string) {
  return c.body(new Uint8Array(pdf), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${name}"`,
  });
}

/** The report's scope check (404 when missing or out of scope) and the pack size limit. */
async function allowed(
  c: Context<AppEnv>,
  deps: AppDeps,
  kind: ReportKind,
  id: string,
  query: ReportQuery,
): Promise<AllowedReport> {
  const report = await allowedReport(deps.db, c.var.zoneIds, { kind, id, ...query });
  if (!report) throw notFound();
  if (report.tooLarge !== null) {
    const body = {
      error: {
        code: 'pack_too_large',
        th: `ชุดรายงานรวมได้ไม่เกิน ${MAX_PACK_ZONES} พื้นที่ หน่วยนี้มี ${report.tooLarge} พื้นที่ กรุณาเลือกหน่วยที่เล็กลง`,
        en: `A pack holds at most ${MAX_PACK_ZONES} zones; this unit has ${report.tooLarge}. Choose a smaller unit.`,
      },
    };
    const res = new Response(JSON.stringify(body), {
      status: 422,
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    });
    throw new HTTPException(422, { res });
  }
  return report;
}

function unavailable(c: Context) {
  return c.json({ error: { code: 'reports_unavailable', ...BILINGUAL.reports_unavailable } }, 503);
}

/** Makes the PDF now (the request waits its turn in the queue): the address scripts fetch. */
async function directPdf(c: Context<AppEnv>, deps: AppDeps, kind: ReportKind, id: string, query: ReportQuery) {
  const report = await allowed(c, deps, kind, id, query);
  const reports: ReportDeps | undefined = deps.reports;
  if (!reports) return unavailable(c);
  try {
    const pdf = await makeReport(reports, c.var.principal, report);
    await auditRequest(c, deps, 'report', `${kind}:${id}`, { ...query, bytes: pdf.byteLength });
    return pdfResponse(c, pdf, report.fileName);
  } catch (error) {
    const { status, ...body } = reportError(error);
    if (status === 500) console.error('report failed:', error);
    return c.json({ error: body }, status);
  }
}

const stripPdf = (file: string): string => file.slice(0, -'.pdf'.length);

const zoneIdParam = z.object({ id: z.string().min(1).max(100) });

/** The resident survey's QR posters of one zone or of a station's zones in scope (404 when none). */
async function posterPdf(c: Context<AppEnv>, deps: AppDeps, which: { zone: string } | { station: string }) {
  const zones = await posterZones(deps.db, c.var.zoneIds, which);
  if (zones.length === 0) throw notFound();
  const reports: ReportDeps | undefined = deps.reports;
  if (!reports) return unavailable(c);
  const publicUrl = deps.survey?.publicUrl ?? new URL(c.req.url).origin;
  const target = 'zone' in which ? `poster:${which.zone}` : `posters:${which.station}`;
  try {
    const pdf = await makePosters(reports.printer, zones, publicUrl);
    await auditRequest(c, deps, 'report', target, { zones: zones.length, bytes: pdf.byteLength });
    const name = 'zone' in which ? which.zone : which.station;
    return pdfResponse(c, pdf, `ssz-qr-poster-${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`);
  } catch (error) {
    const { status, ...body } = reportError(error);
    if (status === 500) console.error('posters failed:', error);
    return c.json({ error: body }, status);
  }
}

/**
 * GET /api/reports/zones/:id.pdf, /api/reports/units/:code.pdf (summary) and
 * /api/reports/units/:code/pack.pdf, with /api/kpis's from/to and a lang: the PDF itself.
 * POST /api/reports/jobs starts the same in the background (the web page shows its progress),
 * GET /api/reports/jobs/:id tells how far it is, GET /api/reports/jobs/:id/file gives the PDF.
 * Export permission (viewers may not take files away) and the caller's scope, as exports.
 */
export const reportRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .use('*', requirePermission('export'))
    .get('/zones/:id/poster.pdf', validate('param', zoneIdParam), (c) =>
      posterPdf(c, deps, { zone: c.req.valid('param').id }),
    )
    .get('/units/:code/posters.pdf', validate('param', unitParam), (c) =>
      posterPdf(c, deps, { station: c.req.valid('param').code }),
    )
    .get('/units/:code/pack.pdf', validate('param', unitParam), validate('query', reportQuery), (c) =>
      directPdf(c, deps, 'pack', c.req.valid('param').code, c.req.valid('query')),
    )
    .get('/units/:file', validate('param', pdfFileParam), validate('query', reportQuery), (c) =>
      directPdf(c, deps, 'unit', stripPdf(c.req.valid('param').file), c.req.valid('query')),
    )
    .get('/zones/:file', validate('param', pdfFileParam), validate('query', reportQuery), (c) =>
      directPdf(c, deps, 'zone', stripPdf(c.req.valid('param').file), c.req.valid('query')),
    )
    .post('/jobs', validate('json', jobBody), async (c) => {
      const { kind, id, ...query } = c.req.valid('json');
      const report = await allowed(c, deps, kind, id, query);
      const reports = deps.reports;
      if (!reports) return unavailable(c);
      try {
        reports.printer.assertAvailable();
      } catch (error) {
        const { status, ...body } = reportError(error);
        return c.json({ error: body }, status);
      }
      const job = reports.jobs.create(c.var.principal.username, report.fileName);
      if (!job) return c.json({ error: { code: 'too_many_reports', ...BILINGUAL.too_many_reports } }, 429);
      await auditRequest(c, deps, 'report', `${kind}:${id}`, { ...query, job: job.id });
      startReportJob(reports, c.var.principal, report, job);
      return c.json({ id: job.id, fileName: job.fileName, progress: job.progress }, 202);
    })
    .get('/jobs/:id', validate('param', jobParam), (c) => {
      const job = deps.reports?.jobs.get(c.req.valid('param').id, c.var.principal.username);
      if (!job) throw notFound();
      return c.json({ id: job.id, fileName: job.fileName, progress: job.progress, error: job.error }, 200);
    })
    .get('/jobs/:id/file', validate('param', jobParam), (c) => {
      const job = deps.reports?.jobs.get(c.req.valid('param').id, c.var.principal.username);
      if (!job?.pdf) throw notFound();
      return pdfResponse(c, job.pdf, job.fileName);
    });
