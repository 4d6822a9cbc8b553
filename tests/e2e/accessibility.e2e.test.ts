/**
 * Every screen in Chromium, in Thai and in English, at 1280 px and 390 px: axe-core finds no
 * serious or critical violation, nothing scrolls sideways on a phone, and each screen says how
 * recent its data is ("data up to"). axe-core is evaluated in the page through playwright-core
 * (the page bypasses the CSP for that script only: axe is not part of the app). Screenshots of
 * every screen go to test-results/a11y-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test, vi } from 'vitest';
import { seriousViolations } from './axe.ts';
import { ADMIN_PASSWORD, ADMIN_USER, browserSuite, collectPageProblems } from './server.ts';
import { sidewaysScroll } from './what-users-see.ts';

vi.setConfig({ testTimeout: 300_000 });

const suite = browserSuite('a11y-');

const SCREENS = [
  { name: 'overview', path: '/', ready: '[data-testid=data-up-to]' },
  { name: 'unit', path: '/?unit=ST-HAT-YAI', ready: '[data-testid=data-up-to]' },
  { name: 'zone', path: '/zones/Z-HDY-01', ready: '[data-testid=answer-distribution]' },
  { name: 'imports', path: '/imports', ready: '[data-testid=data-up-to]' },
  { name: 'settings', path: '/settings', ready: '[data-testid=data-up-to]' },
  { name: 'moderation', path: '/moderation', ready: '[data-testid=data-up-to]' },
  { name: 'admin', path: '/admin', ready: '[data-testid=data-up-to]' },
] as const;

/** A page in the reader's language; its CSP bypassed only so axe-core's script can be evaluated. */
async function newPage(width: number, lang: 'th' | 'en'): Promise<Page> {
  const page = await suite.browser.newPage({
    viewport: { width, height: 900 },
    ...(width < 600 ? { deviceScaleFactor: 2 } : {}),
    locale: lang === 'th' ? 'th-TH' : 'en-GB',
    timezoneId: 'Asia/Bangkok',
    bypassCSP: true,
  });
  collectPageProblems(page, suite.problems);
  return page;
}

describe('accessibility of every screen (axe-core), Thai and English, laptop and phone', () => {
  for (const lang of ['th', 'en'] as const) {
    for (const width of [1280, 390]) {
      test(`${lang} at ${width} px: sign-in and every screen`, async () => {
        const page = await newPage(width, lang);
        const found: string[] = [];
        await page.goto(`${suite.baseUrl}/?lang=${lang}`);
        await page.locator('input[name=username]').waitFor();
        found.push(...(await seriousViolations(page)).map((v) => `sign-in: ${v}`));
        expect(await sidewaysScroll(page), 'sign-in scrolls sideways').toBe(0);
        await page.screenshot({ path: suite.shot(`${lang}-${width}-sign-in`) });
        await suite.signIn(page, ADMIN_USER, ADMIN_PASSWORD);
        for (const screen of SCREENS) {
          const separator = screen.path.includes('?') ? '&' : '?';
          await page.goto(`${suite.baseUrl}${screen.path}${separator}lang=${lang}`);
          await page.locator(screen.ready).first().waitFor({ timeout: 60_000 });
          await expect.poll(() => page.locator('.state-loading').count(), { timeout: 60_000 }).toBe(0);
          expect(await page.getByTestId('data-up-to').first().textContent(), screen.name).toMatch(
            lang === 'th' ? /^ข้อมูลคดีถึง .+ · ผลสำรวจล่าสุด / : /^Crime data up to .+ · latest survey /,
          );
          found.push(...(await seriousViolations(page)).map((v) => `${screen.name}: ${v}`));
          expect(await sidewaysScroll(page), `${screen.name} scrolls sideways`).toBe(0);
          await page.screenshot({
            path: suite.shot(`${lang}-${width}-${screen.name}`),
            fullPage: width < 600,
            // A hang guard: the phone's overview is a 780 x 66,000 px picture, over 30 s on a busy machine.
            timeout: 120_000,
          });
        }
        expect(found).toEqual([]);
        await page.close();
      });
    }
  }

  test('no script errors or failed requests', () => {
    expect(suite.problems).toEqual([]);
  });
});
