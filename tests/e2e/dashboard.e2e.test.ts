/**
 * The dashboard in real Chromium against the real server and demo data: sign in, overview with
 * zones and the map, a zone page with its charts, the language switch, phones. What the user must
 * see is asserted (MapLibre's rendered features, no sideways scroll); screenshots go to
 * test-results/ (git-ignored) for a human to look at as well.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, thaiPage, browserSuite } from './server.ts';
import type { MapContainer } from '../../web/features/map/maplibre.ts';
import { drawnZones, renderedFeatures, sidewaysScroll } from './what-users-see.ts';

const suite = browserSuite('');
const { problems, shot } = suite;

let page: Page;

/** The zones listed in the overview table, by id, sorted. */
async function zonesInTable(target: Page): Promise<string[]> {
  const ids = await target
    .locator('[data-testid=zone-table] tbody tr[data-zone-id]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-zone-id') ?? ''));
  return [...new Set(ids)].sort();
}

/**
 * The overview map has drawn the provinces and exactly the zones of the table, each as its own dot
 * or inside a cluster whose per-status counts are its zones'. Returns how many clusters are drawn.
 */
async function expectZonesDrawn(target: Page): Promise<number> {
  // The map is loaded lazily (MapLibre is the heaviest part of the app).
  await target.locator('.map-overview canvas.maplibregl-canvas').waitFor({ timeout: 30_000 });
  const zones = await zonesInTable(target);
  expect(zones.length).toBeGreaterThan(0);
  await expect.poll(async () => (await drawnZones(target, '.map-overview'))?.ids, { timeout: 30_000 }).toEqual(zones);
  const drawn = await drawnZones(target, '.map-overview');
  expect(drawn?.miscounted).toBe(0);
  expect((await renderedFeatures(target, '.map-overview', 'province-fill', 'iso'))?.length).toBeGreaterThan(0);
  return drawn?.clusters ?? 0;
}

