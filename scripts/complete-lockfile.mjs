// npm 11 on Linux leaves platform-specific optional packages that declare `libc` (DuckDB's and
// Biome's native binaries for other platforms) out of package-lock.json, and then `npm ci` refuses
// the lock file as "Missing: ... from lock file" (npm/cli#8320, #8805). This fills those entries in
// from the registry's metadata, so `npm ci` works on a fresh clone. Run it after `npm install`
// changes the lock file: `node scripts/complete-lockfile.mjs`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
const added = [];

function registryInfo(name, version) {
  try {
    const meta = JSON.parse(
      execFileSync('npm', ['view', `${name}@${version}`, '--json'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    );
    return Array.isArray(meta) ? meta.at(-1) : meta;
  } catch {
    return null;
  }
}

for (const [key, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `node_modules/${name}`;
    if (packages[target]) continue;
    const info = registryInfo(name, version);
    if (info === null) {
      // Not on the registry this machine reaches: record it as optional so `npm ci` accepts the
      // lock file; it is never installed here (it is for another platform).
      packages[target] = { version, optional: true };
      added.push(`${name}@${version} (not on this registry; for ${key || 'the project'})`);
      continue;
    }
    packages[target] = {
      version: info.version,
      integrity: info.dist.integrity,
      ...(info.cpu ? { cpu: info.cpu } : {}),
      ...(info.libc ? { libc: info.libc } : {}),
      ...(info.license ? { license: info.license } : {}),
      optional: true,
      ...(info.os ? { os: info.os } : {}),
      ...(info.engines ? { engines: info.engines } : {}),
    };
    added.push(`${name}@${info.version} (for ${key || 'the project'})`);
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added.length
    ? `Added to package-lock.json:\n  ${added.join('\n  ')}`
    : 'package-lock.json already lists every optional package.',
);
