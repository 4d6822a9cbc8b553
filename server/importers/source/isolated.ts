/**
 * The server's side of parse isolation: every uploaded or command-line file of every text, sheet
 * and shape format (CSV, XLSX, GeoJSON, KML, KMZ) is decoded and parsed in a child process
 * (parse-child.ts) with a heap limit (`--max-old-space-size`) and time limits, killed on overrun.
 *
 * Why a process and not a worker thread: a hostile workbook can make V8 abort with "Fatal
 * JavaScript invalid size error" (an array asked to grow past V8's maximum). That is a FATAL of the
 * whole process, not an exception; a worker's `resourceLimits` only turn heap exhaustion into
 * ERR_WORKER_OUT_OF_MEMORY, and a worker with room enough for the allocation takes the server
 * down with it (tried: tests/fixtures/hostile/huge-cell-reference.xlsx, README "Import limits").
 *
 * A file that exhausts the child's memory or time fails its own import with `file_too_complex`
 * (bilingual, naming the file and the reason); the server goes on answering everyone else.
 *
 * Parquet is not here: DuckDB reads it (parquet.ts) in the one database instance, in C++, under
 * DuckDB's own memory limit and error handling, with no JavaScript allocation shaped by the file.
 *
 * Children are reused: one idle child is kept warm (a child costs ~0.5 s to start under tsx), and a
 * child whose job failed, timed out or was abandoned is killed, never reused.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GeoParseResult } from '../../geo/features.ts';
import { FatalImportError, type Issue, issue } from '../issues.ts';
import type { FileFormat } from './detect.ts';
import type { FromChild, ParseJob, ToChild } from './parse-child.ts';
import type { LoadedFile, SourceMeta, TableInput, TableOptions, TableRow } from './table.ts';
import { ExcelDate } from './xlsx.ts';
import type { ZipLimits } from './zip.ts';

export interface ParseLimits {
  /** Heap of the parse child (V8 old space), MB. */
  memoryMb: number;
  /** Longest the child may go without answering while the server waits for it, ms. */
  idleMs: number;
  /** Longest one file may take to read, ms. */
  totalMs: number;
}

const envNumber = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export function defaultParseLimits(): ParseLimits {
  return {
    memoryMb: envNumber('SSZ_PARSE_MEMORY_MB', 2048),
    idleMs: envNumber('SSZ_PARSE_IDLE_SECONDS', 60) * 1000,
    totalMs: envNumber('SSZ_PARSE_TIMEOUT_SECONDS', 1800) * 1000,
  };
}

// The entry beside this module, with this module's own extension: parse-child.ts under tsx and
// vitest, parse-child.js when the server runs from compiled JavaScript.
const here = import.meta.url;
const extension = /\.[cm]?[jt]s$/.exec(new URL(here).pathname)?.[0] ?? '.js';
const ENTRY = fileURLToPath(new URL(`./parse-child${extension}`, here));

function childExecArgv(memoryMb: number): string[] {
  const args = [`--max-old-space-size=${memoryMb}`, '--max-semi-space-size=32'];
  // TypeScript sources need tsx's loader in the child too (a compiled build does not).
  if (extension.endsWith('ts')) args.push('--import', pathToFileURL(createRequire(here).resolve('tsx')).href);
  return args;
}

interface Child {
  proc: ChildProcess;
  memoryMb: number;
  ready: Promise<void>;
  stderr: string;
  exited: { code: number | null; signal: NodeJS.Signals | null } | null;
}

let spare: Child | null = null;

