import type { Printer } from './printer.ts';
import type { PrintTickets } from './print-tickets.ts';
import type { ReportJobs } from './jobs.ts';

/** What the report routes need beyond the database (built once per process: reports/setup.ts). */
export interface ReportDeps {
  printer: Printer;
  tickets: PrintTickets;
  jobs: ReportJobs;
  /** Where the server's own Chromium reaches this server (loopback), e.g. http://127.0.0.1:8787. */
  baseUrl: string;
}
