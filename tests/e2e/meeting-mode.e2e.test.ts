/**
 * The review meeting and the data behind the charts, in real Chromium (one server, one browser).
 *
 * The meeting walked by keyboard, as a projector shows it: at 1280x720
 * (Thai) and 1920x1080 (English) every slide fits the screen (no scrollbar, nothing outside the
 * window or cut by a box), all text is at least 24 px, the URL carries the slide number (a reload
 * stays put), Home/End/PageUp/PageDown move, Esc goes back to the unit's page. Screenshots of every
 * slide go to test-results/meeting-*.png.
 *
 * A zone chart's menu: its CSV holds exactly the API's numbers, its PNG is a PNG at twice the
 * chart's size, its SVG parses and carries its fonts; a viewer gets no menu and the CSV is refused.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, thaiPage, browserSuite } from './server.ts';
import { parseCsv } from '../../server/importers/parse/csv.ts';
import { renderedFeatures } from './what-users-see.ts';

const suite = browserSuite('meeting-');
const { problems, shot, signIn } = suite;

/** What a zone's figures say of their crime reading (server/contracts/crime-reading.ts). */
interface ZoneReadingItem {
  id: string;
  crime: { reading: { displacementWarning: boolean } | null };
}

const slideParam = (target: Page) => new URL(target.url()).searchParams.get('slide');
const slideCount = async (target: Page) =>
  Number(((await target.getByTestId('slide-count').textContent()) ?? '').split('/')[1]?.trim());

