/**
 * Drill-down in real Chromium: the country -> a bureau -> a division -> a station -> a zone by
 * clicks, then back again with the browser's back button; a unit's URL reloaded; the language
 * switched on a unit page; a commander's partial and out-of-scope units. Screenshots at 1280 px
 * and 390 px go to test-results/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, thaiPage, browserSuite } from './server.ts';
import { mapSettled } from './what-users-see.ts';

const suite = browserSuite('drill-');
const { problems, shot, signIn } = suite;

const crumbs = (target: Page) => target.locator('nav[data-testid=breadcrumbs] li a');
const crumbTexts = (target: Page) => crumbs(target).allTextContents();
const h1 = (target: Page) => target.locator('h1').first().textContent();

async function mapDrawn(target: Page): Promise<void> {
  await target.locator('.map-overview canvas.maplibregl-canvas').waitFor({ timeout: 30_000 });
  await expect.poll(() => mapSettled(target, '.map-overview'), { timeout: 30_000 }).toBe(true);
}

/** The page scrolls vertically only: nothing wider than the window. */
const sidewaysScroll = (target: Page) =>
  target.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('drill-down in Chromium', () => {
  test('country -> bureau -> division -> station -> zone by clicks, and back', async () => {
    const page = await suite.newPage(1280, 900);
    await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
    await page.locator('[data-testid=rollup-table] tbody tr').first().waitFor();
    expect(await crumbTexts(page)).toEqual(['ประเทศ']);

    await page.locator('[data-testid=rollup-table] tr[data-unit=PPR9] th a').click();
    await expect.poll(() => h1(page)).toBe('ตำรวจภูธรภาค 9');
    expect(new URL(page.url()).search).toBe('?unit=PPR9');
    expect(await crumbTexts(page)).toEqual(['ประเทศ', 'ภ.9']);
    expect(await page.locator('nav[data-testid=breadcrumbs]').getAttribute('aria-label')).toBeTruthy();
    expect(await crumbs(page).last().getAttribute('aria-current')).toBe('page');
    expect(await crumbs(page).first().getAttribute('aria-current')).toBeNull();
    // The bureau's tiles say how many of its zones meet each target.
    expect(await page.locator('.national .kpi-meets').first().textContent()).toMatch(/\d+ จาก \d+ พื้นที่ผ่าน/);
    await mapDrawn(page);
    await page.screenshot({ path: shot('01-bureau-1280') });

    await page.locator('[data-testid=rollup-table] tr[data-unit=PPC-TH-90] th a').click();
    await expect.poll(() => h1(page)).toBe('ตำรวจภูธรจังหวัดสงขลา');
    expect(await crumbTexts(page)).toEqual(['ประเทศ', 'ภ.9', 'ภ.จว.สงขลา']);

    await page.locator('[data-testid=rollup-table] tr[data-unit=ST-HAT-YAI] th a').click();
    await expect.poll(() => h1(page)).toBe('สภ.หาดใหญ่');
    expect(await crumbTexts(page)).toEqual(['ประเทศ', 'ภ.9', 'ภ.จว.สงขลา', 'สภ.หาดใหญ่']);
    const zoneRows = page.locator('[data-testid=zone-table] tbody tr');
    await expect.poll(() => zoneRows.count()).toBe(3);
    await mapDrawn(page);
    await page.screenshot({ path: shot('02-station-1280') });

    const zoneLink = page.locator('[data-testid=zone-table] tr[data-zone-id=Z-HDY-01] th a');
    const zoneName = (await zoneLink.textContent()) ?? '';
    await zoneLink.click();
    await expect.poll(() => h1(page)).toBe(zoneName);
    expect(await crumbTexts(page)).toEqual(['ประเทศ', 'ภ.9', 'ภ.จว.สงขลา', 'สภ.หาดใหญ่', zoneName]);
    expect(await crumbs(page).last().getAttribute('aria-current')).toBe('page');
    await page.screenshot({ path: shot('03-zone-1280') });

    // A breadcrumb goes straight up to its unit.
    await crumbs(page).nth(2).click();
    await expect.poll(() => h1(page)).toBe('ตำรวจภูธรจังหวัดสงขลา');
    await page.goBack();
    await expect.poll(() => h1(page)).toBe(zoneName);

    // Back walks the path up again.
    for (const expected of ['สภ.หาดใหญ่', 'ตำรวจภูธรจังหวัดสงขลา', 'ตำรวจภูธรภาค 9', 'ภาพรวมพื้นที่นำร่อง']) {
      await page.goBack();
      await expect.poll(() => h1(page)).toBe(expected);
    }
    expect(new URL(page.url()).search).toBe('');
    await page.goForward();
    await expect.poll(() => h1(page)).toBe('ตำรวจภูธรภาค 9');
    await page.close();
  }, 180_000);

  test('a unit URL reloads to the same view, and the language switch keeps the unit', async () => {
    const page = await suite.newPage(1280, 900);
    await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
    await page.goto(`${suite.baseUrl}/?unit=PPC-TH-90&from=2023-10&to=2024-09`);
    await expect.poll(() => h1(page)).toBe('ตำรวจภูธรจังหวัดสงขลา');
    await page.reload();
    await expect.poll(() => h1(page)).toBe('ตำรวจภูธรจังหวัดสงขลา');
    expect(await crumbTexts(page)).toEqual(['ประเทศ', 'ภ.9', 'ภ.จว.สงขลา']);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => h1(page)).toBe('Songkhla Provincial Police');
    expect(page.url()).toContain('unit=PPC-TH-90');
    expect(page.url()).toContain('lang=en');
    expect(await crumbTexts(page)).toEqual(['Thailand', 'Provincial Police Region 9', 'Songkhla Provincial Police']);
    expect(await page.locator('.national .kpi-meets').first().textContent()).toMatch(/\d+ of \d+ zones? meets?/);
    await mapDrawn(page);
    await page.screenshot({ path: shot('04-division-en-1280') });
    await page.getByRole('button', { name: 'ไทย', exact: true }).click();
    await page.close();
  }, 120_000);

  test('a commander: a region partly in scope says k of n; another region is not found; on a phone', async () => {
    const phone = await thaiPage(suite.browser, 390, 844);
    await signIn(phone, 'demo-commander', 'demo-commander-2567');
    await phone.goto(`${suite.baseUrl}/?unit=PPR9`);
    await expect.poll(() => h1(phone)).toBe('ตำรวจภูธรภาค 9');
    expect(await phone.getByTestId('scope-note').textContent()).toMatch(/^พื้นที่ในความรับผิดชอบของคุณ 3 จาก \d+ พื้นที่ของหน่วยนี้/);
    expect(await phone.locator('#national-title').textContent()).toBe('พื้นที่ของคุณใน ตำรวจภูธรภาค 9 (3 พื้นที่)');
    expect(await phone.locator('[data-testid=rollup-table] tbody tr').count()).toBe(1);
    expect(await phone.locator('[data-testid=rollup-table] tbody tr th').textContent()).toMatch(/พื้นที่ของคุณ 3 จาก 4 พื้นที่/);
    await mapDrawn(phone);
    expect(await sidewaysScroll(phone)).toBe(0);
    await phone.screenshot({ path: shot('05-commander-bureau-390') });
    await phone.locator('[data-testid=rollup-table]').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: shot('06-commander-bureau-table-390') });

    await phone.goto(`${suite.baseUrl}/?unit=MPB`);
    await expect.poll(() => phone.locator('[role=alert]').first().textContent()).toContain('ไม่พบหน่วยงานนี้');
    await phone.screenshot({ path: shot('07-commander-out-of-scope-390') });
    await phone.getByRole('link', { name: 'กลับไปภาพรวมประเทศ' }).click();
    await expect.poll(() => h1(phone)).toBe('ภาพรวมพื้นที่นำร่อง');
    await phone.close();
  }, 120_000);

  test('no script errors, failed requests or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
