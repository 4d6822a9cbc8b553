/**
 * `npm run demo` loads the demo programme into an empty database; `npm run demo -- --reset`
 * deletes every imported row and rebuilds the demo (reference data and users are kept).
 * Run it with the server stopped: DuckDB lets one process write a database file.
 */
import { createDemoUsers } from '../auth/bootstrap.ts';
import { readConfig } from '../config.ts';
import { isDatabaseEmpty, loadDemo } from '../demo/load.ts';
import { resetDemo } from '../demo/reset.ts';
import { prepareDatabase } from '../startup.ts';

const reset = process.argv.includes('--reset');
const config = readConfig();
const db = await prepareDatabase({ ...config, demo: false });
try {
  if (reset) {
    const result = await resetDemo(db);
    console.log(`Demo rebuilt in ${config.dbPath}: ${JSON.stringify(result)}`);
  } else if (await isDatabaseEmpty(db)) {
    const result = await loadDemo(db);
    console.log(`Demo loaded into ${config.dbPath}: ${JSON.stringify(result)}`);
  } else {
    console.log(
      `${config.dbPath} already has data; nothing changed. Use \`npm run demo -- --reset\` to rebuild the demo.`,
    );
  }
  const { users } = await createDemoUsers(db);
  for (const u of users) console.log(`  ${u.username.padEnd(16)} ${u.password.padEnd(24)} ${u.sees}`);
} finally {
  db.close();
}
