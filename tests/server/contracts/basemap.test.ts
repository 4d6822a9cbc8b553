import { describe, expect, test } from 'vitest';
import {
  BasemapConfigError,
  basemapOrigin,
  isPmtiles,
  ownBasemapFromMeta,
  readOwnBasemap,
  withBasemapMeta,
} from '../../../server/contracts/basemap.ts';

describe("a deployment's own basemap tiles", () => {
  test('unset: none (the offline maps)', () => {
    expect(readOwnBasemap({})).toBeNull();
    expect(readOwnBasemap({ SSZ_BASEMAP_TILES: '  ', SSZ_BASEMAP_ATTRIBUTION: 'x' })).toBeNull();
    expect(basemapOrigin(null)).toBeNull();
  });

  test('an XYZ template: its origin is allowed by the CSP', () => {
    const basemap = readOwnBasemap({
      SSZ_BASEMAP_TILES: 'https://tiles.example.go.th/osm/{z}/{x}/{y}.png',
      SSZ_BASEMAP_ATTRIBUTION: '© OpenStreetMap',
    });
    expect(basemap).toEqual({
      tiles: 'https://tiles.example.go.th/osm/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap',
    });
    expect(basemapOrigin(basemap)).toBe('https://tiles.example.go.th');
    expect(isPmtiles(basemap)).toBe(false);
  });

  test('a PMTiles file on a server, or on this machine (served by the app: no other origin)', () => {
    const remote = readOwnBasemap({ SSZ_BASEMAP_TILES: 'pmtiles://http://10.0.0.5:8080/th.pmtiles' });
    expect(remote).toEqual({ tiles: 'pmtiles://http://10.0.0.5:8080/th.pmtiles', attribution: null });
    expect(basemapOrigin(remote)).toBe('http://10.0.0.5:8080');
    expect(isPmtiles(remote)).toBe(true);
    const local = readOwnBasemap({ SSZ_BASEMAP_PMTILES: '/srv/maps/th.pmtiles' });
    expect(local).toEqual({ tiles: 'pmtiles:///basemap/own.pmtiles', attribution: null });
    expect(basemapOrigin(local)).toBeNull();
  });

  test('a setting that cannot work is refused in Thai and English, naming the variable', () => {
    for (const env of [
      { SSZ_BASEMAP_TILES: 'https://tiles.example/{z}/{x}.png' },
      { SSZ_BASEMAP_TILES: 'ftp://tiles.example/{z}/{x}/{y}.png' },
      { SSZ_BASEMAP_TILES: 'pmtiles://th.pmtiles' },
      { SSZ_BASEMAP_TILES: 'https://a/{z}/{x}/{y}.png', SSZ_BASEMAP_PMTILES: '/srv/th.pmtiles' },
    ]) {
      expect(() => readOwnBasemap(env)).toThrow(BasemapConfigError);
      expect(() => readOwnBasemap(env)).toThrow(/SSZ_BASEMAP_(TILES|PMTILES).*·/);
    }
  });

  test('handed to the web in meta tags, escaped, and read back the same', () => {
    const html = '<html><head><title>x</title></head><body></body></html>';
    expect(withBasemapMeta(html, null)).toBe(html);
    const basemap = { tiles: 'https://t.example/{z}/{x}/{y}.png?a=1&b="2"', attribution: '<b>© OSM</b>' };
    const page = withBasemapMeta(html, basemap);
    expect(page).toContain('content="https://t.example/{z}/{x}/{y}.png?a=1&amp;b=&quot;2&quot;"');
    expect(page).not.toContain('<b>');
    // What the browser's DOM gives back from the tags.
    const fromAttribute = (v: string) =>
      v
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const read = (name: string) => {
      const match = page.match(new RegExp(`<meta name="${name}" content="([^"]*)"`));
      return match?.[1] === undefined ? null : fromAttribute(match[1]);
    };
    expect(ownBasemapFromMeta(read)).toEqual(basemap);
    expect(ownBasemapFromMeta(() => null)).toBeNull();
  });
});
