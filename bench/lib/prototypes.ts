/**
 * Bench-local prototypes of the fixes proposed in the bench report, to show what each would gain.
 * Nothing here changes the server: SQL prototypes patch the text of the statement the server
 * actually ran (recorded), so they follow the server's current SQL; when the text they anchor on
 * is gone (the server changed), the prototype says "skipped" instead of measuring a stale copy.
 * Every prototype first checks that it gives the same answer as the server does today.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { Hono } from 'hono';
import { authMiddleware } from '../../server/auth/middleware.ts';
import type { Database } from '../../server/db/database.ts';
import type { AppDeps, AppEnv } from '../../server/env.ts';
import { computeKpis } from '../../server/services/kpis.ts';
import { type RecordedStatement, type RecordingDatabase, replay } from './recording-db.ts';
import { bytes, type MeasureOptions, measure, ms, type Summary } from './stats.ts';

export interface PrototypeContext {
  db: Database;
  recorder: RecordingDatabase;
  sampleZones: string[];
  measureOptions: Partial<MeasureOptions>;
  held: DuckDBConnection[];
  headers: Record<string, string>;
  log: (line: string) => void;
}

/** JSON with object keys sorted: the server's key order follows row order, which SQL leaves open. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const fmt = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)}`;
const gain = (before: Summary, after: Summary) => `${(before.p50 / after.p50).toFixed(1)}x`;

/** A statement with its SQL replaced; null when the anchor text is not in it. */
function patched(s: RecordedStatement, edits: readonly [string, string][]): RecordedStatement | null {
  let sql = s.sql;
  for (const [from, to] of edits) {
    if (!sql.includes(from)) return null;
    sql = sql.replace(from, to);
  }
  return { ...s, sql };
}

async function rowsOf(conn: DuckDBConnection, s: RecordedStatement): Promise<string> {
  const reader = await conn.runAndReadAll(s.sql, s.values, s.types);
  return canonical(reader.getRowObjectsJson());
}

/**
 * Patch A: crime_monthly cut to the in-scope zones' stations (and their control zones) before any
 * aggregation. The query already filters the zones (z) but aggregates the whole country's months.
 */
const PATCH_A: [string, string][] = [
  [
    'FROM crime_monthly WHERE list_contains($groups, crime_group) GROUP BY ALL',
    `FROM crime_monthly WHERE list_contains($groups, crime_group)
           AND ($allZones OR station_code IN (SELECT station_code FROM z)
                OR zone_id IN (SELECT split_part(pair, '|', 2) FROM unnest($controlPairs) t(pair)))
         GROUP BY ALL`,
  ],
];

