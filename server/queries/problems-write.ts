import type { DuckDBConnection } from '@duckdb/node-api';
import { type StageColumns, stageRows } from '../db/append.ts';
import { exec, query } from '../db/database.ts';

/** A new problem and its history (at least the event of being raised), as stored. */
export interface NewProblem {
  category: string;
  category_version: number;
  /** 'YYYY-MM-DD' */
  raised_on: string;
  station_code: string;
  zone_id: string | null;
  lon: number | null;
  lat: number | null;
  description: string;
  raised_by: string;
  level: string;
  status: string;
  top_rank: number;
  resolved_on: string | null;
  resolution_note: string | null;
  created_by: string;
  events: readonly NewProblemEvent[];
}

export interface NewProblemEvent {
  on_date: string;
  level: string;
  status: string;
  note: string | null;
  username: string;
}

type StagedProblem = Omit<NewProblem, 'events'> & { k: number };
type StagedEvent = NewProblemEvent & { k: number; seq: number };

const PROBLEMS_STAGE: StageColumns<StagedProblem> = [
  ['k', 'INTEGER'],
  ['category', 'VARCHAR'],
  ['category_version', 'INTEGER'],
  ['raised_on', 'VARCHAR'],
  ['station_code', 'VARCHAR'],
  ['zone_id', 'VARCHAR'],
  ['lon', 'DOUBLE'],
  ['lat', 'DOUBLE'],
  ['description', 'VARCHAR'],
  ['raised_by', 'VARCHAR'],
  ['level', 'VARCHAR'],
  ['status', 'VARCHAR'],
  ['top_rank', 'INTEGER'],
  ['resolved_on', 'VARCHAR'],
  ['resolution_note', 'VARCHAR'],
  ['created_by', 'VARCHAR'],
];
const EVENTS_STAGE: StageColumns<StagedEvent> = [
  ['k', 'INTEGER'],
  ['seq', 'INTEGER'],
  ['on_date', 'VARCHAR'],
  ['level', 'VARCHAR'],
  ['status', 'VARCHAR'],
  ['note', 'VARCHAR'],
  ['username', 'VARCHAR'],
];

/**
 * Writes problems with their history on the caller's connection (inside its transaction), new ids
 * from the sequence; returns the ids in the order given. import_id null = entered in the app.
 */
export async function writeProblems(
  conn: DuckDBConnection,
  problems: readonly NewProblem[],
  importId: number | null,
): Promise<number[]> {
  if (problems.length === 0) return [];
  await stageRows(
    conn,
    'stage_problems',
    PROBLEMS_STAGE,
    problems.map(({ events: _events, ...p }, k) => ({ ...p, k })),
  );
  await stageRows(
    conn,
    'stage_problem_events',
    EVENTS_STAGE,
    problems.flatMap((p, k) => p.events.map((e, seq) => ({ ...e, k, seq: seq + 1 }))),
  );
  await exec(
    conn,
    `CREATE OR REPLACE TEMP TABLE stage_problem_ids AS
       SELECT k, nextval('problems_id_seq')::INTEGER AS id FROM (SELECT k FROM stage_problems ORDER BY k)`,
  );
  await exec(
    conn,
    `INSERT INTO problems (id, category, category_version, raised_on, station_code, zone_id, lon, lat, description,
                           raised_by, level, status, top_rank, resolved_on, resolution_note, created_by, import_id)
     SELECT i.id, p.category, p.category_version, CAST(p.raised_on AS DATE), p.station_code, p.zone_id, p.lon, p.lat,
            p.description, p.raised_by, p.level, p.status, p.top_rank, CAST(p.resolved_on AS DATE), p.resolution_note,
            p.created_by, $importId
       FROM stage_problems p JOIN stage_problem_ids i USING (k)`,
    { importId },
  );
  await exec(
    conn,
    `INSERT INTO problem_events (problem_id, seq, on_date, level, status, note, username, import_id)
     SELECT i.id, e.seq, CAST(e.on_date AS DATE), e.level, e.status, e.note, e.username, $importId
       FROM stage_problem_events e JOIN stage_problem_ids i USING (k)`,
    { importId },
  );
  const ids = await query<{ id: number }>(conn, 'SELECT id FROM stage_problem_ids ORDER BY k');
  await exec(conn, 'DROP TABLE stage_problems; DROP TABLE stage_problem_events; DROP TABLE stage_problem_ids');
  return ids.map((r) => r.id);
}

export interface ProblemChange {
  id: number;
  level: string;
  status: string;
  topRank: number;
  resolvedOn: string | null;
  resolutionNote: string | null;
  event: NewProblemEvent;
}

/** Sets a problem's current level and status and appends the change to its history. */
export async function recordProblemChange(conn: DuckDBConnection, change: ProblemChange): Promise<void> {
  await exec(
    conn,
    `UPDATE problems SET level = $level, status = $status, top_rank = $topRank,
            resolved_on = CAST($resolvedOn AS DATE), resolution_note = $resolutionNote
      WHERE id = $id`,
    {
      id: change.id,
      level: change.level,
      status: change.status,
      topRank: change.topRank,
      resolvedOn: change.resolvedOn,
      resolutionNote: change.resolutionNote,
    },
  );
  await exec(
    conn,
    `INSERT INTO problem_events (problem_id, seq, on_date, level, status, note, username, import_id)
     SELECT $id, coalesce(max(seq), 0) + 1, CAST($on AS DATE), $level, $status, $note, $username, NULL
       FROM problem_events WHERE problem_id = $id`,
    {
      id: change.id,
      on: change.event.on_date,
      level: change.event.level,
      status: change.event.status,
      note: change.event.note,
      username: change.event.username,
    },
  );
}
