/**
 * Helpers for browser tests: build the SPA and the server when stale, run the real server on a
 * free port with a throw-away database and a known admin password, and stop it again.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from '../../server/reports/printer.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export const ADMIN_USER = 'admin';
export const ADMIN_PASSWORD = 'e2e-admin-password-2567';

/** The server's own Chromium settings (server/reports/printer.ts): the tests drive the same browser. */
export const CHROMIUM = { executablePath: DEFAULT_CHROMIUM, args: CHROMIUM_ARGS };

/**
 * The tests use the built SPA and server as users get them (`npm start`), rebuilt when any of
 * their sources is newer than the build (the same staleness rule: scripts/ensure-build.mjs).
 */
export function ensureBuild(): void {
  execFileSync(process.execPath, [join(repoRoot, 'scripts/ensure-build.mjs')], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${output()}`);
}

export async function startServer({
  timeoutMs = 180_000,
  env = {},
}: {
  timeoutMs?: number;
  env?: Record<string, string>;
} = {}): Promise<RunningServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ssz-e2e-'));
  let log = '';
  // The built server, as `npm start` runs it; in its own process group, stopped as a whole.
  const child = spawn(process.execPath, ['dist-server/main.js'], {
    cwd: repoRoot,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SSZ_DB: join(dir, 'e2e.duckdb'),
      SSZ_ADMIN_USER: ADMIN_USER,
      SSZ_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const output = () => log;
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, output, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output, stop };
}

/**
 * Collects what a page should never show: console errors, failed requests and uncaught script
 * errors. Signed out is not an error: the SPA asks /api/auth/session, which answers 200. Only a
 * refused sign-in (401 from /api/auth/login, a wrong password typed on purpose) is expected.
 */
export function collectPageProblems(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    // Failed requests are judged by URL below; the console's "Failed to load resource" says no more.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    const expected = response.status() === 401 && url.pathname === '/api/auth/login';
    if (response.status() >= 400 && !expected && url.pathname !== '/favicon.ico') {
      problems.push(`HTTP ${response.status()} ${url.pathname}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
}

/** Signs in through the sign-in form, as a user does, and waits for the signed-in header. */
export async function signInAs(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(baseUrl);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.getByTestId('signed-in-user').waitFor();
}

/** A page as Thai users see it: Thai locale, Bangkok time; phones get a sharper screen. */
export function thaiPage(browser: Browser, width: number, height: number): Promise<Page> {
  return browser.newPage({
    viewport: { width, height },
    ...(width < 600 ? { deviceScaleFactor: 2 } : {}),
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
  });
}

/** One test file's real server and Chromium (browserSuite). */
export interface BrowserSuite {
  readonly server: RunningServer;
  readonly baseUrl: string;
  readonly browser: Browser;
  /** What no page may show, from every page made by `newPage` (collectPageProblems). */
  readonly problems: string[];
  /** The path of a screenshot in test-results/, named with the file's prefix. */
  shot(name: string): string;
  /** A Thai page (thaiPage) whose problems are collected. */
  newPage(width: number, height: number): Promise<Page>;
  signIn(page: Page, username: string, password: string): Promise<void>;
}

/**
 * Starts the built server and Chromium before a file's tests and stops them after (hooks at the
 * level it is called from), so each browser test file says only what it tests.
 */
export function browserSuite(shotPrefix: string, options: { env?: Record<string, string> } = {}): BrowserSuite {
  const shots = join(repoRoot, 'test-results');
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const started = <T>(what: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`the browser suite's ${what} is not started (use it inside a test)`);
    return value;
  };
  const suite: BrowserSuite = {
    get server() {
      return started('server', server);
    },
    get baseUrl() {
      return started('server', server).baseUrl;
    },
    get browser() {
      return started('browser', browser);
    },
    problems: [],
    shot: (name) => join(shots, `${shotPrefix}${name}.png`),
    newPage: async (width, height) => {
      const page = await thaiPage(suite.browser, width, height);
      collectPageProblems(page, suite.problems);
      return page;
    },
    signIn: (page, username, password) => signInAs(page, suite.baseUrl, username, password),
  };
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    ensureBuild();
    server = await startServer(options);
    browser = await chromium.launch(CHROMIUM);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return suite;
}
