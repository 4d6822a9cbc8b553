/**
 * Stronger Together, the "done when", as a new user would: the demo station commander
 * records a problem the network raised on a zone page, escalates it to the division with a note,
 * and a user of the division (ภ.จว.สงขลา) then sees it: in the list, counted once in the rollup, on
 * the meeting's problems slide and on the problems page of the division's meeting pack (PDF read
 * back with poppler). Screenshots and the pack's page as PNG go to test-results/ to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readPdfOutline } from '../../server/reports/pdf-structure.ts';
import * as e2e from './server.ts';
import type { RunningServer } from './server.ts';

const ZONE = 'Z-HDY-01';
const DIVISION = 'PPC-TH-90';
const DIVISION_USER = { username: 'e2e-songkhla-division', password: 'e2e-division-password-2567' };
const DESCRIPTION = 'ซอยข้างตลาดไม่มีไฟส่องสว่าง ผู้ค้ากลับบ้านตอนดึกไม่ปลอดภัย (e2e)';
const NOTE = 'เกินกำลังสถานี ขอไฟส่องสว่างจากเทศบาลและจังหวัด';
const shots = join(e2e.repoRoot, 'test-results');
const shot = (name: string) => join(shots, `problems-${name}.png`);

let server: RunningServer;
let browser: Browser;
let dir: string;
const pageProblems: string[] = [];
let problemId = 0;

interface Session {
  cookie: string;
  csrf: string;
}

async function apiSignIn(username: string, password: string): Promise<Session> {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const { user } = (await res.json()) as { user: { csrfToken: string } };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: user.csrfToken };
}

const api = (s: Session, path: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });

describe('Stronger Together in Chromium: record, escalate, the division sees it in its meeting', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'ssz-problems-e2e-'));
    e2e.ensureBuild();
    server = await e2e.startServer();
    browser = await chromium.launch(e2e.CHROMIUM);
    // The division's user, made by the administrator as on the admin screen.
    const admin = await apiSignIn(e2e.ADMIN_USER, e2e.ADMIN_PASSWORD);
    const made = await api(admin, '/api/admin/users', {
      method: 'POST',
      body: {
        username: DIVISION_USER.username,
        displayName: 'ผู้ใช้ ภ.จว.สงขลา',
        role: 'commander',
        scope: { kind: 'division', codes: [DIVISION] },
        password: DIVISION_USER.password,
      },
    });
    expect(made.status).toBe(201);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the station commander records a problem on the zone page and escalates it to the division', async () => {
    const page: Page = await e2e.thaiPage(browser, 1280, 900);
    e2e.collectPageProblems(page, pageProblems);
    await e2e.signInAs(page, server.baseUrl, 'demo-commander', 'demo-commander-2567');
    await page.goto(`${server.baseUrl}/zones/${ZONE}`);
    const panel = page.getByTestId('problems-panel');
    await panel.getByTestId('problem-figures').waitFor();
    // The zone's centre, from the zone list the page itself reads.
    const zones = (await (await page.request.get(`${server.baseUrl}/api/zones`)).json()) as {
      items: { id: string; lon: number; lat: number }[];
    };
    const zone = zones.items.find((z) => z.id === ZONE);
    expect(zone).toBeDefined();

    await panel.getByTestId('record-problem-open').click();
    const form = panel.getByTestId('record-problem');
    await form.locator('select[name=category]').selectOption('dark_spots');
    await form.locator('textarea[name=description]').fill(DESCRIPTION);
    await form.locator('input[name=raisedBy]').fill('เครือข่ายชุมชนตำบลคอหงส์');
    await form.locator('input[name=lat]').fill(String(zone?.lat));
    await form.locator('input[name=lon]').fill(String(zone?.lon));
    await form.locator('button[type=submit]').click();
    const row = panel.locator('[data-testid=problems-table] tr', { hasText: DESCRIPTION });
    await row.waitFor();
    problemId = Number(await row.getAttribute('data-problem'));
    expect(problemId).toBeGreaterThan(0);
    expect(await row.textContent()).toContain('ระดับสถานี');
    expect(await row.textContent()).toContain('รอดำเนินการ');
    // Its point is on the zone's map with the other open problems.
    await expect
      .poll(async () => Number(await page.locator('.map-zone').first().getAttribute('data-problem-points')))
      .toBeGreaterThan(0);

    await panel.getByTestId(`change-problem-open-${problemId}`).click();
    const change = panel.getByTestId(`change-problem-${problemId}`);
    await change.locator('select[name=level]').selectOption('division');
    await change.locator('textarea[name=note]').fill(NOTE);
    await change.locator('button[type=submit]').click();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('ระดับกองบังคับการ');
    expect(await row.textContent()).toContain(NOTE);
    await page.screenshot({ path: shot('zone-commander'), fullPage: true });
    await panel.screenshot({ path: shot('panel-commander') });
    await page.close();
    expect(pageProblems).toEqual([]);
  }, 180_000);

  test("the division's user sees it once, in its rollup and on the meeting's problems slide", async () => {
    const division = await apiSignIn(DIVISION_USER.username, DIVISION_USER.password);
    const list = (await (await api(division, `/api/problems?unit=${DIVISION}`)).json()) as {
      items: { id: number; level: string; editable: boolean; history: { note: string | null }[] }[];
    };
    const mine = list.items.filter((p) => p.id === problemId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ level: 'division', editable: false });
    expect(mine[0]?.history.at(-1)?.note).toBe(NOTE);
    // The division sees only what rose to it: every problem in its list went above the station.
    expect(list.items.every((p) => ['division', 'province', 'bureau', 'national'].includes(p.level))).toBe(true);
    const summary = (await (await api(division, `/api/problems/summary?unit=${DIVISION}`)).json()) as {
      total: { raised: number; escalated: number };
      children: { figures: { raised: number } }[];
    };
    expect(summary.total.raised).toBe(list.items.length);
    expect(summary.total.escalated).toBe(list.items.length);
    expect(summary.children.reduce((n, c) => n + c.figures.raised, 0)).toBe(summary.total.raised);

    const page = await e2e.thaiPage(browser, 1280, 720);
    e2e.collectPageProblems(page, pageProblems);
    await e2e.signInAs(page, server.baseUrl, DIVISION_USER.username, DIVISION_USER.password);
    await page.goto(`${server.baseUrl}/present?unit=${DIVISION}`);
    await page.locator('.slide-frame[data-slide="1"] .slide:not(.slide-message)').waitFor();
    await page.keyboard.press('End');
    const slide = page.locator('.slide-frame[data-slide-kind="problems"] .slide-problems');
    await slide.getByTestId('problem-figures').waitFor();
    await slide.getByTestId('open-problems').waitFor();
    expect(await slide.locator('h1').textContent()).toContain('สงขลา');
    expect(await slide.textContent()).toContain('ระดับกองบังคับการ');
    await page.screenshot({ path: shot('slide-division') });
    await page.close();
    expect(pageProblems).toEqual([]);
  }, 180_000);

  test("it is on the problems page of the division's meeting pack (PDF)", async () => {
    const division = await apiSignIn(DIVISION_USER.username, DIVISION_USER.password);
    const res = await api(division, `/api/reports/units/${DIVISION}/pack.pdf`);
    expect(res.status).toBe(200);
    const pdf = join(dir, 'division-pack.pdf');
    writeFileSync(pdf, new Uint8Array(await res.arrayBuffer()));
    const { destinations } = readPdfOutline(readFileSync(pdf));
    const start = destinations.get('title-problems');
    expect(start).toBeDefined();
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      String(start),
      '-l',
      String(start),
      pdf,
      join(shots, 'problems-pack-page'),
    ]);
    const text = execFileSync('pdftotext', ['-f', String(start), '-l', String(start), pdf, '-'], { encoding: 'utf8' });
    writeFileSync(join(shots, 'problems-pack-page.txt'), text);
    // Table cells wrap Thai words over lines: compare without white space.
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('ปัญหาจากเครือข่ายชุมชน');
    expect(flat).toContain(DESCRIPTION.replace(/\s+/g, ''));
    expect(flat).toContain('ระดับกองบังคับการ');
    expect(flat).toContain(NOTE.replace(/\s+/g, ''));
    // The contents list the page too.
    const contents = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    expect(contents.replace(/\s+/g, '')).toContain('ปัญหาจากเครือข่ายชุมชน');
  }, 240_000);
});
