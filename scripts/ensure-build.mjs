// Builds what is stale, and only that: the SPA (dist/) and the server's JavaScript (dist-server/)
// when missing or older than any of their sources. `npm start`, `npm run import` and `npm run demo`
// run it (so a fresh clone starts), and so do the browser tests (so they never test an old
// bundle). One place decides "stale".
//
//   node scripts/ensure-build.mjs                 everything stale
//   node scripts/ensure-build.mjs web | server    that one only
//   node scripts/ensure-build.mjs --force [...]   build even when fresh (npm run build)
//
// Two processes may call it at once (the browser test files run in parallel): a lock directory
// lets one build while the other waits, then finds the build fresh.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (path) => join(root, path);

/** Newest modification time under a file or folder (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/**
 * What each build is made from. The web imports from server/ only types (erased) and, at run
 * time, server/contracts/ (rules shared with the server); the basemap is bundled.
 */
const BUILDS = {
  web: {
    output: 'dist/index.html',
    sources: ['web', 'server/contracts', 'data/basemap', 'vite.config.ts', 'package-lock.json'],
    run: () =>
      execFileSync(process.execPath, [at('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
        cwd: root,
        stdio: 'inherit',
      }),
    says: 'Building the dashboard (vite build)...',
  },
  // Transpiled only (--noCheck: a few seconds); type errors are `npm run check`'s to find. The
  // folder is emptied first, so a deleted source leaves no module behind.
  server: {
    output: 'dist-server/main.js',
    sources: ['server', 'tsconfig.server.json', 'package-lock.json'],
    run: () => {
      rmSync(at('dist-server'), { recursive: true, force: true });
      execFileSync(
        process.execPath,
        [at('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.server.json', '--noCheck'],
        { cwd: root, stdio: 'inherit' },
      );
      // tsc keeps a file's time when its output is unchanged; the marker of freshness is main.js.
      const now = new Date();
      utimesSync(at('dist-server/main.js'), now, now);
    },
    says: 'Building the server (tsc -p tsconfig.server.json)...',
  },
};

/** True when the build's output is missing or older than one of its sources. */
export function isStale(name) {
  const build = BUILDS[name];
  const output = at(build.output);
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return build.sources.some((source) => newest(at(source)) > built);
}

const lockDir = at('node_modules/.ssz-build-lock');

function withLock(fn) {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock older than the longest build is left over from a killed process.
      if (Date.now() - statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs > 10 * 60_000)
        rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`another build still holds ${lockDir}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

export function ensureBuilt(names = Object.keys(BUILDS), { force = false } = {}) {
  if (!force && !names.some(isStale)) return;
  withLock(() => {
    for (const name of names) {
      if (!force && !isStale(name)) continue; // built meanwhile by whoever held the lock
      console.log(BUILDS[name].says);
      BUILDS[name].run();
    }
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const force = process.argv.includes('--force');
  const asked = process.argv.slice(2).filter((arg) => arg !== '--force');
  const unknown = asked.filter((name) => !(name in BUILDS));
  if (unknown.length > 0) {
    console.error(`ensure-build: unknown build ${unknown.join(', ')} (known: ${Object.keys(BUILDS).join(', ')})`);
    process.exit(2);
  }
  ensureBuilt(asked.length > 0 ? asked : undefined, { force });
}
