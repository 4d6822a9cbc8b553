/** `npm run backup -- FILE`: see server/db/backup-cli.ts (directly, or through the running server). */
import { runBackupCli } from '../db/backup-cli.ts';

process.exitCode = await runBackupCli(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
