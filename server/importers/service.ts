/**
 * What the HTTP routes call: uploads kept between preview and commit (a temp file per preview,
 * owned by the user who uploaded it, gone after commit or an hour), and the calls into the one
 * pipeline. The routes stay thin: parse, permit, call one of these, respond.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import { runImport } from './pipeline.ts';
import type { ImportOptionsInput } from './schemas.ts';
import type { ImportKind, ImportOptions, ImportResult } from './types.ts';
import { removeUpload, type UploadedFile } from './upload.ts';

export interface PendingPreview {
  id: string;
  username: string;
  kind: ImportKind;
  options: ImportOptions;
  file: UploadedFile;
  expiresAt: number;
}

const PREVIEW_TTL_MS = 60 * 60 * 1000;
const MAX_PER_USER = 5;

/** Uploads waiting for their commit, per app instance. */
export class PreviewStore {
  readonly #items = new Map<string, PendingPreview>();
  constructor(readonly now: () => number = Date.now) {}

  add(username: string, kind: ImportKind, options: ImportOptions, file: UploadedFile): PendingPreview {
    this.sweep();
    const mine = [...this.#items.values()]
      .filter((p) => p.username === username)
      .sort((a, b) => a.expiresAt - b.expiresAt);
    while (mine.length >= MAX_PER_USER) {
      const oldest = mine.shift();
      if (oldest !== undefined) this.remove(oldest.id);
    }
    const p: PendingPreview = {
      id: randomUUID(),
      username,
      kind,
      options,
      file,
      expiresAt: this.now() + PREVIEW_TTL_MS,
    };
    this.#items.set(p.id, p);
    return p;
  }

  /** The preview if it exists, is not expired and belongs to this user. */
  get(id: string, username: string): PendingPreview | null {
    this.sweep();
    const p = this.#items.get(id);
    return p !== undefined && p.username === username ? p : null;
  }

  remove(id: string): void {
    const p = this.#items.get(id);
    if (p !== undefined) {
      removeUpload(p.file.path);
      this.#items.delete(id);
    }
  }

  sweep(): void {
    const now = this.now();
    for (const p of [...this.#items.values()]) if (p.expiresAt <= now) this.remove(p.id);
  }

  clear(): void {
    for (const id of [...this.#items.keys()]) this.remove(id);
  }
}

export interface ImportServiceDeps {
  db: Database;
  maxUploadBytes: number;
  previews: PreviewStore;
}

function toOptions(o: ImportOptionsInput): ImportOptions {
  return o as ImportOptions;
}

/** Dry run of a fresh upload; keeps the file for the commit. */
export async function previewUpload(
  deps: ImportServiceDeps,
  principal: Principal,
  kind: ImportKind,
  options: ImportOptionsInput,
  file: UploadedFile,
): Promise<{ previewId: string; result: ImportResult }> {
  const pending = deps.previews.add(principal.username, kind, toOptions(options), file);
  const result = await runImport({
    db: deps.db,
    principal,
    kind,
    file: { name: file.name, path: file.path },
    options: pending.options,
    dryRun: true,
    limits: { maxFileBytes: deps.maxUploadBytes },
  });
  return { previewId: pending.id, result };
}

/** Dry run again on a kept upload with new options (the user mapped columns, chose a sheet...). */
export async function previewAgain(
  deps: ImportServiceDeps,
  principal: Principal,
  previewId: string,
  options: ImportOptionsInput | undefined,
  kind: ImportKind | undefined,
): Promise<{ previewId: string; result: ImportResult } | null> {
  const pending = deps.previews.get(previewId, principal.username);
  if (pending === null) return null;
  if (options !== undefined) pending.options = toOptions(options);
  if (kind !== undefined) pending.kind = kind;
  const result = await runImport({
    db: deps.db,
    principal,
    kind: pending.kind,
    file: { name: pending.file.name, path: pending.file.path },
    options: pending.options,
    dryRun: true,
    limits: { maxFileBytes: deps.maxUploadBytes },
  });
  return { previewId, result };
}

/** Commits a kept upload; the upload is removed when the import committed. */
export async function commitPreview(
  deps: ImportServiceDeps,
  principal: Principal,
  previewId: string,
  options: ImportOptionsInput | undefined,
): Promise<ImportResult | null> {
  const pending = deps.previews.get(previewId, principal.username);
  if (pending === null) return null;
  if (options !== undefined) pending.options = toOptions(options);
  const result = await runImport({
    db: deps.db,
    principal,
    kind: pending.kind,
    file: { name: pending.file.name, path: pending.file.path },
    options: pending.options,
    limits: { maxFileBytes: deps.maxUploadBytes },
  });
  if (result.ok) deps.previews.remove(previewId);
  return result;
}

/** Preview and commit in one step (the command line sending a file to the running server). */
export async function commitUpload(
  deps: ImportServiceDeps,
  principal: Principal,
  kind: ImportKind,
  options: ImportOptionsInput,
  file: UploadedFile,
  dryRun: boolean,
): Promise<ImportResult> {
  try {
    return await runImport({
      db: deps.db,
      principal,
      kind,
      file: { name: file.name, path: file.path },
      options: toOptions(options),
      dryRun,
      limits: { maxFileBytes: deps.maxUploadBytes },
    });
  } finally {
    removeUpload(file.path);
  }
}
