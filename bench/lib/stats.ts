/**
 * Timing helpers for the bench: warm-up, then N timed iterations (capped by a time budget so a
 * slow figure cannot blow the whole run), summarised as p50 / p95 / max in milliseconds.
 */
import { performance } from 'node:perf_hooks';

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
  /** The timed samples, in run order. */
  samples: number[];
}

/** Nearest-rank percentile (p in 0..100) of already sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    samples: [...samples],
  };
}

export interface MeasureOptions {
  warmup: number;
  iterations: number;
  /** Stop early (after at least `minIterations`) once this many ms of timed runs have passed. */
  budgetMs: number;
  minIterations: number;
}

export const DEFAULT_MEASURE: MeasureOptions = { warmup: 3, iterations: 30, budgetMs: 4_000, minIterations: 5 };

/**
 * Runs fn `warmup` times untimed (only once when a run takes over a second: a slow figure needs
 * no more to be warm), then times it up to `iterations` times, stopping early once
 * `minIterations` are done and `budgetMs` of timed runs have passed. n is printed with every figure.
 */
export async function measure(fn: () => Promise<unknown>, options: Partial<MeasureOptions> = {}): Promise<Summary> {
  const o = { ...DEFAULT_MEASURE, ...options };
  let slow = false;
  for (let i = 0; i < o.warmup; i++) {
    const t0 = performance.now();
    await fn();
    slow = performance.now() - t0 > 1_000;
    if (slow) break;
  }
  // Over a second a run: 3 timed runs are enough to see it is far off a 100 ms target.
  if (slow) o.minIterations = Math.min(o.minIterations, 3);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < o.iterations; i++) {
    const t0 = performance.now();
    await fn();
    const took = performance.now() - t0;
    samples.push(took);
    if (took > 1_000) o.minIterations = Math.min(o.minIterations, 3);
    if (samples.length >= o.minIterations && performance.now() - started > o.budgetMs) break;
  }
  return summarise(samples);
}

/** Element-wise sum of several figures' samples (runs that would have gone one after another). */
export function sumOfRuns(parts: readonly Summary[]): Summary {
  const n = Math.min(...parts.map((p) => p.samples.length));
  return summarise(Array.from({ length: n }, (_, i) => parts.reduce((a, p) => a + (p.samples[i] ?? 0), 0)));
}

/** Synchronous variant, for pure functions (assembly, JSON.stringify). */
export async function measureSync(fn: () => unknown, options: Partial<MeasureOptions> = {}): Promise<Summary> {
  return measure(async () => fn(), options);
}

export const ms = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/** A plain fixed-width text table. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(2)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} B`;
}

/** Wall-clock timer for one-off steps (build, import). */
export function stopwatch(): () => number {
  const t0 = performance.now();
  return () => performance.now() - t0;
}

/**
 * Several figures measured in the same loop, one run of each per iteration (order rotating), so
 * that a change in machine load hits them alike: their ratios and differences stay meaningful.
 * The budget counts the whole iteration.
 */
export async function measureTogether<K extends string>(
  fns: Record<K, () => Promise<unknown>>,
  options: Partial<MeasureOptions> = {},
): Promise<Record<K, Summary>> {
  const o = { ...DEFAULT_MEASURE, ...options };
  const keys = Object.keys(fns) as K[];
  let slow = false;
  for (let i = 0; i < o.warmup; i++) {
    const t0 = performance.now();
    for (const k of keys) await fns[k]();
    slow = performance.now() - t0 > 1_000;
    if (slow) break;
  }
  if (slow) o.minIterations = Math.min(o.minIterations, 3);
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const started = performance.now();
  for (let i = 0; i < o.iterations; i++) {
    const iterationStart = performance.now();
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(i + j) % keys.length] as K;
      const t0 = performance.now();
      await fns[k]();
      samples[k].push(performance.now() - t0);
    }
    if (performance.now() - iterationStart > 1_000) o.minIterations = Math.min(o.minIterations, 3);
    if (i + 1 >= o.minIterations && performance.now() - started > o.budgetMs) break;
  }
  return Object.fromEntries(keys.map((k) => [k, summarise(samples[k])])) as Record<K, Summary>;
}
