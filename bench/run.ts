/**
 * npm run bench — KPI API speed on a national-scale data set.
 *
 *   npm run bench                      cached build (first run ~1-3 min), then ~2-3 min of measuring
 *   npm run bench -- --rebuild         rebuild the cached database
 *   npm run bench -- --iterations 50   timed iterations per figure (default 30, capped by --budget)
 *   npm run bench -- --budget 8000     max ms of timed runs per figure (at least 10 iterations)
 *   npm run bench -- --no-http         skip the loopback HTTP figures
 *   npm run bench -- --no-import       skip the import hook (bench/import-bench.ts)
 *   npm run bench -- --no-prototypes   skip the bench-local prototypes of proposed fixes
 *   BENCH_SCALE=0.1 npm run bench      a smaller data set (own cache file), for trying the bench itself
 *
 * Targets are printed, never asserted: the exit code is 0 whatever the figures (1 only on a crash).
 * See bench/README.md for what each figure means.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { computeKpis } from '../server/services/kpis.ts';
import { openBenchApp, serveLoopback } from './lib/harness.ts';
import { ensureNational, nationalSpec } from './lib/national.ts';
import { prototypeFigures } from './lib/prototypes.ts';
import { holdConnections, type RecordedStatement, replay, stagesOf } from './lib/recording-db.ts';
import { assemblyInputs, timeAssembly } from './lib/service-parts.ts';
import { bytes, type MeasureOptions, measure, ms, type Summary, stopwatch, table } from './lib/stats.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : Number.NaN;
  return Number.isFinite(v) ? v : fallback;
};
const measureOptions: Partial<MeasureOptions> = {
  iterations: option('iterations', 30),
  budgetMs: option('budget', 6_000),
  warmup: option('warmup', 3),
};
const log = (line = '') => console.log(line);

interface TargetRow {
  figure: string;
  target: string;
  measured: string;
  pass: boolean | null;
}
const targets: TargetRow[] = [];
const judge = (figure: string, target: string, measured: string, pass: boolean | null) =>
  targets.push({ figure, target, measured, pass });

const runStarted = stopwatch();
const spec = nationalSpec(Number(process.env.BENCH_SCALE ?? 1));
log('Smart Safety Zone 4.0 — KPI API bench');
log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, node ${process.version}`);
if ((loadavg()[0] ?? 0) > cpus().length * 0.5) {
  log(`WARNING: the machine is busy (1-min load ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores): figures will be slower and noisier.`);
}

// ---------------------------------------------------------------------------------------------
// Data set (built once, cached)
const cache = await ensureNational(spec, (line) => log(line), flag('rebuild'));
const info = cache.info;
log(
  `data: ${cache.path} (${cache.built ? 'BUILT NOW' : 'cached'}, key ${info.key}; build took ${(info.buildMs / 1000).toFixed(1)} s on ${info.builtAt.slice(0, 16)})`,
);
log(`      ${Object.entries(info.counts).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
if (cache.built) judge('national build (first run only)', '<= 10 min', `${(info.buildMs / 1000).toFixed(1)} s`, info.buildMs <= 600_000);

const bench = await openBenchApp(cache.path);
log(`auth: Bearer API token; middleware ${bench.authMode}`);
const { headers } = bench;

const zoneRows = await bench.db.all<{ id: string }>('SELECT id FROM zones ORDER BY id');
const sampleZones = Array.from({ length: 8 }, (_, i) => zoneRows[Math.floor(((i + 0.5) * zoneRows.length) / 8)]?.id).filter(
  (id): id is string => id !== undefined,
);
log(`one-zone figures rotate over ${sampleZones.length} zones: ${sampleZones.join(' ')}`);
log(`each figure: ${measureOptions.warmup} warm-up runs, then up to ${measureOptions.iterations} timed runs (stops after ${(measureOptions.budgetMs ?? 0) / 1000} s once 10 are done)`);

const get = async (path: string): Promise<number> => {
  const res = await bench.app.request(path, { headers });
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${new TextDecoder().decode(body).slice(0, 300)}`);
  return body.byteLength;
};
let zoneTurn = 0;
const nextZone = () => sampleZones[zoneTurn++ % sampleZones.length] as string;

// ---------------------------------------------------------------------------------------------
// Raw-SQL twins: record the statements one request runs, replay them on held connections.
const held = await holdConnections(bench.db, 32);
async function capture(paths: readonly string[]): Promise<RecordedStatement[][]> {
  const perRequest: RecordedStatement[][] = [];
  for (const path of paths) {
    perRequest.push(
      await bench.recorder.capture(async () => {
        const res = await bench.recordingApp.request(path, { headers });
        await res.arrayBuffer();
      }),
    );
  }
  return perRequest;
}
/** Replays several requests' statements concurrently (as the page's parallel requests), each on its own connections. */
async function replayConcurrent(recordings: readonly RecordedStatement[][], convert = false) {
  let offset = 0;
  const slices = recordings.map((r) => {
    const width = Math.max(1, ...stagesOf(r).map((s) => s.length));
    const conns = held.conns.slice(offset, offset + width);
    offset += width;
    return { r, conns };
  });
  await Promise.all(slices.map(({ r, conns }) => replay(r, conns, 'parallel-stages', { convert })));
}
async function replaySequential(recordings: readonly RecordedStatement[][], convert = false) {
  for (const r of recordings) await replay(r, held.conns, 'parallel-stages', { convert });
}

