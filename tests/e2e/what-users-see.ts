/**
 * What a user must see, asked of the page itself rather than judged from a screenshot: what
 * MapLibre drew (its rendered features, through the map the app hangs on its container element)
 * and whether a page scrolls sideways.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Page } from 'playwright-core';

/**
 * The `property` of every feature the map in `selector` has drawn on `layer`, sorted; null while
 * the map, its style or its data are still loading. Poll it with expect.poll.
 */
export function renderedFeatures(
  page: Page,
  selector: string,
  layer: string,
  property: string,
): Promise<string[] | null> {
  return page.evaluate(
    ({ selector, layer, property }) => {
      const map = (document.querySelector(selector) as (Element & { maplibreMap?: MapLibreMap }) | null)?.maplibreMap;
      if (!map?.isStyleLoaded() || !map.getLayer(layer) || !map.loaded()) return null;
      return map
        .queryRenderedFeatures({ layers: [layer] })
        .map((feature) => String(feature.properties?.[property] ?? ''))
        .sort();
    },
    { selector, layer, property },
  );
}

/** True once the map in `selector` has drawn what it was asked to: style, sources and tiles loaded, not moving. */
export function mapSettled(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const map = (document.querySelector(selector) as (Element & { maplibreMap?: MapLibreMap }) | null)?.maplibreMap;
    return map !== undefined && map.isStyleLoaded() === true && map.loaded() && map.areTilesLoaded() && !map.isMoving();
  }, selector);
}

/** Distinct values, sorted: a zone drawn as dot and halo, or cut across tiles, counts once. */
export async function renderedIds(page: Page, selector: string, layer: string, property: string) {
  const values = await renderedFeatures(page, selector, layer, property);
  return values === null ? null : [...new Set(values)];
}

export interface DrawnZones {
  /** Every zone the overview map shows, as its own dot or inside a cluster, by id, sorted. */
  ids: string[];
  /** How many clusters are drawn. */
  clusters: number;
  /** Clusters whose per-light counts (the label under the dot) differ from the lights of their zones. */
  miscounted: number;
}

/**
 * The zones the overview map (in `selector`) has drawn: its single dots and the zones inside each
 * drawn cluster (asked of MapLibre's source); null while loading. Poll it with expect.poll.
 */
export function drawnZones(page: Page, selector: string): Promise<DrawnZones | null> {
  return page.evaluate(async (selector) => {
    const map = (document.querySelector(selector) as (Element & { maplibreMap?: MapLibreMap }) | null)?.maplibreMap;
    if (!map?.isStyleLoaded() || !map.getLayer('zone-dot') || !map.loaded()) return null;
    const source = map.getSource('markers') as import('maplibre-gl').GeoJSONSource;
    const ids = map.queryRenderedFeatures({ layers: ['zone-dot'] }).map((f) => String(f.properties?.id));
    const clusters = map.queryRenderedFeatures({ layers: ['cluster-dot'] });
    const seen = new Set<number>();
    let miscounted = 0;
    for (const cluster of clusters) {
      const clusterId = Number(cluster.properties?.cluster_id);
      if (seen.has(clusterId)) continue;
      seen.add(clusterId);
      const leaves = await source.getClusterLeaves(clusterId, Number.POSITIVE_INFINITY, 0);
      ids.push(...leaves.map((leaf) => String(leaf.properties?.id)));
      for (const light of ['red', 'amber', 'green', 'grey']) {
        const inside = leaves.filter((leaf) => leaf.properties?.light === light).length;
        if (Number(cluster.properties?.[light]) !== inside) miscounted += 1;
      }
    }
    return { ids: [...new Set(ids)].sort(), clusters: seen.size, miscounted };
  }, selector);
}

/** How many CSS pixels the page can scroll sideways (0 = none: everything fits the width). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return Math.max(root.scrollWidth, document.body.scrollWidth) - root.clientWidth;
  });
}
