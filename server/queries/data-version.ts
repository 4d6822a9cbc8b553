import type { Database } from '../db/database.ts';

/**
 * A cheap fingerprint of everything KPIs are computed from: imports (every write goes through one,
 * the demo included), their undos, settings, and the row counts of the data tables. When it is
 * unchanged, cached KPI results are still right.
 */
export async function dataFingerprint(db: Database): Promise<string> {
  const [row] = await db.all<Record<string, number | string | null>>(`SELECT
    (SELECT count(*) FROM imports)::INTEGER AS imports,
    (SELECT max(id) FROM imports)::INTEGER AS last_import,
    (SELECT count(*) FROM imports WHERE status <> 'committed')::INTEGER AS undone,
    (SELECT count(*) FROM settings)::INTEGER AS settings,
    (SELECT max(updated_at) FROM settings)::VARCHAR AS settings_at,
    (SELECT count(*) FROM zones)::INTEGER AS zones,
    (SELECT count(*) FROM incidents)::INTEGER AS incidents,
    (SELECT count(*) FROM monthly_counts)::INTEGER AS counts,
    (SELECT count(*) FROM survey_responses)::INTEGER AS responses`);
  return JSON.stringify(row ?? {});
}
