/**
 * The overview's and the zone page's SQL on PostgreSQL 15, side by side with DuckDB on the same
 * aggregate tables (issue: "side by side in the same run ... the ratio printed").
 *
 * PostgreSQL is Debian's package (installed by apt-get when it is missing and the bench runs as
 * root), started here in a temporary folder on loopback with fsync off, and stopped after. The
 * tables the two statements read (zones, station_coverage, crime_monthly, survey_agg) are copied
 * from the bench's DuckDB file as CSV and indexed as a PostgreSQL user would index them.
 *
 * The statements are the server's own, as the request recorded them (values included): the
 * DuckDB side replays the recording; the PostgreSQL side is the same query written in PostgreSQL's
 * dialect (no list_contains, GROUP BY ALL, strftime, to_months or datediff there), checked to give
 * the same answer before it is timed. Bench-local: the product runs on DuckDB only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, type DuckDBValue, listValue } from '@duckdb/node-api';
import pg from 'pg';
import type { RecordedStatement } from './lib/recording-db.ts';
import { type MeasureOptions, measureTogether, ms, type Summary } from './lib/stats.ts';

type Log = (line: string) => void;

export interface PostgresFigure {
  name: string;
  duckdb: Summary;
  postgres: Summary;
}

const BIN_DIRS = ['/usr/lib/postgresql/15/bin'];

function findBin(): string | null {
  for (const dir of BIN_DIRS) if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  return null;
}

/** The binaries' folder, installing Debian's package when missing and allowed; null = cannot. */
function ensurePostgres(log: Log): string | null {
  const found = findBin();
  if (found !== null) return found;
  if (userInfo().uid !== 0) return null;
  log('PostgreSQL 15 not found: apt-get install -y postgresql-15 ...');
  const apt = spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq postgresql-15'], {
    stdio: 'ignore',
    timeout: 300_000,
  });
  return apt.status === 0 ? findBin() : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

interface Cluster {
  dir: string;
  port: number;
  stop(): void;
}

