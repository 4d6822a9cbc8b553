/**
 * A deployment's own tile server (SSZ_BASEMAP_TILES): the built server hands the setting to the
 * web, its CSP lets the maps fetch from that origin, and the overview and zone maps draw its tiles
 * under the app's own layers, credited under the overview map. The tile server here is a real
 * HTTP server in this test answering every tile with the same small PNG.
 */
import { createServer } from 'node:http';
import { afterAll, describe, expect, test, vi } from 'vitest';
import type { MapContainer } from '../../web/features/map/maplibre.ts';
import { ADMIN_PASSWORD, ADMIN_USER, browserSuite, freePort } from './server.ts';
import { mapSettled } from './what-users-see.ts';

vi.setConfig({ testTimeout: 120_000 });

// One light-green pixel: a tile the eye can tell from the offline basemap's beige.
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGM4/+IEAAUJAoDaqnb+AAAAAElFTkSuQmCC',
  'base64',
);
const tilesAsked: string[] = [];
const tileServer = createServer((request, response) => {
  tilesAsked.push(request.url ?? '');
  response.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
  response.end(TILE);
});
const tilePort = await freePort();
await new Promise<void>((resolve) => tileServer.listen(tilePort, '127.0.0.1', resolve));
const tileOrigin = `http://127.0.0.1:${tilePort}`;
afterAll(() => new Promise<void>((resolve) => tileServer.close(() => resolve())));

const suite = browserSuite('basemap-', {
  env: { SSZ_BASEMAP_TILES: `${tileOrigin}/{z}/{x}/{y}.png`, SSZ_BASEMAP_ATTRIBUTION: 'Test tiles (e2e)' },
});

/** The zoom levels of the tiles the tile server was asked for. */
const zoomsAsked = () => new Set(tilesAsked.map((url) => Number(url.split('/')[1])));

describe("a deployment's own tile server", () => {
  test('the overview and a zone page draw its tiles; the CSP allows its origin', async () => {
    const page = await suite.newPage(1280, 900);
    const response = await page.goto(suite.baseUrl);
    expect(response?.headers()['content-security-policy']).toMatch(new RegExp(`connect-src 'self' ${tileOrigin}`));
    await suite.signIn(page, ADMIN_USER, ADMIN_PASSWORD);
    const overview = page.locator('.map-overview');
    await overview.locator('canvas.maplibregl-canvas').waitFor({ timeout: 30_000 });
    await expect.poll(() => mapSettled(page, '.map-overview'), { timeout: 30_000 }).toBe(true);
    expect(tilesAsked.length).toBeGreaterThan(0);
    expect(
      await overview.evaluate((el) =>
        (el as MapContainer).maplibreMap
          ?.getStyle()
          .layers.map((l) => l.id)
          .slice(0, 2),
      ),
    ).toEqual(['sea', 'own-tiles']);
    expect(await page.locator('.map-source').textContent()).toContain('Test tiles (e2e)');
    await page.locator('.map-and-legend').screenshot({ path: suite.shot('01-overview-own-tiles') });

    // The zone page asks for the tiles of a zone's zoom.
    const before = Math.max(...zoomsAsked());
    await page.goto(`${suite.baseUrl}/zones/Z-HDY-01`);
    await page.locator('.map-zone canvas.maplibregl-canvas').waitFor({ timeout: 30_000 });
    await expect.poll(() => mapSettled(page, '.map-zone'), { timeout: 30_000 }).toBe(true);
    expect(Math.max(...zoomsAsked())).toBeGreaterThan(before);
    await page.locator('.zone-head').screenshot({ path: suite.shot('02-zone-own-tiles') });
    await page.close();
  });

  test('no script errors, failed requests or CSP violations', () => {
    expect(suite.problems).toEqual([]);
  });
});
