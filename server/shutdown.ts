import type { Server } from 'node:http';
import type { Database } from './db/database.ts';

/**
 * Stopping on SIGTERM / SIGINT (systemd, docker, Ctrl-C) without cutting anyone off:
 * 1. stop accepting connections; keep-alive connections are closed as soon as they are idle;
 * 2. let every request in flight finish (an import being uploaded or committed completes);
 * 3. wait for a scheduled backup in progress;
 * 4. CHECKPOINT, so the database file holds everything and no write-ahead log is left to replay;
 * 5. close the database and exit 0.
 * A second signal while this runs is ignored (a wrapper like tsx forwards the same one again);
 * after `graceMs` the process exits 1 whatever is still running.
 */
export function stopGracefully(o: {
  server: Server;
  db: Database;
  beforeClose?: () => Promise<void>;
  log?: (message: string) => void;
  graceMs?: number;
}): (signal: string) => void {
  const log = o.log ?? console.log;
  let stopping = false;
  return (signal) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: no new connections; finishing the requests in flight`);
    const deadline = setTimeout(() => {
      log(`still busy after ${(o.graceMs ?? 30_000) / 1000} s: exiting anyway`);
      process.exit(1);
    }, o.graceMs ?? 30_000);
    deadline.unref();
    // close() waits for the connections with a request in progress; idle keep-alive ones are
    // closed now and whenever another one becomes idle.
    const idle = setInterval(() => o.server.closeIdleConnections(), 100);
    const closed = new Promise<void>((resolve) => o.server.close(() => resolve()));
    o.server.closeIdleConnections();
    void (async () => {
      try {
        await closed;
        clearInterval(idle);
        await o.beforeClose?.();
        await o.db.withConnection((conn) => conn.run('CHECKPOINT'));
        log('database checkpointed and closed; bye');
        o.db.close();
        process.exit(0);
      } catch (error) {
        log(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      }
    })();
  };
}