interface Row {
  name: string;
  api: Summary;
  raw: Summary | null;
  size?: number;
}
const fmtRow = (r: Row) => [
  r.name,
  r.size !== undefined ? bytes(r.size) : '',
  ms(r.api.p50),
  ms(r.api.p95),
  ms(r.api.max),
  r.raw ? ms(r.raw.p50) : '',
  r.raw ? ms(r.raw.p95) : '',
  r.raw ? `${(r.api.p50 / r.raw.p50).toFixed(2)}x` : '',
  r.raw ? `${(r.api.p95 / r.raw.p95).toFixed(2)}x` : '',
  String(r.api.n),
];
const HEAD = ['figure', 'JSON', 'p50 ms', 'p95 ms', 'max ms', 'raw p50', 'raw p95', 'API/raw p50', 'API/raw p95', 'n'];

// ---------------------------------------------------------------------------------------------
// [1] Overview: zone items + rollups
log('\n[1] Overview: GET /api/kpis for every in-scope zone and the rollups (national scope, no period)');
const LEVELS = ['zone', 'station', 'division', 'bureau', 'national'] as const;
const levelPath = (level: string) => `/api/kpis?level=${level}`;
const overviewRows: Row[] = [];
const levelRecordings = new Map<string, RecordedStatement[]>();
for (const level of LEVELS) {
  const size = await get(levelPath(level));
  const api = await measure(() => get(levelPath(level)), measureOptions);
  const [recording = []] = await capture([levelPath(level)]);
  levelRecordings.set(level, recording);
  const raw = await measure(() => replay(recording, held.conns, 'parallel-stages'), measureOptions);
  overviewRows.push({ name: `level=${level}`, api, raw, size });
  log(`  level=${level.padEnd(8)} ${ms(api.p50)} / ${ms(api.p95)} ms (raw ${ms(raw.p50)} / ${ms(raw.p95)})`);
}
// What the overview page sends when it opens (web/features/overview/overview-page.tsx): zone items,
// national, and the rollup level shown (default 'bureau'), all at once.
const PAGE_LEVELS = ['zone', 'national', 'bureau'] as const;
const pageRecordings = PAGE_LEVELS.map((l) => levelRecordings.get(l) ?? []);
const allRecordings = LEVELS.map((l) => levelRecordings.get(l) ?? []);
const overviewPage: Row = {
  name: 'overview page: zone+national+bureau in parallel',
  api: await measure(() => Promise.all(PAGE_LEVELS.map((l) => get(levelPath(l)))), measureOptions),
  raw: await measure(() => replayConcurrent(pageRecordings), measureOptions),
};
const allParallel: Row = {
  name: 'all 5 levels in parallel',
  api: await measure(() => Promise.all(LEVELS.map((l) => get(levelPath(l)))), measureOptions),
  raw: await measure(() => replayConcurrent(allRecordings), measureOptions),
};
const allSequential: Row = {
  name: 'all 5 levels one after another (sum)',
  api: await measure(async () => {
    for (const l of LEVELS) await get(levelPath(l));
  }, measureOptions),
  raw: await measure(() => replaySequential(allRecordings), measureOptions),
};
overviewRows.push(overviewPage, allParallel, allSequential);
log(table(HEAD, overviewRows.map(fmtRow)));

const worstLevel = overviewRows.slice(0, LEVELS.length).reduce((a, b) => (b.api.p95 > a.api.p95 ? b : a));
judge('overview page (zone+national+bureau, parallel) p95', '<= 100 ms', `${ms(overviewPage.api.p95)} ms`, overviewPage.api.p95 <= 100);
judge(`overview slowest single level (${worstLevel.name}) p95`, '<= 100 ms', `${ms(worstLevel.api.p95)} ms`, worstLevel.api.p95 <= 100);
judge('overview all 5 levels in parallel p95', '<= 100 ms', `${ms(allParallel.api.p95)} ms`, allParallel.api.p95 <= 100);
judge('overview all 5 levels sequential (sum) p95', '<= 100 ms', `${ms(allSequential.api.p95)} ms`, allSequential.api.p95 <= 100);
const pageRatio = overviewPage.api.p50 / (overviewPage.raw?.p50 ?? Number.NaN);
judge('overview page API / raw SQL (p50)', '<= 1.3x', `${pageRatio.toFixed(2)}x`, pageRatio <= 1.3);
for (const r of overviewRows.slice(0, LEVELS.length)) {
  const ratio = r.api.p50 / (r.raw?.p50 ?? Number.NaN);
  judge(`  ${r.name} API / raw SQL (p50)`, '<= 1.3x', `${ratio.toFixed(2)}x`, ratio <= 1.3);
}

