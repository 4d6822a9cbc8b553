import { type Database, textList } from '../db/database.ts';

/** One import as the history screen lists it. Times are ISO 8601 (UTC). */
export interface ImportHistoryRow {
  id: number;
  kind: string;
  fileName: string;
  sha256: string;
  username: string;
  createdAt: string;
  status: 'committed' | 'undone';
  undoneAt: string | null;
  undoneBy: string | null;
  format: string | null;
  fileBytes: number | null;
  stationCodes: string[];
  rowCounts: Record<string, number>;
  mapping: Record<string, string> | null;
  options: Record<string, unknown> | null;
  warnings: number | null;
  forced: boolean;
}

type Raw = Omit<
  ImportHistoryRow,
  'createdAt' | 'undoneAt' | 'rowCounts' | 'mapping' | 'options' | 'stationCodes' | 'forced'
> & {
  createdMs: number;
  undoneMs: number | null;
  rowCounts: string;
  mapping: string | null;
  options: string | null;
  stationCodes: string[] | null;
  forced: boolean | null;
};

const toRow = (r: Raw): ImportHistoryRow => ({
  id: r.id,
  kind: r.kind,
  fileName: r.fileName,
  sha256: r.sha256,
  username: r.username,
  createdAt: new Date(r.createdMs).toISOString(),
  status: r.status,
  undoneAt: r.undoneMs === null ? null : new Date(r.undoneMs).toISOString(),
  undoneBy: r.undoneBy,
  format: r.format,
  fileBytes: r.fileBytes,
  stationCodes: r.stationCodes ?? [],
  rowCounts: JSON.parse(r.rowCounts) as Record<string, number>,
  mapping: r.mapping === null ? null : (JSON.parse(r.mapping) as Record<string, string>),
  options: r.options === null ? null : (JSON.parse(r.options) as Record<string, unknown>),
  warnings: r.warnings,
  forced: r.forced === true,
});

const COLUMNS = `id, kind, file_name AS "fileName", sha256, username, epoch_ms(created_at)::DOUBLE AS "createdMs", status,
  epoch_ms(undone_at)::DOUBLE AS "undoneMs", undone_by AS "undoneBy", format, file_bytes::DOUBLE AS "fileBytes",
  station_codes AS "stationCodes", row_counts::VARCHAR AS "rowCounts", mapping::VARCHAR AS mapping,
  options::VARCHAR AS options, warnings, forced`;

export interface HistoryFilter {
  /** Station codes in scope; null = all. An import is listed when it touched any of them. */
  stations: string[] | null;
  kind?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * The history's visibility rule: a scoped user sees an import that touched one of their stations;
 * one that touched no station (the demo load, a registry update) only the national scope sees.
 */
const VISIBLE = `($all OR len(list_intersect(coalesce(station_codes, []), $codes)) > 0)`;
const visibleParams = (stations: string[] | null) => ({ all: stations === null, codes: textList(stations ?? []) });

/** Newest first. */
export async function listImports(
  db: Database,
  f: HistoryFilter,
): Promise<{ items: ImportHistoryRow[]; total: number }> {
  const where = `${VISIBLE} AND ($kind IS NULL OR kind = $kind)`;
  const params = { ...visibleParams(f.stations), kind: f.kind ?? null };
  const [count] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM imports WHERE ${where}`, params);
  const rows = await db.all<Raw>(
    `SELECT ${COLUMNS} FROM imports WHERE ${where} ORDER BY id DESC LIMIT $limit OFFSET $offset`,
    {
      ...params,
      limit: f.limit,
      offset: f.offset,
    },
  );
  return { items: rows.map(toRow), total: count?.n ?? 0 };
}

/** One import, if the stations in scope (null = all) may see it (the history's rule). */
export async function findImport(
  db: Database,
  id: number,
  stations: string[] | null,
): Promise<ImportHistoryRow | null> {
  const [row] = await db.all<Raw>(`SELECT ${COLUMNS} FROM imports WHERE id = $id AND ${VISIBLE}`, {
    id,
    ...visibleParams(stations),
  });
  return row ? toRow(row) : null;
}
