/**
 * When is a print view ready to print? Every part of it (a zone's data, a map's outlines) says
 * whether it has drawn, through useReadyPart; the print view waits for all of them, then for the
 * charts' SVG and the fonts, and only then tells the server's Chromium (data-print-state on
 * <html>). Outside a print view (a map on the zone page, printed with Ctrl+P) nobody listens.
 */
import { createContext, type ReactNode, useContext, useEffect } from 'react';

export interface PartState {
  ready: boolean;
  error: string | null;
}

export interface ReadinessSummary {
  done: number;
  total: number;
  error: string | null;
}

export class ReadinessStore {
  private readonly parts = new Map<string, PartState>();
  private readonly listeners = new Set<() => void>();
  private snapshot: ReadinessSummary = { done: 0, total: 0, error: null };

  set(key: string, state: PartState): void {
    const old = this.parts.get(key);
    if (old && old.ready === state.ready && old.error === state.error) return;
    this.parts.set(key, state);
    this.changed();
  }

  remove(key: string): void {
    if (this.parts.delete(key)) this.changed();
  }

  /** Parts drawn, parts in all, and the first error: a new object after each change. */
  getSnapshot = (): ReadinessSummary => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    let done = 0;
    let error: string | null = null;
    for (const part of this.parts.values()) {
      if (part.ready) done += 1;
      error ??= part.error;
    }
    this.snapshot = { done, total: this.parts.size, error };
    for (const listener of this.listeners) listener();
  }
}

const ReadinessContext = createContext<ReadinessStore | null>(null);

export function ReadinessProvider({ store, children }: { store: ReadinessStore; children: ReactNode }) {
  return <ReadinessContext.Provider value={store}>{children}</ReadinessContext.Provider>;
}

/** Registers one part of a print view; a no-op outside one. */
export function useReadyPart(key: string, ready: boolean, error: string | null = null): void {
  const store = useContext(ReadinessContext);
  useEffect(() => {
    store?.set(key, { ready, error });
  }, [store, key, ready, error]);
  useEffect(() => () => store?.remove(key), [store, key]);
}

/** Whether the page is a print view (parts then also drop what only a screen needs). */
export function useInPrintView(): boolean {
  return useContext(ReadinessContext) !== null;
}