// ---------------------------------------------------------------------------------------------
// [2] One zone
log('\n[2] One zone: KPIs of the zone, its monthly series and its survey waves');
const zonePaths = (id: string) => ({
  kpis: `/api/kpis?level=zone&unit=${encodeURIComponent(id)}`,
  series: `/api/zones/${encodeURIComponent(id)}/series`,
  survey: `/api/zones/${encodeURIComponent(id)}/survey`,
});
const zoneRowsOut: Row[] = [];
const zoneRecordings = new Map<string, RecordedStatement[][]>(); // per endpoint: one recording per sample zone
for (const endpoint of ['kpis', 'series', 'survey'] as const) {
  const first = sampleZones[0] as string;
  const size = await get(zonePaths(first)[endpoint]);
  const api = await measure(() => get(zonePaths(nextZone())[endpoint]), measureOptions);
  const recordings = await capture(sampleZones.map((id) => zonePaths(id)[endpoint]));
  zoneRecordings.set(endpoint, recordings);
  let turn = 0;
  const raw = await measure(() => replay(recordings[turn++ % recordings.length] ?? [], held.conns, 'parallel-stages'), measureOptions);
  zoneRowsOut.push({ name: `GET ${endpoint === 'kpis' ? '/api/kpis?level=zone&unit=ID' : `/api/zones/ID/${endpoint}`}`, api, raw, size });
}
let pageTurn = 0;
const zoneTriple = (i: number) => (['kpis', 'series', 'survey'] as const).map((e) => zoneRecordings.get(e)?.[i % sampleZones.length] ?? []);
const zoneParallel: Row = {
  name: 'zone page: the 3 in parallel',
  api: await measure(() => {
    const p = zonePaths(nextZone());
    return Promise.all([get(p.kpis), get(p.series), get(p.survey)]);
  }, measureOptions),
  raw: await measure(() => replayConcurrent(zoneTriple(pageTurn++)), measureOptions),
};
const zoneSequential: Row = {
  name: 'the 3 one after another (sum)',
  api: await measure(async () => {
    const p = zonePaths(nextZone());
    await get(p.kpis);
    await get(p.series);
    await get(p.survey);
  }, measureOptions),
  raw: await measure(() => replaySequential(zoneTriple(pageTurn++)), measureOptions),
};
zoneRowsOut.push(zoneParallel, zoneSequential);
log(table(HEAD, zoneRowsOut.map(fmtRow)));
judge('one zone: 3 requests in parallel p95', '<= 25 ms', `${ms(zoneParallel.api.p95)} ms`, zoneParallel.api.p95 <= 25);
judge('one zone: 3 requests sequential (sum) p95', '<= 25 ms', `${ms(zoneSequential.api.p95)} ms`, zoneSequential.api.p95 <= 25);
for (const r of [...zoneRowsOut.slice(0, 3), zoneParallel]) {
  const ratio = r.api.p50 / (r.raw?.p50 ?? Number.NaN);
  judge(`  ${r.name} API / raw SQL (p50)`, '<= 1.3x', `${ratio.toFixed(2)}x`, ratio <= 1.3);
}

