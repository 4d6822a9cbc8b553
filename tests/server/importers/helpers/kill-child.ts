/**
 * Child process of the kill test: imports one file into one database file and reports its
 * progress on stdout ("phase reading", "phase writing", ..., "committed <id>"), to be killed with
 * SIGKILL at a random moment by the parent.
 *   npx tsx tests/server/importers/helpers/kill-child.ts <db> <file>
 */
import { basename } from 'node:path';
import { LOCAL_ADMIN } from '../../../../server/auth/principal.ts';
import { openDatabase } from '../../../../server/db/database.ts';
import { runImport } from '../../../../server/importers/pipeline.ts';

const [dbPath, filePath] = process.argv.slice(2);
if (dbPath === undefined || filePath === undefined) throw new Error('usage: kill-child <db> <file>');
const db = await openDatabase(dbPath);
process.stdout.write('phase opened\n');
const result = await runImport({
  db,
  principal: LOCAL_ADMIN,
  kind: 'incidents',
  file: { name: basename(filePath), path: filePath },
  onProgress: (p) => process.stdout.write(`phase ${p.phase}\n`),
});
process.stdout.write(
  result.ok ? `committed ${result.importId}\n` : `failed ${JSON.stringify(result.errors.slice(0, 3))}\n`,
);
db.close();
