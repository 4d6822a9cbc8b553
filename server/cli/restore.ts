/** `npm run restore -- FILE`: see server/db/backup-cli.ts (refuses while the server holds the database). */
import { runRestoreCli } from '../db/backup-cli.ts';

process.exitCode = await runRestoreCli(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
