import type { Database } from '../db/database.ts';

/**
 * A cheap fingerprint of everything KPIs are computed from. Every write of data goes through an
 * import record (the demo load too; zone re-assignment happens inside imports and settings
 * changes), and rules live in settings, so the imports and settings tables tell whether cached
 * KPI results are still right; the resident form's answers are the one other write of data, so
 * the fingerprint counts those counted, held and voided (services/survey-form-intake.ts).
 */
export async function dataFingerprint(db: Database): Promise<string> {
  const [row] = await db.all<Record<string, number | string | null>>(`SELECT
    (SELECT count(*) FROM imports)::INTEGER AS imports,
    (SELECT max(id) FROM imports)::INTEGER AS last_import,
    (SELECT count(*) FROM imports WHERE status <> 'committed')::INTEGER AS undone,
    (SELECT count(*) FROM settings)::INTEGER AS settings,
    (SELECT max(updated_at) FROM settings)::VARCHAR AS settings_at,
    (SELECT count(*) FILTER (WHERE counted) || '/' || count(held_reason) || '/' || count(voided_at)
       FROM survey_form_answers) AS form_answers`);
  return JSON.stringify(row ?? {});
}
