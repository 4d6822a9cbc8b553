/**
 * PDF reports end to end: the real server (demo data) makes real PDFs with the system Chromium,
 * and poppler reads them back. One zone report and one station pack are made and shared by the
 * tests below (each takes seconds). Pages are rendered with pdftoppm into test-results/ to look
 * at; a blank page fails. Speed is `npm run bench`'s business, never asserted here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ColumnTable, decodeRows } from '../../server/contracts/column-table.ts';
import { readPdfOutline } from '../../server/reports/pdf-structure.ts';
import {
  ADMIN_PASSWORD,
  ADMIN_USER,
  CHROMIUM,
  ensureBuild,
  type RunningServer,
  repoRoot,
  startServer,
  thaiPage,
} from './server.ts';

const COMMANDER = { username: 'demo-commander', password: 'demo-commander-2567' };
const VIEWER = { username: 'demo-viewer', password: 'demo-viewer-2567' };
/** The commander's station and one of its zones; Phuket is outside the commander's scope. */
const STATION = 'ST-HAT-YAI';
const ZONE = 'Z-HDY-01';
const OUT_OF_SCOPE_ZONE = 'Z-PKT-01';

interface Session {
  cookie: string;
  csrf: string;
}

let server: RunningServer;
let dir: string;
let commander: Session;
const shots = join(repoRoot, 'test-results');

async function signIn({ username, password }: { username: string; password: string }): Promise<Session> {
  const response = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { user: { csrfToken: string } };
  return { cookie, csrf: body.user.csrfToken };
}

/**
 * A GET with the session. Again on a socket error (up to three times): keep-alive connections the
 * server closed during a long pause (pages being rendered for a check) can still sit in fetch's
 * pool, one per earlier download.
 */
async function get(session: Session, path: string): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(`${server.baseUrl}${path}`, { headers: { cookie: session.cookie } });
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

