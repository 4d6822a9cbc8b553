import type { Database } from './database.ts';
import { type Migration, migrations } from './migrations/index.ts';

/**
 * Applies every migration newer than the file's schema version, each in its own transaction,
 * so an older database file is upgraded in place and a failed step leaves it as it was.
 */
export async function migrate(db: Database, list: Migration[] = migrations): Promise<number[]> {
  await db.withConnection((conn) =>
    conn.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`),
  );
  const applied = new Set(
    (await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  const done: number[] = [];
  for (const m of [...list].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    await db.transaction(async (conn) => {
      await conn.run(m.sql);
      await conn.run('INSERT INTO schema_migrations (version, name) VALUES ($v, $n)', { v: m.version, n: m.name });
    });
    done.push(m.version);
  }
  return done;
}

export async function schemaVersion(db: Database): Promise<number> {
  const [row] = await db.all<{ v: number | null }>('SELECT max(version)::INTEGER AS v FROM schema_migrations');
  return row?.v ?? 0;
}
