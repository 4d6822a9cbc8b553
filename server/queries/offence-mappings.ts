import type { DuckDBConnection } from '@duckdb/node-api';
import { query } from '../db/database.ts';

/**
 * Offence labels users mapped to a group (when the reference table did not know them); saved
 * when the import that used them commits, and reused by later imports. The latest choice wins.
 */
export async function saveOffenceMappings(
  conn: DuckDBConnection,
  entries: readonly { labelKey: string; label: string; group: number }[],
  by: string,
  importId: number,
): Promise<void> {
  for (const e of entries) {
    await query(
      conn,
      `INSERT INTO offence_type_mappings (label_key, label, group_current4, created_by, import_id)
       VALUES ($key, $label, $group, $by, $importId)
       ON CONFLICT (label_key) DO UPDATE SET label = excluded.label, group_current4 = excluded.group_current4,
         created_by = excluded.created_by, created_at = now(), import_id = excluded.import_id`,
      { key: e.labelKey, label: e.label, group: e.group, by, importId },
    );
  }
}
