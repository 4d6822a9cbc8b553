/**
 * The import command line (server/cli/import.ts is its entry point), for people and scheduled jobs:
 *
 *   npm run import -- <kind> <file> [--codebook FILE] [--mapping NAME|FILE] [--station CODE]
 *                     [--zone CODE] [--wave LABEL] [--sample-type probability|opt_in]
 *                     [--encoding utf-8|windows-874|tis-620] [--sheet NAME|N] [--date-order dmy|mdy]
 *                     [--group-scheme current4|legacy5] [--offence-map FILE] [--force]
 *                     [--dry-run] [--json] [--via auto|direct|server]
 *
 * Two ways, one pipeline: DIRECT opens the database file (SSZ_DB, default data/ssz.duckdb) and runs
 * the import in this process. DuckDB lets one process write a file, so while the server runs the
 * file is locked; then (or with --via server) the file is SENT to the running server's API
 * (SSZ_URL, default http://localhost:8787) with an API token (SSZ_TOKEN, created by an admin).
 * The output says which way it went. Exit codes: 0 ok, 1 data errors (nothing written),
 * 2 usage or system errors.
 *
 * A file opened from disk has no size limit (it streams); SSZ_MAX_UPLOAD_MB limits HTTP uploads,
 * so a file sent to the server meets the server's limit. On stderr: progress (rows, percent of the
 * file, rows/s, time left) while a direct import runs, when stderr is a terminal; and always one
 * summary line at the end, for people and for scheduled jobs' logs (progress.ts).
 */
import { existsSync, openAsBlob, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { audit } from '../auth/audit.ts';
import { LOCAL_ADMIN } from '../auth/principal.ts';
import { readConfig } from '../config.ts';
import { isLockError, openDatabase } from '../db/database.ts';
import { seedReference } from '../db/seed-reference.ts';
import { formatIssue, type Issue } from './issues.ts';
import { runImport } from './pipeline.ts';
import { type ImportOutcome, type ImportProgress, progressLine, summaryLine } from './progress.ts';
import { importOptionsSchema, KIND_ALIASES } from './schemas.ts';
import type { ImportKind, ImportOptions, ImportResult } from './types.ts';

export const EXIT_OK = 0;
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  fetch?: typeof fetch;
  /** Progress and the summary line (process.stderr): progress only when it is a terminal. */
  status?: { isTTY?: boolean; write: (text: string) => unknown };
  /** A clock in milliseconds for rows/s and time left (default performance.now). */
  now?: () => number;
}

const USAGE = `Usage: npm run import -- <kind> <file> [options]
  kind: incidents | monthly_counts | survey | stations | zones | partners | problems
  --codebook FILE        survey codebook (JSON)
  --mapping NAME|FILE    saved column mapping by name, or a JSON file {canonical: header} / {columns, options}
  --station CODE         one station for every row (code or name)
  --zone CODE  --wave LABEL  --sample-type probability|opt_in
  --encoding utf-8|windows-874|tis-620   --sheet NAME|N   --date-order dmy|mdy
  --group-scheme current4|legacy5        --offence-map FILE (JSON {label: group 1-4})
  --force                import even if this file was imported before
  --dry-run              check everything, write nothing
  --json                 print the result as JSON
  --via auto|direct|server   (default auto: direct, or the running server when the database is locked)
Environment: SSZ_DB (database file), SSZ_URL (default http://localhost:8787), SSZ_TOKEN (API token for --via server)`;

class UsageError extends Error {}

