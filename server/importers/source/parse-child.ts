/**
 * The parse child: a separate Node process (started by isolated.ts with a heap limit, killed on a
 * time limit) that turns uploaded bytes into rows or shapes, so that whatever a hostile file does
 * to a parser - exhaust the heap, hit V8's fatal "invalid size" abort, spin - ends this process and
 * never the server. It reads the file (from its path, or bytes sent with the job), decodes, parses
 * and checks shapes; it sends the header, then rows in batches (at most `AHEAD` batches ahead of
 * what the server has consumed, so memory stays flat and both cores work: this process parses
 * while the server validates and writes), with the issues found along the way.
 *
 * One job at a time; the process is reused for the next job when the last one ended cleanly.
 */
import type { GeoParseResult } from '../../geo/features.ts';
import { FatalImportError, type Issue } from '../issues.ts';
import type { FileFormat } from './detect.ts';
import { readShapes } from './shapes.ts';
import { type LoadedFile, openParsedTable, type SourceMeta, type TableOptions } from './table.ts';
import { ExcelDate } from './xlsx.ts';
import type { ZipLimits } from './zip.ts';

export type ParseJob =
  | { type: 'table'; file: LoadedFile; format: 'csv' | 'xlsx'; options: TableOptions }
  | { type: 'shapes'; file: LoadedFile; format: FileFormat; zipLimits?: ZipLimits };

export type ToChild = ParseJob | { type: 'more' };

/** A batch's cells: strings (CSV) or cells with dates as `{ serial }` (XLSX). */
export type WireCell = string | number | { serial: number } | null;

export type FromChild =
  | { type: 'ready' }
  | { type: 'opened'; header: string[]; headerRow: number; meta: SourceMeta; issues: AnyIssue[] }
  | { type: 'no_table'; issues: AnyIssue[] }
  | {
      type: 'batch';
      rows: Int32Array;
      /** CSV: the physical line of each row (0 = none). */
      lines: Int32Array | null;
      fields: WireCell[][];
      /** True when some cell is a date (XLSX): the server turns `{ serial }` back into ExcelDate. */
      dates: boolean;
      fraction: number;
      issues: AnyIssue[];
    }
  | { type: 'end'; issues: AnyIssue[] }
  | { type: 'shapes'; result: GeoParseResult }
  | { type: 'refused'; issue: Issue; issues: AnyIssue[] }
  | { type: 'failed'; message: string };

type AnyIssue = Issue;

/** Batches parsed ahead of the server's consumption. */
const AHEAD = 2;

let credits = 0;
let wake: (() => void) | null = null;
let outbox: AnyIssue[] = [];
const sink = { add: (i: AnyIssue) => void outbox.push(i) };

function takeIssues(): AnyIssue[] {
  const out = outbox;
  outbox = [];
  return out;
}

function send(message: FromChild): Promise<void> {
  return new Promise((resolve, reject) =>
    (process.send as NonNullable<typeof process.send>)(message, (error: Error | null) =>
      error ? reject(error) : resolve(),
    ),
  );
}

async function credit(): Promise<void> {
  while (credits <= 0) await new Promise<void>((r) => (wake = r));
  credits--;
}

async function runTable(job: Extract<ParseJob, { type: 'table' }>): Promise<void> {
  const table = await openParsedTable(job.file, job.format, job.options, sink);
  if (table === null) {
    await send({ type: 'no_table', issues: takeIssues() });
    return;
  }
  await send({
    type: 'opened',
    header: table.header,
    headerRow: table.headerRow,
    meta: table.meta,
    issues: takeIssues(),
  });
  for await (const batch of table.rows) {
    const n = batch.length;
    const rows = new Int32Array(n);
    let lines: Int32Array | null = null;
    const fields: WireCell[][] = new Array(n);
    let dates = false;
    for (let i = 0; i < n; i++) {
      const r = batch[i] as (typeof batch)[number];
      rows[i] = r.row;
      if (r.line !== undefined) {
        if (lines === null) lines = new Int32Array(n);
        lines[i] = r.line;
      }
      fields[i] = r.fields as WireCell[];
      if (!dates && job.format === 'xlsx') dates = r.fields.some((c) => c instanceof ExcelDate);
    }
    await credit();
    await send({ type: 'batch', rows, lines, fields, dates, fraction: table.fractionRead(), issues: takeIssues() });
  }
  await send({ type: 'end', issues: takeIssues() });
}

async function run(job: ParseJob): Promise<void> {
  credits = AHEAD;
  outbox = [];
  try {
    if (job.type === 'table') await runTable(job);
    else {
      const bytes =
        job.file.bytes ??
        new Uint8Array(await (await import('node:fs/promises')).readFile(job.file.path ?? '/dev/null'));
      await send({ type: 'shapes', result: await readShapes(bytes, job.file.name, job.format, job.zipLimits) });
    }
  } catch (error) {
    if (error instanceof FatalImportError) await send({ type: 'refused', issue: error.issue, issues: takeIssues() });
    else await send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

process.on('message', (m: ToChild) => {
  if (m.type === 'more') {
    credits++;
    const w = wake;
    wake = null;
    w?.();
    return;
  }
  void run(m);
});
// The server went away (or let this child go): nothing left to do.
process.on('disconnect', () => process.exit(0));
void send({ type: 'ready' });
