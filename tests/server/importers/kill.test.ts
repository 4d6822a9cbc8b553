/**
 * Kill test: a child process importing a large file is killed with SIGKILL at random moments
 * (some while reading, some after it started writing). Each time, the database opens and the
 * import is either wholly there (rows, rings, aggregates, the imports row) or wholly absent.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/database.ts';
import { mulberry32 } from '../../../server/random.ts';
import { featureCollection, importText, rect, repoRoot, tempDb } from './helpers/db.ts';

const ROWS = 120_000;
/** Seeds the kill moments (printed with the outcomes; override with SSZ_KILL_SEED). */
const KILL_SEED = 20_250_611;
const CHILD = join(repoRoot, 'tests/server/importers/helpers/kill-child.ts');

interface Run {
  child: ChildProcess;
  phases: string[];
  done: Promise<number | null>;
}

function start(db: string, file: string): Run {
  // node itself with the tsx loader (not the tsx wrapper, whose child would survive the kill).
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, file], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const phases: string[] = [];
  let buf = '';
  child.stdout?.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl = buf.indexOf('\n');
    while (nl >= 0) {
      phases.push(buf.slice(0, nl));
      buf = buf.slice(nl + 1);
      nl = buf.indexOf('\n');
    }
  });
  child.stderr?.on('data', () => undefined);
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, phases, done };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(run: Run, phase: string, timeoutMs: number): Promise<boolean> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (run.phases.some((p) => p.startsWith(phase))) return true;
    if (run.child.exitCode !== null) return false;
    await sleep(5);
  }
  return false;
}

describe('SIGKILL during an import', () => {
  let dir: string;
  let pristine: string;
  let csv: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ssz-kill-'));
    csv = join(dir, 'big.csv');
    const rnd = mulberry32(99);
    const lines = ['เลขคดี,วันที่เกิดเหตุ,ประเภทคดี,สภ.,ละติจูด,ลองจิจูด'];
    for (let i = 0; i < ROWS; i++) {
      lines.push(
        `K${i},${1 + (i % 28)}/${1 + (i % 12)}/${2563 + (i % 3)} ${i % 24}:30,ลักทรัพย์,สภ.เมืองสงขลา,${(7.19 + rnd() * 0.03).toFixed(6)},${(100.58 + rnd() * 0.03).toFixed(6)}`,
      );
    }
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const t = await tempDb();
    const z = await importText(
      t.db,
      'zones',
      'z.geojson',
      featureCollection([
        {
          properties: { code: 'Z-KILL', name_th: 'ทดสอบ', station: 'ST-MUEANG-SONGKHLA', start_date: '2021-01-01' },
          ring: rect(100.59, 7.2, 100.6, 7.21),
        },
      ]),
    );
    expect(z.ok).toBe(true);
    t.db.close();
    pristine = join(dir, 'pristine.duckdb');
    copyFileSync(t.path, pristine);
    if (existsSync(`${t.path}.wal`)) copyFileSync(`${t.path}.wal`, `${pristine}.wal`);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function check(path: string) {
    const db = await openDatabase(path);
    try {
      const [c] = await db.all<{ inc: number; imp: number; rings: number; agg: number; zones: number }>(
        `SELECT (SELECT count(*) FROM incidents)::INTEGER AS inc, (SELECT count(*) FROM imports WHERE kind = 'incidents')::INTEGER AS imp,
                (SELECT count(*) FROM incident_rings)::INTEGER AS rings,
                (SELECT coalesce(sum(cases), 0) FROM crime_monthly WHERE area = 'station')::INTEGER AS agg,
                (SELECT count(*) FROM zones)::INTEGER AS zones`,
      );
      return c;
    } finally {
      db.close();
    }
  }

  it('leaves the import wholly there or wholly absent', async () => {
    // A fixed seed, so a failure replays with the same kill moments; SSZ_KILL_SEED tries others.
    const seed = Number(process.env.SSZ_KILL_SEED ?? KILL_SEED);
    console.log(`kill test: seed ${seed} (SSZ_KILL_SEED=${seed} replays these kill moments)`);
    const rnd = mulberry32(seed);
    const outcomes: string[] = [];
    for (let k = 0; k < 5; k++) {
      const path = join(dir, `run-${k}.duckdb`);
      copyFileSync(pristine, path);
      if (existsSync(`${pristine}.wal`)) copyFileSync(`${pristine}.wal`, `${path}.wal`);
      const run = start(path, csv);
      // Kill while reading (after the database is open), some moment after writing began, or
      // right after the commit (before the database is closed: the log must replay).
      const target = k === 4 ? 'committed' : k % 2 === 0 ? 'phase opened' : 'phase writing';
      expect(await waitFor(run, target, 60_000), `run ${k} (seed ${seed}) never reached '${target}'`).toBe(true);
      if (k !== 4) await sleep(Math.floor(rnd() * (k % 2 === 0 ? 1500 : 2500)));
      run.child.kill('SIGKILL');
      await run.done;
      const c = await check(path);
      const last = run.phases.at(-1) ?? '';
      outcomes.push(`${last} -> ${c?.inc}`);
      const what = `run ${k} (seed ${seed}), killed after '${last}'`;
      expect(c?.zones, what).toBe(1);
      if ((c?.inc ?? 0) === 0) {
        expect(c, what).toMatchObject({ inc: 0, imp: 0, rings: 0, agg: 0 });
      } else {
        expect(c, what).toMatchObject({ inc: ROWS, imp: 1, agg: ROWS });
        expect(c?.rings, what).toBeGreaterThan(0);
      }
    }
    // The process can be killed before or after its commit; both ends are whole.
    expect(outcomes).toHaveLength(5);
    expect(outcomes[4]).toMatch(/committed .* -> 120000/);
    console.log(`kill test: seed ${seed}: ${outcomes.join('; ')}`);
  }, 300_000);
});
