/**
 * THE import pipeline. HTTP uploads, the SPA (through HTTP) and the command line all call
 * `runImport`; nothing else writes imported rows.
 *
 *   file -> format (extension checked against the bytes) -> size, sha256 -> earlier imports of the
 *   same file -> table (CSV / XLSX / Parquet) or shapes (GeoJSON / KML) -> columns matched
 *   (canonical names, aliases, the user's or a saved mapping) -> every row validated, every issue
 *   collected (capped list, full counts) -> what needs all rows (duplicates, rows already stored,
 *   zones by point-in-polygon) -> preview.
 *
 * Only when there is no error and it is not a dry run: ONE transaction inserts the imports row,
 * appends all rows, recomputes what depends on them (zone assignment, aggregates of the stations
 * touched) and commits. Any throw rolls everything back, and a killed process leaves the database
 * as it was (DuckDB's write-ahead log only replays committed transactions).
 *
 * Streaming kinds (incidents: a million rows) open that transaction before reading and write
 * each chunk as soon as it is checked, so DuckDB stores one chunk while the next is read; an
 * error anywhere in the file rolls the whole transaction back, exactly as if nothing was written.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import { bangkokDateTime } from '../contracts/calendar.ts';
import { usesWholeFile } from '../contracts/imports.ts';
import { type ImportRegistry, loadImportRegistry } from '../queries/import-registry.ts';
import { findMapping } from '../queries/import-mappings.ts';
import {
  committedImportsOf,
  completeImportRecord,
  insertImportRecord,
  type PreviousImport,
} from '../queries/imports-record.ts';
import { saveOffenceMappings } from '../queries/offence-mappings.ts';
import { refreshAggregates } from '../queries/refresh-aggregates.ts';
import { scopeStationCodes } from '../queries/scope-stations.ts';
import { type FileFacts, fileFacts } from './files.ts';
import { FatalImportError, issue, Issues } from './issues.ts';
import { Columns, type KindContext, newDateReader } from './kinds/common.ts';
import { createTableReader, readZoneFile } from './kinds/index.ts';
import type { KindReader, WriteTarget } from './kinds/kind.ts';
import type { ImportProgress } from './progress.ts';
import { type HeaderMatch, type ImportKind, kindSpec, matchHeaders, type UserMapping } from './parse/headers.ts';
import { decideFormat, type FileFormat, formatFitsKind } from './source/detect.ts';
import { defaultParseLimits, openTableIsolated, type ParseLimits, readShapesIsolated } from './source/isolated.ts';
import { openParquet } from './source/parquet.ts';
import type { SourceMeta, TableInput, TableRow } from './source/table.ts';
import type { ZipLimits } from './source/zip.ts';
import { reassignZones } from './zone-assignment.ts';
import type { ColumnMapping, ImportCounts, ImportFile, ImportOptions, ImportPreview, ImportResult } from './types.ts';
import { beDate, cellText, labelKey } from './values.ts';

export interface RunImportInput {
  db: Database;
  principal: Principal;
  file: ImportFile;
  kind: ImportKind;
  options?: ImportOptions;
  /** Check everything, write nothing (preview, --dry-run). */
  dryRun?: boolean;
  limits?: {
    /**
     * Largest accepted file. HTTP uploads pass SSZ_MAX_UPLOAD_MB; a file the command line opens
     * from disk has no limit (it streams), so none is the default.
     */
    maxFileBytes?: number;
    zip?: ZipLimits;
    /** Issues listed per severity (all are counted). Default 200. */
    issueLimit?: number;
    /** Rows per chunk a streaming kind writes while reading (default 262,144; tests use small ones). */
    chunkRows?: number;
    /** Memory and time of the parse child (default: source/isolated.ts defaultParseLimits). */
    parse?: Partial<ParseLimits>;
  };
  /** Called as rows are read and when writing starts (for progress displays). */
  onProgress?: (p: ImportProgress) => void;
}

