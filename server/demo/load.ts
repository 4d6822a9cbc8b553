/**
 * Writes the generated demo into the database: one `imports` row (kind 'demo') whose id every row
 * carries, then every table through the importers' own writers (server/queries/imports-*.ts: the
 * same staging tables and INSERTs as a file import), then the maintained aggregates, all in ONE
 * transaction.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';
import { Chunk, Dict } from '../importers/kinds/incident-chunk.ts';
import { type IncidentDictionaries, IncidentStage } from '../queries/imports-incidents.ts';
import { writeMonthlyCounts } from '../queries/imports-monthly-counts.ts';
import { writePartners } from '../queries/imports-partners.ts';
import { completeImportRecord, insertImportRecord } from '../queries/imports-record.ts';
import { writeProblems } from '../queries/problems-write.ts';
import { writeSurvey } from '../queries/imports-survey.ts';
import { writeZones } from '../queries/imports-zones.ts';
import { refreshAggregates } from '../queries/refresh-aggregates.ts';
import { loadStations } from '../reference/load.ts';
import { type DemoData, demoContentHash, generateDemo, type StationRef } from './generate.ts';
import { demoProblems } from './problems.ts';
import { DEMO_DEFAULT_SEED } from './spec.ts';

export interface LoadDemoOptions {
  seed?: number;
  /** Station registry to resolve the demo's station names; default: data/reference/stations.csv. */
  stations?: readonly StationRef[];
  /** The day the demo is made for (its data end the month before, Bangkok); default: now. */
  today?: Date;
}

export interface LoadDemoResult {
  importId: number;
  seed: number;
  sha256: string;
  zones: number;
  partners: number;
  incidents: number;
  incidentRings: number;
  monthlyCounts: number;
  responses: number;
  /** Milliseconds spent generating and writing (including the aggregate refresh). */
  timings: { generateMs: number; writeMs: number };
}

/** Tables holding user data, in the order reset deletes them. */
export const USER_DATA_TABLES = [
  'problem_events',
  'problems',
  'incident_rings',
  'incidents',
  'monthly_counts',
  'survey_agg',
  'survey_responses',
  'crime_monthly',
  'station_coverage',
  'partners',
  'zones',
  'codebooks',
  'imports',
] as const;

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD HH:MM:SS' Bangkok wall clock -> the digits as UTC milliseconds (stored as written, no zone). */
function wallClockMs(text: string): number {
  const [date = '', time = '00:00:00'] = text.split(' ');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s] = time.split(':').map(Number);
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
}

/** Incidents per chunk handed to the importers' stage (as an incident file's chunks are). */
const INCIDENT_CHUNK_ROWS = 50_000;

/**
 * The demo's incidents and their buffer-ring memberships through the incident importer's stage
 * (IncidentStage: columnar chunks with dictionaries, moved into incidents and incident_rings).
 * The generator already placed each point in its zone and rings, so no point-in-polygon here.
 */
async function writeIncidents(conn: DuckDBConnection, data: DemoData, importId: number): Promise<void> {
  const [types, stations, zones] = [new Dict(), new Dict(), new Dict()];
  const dicts: IncidentDictionaries = { types: types.values, stations: stations.values, zones: zones.values };
  const stage = await IncidentStage.open(conn, importId);
  const { incidents, incident_rings: rings, ringIncident } = data;
  const chunk = new Chunk(INCIDENT_CHUNK_ROWS);
  let ring = 0;
  for (let start = 0; start < incidents.length; start += INCIDENT_CHUNK_ROWS) {
    chunk.clear();
    chunk.n = Math.min(INCIDENT_CHUNK_ROWS, incidents.length - start);
    for (let i = 0; i < chunk.n; i++) {
      const r = incidents[start + i] as DemoData['incidents'][number];
      chunk.rowNo[i] = start + i + 1;
      chunk.caseId[i] = r.case_id;
      chunk.occurredUs[i] = wallClockMs(r.occurred_at) * 1000;
      chunk.monthDays[i] = wallClockMs(r.month) / DAY_MS;
      chunk.type[i] = types.id(r.crime_type);
      chunk.group[i] = r.crime_group;
      chunk.legacy[i] = 0;
      chunk.lat[i] = r.lat ?? Number.NaN;
      chunk.lon[i] = r.lon ?? Number.NaN;
      chunk.station[i] = stations.id(r.station_code);
      chunk.zone[i] = r.zone_id === null ? -1 : zones.id(r.zone_id);
      chunk.zoneFromFile[i] = 0;
    }
    for (; ring < rings.length && (ringIncident[ring] as number) < start + chunk.n; ring++)
      chunk.addRing(
        (ringIncident[ring] as number) - start,
        zones.id((rings[ring] as DemoData['incident_rings'][number]).zone_id),
      );
    // The stage copies the chunk before it resolves, so the arrays are reused for the next one.
    await stage.write(dicts, chunk, true);
  }
  if (ring !== rings.length) throw new Error('demo ring rows out of incident order');
  await stage.close();
}

