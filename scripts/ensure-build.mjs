// Builds the SPA when dist/ is missing or older than any file under web/ (so `npm start` works on a fresh clone).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

const built = 'dist/index.html';
const sources = Math.max(newest('web'), statSync('vite.config.ts').mtimeMs, statSync('package-lock.json').mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the dashboard (vite build)...');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
