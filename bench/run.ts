/**
 * npm run bench — KPI API speed on a national-scale data set (see bench/README.md).
 *
 *   npm run bench                      build the data set once (cached), then measure
 *   npm run bench -- --rebuild         rebuild the cached database
 *   npm run bench -- --iterations 50   timed runs per figure (default 30; capped by --budget)
 *   npm run bench -- --budget 8000     ms of timed runs per figure before stopping early (default 4000)
 *   npm run bench -- --no-http         skip the loopback HTTP figures
 *   npm run bench -- --no-prototypes   skip the bench-local prototypes of proposed fixes
 *   npm run bench -- --no-import       skip the import hook (bench/import-bench.ts)
 *   npm run bench -- --no-geometry     skip zone geometry, KML and demo-load figures (bench/geometry-bench.ts)
 *   npm run bench -- --no-load         skip the load test (bench/load-test.ts: 200 connections, 60 s, an import running)
 *   npm run bench -- --no-postgres     skip the same SQL on PostgreSQL 15 (bench/postgres-side.ts)
 *   npm run bench -- --no-reports      skip the PDF reports (bench/reports-bench.ts: real server and Chromium)
 *   npm run bench -- --only-reports    the PDF reports alone (no national data set needed)
 *   npm run bench -- --no-browser      skip the first screen in Chromium (bench/browser-bench.ts)
 *   npm run bench -- --only-browser    the first screen in Chromium alone (on the national data set)
 *   npm run bench -- --no-survey       skip the resident survey under load (bench/survey-load-bench.ts)
 *   npm run bench -- --only-survey     the resident survey under load alone (no national data set needed)
 *   npm run bench -- --survey-minutes 2   its length (default 10, the issue's figure)
 *   BENCH_SCALE=0.1 npm run bench      a smaller data set (own cache file), for working on the bench
 *
 * Targets are printed, never asserted: exit code 0 whatever the figures (1 only on a crash).
 */