// ---------------------------------------------------------------------------------------------
// [3] Where the time goes
log('\n[3] Where the time goes (p50 ms; each part measured on its own)');
const connectCost = await measure(() => bench.db.withConnection(async () => undefined), measureOptions);
log(`  opening + closing a connection (db.all does it per query): p50 ${ms(connectCost.p50, 2)} ms, p95 ${ms(connectCost.p95, 2)} ms`);
const breakdownHead = ['request', 'SQL raw', '+row conversion', 'service (computeKpis)', 'assembly', 'JSON.stringify', 'app.request', 'JSON size'];
const breakdown: string[][] = [];
const perStatement: string[][] = [];
for (const [label, path, level, unit] of [
  ['level=zone', levelPath('zone'), 'zone', undefined],
  ['level=national', levelPath('national'), 'national', undefined],
  ['zone&unit=ID', zonePaths(sampleZones[0] as string).kpis, 'zone', sampleZones[0]],
] as const) {
  const recording = levelRecordings.get(level === 'national' ? 'national' : 'zone') ?? [];
  const rec = unit ? ((zoneRecordings.get('kpis') ?? [])[0] ?? []) : recording;
  const raw = await measure(() => replay(rec, held.conns, 'parallel-stages'), measureOptions);
  const converted = await measure(() => replay(rec, held.conns, 'parallel-stages', { convert: true }), measureOptions);
  const request = { level, ...(unit ? { unit } : {}) } as const;
  const service = await measure(() => computeKpis(bench.db, null, request), measureOptions);
  const inputs = await assemblyInputs(bench.recorder, request);
  const parts = await timeAssembly(inputs, request, measureOptions);
  const api = await measure(() => get(path), measureOptions);
  breakdown.push([
    label,
    ms(raw.p50),
    ms(converted.p50),
    ms(service.p50),
    ms(parts.assembly.p50),
    ms(parts.stringify.p50),
    ms(api.p50),
    bytes(parts.jsonBytes),
  ]);
  // Per statement, raw, one at a time (the stage's parallelism hides the slowest one otherwise).
  for (const s of rec.filter((x) => !x.writes)) {
    const one = await measure(() => replay([s], held.conns, 'sequential'), { ...measureOptions, budgetMs: 2_000 });
    const conv = await measure(() => replay([s], held.conns, 'sequential', { convert: true }), { ...measureOptions, budgetMs: 2_000 });
    perStatement.push([label, s.origin, String(s.rows), ms(one.p50), ms(conv.p50 - one.p50)]);
  }
}
log(table(breakdownHead, breakdown));
log('  statements, raw one at a time (p50 ms), and what converting their rows to JS objects adds:');
log(table(['request', 'statement origin', 'rows', 'SQL', '+conversion'], perStatement));

// ---------------------------------------------------------------------------------------------
// [4] Over real HTTP (loopback)
if (!flag('no-http')) {
  log('\n[4] The same over real HTTP on 127.0.0.1 (@hono/node-server + fetch, keep-alive)');
  const server = await serveLoopback(bench.fetchApp);
  const fetchGet = async (path: string) => {
    const res = await fetch(`${server.base}${path}`, { headers });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return body.byteLength;
  };
  const httpRows: string[][] = [];
  for (const [name, path] of [
    ['level=zone', levelPath('zone')],
    ['level=national', levelPath('national')],
    ['zone kpis', zonePaths(sampleZones[0] as string).kpis],
    ['zone series', zonePaths(sampleZones[0] as string).series],
    ['zone survey', zonePaths(sampleZones[0] as string).survey],
  ] as const) {
    const inProcess = await measure(() => get(path), measureOptions);
    const http = await measure(() => fetchGet(path), measureOptions);
    httpRows.push([name, ms(inProcess.p50), ms(http.p50), ms(http.p95), ms(http.p50 - inProcess.p50)]);
  }
  log(table(['request', 'app.request p50', 'HTTP p50', 'HTTP p95', 'HTTP adds (p50)'], httpRows));
  await server.close();
}

// ---------------------------------------------------------------------------------------------
// [5] Prototypes of the proposed fixes (bench-local; the server is unchanged)
if (!flag('no-prototypes')) {
  log('\n[5] Prototypes of proposed fixes (bench-local copies; p50 / p95 ms)');
  const lines = await prototypeFigures({ db: bench.db, recorder: bench.recorder, sampleZones, measureOptions, held: held.conns });
  log(table(['prototype', 'now', 'with the fix', 'gain'], lines));
}

await held.release();

await bench.close();

// ---------------------------------------------------------------------------------------------
// [6] Import hook
if (!flag('no-import')) {
  log('\n[6] Import: 1M incident rows from CSV with point-in-polygon against the zones');
  const { runImportBench } = await import('./import-bench.ts');
  const result = await runImportBench({ log: (line) => log(`  ${line}`) });
  judge(
    'import 1M incident rows (CSV + point-in-polygon)',
    '>= 200,000 rows/s',
    result.rowsPerSecond === null ? 'pipeline not available yet' : `${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s`,
    result.rowsPerSecond === null ? null : result.rowsPerSecond >= 200_000,
  );
}


// ---------------------------------------------------------------------------------------------
log('\nSummary (targets from the issue; printed, never asserted)');
log(
  table(
    ['figure', 'target', 'measured', 'result'],
    targets.map((t) => [t.figure, t.target, t.measured, t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'MISS']),
  ),
);
log(`\nbench run took ${(runStarted() / 1000).toFixed(1)} s (${new Date(performance.timeOrigin).toISOString().slice(0, 19)}Z start)`);
