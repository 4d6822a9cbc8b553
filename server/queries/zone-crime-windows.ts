import { type Database, intList, textList } from '../db/database.ts';

/** Case counts of one zone's after window and its baseline, with the comparison areas beside them. */
export interface ZoneCrimeWindowRow {
  zoneId: string;
  /** After-window length in months (0 = no after window in the period). */
  months: number;
  afterFrom: string | null;
  afterTo: string | null;
  baselineFrom: string | null;
  baselineTo: string | null;
  /** False when a baseline month falls outside the station's covered months. */
  complete: boolean;
  after: number;
  baseline: number;
  ringAfter: number;
  ringBaseline: number;
  /** The rest of the station's area: station total minus every zone of the station. */
  restAfter: number;
  restBaseline: number;
  /** Chosen control zones, when the zone has any (null otherwise). */
  controlAfter: number | null;
  controlBaseline: number | null;
  stationFirstMonth: string | null;
  stationLastMonth: string | null;
}

export interface ZoneCrimeWindowParams {
  /** In-scope zones; null = all. */
  zoneIds: string[] | null;
  /** Period as first-of-month dates 'YYYY-MM-01'; null = since the zone's start. */
  from: string | null;
  to: string | null;
  /** Last whole month ('YYYY-MM-01'): the current unfinished month never counts. */
  lastCompleteMonth: string;
  groups: number[];
  /** The programme's baseline rule, and the zones that override it with the other rule. */
  defaultBaseline: 'matched' | 'previous';
  baselineExceptions: string[];
  /** Pairs of (zone, chosen control zone). */
  controlPairs: { zoneId: string; controlId: string }[];
}

/**
 * kpi.md "Crime change", in SQL over the maintained crime_monthly aggregate:
 * after months = period ∩ [start month, ...] ∩ covered months; each after month m is paired with
 * its baseline month: matched = start + ((m - start) mod 12) - 12 (the same calendar month in the
 * 12 months before the start; counted again when L > 12), previous = start - L + i.
 * The pairing rule mirrors server/kpi/crime-windows.ts, which the tests hold both to.
 */
