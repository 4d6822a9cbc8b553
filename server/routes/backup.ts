import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { auditRequest } from '../auth/audit.ts';
import { requirePermission } from '../auth/middleware.ts';
import { backupDatabase } from '../db/backup.ts';
import { backupFileName } from '../db/backup-schedule.ts';
import type { AppDeps, AppEnv } from '../env.ts';

/**
 * POST /api/admin/backup (administrators: a session, or an admin API token as `npm run backup`
 * uses) -> 200, the body a consistent copy of the database as a DuckDB file (server/db/backup.ts).
 * The server makes it because only the server may open its database file while it runs; the copy
 * goes to the caller, never to a path the caller names on the server. The temp file is removed
 * once sent.
 */
export const backupRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().use('*', requirePermission('admin')).post('/', async (c) => {
    const dir = mkdtempSync(join(tmpdir(), 'ssz-backup-'));
    try {
      const made = await backupDatabase(deps.db, join(dir, backupFileName(Date.now())));
      await auditRequest(c, deps, 'backup', basename(made.path), { bytes: made.bytes, schema: made.schema });
      const file = createReadStream(made.path);
      file.once('close', () => rmSync(dir, { recursive: true, force: true }));
      return c.body(Readable.toWeb(file) as ReadableStream<Uint8Array>, 200, {
        'content-type': 'application/octet-stream',
        'content-length': String(made.bytes),
        'content-disposition': `attachment; filename="${basename(made.path)}"`,
      });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  });