export function rowCounts(data: DemoData) {
  return {
    zones: data.zones.length,
    partners: data.partners.length,
    incidents: data.incidents.length,
    incident_rings: data.incident_rings.length,
    monthly_counts: data.monthly_counts.length,
    survey_responses: data.survey_responses.length,
  };
}

/**
 * Writes generated demo data on a connection that is already inside a transaction (see loadDemo,
 * resetDemo). Returns the new import id.
 */
export async function writeDemo(
  conn: DuckDBConnection,
  data: DemoData,
  sha256 = demoContentHash(data),
): Promise<number> {
  // The import record as a file import writes it (no file, so no format, size or column mapping).
  const importId = await insertImportRecord(conn, {
    kind: 'demo',
    fileName: `demo-seed-${data.seed}`,
    sha256,
    username: 'system',
    format: null,
    fileBytes: null,
    mapping: null,
    forced: false,
  });

  await writeZones(
    conn,
    data.zones.map((z) => ({ ...z, geometry: JSON.stringify(z.geometry) })),
    importId,
  );
  await writePartners(conn, data.partners, importId);
  // A few community problems (Stronger Together), dated back from the demo's day, through the app's own writer.
  await writeProblems(conn, demoProblems(data), importId);
  await writeIncidents(conn, data, importId);
  await writeMonthlyCounts(conn, data.monthly_counts, importId);
  // The demo's answers follow the programme's setting: no codebook of their own.
  await writeSurvey(conn, null, data.survey_responses, importId);

  await completeImportRecord(conn, importId, {
    rowCounts: rowCounts(data),
    stationCodes: [],
    options: { seed: data.seed },
    warnings: 0,
  });
  await refreshAggregates(conn);
  return importId;
}

/** Generates the demo data and its content hash, outside any transaction. */
export function prepareDemo(opts: LoadDemoOptions = {}): { data: DemoData; sha256: string; ms: number } {
  const t0 = performance.now();
  const data = generateDemo({
    seed: opts.seed ?? DEMO_DEFAULT_SEED,
    stations: opts.stations ?? loadStations(),
    today: opts.today ?? new Date(),
  });
  const sha256 = demoContentHash(data);
  return { data, sha256, ms: performance.now() - t0 };
}

export function loadResult(
  data: DemoData,
  sha256: string,
  importId: number,
  generateMs: number,
  writeMs: number,
): LoadDemoResult {
  return {
    importId,
    seed: data.seed,
    sha256,
    zones: data.zones.length,
    partners: data.partners.length,
    incidents: data.incidents.length,
    incidentRings: data.incident_rings.length,
    monthlyCounts: data.monthly_counts.length,
    responses: data.survey_responses.length,
    timings: { generateMs: Math.round(generateMs), writeMs: Math.round(writeMs) },
  };
}

/** Generates the demo (default seed unless given) and loads it in one transaction. */
export async function loadDemo(db: Database, opts: LoadDemoOptions = {}): Promise<LoadDemoResult> {
  const { data, sha256, ms } = prepareDemo(opts);
  const t0 = performance.now();
  const importId = await db.transaction((conn) => writeDemo(conn, data, sha256));
  return loadResult(data, sha256, importId, ms, performance.now() - t0);
}

/** No zones and no incidents: a fresh database the demo may fill. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.all<{ n: number }>(
    'SELECT ((SELECT count(*) FROM zones) + (SELECT count(*) FROM incidents))::INTEGER AS n',
  );
  return (row?.n ?? 0) === 0;
}
