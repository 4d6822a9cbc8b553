/**
 * `npm run import -- <kind> <file> [options]`: see server/importers/cli.ts for the options, the two
 * ways in (directly into SSZ_DB, or through the running server's API with SSZ_TOKEN) and the exit codes.
 * Progress (on a terminal) and the summary line go to stderr.
 */
import { runCli } from '../importers/cli.ts';

const code = await runCli(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  status: process.stderr,
});
process.exitCode = code;
