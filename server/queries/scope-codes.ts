import type { Scope } from '../auth/principal.ts';
import { type Database, textList } from '../db/database.ts';

/** Codes (or zone ids) named by a scope that do not exist in the hierarchy tables. */
export async function unknownScopeCodes(db: Database, scope: Scope): Promise<string[]> {
  if (scope.kind === 'national') return [];
  const wanted = scope.kind === 'zones' ? scope.ids : scope.codes;
  const source = {
    bureau: 'SELECT code FROM bureaus',
    division: 'SELECT code FROM divisions',
    station: 'SELECT code FROM stations',
    zones: 'SELECT id AS code FROM zones',
  }[scope.kind];
  const rows = await db.all<{ code: string }>(
    `SELECT c AS code FROM (SELECT unnest($wanted) AS c) WHERE c NOT IN (${source}) ORDER BY c`,
    { wanted: textList(wanted) },
  );
  return rows.map((r) => r.code);
}
