import type { Database } from '../db/database.ts';
import { textList } from '../db/database.ts';

/**
 * Problems a viewer may see, with their dated history, filtered by unit, zone, status, raised-on
 * days or id. Who sees what is decided here, in SQL (contracts/problems.ts explains the rule):
 * national = every problem; else the viewer's own stations' and zones' problems at any level, and
 * their divisions' / bureaus' problems once the highest level reached is at or above the division
 * (rank 2) / bureau (rank 4).
 */
export interface ProblemViewer {
  national: boolean;
  stations: readonly string[];
  zones: readonly string[];
  divisions: readonly string[];
  bureaus: readonly string[];
}

export interface ProblemFilter {
  id?: number | undefined;
  /** 'national', a bureau, division or station code, or a zone id. */
  unit?: string | undefined;
  zone?: string | undefined;
  status?: string | undefined;
  /** Raised on or after / on or before, 'YYYY-MM-DD'. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface ProblemRow {
  id: number;
  category: string;
  categoryNameTh: string | null;
  categoryNameEn: string | null;
  raisedOn: string;
  stationCode: string;
  stationNameTh: string;
  stationNameEn: string;
  divisionCode: string;
  bureauCode: string;
  zoneId: string | null;
  zoneNameTh: string | null;
  zoneNameEn: string | null;
  lon: number | null;
  lat: number | null;
  description: string;
  raisedBy: string;
  level: string;
  status: string;
  topRank: number;
  resolvedOn: string | null;
  resolutionNote: string | null;
  /** JSON text: [{ on, level, status, note, by }] in the order recorded. */
  events: string;
}

const DIVISION_RANK = 2;
const BUREAU_RANK = 4;

export async function visibleProblems(
  db: Database,
  viewer: ProblemViewer,
  filter: ProblemFilter,
): Promise<ProblemRow[]> {
  return db.all<ProblemRow>(
    `SELECT p.id, p.category, c.name_th AS "categoryNameTh", c.name_en AS "categoryNameEn",
            strftime(p.raised_on, '%Y-%m-%d') AS "raisedOn",
            p.station_code AS "stationCode", s.name_th AS "stationNameTh", s.name_en AS "stationNameEn",
            s.division_code AS "divisionCode", d.bureau_code AS "bureauCode",
            p.zone_id AS "zoneId", z.name_th AS "zoneNameTh", z.name_en AS "zoneNameEn",
            p.lon, p.lat, p.description, p.raised_by AS "raisedBy", p.level, p.status, p.top_rank AS "topRank",
            strftime(p.resolved_on, '%Y-%m-%d') AS "resolvedOn", p.resolution_note AS "resolutionNote",
            coalesce((SELECT to_json(list({'on': strftime(e.on_date, '%Y-%m-%d'), 'level': e.level, 'status': e.status,
                                           'note': e.note, 'by': e.username} ORDER BY e.seq))
                        FROM problem_events e WHERE e.problem_id = p.id), '[]')::VARCHAR AS events
       FROM problems p
       JOIN stations s ON s.code = p.station_code
       JOIN divisions d ON d.code = s.division_code
       LEFT JOIN zones z ON z.id = p.zone_id
       LEFT JOIN problem_categories c ON c.version = p.category_version AND c.code = p.category
      WHERE ($national
             OR list_contains($stations, p.station_code)
             OR (p.zone_id IS NOT NULL AND list_contains($zones, p.zone_id))
             OR (p.top_rank >= ${DIVISION_RANK} AND list_contains($divisions, s.division_code))
             OR (p.top_rank >= ${BUREAU_RANK} AND list_contains($bureaus, d.bureau_code)))
        AND ($id IS NULL OR p.id = $id)
        AND ($unit IS NULL OR $unit IN ('national', d.bureau_code, s.division_code, p.station_code, p.zone_id))
        AND ($zone IS NULL OR p.zone_id = $zone)
        AND ($status IS NULL OR p.status = $status)
        AND ($from IS NULL OR p.raised_on >= CAST($from AS DATE))
        AND ($to IS NULL OR p.raised_on <= CAST($to AS DATE))
      ORDER BY p.raised_on DESC, p.id DESC`,
    {
      national: viewer.national,
      stations: textList(viewer.stations),
      zones: textList(viewer.zones),
      divisions: textList(viewer.divisions),
      bureaus: textList(viewer.bureaus),
      id: filter.id ?? null,
      unit: filter.unit ?? null,
      zone: filter.zone ?? null,
      status: filter.status ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
    },
  );
}