/** The zone page's map has drawn the zone's outline over the provinces. */
async function expectOutlineDrawn(target: Page): Promise<void> {
  await target.locator('.map-zone canvas.maplibregl-canvas').waitFor({ timeout: 30_000 });
  await expect
    .poll(async () => (await renderedFeatures(target, '.map-zone', 'zone-fill', 'id'))?.length ?? 0, {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  expect((await renderedFeatures(target, '.map-zone', 'province-fill', 'iso'))?.length).toBeGreaterThan(0);
}

/** A phone-width page fits its width: tables and charts scroll inside their own boxes, the page never sideways. */
async function expectNoSidewaysScroll(target: Page): Promise<void> {
  expect(await sidewaysScroll(target), `the page scrolls sideways at ${target.viewportSize()?.width} px`).toBe(0);
}

describe('dashboard in Chromium', () => {
  beforeAll(async () => {
    page = await suite.newPage(1600, 1000);
  }, 300_000);

  test('signs in (Thai first)', async () => {
    const response = await page.goto(suite.baseUrl);
    // The app is tested under the server's real policy: no inline scripts, workers from self/blob.
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect.poll(() => page.locator('h1').textContent()).toBe('เข้าสู่ระบบ');
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    await page.screenshot({ path: shot('01-sign-in-th') });
    await page.fill('input[name=username]', ADMIN_USER);
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('ผู้ดูแลระบบ');
  });

  test('overview lists every zone and draws the map', async () => {
    const rows = page.locator('[data-testid=zone-table] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(20);
    expect(await page.locator('h1').first().textContent()).toBe('ภาพรวมพื้นที่นำร่อง');
    // Every figure stands on its data: a sample size or months of counts beside it.
    expect(await page.locator('[data-testid=zone-table]').textContent()).toMatch(/n\s=\s\d/);
    expect(await page.locator('[data-testid=zone-table]').textContent()).toMatch(/หลัง \d+ เดือน: [\d,]+ คดี เทียบ [\d,]+/);
    // The whole country: Hat Yai's zones lie close together and are drawn as a cluster.
    expect(await expectZonesDrawn(page)).toBeGreaterThan(0);
    expect(await page.locator('.map-overview canvas').count()).toBe(1);
    await page.screenshot({ path: shot('02-overview-th'), fullPage: false });
    await page.locator('.map-and-legend').screenshot({ path: shot('02b-overview-map-th') });
    // Viewport shots after scrolling: a full-page shot resizes the window and catches the map mid-redraw.
    await page.locator('[data-testid=zone-table]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('02c-overview-table-th') });
    await page.locator('[data-testid=rollup-table]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('02d-overview-rollups-th') });
    await page.screenshot({ path: shot('03-overview-th-full'), fullPage: true });

    // A click on a cluster zooms in towards its zones.
    const map = page.locator('.map-overview');
    await map.scrollIntoViewIfNeeded();
    const zoomOf = () => map.evaluate((el) => (el as MapContainer).maplibreMap?.getZoom() ?? 0);
    const before = await zoomOf();
    const at = await map.evaluate((el) => {
      const instance = (el as MapContainer).maplibreMap;
      const cluster = instance?.queryRenderedFeatures({ layers: ['cluster-dot'] })[0];
      if (!instance || cluster?.geometry.type !== 'Point') return null;
      const point = instance.project(cluster.geometry.coordinates as [number, number]);
      return { x: point.x, y: point.y };
    });
    expect(at).not.toBeNull();
    await map.click({ position: at ?? { x: 0, y: 0 } });
    await expect.poll(zoomOf, { timeout: 30_000 }).toBeGreaterThan(before + 1);
    await page.locator('.map-and-legend').screenshot({ path: shot('02e-overview-cluster-opened-th') });
  });

  test('period and rollup level go into the URL and keep the zones listed', async () => {
    await page.getByTestId('period-select').selectOption('fy2567');
    await expect.poll(() => page.url()).toContain('from=2023-10&to=2024-09');
    await expect.poll(() => page.locator('.updating').count()).toBe(0);
    expect(await page.locator('[data-testid=zone-table] tbody tr').count()).toBeGreaterThanOrEqual(20);
    await page.locator('.segmented label', { hasText: 'กองบังคับการ' }).click();
    await expect.poll(() => page.url()).toContain('level=division');
    await page.getByTestId('period-select').selectOption('since_start');
    await expect.poll(() => page.url()).not.toContain('from=');
  });

  test('a zone page shows its charts', async () => {
    const firstZone = page.locator('[data-testid=zone-table] tbody tr th a').first();
    const name = await firstZone.textContent();
    await firstZone.click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe(name);
    expect(page.url()).toContain('/zones/');
    const crime = page.locator('[data-testid=crime-chart] svg.recharts-surface');
    await crime.first().waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('[data-testid=crime-chart] .recharts-bar-rectangle').count())
      .toBeGreaterThan(0);
    await page.locator('[data-testid=survey-chart-fear] svg.recharts-surface').waitFor();
    expect(await page.locator('[data-testid=survey-chart-fear] .recharts-line').count()).toBeGreaterThan(0);
    // The synthetic control on the demo (donor station areas with no pilot zone): the dashed line
    // on the crime chart, its figure beside the comparison-area effect, the donors on demand.
    await expect
      .poll(() => page.locator('[data-testid=crime-chart] .recharts-line path[stroke-dasharray="8 5"]').count())
      .toBe(1);
    const counterfactual = page.getByTestId('counterfactual');
    expect(await counterfactual.locator('p').first().textContent()).toMatch(
      /^เทียบค่าเปรียบเทียบสังเคราะห์ \(synthetic control\): [−+]?\d+\.\d% · p .+ = 0\.\d+ \(อันดับ \d+ จาก 13\)$/,
    );
    expect(await page.locator('.kpi-tile.kpi-crime').textContent()).toContain('เทียบค่าเปรียบเทียบสังเคราะห์');
    await counterfactual.locator('details summary').first().click();
    expect(await counterfactual.locator('tbody tr').count()).toBeGreaterThan(0);
    // Start date in the Buddhist Era.
    expect(await page.getByTestId('zone-start').textContent()).toMatch(/25\d\d$/);
    await expectOutlineDrawn(page);
    await page.screenshot({ path: shot('04-zone-th'), fullPage: true });
  });

  test('switches to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect(page.url()).toContain('lang=en');
    expect(await page.locator('#kpis-title').textContent()).toBe('Success indicators');
    expect(await page.getByTestId('zone-start').textContent()).toMatch(/20\d\d$/);
    // The map is rebuilt in the new language: wait until it has drawn the zone again.
    await expectOutlineDrawn(page);
    await page.screenshot({ path: shot('05-zone-en'), fullPage: true });
    await page.getByRole('button', { name: 'ไทย', exact: true }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('th');
    expect(await page.locator('#kpis-title').textContent()).toBe('ตัวชี้วัดความสำเร็จ');
  });

  test('signs out', async () => {
    await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('เข้าสู่ระบบ');
  });

  test('works on a phone', async () => {
    const phone = await thaiPage(suite.browser, 390, 844);
    await phone.goto(suite.baseUrl);
    await phone.fill('input[name=username]', ADMIN_USER);
    await phone.fill('input[name=password]', ADMIN_PASSWORD);
    await phone.click('button[type=submit]');
    await phone.locator('[data-testid=zone-table] tbody tr').first().waitFor();
    await expectZonesDrawn(phone);
    await expectNoSidewaysScroll(phone);
    await phone.screenshot({ path: shot('06-overview-phone') });
    await phone.locator('[data-testid=zone-table]').scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(phone);
    await phone.screenshot({ path: shot('07-overview-phone-table') });
    // A zone page on the phone fits too.
    await phone.locator('[data-testid=zone-table] tbody tr th a').first().click();
    await phone.locator('[data-testid=crime-chart] svg.recharts-surface').first().waitFor({ timeout: 30_000 });
    await expectOutlineDrawn(phone);
    await expectNoSidewaysScroll(phone);
    await phone.close();
  });

  test('an executive sees a summary of their own zones, on a map fitted to them', async () => {
    const executive = await suite.newPage(1280, 900);
    await executive.goto(suite.baseUrl);
    await executive.fill('input[name=username]', 'demo-executive');
    await executive.fill('input[name=password]', 'demo-executive-2567');
    await executive.click('button[type=submit]');
    const rows = executive.locator('[data-testid=zone-table] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    // Not "ภาพรวมทั้งประเทศ": the executive sees three zones of Hat Yai, not the country.
    await expect
      .poll(() => executive.locator('#national-title').textContent())
      .toBe('ภาพรวมพื้นที่ในความรับผิดชอบของคุณ (3 พื้นที่)');
    await expectZonesDrawn(executive);
    // The credit line sits under the map, where no zone name can hide beneath it.
    expect(await executive.locator('.map-source').textContent()).toContain('OCHA/HDX');
    await executive.screenshot({ path: shot('08-overview-executive-th') });
    await executive.locator('.map-and-legend').screenshot({ path: shot('08b-overview-executive-map-th') });

    // Rate-ratio intervals keep their decimals: a bound near 1 is never printed as a bare "1"
    // (QA: Z-HDY-03 read "1.18 (95%: 1 – 1.39)" beside "significant"; its lower bound is 1.0025).
    await executive.locator('[data-zone-id="Z-HDY-03"] th a').click();
    const crime = executive.locator('.kpi-tile.kpi-crime');
    await crime.waitFor();
    await expect.poll(() => crime.textContent()).toMatch(/อัตราส่วน \d+\.\d\d \(95%: \d+\.\d{2,} ถึง (\d+\.\d{2,}|∞)\)/);
    await crime.screenshot({ path: shot('09-zone-executive-crime-th') });

    await executive.setViewportSize({ width: 390, height: 844 });
    await executive.locator('nav[data-testid=breadcrumbs] a').first().click();
    await executive.locator('[data-testid=zone-table] tbody tr').first().waitFor();
    await expectZonesDrawn(executive);
    await expectNoSidewaysScroll(executive);
    await executive.locator('.map-overview').scrollIntoViewIfNeeded();
    await executive.screenshot({ path: shot('10-overview-executive-phone') });
    await executive.close();
  });

  test('no script errors, failed requests or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
