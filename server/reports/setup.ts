import type { ReportDeps } from './deps.ts';
import { ReportJobs } from './jobs.ts';
import { PrintTickets } from './print-tickets.ts';
import { Printer } from './printer.ts';

/**
 * The server's own address as its Chromium reaches it: loopback when it listens on every
 * address or on loopback, else the one address it listens on (a ticket is only honoured from
 * loopback, so that case gives an error, never a bypass).
 */
export function loopbackBaseUrl(host: string, port: number): string {
  const loopback = ['0.0.0.0', '::', '127.0.0.1', 'localhost', '::1', ''].includes(host);
  const name = loopback ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** One per process (main.ts): one Chromium, launched on the first report. */
export function createReportDeps(options: { chromiumPath: string; host: string; port: number }): ReportDeps {
  return {
    printer: new Printer({ executablePath: options.chromiumPath }),
    tickets: new PrintTickets(),
    jobs: new ReportJobs(),
    baseUrl: loopbackBaseUrl(options.host, options.port),
  };
}