async function getJson<T>(session: Session, path: string): Promise<T> {
  const response = await get(session, path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** Writes the PDF and returns its path. */
async function savePdf(response: Response, name: string): Promise<string> {
  expect(
    response.status,
    await response
      .clone()
      .text()
      .catch(() => ''),
  ).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The PDF's text; `layout` keeps a table's columns on one line (the contents). */
const pdftotext = (path: string, page?: number, layout = false): string =>
  execFileSync(
    'pdftotext',
    [...(page ? ['-f', String(page), '-l', String(page)] : []), ...(layout ? ['-layout'] : []), path, '-'],
    { encoding: 'utf8' },
  );

const pageCount = (path: string): number =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);

/**
 * Every page drawn as a greyscale picture (PGM, parsed here) must have ink beyond the footer:
 * a page that is blank, or carries only its footer line, fails. PNGs at 60 dpi go to
 * test-results/ for a person to look at.
 */
function assertNoBlankPage(path: string, name: string): void {
  const out = join(dir, `${name}-gray`);
  execFileSync('pdftoppm', ['-gray', '-r', '20', path, out]);
  execFileSync('pdftoppm', ['-png', '-r', '60', path, join(shots, `report-${name}`)]);
  const pages = pageCount(path);
  for (let page = 1; page <= pages; page += 1) {
    const digits = String(pages).length;
    const file = `${out}-${String(page).padStart(digits, '0')}.pgm`;
    const bytes = readFileSync(file);
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
    expect(header, file).not.toBeNull();
    const width = Number(header?.[1]);
    const height = Number(header?.[2]);
    const pixels = bytes.subarray(bytes.length - width * height);
    // Ink above the footer band (the bottom 8% of the page); a page of one short table has about 2%.
    let ink = 0;
    const bodyRows = Math.floor(height * 0.92);
    for (let i = 0; i < width * bodyRows; i += 1) if ((pixels[i] ?? 255) < 230) ink += 1;
    expect(ink / (width * bodyRows), `page ${page} of ${name} is blank`).toBeGreaterThan(0.005);
  }
}

interface KpiItemRead {
  id: string;
  nameTh: string;
  fear: { value: number | null; n: number };
  trust: { value: number | null; n: number };
  crime: {
    changePct: number | null;
    after: number;
    baseline: number;
    status: string;
    reading: { displacementWarning: boolean } | null;
  };
}
/** /api/kpis sends its items as columns (server/contracts/column-table.ts). */
interface KpiAnswer {
  items: ColumnTable<KpiItemRead>;
}

const thaiPercent = (value: number) => `${value.toFixed(1)}%`;
const thaiSignedPercent = (value: number) => {
  const body = Math.abs(value).toFixed(1);
  return value > 0 ? `+${body}%` : value < 0 ? `\u2212${body}%` : `${body}%`;
};
const grouped = (value: number) => value.toLocaleString('en-US');
/** Thai wraps at word ends in a narrow cell: compare text with every space and line break taken out. */
const squeezed = (text: string) => text.replace(/\s+/g, '');
/** The start of the warning beside a met crime status with displacement (server/contracts/crime-reading.ts). */
const DISPLACEMENT_WARNING_TH = 'ผ่านเป้าหมาย แต่อาชญากรรมย้ายไปรอบพื้นที่';

describe('PDF reports', () => {
  let zonePdf: string;
  let packPdf: string;
  let packProgress: Array<{ stage: string; fraction: number }>;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'ssz-reports-'));
    ensureBuild();
    server = await startServer();
    commander = await signIn(COMMANDER);

    zonePdf = await savePdf(await get(commander, `/api/reports/zones/${ZONE}.pdf`), 'zone.pdf');

    // The pack through the job the web page uses, watching its progress.
    const started = await fetch(`${server.baseUrl}/api/reports/jobs`, {
      method: 'POST',
      headers: { cookie: commander.cookie, 'x-csrf-token': commander.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'pack', id: STATION, lang: 'th' }),
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    packProgress = [];
    for (;;) {
      const status = await getJson<{ progress: { stage: string; fraction: number }; error: unknown }>(
        commander,
        `/api/reports/jobs/${id}`,
      );
      packProgress.push(status.progress);
      if (status.progress.stage === 'done' || status.progress.stage === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    packPdf = await savePdf(await get(commander, `/api/reports/jobs/${id}/file`), 'pack.pdf');
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("a zone's PDF says in Thai what /api/kpis says", async () => {
    const text = pdftotext(zonePdf);
    const { zone } = await getJson<{ zone: { nameTh: string; stationNameTh: string } }>(
      commander,
      `/api/zones/${ZONE}`,
    );
    const kpis = await getJson<KpiAnswer>(commander, `/api/kpis?level=zone&unit=${ZONE}`);
    const item = decodeRows(kpis.items)[0];
    if (!item || item.fear.value === null || item.trust.value === null || item.crime.changePct === null) {
      throw new Error('the demo zone has no figures');
    }
    expect(text).toContain(zone.nameTh);
    expect(text).toContain(zone.stationNameTh);
    for (const words of ['ความหวาดกลัวภัยอาชญากรรม', 'ความเชื่อมั่นต่อการทำงานของตำรวจ', 'สถิติอาชญากรรม', 'ภาคผนวก']) {
      expect(text).toContain(words);
    }
    expect(text).toContain(thaiPercent(item.fear.value));
    expect(text).toContain(thaiPercent(item.trust.value));
    expect(text).toContain(thaiSignedPercent(item.crime.changePct));
    expect(text).toContain(`n = ${grouped(item.fear.n)}`);
    expect(text).toContain(`n = ${grouped(item.trust.n)}`);
    expect(text).toContain(`${grouped(item.crime.after)} คดี เทียบ ${grouped(item.crime.baseline)}`);
    // The demo's displacement zone: its met crime status carries the zone page's warning on paper.
    expect(item.crime.reading?.displacementWarning).toBe(true);
    expect(squeezed(text)).toContain(squeezed(DISPLACEMENT_WARNING_TH));
    // Footer of every page: page numbers, data up to a month, made at, in the Buddhist Era.
    const pages = pageCount(zonePdf);
    expect(text).toContain(`หน้า 1 จาก ${pages}`);
    expect(text).toMatch(/ข้อมูลถึง \S+ 25\d\d/);
    expect(text).toMatch(/จัดทำเมื่อ \d+ \S+ 25\d\d \d\d:\d\d น\./);
  });

  test('the Thai font is embedded, and no font is a Type 3 stand-in', () => {
    const fonts = execFileSync('pdffonts', [zonePdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    const sarabun = fonts.filter((line) => line.includes('Sarabun'));
    expect(sarabun.length).toBeGreaterThan(0);
    // name type encoding emb sub uni: every Sarabun face embedded.
    for (const line of sarabun) expect(line).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    expect(sarabun.some((line) => line.includes('Bold'))).toBe(true);
    expect(fonts.filter((line) => line.includes('Type 3'))).toEqual([]);
  });

  test('no page is blank (pictures in test-results/ to look at)', () => {
    assertNoBlankPage(zonePdf, 'zone');
    assertNoBlankPage(packPdf, 'pack');
  });

  test("a station's pack has its summary, contents and a section per zone, numbered right", async () => {
    const unit = await getJson<{ zones: Array<{ id: string; nameTh: string }> }>(commander, `/api/units/${STATION}`);
    expect(unit.zones.length).toBeGreaterThanOrEqual(2);
    const pages = pageCount(packPdf);
    expect(pages).toBeGreaterThan(unit.zones.length);
    const { destinations } = readPdfOutline(readFileSync(packPdf));
    const first = pdftotext(packPdf, 1, true);
    expect(first).toContain('สภ.หาดใหญ่');
    expect(first).toContain('สารบัญ');
    // The summary's table of zones repeats the warning beside the displacement zone's met status,
    // as often as /api/kpis has it (the zones' sections carry it too, in their tiles).
    const station = await getJson<{ children: { item: KpiItemRead }[] }>(commander, `/api/units/${STATION}?level=zone`);
    const warned = station.children.map((c) => c.item).filter((item) => item.crime.reading?.displacementWarning);
    expect(warned.map((item) => item.id)).toContain(ZONE);
    const firstSection = Math.min(...unit.zones.map((zone) => destinations.get(`title-zone-${zone.id}`) ?? pages));
    const summaryText = Array.from({ length: firstSection - 1 }, (_, i) => pdftotext(packPdf, i + 1)).join('\n');
    expect(squeezed(summaryText).split(squeezed(DISPLACEMENT_WARNING_TH)).length - 1).toBe(warned.length);
    for (const zone of unit.zones) {
      // The contents give the page each zone starts on, and that page is its report's first.
      const start = destinations.get(`title-zone-${zone.id}`);
      expect(start, zone.id).toBeDefined();
      const startText = pdftotext(packPdf, start);
      expect(startText).toContain('รายงานพื้นที่นำร่อง');
      expect(startText).toContain(zone.nameTh);
      // Its row in the contents: the name, then only the page number (the map labels the name too).
      const row = first.split('\n').find((l) => l.includes(zone.nameTh) && /\s\d+\s*$/.test(l));
      expect(row?.trim().split(/\s+/).at(-1), zone.nameTh).toBe(String(start));
    }
    // The job told its progress on the way, and it only went forward.
    const fractions = packProgress.map((p) => p.fraction);
    expect(packProgress.at(-1)?.stage).toBe('done');
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  test('out of scope is refused like a missing zone; viewers may not take PDFs away', async () => {
    const outZone = await get(commander, `/api/reports/zones/${OUT_OF_SCOPE_ZONE}.pdf`);
    expect(outZone.status).toBe(404);
    expect(await get(commander, '/api/reports/units/ST-MUEANG-PHUKET/pack.pdf').then((r) => r.status)).toBe(404);
    expect(await get(commander, '/api/reports/zones/Z-NOPE-99.pdf').then((r) => r.status)).toBe(404);
    const viewer = await signIn(VIEWER);
    expect(await get(viewer, `/api/reports/zones/${ZONE}.pdf`).then((r) => r.status)).toBe(403);
    // A print ticket is the server's own: sent from outside with any value, it opens nothing.
    const forged = await fetch(`${server.baseUrl}/api/kpis`, { headers: { 'x-ssz-print-ticket': 'made-up' } });
    expect(forged.status).toBe(401);
  });

  test('printing a zone page from the browser: charts within the page, map drawn', async () => {
    const browser: Browser = await chromium.launch(CHROMIUM);
    try {
      const page = await thaiPage(browser, 1280, 900);
      await page.goto(server.baseUrl);
      await page.fill('input[name=username]', COMMANDER.username);
      await page.fill('input[name=password]', COMMANDER.password);
      await page.click('button[type=submit]');
      await page.getByTestId('signed-in-user').waitFor();
      await page.goto(`${server.baseUrl}/zones/${ZONE}`);
      await page.getByTestId('crime-chart').locator('svg.recharts-surface').first().waitFor();
      await page.locator('.map-zone canvas.maplibregl-canvas').waitFor();
      await expect.poll(() => page.getByTestId('report-menu').count()).toBe(1);
      // Print as Chromium does for A4: print media, the page's printable width.
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 718, height: 1000 });
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('svg.recharts-surface, .map canvas, table')]
          .map((el) => el.getBoundingClientRect())
          .filter((box) => box.width > 0 && box.right > width + 1)
          .map((box) => Math.round(box.right));
      });
      expect(overflow).toEqual([]);
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.getByTestId('report-menu').isVisible()).toBe(false);
      const canvas = await page.locator('.map-zone canvas.maplibregl-canvas').boundingBox();
      expect(canvas?.width ?? 0).toBeGreaterThan(100);
      await page.pdf({ path: join(shots, 'report-ctrl-p-zone.pdf'), format: 'A4', printBackground: true });
    } finally {
      await browser.close();
    }
  });
});

describe('without Chromium', () => {
  let bare: RunningServer;
  beforeAll(async () => {
    // No demo: starts in seconds; the admin's country summary needs no zone to get as far as Chromium.
    bare = await startServer({ env: { SSZ_DEMO: '0', SSZ_CHROMIUM: '/nonexistent/chromium' } });
  }, 300_000);
  afterAll(async () => {
    await bare?.stop();
  });

  test('a report names the missing program, in Thai and English', async () => {
    const login = await fetch(`${bare.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: ADMIN_USER, password: ADMIN_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const response = await fetch(`${bare.baseUrl}/api/reports/units/national.pdf`, { headers: { cookie } });
    expect(response.status).toBe(503);
    const { error } = (await response.json()) as { error: { code: string; th: string; en: string } };
    expect(error.code).toBe('chromium_missing');
    expect(error.en).toContain('Chromium');
    expect(error.en).toContain('/nonexistent/chromium');
    expect(error.en).toContain('SSZ_CHROMIUM');
    expect(error.th).toContain('Chromium');
    expect(error.th).toContain('/nonexistent/chromium');
  });
});
