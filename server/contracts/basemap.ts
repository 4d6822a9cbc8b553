/**
 * A deployment's own basemap tiles, under the app's own layers (provinces, districts, zones),
 * shared by the server (reads the environment, allows the tile host in its CSP, hands the setting
 * to the web in index.html) and the web (reads it back and adds the tiles to its map styles).
 * Pure. Unset, the maps stay what they are offline: the bundled provinces and districts only.
 *
 *   SSZ_BASEMAP_TILES=https://tiles.example.go.th/{z}/{x}/{y}.png   raster XYZ tiles (256 px)
 *   SSZ_BASEMAP_TILES=pmtiles://https://maps.example.go.th/thailand.pmtiles   a raster PMTiles file on a server
 *   SSZ_BASEMAP_PMTILES=/srv/maps/thailand.pmtiles   a raster PMTiles file on this machine, served by the app
 *   SSZ_BASEMAP_ATTRIBUTION="© OpenStreetMap contributors"   the tiles' credit line
 */

export interface OwnBasemap {
  /** An XYZ template with {z}, {x} and {y}, or pmtiles://<url> (root-relative for the app's own file). */
  tiles: string;
  attribution: string | null;
}

/** Where the app serves a PMTiles file given by SSZ_BASEMAP_PMTILES. */
export const OWN_PMTILES_PATH = '/basemap/own.pmtiles';

/** The names of the meta tags index.html carries the setting in (no inline script: the CSP forbids it). */
export const BASEMAP_META = { tiles: 'ssz-basemap-tiles', attribution: 'ssz-basemap-attribution' } as const;

const PMTILES = 'pmtiles://';

/** A refusal that names the variable and what to write instead, in Thai and English. */
export class BasemapConfigError extends Error {}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The basemap setting from the environment; null when none is set (the offline default). */
export function readOwnBasemap(env: Record<string, string | undefined>): OwnBasemap | null {
  const tiles = env.SSZ_BASEMAP_TILES?.trim() ?? '';
  const file = env.SSZ_BASEMAP_PMTILES?.trim() ?? '';
  const attribution = env.SSZ_BASEMAP_ATTRIBUTION?.trim() || null;
  if (tiles !== '' && file !== '') {
    throw new BasemapConfigError(
      'ตั้งได้อย่างใดอย่างหนึ่ง: SSZ_BASEMAP_TILES หรือ SSZ_BASEMAP_PMTILES · Set SSZ_BASEMAP_TILES or SSZ_BASEMAP_PMTILES, not both.',
    );
  }
  if (file !== '') return { tiles: `${PMTILES}${OWN_PMTILES_PATH}`, attribution };
  if (tiles === '') return null;
  if (tiles.startsWith(PMTILES)) {
    if (!isHttpUrl(tiles.slice(PMTILES.length))) {
      throw new BasemapConfigError(
        `SSZ_BASEMAP_TILES: หลัง pmtiles:// ต้องเป็นที่อยู่ http(s) ของไฟล์ · after pmtiles:// give the file's http(s) address ("${tiles}")`,
      );
    }
    return { tiles, attribution };
  }
  if (!isHttpUrl(tiles.replace(/\{[xyz]\}/g, '0')) || !['{z}', '{x}', '{y}'].every((p) => tiles.includes(p))) {
    throw new BasemapConfigError(
      `SSZ_BASEMAP_TILES: ต้องเป็นที่อยู่ http(s) ที่มี {z} {x} {y} หรือ pmtiles://<ที่อยู่ไฟล์> · give an http(s) template with {z}, {x} and {y}, or pmtiles://<file address> ("${tiles}")`,
    );
  }
  return { tiles, attribution };
}

/** The origin the browser fetches tiles from, for the CSP; null when they come from the app itself. */
export function basemapOrigin(basemap: OwnBasemap | null): string | null {
  if (!basemap) return null;
  const address = basemap.tiles.startsWith(PMTILES) ? basemap.tiles.slice(PMTILES.length) : basemap.tiles;
  if (address.startsWith('/')) return null;
  return new URL(address.replace(/\{[xyz]\}/g, '0')).origin;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** index.html with the setting in meta tags at the end of its head (unchanged when none is set). */
export function withBasemapMeta(html: string, basemap: OwnBasemap | null): string {
  if (!basemap) return html;
  const tags = [
    `<meta name="${BASEMAP_META.tiles}" content="${escapeAttribute(basemap.tiles)}" />`,
    ...(basemap.attribution
      ? [`<meta name="${BASEMAP_META.attribution}" content="${escapeAttribute(basemap.attribution)}" />`]
      : []),
  ];
  return html.replace('</head>', `    ${tags.join('\n    ')}\n  </head>`);
}

/** The setting back from the page's meta tags (`read` gives a tag's content, null when absent). */
export function ownBasemapFromMeta(read: (name: string) => string | null): OwnBasemap | null {
  const tiles = read(BASEMAP_META.tiles);
  return tiles ? { tiles, attribution: read(BASEMAP_META.attribution) } : null;
}

/** pmtiles://<url> tiles need the PMTiles protocol registered with MapLibre. */
export const isPmtiles = (basemap: OwnBasemap | null) => basemap?.tiles.startsWith(PMTILES) ?? false;
