import { type Database, textList } from '../db/database.ts';

/** One zone's hour of form answers that moderation lists, with what became of them. */
export interface FormBurstRow {
  zoneId: string;
  zoneNameTh: string;
  zoneNameEn: string | null;
  stationCode: string;
  /** Bangkok hour 'YYYY-MM-DD HH:00'. */
  hour: string;
  answers: number;
  /** Counted in the figures now (neither held nor voided). */
  inFigures: number;
  held: number;
  voided: number;
  holdReasons: string[];
  voids: { by: string; reason: string; at: string }[];
}

/**
 * The zone-hours since `sinceHour` (Bangkok) that are bursts: some answers held or voided, or at
 * least `minAnswers`; zones limited to `zoneIds` (null = all). Newest hour first.
 */
export async function formBursts(
  db: Database,
  p: { zoneIds: string[] | null; sinceHour: string; minAnswers: number },
): Promise<FormBurstRow[]> {
  const rows = await db.all<Omit<FormBurstRow, 'voids'> & { voids: string }>(
    `SELECT a.zone_id AS "zoneId", z.name_th AS "zoneNameTh", z.name_en AS "zoneNameEn", z.station_code AS "stationCode",
            a.received_hour AS hour, count(*)::INTEGER AS answers,
            count(*) FILTER (WHERE a.held_reason IS NULL AND a.voided_at IS NULL)::INTEGER AS "inFigures",
            count(a.held_reason)::INTEGER AS held, count(a.voided_at)::INTEGER AS voided,
            list_sort(list_distinct(list(a.held_reason))) AS "holdReasons",
            to_json(list_distinct(list(CASE WHEN a.voided_at IS NOT NULL THEN
              {'by': a.voided_by, 'reason': a.void_reason, 'at': strftime(a.voided_at, '%Y-%m-%dT%H:%M:%SZ')} END))) AS voids
       FROM survey_form_answers a JOIN zones z ON z.id = a.zone_id
      WHERE a.received_hour >= $since AND ($all OR list_contains($zones, a.zone_id))
      GROUP BY ALL
     HAVING count(a.held_reason) > 0 OR count(a.voided_at) > 0 OR count(*) >= $min
      ORDER BY hour DESC, "zoneId"`,
    { since: p.sinceHour, all: p.zoneIds === null, zones: textList(p.zoneIds ?? []), min: p.minAnswers },
  );
  return rows.map((r) => ({
    ...r,
    voids: (JSON.parse(r.voids) as (FormBurstRow['voids'][number] | null)[]).filter(
      (v): v is FormBurstRow['voids'][number] => v !== null,
    ),
  }));
}