const SAMPLE_ROWS = 5;

/** One import at a time per database in this process: the re-import and case-number checks hold. */
const commitLocks = new WeakMap<Database, Promise<unknown>>();
async function exclusive<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  const before = commitLocks.get(db) ?? Promise.resolve();
  let release: () => void = () => undefined;
  const mine = new Promise<void>((r) => {
    release = r;
  });
  const chain = before.then(() => mine);
  commitLocks.set(db, chain);
  await before.catch(() => undefined);
  try {
    return await fn();
  } finally {
    release();
    if (commitLocks.get(db) === chain) commitLocks.delete(db);
  }
}

const EMPTY_COUNTS: ImportCounts = { rowsRead: 0, write: {}, skipped: 0, rowsWithErrors: 0 };

/** Thrown inside a streaming import's transaction when the file turned out to have errors: roll back. */
class ImportRefused extends Error {}

/** An instant as Bangkok wall-clock time: '23/11/2569 11:07' (BE) for Thai, '2026-11-23 11:07' for English. */
function bangkokTime(iso: string): { th: string; en: string } {
  const en = bangkokDateTime(new Date(iso));
  return { th: `${beDate(en.slice(0, 10))}${en.slice(10)}`, en };
}

/** Options saved with a mapping, under the explicit ones. */
async function resolveOptions(
  db: Database,
  kind: ImportKind,
  file: string,
  options: ImportOptions,
): Promise<{ options: ImportOptions; columns: ColumnMapping | undefined; mappingName: string | null }> {
  if (typeof options.mapping !== 'string') return { options, columns: options.mapping, mappingName: null };
  const name = options.mapping;
  const saved = await findMapping(db, name);
  if (saved === null) throw new FatalImportError(issue('mapping_not_found', { file, value: name }, { name }));
  if (saved.kind !== kind)
    throw new FatalImportError(issue('mapping_kind_mismatch', { file, value: name }, { name, kind: saved.kind }));
  const merged: ImportOptions = { ...(saved.options as ImportOptions), ...options };
  const savedMap = (saved.options as ImportOptions).offenceMap;
  if (savedMap !== undefined || options.offenceMap !== undefined)
    merged.offenceMap = { ...savedMap, ...options.offenceMap };
  return { options: merged, columns: saved.columns, mappingName: name };
}

function fileDefaultsOf(kind: ImportKind, o: ImportOptions): string[] {
  const given: string[] = [];
  if (o.station !== undefined && o.station.trim() !== '') given.push('station');
  if (o.zone !== undefined && o.zone.trim() !== '') given.push('zone');
  if (o.wave !== undefined && o.wave.trim() !== '') given.push('wave');
  if (o.sampleType !== undefined) given.push('sample_type');
  const canon = new Set<string>(kindSpec(kind).fields.map((f) => f.canonical));
  return given.filter((g) => canon.has(g));
}

function reportHeaderMatch(
  kind: ImportKind,
  match: HeaderMatch,
  header: readonly string[],
  file: string,
  issues: Issues,
): void {
  for (const canonical of match.missingRequired) issues.add(issue('missing_required_column', { file }, { canonical }));
  for (const group of match.missingOneOf) issues.add(issue('missing_one_of_columns', { file }, { canonicals: group }));
  for (const a of match.ambiguous) {
    const headers = a.columns.map((i) => header[i] ?? String(i));
    issues.add(issue('ambiguous_column', { file, column: headers[0] ?? null }, { canonical: a.canonical, headers }));
  }
  for (const m of match.invalidMapping) {
    issues.add(
      issue('invalid_mapping', { file, value: String(m.target) }, { canonical: m.canonical, target: String(m.target) }),
    );
  }
  void kind;
}

function sanitizedOptions(o: ImportOptions): Record<string, unknown> {
  const { codebook, mapping, ...rest } = o;
  return {
    ...rest,
    ...(typeof mapping === 'string' ? { mappingName: mapping } : {}),
    ...(codebook === undefined ? {} : { codebook: true }),
  };
}

