/**
 * The load test's client, in its own process (forked by bench/load-test.ts) so that making 200
 * connections' requests never shares an event loop with the server it measures. Reads its job
 * from the parent, runs autocannon, sends the result back.
 */
import autocannon from 'autocannon';

export interface LoadJob {
  base: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerSecond: number;
}

process.once('message', async (job: LoadJob) => {
  const r = await autocannon({
    url: job.base,
    connections: job.connections,
    duration: job.durationSeconds,
    headers: job.headers,
    // Each connection walks the list in order, again and again: an even mix.
    requests: job.paths.map((path) => ({ method: 'GET', path })),
  });
  const result: LoadResult = {
    requests: r.requests.total,
    perSecond: r.requests.average,
    latency: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    bytesPerSecond: r.throughput.average,
  };
  process.send?.(result, () => process.exit(0));
});
