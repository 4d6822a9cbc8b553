/**
 * The zone page's incident layer in real Chromium: the points drawn for a period are the zone's
 * and ring's incidents the API gives (counted from the map's rendered features, clusters by their
 * points), the group filter changes them, the heat view draws them too, (a click's month, group and
 * type are unit-tested in tests/web/to-incident-layer.test.ts). The crime explanation beside the
 * chart (the three areas' figures as the API gives them, the words, the small map of the three
 * areas, the comparison area drawn on the incident map too), the answer distribution and the caveats,
 * in Thai and in English (CE wave labels). Screenshots at 1280 px and 390 px go to test-results/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test, vi } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, browserSuite } from './server.ts';
import { renderedIds, sidewaysScroll } from './what-users-see.ts';

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
    expect(await sidewaysScroll(phone)).toBe(0);
    await phone.locator('section.incidents').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: shot('03-points-390') });
    await phone.close();
  });

  test('the crime explanation, the answer distribution and the caveats, in Thai and in English', async () => {
    const page = await suite.newPage(1280, 900);
    await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
    await page.goto(`${suite.baseUrl}/zones/Z-HDY-01?from=2023-10&to=2024-06`);
    const panel = page.getByTestId('crime-explanation');
    await panel.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    const api = await page.evaluate(async () => {
      const res = await fetch('/api/zones/Z-HDY-01/explanation?from=2023-10&to=2024-06');
      return (await res.json()) as {
        crime: { areas: { area: string; baseline: number; after: number }[] };
        distribution: { fear: { latest: { wave: string; levels: unknown[]; nonAnswers: unknown[] } } };
      };
    });
    // Each area's row shows the API's counts (formatted with thousands separators).
    const rows = await panel
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          (tr as HTMLElement).dataset.area,
          ...[...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent),
        ]),
      );
    expect(rows).toEqual(
      api.crime.areas.map((a) => [a.area, a.baseline.toLocaleString('en'), a.after.toLocaleString('en')]),
    );
    expect(rows.map((r) => r[0])).toEqual(['zone', 'comparison', 'ring']);
    expect(await page.getByTestId('explain-relative').textContent()).toMatch(/^ผลสัมพัทธ์ .*0\.\d\d \(95%: /);
    expect(await page.getByTestId('explain-wdq').textContent()).toContain('WDQ');
    const areas = page.getByTestId('zone-areas-map');
    await expect.poll(() => areas.locator('[data-testid=areas-comparison]').count()).toBe(1);
    expect(await areas.locator('[data-testid=areas-ring]').count()).toBeGreaterThan(0);
    expect(await areas.locator('[data-testid=areas-zone]').count()).toBe(1);
    // The incident map draws the comparison area too, and its legend names it.
    await expect
      .poll(() => renderedIds(page, '[data-testid=incident-map]', 'comparison-fill', 'area'), { timeout: 30_000 })
      .toEqual(['comparison']);
    expect(await page.locator('section.incidents .incident-legend').textContent()).toContain(
      'พื้นที่เปรียบเทียบ: ขอบเขตที่เกิดเหตุของ สภ.หาดใหญ่',
    );
    await panel.scrollIntoViewIfNeeded();
    await page.locator('section[aria-labelledby=crime-title]').screenshot({ path: shot('04-explanation-th-1280') });

    // Every level and non-answer of the latest wave, the baseline wave beside it.
    const fear = page.getByTestId('answers-fear');
    const latest = api.distribution.fear.latest;
    expect(await fear.locator('tbody tr').count()).toBe(latest.levels.length + latest.nonAnswers.length);
    expect(await fear.locator('thead').textContent()).toContain(`รอบ ${latest.wave}`);
    expect(await fear.locator('thead').textContent()).toContain('ก่อนเริ่มโครงการ (baseline)');
    const caveats = page.getByTestId('caveats');
    expect(await caveats.textContent()).toContain('ข้อมูลคดีของสถานีครอบคลุม ม.ค. 2563');
    expect(await caveats.textContent()).toContain('ข้อมูลคดีถึง');
    await page.getByTestId('answer-distribution').screenshot({ path: shot('05-answers-th-1280') });

    // English speaks CE: the wave label "2567-Q3" reads "2024-Q3".
    await page.goto(`${suite.baseUrl}/zones/Z-HDY-01?from=2023-10&to=2024-06&lang=en`);
    await page.getByTestId('answers-fear').locator('tbody tr').first().waitFor({ timeout: 30_000 });
    const ceWave = latest.wave.replace(/^(\d{4})/, (y) => String(Number(y) - 543));
    expect(ceWave).not.toBe(latest.wave);
    expect(await page.getByTestId('answers-fear').locator('thead').textContent()).toContain(`Wave ${ceWave}`);
    expect(await page.locator('main').textContent()).not.toContain(latest.wave);
    expect(await page.getByTestId('explain-relative').textContent()).toMatch(
      /^Relative effect .* (better|worse) than its comparison area$/,
    );
    expect(await page.getByTestId('caveats').textContent()).toContain("The station's crime data covers Jan 2020");
    await page.locator('section[aria-labelledby=crime-title]').screenshot({ path: shot('06-explanation-en-1280') });
    await page.getByTestId('caveats').screenshot({ path: shot('07-caveats-en-1280') });
    await page.close();

    const phone = await suite.newPage(390, 844);
    await signIn(phone, ADMIN_USER, ADMIN_PASSWORD);
    await phone.goto(`${suite.baseUrl}/zones/Z-HDY-01?from=2023-10&to=2024-06`);
    await phone.getByTestId('answers-trust').locator('tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await sidewaysScroll(phone)).toBe(0);
    await phone.getByTestId('crime-explanation').screenshot({ path: shot('08-explanation-th-390') });
    await phone.getByTestId('answer-distribution').screenshot({ path: shot('09-answers-th-390') });
    await phone.close();
  });

  test('no script errors, failed requests or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
