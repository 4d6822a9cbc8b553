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
import { buildKpiItems } from '../../server/services/kpi-items.ts';
import { computeKpis } from '../../server/services/kpis.ts';
import { type RecordedStatement, type RecordingDatabase, replay } from './recording-db.ts';
import { assemblyInputs } from './service-parts.ts';
import { bytes, type MeasureOptions, measure, measureTogether, ms, type Summary } from './stats.ts';

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
 * Patch A (scoped requests only; the overview keeps today's SQL): crime_monthly cut, before any
 * aggregation, to the stations of the zones asked for and of their control zones. The query today
 * filters the zones (z) but aggregates the whole country's crime_monthly first. Written as two
 * plain `station_code IN (subquery)` parts so DuckDB can push the filter into the scan (an OR, or
 * `$allZones OR ...`, stops that): the service would pick this text only when zoneIds is not null.
 */
const PATCH_A: [string, string][] = [
  [
    'FROM crime_monthly WHERE list_contains($groups, crime_group) GROUP BY ALL',
    `FROM (
           SELECT * FROM crime_monthly WHERE station_code IN (SELECT station_code FROM z)
           UNION ALL
           SELECT * FROM crime_monthly
            WHERE station_code IN (SELECT c.station_code FROM zones c
                                    WHERE c.id IN (SELECT split_part(pair, '|', 2) FROM unnest($controlPairs) t(pair)
                                                    WHERE split_part(pair, '|', 1) IN (SELECT id FROM z)))
              AND station_code NOT IN (SELECT station_code FROM z)
         ) WHERE list_contains($groups, crime_group) GROUP BY ALL`,
  ],
];

/** Patch S (series): the zone's station named too, so a station-ordered crime_monthly is pruned. */
const PATCH_S: [string, string][] = [
  [
    'FROM crime_monthly WHERE zone_id = $zone',
    'FROM crime_monthly SEMI JOIN (SELECT station_code FROM zones WHERE id = $zone) USING (station_code) WHERE zone_id = $zone',
  ],
];

/** Runs a statement against another table in place of crime_monthly. */
const onTable = (s: RecordedStatement, table: string): RecordedStatement => ({
  ...s,
  sql: s.sql.replaceAll('FROM crime_monthly', `FROM ${table}`),
});

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

    // --- P2: + crime_monthly cut to the zone's stations before aggregating (patch A) ---------
    // --- P3: + crime_monthly stored in (station_code, zone_id, month) order ------------------
    // Compared on in-memory copies (temp tables live on one connection), so that only the row
    // order differs; the file as it is today is shown beside.
    await conn.run('CREATE OR REPLACE TEMP TABLE bench_cm_as_is AS SELECT * FROM crime_monthly');
    await conn.run(
      'CREATE OR REPLACE TEMP TABLE bench_cm_sorted AS SELECT * FROM crime_monthly ORDER BY station_code, zone_id, "month"',
    );
    const [withControls] = await db.all<{ id: string }>(
      `SELECT scope AS id FROM settings WHERE key = 'kpi' AND value::VARCHAR LIKE '%controlZones%' ORDER BY scope LIMIT 1`,
    );
    for (const id of [zone, ...(withControls ? [withControls.id] : [])]) {
      const statements = (
        await recorder.capture(() => computeKpis(recorder, [id], { level: 'zone', unit: id }))
      ).filter((s) => !s.writes);
      const crime = statements.find((s) => s.origin.includes('zone-crime-windows'));
      const crimeA = crime ? patched(crime, PATCH_A) : null;
      const label = id === zone ? 'the sample zone' : `${id}, a zone with control zones`;
      if (!crime || !crimeA) {
        lines.push(['P2 skipped: zoneCrimeWindows SQL changed (patch A anchor not found)', '', '', '']);
        break;
      }
      const reference = await rowsOf(conn, crime);
      const same =
        reference === (await rowsOf(conn, crimeA)) &&
        reference === (await rowsOf(conn, onTable(crimeA, 'bench_cm_sorted')));
      const f = await measureTogether(
        {
          file: () => replay([crime], [conn], 'sequential'),
          fileA: () => replay([crimeA], [conn], 'sequential'),
          asIsA: () => replay([onTable(crimeA, 'bench_cm_as_is')], [conn], 'sequential'),
          sortedA: () => replay([onTable(crimeA, 'bench_cm_sorted')], [conn], 'sequential'),
        },
        mo,
      );
      lines.push([
        `P2 zoneCrimeWindows for ${label}: crime_monthly cut to its stations first${same ? '' : ' (ROWS DIFFER!)'}`,
        fmt(f.file),
        fmt(f.fileA),
        gain(f.file, f.fileA),
      ]);
      lines.push([
        `P3   + crime_monthly stored in station order (in-memory copies: as is ${ms(f.asIsA.p50)} -> sorted)`,
        fmt(f.file),
        fmt(f.sortedA),
        gain(f.file, f.sortedA),
      ]);
    }
    const seriesStatements = await recorder.capture(async () => {
      const { zoneMonthlySeries } = await import('../../server/queries/zone-series.ts');
      await zoneMonthlySeries(recorder, zone);
    });
    const series = seriesStatements[0];
    const seriesS = series ? patched(series, PATCH_S) : null;
    if (series && seriesS) {
      const same = (await rowsOf(conn, series)) === (await rowsOf(conn, onTable(seriesS, 'bench_cm_sorted')));
      const f = await measureTogether(
        {
          file: () => replay([series], [conn], 'sequential'),
          asIs: () => replay([onTable(series, 'bench_cm_as_is')], [conn], 'sequential'),
          sorted: () => replay([onTable(seriesS, 'bench_cm_sorted')], [conn], 'sequential'),
        },
        mo,
      );
      lines.push([
        `P3 series SQL, station-ordered crime_monthly + the zone's station in the filter${same ? '' : ' (ROWS DIFFER!)'} (in-memory as is ${ms(f.asIs.p50)})`,
        fmt(f.file),
        fmt(f.sorted),
        gain(f.file, f.sorted),
      ]);
    }
    await conn.run('DROP TABLE bench_cm_as_is; DROP TABLE bench_cm_sorted');
  }

  // --- P4: overview served from a KPI snapshot ------------------------------------------------
  {
    // The snapshot: computeKpis once per (level, period) for a data/settings version, kept as JSON
    // text; scoped users get their zones filtered from it (not prototyped: national scope here).
    // Built the way a snapshot would be: the queries once, then the assembly of each level.
    const snapshot = new Map<string, string>();
    const levels = ['zone', 'station', 'division', 'bureau', 'national'] as const;
    const started = performance.now();
    const inputs = await assemblyInputs(recorder, { level: 'zone' });
    const queriesMs = performance.now() - started;
    for (const level of levels)
      snapshot.set(
        level,
        JSON.stringify({ level, period: null, settings: inputs.programme, items: buildKpiItems(inputs, level) }),
      );
    const buildMs = performance.now() - started;
    const deps: AppDeps = { db, version: 'bench', secureCookies: false, maxUploadBytes: 1 };
    const app = new Hono<AppEnv>()
      .use('/api/*', authMiddleware(deps))
      .get('/api/kpis', (c) =>
        c.body(snapshot.get(c.req.query('level') ?? 'zone') ?? '{}', 200, { 'content-type': 'application/json' }),
      );
    const get = async (level: string) => {
      const res = await app.request(`/api/kpis?level=${level}`, { headers: ctx.headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`snapshot app answered ${res.status}`);
    };
    const page = await measure(() => Promise.all(['zone', 'national', 'bureau'].map(get)), mo);
    const all = await measure(() => Promise.all(levels.map(get)), mo);
    lines.push([
      `P4 overview page from a KPI snapshot (JSON per level; built in ${(buildMs / 1000).toFixed(1)} s: queries ${(queriesMs / 1000).toFixed(1)} s + 5 assemblies)`,
      'see [1]',
      fmt(page),
      '',
    ]);
    lines.push(['    all 5 levels in parallel from the snapshot', 'see [1]', fmt(all), '']);

    // --- P5: what the zone-level payload is made of --------------------------------------------
    const body = JSON.parse(snapshot.get('zone') ?? '{}') as { items?: Record<string, unknown>[] };
    const items = body.items ?? [];
    const total = Buffer.byteLength(JSON.stringify(items));
    const without = (drop: (item: Record<string, unknown>) => unknown) =>
      Buffer.byteLength(JSON.stringify(items.map(drop)));
    const stripMethods = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(stripMethods)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .filter(([k]) => k !== 'method')
                .map(([k, x]) => [k, stripMethods(x)]),
            )
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
        crime: {
          changePct: f('crime').changePct,
          status: f('crime').status,
          after: f('crime').after,
          baseline: f('crime').baseline,
        },
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
