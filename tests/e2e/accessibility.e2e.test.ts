/**
 * Every screen in Chromium, in Thai and in English, at 1280 px and 390 px: axe-core finds no
 * serious or critical violation, nothing scrolls sideways on a phone, and each screen says how
 * recent its data is ("data up to"). axe-core is evaluated in the page through playwright-core
 * (the page bypasses the CSP for that script only: axe is not part of the app). Screenshots of
 * every screen go to test-results/a11y-*.png.
 */
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  ADMIN_PASSWORD,
  ADMIN_USER,
  CHROMIUM,
  collectPageProblems,
  ensureBuild,
  type RunningServer,
  repoRoot,
  signInAs,
  startServer,
} from './server.ts';
import { sidewaysScroll } from './what-users-see.ts';

vi.setConfig({ testTimeout: 300_000 });

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = join(repoRoot, 'test-results');

let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical findings on the page as it stands, each with where it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations as Violation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const SCREENS = [
  { name: 'overview', path: '/', ready: '[data-testid=data-up-to]' },
  { name: 'unit', path: '/?unit=ST-HAT-YAI', ready: '[data-testid=data-up-to]' },
  { name: 'zone', path: '/zones/Z-HDY-01', ready: '[data-testid=answer-distribution]' },
  { name: 'imports', path: '/imports', ready: '[data-testid=data-up-to]' },
  { name: 'settings', path: '/settings', ready: '[data-testid=data-up-to]' },
  { name: 'admin', path: '/admin', ready: '[data-testid=data-up-to]' },
] as const;

async function newPage(width: number, lang: 'th' | 'en'): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width, height: 900 },
    ...(width < 600 ? { deviceScaleFactor: 2 } : {}),
    locale: lang === 'th' ? 'th-TH' : 'en-GB',
    timezoneId: 'Asia/Bangkok',
    bypassCSP: true,
  });
  collectPageProblems(page, problems);
  return page;
}

describe('accessibility of every screen (axe-core), Thai and English, laptop and phone', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    ensureBuild();
    server = await startServer();
    browser = await chromium.launch(CHROMIUM);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of ['th', 'en'] as const) {
    for (const width of [1280, 390]) {
      test(`${lang} at ${width} px: sign-in and every screen`, async () => {
        const page = await newPage(width, lang);
        const found: string[] = [];
        await page.goto(`${server.baseUrl}/?lang=${lang}`);
        await page.locator('input[name=username]').waitFor();
        found.push(...(await seriousViolations(page)).map((v) => `sign-in: ${v}`));
        expect(await sidewaysScroll(page), 'sign-in scrolls sideways').toBe(0);
        await page.screenshot({ path: join(shots, `a11y-${lang}-${width}-sign-in.png`) });
        await signInAs(page, server.baseUrl, ADMIN_USER, ADMIN_PASSWORD);
        for (const screen of SCREENS) {
          const join_ = screen.path.includes('?') ? '&' : '?';
          await page.goto(`${server.baseUrl}${screen.path}${join_}lang=${lang}`);
          await page.locator(screen.ready).first().waitFor({ timeout: 60_000 });
          await expect.poll(() => page.locator('.state-loading').count(), { timeout: 60_000 }).toBe(0);
          expect(await page.getByTestId('data-up-to').first().textContent(), screen.name).toMatch(
            lang === 'th' ? /^ข้อมูลคดีถึง .+ · ผลสำรวจล่าสุด / : /^Crime data up to .+ · latest survey /,
          );
          found.push(...(await seriousViolations(page)).map((v) => `${screen.name}: ${v}`));
          expect(await sidewaysScroll(page), `${screen.name} scrolls sideways`).toBe(0);
          await page.screenshot({
            path: join(shots, `a11y-${lang}-${width}-${screen.name}.png`),
            fullPage: width < 600,
          });
        }
        expect(found).toEqual([]);
        await page.close();
      });
    }
  }

  test('no script errors or failed requests', () => {
    expect(problems).toEqual([]);
  });
});
