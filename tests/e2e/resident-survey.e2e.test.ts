/**
 * The resident form as a resident meets it (issue #20): a cheap phone 320 px wide with JavaScript
 * off opens /s/<zone>, answers the two items and sends; the thank-you page shows the zone's
 * figures in words. The form loads nothing but itself, scrolls no page sideways and passes axe
 * (no serious or critical violation) on both pages. Screenshots in test-results/survey-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousViolations } from './axe.ts';
import { browserSuite, collectPageProblems } from './server.ts';

const suite = browserSuite('survey-');
const ZONE = 'Z-HDY-01';
/**
 * axe-core's serious and critical violations on the page the phone shows. axe runs on timers,
 * which a page with JavaScript off never fires, so it runs on a second 320 px page given the
 * phone's document as it stands: the form has no script (checked on the phone's page), so the
 * copy is what the phone shows.
 */
async function phoneViolations(phone: Page): Promise<string[]> {
  expect(await phone.evaluate('document.scripts.length')).toBe(0);
  const page = await suite.browser.newPage({ viewport: { width: 320, height: 640 }, locale: 'th-TH' });
  try {
    await page.setContent(await phone.content());
    return await seriousViolations(page);
  } finally {
    await page.close();
  }
}

async function phoneWithoutJavaScript(): Promise<{ page: Page; requests: string[] }> {
  const page = await suite.browser.newPage({
    viewport: { width: 320, height: 640 },
    deviceScaleFactor: 2,
    javaScriptEnabled: false,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
  });
  collectPageProblems(page, suite.problems);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return { page, requests };
}

describe('the resident form on a 320 px phone with JavaScript off', () => {
  test('answers in a few taps, lands on the thanks page, loads nothing else, passes axe', async () => {
    const { page, requests } = await phoneWithoutJavaScript();
    await page.goto(`${suite.baseUrl}/s/${ZONE}`);
    expect(await page.locator('h1').textContent()).toBe('แบบสอบถามความปลอดภัยในพื้นที่');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await page.screenshot({ path: suite.shot('form-320'), fullPage: true });
    expect(await phoneViolations(page)).toEqual([]);

    // A resident: fear "a little", trust "much", nothing else.
    await page.getByLabel('กลัวน้อย', { exact: true }).check();
    await page.getByLabel('เชื่อมั่นมาก', { exact: true }).check();
    await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await page.waitForURL(`${suite.baseUrl}/s/${ZONE}/thanks`);
    expect(await page.locator('h2').first().textContent()).toBe('ขอบคุณที่ตอบแบบสอบถาม');
    expect(await page.locator('li.figure').count()).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await page.screenshot({ path: suite.shot('thanks-320'), fullPage: true });
    expect(await phoneViolations(page)).toEqual([]);

    // The English switch, still without JavaScript.
    await page.goto(`${suite.baseUrl}/s/${ZONE}`);
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('h1').textContent()).toBe('Safety in this area: a short survey');
    expect(await phoneViolations(page)).toEqual([]);

    const origin = new URL(suite.baseUrl).origin;
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(suite.problems).toEqual([]);
    await page.close();
  });

  test('a scripted burst is refused and held; an analyst voids it on the moderation screen', async () => {
    const zone = 'Z-HDY-02';
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      const form = await (await fetch(`${suite.baseUrl}/s/${zone}`)).text();
      const token = /name="token" value="([^"]+)"/.exec(form)?.[1];
      const res = await fetch(`${suite.baseUrl}/api/public/survey/${zone}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, fear: 5, trust: 1 }),
      });
      statuses.push(res.status);
    }
    // The phone's answer above came from this address too: 10 in the window, then 429.
    expect(statuses.filter((s) => s === 201)).toHaveLength(9);
    expect(statuses.slice(9)).toEqual([429, 429, 429, 429, 429, 429]);

    const page = await suite.newPage(1280, 900);
    await suite.signIn(page, 'demo-analyst', 'demo-analyst-2567');
    await page.getByTestId('nav-moderation').click();
    const row = page.getByTestId('moderation-table').locator('tr', { hasText: zone }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('ส่งถี่จากที่อยู่เดียวกัน');
    await row.getByLabel('เหตุผลที่ยกเลิก').fill('สคริปต์ส่งซ้ำ 15 ครั้งในไม่กี่วินาที');
    await row.getByRole('button', { name: 'ยกเลิกทั้งชั่วโมง' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /ยกเลิกแล้ว \d+ คำตอบ/ })
      .waitFor();
    await expect.poll(() => row.textContent()).toContain('demo-analyst: สคริปต์ส่งซ้ำ 15 ครั้งในไม่กี่วินาที');
    await page.screenshot({ path: suite.shot('moderation'), fullPage: true });
    expect(suite.problems).toEqual([]);
    await page.close();
  });
});