import { cpus, loadavg } from 'node:os';
import { textList } from '../server/db/database.ts';
import { zoneSyntheticControl } from '../server/services/counterfactual.ts';
import { openBenchApp, serveLoopback } from './lib/harness.ts';
import { ensureNational, nationalSpec } from './lib/national.ts';
import { prototypeFigures } from './lib/prototypes.ts';
import { saveResults } from './lib/results.ts';
import { holdConnections, type RecordedStatement, replay, stagesOf } from './lib/recording-db.ts';
import { assembleAndSerialize, assemblyInputs } from './lib/service-parts.ts';
import {
  bytes,
  type MeasureOptions,
  measure,
  measureTogether,
  ms,
  type Summary,
  stopwatch,
  sumOfRuns,
  table,
} from './lib/stats.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : Number.NaN;
  return Number.isFinite(v) ? v : fallback;
};
const mo: Partial<MeasureOptions> = {
  iterations: option('iterations', 30),
  budgetMs: option('budget', 4_000),
  warmup: option('warmup', 3),
  minIterations: 5,
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
const ratioOf = (api: Summary, raw: Summary) => api.p50 / raw.p50;

const runStarted = stopwatch();
const spec = nationalSpec(Number(process.env.BENCH_SCALE ?? 1));
const elapsed = () => `${Math.round(runStarted() / 1000)} s`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
log('Smart Safety Zone 4.0 — KPI API bench');
log(`machine: ${cpus().length} cores, load average ${load()}, node ${process.version}`);
if ((loadavg()[0] ?? 0) > cpus().length * 0.5) {
  log(
    `WARNING: the machine is busy (1-min load ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores): figures will be slower and noisier.`,
  );
}

async function reportsSection(): Promise<void> {
  log(`\n[8] PDF reports: zone report and 25-zone pack over HTTP, made by Chromium   [load ${load()}, t+${elapsed()}]`);
  const { reportFigures } = await import('./reports-bench.ts');
  const figures = await reportFigures((line) => log(`  ${line}`));
  for (const f of figures) {
    if (f.targetMs !== null) judge(f.figure, f.target, `${(f.ms / 1000).toFixed(1)} s`, f.ms <= f.targetMs);
  }
}

async function browserSection(dbPath: string): Promise<void> {
  log(
    `\n[9] The first screen in headless Chromium: initial JS, sign-in to tiles, overview painted (built server, national data)   [load ${load()}, t+${elapsed()}]`,
  );
  const { firstScreenFigures } = await import('./browser-bench.ts');
  for (const f of await firstScreenFigures(dbPath, (line) => log(`  ${line}`))) {
    judge(f.figure, f.target, f.measured, f.pass);
  }
}

async function surveySection(): Promise<void> {
  const minutes = option('survey-minutes', 10);
  log(
    `\n[10] Resident survey under load: 1,000 answers a minute over 100 zones for ${minutes} min, dashboard reads beside   [load ${load()}, t+${elapsed()}]`,
  );
  const { surveyLoad } = await import('./survey-load-bench.ts');
  const r = await surveyLoad((line) => log(`  ${line}`), { minutes });
  const refused = Object.entries(r.refusedByStatus)
    .map(([status, n]) => `${n} x ${status}`)
    .join(', ');
  log(
    `  sent ${r.sent}, accepted ${r.accepted} (${Math.round(r.achievedPerMinute)}/min), refused ${refused || 'none'}, failed ${r.failed}; stored ${r.stored}; valid fear answers counted in the figures ${r.countedInFigures} of ${r.validFearAccepted}`,
  );
  const lossless =
    r.failed === 0 && r.accepted === r.sent && r.stored === r.accepted && r.countedInFigures === r.validFearAccepted;
  judge(
    `${r.perMinute} answers/min over ${r.zones} zones, ${r.minutes} min: no loss, no error`,
    'all stored and counted',
    `${r.accepted}/${r.sent} accepted, ${r.stored} stored, ${r.countedInFigures}/${r.validFearAccepted} counted`,
    lossless,
  );
  judge('answer under that load (GET form + POST), p95', '', `${ms(r.answerP95)} ms (p50 ${ms(r.answerP50)})`, null);
  judge(
    'dashboard reads under that load (overview, zone page), p95',
    'no error',
    `${ms(r.dashboard.p95)} ms (p50 ${ms(r.dashboard.p50)}, ${r.dashboard.n} reads, ${r.dashboard.errors} errors)`,
    r.dashboard.errors === 0,
  );
}

function printSummary(): void {
  log(`\nSummary (targets from the issue; printed, never asserted)   [load ${load()}, t+${elapsed()}]`);
  log(
    table(
      ['figure', 'target', 'measured', 'result'],
      targets.map((t) => [t.figure, t.target, t.measured, t.pass === null ? '' : t.pass ? 'PASS' : 'MISS']),
    ),
  );
  log(`\nThe bench took ${(runStarted() / 1000).toFixed(1)} s.`);
  saveResults(
    {
      figures: targets,
      load: loadavg(),
      cores: cpus().length,
      node: process.version,
      tookMs: runStarted(),
      scale: spec.scale,
    },
    log,
  );
}

if (flag('only-survey')) {
  await surveySection();
  printSummary();
  process.exit(0);
}

if (flag('only-reports')) {
  await reportsSection();
  printSummary();
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// The data set (built once, cached)
const cache = await ensureNational(spec, (line) => log(line), flag('rebuild'));
const info = cache.info;
log(
  `data: ${cache.path} (${cache.built ? 'BUILT NOW' : 'cached'}, key ${info.key}; the build took ${(info.buildMs / 1000).toFixed(1)} s on ${info.builtAt.slice(0, 16)})`,
);
log(
  `      ${Object.entries(info.counts)
    .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
    .join(', ')}`,
);
log(
  `      build steps: ${Object.entries(info.steps)
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
    .join(', ')}`,
);
judge(
  `national data set build${cache.built ? '' : ' (cached; from its last build)'}`,
  '<= 10 min',
  `${(info.buildMs / 1000).toFixed(1)} s`,
  info.buildMs <= 600_000,
);
if (flag('only-browser')) {
  await browserSection(cache.path);
  printSummary();
  process.exit(0);
}

const bench = await openBenchApp(cache.path);
log(`auth: Bearer API token (admin, national scope); auth middleware ${bench.authMode}`);
const { headers } = bench;
const zoneRows = await bench.db.all<{ id: string }>('SELECT id FROM zones ORDER BY id');
const sampleZones = Array.from(
  { length: 8 },
  (_, i) => zoneRows[Math.floor(((i + 0.5) * zoneRows.length) / 8)]?.id,
).filter((id): id is string => id !== undefined);
log(`one-zone figures rotate over ${sampleZones.length} zones: ${sampleZones.join(' ')}`);
log(
  `each figure: ${mo.warmup} warm-up runs, then up to ${mo.iterations} timed runs, stopping after ${(mo.budgetMs ?? 0) / 1000} s once ${mo.minIterations} are done (3 when one run takes over 1 s)`,
);

const get = async (path: string): Promise<number> => {
  const res = await bench.app.request(path, { headers });
  const body = await res.arrayBuffer();
  if (res.status !== 200)
    throw new Error(`${path} answered ${res.status}: ${new TextDecoder().decode(body).slice(0, 300)}`);
  return body.byteLength;
};

// ---------------------------------------------------------------------------------------------
// Raw-SQL twins: the statements one request ran, recorded, replayed on held connections.
const held = await holdConnections(bench.db, 32);
async function capture(path: string): Promise<RecordedStatement[]> {
  return bench.recorder.capture(async () => {
    const res = await bench.recordingApp.request(path, { headers });
    await res.arrayBuffer();
  });
}
/** Identical statement lists (same SQL, same values) are measured once. */
const rawCache = new Map<string, Summary>();
/** Statements and values, the clock left out (the token lookup binds `now`). */
const signature = (recordings: readonly RecordedStatement[][]) =>
  JSON.stringify(
    recordings.map((r) =>
      r
        .filter((s) => !s.writes)
        .map((s) => [s.sql, s.values])
        // Statements of one parallel stage start in any order.
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ),
    (k, v: unknown) => (k === 'now' ? null : typeof v === 'bigint' ? String(v) : v),
  );
/** Several requests' statements at once (the page's parallel requests), each on its own connections. */
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
interface Row {
  name: string;
  api: Summary;
  raw: Summary;
  size?: number;
}
const HEAD = ['figure', 'JSON', 'p50 ms', 'p95 ms', 'max ms', 'raw p50', 'raw p95', 'API/raw p50', 'API/raw p95', 'n'];
const fmtRow = (r: Row) => [
  r.name,
  r.size !== undefined ? bytes(r.size) : '',
  ms(r.api.p50),
  ms(r.api.p95),
  ms(r.api.max),
  ms(r.raw.p50),
  ms(r.raw.p95),
  `${(r.api.p50 / r.raw.p50).toFixed(2)}x`,
  `${(r.api.p95 / r.raw.p95).toFixed(2)}x`,
  String(r.api.n),
];

// ---------------------------------------------------------------------------------------------
// [1] Overview: zone items + rollups
log(
  `\n[1] Overview: GET /api/kpis?level=... for every zone in scope and the rollups (national scope, no period)   [load ${load()}, t+${elapsed()}]`,
);
const LEVELS = ['zone', 'station', 'division', 'bureau', 'national'] as const;
const levelPath = (level: string) => `/api/kpis?level=${level}`;
const levelRows = new Map<string, Row>();
const levelRecordings = new Map<string, RecordedStatement[]>();
// One untimed pass first: the buffer pool and every code path are warm before anything is timed.
for (const level of LEVELS) await get(levelPath(level));
for (const level of LEVELS) {
  const size = await get(levelPath(level));
  const recording = await capture(levelPath(level));
  levelRecordings.set(level, recording);
  const key = `false|${signature([recording])}`;
  const cachedRaw = rawCache.get(key);
  let api: Summary;
  let raw: Summary;
  if (cachedRaw) {
    // The same statements as an earlier level: their raw figure is already measured.
    api = await measure(() => get(levelPath(level)), mo);
    raw = cachedRaw;
  } else {
    ({ api, raw } = await measureTogether(
      { api: () => get(levelPath(level)), raw: () => replay(recording, held.conns, 'parallel-stages') },
      mo,
    ));
    rawCache.set(key, raw);
  }
  levelRows.set(level, { name: `level=${level}`, api, raw, size });
  log(
    `  level=${level.padEnd(8)} API p50 ${ms(api.p50)} p95 ${ms(api.p95)} | raw SQL p50 ${ms(raw.p50)} p95 ${ms(raw.p95)}${cachedRaw ? ' (same SQL as above)' : ''} | ${bytes(size)}`,
  );
}
const recordingsOf = (levels: readonly string[]) => levels.map((l) => levelRecordings.get(l) ?? []);
// What the overview page sends when it opens (web/features/overview/overview-page.tsx): the zone
// items, national, and the rollup level shown (default 'bureau'), all at once.
const PAGE_LEVELS = ['zone', 'national', 'bureau'] as const;
const pageFigures = await measureTogether(
  {
    api: () => Promise.all(PAGE_LEVELS.map((l) => get(levelPath(l)))),
    raw: () => replayConcurrent(recordingsOf(PAGE_LEVELS)),
  },
  { ...mo, warmup: 0 },
);
const overviewPage: Row = { name: 'overview page: zone + national + bureau, in parallel', ...pageFigures };
// All five at once: a heavy figure when the server is slow, so measured only when the page alone
// answers within a second (otherwise it would only repeat, much slower, what the page shows).
const allParallel: Row | null =
  overviewPage.api.p50 <= 1_000
    ? {
        name: 'all 5 levels, in parallel',
        ...(await measureTogether(
          {
            api: () => Promise.all(LEVELS.map((l) => get(levelPath(l)))),
            raw: () => replayConcurrent(recordingsOf(LEVELS)),
          },
          { ...mo, warmup: 0 },
        )),
      }
    : null;
// One request after another shares nothing: the sum of the per-level runs, run by run.
const allSequential: Row = {
  name: 'all 5 levels, one after another (sum of the runs above)',
  api: sumOfRuns(LEVELS.map((l) => levelRows.get(l)?.api as Summary)),
  raw: sumOfRuns(LEVELS.map((l) => levelRows.get(l)?.raw as Summary)),
};
log(
  table(HEAD, [...levelRows.values(), overviewPage, ...(allParallel ? [allParallel] : []), allSequential].map(fmtRow)),
);
if (!allParallel)
  log(`  (all 5 levels in parallel: not measured, the overview page alone takes ${ms(overviewPage.api.p50)} ms)`);

const perLevel = [...levelRows.values()];
const zoneListBytes = levelRows.get('zone')?.size ?? 0;
const zoneListGzip = await (async () => {
  const res = await bench.app.request(levelPath('zone'), { headers: { ...headers, 'accept-encoding': 'gzip' } });
  const body = await res.arrayBuffer();
  return { bytes: body.byteLength, encoding: res.headers.get('content-encoding') };
})();
judge(
  `3,000-zone list (level=zone) before compression (gzip: ${bytes(zoneListGzip.bytes)}, ${zoneListGzip.encoding ?? 'not compressed'})`,
  '<= 2 MB',
  bytes(zoneListBytes),
  zoneListBytes <= 2 * 1024 * 1024,
);
judge(
  'overview page: zone+national+bureau in parallel, p95',
  '<= 100 ms',
  `${ms(overviewPage.api.p95)} ms`,
  overviewPage.api.p95 <= 100,
);
for (const r of perLevel) judge(`  one request: ${r.name}, p95`, '<= 100 ms', `${ms(r.api.p95)} ms`, r.api.p95 <= 100);
if (allParallel)
  judge('  all 5 levels in parallel, p95', '<= 100 ms', `${ms(allParallel.api.p95)} ms`, allParallel.api.p95 <= 100);
judge(
  '  all 5 levels one after another (sum), p95',
  '<= 100 ms',
  `${ms(allSequential.api.p95)} ms`,
  allSequential.api.p95 <= 100,
);
judge(
  'overview page: API / raw SQL (p50)',
  '<= 1.3x',
  `${ratioOf(overviewPage.api, overviewPage.raw).toFixed(2)}x`,
  ratioOf(overviewPage.api, overviewPage.raw) <= 1.3,
);
for (const r of perLevel) {
  judge(
    `  ${r.name}: API / raw SQL (p50)`,
    '<= 1.3x',
    `${ratioOf(r.api, r.raw).toFixed(2)}x`,
    ratioOf(r.api, r.raw) <= 1.3,
  );
}

// ---------------------------------------------------------------------------------------------
// [2] One zone
log(
  `\n[2] One zone: its KPIs, its monthly series, its survey waves (rotating over the sample zones)   [load ${load()}, t+${elapsed()}]`,
);
const ENDPOINTS = ['kpis', 'series', 'survey'] as const;
const zonePath = (id: string, endpoint: (typeof ENDPOINTS)[number]) =>
  endpoint === 'kpis'
    ? `/api/kpis?level=zone&unit=${encodeURIComponent(id)}`
    : `/api/zones/${encodeURIComponent(id)}/${endpoint}`;
const zoneRowsOut = new Map<string, Row>();
const zoneRecordings = new Map<string, RecordedStatement[][]>(); // per endpoint, one recording per sample zone
for (const endpoint of ENDPOINTS) {
  const size = await get(zonePath(sampleZones[0] as string, endpoint));
  const recordings: RecordedStatement[][] = [];
  for (const id of sampleZones) recordings.push(await capture(zonePath(id, endpoint)));
  zoneRecordings.set(endpoint, recordings);
  let turn = 0;
  let rawTurn = 0;
  const { api, raw } = await measureTogether(
    {
      api: () => get(zonePath(sampleZones[turn++ % sampleZones.length] as string, endpoint)),
      raw: () => replay(recordings[rawTurn++ % recordings.length] ?? [], held.conns, 'parallel-stages'),
    },
    mo,
  );
  zoneRowsOut.set(endpoint, {
    name: endpoint === 'kpis' ? 'GET /api/kpis?level=zone&unit=ID' : `GET /api/zones/ID/${endpoint}`,
    api,
    raw,
    size,
  });
}
let pageTurn = 0;
const zoneTriple = (i: number) => ENDPOINTS.map((e) => zoneRecordings.get(e)?.[i % sampleZones.length] ?? []);
let apiTurn = 0;
const zoneParallel: Row = {
  name: 'zone page: the 3 in parallel',
  ...(await measureTogether(
    {
      api: () => {
        const id = sampleZones[apiTurn++ % sampleZones.length] as string;
        return Promise.all(ENDPOINTS.map((e) => get(zonePath(id, e))));
      },
      raw: () => replayConcurrent(zoneTriple(pageTurn++)),
    },
    { ...mo, warmup: 1 },
  )),
};
const zoneSequential: Row = {
  name: 'the 3 one after another (sum of the runs above)',
  api: sumOfRuns(ENDPOINTS.map((e) => zoneRowsOut.get(e)?.api as Summary)),
  raw: sumOfRuns(ENDPOINTS.map((e) => zoneRowsOut.get(e)?.raw as Summary)),
};
log(table(HEAD, [...zoneRowsOut.values(), zoneParallel, zoneSequential].map(fmtRow)));
judge(
  'one zone: the 3 requests in parallel, p95',
  '<= 25 ms',
  `${ms(zoneParallel.api.p95)} ms`,
  zoneParallel.api.p95 <= 25,
);
judge(
  '  the 3 one after another (sum), p95',
  '<= 25 ms',
  `${ms(zoneSequential.api.p95)} ms`,
  zoneSequential.api.p95 <= 25,
);
for (const r of [...zoneRowsOut.values()]) judge(`  ${r.name}, p95`, '(part of 25 ms)', `${ms(r.api.p95)} ms`, null);
judge(
  'one zone: API / raw SQL, 3 in parallel (p50)',
  '<= 1.3x',
  `${ratioOf(zoneParallel.api, zoneParallel.raw).toFixed(2)}x`,
  ratioOf(zoneParallel.api, zoneParallel.raw) <= 1.3,
);
for (const r of zoneRowsOut.values()) {
  judge(
    `  ${r.name}: API / raw SQL (p50)`,
    '<= 1.3x',
    `${ratioOf(r.api, r.raw).toFixed(2)}x`,
    ratioOf(r.api, r.raw) <= 1.3,
  );
}

// ---------------------------------------------------------------------------------------------
// [2b] Drill-down and the incident map: one unit's page data, one zone's incident points
log(
  `\n[2b] A unit's page (GET /api/units/CODE) and a zone's incidents (GET /api/zones/ID/incidents, last 12 months)   [load ${load()}, t+${elapsed()}]`,
);
const unitRows = await bench.db.all<{ station: string; division: string; bureau: string }>(
  `SELECT z.station_code AS station, s.division_code AS division, d.bureau_code AS bureau
     FROM zones z JOIN stations s ON s.code = z.station_code JOIN divisions d ON d.code = s.division_code
    WHERE list_contains($ids, z.id) ORDER BY z.id`,
  { ids: textList(sampleZones) },
);
const sampleUnits = ['national', ...new Set(unitRows.flatMap((r) => [r.bureau, r.division, r.station]))];
const [lastData] = await bench.db.all<{ last: string }>(
  `SELECT strftime(max("month"), '%Y-%m') AS last FROM incidents`,
);
const lastMonth = lastData?.last ?? '2024-06';
const [lastYear = 2024, lastMo = 6] = lastMonth.split('-').map(Number);
const firstIndex = lastYear * 12 + (lastMo - 1) - 11;
const firstMonth = `${Math.floor(firstIndex / 12)}-${String((firstIndex % 12) + 1).padStart(2, '0')}`;
const unitPath = (code: string) => `/api/units/${encodeURIComponent(code)}`;
const incidentsPath = (id: string) =>
  `/api/zones/${encodeURIComponent(id)}/incidents?from=${firstMonth}&to=${lastMonth}`;
const unitSize = await get(unitPath(sampleUnits[1] ?? 'national'));
let unitTurn = 0;
const unitPage = await measure(() => get(unitPath(sampleUnits[unitTurn++ % sampleUnits.length] as string)), mo);
const incidentSize = await get(incidentsPath(sampleZones[0] as string));
let incidentTurn = 0;
const incidentLayer = await measure(
  () => get(incidentsPath(sampleZones[incidentTurn++ % sampleZones.length] as string)),
  mo,
);
log(
  table(
    ['figure', 'JSON', 'p50 ms', 'p95 ms', 'max ms', 'n'],
    [
      [
        `unit page, over ${sampleUnits.length} units`,
        bytes(unitSize),
        ms(unitPage.p50),
        ms(unitPage.p95),
        ms(unitPage.max),
        String(unitPage.n),
      ],
      [
        `zone incidents ${firstMonth}..${lastMonth}`,
        bytes(incidentSize),
        ms(incidentLayer.p50),
        ms(incidentLayer.p95),
        ms(incidentLayer.max),
        String(incidentLayer.n),
      ],
    ],
  ),
);
judge(
  "a unit's page data (national, bureau, division, station), p95",
  '<= 50 ms',
  `${ms(unitPage.p95)} ms`,
  unitPage.p95 <= 50,
);
judge("one zone's incident points, 12 months, p95", '<= 50 ms', `${ms(incidentLayer.p95)} ms`, incidentLayer.p95 <= 50);

// ---------------------------------------------------------------------------------------------
// [3] Where the time goes
log(
  `\n[3] Where the time goes in GET /api/kpis (p50 ms; each part timed on its own, all in one loop)   [load ${load()}, t+${elapsed()}]`,
);
const connectCost = await measure(() => bench.db.withConnection(async () => undefined), mo);
log(`  a connection opened and closed (db.all does it per query): p50 ${ms(connectCost.p50, 2)} ms`);
const partsHead = [
  'request',
  'SQL (raw)',
  'SQL + rows to JS',
  'assembly',
  'JSON.stringify',
  'rest: Hono, auth, c.json',
  'app.request',
  'JSON',
];
const parts: string[][] = [];
// The other levels run the same statements as level=zone; their assembly is in the JSON/assembly column of [1] via P4.
for (const [label, level, unit] of [
  ['level=zone', 'zone', undefined],
  ['level=zone&unit=ID', 'zone', sampleZones[0]],
] as const) {
  const path = unit ? zonePath(unit, 'kpis') : levelPath(level);
  const rec = unit ? (zoneRecordings.get('kpis')?.[0] ?? []) : (levelRecordings.get(level) ?? []);
  const request = { level, ...(unit ? { unit } : {}) } as const;
  const inputs = await assemblyInputs(bench.recorder, request);
  const assembled = assembleAndSerialize(inputs, request);
  // All parts in one loop (see measureTogether), so the machine's load hits them alike.
  const f = await measureTogether(
    {
      raw: () => replay(rec, held.conns, 'parallel-stages'),
      converted: () => replay(rec, held.conns, 'parallel-stages', { convert: true }),
      assembly: async () => assembled.build(),
      stringify: async () => assembled.stringify(),
      api: () => get(path),
    },
    { ...mo, warmup: 0 },
  );
  const rest = f.api.p50 - f.converted.p50 - f.assembly.p50 - f.stringify.p50;
  parts.push([
    label,
    ms(f.raw.p50),
    ms(f.converted.p50),
    ms(f.assembly.p50),
    ms(f.stringify.p50),
    ms(rest),
    ms(f.api.p50),
    bytes(assembled.jsonBytes),
  ]);
}
log(table(partsHead, parts));
log('  each statement of level=zone alone, raw (p50 ms), and what turning its rows into JS objects adds:');
const perStatement: string[][] = [];
for (const s of (levelRecordings.get('zone') ?? []).filter((x) => !x.writes)) {
  const one = await measure(() => replay([s], held.conns, 'sequential'), { ...mo, budgetMs: 1_500 });
  const conv = await measure(() => replay([s], held.conns, 'sequential', { convert: true }), {
    ...mo,
    budgetMs: 1_500,
  });
  perStatement.push([s.origin, s.rows.toLocaleString('en'), ms(one.p50), ms(conv.p50 - one.p50)]);
}
log(table(['statement (origin)', 'rows', 'SQL', '+ rows to JS'], perStatement));
log('  (the same statements run for every level and for unit=ID: computeKpis always reads every zone in scope)');

// ---------------------------------------------------------------------------------------------
// [4] Over real HTTP (loopback)
if (!flag('no-http')) {
  log(
    `\n[4] The same over real HTTP on 127.0.0.1 (@hono/node-server, fetch with keep-alive)   [load ${load()}, t+${elapsed()}]`,
  );
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
    ['zone series', zonePath(sampleZones[0] as string, 'series')],
    ['zone survey', zonePath(sampleZones[0] as string, 'survey')],
  ] as const) {
    const f = await measureTogether({ inProcess: () => get(path), http: () => fetchGet(path) }, { ...mo, warmup: 0 });
    httpRows.push([
      name,
      ms(f.inProcess.p50),
      ms(f.http.p50),
      ms(f.http.p95),
      ms(f.http.p50 - f.inProcess.p50),
      String(f.http.n),
    ]);
  }
  log(table(['request', 'app.request p50', 'HTTP p50', 'HTTP p95', 'HTTP adds (p50)', 'n'], httpRows));
  await server.close();
}

