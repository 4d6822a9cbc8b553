/**
 * Each bench run's figures as JSON under bench/results/ (issue: "so a change can be compared with
 * the last run"): `<date>.json` and `latest.json` (`latest-scale-<s>.json` for a BENCH_SCALE run). Before overwriting `latest.json` the run is
 * compared with it, figure by figure, and the changes are printed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { repoRoot } from './national.ts';

export interface ResultFigure {
  figure: string;
  target: string;
  measured: string;
  pass: boolean | null;
}

export interface BenchResults {
  figures: ResultFigure[];
  load: number[];
  cores: number;
  node: string;
  tookMs: number;
  /** BENCH_SCALE: runs of different scales are not compared. */
  scale: number;
  /** Set by saveResults. */
  at?: string;
  commit?: string;
}

const dir = `${repoRoot}bench/results/`;

/** The leading number of a measured figure ("12.3 ms", "1.05x", "118,000 rows/s"); NaN when none. */
export function leadingNumber(measured: string): number {
  const m = /-?[\d,]*\.?\d+/.exec(measured);
  return m === null ? Number.NaN : Number(m[0].replaceAll(',', ''));
}

/** Lines comparing this run with an earlier one (figures matched by name; pure). */
export function compareResults(before: BenchResults, now: BenchResults): string[] {
  const earlier = new Map(before.figures.map((f) => [f.figure, f]));
  const lines: string[] = [];
  for (const f of now.figures) {
    const b = earlier.get(f.figure);
    if (b === undefined) {
      lines.push(`  new      ${f.figure}: ${f.measured}`);
      continue;
    }
    const x = leadingNumber(b.measured);
    const y = leadingNumber(f.measured);
    const change =
      Number.isFinite(x) && Number.isFinite(y) && x !== 0 ? ` (${(((y - x) / Math.abs(x)) * 100).toFixed(0)}%)` : '';
    const verdict = b.pass === f.pass ? '' : f.pass === true ? '  now PASS' : f.pass === false ? '  now MISS' : '';
    if (b.measured !== f.measured || verdict !== '')
      lines.push(`  changed  ${f.figure}: ${b.measured} -> ${f.measured}${change}${verdict}`);
  }
  for (const b of before.figures)
    if (!now.figures.some((f) => f.figure === b.figure)) lines.push(`  gone     ${b.figure} (was ${b.measured})`);
  return lines;
}

function commitOf(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined; // not a git checkout: the figures are kept without it
  }
}

function readResults(path: string): BenchResults | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as BenchResults;
  } catch {
    return null;
  }
}

/** Saves the run (a dated copy and the latest of its scale) after printing what changed since the last. */
export function saveResults(results: BenchResults, log: (line: string) => void): void {
  mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString();
  const commit = commitOf();
  const full: BenchResults = { ...results, at, ...(commit === undefined ? {} : { commit }) };
  // Runs of another scale (BENCH_SCALE) keep their own latest: they are never compared with these.
  const latest = `${dir}latest${full.scale === 1 ? '' : `-scale-${full.scale}`}.json`;
  const before = readResults(latest);
  if (before !== null) {
    log(`\nCompared with the last run (${before.at ?? '?'}${before.commit ? `, ${before.commit.slice(0, 8)}` : ''}):`);
    const lines = compareResults(before, full);
    for (const l of lines.length > 0 ? lines : ['  no figure changed']) log(l);
  }
  const file = `${dir}${at.replaceAll(':', '-').slice(0, 19)}.json`;
  const body = `${JSON.stringify(full, null, 2)}\n`;
  writeFileSync(file, body);
  writeFileSync(latest, body);
  log(`Figures saved: ${file.slice(repoRoot.length)} and ${latest.slice(repoRoot.length)}`);
}
