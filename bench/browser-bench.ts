/**
 * [9] The first screen in headless Chromium, at national scale: the built server (`npm start`'s
 * dist-server and dist/) on the bench's national database, a national-scope user, and the
 * system Chromium the app prints with.
 *   - initial JavaScript: what dist/index.html loads before anything is lazily imported (its
 *     module script and modulepreloads), gzipped;
 *   - sign-in to tiles: a fresh browser (no cache, no cookie) on the sign-in screen; from the submit
 *     of "sign in" until the frame showing the overview's KPI tiles (marked in the page);
 *   - overview painted: the same user reloading the overview (signed in, the browser's cache warm),
 *     from navigation start to that frame;
 *   - the requests that follow a sign-in, with when each started and ended (a waterfall shows as
 *     requests starting only when an earlier one has ended).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { createUser } from '../server/auth/accounts.ts';
import { DEFAULT_AUTH_SETTINGS } from '../server/auth/settings.ts';
import { openDatabase } from '../server/db/database.ts';
import { findUser } from '../server/queries/users.ts';
import { CHROMIUM, ensureBuild, repoRoot, startServer } from '../tests/e2e/server.ts';
import { stopwatch } from './lib/stats.ts';

export interface BrowserFigure {
  figure: string;
  target: string;
  /** null: printed, not judged. */
  pass: boolean | null;
  measured: string;
}

const USER = 'bench-browser';
const PASSWORD = 'bench-browser-2567';

/** The scripts dist/index.html loads at once (module entry and its modulepreloads), each gzipped. */
export function initialScripts(distDir = join(repoRoot, 'dist')): { file: string; bytes: number; gzip: number }[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1] as string);
  return srcs.map((src) => {
    const body = readFileSync(join(distDir, src));
    return { file: src, bytes: body.byteLength, gzip: gzipSync(body, { level: 9 }).byteLength };
  });
}

/** A national-scope user with a known password in the bench database (made once, kept). */
async function ensureBenchUser(dbPath: string): Promise<void> {
  const db = await openDatabase(dbPath);
  try {
    if (await findUser(db, USER)) return;
    const made = await createUser(
      db,
      DEFAULT_AUTH_SETTINGS,
      {
        username: USER,
        displayName: 'Bench (browser)',
        role: 'admin',
        scope: { kind: 'national' },
        password: PASSWORD,
        mustChangePassword: false,
      },
      'bench',
    );
    if (!made.ok) throw new Error(`could not create the bench user: ${made.code}`);
  } finally {
    db.close();
  }
}

/**
 * Marks in the page itself when "sign in" is submitted and when the frame showing the overview's
 * three KPI tiles is drawn (the animation frame after they enter the DOM), on the page's own
 * clock: what a Node-side poll would add (its interval, a busy main thread) stays out. A string,
 * not a function: functions compiled by tsx call helpers (__name) the page does not have.
 */
const MARK_FIRST_SCREEN = `
  new MutationObserver(() => {
    if (window.tilesAt !== undefined || document.querySelectorAll('.tile-row .kpi-tile').length < 3) return;
    requestAnimationFrame(() => { window.tilesAt ??= performance.now(); });
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('submit', () => { window.submittedAt = performance.now(); }, true);
`;

/** The page's marks once the tiles are drawn: ms since navigation start, and since "sign in" when it was pressed. */
async function tilesPainted(page: Page): Promise<{ sinceStart: number; sinceSubmit: number | null }> {
  await page.waitForFunction(() => (window as unknown as { tilesAt?: number }).tilesAt !== undefined, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const w = window as unknown as { submittedAt?: number; tilesAt: number };
    return { sinceStart: w.tilesAt, sinceSubmit: w.submittedAt === undefined ? null : w.tilesAt - w.submittedAt };
  });
}

interface Timed {
  path: string;
  start: number;
  end: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export async function firstScreenFigures(
  dbPath: string,
  log: (line: string) => void,
  runs = 5,
): Promise<BrowserFigure[]> {
  ensureBuild();
  const figures: BrowserFigure[] = [];
  const scripts = initialScripts();
  const gzip = scripts.reduce((sum, s) => sum + s.gzip, 0);
  log(`initial JavaScript: ${scripts.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ')}`);
  figures.push({
    figure: 'initial JavaScript (index.html: entry + modulepreloads), gzip',
    target: '<= 300 KB',
    measured: `${(gzip / 1024).toFixed(1)} KB`,
    pass: gzip <= 300 * 1024,
  });

  await ensureBenchUser(dbPath);
  const server = await startServer({ env: { SSZ_DB: dbPath, SSZ_DEMO: '0' }, timeoutMs: 300_000 });
  const browser = await chromium.launch(CHROMIUM);
  try {
    // The server precomputes the KPIs at start (warmKpis): measure the warm server users meet.
    const warming = stopwatch();
    while (!server.output().includes('KPIs ready') && warming() < 300_000) await new Promise((r) => setTimeout(r, 250));
    log(`server: KPIs ready after ${(warming() / 1000).toFixed(1)} s of waiting`);
    const signIns: number[] = [];
    const reloads: number[] = [];
    let waterfall: Timed[] = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH' });
      await context.addInitScript(MARK_FIRST_SCREEN);
      const page = await context.newPage();
      await page.goto(server.baseUrl);
      await page.fill('input[name=username]', USER);
      await page.fill('input[name=password]', PASSWORD);
      const requests: Timed[] = [];
      const clicked = stopwatch();
      const started = new Map<object, number>();
      page.on('request', (request) => started.set(request, clicked()));
      page.on('requestfinished', (request) => {
        requests.push({ path: new URL(request.url()).pathname, start: started.get(request) ?? 0, end: clicked() });
      });
      await page.click('button[type=submit]');
      const signedIn = await tilesPainted(page);
      signIns.push(signedIn.sinceSubmit ?? Number.NaN);
      if (run === 0) waterfall = requests.filter((r) => r.start <= clicked());
      await page.reload();
      reloads.push((await tilesPainted(page)).sinceStart);
      log(
        `run ${run + 1}: sign-in to tiles ${Math.round(signIns[run] ?? 0)} ms, reload to tiles ${Math.round(reloads[run] ?? 0)} ms`,
      );
      await context.close();
    }
    log(`requests from the click to the tiles (first run; ms after the click):`);
    for (const r of waterfall.sort((a, b) => a.start - b.start)) {
      log(`  ${String(Math.round(r.start)).padStart(6)} .. ${String(Math.round(r.end)).padStart(6)}  ${r.path}`);
    }
    const signIn = median(signIns);
    const reload = median(reloads);
    figures.push({
      figure: `sign-in to the overview's tiles painted, fresh browser (median of ${runs})`,
      target: '<= 1.5 s',
      measured: `${(signIn / 1000).toFixed(2)} s`,
      pass: signIn <= 1_500,
    });
    figures.push({
      figure: `overview painted on reload, signed in (median of ${runs})`,
      target: '<= 1.5 s',
      measured: `${(reload / 1000).toFixed(2)} s`,
      pass: reload <= 1_500,
    });
  } finally {
    await browser.close();
    await server.stop();
  }
  return figures;
}
