import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../../server/db/database.ts';
import type { RecordingDatabase } from './recording-db.ts';
import type { MeasureOptions } from './stats.ts';

export interface PrototypeContext {
  db: Database;
  recorder: RecordingDatabase;
  sampleZones: string[];
  measureOptions: Partial<MeasureOptions>;
  held: DuckDBConnection[];
}

export async function prototypeFigures(_ctx: PrototypeContext): Promise<string[][]> {
  return [];
}