/** initdb + pg_ctl start in a fresh temporary folder (as the postgres user when run as root). */
async function startCluster(bin: string): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'ssz-pg-'));
  const asRoot = userInfo().uid === 0;
  let owner: { uid: number; gid: number } | null = null;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    owner = { uid: id('-u'), gid: id('-g') };
    chownSync(dir, owner.uid, owner.gid);
  }
  chmodSync(dir, 0o755);
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'bench', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
  const port = await freePort();
  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c shared_buffers=512MB',
    '-c work_mem=64MB',
    '-c max_parallel_workers_per_gather=2',
  ].join(' ');
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', 'start']);
  return {
    dir,
    port,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const TABLES: { name: string; ddl: string; select: string; indexes: string[] }[] = [
  {
    name: 'zones',
    ddl: 'id TEXT PRIMARY KEY, station_code TEXT NOT NULL, start_date DATE',
    select: 'SELECT id, station_code, start_date FROM zones',
    indexes: [],
  },
  {
    name: 'station_coverage',
    ddl: 'station_code TEXT PRIMARY KEY, first_month DATE, last_month DATE',
    select: 'SELECT station_code, first_month, last_month FROM station_coverage',
    indexes: [],
  },
  {
    name: 'crime_monthly',
    ddl: 'area TEXT, zone_id TEXT, station_code TEXT, "month" DATE, crime_group INTEGER, cases INTEGER',
    select: 'SELECT area, zone_id, station_code, "month", crime_group, cases FROM crime_monthly',
    indexes: ['(zone_id, "month")', '(station_code, "month")'],
  },
  {
    name: 'survey_agg',
    ddl: `zone_id TEXT, item TEXT, sample_type TEXT, wave TEXT, wave_date DATE, scale_levels INTEGER,
          status TEXT, level INTEGER, n INTEGER, sum_w DOUBLE PRECISION, sum_w2 DOUBLE PRECISION, codebook_id INTEGER`,
    select: `SELECT zone_id, item, sample_type, wave, wave_date, scale_levels, status, level, n, sum_w, sum_w2, codebook_id
               FROM survey_agg`,
    indexes: ['(zone_id, sample_type, wave)'],
  },
];

/** Copies the aggregate tables from DuckDB into PostgreSQL (CSV through the cluster's folder). */
async function loadTables(duck: DuckDBConnection, client: pg.Client, cluster: Cluster, log: Log): Promise<void> {
  for (const t of TABLES) {
    const file = join(cluster.dir, `${t.name}.csv`);
    await duck.run(`COPY (${t.select}) TO '${file}' (HEADER false, DELIMITER ',')`);
    chmodSync(file, 0o644);
    await client.query(`CREATE TABLE ${t.name} (${t.ddl})`);
    await client.query(`COPY ${t.name} FROM '${file}' (FORMAT csv)`);
    for (const cols of t.indexes) await client.query(`CREATE INDEX ON ${t.name} ${cols}`);
    rmSync(file);
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${t.name}`);
    log(`  ${t.name}: ${Number(rows[0]?.n ?? 0).toLocaleString('en')} rows`);
  }
  await client.query('VACUUM ANALYZE');
}

// The server's statements in PostgreSQL's dialect (queries/zone-crime-windows.ts,
// queries/zone-series.ts, queries/zone-survey-tallies.ts). $n are bound below from the recording.
const CRIME_WINDOWS_PG = `
WITH z AS (
  SELECT id, station_code, date_trunc('month', start_date)::DATE AS start_m,
         ($6 = 'previous') <> (id = ANY($7::TEXT[])) AS use_previous
    FROM zones WHERE $1::BOOLEAN OR id = ANY($2::TEXT[])
),
win AS (
  SELECT z.*, c.first_month AS first_m, least(c.last_month, $5::DATE) AS last_m
    FROM z LEFT JOIN station_coverage c USING (station_code)
),
after_m AS (
  SELECT id, station_code, start_m, first_m, use_previous, m::DATE AS m
    FROM win, generate_series(greatest(start_m, coalesce($3::DATE, start_m), first_m)::TIMESTAMP,
                              least(coalesce($4::DATE, last_m), last_m)::TIMESTAMP, INTERVAL '1 month') AS m
   WHERE first_m IS NOT NULL
),
numbered AS (
  SELECT *, (row_number() OVER (PARTITION BY id ORDER BY m) - 1)::INTEGER AS i,
         count(*) OVER (PARTITION BY id)::INTEGER AS len
    FROM after_m
),
pairs AS (
  SELECT id, station_code, m, len, first_m,
         CASE WHEN use_previous THEN start_m - make_interval(months => len - i)
              ELSE start_m + make_interval(months => (((extract(year FROM m) - extract(year FROM start_m)) * 12
                     + extract(month FROM m) - extract(month FROM start_m))::INTEGER % 12) - 12) END::DATE AS b
    FROM numbered
),
cm AS (
  SELECT area, zone_id, station_code, "month", sum(cases)::INTEGER AS cases
    FROM crime_monthly WHERE crime_group = ANY($8::INTEGER[]) GROUP BY 1, 2, 3, 4
),
zone_m AS (
  SELECT zone_id, "month", sum(cases) FILTER (WHERE area = 'zone') AS zc, sum(cases) FILTER (WHERE area = 'ring') AS rc
    FROM cm WHERE area IN ('zone', 'ring') GROUP BY 1, 2
),
station_m AS (
  SELECT station_code, "month",
         coalesce(sum(cases) FILTER (WHERE area = 'station'), 0) - coalesce(sum(cases) FILTER (WHERE area = 'zone'), 0) AS rest
    FROM cm WHERE area IN ('zone', 'station') GROUP BY 1, 2
),
controls AS (
  SELECT split_part(pair, '|', 1) AS zone_id, split_part(pair, '|', 2) AS control_id FROM unnest($9::TEXT[]) t(pair)
),
control_m AS (
  SELECT c.zone_id, zm."month", sum(zm.zc) AS cc FROM controls c JOIN zone_m zm ON zm.zone_id = c.control_id GROUP BY 1, 2
),
agg AS (
  SELECT p.id, min(p.len) AS len, min(p.m) AS after_from, max(p.m) AS after_to, min(p.b) AS base_from, max(p.b) AS base_to,
         min(p.b) >= min(p.first_m) AS complete,
         sum(coalesce(za.zc, 0)) AS after, sum(coalesce(zb.zc, 0)) AS baseline,
         sum(coalesce(za.rc, 0)) AS ring_after, sum(coalesce(zb.rc, 0)) AS ring_baseline,
         sum(coalesce(sa.rest, 0)) AS rest_after, sum(coalesce(sb.rest, 0)) AS rest_baseline,
         sum(coalesce(ca.cc, 0)) AS control_after, sum(coalesce(cb.cc, 0)) AS control_baseline
    FROM pairs p
    LEFT JOIN zone_m za ON za.zone_id = p.id AND za."month" = p.m
    LEFT JOIN zone_m zb ON zb.zone_id = p.id AND zb."month" = p.b
    LEFT JOIN station_m sa ON sa.station_code = p.station_code AND sa."month" = p.m
    LEFT JOIN station_m sb ON sb.station_code = p.station_code AND sb."month" = p.b
    LEFT JOIN control_m ca ON ca.zone_id = p.id AND ca."month" = p.m
    LEFT JOIN control_m cb ON cb.zone_id = p.id AND cb."month" = p.b
   GROUP BY p.id
)
SELECT w.id AS "zoneId", coalesce(a.len, 0)::INTEGER AS months,
       to_char(a.after_from, 'YYYY-MM') AS "afterFrom", to_char(a.after_to, 'YYYY-MM') AS "afterTo",
       to_char(a.base_from, 'YYYY-MM') AS "baselineFrom", to_char(a.base_to, 'YYYY-MM') AS "baselineTo",
       coalesce(a.complete, false) AS complete,
       coalesce(a.after, 0)::INTEGER AS after, coalesce(a.baseline, 0)::INTEGER AS baseline,
       coalesce(a.ring_after, 0)::INTEGER AS "ringAfter", coalesce(a.ring_baseline, 0)::INTEGER AS "ringBaseline",
       coalesce(a.rest_after, 0)::INTEGER AS "restAfter", coalesce(a.rest_baseline, 0)::INTEGER AS "restBaseline",
       CASE WHEN w.id IN (SELECT zone_id FROM controls) THEN a.control_after::INTEGER END AS "controlAfter",
       CASE WHEN w.id IN (SELECT zone_id FROM controls) THEN a.control_baseline::INTEGER END AS "controlBaseline",
       to_char(w.first_m, 'YYYY-MM') AS "stationFirstMonth", to_char(w.last_m, 'YYYY-MM') AS "stationLastMonth"
  FROM win w LEFT JOIN agg a ON a.id = w.id
 ORDER BY w.id`;

const SERIES_PG = `
SELECT to_char("month", 'YYYY-MM') AS month, crime_group AS "crimeGroup",
       coalesce(sum(cases) FILTER (WHERE area = 'zone'), 0)::INTEGER AS zone,
       coalesce(sum(cases) FILTER (WHERE area = 'ring'), 0)::INTEGER AS ring
  FROM crime_monthly WHERE zone_id = $1 AND area IN ('zone', 'ring')
 GROUP BY 1, 2 ORDER BY 1, 2`;

const SURVEY_PG = `
WITH a AS (
  SELECT * FROM survey_agg WHERE $1::BOOLEAN OR zone_id = ANY($2::TEXT[])
),
waves AS (
  SELECT a.zone_id, a.sample_type, a.wave, max(a.wave_date) AS wave_date, min(z.start_date) AS start_date
    FROM a JOIN zones z ON z.id = a.zone_id GROUP BY 1, 2, 3
),
in_period AS (
  SELECT *, row_number() OVER (PARTITION BY zone_id, sample_type ORDER BY wave_date DESC, wave DESC) AS recency
    FROM waves
   WHERE ($3::DATE IS NULL OR wave_date >= $3::DATE) AND ($4::DATE IS NULL OR wave_date <= $4::DATE)
),
before_start AS (
  SELECT *, row_number() OVER (PARTITION BY zone_id, sample_type ORDER BY wave_date DESC, wave DESC) AS recency
    FROM waves WHERE wave_date < start_date
),
chosen AS (
  SELECT zone_id, sample_type, wave, 'current' AS selection FROM in_period WHERE $5 = 'all_in_period' OR recency = 1
  UNION ALL
  SELECT zone_id, sample_type, wave, 'baseline' FROM before_start WHERE recency = 1
)
SELECT a.zone_id AS "zoneId", a.item, a.sample_type AS "sampleType", c.selection, a.wave,
       to_char(a.wave_date, 'YYYY-MM-DD') AS "waveDate", a.scale_levels AS "scaleLevels",
       a.status, a.level, a.n, a.sum_w AS "sumW", a.sum_w2 AS "sumW2", a.codebook_id AS "codebookId"
  FROM chosen c JOIN a USING (zone_id, sample_type, wave)
 ORDER BY 1, 2, 3, 4`;

const SURVEY_WAVES_PG = `
SELECT wave, to_char(max(wave_date) OVER (PARTITION BY wave), 'YYYY-MM-DD') AS "waveDate",
       sample_type AS "sampleType", item, scale_levels AS "scaleLevels", status, level, n, sum_w AS "sumW", sum_w2 AS "sumW2",
       codebook_id AS "codebookId"
  FROM survey_agg WHERE zone_id = $1
 ORDER BY "waveDate", wave, "sampleType", item, level NULLS LAST`;

/** A recorded DuckDB value as a PostgreSQL parameter (lists arrive as DuckDB list values). */
function plain(v: DuckDBValue | undefined): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object' && 'items' in (v as object)) return (v as { items: DuckDBValue[] }).items.map(plain);
  if (typeof v === 'bigint') return Number(v);
  return v;
}

interface Translation {
  sql: string;
  params(values: Record<string, DuckDBValue>): unknown[];
}

/** Each server query module's statement, by the origin the recording names. */
const TRANSLATIONS: { origin: RegExp; pg: Translation }[] = [
  {
    origin: /zone-crime-windows\.ts/,
    pg: {
      sql: CRIME_WINDOWS_PG,
      params: (v) =>
        [
          'allZones',
          'zones',
          'from',
          'to',
          'lastComplete',
          'defaultBaseline',
          'exceptions',
          'groups',
          'controlPairs',
        ].map((k) => plain(v[k])),
    },
  },
  { origin: /zone-series\.ts zoneMonthlySeries/, pg: { sql: SERIES_PG, params: (v) => [plain(v.zone)] } },
  { origin: /zone-survey-waves\.ts/, pg: { sql: SURVEY_WAVES_PG, params: (v) => [plain(v.zone)] } },
  {
    origin: /zone-survey-tallies\.ts/,
    pg: {
      sql: SURVEY_PG,
      params: (v) => ['allZones', 'zones', 'fromDate', 'toDate', 'rule'].map((k) => plain(v[k])),
    },
  },
];

/** Rows as comparable text, in any order (ties sort differently): sums of doubles rounded to 12 digits. */
const canonical = (rows: Record<string, unknown>[]): string =>
  rows
    .map((r) =>
      JSON.stringify(r, (_k, v: unknown) =>
        typeof v === 'number' ? Number(v.toPrecision(12)) : typeof v === 'bigint' ? Number(v) : v,
      ),
    )
    .sort()
    .join('\n');

/**
 * The zone page's KPI statements as they run when the server's all-zones cache is cold: the
 * overview's crime-window and survey statements for one zone (the bench's warm zone request is
 * answered from that cache and runs none).
 */
export function forOneZone(overview: readonly RecordedStatement[], zone: string): RecordedStatement[] {
  return overview
    .filter((s) => /zone-crime-windows\.ts|zone-survey-tallies\.ts/.test(s.origin))
    .map((s) => ({ ...s, values: { ...s.values, allZones: false, zones: listValue([zone]) } }));
}

export interface PostgresSideOptions {
  duck: DuckDBConnection;
  /** Recorded requests by figure name: each figure's statements that have a translation are compared. */
  recordings: { name: string; statements: RecordedStatement[] }[];
  measureOptions: Partial<MeasureOptions>;
  log: Log;
}

/** The figures, or null (one line said why) when PostgreSQL cannot be had. */
export async function postgresSideBySide(o: PostgresSideOptions): Promise<PostgresFigure[] | null> {
  const bin = ensurePostgres(o.log);
  if (bin === null) {
    o.log('PostgreSQL 15 side by side: skipped (PostgreSQL 15 is not installed and cannot be installed here)');
    return null;
  }
  let cluster: Cluster;
  try {
    cluster = await startCluster(bin);
  } catch (error) {
    o.log(`PostgreSQL 15 side by side: skipped (it would not start: ${String(error).slice(0, 200)})`);
    return null;
  }
  const client = new pg.Client({ host: '127.0.0.1', port: cluster.port, user: 'bench', database: 'postgres' });
  // Dates as the 'YYYY-MM-DD' text DuckDB's statements compare with.
  client.setTypeParser(1082, (v: string) => v);
  try {
    await client.connect();
    o.log(
      `PostgreSQL ${(await client.query('SHOW server_version')).rows[0]?.server_version} on 127.0.0.1:${cluster.port}`,
    );
    await loadTables(o.duck, client, cluster, o.log);
    const figures: PostgresFigure[] = [];
    for (const r of o.recordings) {
      const pairs = r.statements.flatMap((s) => {
        const t = TRANSLATIONS.find((x) => x.origin.test(s.origin));
        return t === undefined ? [] : [{ s, t: t.pg }];
      });
      if (pairs.length === 0) {
        const origins = [...new Set(r.statements.map((s) => s.origin))].join(', ');
        o.log(
          `  ${r.name}: none of its statements has a PostgreSQL version here (${origins || 'no SQL: answered from the cache'})`,
        );
        continue;
      }
      for (const { s, t } of pairs) {
        const params = t.params(s.values ?? {});
        const duckRows = (await o.duck.runAndReadAll(s.sql, s.values, s.types)).getRowObjectsJson();
        const pgRows = (await client.query(t.sql, params)).rows as Record<string, unknown>[];
        const same = canonical(duckRows as Record<string, unknown>[]) === canonical(pgRows);
        if (!same) {
          o.log(
            `  ${r.name} ${s.origin}: PostgreSQL's answer differs from DuckDB's (${pgRows.length} vs ${duckRows.length} rows): not timed`,
          );
          continue;
        }
        const m = await measureTogether(
          {
            duckdb: () => o.duck.runAndReadAll(s.sql, s.values, s.types),
            postgres: () => client.query(t.sql, params),
          },
          o.measureOptions,
        );
        figures.push({ name: `${r.name}: ${s.origin.split(' ')[0]} (${duckRows.length} rows)`, ...m });
      }
    }
    return figures;
  } finally {
    await client.end().catch(() => undefined);
    cluster.stop();
  }
}

export const postgresTable = (figures: PostgresFigure[]): string[][] =>
  figures.map((f) => [
    f.name,
    ms(f.duckdb.p50),
    ms(f.duckdb.p95),
    ms(f.postgres.p50),
    ms(f.postgres.p95),
    `${(f.postgres.p50 / f.duckdb.p50).toFixed(2)}x`,
    String(f.duckdb.n),
  ]);
