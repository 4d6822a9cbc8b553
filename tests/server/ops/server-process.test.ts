/**
 * Operations against a real server process (node server/main.ts on a free port, its own database
 * and temp folder): `npm run backup` while it runs goes through the server; `npm run restore`
 * refuses its database; SIGTERM lets a request in flight finish, checkpoints and exits 0; after
 * it stopped, restore brings the database back to the backup.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectBackup } from '../../../server/db/backup.ts';
import { EXIT_OK, EXIT_REFUSED, runBackupCli, runRestoreCli } from '../../../server/db/backup-cli.ts';
import { openDatabase } from '../../../server/db/database.ts';
import { freePort, repoRoot } from '../../e2e/server.ts';

const ADMIN_PASSWORD = 'ops-admin-password-2567';
const CSV =
  'เลขคดี,วันที่เกิดเหตุ,ประเภทคดี,สภ.,ละติจูด,ลองจิจูด\nT1,6/5/2564 21:30,ลักทรัพย์,สภ.เมืองสงขลา,7.2,100.59\nT2,7/5/2564,ชิงทรัพย์,Mueang Songkhla,,\n';

let dir: string;
let dbPath: string;
let tmp: string;
let baseUrl: string;
let port: number;
let child: ChildProcess;
let log = '';
let exited: Promise<number | null>;
let session: { cookie: string; csrf: string };
let token: string;
const backupFile = () => join(dir, 'while-running.duckdb');

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}:\n${log}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ssz-ops-'));
  dbPath = join(dir, 'ssz.duckdb');
  // The server's own temp folder: the test sees its upload arrive there.
  tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  // node itself (not npx/tsx's wrapper), so the signal goes to the server and nothing else.
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SSZ_DB: dbPath,
      SSZ_DEMO: '0',
      SSZ_ADMIN_USER: 'admin',
      SSZ_ADMIN_PASSWORD: ADMIN_PASSWORD,
      TMPDIR: tmp,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => {
    log += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    log += c.toString();
  });
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  await waitUntil('the server to answer', async () => {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${log}`);
    return (await fetch(`${baseUrl}/api/health`).catch(() => null))?.ok === true;
  });
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(login.status).toBe(200);
  session = {
    cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    csrf: ((await login.json()) as { user: { csrfToken: string } }).user.csrfToken,
  };
  const made = await fetch(`${baseUrl}/api/admin/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({ name: 'backup job', role: 'admin', scope: { kind: 'national' } }),
  });
  expect(made.status).toBe(201);
  token = ((await made.json()) as { result: { secret: string } }).result.secret;
}, 180_000);

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('while the server runs', () => {
  it('npm run backup asks the server for a consistent copy and saves it', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runBackupCli(
      [backupFile()],
      { SSZ_DB: dbPath, SSZ_URL: baseUrl, SSZ_TOKEN: token },
      { out: (l) => out.push(l), err: (l) => err.push(l) },
    );
    expect(err).toEqual([]);
    expect(code).toBe(EXIT_OK);
    expect(out[0]).toContain(`through the running server at ${baseUrl}`);
    const contents = await inspectBackup(backupFile());
    expect(contents.tables.users).toBe(1);
    expect(contents.tables.api_tokens).toBe(1);
    expect(contents.tables.incidents).toBe(0);
  });

  it('answers the backup endpoint to administrators only', async () => {
    const anonymous = await fetch(`${baseUrl}/api/admin/backup`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
  });

  it('npm run restore refuses to overwrite its database', async () => {
    const err: string[] = [];
    const code = await runRestoreCli([backupFile()], { SSZ_DB: dbPath }, { out: () => {}, err: (l) => err.push(l) });
    expect(code).toBe(EXIT_REFUSED);
    expect(err.join('\n')).toContain('Stop the server first; nothing was changed.');
  });
});

describe('SIGTERM', () => {
  it('finishes the request in flight, checkpoints and exits 0', { timeout: 120_000 }, async () => {
    // An upload sent in two halves: the signal arrives while the server is reading it.
    const boundary = 'ssz-ops-boundary';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nincidents\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sigterm.csv"\r\n` +
      'Content-Type: text/csv\r\n\r\n';
    const body = Buffer.from(`${head}${CSV}\r\n--${boundary}--\r\n`);
    const split = Buffer.byteLength(head) + 120;
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${baseUrl}/api/imports/commit`,
        {
          method: 'POST',
          headers: {
            'content-type': `multipart/form-data; boundary=${boundary}`,
            // A length, as browsers and the command line send: the server streams the body to disk.
            'content-length': String(body.length),
            cookie: session.cookie,
            'x-csrf-token': session.csrf,
          },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => {
            body += c.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write(body.subarray(0, split));
      void (async () => {
        // The server is inside the request once the file part is being written to its temp folder.
        await waitUntil('the upload to arrive', () => {
          const uploads = join(tmp, 'ssz-uploads');
          return existsSync(uploads) && readdirSync(uploads).length > 0;
        });
        child.kill('SIGTERM');
        await waitUntil(
          'the server to stop listening',
          async () => (await fetch(`${baseUrl}/api/health`).catch(() => null)) === null,
        );
        req.end(body.subarray(split));
      })().catch(reject);
    });
    const { status, body: text } = await answer;
    expect(status, text).toBe(201);
    expect((JSON.parse(text) as { result: { ok: boolean } }).result.ok).toBe(true);
    expect(await exited).toBe(0);
    expect(log).toContain('checkpoint');
    // Checkpointed: everything is in the database file, no write-ahead log left beside it.
    expect(existsSync(`${dbPath}.wal`)).toBe(false);
    const db = await openDatabase(dbPath);
    try {
      const [row] = await db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents');
      expect(row?.n).toBe(2);
    } finally {
      db.close();
    }
  });

  it('after it stopped, restore gives back the database as the backup had it', async () => {
    const out: string[] = [];
    const code = await runRestoreCli([backupFile()], { SSZ_DB: dbPath }, { out: (l) => out.push(l), err: () => {} });
    expect(code).toBe(EXIT_OK);
    const db = await openDatabase(dbPath);
    try {
      const [row] = await db.all<{ incidents: number; tokens: number }>(
        'SELECT (SELECT count(*) FROM incidents)::INTEGER AS incidents, (SELECT count(*) FROM api_tokens)::INTEGER AS tokens',
      );
      expect(row).toEqual({ incidents: 0, tokens: 1 });
    } finally {
      db.close();
    }
  });
});
