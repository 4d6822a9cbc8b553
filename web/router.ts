/**
 * A tiny History API router: the URL is the store, web/state/dashboard-state.ts reads and writes
 * it, and this hook lets React follow it. No hash, so /zones/<id> links are real URLs that the
 * server answers with index.html.
 */
import { type MouseEvent, useCallback, useSyncExternalStore } from 'react';
import {
  type DashboardState,
  parseDashboardState,
  serializeDashboardState,
  updateDashboardState,
} from './state/dashboard-state.ts';

const LOCATION_CHANGED = 'ssz:locationchange';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(LOCATION_CHANGED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(LOCATION_CHANGED, onChange);
  };
}

// useSyncExternalStore needs a stable snapshot: the URL string is one, the parsed object is not.
const getUrl = () => window.location.pathname + window.location.search;

let cachedUrl = '';
let cachedState: DashboardState | null = null;
function stateOf(url: string): DashboardState {
  if (url !== cachedUrl || !cachedState) {
    const parsed = new URL(url, 'http://local');
    cachedState = parseDashboardState(parsed.pathname, parsed.search);
    cachedUrl = url;
  }
  return cachedState;
}

function currentDashboardState(): DashboardState {
  return stateOf(getUrl());
}

function navigateTo(href: string, options: { replace?: boolean } = {}): void {
  if (href === getUrl()) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(LOCATION_CHANGED));
}

export type Navigate = (change: Partial<DashboardState>, options?: { replace?: boolean }) => void;

export function useDashboardState(): [DashboardState, Navigate] {
  const url = useSyncExternalStore(subscribe, getUrl, getUrl);
  const state = stateOf(url);
  const navigate = useCallback<Navigate>((change, options) => {
    const next = updateDashboardState(currentDashboardState(), change);
    navigateTo(serializeDashboardState(next), options);
    // A new page starts at the top, as it would on a full load.
    if (change.view && !options?.replace) window.scrollTo(0, 0);
  }, []);
  return [state, navigate];
}

/** Lets modified clicks (new tab, new window) keep their browser meaning. */
export function handleLinkClick(event: MouseEvent<HTMLAnchorElement>, go: () => void): void {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return;
  }
  event.preventDefault();
  go();
}