function spawnChild(memoryMb: number): Child {
  const proc = fork(ENTRY, [], {
    execArgv: childExecArgv(memoryMb),
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const child: Child = { proc, memoryMb, stderr: '', exited: null, ready: Promise.resolve() };
  proc.stderr?.on('data', (chunk: Buffer) => {
    child.stderr = (child.stderr + chunk.toString()).slice(-8192);
  });
  proc.on('exit', (code, signal) => {
    child.exited = { code, signal };
    if (spare === child) spare = null;
  });
  proc.on('error', () => undefined);
  child.ready = new Promise<void>((resolve) => {
    const onReady = (m: FromChild) => {
      if (m.type !== 'ready') return;
      proc.off('message', onReady);
      resolve();
    };
    proc.on('message', onReady);
    proc.once('exit', () => resolve());
  });
  // An idle child never keeps the server (or a test run) alive.
  idle(child);
  return child;
}

function idle(child: Child): void {
  child.proc.unref();
  (child.proc.channel as { unref?: () => void } | undefined)?.unref?.();
  (child.proc.stderr as { unref?: () => void } | null)?.unref?.();
}

function busy(child: Child): void {
  child.proc.ref();
  (child.proc.channel as { ref?: () => void } | undefined)?.ref?.();
  (child.proc.stderr as { ref?: () => void } | null)?.ref?.();
}

function takeChild(memoryMb: number): Child {
  const s = spare;
  spare = null;
  if (s !== null && s.exited === null && s.memoryMb === memoryMb && s.proc.connected) return s;
  if (s !== null) kill(s);
  return spawnChild(memoryMb);
}

function release(child: Child): void {
  if (spare === null && child.exited === null && child.proc.connected) {
    idle(child);
    spare = child;
  } else kill(child);
}

function kill(child: Child): void {
  if (child.exited === null) child.proc.kill('SIGKILL');
}

const n = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 3 });

/** Why the child ended, in both languages. */
function failureReason(
  child: Child,
  limits: ParseLimits,
  timedOut: 'idle' | 'total' | null,
): { th: string; en: string } {
  if (timedOut !== null) {
    const s = (timedOut === 'idle' ? limits.idleMs : limits.totalMs) / 1000;
    return timedOut === 'idle'
      ? { th: `ตัวอ่านไฟล์ไม่คืบหน้าเลยนานกว่า ${n(s)} วินาที`, en: `the reader made no progress for over ${n(s)} s` }
      : { th: `การอ่านไฟล์ใช้เวลานานกว่า ${n(s)} วินาที`, en: `reading it took longer than ${n(s)} s` };
  }
  const err = child.stderr;
  if (/heap out of memory|Reached heap limit|allocation failed/i.test(err))
    return {
      th: `ต้องใช้หน่วยความจำมากกว่า ${n(child.memoryMb)} MB`,
      en: `it needed more than ${n(child.memoryMb)} MB of memory`,
    };
  if (/invalid size error|invalid array length|Fatal/i.test(err))
    return {
      th: 'ตัวอ่านไฟล์ถูกหยุดเพราะไฟล์ขอพื้นที่ในหน่วยความจำเกินขนาดที่เป็นไปได้',
      en: 'the reader was stopped because the file asked for an impossibly large allocation',
    };
  const how = child.exited?.signal ?? `exit code ${child.exited?.code ?? '?'}`;
  return { th: `ตัวอ่านไฟล์หยุดทำงานกะทันหัน (${how})`, en: `the reader stopped unexpectedly (${how})` };
}

type Handler = (m: FromChild) => void;

/**
 * One job on one child: messages go to `onMessage`; the child is killed on the time limits.
 * `fail` is called once if the child dies or overruns; `finish(reuse)` hands the child back.
 */
class Session {
  readonly #child: Child;
  readonly #limits: ParseLimits;
  readonly #file: string;
  #idleTimer: NodeJS.Timeout | null = null;
  readonly #totalTimer: NodeJS.Timeout;
  #done = false;
  #failing = false;
  #onMessage: Handler = () => undefined;
  #onFail: (e: FatalImportError) => void = () => undefined;

