/**
 * The import screen's reads behind /api/imports: the history in the user's scope, one import, the
 * reference the mapping table needs, and the saved column mappings. (Uploads, previews, commits
 * and undo are the importers' own service: server/importers/service.ts and undo.ts.)
 */
import type { Principal } from '../auth/principal.ts';
import { usesWholeFile } from '../contracts/imports.ts';
import type { Database } from '../db/database.ts';
import { IMPORT_KINDS, kindSpec } from '../importers/parse/headers.ts';
import { loadImportRegistry } from '../queries/import-registry.ts';
import { findImport, type ImportHistoryRow, listImports } from '../queries/imports-history.ts';
import { scopeStationCodes } from '../queries/scope-stations.ts';

export { deleteMapping, listMappings, saveMapping } from '../queries/import-mappings.ts';

export interface HistoryQuery {
  kind?: string | undefined;
  limit: number;
  offset: number;
}

/** Newest first, the imports the principal may see (queries/imports-history.ts holds the rule). */
export async function importHistory(db: Database, principal: Principal, q: HistoryQuery) {
  const stations = await scopeStationCodes(db, principal.scope);
  return listImports(db, { stations, ...q });
}

/** One import, or null when it does not exist or the principal may not see it (one answer for both). */
export async function visibleImport(db: Database, principal: Principal, id: number): Promise<ImportHistoryRow | null> {
  return findImport(db, id, await scopeStationCodes(db, principal.scope));
}

/** Every kind with its columns, and the offence groups and types, for the mapping screen. */
export async function importReference(db: Database) {
  const r = await loadImportRegistry(db);
  return {
    kinds: IMPORT_KINDS.map((kind) => ({
      kind,
      fields: kindSpec(kind).fields.map((f) => ({
        canonical: f.canonical,
        aliases: [...f.aliases],
        required: f.required,
        fileDefault: usesWholeFile(kind, f.canonical),
      })),
      oneOf: kindSpec(kind).oneOf.map((g) => [...g]),
    })),
    offenceGroups: r.offenceGroups,
    offenceTypes: r.offenceTypes,
    savedOffenceLabels: r.userOffences,
  };
}
