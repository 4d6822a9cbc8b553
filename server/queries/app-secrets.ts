import { type Database, exec, query } from '../db/database.ts';

/**
 * The server's named secret (made once with `fresh` when absent, then always the same), so what it
 * signs stays good across restarts. The value never leaves the server.
 */
export async function appSecret(db: Database, name: string, fresh: () => string): Promise<string> {
  return db.withConnection(async (conn) => {
    await exec(conn, 'INSERT INTO app_secrets (name, value) VALUES ($name, $value) ON CONFLICT (name) DO NOTHING', {
      name,
      value: fresh(),
    });
    const [row] = await query<{ value: string }>(conn, 'SELECT value FROM app_secrets WHERE name = $name', { name });
    if (!row) throw new Error(`secret ${name} could not be stored`);
    return row.value;
  });
}
