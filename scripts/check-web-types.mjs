// Type-checks the web against tsconfig.web.json, where Node's types do not exist: a web file (or a
// server/contracts/ file, which the web bundles) that uses a Node module or global fails here.
//
// The web imports the server's AppType, so TypeScript also reads the server's sources in this
// program, and without Node's types they have errors of their own. Those are not the web's: the
// server is checked with Node's types by tsconfig.server.json. Only diagnostics in the files the
// web ships count.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shipped = (file) => file.startsWith('web/') || file.startsWith('server/contracts/');

const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.web.json', '--pretty', 'false'],
  {
    cwd: root,
    encoding: 'utf8',
  },
);
if (tsc.error) throw tsc.error;

// "file(line,col): error TSxxxx: message" starts a diagnostic; indented lines continue it.
const diagnostics = [];
for (const line of tsc.stdout.split('\n')) {
  const start = /^(.+?)\(\d+,\d+\): error TS\d+/.exec(line);
  if (start) diagnostics.push({ file: start[1].replaceAll('\\', '/'), text: [line] });
  else if (line.trim() !== '' && diagnostics.length > 0) diagnostics.at(-1).text.push(line);
  else if (line.trim() !== '') diagnostics.push({ file: '', text: [line] }); // a global error: counts
}
const ours = diagnostics.filter((d) => d.file === '' || shipped(d.file));
for (const d of ours) console.error(d.text.join('\n'));
if (ours.length > 0) {
  console.error(`\nweb: ${ours.length} type error(s) without Node's types (tsconfig.web.json)`);
  process.exit(1);
}
console.log(
  `web: no type errors without Node's types (${diagnostics.length} in server files the web only reads for AppType, checked with Node's types by tsconfig.server.json)`,
);