// ---------------------------------------------------------------------------------------------
// [4b] Synthetic control (kpi.md): one zone's counterfactual with every placebo, cold (the
// answer is memoised per data state, so each zone's first request is the cold one).
{
  log(
    `\n[4b] Synthetic control: GET /api/zones/:id/counterfactual, first request per zone   [load ${load()}, t+${elapsed()}]`,
  );
  const cold: number[] = [];
  const rows: string[][] = [];
  const fitRows: string[][] = [];
  for (const id of sampleZones.slice(0, 4)) {
    const took = stopwatch();
    const res = await bench.app.request(`/api/zones/${id}/counterfactual`, { headers });
    const body = (await res.json()) as {
      available: boolean;
      reason?: string;
      donors: unknown[];
      months: unknown[];
      placebo: { of: number } | null;
    };
    const elapsedMs = took();
    if (res.status !== 200) throw new Error(`counterfactual of ${id} answered ${res.status}`);
    cold.push(elapsedMs);
    rows.push([
      id,
      ms(elapsedMs),
      body.available ? (body.reason ? `yes (${body.reason})` : 'yes') : `no (${body.reason})`,
      String(body.placebo ? body.placebo.of - 1 : 0),
      String(body.months.length),
      String(body.donors.length),
    ]);
    // The fit beside what the data allow (untimed): in shares of the pre-start mean, a Poisson count
    // of mean m cannot be fitted closer than about 1/sqrt(m) a month, whatever the donors.
    const control = await zoneSyntheticControl(bench.db, id, undefined, new Date());
    if (control?.available) {
      const { result, donors } = control;
      const pre = result.method.preMonths;
      const zoneMean = result.months.slice(0, pre).reduce((sum, m) => sum + m.actual, 0) / pre;
      const donorMeans = donors.map((d) => d.counts.slice(0, pre).reduce((sum, c) => sum + c, 0) / pre);
      const donorMedian = [...donorMeans].sort((a, b) => a - b)[donorMeans.length >> 1] ?? 0;
      fitRows.push([
        id,
        String(pre),
        (result.preRmspe ?? 0).toFixed(3),
        (1 / Math.sqrt(zoneMean)).toFixed(3),
        zoneMean.toFixed(1),
        (result.placeboMedianPreRmspe ?? 0).toFixed(3),
        (1 / Math.sqrt(donorMedian)).toFixed(3),
        donorMedian.toFixed(1),
        result.poorFit ? 'yes' : 'no',
      ]);
    }
  }
  log(table(['zone', 'cold ms', 'available', 'donors (= placebo fits)', 'months', 'weights > 0'], rows));
  log('pre-start fit against the noise floor (RMSPE in shares of the pre-start mean; floor = 1/sqrt(cases a month)):');
  log(
    table(
      [
        'zone',
        'pre months',
        'zone RMSPE',
        'zone floor',
        'zone cases/month',
        'placebo median RMSPE',
        'donor floor',
        'donor cases/month (median)',
        'poor fit',
      ],
      fitRows,
    ),
  );
  const worst = Math.max(...cold);
  judge('one zone counterfactual with all placebos (cold)', '<= 2 s', ms(worst), worst <= 2_000);
}