/** Runs one import (or a dry run). Never throws for bad input: problems come back as issues. */
export async function runImport(input: RunImportInput): Promise<ImportResult> {
  return input.dryRun === true ? runOnce(input) : exclusive(input.db, () => runOnce(input));
}

async function runOnce(input: RunImportInput): Promise<ImportResult> {
  const started = performance.now();
  const { db, principal, kind } = input;
  const dryRun = input.dryRun === true;
  const issues = new Issues(input.limits?.issueLimit ?? 200);
  const fileName = input.file.name;
  const progress = input.onProgress ?? (() => undefined);

  let facts: FileFacts | null = null;
  let format: FileFormat | null = null;
  let meta: SourceMeta = {};
  let headers: string[] = [];
  let matched: Record<string, string> = {};
  let extra: string[] = [];
  let unmapped: ImportPreview['unmapped'] = { missing: [], ambiguous: [] };
  let reader: KindReader | null = null;
  const sample: ImportPreview['sample'] = [];
  const takeSample = (batch: readonly TableRow[]) => {
    for (const r of batch) {
      if (sample.length >= SAMPLE_ROWS) return;
      sample.push({
        row: r.row,
        cells: r.fields.map((c) => (c === null || c === undefined ? null : (cellText(c) ?? ''))),
      });
    }
  };
  let previous: PreviousImport[] = [];
  let options: ImportOptions = input.options ?? {};
  let mappingName: string | null = null;
  const timings = { readMs: 0, checkMs: 0, writeMs: 0 };
  let mark = performance.now();
  const lap = (key: keyof typeof timings) => {
    const now = performance.now();
    timings[key] += Math.round(now - mark);
    mark = now;
  };

  const result = (importId: number | null, counts: ImportCounts): ImportResult => {
    const report = issues.report();
    const preview: ImportPreview = {
      kind,
      file: { name: fileName, bytes: facts?.size ?? 0, sha256: facts?.sha256 ?? '', format },
      source: meta,
      headers,
      mapping: matched,
      fields: kindSpec(kind).fields.map((f) => ({
        canonical: f.canonical,
        required: f.required,
        fileDefault: usesWholeFile(kind, f.canonical),
      })),
      extraColumns: extra,
      unmapped,
      rows: reader?.preview.rows ?? [],
      sample,
      counts,
      unknownOffenceTypes: reader?.unknownOffenceTypes?.() ?? [],
      answerLabels: reader?.answerLabels?.() ?? {},
      stations: reader?.stations() ?? [],
      previousImports: previous,
    };
    return {
      ok: report.errorCount === 0 && (dryRun || importId !== null),
      dryRun,
      importId,
      preview,
      counts,
      errors: report.errors,
      warnings: report.warnings,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      truncated: report.truncated,
      byCode: report.byCode,
      durationMs: Math.round(performance.now() - started),
      timings,
    };
  };

  let registry: ImportRegistry;
  let columnsMapping: ColumnMapping | undefined;
  const parseLimits: ParseLimits = { ...defaultParseLimits(), ...input.limits?.parse };
  let openedTable: TableInput | null = null;
  try {
    const resolved = await resolveOptions(db, kind, fileName, input.options ?? {});
    options = resolved.options;
    columnsMapping = resolved.columns;
    mappingName = resolved.mappingName;

    facts = await fileFacts(input.file);
    const maxBytes = input.limits?.maxFileBytes ?? Number.POSITIVE_INFINITY;
    if (facts.size > maxBytes) {
      throw new FatalImportError(
        issue('file_too_large', { file: fileName }, { limitMb: Math.round(maxBytes / (1024 * 1024)) }),
      );
    }
    const decision = decideFormat(fileName, facts.head);
    if (!decision.ok) {
      throw new FatalImportError(
        decision.reason === 'unsupported'
          ? issue('unsupported_format', { file: fileName }, { name: fileName })
          : issue('file_type_mismatch', { file: fileName }, { extension: decision.extension, actual: decision.actual }),
      );
    }
    format = decision.format;
    if (!formatFitsKind(format, kind)) {
      throw new FatalImportError(
        issue('format_not_for_kind', { file: fileName }, { format: format.toUpperCase(), kind }),
      );
    }
    if (facts.size === 0) throw new FatalImportError(issue('empty_file', { file: fileName }));

    previous = await committedImportsOf(db, facts.sha256, kind);
    const last = previous[previous.length - 1];
    if (last !== undefined && options.force !== true) {
      issues.add(
        issue(
          'file_already_imported',
          { file: fileName },
          { importId: last.id, at: bangkokTime(last.at), by: last.by },
        ),
      );
    }

    registry = await loadImportRegistry(db);
    const scope = await scopeStationCodes(db, principal.scope);
    const ctx: KindContext = {
      kind,
      file: fileName,
      options,
      registry,
      principal,
      scopeStations: scope === null ? null : new Set(scope),
      issues,
      dates: newDateReader(options),
      ...(input.limits?.chunkRows === undefined ? {} : { chunkRows: input.limits.chunkRows }),
    };

    if (kind === 'zones') {
      const parsed = await readShapesIsolated(facts, format, input.limits?.zip, parseLimits);
      const zoneRead = await readZoneFile(ctx, parsed, columnsMapping, fileDefaultsOf(kind, options));
      reader = zoneRead.reader;
      headers = zoneRead.headers;
      matched = zoneRead.mapping;
      extra = zoneRead.extra;
      unmapped = zoneRead.unmapped;
    } else {
      const table =
        format === 'parquet'
          ? await openParquet(db, facts)
          : await openTableIsolated(
              facts,
              format as 'csv' | 'xlsx',
              {
                ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
                ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
                ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
                ...(input.limits?.zip === undefined ? {} : { zipLimits: input.limits.zip }),
              },
              issues,
              parseLimits,
            );
      if (table === null) return result(null, EMPTY_COUNTS);
      openedTable = table;
      meta = table.meta;
      headers = table.header;
      const match = matchHeaders(kind, table.header, columnsMapping as UserMapping | undefined, {
        fileDefaults: fileDefaultsOf(kind, options) as never,
      });
      reportHeaderMatch(kind, match, table.header, fileName, issues);
      for (const [canonical, index] of Object.entries(match.mapping)) {
        if (typeof index === 'number') matched[canonical] = table.header[index] ?? String(index);
      }
      extra = match.extra;
      unmapped = {
        missing: [...match.missingRequired, ...match.missingOneOf.flat()],
        ambiguous: match.ambiguous.map((a) => ({
          canonical: a.canonical,
          headers: a.columns.map((i) => table.header[i] ?? String(i)),
        })),
      };
      if (!match.ok) {
        // Nothing can be read without the columns: count the rows, keep a few for the mapping screen.
        let rowsRead = 0;
        for await (const batch of table.rows) {
          takeSample(batch);
          rowsRead += batch.length;
        }
        return result(null, { ...EMPTY_COUNTS, rowsRead });
      }
      const cols = new Columns(table.header, match);
      const tableReader = createTableReader(kind, ctx, cols);
      reader = tableReader;
      // Errors make the import fail: from then on rows are only checked, never written.
      const writable = (target: WriteTarget | null): WriteTarget | null =>
        target !== null && issues.hasErrors ? { conn: target.conn, importId: null } : target;
      const readAll = async (target: WriteTarget | null): Promise<void> => {
        let n = 0;
        let reported = 0;
        const streams = target !== null && tableReader.chunkFull !== undefined;
        for await (const batch of table.rows) {
          if (sample.length < SAMPLE_ROWS) takeSample(batch);
          if (streams) {
            // Chunk boundaries fall where the chunk is full, whatever the source's batch size.
            const read = table.fractionRead();
            for (const row of batch) {
              tableReader.row(row);
              if (tableReader.chunkFull?.(read) === true)
                await tableReader.drain?.(db, writable(target) as WriteTarget);
            }
          } else for (const row of batch) tableReader.row(row);
          n += batch.length;
          if (n - reported >= 50_000) {
            reported = n;
            progress({ phase: 'reading', rows: n, fractionRead: table.fractionRead() });
          }
        }
        progress({ phase: 'checking', rows: n });
        lap('readMs');
        await tableReader.finish(db, writable(target));
        lap('checkMs');
      };
      if (tableReader.drain === undefined) await readAll(null);
      else if (dryRun || issues.hasErrors) await db.withConnection((conn) => readAll({ conn, importId: null }));
      else {
        // Streaming: the transaction is open while the file is read, and rolled back if it has errors.
        const id = await db
          .transaction(async (conn) => {
            const importId = await insertImportRecord(conn, importRecord());
            await readAll({ conn, importId });
            noRowsCheck(tableReader);
            if (issues.hasErrors) throw new ImportRefused();
            await completeImport(conn, importId, tableReader);
            return importId;
          })
          .catch((error: unknown) => {
            if (error instanceof ImportRefused) return null;
            throw error;
          });
        lap('writeMs');
        if (id !== null) progress({ phase: 'done', rows: tableReader.counts().rowsRead });
        return result(id, tableReader.counts());
      }
    }
  } catch (error) {
    if (error instanceof FatalImportError) {
      issues.add(error.issue);
      return result(null, reader?.counts() ?? EMPTY_COUNTS);
    }
    throw error;
  } finally {
    (openedTable as TableInput | null)?.close?.();
  }

  noRowsCheck(reader);
  const counts = reader.counts();
  if (dryRun || issues.hasErrors) return result(null, counts);

  // ---- commit: one transaction ----
  const kindReader = reader;
  const importId = await db.transaction(async (conn) => {
    const id = await insertImportRecord(conn, importRecord());
    await completeImport(conn, id, kindReader);
    return id;
  });
  lap('writeMs');
  progress({ phase: 'done', rows: counts.rowsRead });
  return result(importId, counts);

  function noRowsCheck(r: KindReader): void {
    if (r.counts().rowsRead === 0 && !issues.hasErrors) issues.add(issue('no_rows', { file: fileName }));
  }

  function importRecord() {
    const f = facts as FileFacts;
    return {
      kind,
      fileName,
      sha256: f.sha256,
      username: principal.username,
      format: format ?? '',
      fileBytes: f.size,
      mapping: matched,
      forced: options.force === true && previous.length > 0,
    };
  }

  /** Inside the transaction, after the imports row: the rows, what depends on them, the record. */
  async function completeImport(conn: DuckDBConnection, id: number, r: KindReader): Promise<void> {
    progress({ phase: 'writing', rows: r.counts().rowsRead });
    const stations = r.stations();
    const written = await r.write(conn, id);
    const usedOffenceMap = Object.entries(options.offenceMap ?? {}).map(([label, group]) => ({
      labelKey: labelKey(label),
      label,
      group,
    }));
    if (usedOffenceMap.length > 0) await saveOffenceMappings(conn, usedOffenceMap, principal.username, id);
    const zoneStations = r.zoneStations?.() ?? [];
    if (zoneStations.length > 0) await reassignZones(conn, zoneStations, options.ringMeters);
    if (r.updateAggregates !== undefined && zoneStations.length === 0) await r.updateAggregates(conn);
    else await refreshAggregates(conn, [...new Set([...stations, ...zoneStations])]);
    await completeImportRecord(conn, id, {
      rowCounts: written,
      stationCodes: stations,
      options: { ...sanitizedOptions(options), ...r.details(), ...(mappingName === null ? {} : { mappingName }) },
      warnings: issues.warningCount,
    });
  }
}
