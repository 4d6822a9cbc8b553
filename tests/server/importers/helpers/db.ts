/** Shared by the import tests: a temp database with the reference data, principals, paths, encoders. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Principal } from '../../../../server/auth/principal.ts';
import { LOCAL_ADMIN } from '../../../../server/auth/principal.ts';
import { type Database, openDatabase } from '../../../../server/db/database.ts';
import { seedReference } from '../../../../server/db/seed-reference.ts';
import { type RunImportInput, runImport } from '../../../../server/importers/pipeline.ts';
import type { ImportKind, ImportOptions, ImportResult } from '../../../../server/importers/types.ts';

export const repoRoot = resolve(fileURLToPath(new URL('../../../../', import.meta.url)));
export const fixtures = join(repoRoot, 'tests/fixtures/imports');
/** Real public files copied into the repository (sources and licences: tests/fixtures/README.md). */
export const realData = join(repoRoot, 'tests/fixtures/real');

export const ADMIN: Principal = { ...LOCAL_ADMIN, username: 'test-admin', via: 'session' };

export function commander(stationCodes: string[]): Principal {
  return {
    username: 'test-commander',
    role: 'commander',
    scope: { kind: 'station', codes: stationCodes },
    via: 'session',
  };
}

export interface TestDb {
  db: Database;
  dir: string;
  path: string;
  close(): void;
}

/** A fresh database file in a temp folder, migrated and seeded with the reference data. */
export async function tempDb(options: { memory?: boolean } = {}): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'ssz-import-test-'));
  const path = options.memory === true ? ':memory:' : join(dir, 'test.duckdb');
  const db = await openDatabase(path);
  await seedReference(db);
  return {
    db,
    dir,
    path,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const enc = new TextEncoder();

/** Runs the pipeline on in-memory text or bytes. */
export function importText(
  db: Database,
  kind: ImportKind,
  name: string,
  content: string | Uint8Array,
  options: ImportOptions = {},
  extra: Partial<RunImportInput> = {},
): Promise<ImportResult> {
  const bytes = typeof content === 'string' ? enc.encode(content) : content;
  return runImport({ db, principal: ADMIN, kind, file: { name, bytes }, options, ...extra });
}

const COUNTED = [
  'incidents',
  'incident_rings',
  'monthly_counts',
  'survey_responses',
  'codebooks',
  'partners',
  'zones',
  'stations',
  'imports',
  'crime_monthly',
  'survey_agg',
] as const;
const COUNT_SQL = COUNTED.map((t) => `SELECT '${t}' AS t, count(*)::INTEGER AS n FROM ${t}`).join(' UNION ALL ');

/** Row counts of every table an import writes. */
export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const rows = await db.all<{ t: string; n: number }>(COUNT_SQL);
  return Object.fromEntries(COUNTED.map((t) => [t, rows.find((r) => r.t === t)?.n ?? 0]));
}

/**
 * Windows-874 / TIS-620 encoder for test data: ASCII as is, Thai U+0E01..U+0E5B at 0xA1..0xFB.
 * (TIS-620 and Windows-874 agree on these; Windows-874 adds 0x80-0x9F punctuation.)
 */
export function encodeThai874(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp >= 0x0e01 && cp <= 0x0e5b) out.push(cp - 0x0e00 + 0xa0);
    else throw new Error(`not encodable in TIS-620: U+${cp.toString(16)}`);
  }
  return new Uint8Array(out);
}

/** A GeoJSON FeatureCollection of polygons given as [lon, lat] rings. */
export function featureCollection(
  features: { properties: Record<string, unknown>; ring: [number, number][] }[],
): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      properties: f.properties,
      geometry: { type: 'Polygon', coordinates: [f.ring] },
    })),
  });
}

/** A closed axis-aligned rectangle ring. */
export function rect(minLon: number, minLat: number, maxLon: number, maxLat: number): [number, number][] {
  return [
    [minLon, minLat],
    [maxLon, minLat],
    [maxLon, maxLat],
    [minLon, maxLat],
    [minLon, minLat],
  ];
}