// ---------------------------------------------------------------------------------------------
// [5] Prototypes of the proposed fixes (bench-local; the server is unchanged)
if (!flag('no-prototypes')) {
  log(`\n[5] Prototypes of the proposed fixes (bench-local; p50 / p95 ms)   [load ${load()}, t+${elapsed()}]`);
  const lines = await prototypeFigures({
    db: bench.db,
    recorder: bench.recorder,
    sampleZones,
    measureOptions: mo,
    held: held.conns,
    headers,
    log,
  });
  log(table(['prototype', 'now', 'with the fix', 'gain (p50)'], lines));
}

// ---------------------------------------------------------------------------------------------
// [5b] The same SQL on PostgreSQL 15, same aggregate tables, same run
if (!flag('no-postgres')) {
  log(
    `\n[5b] PostgreSQL 15 side by side: the overview's and the zone page's SQL (p50 / p95 ms)   [load ${load()}, t+${elapsed()}]`,
  );
  const { forOneZone, postgresSideBySide, postgresTable } = await import('./postgres-side.ts');
  // The recordings made in [1] and [2] (the first request of each through the recording app: a
  // later one would be answered from the server's cache and run no SQL).
  const recordings = [
    { name: 'overview (level=zone)', statements: levelRecordings.get('zone') ?? [] },
    {
      name: 'zone page KPIs, cold',
      statements: forOneZone(levelRecordings.get('zone') ?? [], sampleZones[0] as string),
    },
    ...ENDPOINTS.filter((e) => e !== 'kpis').map((e) => ({
      name: `zone page ${e}`,
      statements: zoneRecordings.get(e)?.[0] ?? [],
    })),
  ];
  const figures = await postgresSideBySide({
    duck: held.conns[0] as NonNullable<(typeof held.conns)[0]>,
    recordings,
    measureOptions: mo,
    log: (line) => log(`  ${line}`),
  });
  if (figures !== null) {
    log(
      table(
        ['statement', 'DuckDB p50', 'DuckDB p95', 'PostgreSQL p50', 'PostgreSQL p95', 'PostgreSQL / DuckDB (p50)', 'n'],
        postgresTable(figures),
      ),
    );
    for (const f of figures) {
      const ratio = f.postgres.p50 / f.duckdb.p50;
      judge(`PostgreSQL 15 / DuckDB, ${f.name} (p50)`, 'printed', `${ratio.toFixed(2)}x`, null);
    }
  }
}