export async function zoneCrimeWindows(db: Database, p: ZoneCrimeWindowParams): Promise<ZoneCrimeWindowRow[]> {
  return db.all<ZoneCrimeWindowRow>(
    `WITH z AS (
       SELECT id, station_code, date_trunc('month', start_date)::DATE AS start_m,
              ($defaultBaseline = 'previous') <> list_contains($exceptions, id) AS use_previous
         FROM zones WHERE $allZones OR list_contains($zones, id)
     ),
     win AS (
       SELECT z.*, c.first_month AS first_m, least(c.last_month, $lastComplete::DATE) AS last_m
         FROM z LEFT JOIN station_coverage c USING (station_code)
     ),
     after_m AS (
       SELECT id, station_code, start_m, first_m, use_previous,
              unnest(generate_series(greatest(start_m, coalesce($from::DATE, start_m), first_m),
                                     least(coalesce($to::DATE, last_m), last_m), INTERVAL 1 MONTH))::DATE AS m
         FROM win WHERE first_m IS NOT NULL
     ),
     numbered AS (
       SELECT *, (row_number() OVER (PARTITION BY id ORDER BY m) - 1)::INTEGER AS i,
              count(*) OVER (PARTITION BY id)::INTEGER AS len
         FROM after_m
     ),
     pairs AS (
       SELECT id, station_code, m, len, first_m,
              CASE WHEN use_previous THEN start_m - to_months(len - i)
                   ELSE start_m + to_months((datediff('month', start_m, m) % 12)::INTEGER - 12) END::DATE AS b
         FROM numbered
     ),
     cm AS (
       SELECT area, zone_id, station_code, "month", sum(cases)::INTEGER AS cases
         FROM crime_monthly WHERE list_contains($groups, crime_group) GROUP BY ALL
     ),
     zone_m AS (
       SELECT zone_id, "month", sum(cases) FILTER (WHERE area = 'zone') AS zc, sum(cases) FILTER (WHERE area = 'ring') AS rc
         FROM cm WHERE area IN ('zone', 'ring') GROUP BY ALL
     ),
     station_m AS (
       SELECT station_code, "month",
              coalesce(sum(cases) FILTER (WHERE area = 'station'), 0) - coalesce(sum(cases) FILTER (WHERE area = 'zone'), 0) AS rest
         FROM cm WHERE area IN ('zone', 'station') GROUP BY ALL
     ),
     controls AS (
       SELECT split_part(pair, '|', 1) AS zone_id, split_part(pair, '|', 2) AS control_id FROM unnest($controlPairs) t(pair)
     ),
     control_m AS (
       SELECT c.zone_id, zm."month", sum(zm.zc) AS cc FROM controls c JOIN zone_m zm ON zm.zone_id = c.control_id GROUP BY ALL
     ),
     agg AS (
       SELECT p.id,
              any_value(p.len) AS len, min(p.m) AS after_from, max(p.m) AS after_to, min(p.b) AS base_from, max(p.b) AS base_to,
              min(p.b) >= any_value(p.first_m) AS complete,
              sum(coalesce(za.zc, 0)) AS after, sum(coalesce(zb.zc, 0)) AS baseline,
              sum(coalesce(za.rc, 0)) AS ring_after, sum(coalesce(zb.rc, 0)) AS ring_baseline,
              sum(coalesce(sa.rest, 0)) AS rest_after, sum(coalesce(sb.rest, 0)) AS rest_baseline,
              sum(coalesce(ca.cc, 0)) AS control_after, sum(coalesce(cb.cc, 0)) AS control_baseline
         FROM pairs p
         LEFT JOIN zone_m za ON za.zone_id = p.id AND za."month" = p.m
         LEFT JOIN zone_m zb ON zb.zone_id = p.id AND zb."month" = p.b
         LEFT JOIN station_m sa ON sa.station_code = p.station_code AND sa."month" = p.m
         LEFT JOIN station_m sb ON sb.station_code = p.station_code AND sb."month" = p.b
         LEFT JOIN control_m ca ON ca.zone_id = p.id AND ca."month" = p.m
         LEFT JOIN control_m cb ON cb.zone_id = p.id AND cb."month" = p.b
        GROUP BY p.id
     )
     SELECT w.id AS "zoneId", coalesce(a.len, 0)::INTEGER AS months,
            strftime(a.after_from, '%Y-%m') AS "afterFrom", strftime(a.after_to, '%Y-%m') AS "afterTo",
            strftime(a.base_from, '%Y-%m') AS "baselineFrom", strftime(a.base_to, '%Y-%m') AS "baselineTo",
            coalesce(a.complete, false) AS complete,
            coalesce(a.after, 0)::INTEGER AS after, coalesce(a.baseline, 0)::INTEGER AS baseline,
            coalesce(a.ring_after, 0)::INTEGER AS "ringAfter", coalesce(a.ring_baseline, 0)::INTEGER AS "ringBaseline",
            coalesce(a.rest_after, 0)::INTEGER AS "restAfter", coalesce(a.rest_baseline, 0)::INTEGER AS "restBaseline",
            CASE WHEN w.id IN (SELECT zone_id FROM controls) THEN a.control_after::INTEGER END AS "controlAfter",
            CASE WHEN w.id IN (SELECT zone_id FROM controls) THEN a.control_baseline::INTEGER END AS "controlBaseline",
            strftime(w.first_m, '%Y-%m') AS "stationFirstMonth", strftime(w.last_m, '%Y-%m') AS "stationLastMonth"
       FROM win w LEFT JOIN agg a ON a.id = w.id
      ORDER BY w.id`,
    {
      allZones: p.zoneIds === null,
      zones: textList(p.zoneIds ?? []),
      from: p.from,
      to: p.to,
      lastComplete: p.lastCompleteMonth,
      groups: intList(p.groups),
      defaultBaseline: p.defaultBaseline,
      exceptions: textList(p.baselineExceptions),
      controlPairs: textList(p.controlPairs.map((c) => `${c.zoneId}|${c.controlId}`)),
    },
  );
}