  constructor(child: Child, limits: ParseLimits, file: string) {
    this.#child = child;
    this.#limits = limits;
    this.#file = file;
    busy(child);
    this.#totalTimer = setTimeout(() => this.#fail('total'), limits.totalMs);
    child.proc.on('message', this.#message);
    child.proc.on('exit', this.#exit);
  }

  readonly #message = (m: FromChild): void => {
    if (this.#done || m.type === 'ready') return;
    this.#onMessage(m);
  };

  readonly #exit = (): void => {
    if (!this.#done) this.#fail(null);
  };

  /** The server is blocked on the child from now until `answered`: the idle limit runs. */
  waiting(): void {
    if (this.#done || this.#idleTimer !== null) return;
    this.#idleTimer = setTimeout(() => this.#fail('idle'), this.#limits.idleMs);
  }

  answered(): void {
    if (this.#idleTimer !== null) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }

  start(job: ParseJob, onMessage: Handler, onFail: (e: FatalImportError) => void): void {
    this.#onMessage = onMessage;
    this.#onFail = onFail;
    void this.#child.ready.then(() => {
      if (this.#done) return;
      if (this.#child.exited !== null || !this.#child.proc.connected) {
        this.#fail(null);
        return;
      }
      this.#send(job);
    });
  }

  more(): void {
    this.#send({ type: 'more' });
  }

  #send(m: ToChild): void {
    try {
      this.#child.proc.send(m);
    } catch {
      this.#fail(null);
    }
  }

  #fail(timedOut: 'idle' | 'total' | null): void {
    if (this.#done || this.#failing) return;
    this.#failing = true;
    kill(this.#child);
    const after = () => {
      const reason = failureReason(this.#child, this.#limits, timedOut);
      this.finish(false);
      this.#onFail(new FatalImportError(issue('file_too_complex', { file: this.#file }, { name: this.#file, reason })));
    };
    // Let the child's last stderr (the V8 message saying why) arrive before judging.
    if (this.#child.exited !== null) setTimeout(after, 20);
    else this.#child.proc.once('exit', () => setTimeout(after, 20));
  }

  /** Ends the session; the child is reused only after a clean end. */
  finish(reuse: boolean): void {
    if (this.#done) return;
    this.#done = true;
    clearTimeout(this.#totalTimer);
    if (this.#idleTimer !== null) clearTimeout(this.#idleTimer);
    this.#child.proc.off('message', this.#message);
    this.#child.proc.off('exit', this.#exit);
    if (reuse) release(this.#child);
    else kill(this.#child);
  }
}

/** The file as the child gets it: its path when it is on disk, else its bytes. */
function wireFile(file: LoadedFile): LoadedFile {
  return file.path !== undefined
    ? { name: file.name, size: file.size, path: file.path }
    : { name: file.name, size: file.size, ...(file.bytes === undefined ? {} : { bytes: file.bytes }) };
}

type Sink = { add(i: Issue): void };

/** A queue of the child's answers, pulled by the pipeline. */
class Inbox {
  constructor(readonly session: Session) {}
  readonly #queue: FromChild[] = [];
  #waiting: ((m: FromChild | FatalImportError) => void) | null = null;
  #error: FatalImportError | null = null;

  push(m: FromChild): void {
    const w = this.#waiting;
    if (w !== null) {
      this.#waiting = null;
      w(m);
    } else this.#queue.push(m);
  }

  fail(e: FatalImportError): void {
    this.#error = e;
    const w = this.#waiting;
    this.#waiting = null;
    w?.(e);
  }

  async next(): Promise<FromChild> {
    const queued = this.#queue.shift();
    if (queued !== undefined) return queued;
    if (this.#error !== null) throw this.#error;
    this.session.waiting();
    const m = await new Promise<FromChild | FatalImportError>((r) => (this.#waiting = r));
    this.session.answered();
    if (m instanceof FatalImportError) throw m;
    return m;
  }
}

/** The child's own failure (a bug, not a limit): the file cannot be read, said plainly. */
function unreadable(file: string, format: FileFormat, m: FromChild): FatalImportError {
  const detail = m.type === 'failed' ? m.message : `unexpected answer ${m.type}`;
  return new FatalImportError(issue('unreadable_file', { file }, { format: format.toUpperCase(), detail }));
}

function toRows(m: Extract<FromChild, { type: 'batch' }>): TableRow[] {
  const { rows, lines, fields } = m;
  const out: TableRow[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    let cells = fields[i] as TableRow['fields'] | Extract<FromChild, { type: 'batch' }>['fields'][number];
    if (m.dates) {
      cells = (cells as unknown[]).map((c) =>
        typeof c === 'object' && c !== null ? new ExcelDate((c as { serial: number }).serial) : c,
      ) as TableRow['fields'];
    }
    const line = lines?.[i] ?? 0;
    out[i] =
      line > 0
        ? { row: rows[i] as number, line, fields: cells as TableRow['fields'] }
        : { row: rows[i] as number, fields: cells as TableRow['fields'] };
  }
  return out;
}

/**
 * Opens a CSV or XLSX file in a parse child: the header now, rows as the pipeline pulls them.
 * Null when it has no header (an issue says why). Throws FatalImportError (refusals, and
 * `file_too_complex` when the child dies or overruns, also while rows are being pulled).
 */
export async function openTableIsolated(
  file: LoadedFile,
  format: 'csv' | 'xlsx',
  options: TableOptions,
  issues: Sink,
  limits: ParseLimits = defaultParseLimits(),
): Promise<TableInput | null> {
  const session = new Session(takeChild(limits.memoryMb), limits, file.name);
  const inbox = new Inbox(session);
  session.start(
    { type: 'table', file: wireFile(file), format, options },
    (m) => inbox.push(m),
    (e) => inbox.fail(e),
  );
  let first: FromChild;
  try {
    first = await inbox.next();
  } catch (error) {
    session.finish(false);
    throw error;
  }
  const settle = (m: FromChild): void => {
    if ('issues' in m) for (const i of m.issues) issues.add(i);
  };
  settle(first);
  if (first.type === 'no_table') {
    session.finish(true);
    return null;
  }
  if (first.type === 'refused') {
    session.finish(true);
    throw new FatalImportError(first.issue);
  }
  if (first.type !== 'opened') {
    session.finish(false);
    throw unreadable(file.name, format, first);
  }
  let fraction = 0;
  async function* rows(): AsyncGenerator<TableRow[]> {
    let clean = false;
    try {
      for (;;) {
        const m = await inbox.next();
        settle(m);
        if (m.type === 'end') {
          fraction = 1;
          clean = true;
          return;
        }
        if (m.type === 'refused') {
          clean = true;
          throw new FatalImportError(m.issue);
        }
        if (m.type !== 'batch') throw unreadable(file.name, format, m);
        fraction = m.fraction;
        session.more();
        yield toRows(m);
      }
    } finally {
      session.finish(clean);
    }
  }
  return {
    header: first.header,
    headerRow: first.headerRow,
    meta: first.meta as SourceMeta,
    rows: rows(),
    fractionRead: () => fraction,
    close: () => session.finish(false),
  };
}

/** Parses a GeoJSON / KML / KMZ file in a parse child. Throws FatalImportError. */
export async function readShapesIsolated(
  file: LoadedFile,
  format: FileFormat,
  zipLimits: ZipLimits | undefined,
  limits: ParseLimits = defaultParseLimits(),
): Promise<GeoParseResult> {
  const session = new Session(takeChild(limits.memoryMb), limits, file.name);
  const inbox = new Inbox(session);
  session.start(
    { type: 'shapes', file: wireFile(file), format, ...(zipLimits === undefined ? {} : { zipLimits }) },
    (m) => inbox.push(m),
    (e) => inbox.fail(e),
  );
  try {
    const m = await inbox.next();
    if (m.type === 'shapes') {
      session.finish(true);
      return m.result;
    }
    if (m.type === 'refused') {
      session.finish(true);
      throw new FatalImportError(m.issue);
    }
    session.finish(false);
    throw unreadable(file.name, format, m);
  } catch (error) {
    session.finish(false);
    throw error;
  }
}

/** Starts a spare parse child now (the server calls it at start, so the first import is quick). */
export function warmParseChild(limits: ParseLimits = defaultParseLimits()): void {
  if (spare === null) spare = spawnChild(limits.memoryMb);
}