export async function prototypeFigures(ctx: PrototypeContext): Promise<string[][]> {
  const { db, recorder, sampleZones, held } = ctx;
  const mo = ctx.measureOptions;
  const lines: string[][] = [];
  const conn = held[0];
  if (!conn) throw new Error('no held connection');
  const zone = sampleZones[0] as string;

  // --- P1: one zone's KPIs computed for that zone only --------------------------------------
  {
    const now = await measure(() => computeKpis(db, null, { level: 'zone', unit: zone }), mo);
    const fix = await measure(() => computeKpis(db, [zone], { level: 'zone', unit: zone }), mo);
    const same =
      canonical((await computeKpis(db, null, { level: 'zone', unit: zone })).items) ===
      canonical((await computeKpis(db, [zone], { level: 'zone', unit: zone })).items);
    lines.push([
      `P1 kpis?unit=ID: computeKpis(db, [unit]) instead of all zones${same ? '' : ' (RESULT DIFFERS!)'}`,
      fmt(now),
      fmt(fix),
      gain(now, fix),
    ]);

    // --- P2: + crime_monthly cut to the zone's station before aggregating (patch A) -----------
    const statements = (await recorder.capture(() => computeKpis(recorder, [zone], { level: 'zone', unit: zone }))).filter(
      (s) => !s.writes,
    );
    const crime = statements.find((s) => s.origin.includes('zone-crime-windows'));
    const crimeA = crime ? patched(crime, PATCH_A) : null;
    if (crime && crimeA) {
      const sameA = (await rowsOf(conn, crime)) === (await rowsOf(conn, crimeA));
      const withA = statements.map((s) => (s === crime ? crimeA : s));
      const before = await measure(() => replay(statements, held, 'parallel-stages'), mo);
      const after = await measure(() => replay(withA, held, 'parallel-stages'), mo);
      lines.push([
        `P2 + zoneCrimeWindows SQL: crime_monthly cut to the zone's station first (SQL of P1, raw)${sameA ? '' : ' (ROWS DIFFER!)'}`,
        fmt(before),
        fmt(after),
        gain(before, after),
      ]);
      const service = await measure(async () => {
        // P1 + P2 as the service would run them: the narrowed statements with the patched crime SQL
        // on fresh connections, rows converted, then the same assembly (computeKpis' own, on one zone).
        await Promise.all(withA.map((s) => db.withConnection(async (c) => (await c.runAndReadAll(s.sql, s.values, s.types)).getRowObjectsJson())));
      }, mo);
      lines.push(['    P1+P2 statements with row conversion, on fresh connections (as db.all)', '', fmt(service), '']);
    } else {
      lines.push(['P2 skipped: zoneCrimeWindows SQL changed (patch A anchor not found)', '', '', '']);
    }
  }

  // --- P3: series lookup on crime_monthly stored in zone order -------------------------------
  {
    const statements = await recorder.capture(async () => {
      const { zoneMonthlySeries } = await import('../../server/queries/zone-series.ts');
      await zoneMonthlySeries(recorder, zone);
    });
    const series = statements[0];
    if (series?.sql.includes('FROM crime_monthly')) {
      // Temp tables live on one connection: both copies in memory, so only the row order differs.
      await conn.run('CREATE OR REPLACE TEMP TABLE bench_cm_as_is AS SELECT * FROM crime_monthly');
      await conn.run('CREATE OR REPLACE TEMP TABLE bench_cm_sorted AS SELECT * FROM crime_monthly ORDER BY zone_id, "month"');
      const on = (table: string) => ({ ...series, sql: series.sql.replace('FROM crime_monthly', `FROM ${table}`) });
      const same = (await rowsOf(conn, on('bench_cm_as_is'))) === (await rowsOf(conn, on('bench_cm_sorted')));
      const onDisk = await measure(() => replay([series], [conn], 'sequential'), mo);
      const asIs = await measure(() => replay([on('bench_cm_as_is')], [conn], 'sequential'), mo);
      const sorted = await measure(() => replay([on('bench_cm_sorted')], [conn], 'sequential'), mo);
      await conn.run('DROP TABLE bench_cm_as_is; DROP TABLE bench_cm_sorted');
      lines.push([
        `P3 series SQL: crime_monthly written in (zone_id, month) order by refreshAggregates${same ? '' : ' (ROWS DIFFER!)'}`,
        `${fmt(asIs)} (file: ${ms(onDisk.p50)})`,
        fmt(sorted),
        gain(asIs, sorted),
      ]);
    }
  }

  // --- P4: overview served from a KPI snapshot ------------------------------------------------
  {
    // The snapshot: computeKpis once per (level, period) for a data/settings version, kept as JSON
    // text; scoped users get their zones filtered from it (not prototyped: national scope here).
    const snapshot = new Map<string, string>();
    const levels = ['zone', 'station', 'division', 'bureau', 'national'] as const;
    const started = performance.now();
    for (const level of levels) snapshot.set(level, JSON.stringify(await computeKpis(db, null, { level })));
    const buildMs = performance.now() - started;
    const deps: AppDeps = { db, version: 'bench', secureCookies: false, maxUploadBytes: 1 };
    const app = new Hono<AppEnv>()
      .use('/api/*', authMiddleware(deps))
      .get('/api/kpis', (c) => c.body(snapshot.get(c.req.query('level') ?? 'zone') ?? '{}', 200, { 'content-type': 'application/json' }));
    const get = async (level: string) => {
      const res = await app.request(`/api/kpis?level=${level}`, { headers: ctx.headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`snapshot app answered ${res.status}`);
    };
    const page = await measure(() => Promise.all(['zone', 'national', 'bureau'].map(get)), mo);
    const all = await measure(() => Promise.all(levels.map(get)), mo);
    lines.push([
      `P4 overview page from a KPI snapshot (JSON kept per level; rebuilt in ${(buildMs / 1000).toFixed(1)} s after an import/settings change)`,
      'see [1]',
      fmt(page),
      '',
    ]);
    lines.push(['    all 5 levels in parallel from the snapshot', 'see [1]', fmt(all), '']);

    // --- P5: what the zone-level payload is made of --------------------------------------------
    const body = JSON.parse(snapshot.get('zone') ?? '{}') as { items?: Record<string, unknown>[] };
    const items = body.items ?? [];
    const total = Buffer.byteLength(JSON.stringify(items));
    const without = (drop: (item: Record<string, unknown>) => unknown) => Buffer.byteLength(JSON.stringify(items.map(drop)));
    const stripMethods = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(stripMethods)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'method').map(([k, x]) => [k, stripMethods(x)]))
          : v;
    const noMethods = without((i) => stripMethods(i));
    const minimal = without((i) => {
      const f = (k: string) => i[k] as Record<string, unknown>;
      return {
        id: i.id,
        nameTh: i.nameTh,
        nameEn: i.nameEn,
        parentId: i.parentId,
        overall: i.overall,
        fear: { value: f('fear').value, status: f('fear').status, n: f('fear').n },
        trust: { value: f('trust').value, status: f('trust').status, n: f('trust').n },
        crime: { changePct: f('crime').changePct, status: f('crime').status, after: f('crime').after, baseline: f('crime').baseline },
      };
    });
    lines.push([
      `P5 level=zone payload: ${items.length} items, ${bytes(total)}; without the per-item "method" blocks ${bytes(noMethods)}; a table-row shape ${bytes(minimal)}`,
      '',
      '',
      '',
    ]);
  }
  return lines;
}