/** Waits until slide k is drawn: its data, the chart's SVG and the zone's outline on the map. */
async function slideDrawn(target: Page, k: number): Promise<string> {
  const frame = target.locator(`.slide-frame[data-slide="${k}"]`);
  await frame.waitFor();
  await target.locator('.slide-frame .slide:not(.slide-message)').waitFor();
  const kind = (await frame.getAttribute('data-slide-kind')) ?? '';
  if (kind === 'zone') {
    await target.locator('.slide-frame [data-testid=crime-chart] svg.recharts-surface').first().waitFor();
    await target.locator('.slide-frame [data-testid=wave-change]').waitFor();
    await expect
      .poll(async () => (await renderedFeatures(target, '.slide-frame .map-zone', 'zone-fill', 'id'))?.length ?? 0, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
  }
  return kind;
}

/**
 * Everything that would make a slide unreadable from the back of the room: the page scrolls; an
 * element lies outside the window or the slide; a box cuts its content; text below 24 px. The
 * map's attribution (MapLibre's control) is not body text; the closed print menu is not shown.
 */
function slideFaults(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const faults: string[] = [];
    const root = document.documentElement;
    if (root.scrollHeight > root.clientHeight || root.scrollWidth > root.clientWidth) {
      faults.push(`page scrolls: ${root.scrollWidth}x${root.scrollHeight} in ${root.clientWidth}x${root.clientHeight}`);
    }
    const frame = document.querySelector('.slide-frame') as HTMLElement;
    const bounds = frame.getBoundingClientRect();
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').replaceAll(' ', '.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    for (const el of document.querySelectorAll('.present *')) {
      if (el.closest('.maplibregl-control-container') || el.closest('.present-print ul')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.left < -1 || box.top < -1 || box.right > window.innerWidth + 1 || box.bottom > window.innerHeight + 1) {
        faults.push(`outside the window: ${name(el)}`);
      }
      if (frame.contains(el) && (box.bottom > bounds.bottom + 1 || box.right > bounds.right + 1)) {
        faults.push(`outside the slide: ${name(el)}`);
      }
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      if (
        clips &&
        !(el instanceof SVGElement) &&
        (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
      ) {
        faults.push(`cut: ${name(el)} ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
      }
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      if (hasText && Number.parseFloat(style.fontSize) < 24) {
        faults.push(`text ${style.fontSize}: ${name(el)}`);
      }
    }
    return faults;
  });
}

/** Walks every slide with the key, checking each, and returns the kinds seen. */
async function walk(target: Page, key: string, label: string): Promise<string[]> {
  const count = await slideCount(target);
  const kinds: string[] = [];
  for (let k = 1; k <= count; k++) {
    if (k > 1) await target.keyboard.press(key);
    kinds.push(await slideDrawn(target, k));
    expect(slideParam(target), `slide ${k}`).toBe(String(k));
    expect(await slideFaults(target), `slide ${k} at ${label}`).toEqual([]);
    await target.screenshot({ path: shot(`${label}-${String(k).padStart(2, '0')}`) });
  }
  return kinds;
}

describe('meeting mode in Chromium', () => {
  test('1280x720, Thai: a station opened from its page, walked with the arrows, reloaded, left with Esc', async () => {
    const page = await suite.newPage(1280, 720);
    await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
    await page.goto(`${suite.baseUrl}/?unit=ST-HAT-YAI&from=2023-10&to=2024-09`);
    await page.getByTestId('meeting-link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/present');
    expect(new URL(page.url()).search).toBe('?unit=ST-HAT-YAI&slide=1&from=2023-10&to=2024-09');

    await slideDrawn(page, 1);
    expect(await page.locator('.slide-title h1').textContent()).toBe('สภ.หาดใหญ่');
    expect(await page.locator('.slide-title').textContent()).toContain('ช่วงเวลา: ต.ค. 2566 – ก.ย. 2567');
    // k of n zones meeting each target, for the three targets.
    expect(await page.locator('.title-meets-count').allTextContents()).toEqual([
      expect.stringMatching(/^\d จาก 3 พื้นที่ผ่าน/),
      expect.stringMatching(/^\d จาก 3 พื้นที่ผ่าน/),
      expect.stringMatching(/^\d จาก 3 พื้นที่ผ่าน/),
    ]);
    // Body text is at least 24 px on the smallest projector.
    const bodyPx = await page.evaluate(() =>
      Number.parseFloat(getComputedStyle(document.querySelector('.present p') as Element).fontSize),
    );
    expect(bodyPx).toBeGreaterThanOrEqual(24);

    // Title, three zones, one summary slide, the community problems.
    expect(await slideCount(page)).toBe(6);
    expect(await walk(page, 'ArrowRight', '1280')).toEqual(['title', 'zone', 'zone', 'zone', 'summary', 'problems']);
    await page.keyboard.press('PageUp');
    await slideDrawn(page, 5);
    // A met crime status whose WDQ reads displacement carries the zone page's warning on the slides
    // too: in the summary's row, as /api/kpis says for each zone (the demo's Z-HDY-01 has one).
    const answer = await page.request.get(`${suite.baseUrl}/api/units/ST-HAT-YAI?level=zone&from=2023-10&to=2024-09`);
    const rows = ((await answer.json()) as { children: { item: ZoneReadingItem }[] }).children.map((c) => c.item);
    expect(rows.filter((r) => r.crime.reading?.displacementWarning).map((r) => r.id)).toEqual(['Z-HDY-01']);
    for (const row of rows) {
      const warning = page.locator(`.summary-table tr[data-zone-id="${row.id}"] .figure-warning`);
      if (row.crime.reading?.displacementWarning) {
        // The summary's cell has the short form; its full words are the title (on hover).
        expect(await warning.textContent()).toMatch(/^⚠ อาชญากรรมย้ายไปรอบพื้นที่ \(WDQ −\d\.\d\d\)$/);
        expect(await warning.getAttribute('title')).toMatch(/^ผ่านเป้าหมาย แต่อาชญากรรมย้ายไปรอบพื้นที่ \(WDQ −\d\.\d\d\)$/);
      } else {
        expect(await warning.count()).toBe(0);
      }
    }
    // Each zone slide: status in words, three figures with interval and n, what changed.
    await page.keyboard.press('Home');
    await page.keyboard.press('PageDown');
    await slideDrawn(page, 2);
    expect(await page.locator('.slide-zone h1').textContent()).toBeTruthy();
    expect(await page.locator('.slide-zone .light-name').textContent()).toMatch(/^(เขียว|เหลือง|แดง|เทา)$/);
    expect(await page.locator('.slide-figure').count()).toBe(3);
    expect(await page.locator('.slide-figure[data-kpi=fear] .slide-figure-basis').textContent()).toMatch(
      /^ช่วง 95%: [\d.]+% ถึง [\d.]+% · n\u00a0=\u00a0\d/,
    );
    expect(await page.locator('[data-testid=wave-change]').textContent()).toMatch(/ความหวาดกลัว/);

    // Slide number survives a reload; the history was replaced, not pushed, per slide.
    await page.keyboard.press('End');
    await expect.poll(() => slideParam(page)).toBe('6');
    await page.keyboard.press('PageUp');
    await expect.poll(() => slideParam(page)).toBe('5');
    await page.keyboard.press('PageUp');
    await expect.poll(() => slideParam(page)).toBe('4');
    await page.reload();
    await slideDrawn(page, 4);
    expect(slideParam(page)).toBe('4');
    // The Print / PDF menu points at the report addresses of this unit and zone.
    await page.locator('[data-testid=print-menu] summary').click();
    const hrefs = await page
      .locator('[data-testid=print-menu] a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([
      '/api/reports/units/ST-HAT-YAI/pack.pdf?from=2023-10&to=2024-09&lang=th',
      '/api/reports/units/ST-HAT-YAI.pdf?from=2023-10&to=2024-09&lang=th',
      expect.stringMatching(/^\/api\/reports\/zones\/Z-HDY-0\d\.pdf\?from=2023-10&to=2024-09&lang=th$/),
    ]);
    await page.locator('[data-testid=print-menu] summary').click();

    await page.keyboard.press('Escape');
    await expect
      .poll(() => new URL(page.url()).pathname + new URL(page.url()).search)
      .toBe('/?unit=ST-HAT-YAI&from=2023-10&to=2024-09');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('สภ.หาดใหญ่');
    // One Back from the unit page goes to where the user was before the meeting, not to slide 3.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    expect(new URL(page.url()).searchParams.get('slide')).toBeNull();
    await page.close();
  }, 240_000);

  test('1920x1080, English: a region walked with Page Down (a clicker)', async () => {
    const page = await suite.newPage(1920, 1080);
    await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
    await page.goto(`${suite.baseUrl}/present?unit=PPR9&lang=en`);
    await slideDrawn(page, 1);
    expect(await page.locator('.slide-title h1').textContent()).toBe('Provincial Police Region 9');
    expect(await page.locator('.title-meets-count').first().textContent()).toMatch(/^\d+ of \d+ zones? meets?/);
    const count = await slideCount(page);
    const kinds = await walk(page, 'PageDown', '1920-en');
    // Title, the zones, one summary slide, the community problems.
    expect(kinds.filter((k) => k === 'zone').length).toBe(count - 3);
    await page.close();
  }, 240_000);

  test("an executive's own scope: /present alone shows the municipality's zones", async () => {
    const page = await suite.newPage(1280, 720);
    await signIn(page, 'demo-executive', 'demo-executive-2567');
    await page.goto(`${suite.baseUrl}/present`);
    await slideDrawn(page, 1);
    expect(slideParam(page)).toBe('1');
    const zones = (await (await page.request.get(`${suite.baseUrl}/api/zones`)).json()) as { items: unknown[] };
    expect(zones.items.length).toBeGreaterThan(0);
    expect(await slideCount(page)).toBe(1 + zones.items.length + Math.ceil(zones.items.length / 5) + 1);
    expect(await slideFaults(page)).toEqual([]);
    await page.screenshot({ path: shot('executive-01') });
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe('/');
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);

  test("a zone chart's menu: CSV of the API's numbers, PNG at 2x, SVG that parses; viewers refused", async () => {
    const page = await suite.newPage(1280, 900);
    await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
    await page.goto(`${suite.baseUrl}/zones/Z-HDY-01?from=2023-10&to=2024-09`);
    const figure = page.getByTestId('crime-chart');
    await figure.locator('.recharts-wrapper > svg.recharts-surface').waitFor();
    const menu = page.getByTestId('chart-menu-crime');
    await menu.locator('summary').click();
    await page.screenshot({ path: shot('chart-menu') });

    // CSV: the numbers the chart draws are the series the API answers, month by month.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), menu.getByTestId('chart-csv').click()]);
    const csvText = readFileSync(await csvDownload.path(), 'utf8');
    expect(csvText.charAt(0)).toBe('\uFEFF');
    const [preamble = '', table = ''] = csvText.slice(1).split('\r\n\r\n');
    expect(preamble).toContain('ช่วงเวลา,ต.ค. 2566 – ก.ย. 2567');
    const rows = parseCsv(table).rows.map((r) => r.fields);
    const series = (await (
      await page.request.get(`${suite.baseUrl}/api/zones/Z-HDY-01/series?from=2023-10&to=2024-09`)
    ).json()) as { months: { month: string; byGroup: Record<string, number> }[] };
    expect(rows.length).toBe(series.months.length);
    series.months.forEach((month, i) => {
      expect(rows[i]?.slice(2, 6).map(Number)).toEqual(['1', '2', '3', '4'].map((g) => month.byGroup[g]));
    });

    // PNG: a PNG, twice the chart's size.
    const svgWidth = await figure
      .locator('.recharts-wrapper > svg.recharts-surface')
      .evaluate((svg) => Math.round(svg.getBoundingClientRect().width));
    await menu.locator('summary').click();
    if (!(await menu.getAttribute('open'))) await menu.locator('summary').click();
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), menu.getByTestId('chart-png').click()]);
    expect(pngDownload.suggestedFilename()).toBe('ssz-Z-HDY-01-crime.png');
    const png = readFileSync(await pngDownload.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(svgWidth * 2);

    // SVG: standalone XML that parses, with its fonts embedded and the chart's Thai labels.
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), menu.getByTestId('chart-svg').click()]);
    const svgText = readFileSync(await svgDownload.path(), 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.localName,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      };
    }, svgText);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.texts).toContain('เริ่มโครงการ');
    expect(svgText).toMatch(/@font-face\{font-family:Sarabun;[^}]*url\(data:font\/woff2;base64,/);
    await page.close();

    // A viewer: no menu, and the CSV address refused as the KPI exports are.
    const viewer = await thaiPage(suite.browser, 1280, 900);
    await signIn(viewer, 'demo-viewer', 'demo-viewer-2567');
    await viewer.goto(`${suite.baseUrl}/zones/Z-HDY-01`);
    await viewer.getByTestId('crime-chart').locator('svg.recharts-surface').first().waitFor();
    expect(await viewer.getByTestId('chart-menu-crime').count()).toBe(0);
    const refused = await viewer.request.get(`${suite.baseUrl}/api/exports/zones/Z-HDY-01/crime.csv?lang=th`);
    expect(refused.status()).toBe(403);
    await viewer.close();
  }, 120_000);
});
