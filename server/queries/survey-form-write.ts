import type { DuckDBConnection } from '@duckdb/node-api';
import { intList, query, textList } from '../db/database.ts';
import { rebuildSurveyAggregate } from './refresh-aggregates.ts';

/** One answer from the public form, as stored (no address, no name: nothing that finds the person). */
export interface FormAnswerRow {
  zoneId: string;
  receivedAtMs: number;
  receivedHour: string;
  surveyedOn: string;
  tokenId: string;
  fearLevel: number | null;
  fearStatus: 'valid' | 'dont_know';
  trustLevel: number | null;
  trustStatus: 'valid' | 'dont_know';
  sex: string | null;
  ageBand: string | null;
  lang: 'th' | 'en';
}

/** Stores an answer; null when its token was used already (the same token twice counts once). */
export async function insertFormAnswer(conn: DuckDBConnection, row: FormAnswerRow): Promise<number | null> {
  const [inserted] = await query<{ id: number }>(
    conn,
    `INSERT INTO survey_form_answers (zone_id, received_at, received_hour, surveyed_on, token_id, fear_level, fear_status,
                                      trust_level, trust_status, sex, age_band, lang)
     VALUES ($zoneId, to_timestamp($at / 1000.0), $hour, CAST($surveyedOn AS DATE), $tokenId, $fearLevel, $fearStatus,
             $trustLevel, $trustStatus, $sex, $ageBand, $lang)
     ON CONFLICT (token_id) DO NOTHING
     RETURNING id`,
    {
      zoneId: row.zoneId,
      at: row.receivedAtMs,
      hour: row.receivedHour,
      surveyedOn: row.surveyedOn,
      tokenId: row.tokenId,
      fearLevel: row.fearLevel,
      fearStatus: row.fearStatus,
      trustLevel: row.trustLevel,
      trustStatus: row.trustStatus,
      sex: row.sex,
      ageBand: row.ageBand,
      lang: row.lang,
    },
  );
  return inserted?.id ?? null;
}

/** Rebuilds the survey aggregate of the given zones (their imported and form answers). */
async function rebuildZones(conn: DuckDBConnection, zoneIds: readonly string[]): Promise<void> {
  const zones = [...new Set(zoneIds)];
  if (zones.length > 0)
    await rebuildSurveyAggregate(conn, 'list_contains($zones, zone_id)', { zones: textList(zones) });
}

/**
 * Counts every answer waiting to be counted (neither held nor voided): marks them counted and
 * rebuilds their zones' survey aggregate, in the caller's transaction. Returns how many.
 */
export async function countWaitingAnswers(conn: DuckDBConnection): Promise<number> {
  const counted = await query<{ zone_id: string }>(
    conn,
    `UPDATE survey_form_answers SET counted = true
      WHERE NOT counted AND held_reason IS NULL AND voided_at IS NULL
     RETURNING zone_id`,
  );
  await rebuildZones(
    conn,
    counted.map((r) => r.zone_id),
  );
  return counted.length;
}

/** Holds answers out of the figures (a tripped rate limit), rebuilding the zones where they counted. */
export async function holdAnswers(conn: DuckDBConnection, ids: readonly number[], reason: string): Promise<number> {
  if (ids.length === 0) return 0;
  const held = await query<{ zone_id: string; counted: boolean }>(
    conn,
    `UPDATE survey_form_answers SET held_reason = $reason
      WHERE list_contains($ids, id) AND held_reason IS NULL AND voided_at IS NULL
     RETURNING zone_id, counted`,
    { ids: intList(ids), reason },
  );
  await rebuildZones(
    conn,
    held.filter((r) => r.counted).map((r) => r.zone_id),
  );
  return held.length;
}

/**
 * Voids every not-yet-voided answer of a zone's hour (kept, with who and why), rebuilding the
 * zone's aggregate; returns how many were voided.
 */
export async function voidHour(
  conn: DuckDBConnection,
  v: { zoneId: string; hour: string; by: string; reason: string; atMs: number },
): Promise<number> {
  const voided = await query<{ id: number }>(
    conn,
    `UPDATE survey_form_answers
        SET voided_at = to_timestamp($at / 1000.0), voided_by = $by, void_reason = $reason
      WHERE zone_id = $zoneId AND received_hour = $hour AND voided_at IS NULL
     RETURNING id`,
    { zoneId: v.zoneId, hour: v.hour, by: v.by, reason: v.reason, at: v.atMs },
  );
  await rebuildZones(conn, voided.length > 0 ? [v.zoneId] : []);
  return voided.length;
}

/** Releases a zone's hour held by a rate limit (not voided ones): they count from the next batch on. */
export async function releaseHour(conn: DuckDBConnection, v: { zoneId: string; hour: string }): Promise<number> {
  const released = await query<{ id: number }>(
    conn,
    `UPDATE survey_form_answers SET held_reason = NULL
      WHERE zone_id = $zoneId AND received_hour = $hour AND held_reason IS NOT NULL AND voided_at IS NULL
     RETURNING id`,
    v,
  );
  await rebuildZones(conn, released.length > 0 ? [v.zoneId] : []);
  return released.length;
}
