/**
 * PDF reports: a zone's report, a unit's summary and a unit's meeting pack (the summary, a table of
 * contents and every zone of the unit). Scope is checked here, with the product's one rule for each
 * kind: a zone through zoneVisible (auth/principal.ts, via visibleZone), a unit through the unit
 * page's own logic (unitPage: a unit none of whose zones is in scope does not exist for the caller).
 * Out of scope answers like a missing id. The print view then reads the data with a print ticket
 * narrowed to exactly the caller's zones of the report (reports/print-tickets.ts).
 */
import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import type { ReportDeps } from '../reports/deps.ts';
import type { JobError, ReportJob } from '../reports/jobs.ts';
import { ChromiumMissingError } from '../reports/printer.ts';
import { PrintViewError, renderReport } from '../reports/render.ts';
import { unitPage } from './unit-pages.ts';
import { visibleZone } from './zones.ts';

export type ReportKind = 'zone' | 'unit' | 'pack';
export type ReportLang = 'th' | 'en';

export interface ReportRequest {
  kind: ReportKind;
  /** A zone id (kind zone) or a unit code: 'national', a bureau, division or station code. */
  id: string;
  from?: string | undefined;
  to?: string | undefined;
  lang: ReportLang;
}

/** A report the caller may have: what the print view may read, and what the file is called. */
export interface AllowedReport {
  request: ReportRequest;
  /** The print ticket's zone list: the caller's zones within the report (null = every zone). */
  zoneIds: string[] | null;
  fileName: string;
  /** The print view's path and query on this server. */
  path: string;
  /** Zones a pack would hold, when more than MAX_PACK_ZONES: refused, a unit further down is asked for instead. */
  tooLarge: number | null;
}

/** A pack is for a meeting about one unit; the country's thousands of zones are not one document. */
export const MAX_PACK_ZONES = 150;

const safeFilePart = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'report';

function printPath(request: ReportRequest): string {
  const query = new URLSearchParams();
  if (request.from && request.to) {
    query.set('from', request.from);
    query.set('to', request.to);
  }
  query.set('lang', request.lang);
  const id = encodeURIComponent(request.id);
  const path =
    request.kind === 'zone'
      ? `/print/zones/${id}`
      : request.kind === 'unit'
        ? `/print/units/${id}`
        : `/print/units/${id}/pack`;
  return `${path}?${query.toString()}`;
}

function fileName(request: ReportRequest): string {
  const period = request.from && request.to ? `-${request.from}_${request.to}` : '';
  const kind = request.kind === 'pack' ? 'pack' : request.kind === 'unit' ? 'summary' : 'zone';
  return `ssz-${kind}-${safeFilePart(request.id)}${period}-${request.lang}.pdf`;
}

/** The report if it exists within the caller's scope; null answers 404 (missing or out of scope alike). */
export async function allowedReport(
  db: Database,
  zoneIds: string[] | null,
  request: ReportRequest,
): Promise<AllowedReport | null> {
  let reportZones: string[] | null;
  let zoneCount = 1;
  if (request.kind === 'zone') {
    const zone = await visibleZone(db, zoneIds, request.id);
    if (!zone) return null;
    reportZones = [zone.id];
  } else {
    const page = await unitPage(db, zoneIds, request.id, { from: request.from, to: request.to });
    if (!page) return null;
    // The country keeps the caller's own scope; a unit narrows it to the caller's zones in the unit.
    reportZones = page.unit.level === 'national' ? zoneIds : page.zones.map((z) => z.id);
    zoneCount = page.zones.length;
  }
  return {
    request,
    zoneIds: reportZones,
    fileName: fileName(request),
    path: printPath(request),
    tooLarge: request.kind === 'pack' && zoneCount > MAX_PACK_ZONES ? zoneCount : null,
  };
}

export type ProgressListener = Parameters<typeof renderReport>[4];

/** Makes the PDF of an allowed report as `principal`, through a single-use ticket. */
export async function makeReport(
  reports: ReportDeps,
  principal: Principal,
  report: AllowedReport,
  onProgress: ProgressListener = () => undefined,
): Promise<Uint8Array> {
  const ticket = reports.tickets.mint({ principal, zoneIds: report.zoneIds });
  try {
    return await renderReport(reports.printer, reports.baseUrl, report.path, ticket.secret, onProgress);
  } finally {
    ticket.revoke();
  }
}

/** Why a report could not be made, in both languages, for a job's status or an error body. */
export function reportError(error: unknown): JobError & { status: 500 | 503 } {
  if (error instanceof ChromiumMissingError) {
    return { status: 503, code: 'chromium_missing', th: error.th, en: error.en };
  }
  const detail = error instanceof PrintViewError ? ` (${error.message})` : '';
  return {
    status: 500,
    code: 'report_failed',
    th: `จัดทำรายงาน PDF ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง${detail}`,
    en: `The PDF report could not be made. Please try again.${detail}`,
  };
}

/** Runs a job in the background: progress into the job, then its file or its error. */
export function startReportJob(reports: ReportDeps, principal: Principal, report: AllowedReport, job: ReportJob): void {
  void makeReport(reports, principal, report, (stage, done, total, ahead = 0) =>
    reports.jobs.update(job, stage, done, total, ahead),
  ).then(
    (pdf) => reports.jobs.finish(job, pdf),
    (error: unknown) => {
      const { status: _status, ...body } = reportError(error);
      if (!(error instanceof ChromiumMissingError)) console.error('report job failed:', error);
      reports.jobs.fail(job, body);
    },
  );
}
