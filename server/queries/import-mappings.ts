import type { Database } from '../db/database.ts';

/** Column mappings saved by name (a station exports the same file every month). */
export interface SavedMapping {
  name: string;
  kind: string;
  /** canonical -> header text (or 0-based index, or null = leave unmapped). */
  columns: Record<string, string | number | null>;
  /** Import options that go with it (station, encoding, sheet, offenceMap...). */
  options: Record<string, unknown>;
  createdBy: string;
  updatedBy: string;
  /** ISO 8601, UTC. */
  updatedAt: string;
}

type Raw = Omit<SavedMapping, 'columns' | 'options' | 'updatedAt'> & {
  columns: string;
  options: string | null;
  ms: number;
};
const COLUMNS = `name, kind, columns::VARCHAR AS columns, options::VARCHAR AS options, created_by AS "createdBy",
  updated_by AS "updatedBy", epoch_ms(updated_at)::DOUBLE AS ms`;
const toMapping = ({ columns, options, ms, ...rest }: Raw): SavedMapping => ({
  ...rest,
  columns: JSON.parse(columns) as SavedMapping['columns'],
  options: options === null ? {} : (JSON.parse(options) as Record<string, unknown>),
  updatedAt: new Date(ms).toISOString(),
});

export async function listMappings(db: Database, kind?: string): Promise<SavedMapping[]> {
  const rows = await db.all<Raw>(
    `SELECT ${COLUMNS} FROM import_mappings WHERE $kind IS NULL OR kind = $kind ORDER BY name`,
    {
      kind: kind ?? null,
    },
  );
  return rows.map(toMapping);
}

export async function findMapping(db: Database, name: string): Promise<SavedMapping | null> {
  const [row] = await db.all<Raw>(`SELECT ${COLUMNS} FROM import_mappings WHERE name = $name`, { name });
  return row ? toMapping(row) : null;
}

/** Creates or replaces the mapping with this name. */
export async function saveMapping(
  db: Database,
  m: { name: string; kind: string; columns: SavedMapping['columns']; options: Record<string, unknown>; by: string },
): Promise<SavedMapping> {
  await db.transaction(async (conn) => {
    await conn.run(
      `INSERT INTO import_mappings (name, kind, columns, options, created_by, updated_by)
       VALUES ($name, $kind, $columns::JSON, $options::JSON, $by, $by)
       ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, columns = excluded.columns, options = excluded.options,
         updated_by = excluded.updated_by, updated_at = now()`,
      { name: m.name, kind: m.kind, columns: JSON.stringify(m.columns), options: JSON.stringify(m.options), by: m.by },
    );
  });
  const saved = await findMapping(db, m.name);
  if (saved === null) throw new Error('mapping not saved');
  return saved;
}

export async function deleteMapping(db: Database, name: string): Promise<boolean> {
  const rows = await db.all<{ name: string }>('DELETE FROM import_mappings WHERE name = $name RETURNING name', {
    name,
  });
  return rows.length > 0;
}
