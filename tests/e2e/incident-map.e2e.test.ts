/**
 * The zone page's incident layer in real Chromium: the points drawn for a period are the zone's
 * and ring's incidents the API gives (counted from the map's rendered features, clusters by their
 * points), the group filter changes them, the heat view draws them too, (a click's month, group and
 * type are unit-tested in tests/web/to-incident-layer.test.ts). Screenshots at 1280 px and 390 px go to test-results/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test, vi } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, browserSuite } from './server.ts';

const suite = browserSuite('incidents-');
const { problems, shot, signIn } = suite;

vi.setConfig({ testTimeout: 120_000 });

/** Features the API gives for the zone, period and group, read with the page's own session. */
const apiCount = (page: Page, query: string) =>
  page.evaluate(async (q) => {
    const res = await fetch(`/api/zones/Z-HDY-01/incidents?${q}`);
    return ((await res.json()) as { features: unknown[] }).features.length;
  }, query);

const rendered = (page: Page) =>
  page.getByTestId('incident-map').evaluate((el) => Number((el as HTMLElement).dataset.renderedIncidents ?? -1));

describe('incident map in Chromium', () => {
  test('draws the zone and ring incidents of the period; the group filter changes them', async () => {
    const page = await suite.newPage(1280, 900);
    await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
    await page.goto(`${suite.baseUrl}/zones/Z-HDY-01?from=2024-01&to=2024-06`);
    const map = page.getByTestId('incident-map');
    await map.locator('canvas.maplibregl-canvas').waitFor({ timeout: 30_000 });
    const all = await apiCount(page, 'from=2024-01&to=2024-06');
    expect(all).toBeGreaterThan(20);
    await expect.poll(() => rendered(page), { timeout: 30_000 }).toBe(all);
    await page.getByTestId('incident-count').scrollIntoViewIfNeeded();
    await page.locator('section.incidents').screenshot({ path: shot('01-points-1280') });

    await page.getByTestId('incident-group').selectOption('2');
    const property = await apiCount(page, 'from=2024-01&to=2024-06&group=2');
    expect(property).toBeGreaterThan(0);
    expect(property).toBeLessThan(all);
    await expect.poll(() => rendered(page), { timeout: 30_000 }).toBe(property);
    expect(await page.getByTestId('incident-count').textContent()).toContain(`${property.toLocaleString('en')} เหตุ`);

    await page.getByTestId('incident-group').selectOption('');
    await expect.poll(() => rendered(page), { timeout: 30_000 }).toBe(all);

    await page.locator('label', { hasText: 'ความหนาแน่น' }).click();
    // data-view is set when the map is idle in that view: the heat layer is drawn.
    await expect.poll(() => map.evaluate((el) => (el as HTMLElement).dataset.view)).toBe('heat');
    await page.locator('section.incidents').screenshot({ path: shot('02-heat-1280') });
    await page.close();
  });

  test('another period draws other incidents; on a phone nothing scrolls sideways', async () => {
    const phone = await suite.newPage(390, 844);
    await signIn(phone, ADMIN_USER, ADMIN_PASSWORD);
    await phone.goto(`${suite.baseUrl}/zones/Z-HDY-01?from=2023-01&to=2023-03`);
    const map = phone.getByTestId('incident-map');
    await map.locator('canvas.maplibregl-canvas').waitFor({ timeout: 30_000 });
    const quarter = await apiCount(phone, 'from=2023-01&to=2023-03');
    await expect.poll(() => rendered(phone), { timeout: 30_000 }).toBe(quarter);
    expect(
      await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBe(0);
    await phone.locator('section.incidents').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: shot('03-points-390') });
    await phone.close();
  });

  test('no script errors, failed requests or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
