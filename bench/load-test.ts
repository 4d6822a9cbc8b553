/**
 * Load test (issue: "200 connections for 60 s on a mix of overview, unit and zone reads while an
 * incident import runs: 0 errors, p99 <= 1 s, figures printed").
 *
 * The real app on a loopback port over a COPY of the national data set (the import writes into
 * it; the cached file stays as it is); autocannon in a child process (lib/load-client.ts); the
 * bench's 1M-row incidents CSV imported through the product's pipeline in the server's process,
 * as an upload is, started with the load.
 */
import { fork } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchCsv, importIncidentsInto } from './import-bench.ts';
import { openBenchApp, serveLoopback } from './lib/harness.ts';
import type { LoadJob, LoadResult } from './lib/load-client.ts';
import { cacheDir } from './lib/national.ts';
import { stopwatch } from './lib/stats.ts';

type Log = (line: string) => void;

export interface LoadTestResult {
  load: LoadResult;
  importMs: number | null;
  importOk: boolean;
  paths: string[];
  connections: number;
  seconds: number;
}

export async function runLoadTest(o: {
  national: { path: string; info: { key: string } };
  log: Log;
  connections?: number;
  durationSeconds?: number;
}): Promise<LoadTestResult> {
  const csvPath = await benchCsv(o.national, o.log);
  const runPath = `${cacheDir}load-run.duckdb`;
  rmSync(runPath, { force: true });
  rmSync(`${runPath}.wal`, { force: true });
  copyFileSync(o.national.path, runPath);
  const bench = await openBenchApp(runPath);
  const server = await serveLoopback(bench.fetchApp);
  try {
    const pick = async (sql: string) => (await bench.db.all<{ v: string }>(sql)).map((r) => r.v);
    const zones = await pick(`SELECT id AS v FROM zones ORDER BY hash(id) LIMIT 6`);
    const stations = await pick(`SELECT station_code AS v FROM zones GROUP BY 1 ORDER BY hash(v) LIMIT 3`);
    const bureaus = await pick(`SELECT DISTINCT bureau_code AS v FROM divisions ORDER BY 1 LIMIT 2`);
    const paths = [
      '/api/kpis?level=zone',
      '/api/kpis?level=national',
      '/api/kpis?level=bureau',
      ...bureaus.map((b) => `/api/units/${encodeURIComponent(b)}`),
      ...stations.map((s) => `/api/units/${encodeURIComponent(s)}`),
      ...zones.flatMap((z) => [
        `/api/kpis?level=zone&unit=${encodeURIComponent(z)}`,
        `/api/zones/${encodeURIComponent(z)}/series`,
        `/api/zones/${encodeURIComponent(z)}/survey`,
      ]),
    ];
    // Warm, as a running server is: every path answered once.
    for (const p of paths) {
      const res = await fetch(`${server.base}${p}`, { headers: bench.headers });
      if (!res.ok) throw new Error(`${p} answered ${res.status} before the load`);
      await res.arrayBuffer();
    }
    const job: LoadJob = {
      base: server.base,
      paths,
      headers: bench.headers,
      connections: o.connections ?? 200,
      durationSeconds: o.durationSeconds ?? Number(process.env.BENCH_LOAD_SECONDS ?? 60),
    };
    o.log(
      `${job.connections} connections for ${job.durationSeconds} s over ${paths.length} paths (overview levels, ${bureaus.length + stations.length} unit pages, ${zones.length} zones' KPIs, series and survey), an import of ${csvPath.slice(cacheDir.length)} started with it`,
    );
    const client = fork(fileURLToPath(new URL('./lib/load-client.ts', import.meta.url)), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const loadDone = new Promise<LoadResult>((resolve, reject) => {
      client.once('message', (m) => resolve(m as LoadResult));
      client.once('exit', (code) => reject(new Error(`the load client ended (${code}) without a result`)));
    });
    client.send(job);
    const t = stopwatch();
    const imported = importIncidentsInto(bench.db, csvPath).then(
      (r) => ({ ok: r.ok, ms: t() }),
      () => ({ ok: false, ms: null }),
    );
    const load = await loadDone;
    const imp = await imported;
    return {
      load,
      importMs: imp.ms,
      importOk: imp.ok,
      paths,
      connections: job.connections,
      seconds: job.durationSeconds,
    };
  } finally {
    await server.close();
    await bench.close();
    rmSync(runPath, { force: true });
    rmSync(`${runPath}.wal`, { force: true });
  }
}
