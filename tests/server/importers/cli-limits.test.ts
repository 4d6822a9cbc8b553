/**
 * The import command line and the upload limit: SSZ_MAX_UPLOAD_MB limits HTTP uploads only, never
 * a file the command line opens from disk; progress on a terminal, one summary line always.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { authSettings } from '../../../server/auth/settings.ts';
import { issueApiToken } from '../../../server/auth/tokens.ts';
import { readConfig } from '../../../server/config.ts';
import { type CliIo, EXIT_DATA, EXIT_OK, EXIT_USAGE, runCli } from '../../../server/importers/cli.ts';
import { type TestDb, tempDb } from './helpers/db.ts';

const HEADER = 'เลขคดี,วันที่เกิดเหตุ,ประเภทคดี,สภ.,ละติจูด,ลองจิจูด\n';
const rows = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i},6/5/2564 21:30,ลักทรัพย์,สภ.เมืองสงขลา,7.2,100.59\n`).join('');

/** Captures what the command says; `status` stands in for stderr (a terminal or not). */
function capture(terminal: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  let status = '';
  let clock = 0;
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    status: { isTTY: terminal, write: (text) => (status += text) },
    // Every reading of the clock is one second later, so rates and estimates are predictable.
    now: () => (clock += 1000),
  };
  return { out, err, io, status: () => status };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssz-cli-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the upload limit applies to HTTP uploads only', () => {
  // 1 MB limit, as a server started with SSZ_MAX_UPLOAD_MB=1 has; the file is a little over it.
  const env = { SSZ_MAX_UPLOAD_MB: '1' };
  let file: string;
  let server: TestDb;
  let token: string;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    file = join(dir, 'over-the-limit.csv');
    writeFileSync(file, HEADER + rows(20_000, 'BIG'));
    server = await tempDb();
    const deps = {
      db: server.db,
      version: 'test',
      secureCookies: false,
      maxUploadBytes: readConfig(env).maxUploadBytes,
    };
    app = createApp(deps);
    token = (
      await issueApiToken(server.db, authSettings(deps), {
        name: 'cli',
        role: 'admin',
        scope: { kind: 'national' },
        createdBy: 'test',
        expiresAt: null,
      })
    ).secret;
  });
  afterAll(() => server.close());

  it('imports a local file over SSZ_MAX_UPLOAD_MB from the command line', async () => {
    const c = capture(false);
    const db = join(dir, 'direct.duckdb');
    const code = await runCli(['incidents', file], { ...env, SSZ_DB: db }, c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(EXIT_OK);
    expect(c.out.join('\n')).toContain('wrote incidents 20000');
  });

  it('sends the same file to a server with that limit: 413, the bilingual error, and how to bring it in', async () => {
    const c = capture(false);
    const fetchIntoApp = ((url: URL | string, init?: RequestInit) => app.request(String(url), init)) as typeof fetch;
    const code = await runCli(
      ['incidents', file, '--via', 'server'],
      { ...env, SSZ_URL: 'http://localhost:8787', SSZ_TOKEN: token },
      { ...c.io, fetch: fetchIntoApp },
    );
    expect(code).toBe(EXIT_USAGE);
    const said = c.err.join('\n');
    expect(said).toContain('เซิร์ฟเวอร์ตอบ 413');
    expect(said).toContain('the server answered 413');
    expect(said).toContain('ข้อมูลที่ส่งมีขนาดใหญ่เกินไป');
    expect(said).toContain('SSZ_MAX_UPLOAD_MB');
    expect(c.status()).toMatch(/could not import\n$/);
    const [stored] = await server.db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents');
    expect(stored?.n).toBe(0);
  });

  it('answers an upload over the limit with 413 and the error in Thai and English', async () => {
    const form = new FormData();
    form.set('kind', 'incidents');
    form.set('file', new Blob([HEADER + rows(20_000, 'UP')]), 'big.csv');
    const res = await app.request('/api/imports/preview', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; th: string; en: string } };
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.th).toMatch(/[\u0E00-\u0E7F]/);
    expect(body.error.en).toMatch(/too large/);
  });

  it('has no size limit of its own for a file on disk (a 201 MB sparse file is read, not refused for size)', async () => {
    // Before, the pipeline refused any local file over 200 MB whatever SSZ_MAX_UPLOAD_MB said.
    const sparse = join(dir, 'huge.csv');
    const fd = openSync(sparse, 'w');
    writeSync(fd, Buffer.from([0]), 0, 1, 201 * 1024 * 1024);
    closeSync(fd);
    const c = capture(false);
    const code = await runCli(
      ['incidents', sparse, '--dry-run', '--json'],
      { SSZ_DB: join(dir, 'sparse.duckdb') },
      c.io,
    );
    rmSync(sparse);
    expect(code).toBe(EXIT_DATA);
    const json = JSON.parse(c.out.join('\n')) as { result: { errors: { code: string }[] } };
    expect(json.result.errors.map((e) => e.code)).not.toContain('file_too_large');
    expect(json.result.errors.length).toBeGreaterThan(0);
  });
});

describe('progress and the summary line', () => {
  let file: string;
  beforeAll(() => {
    file = join(dir, 'sixty-thousand.csv');
    writeFileSync(file, HEADER + rows(60_000, 'P'));
  });

  it('shows progress in place on a terminal, then one summary line', async () => {
    const c = capture(true);
    const code = await runCli(['incidents', file, '--dry-run'], { SSZ_DB: join(dir, 'progress.duckdb') }, c.io);
    expect(code).toBe(EXIT_OK);
    // The terminal's clear-to-end-of-line, spelled out so the patterns read plainly.
    const text = c.status().replaceAll('\x1b[K', '<EL>');
    // The pipeline reports after each 50,000 rows (at the source's batch ends) while reading: rows, percent, rows/s, time left.
    expect(text).toMatch(
      /\rอ่านไฟล์ \/ reading: 5\d,\d{3} rows · \d{1,2}% · [\d,]+ rows\/s · เหลือ \/ left (< 1 s|\d+ s|\d+ min \d\d s)<EL>/,
    );
    expect(text).toContain('\rตรวจทั้งไฟล์ / checking: 60,000 rows');
    // The progress line is cleared before the summary, which ends the output on its own line.
    const summary = text.slice(text.lastIndexOf('\r<EL>') + 5);
    expect(summary).toMatch(
      /^สรุป \/ Summary: incidents sixty-thousand\.csv, \d+\.\d MB, 60,000 rows in \d+ s \([\d,]+ rows\/s\): ตรวจแล้ว ไม่บันทึก \/ checked, nothing written \(dry run\)\n$/,
    );
  });

  it('writes only the summary line when stderr is not a terminal (a scheduled job)', async () => {
    const c = capture(false);
    const code = await runCli(['incidents', file, '--dry-run'], { SSZ_DB: join(dir, 'progress.duckdb') }, c.io);
    expect(code).toBe(EXIT_OK);
    expect(c.status()).not.toContain('\r');
    expect(c.status().split('\n')).toEqual([expect.stringMatching(/^สรุป \/ Summary: .* 60,000 rows in /), '']);
  });

  it('ends a refused import with a summary that says nothing was written', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${HEADER}X1,not a date,ลักทรัพย์,สภ.เมืองสงขลา,,\n`);
    const c = capture(false);
    expect(await runCli(['incidents', bad], { SSZ_DB: join(dir, 'progress.duckdb') }, c.io)).toBe(EXIT_DATA);
    expect(c.status()).toMatch(/1 row in .*: ไฟล์มีข้อผิดพลาด ไม่บันทึก \/ the file has errors, nothing written\n$/);
  });
});