function readJsonFile(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${what} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

interface Parsed {
  kind: ImportKind;
  file: string;
  options: ImportOptions;
  dryRun: boolean;
  json: boolean;
  via: 'auto' | 'direct' | 'server';
}

function parseCliArgs(argv: readonly string[]): Parsed {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        codebook: { type: 'string' },
        mapping: { type: 'string' },
        station: { type: 'string' },
        zone: { type: 'string' },
        wave: { type: 'string' },
        'sample-type': { type: 'string' },
        encoding: { type: 'string' },
        sheet: { type: 'string' },
        'date-order': { type: 'string' },
        'group-scheme': { type: 'string' },
        'offence-map': { type: 'string' },
        force: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        via: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help === true) throw new UsageError('');
  const [kindArg, file, ...rest] = parsed.positionals;
  if (kindArg === undefined || file === undefined) throw new UsageError('a kind and a file are required');
  if (rest.length > 0) throw new UsageError(`unexpected arguments: ${rest.join(' ')}`);
  const kind = KIND_ALIASES[kindArg.toLowerCase()];
  if (kind === undefined) throw new UsageError(`unknown kind "${kindArg}"`);
  if (!existsSync(file)) throw new UsageError(`file not found: ${file}`);
  const raw: Record<string, unknown> = {};
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  if (str('station') !== undefined) raw.station = str('station');
  if (str('zone') !== undefined) raw.zone = str('zone');
  if (str('wave') !== undefined) raw.wave = str('wave');
  if (str('sample-type') !== undefined) raw.sampleType = str('sample-type');
  if (str('encoding') !== undefined) raw.encoding = str('encoding')?.toLowerCase();
  if (str('sheet') !== undefined) raw.sheet = /^\d+$/.test(str('sheet') ?? '') ? Number(str('sheet')) : str('sheet');
  if (str('date-order') !== undefined) raw.dateOrder = str('date-order');
  if (str('group-scheme') !== undefined) raw.groupScheme = str('group-scheme');
  if (v.force === true) raw.force = true;
  const codebook = str('codebook');
  if (codebook !== undefined) {
    if (!existsSync(codebook)) throw new UsageError(`codebook not found: ${codebook}`);
    raw.codebook = readFileSync(codebook, 'utf8');
  }
  const offenceMap = str('offence-map');
  if (offenceMap !== undefined) raw.offenceMap = readJsonFile(offenceMap, 'offence map');
  const mapping = str('mapping');
  if (mapping !== undefined) {
    if (existsSync(mapping) && mapping.toLowerCase().endsWith('.json')) {
      const m = readJsonFile(mapping, 'mapping') as Record<string, unknown>;
      if (typeof m.columns === 'object' && m.columns !== null) {
        raw.mapping = m.columns;
        Object.assign(raw, { ...(m.options as Record<string, unknown> | undefined), ...raw, mapping: m.columns });
      } else raw.mapping = m;
    } else raw.mapping = mapping;
  }
  const options = importOptionsSchema.safeParse(raw);
  if (!options.success)
    throw new UsageError(options.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const via = str('via') ?? 'auto';
  if (via !== 'auto' && via !== 'direct' && via !== 'server')
    throw new UsageError('--via must be auto, direct or server');
  return {
    kind,
    file,
    options: options.data as ImportOptions,
    dryRun: v['dry-run'] === true,
    json: v.json === true,
    via,
  };
}

export { isLockError };

async function direct(dbPath: string, p: Parsed, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
  const db = await openDatabase(dbPath);
  try {
    await seedReference(db);
    const result = await runImport({
      db,
      principal: LOCAL_ADMIN,
      kind: p.kind,
      file: { name: basename(p.file), path: p.file },
      options: p.options,
      dryRun: p.dryRun,
      // No limits.maxFileBytes: the upload limit is for HTTP; a file on disk streams.
      onProgress,
    });
    if (result.importId !== null) {
      await audit(db, {
        username: LOCAL_ADMIN.username,
        action: 'import',
        target: String(result.importId),
        detail: {
          kind: p.kind,
          file: basename(p.file),
          sha256: result.preview.file.sha256,
          rows: result.counts.write,
          via: 'cli',
        },
      });
    }
    return result;
  } finally {
    db.close();
  }
}

class ServerError extends Error {
  constructor(
    message: string,
    readonly th: string,
  ) {
    super(message);
  }
}

async function viaServer(url: string, token: string, p: Parsed, doFetch: typeof fetch): Promise<ImportResult> {
  const form = new FormData();
  form.set('kind', p.kind);
  form.set('options', JSON.stringify(p.options));
  if (p.dryRun) form.set('dryRun', '1');
  form.set('file', await openAsBlob(p.file), basename(p.file));
  let res: Response;
  try {
    res = await doFetch(new URL('/api/imports/commit', url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
  } catch (error) {
    throw new ServerError(
      `cannot reach the server at ${url}: ${error instanceof Error ? error.message : String(error)} (set SSZ_URL to the running server's address, e.g. http://localhost:8899)`,
      `ติดต่อเซิร์ฟเวอร์ที่ ${url} ไม่ได้ (ตั้งค่า SSZ_URL เป็นที่อยู่ของเซิร์ฟเวอร์ที่กำลังทำงาน เช่น http://localhost:8899)`,
    );
  }
  const body = (await res.json().catch(() => null)) as {
    result?: ImportResult;
    error?: { th: string; en: string };
  } | null;
  if (body?.result !== undefined) return body.result;
  const e = body?.error;
  // Only uploads are limited: say how to bring a large file in.
  const tooLarge = res.status === 413;
  throw new ServerError(
    `the server answered ${res.status}: ${e?.en ?? res.statusText}` +
      (tooLarge
        ? ' (the server limits uploads to SSZ_MAX_UPLOAD_MB; raise it on the server, or import while the server is stopped: a file the command line opens itself has no size limit)'
        : ''),
    `เซิร์ฟเวอร์ตอบ ${res.status}: ${e?.th ?? res.statusText}` +
      (tooLarge
        ? ' (เซิร์ฟเวอร์จำกัดขนาดไฟล์ที่อัปโหลดตาม SSZ_MAX_UPLOAD_MB ให้เพิ่มค่านี้ที่เซิร์ฟเวอร์ หรือนำเข้าขณะเซิร์ฟเวอร์หยุดทำงาน ซึ่งไม่จำกัดขนาดไฟล์)'
        : ''),
  );
}

function printResult(io: CliIo, result: ImportResult, how: string): void {
  io.out(how);
  const c = result.counts;
  const written = Object.entries(c.write)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  if (result.ok) {
    io.out(
      result.dryRun
        ? `ตรวจแล้ว ไม่มีข้อผิดพลาด (ยังไม่บันทึก) / Checked, no errors (dry run, nothing written): ${c.rowsRead} rows read; would write ${written}`
        : `นำเข้าสำเร็จ ครั้งที่ ${result.importId} / Imported as #${result.importId}: ${c.rowsRead} rows read; wrote ${written}`,
    );
  } else {
    io.err(`นำเข้าไม่สำเร็จ ไม่มีการบันทึกข้อมูล / Import failed, nothing was written: ${result.errorCount} error(s)`);
  }
  if (c.skipped > 0) io.out(`skipped (already imported): ${c.skipped}`);
  const shown = (
    list: readonly Issue[] | readonly unknown[],
    total: number,
    label: string,
    to: (s: string) => void,
  ) => {
    if (total === 0) return;
    to(`${label}: ${total}${list.length < total ? ` (showing ${list.length})` : ''}`);
    for (const i of list as Issue[]) {
      to(`  - ${formatIssue(i, 'th')}`);
      to(`    ${formatIssue(i, 'en')}`);
    }
  };
  shown(result.errors as readonly Issue[], result.errorCount, 'ข้อผิดพลาด / errors', io.err);
  if (result.warningCount > 0) {
    const byCode = Object.entries(result.byCode)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    io.out(`คำเตือน / warnings: ${result.warningCount} (${byCode})`);
  }
}

/** Runs the command; returns the exit code. */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  let p: Parsed;
  try {
    p = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message !== '') io.err(`error: ${error.message}`);
      io.err(USAGE);
      return EXIT_USAGE;
    }
    throw error;
  }
  const config = readConfig(env);
  const url = env.SSZ_URL ?? `http://localhost:${config.port}`;
  const token = env.SSZ_TOKEN;
  const now = io.now ?? (() => performance.now());
  const started = now();
  const terminal = io.status?.isTTY === true;
  let progressShown = false;
  const onProgress = (progress: ImportProgress) => {
    if (!terminal) return;
    io.status?.write(`\r${progressLine(progress, now() - started)}\x1b[K`);
    progressShown = true;
  };
  const summarise = (rows: number, outcome: ImportOutcome) => {
    if (progressShown) io.status?.write('\r\x1b[K');
    const bytes = statSync(p.file, { throwIfNoEntry: false })?.size ?? 0;
    const line = summaryLine({
      kind: p.kind,
      file: basename(p.file),
      bytes,
      rows,
      elapsedMs: now() - started,
      outcome,
    });
    io.status?.write(`${line}\n`);
  };
  let result: ImportResult;
  let how: string;
  let via: 'direct' | 'server';
  try {
    if (p.via === 'server') {
      if (token === undefined || token === '') throw new ServerError('SSZ_TOKEN is not set', 'ไม่ได้ตั้งค่า SSZ_TOKEN');
      result = await viaServer(url, token, p, io.fetch ?? fetch);
      via = 'server';
    } else {
      try {
        result = await direct(config.dbPath, p, onProgress);
        via = 'direct';
      } catch (error) {
        if (!isLockError(error) || p.via === 'direct') throw error;
        if (token === undefined || token === '') {
          io.err(
            `ฐานข้อมูล ${config.dbPath} ถูกเซิร์ฟเวอร์ใช้งานอยู่ และไม่ได้ตั้งค่า SSZ_TOKEN จึงส่งไฟล์ให้เซิร์ฟเวอร์ไม่ได้ / ` +
              `The database ${config.dbPath} is in use by the running server and SSZ_TOKEN is not set, so the file cannot be sent to it. ` +
              'Ask an administrator for an API token (Admin > API tokens) and set SSZ_TOKEN (and SSZ_URL if the server is not on this machine).',
          );
          summarise(0, 'failed');
          return EXIT_USAGE;
        }
        result = await viaServer(url, token, p, io.fetch ?? fetch);
        via = 'server';
      }
    }
    how =
      via === 'direct'
        ? `${p.dryRun ? 'ตรวจโดยตรงกับ / Checked directly against' : 'นำเข้าโดยตรงลงใน / Imported directly into'} ${config.dbPath}`
        : `ส่งไปยังเซิร์ฟเวอร์ที่กำลังทำงานที่ / Sent to the running server at ${url}`;
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    if (p.json) io.out(JSON.stringify({ ok: false, error: msg }));
    else if (error instanceof ServerError) io.err(`นำเข้าไม่ได้: ${error.th} / Cannot import: ${msg}`);
    else io.err(`นำเข้าไม่ได้เพราะข้อผิดพลาดของระบบ / Cannot import (system error): ${msg}`);
    summarise(0, 'failed');
    return EXIT_USAGE;
  }
  if (p.json) io.out(JSON.stringify({ via, target: via === 'direct' ? config.dbPath : url, result }, null, 2));
  else printResult(io, result, how);
  summarise(result.counts.rowsRead, result.ok ? (result.dryRun ? 'checked' : 'imported') : 'refused');
  return result.ok ? EXIT_OK : EXIT_DATA;
}