await held.release();
await bench.close();

// ---------------------------------------------------------------------------------------------
// [6] Import hook
if (!flag('no-import')) {
  log(`\n[6] Import: 1M incident rows from CSV, point-in-polygon against the zones   [load ${load()}, t+${elapsed()}]`);
  const { runImportBench } = await import('./import-bench.ts');
  const result = await runImportBench({ log: (line: string) => log(`  ${line}`), national: cache });
  judge(
    'import 1M incident rows (CSV, point-in-polygon)',
    '>= 200,000 rows/s',
    result.rowsPerSecond === null ? result.note : `${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s`,
    result.rowsPerSecond === null ? null : result.rowsPerSecond >= 200_000,
  );
}

// ---------------------------------------------------------------------------------------------
// [6b] Load test: 200 connections for 60 s while an import runs
if (!flag('no-load')) {
  log(
    `\n[6b] Load test: overview, unit and zone reads over real HTTP while an incident import runs   [load ${load()}, t+${elapsed()}]`,
  );
  const { runLoadTest } = await import('./load-test.ts');
  const r = await runLoadTest({ national: cache, log: (line) => log(`  ${line}`) });
  const l = r.load;
  log(
    `  ${l.requests.toLocaleString('en')} requests (${Math.round(l.perSecond).toLocaleString('en')}/s, ${bytes(l.bytesPerSecond)}/s); latency p50 ${l.latency.p50} ms, p90 ${l.latency.p90} ms, p99 ${l.latency.p99} ms, max ${l.latency.max} ms; errors ${l.errors}, timeouts ${l.timeouts}, non-2xx ${l.non2xx}`,
  );
  log(
    `  the import beside it: ${r.importMs === null ? 'failed' : `${(r.importMs / 1000).toFixed(1)} s`}${r.importOk ? '' : ' (refused or failed)'}`,
  );
  const failures = l.errors + l.timeouts + l.non2xx;
  judge(
    'load test: errors (errors + timeouts + non-2xx), 200 connections, 60 s, import running',
    '0',
    String(failures),
    failures === 0,
  );
  judge('load test: p99 latency', '<= 1 s', `${l.latency.p99} ms`, l.latency.p99 <= 1_000);
}

// ---------------------------------------------------------------------------------------------
// [7] Zone geometry, KML and the demo load (figures tests once asserted with a stopwatch)
if (!flag('no-geometry')) {
  log(`\n[7] Zone geometry, KML, demo load (p50 ms)   [load ${load()}, t+${elapsed()}]`);
  const { geometryFigures } = await import('./geometry-bench.ts');
  const figures = await geometryFigures(mo);
  log(
    table(
      ['figure', 'p50', 'note'],
      figures.map((f) => [f.figure, ms(f.p50), f.note]),
    ),
  );
  for (const f of figures) judge(f.figure, f.target, `${ms(f.p50)} ms`, f.p50 <= f.targetMs);
}

// ---------------------------------------------------------------------------------------------
// [8] PDF reports (real server, real Chromium, the demo's 25 zones)
if (!flag('no-reports')) await reportsSection();

// ---------------------------------------------------------------------------------------------
// [9] The first screen in Chromium (the built server on the national data set)
if (!flag('no-browser')) await browserSection(cache.path);

// [10] The resident survey under load (real server on loopback, its own throw-away database)
if (!flag('no-survey')) await surveySection();

// ---------------------------------------------------------------------------------------------
printSummary();
