/**
 * The raw-SQL twin of a route, without copying its SQL: a Database wrapper that records every
 * statement a request runs (text, bound values and types, start / end time, which queries/ module
 * sent it). Replaying the recording straight on held connections gives the cost of the SQL alone:
 * no Hono, no row conversion to JS objects, no assembly, no JSON.
 *
 * Statements that overlapped in time (a Promise.all in the route) are replayed as one parallel
 * stage, each on its own connection; stages run one after another, as in the route.
 */
import { performance } from 'node:perf_hooks';
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { type Database, query, type SqlParams } from '../../server/db/database.ts';

export interface RecordedStatement {
  sql: string;
  values: Record<string, DuckDBValue> | undefined;
  types: Record<string, DuckDBType | undefined> | undefined;
  /** The server module (and function) that issued it, from the call stack. */
  origin: string;
  start: number;
  end: number;
  rows: number;
  /** Whether it changes data (e.g. the token's last_used_at touch): replayed only when asked. */
  writes: boolean;
}

const RUN_METHODS = new Set(['run', 'runAndReadAll', 'runAndRead', 'stream', 'streamAndReadAll']);

function originOf(stack: string | undefined): string {
  const lines = (stack ?? '').split('\n').slice(1);
  const pick = (dir: string) => lines.find((l) => l.includes(`/server/${dir}/`));
  const line = pick('queries') ?? pick('auth') ?? pick('services') ?? pick('routes') ?? '';
  const m = /at (?:async )?([\w.$<>]+)? ?\(?.*\/server\/([\w/.-]+\.ts)/.exec(line);
  if (!m) return 'unknown';
  return m[1] ? `${m[2]} ${m[1]}` : (m[2] ?? 'unknown');
}

export class RecordingDatabase implements Database {
  readonly statements: RecordedStatement[] = [];
  /** Rows db.all returned while recording, by origin (to feed the pure assembly step on its own). */
  readonly results: { origin: string; rows: unknown[] }[] = [];
  recording = false;

  constructor(private readonly inner: Database) {}

  get path() {
    return this.inner.path;
  }

  /** The caller, taken synchronously when a query function calls db.all / withConnection. */
  private callerOrigin(): string {
    return this.recording ? originOf(new Error().stack) : '';
  }

  private wrap(conn: DuckDBConnection, origin: string): DuckDBConnection {
    return new Proxy(conn, {
      get: (target, prop) => {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        const fn = value as (...args: unknown[]) => unknown;
        if (typeof prop !== 'string' || !RUN_METHODS.has(prop)) return fn.bind(target);
        return async (
          sql: string,
          values?: Record<string, DuckDBValue>,
          types?: Record<string, DuckDBType | undefined>,
        ) => {
          if (!this.recording) return fn.call(target, sql, values, types);
          const start = performance.now();
          const result = await fn.call(target, sql, values, types);
          const rows =
            typeof (result as { currentRowCount?: number })?.currentRowCount === 'number'
              ? (result as { currentRowCount: number }).currentRowCount
              : 0;
          this.statements.push({
            sql,
            values,
            types,
            origin,
            start,
            end: performance.now(),
            rows,
            writes: /^\s*(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|BEGIN|COMMIT|ROLLBACK)\b/i.test(sql),
          });
          return result;
        };
      },
    });
  }

  withConnection<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const origin = this.callerOrigin();
    return this.inner.withConnection((conn) => fn(this.wrap(conn, origin)));
  }

  transaction<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const origin = this.callerOrigin();
    return this.inner.transaction((conn) => fn(this.wrap(conn, origin)));
  }

  async all<Row>(sql: string, params?: SqlParams): Promise<Row[]> {
    const origin = this.callerOrigin();
    const rows = await this.inner.withConnection((conn) => query<Row>(this.wrap(conn, origin), sql, params));
    if (this.recording) this.results.push({ origin, rows });
    return rows;
  }

  close(): void {
    this.inner.close();
  }

  /** Records the statements fn runs (fn is run once). */
  async capture(fn: () => Promise<unknown>): Promise<RecordedStatement[]> {
    this.statements.length = 0;
    this.results.length = 0;
    this.recording = true;
    try {
      await fn();
    } finally {
      this.recording = false;
    }
    return [...this.statements].sort((a, b) => a.start - b.start);
  }
}

/** Groups statements that overlapped in time into parallel stages, in order. */
export function stagesOf(statements: readonly RecordedStatement[]): RecordedStatement[][] {
  const stages: RecordedStatement[][] = [];
  let current: RecordedStatement[] = [];
  let currentEnd = Number.NEGATIVE_INFINITY;
  for (const s of [...statements].sort((a, b) => a.start - b.start)) {
    if (current.length > 0 && s.start >= currentEnd) {
      stages.push(current);
      current = [];
      currentEnd = Number.NEGATIVE_INFINITY;
    }
    current.push(s);
    currentEnd = Math.max(currentEnd, s.end);
  }
  if (current.length > 0) stages.push(current);
  return stages;
}

/** Connections held open for the whole bench (the raw twin runs "directly on a connection"). */
export async function holdConnections(db: Database, count: number) {
  const conns: DuckDBConnection[] = [];
  const releases: (() => void)[] = [];
  const done: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    await new Promise<void>((ready) => {
      done.push(
        db.withConnection(
          (conn) =>
            new Promise<void>((release) => {
              conns.push(conn);
              releases.push(release);
              ready();
            }),
        ),
      );
    });
  }
  return {
    conns,
    release: async () => {
      for (const r of releases) r();
      await Promise.all(done);
    },
  };
}

export type ReplayMode = 'parallel-stages' | 'sequential';

/**
 * Runs the recorded statements again, straight on the held connections: runAndReadAll (the rows
 * are read into DuckDB chunks, not converted). Writes (token touch) are skipped unless asked.
 * `convert` adds getRowObjectsJson(), the row conversion db.all does, to separate the two costs.
 */
export async function replay(
  statements: readonly RecordedStatement[],
  conns: readonly DuckDBConnection[],
  mode: ReplayMode,
  options: { includeWrites?: boolean; convert?: boolean } = {},
): Promise<void> {
  const chosen = statements.filter((s) => options.includeWrites || !s.writes);
  const runOne = async (s: RecordedStatement, conn: DuckDBConnection) => {
    const reader = await conn.runAndReadAll(s.sql, s.values, s.types);
    if (options.convert) reader.getRowObjectsJson();
  };
  const first = conns[0];
  if (!first) throw new Error('no connection to replay on');
  if (mode === 'sequential') {
    for (const s of chosen) await runOne(s, first);
    return;
  }
  for (const stage of stagesOf(chosen)) {
    await Promise.all(
      stage.map((s, i) => {
        const conn = conns[i];
        if (!conn) throw new Error(`stage of ${stage.length} statements needs more held connections`);
        return runOne(s, conn);
      }),
    );
  }
}
