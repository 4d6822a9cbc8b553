/**
 * A database the server cannot open stops the start with one clear message and exit code 1, not
 * a stack trace (README "Running it as a service": systemd then says why in its journal).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ssz-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(dbPath: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, SSZ_DB: dbPath, PORT: '0', HOST: '127.0.0.1', SSZ_DEMO: '0' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the server refuses a database it cannot open', () => {
  it.each([
    [
      'a file that is not a DuckDB database',
      () => {
        const p = join(dir, 'not-a-db.duckdb');
        writeFileSync(p, 'เลขคดี,วันที่\n1,2022-01-01\n');
        return p;
      },
      /not a database this server can read/,
    ],
    [
      'a directory',
      () => {
        const p = join(dir, 'a-directory.duckdb');
        mkdirSync(p);
        return p;
      },
      /Check that the path exists, is a file/,
    ],
  ])(
    '%s: exit 1, one message naming the file and what to do, no stack trace',
    (_label, make, hint) => {
      const path = make();
      const isFile = !path.endsWith('a-directory.duckdb');
      const before = isFile ? readFileSync(path) : null;
      const r = start(path);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`Cannot open the database ${path}:`);
      expect(r.stderr).toMatch(hint);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).not.toContain('Smart Safety Zone dashboard on');
      // The file is left as it was.
      if (isFile) expect(readFileSync(path)).toEqual(before);
    },
    90_000,
  );
});
