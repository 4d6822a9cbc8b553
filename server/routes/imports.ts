import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { auditRequest } from '../auth/audit.ts';
import { errorBody } from '../auth/errors.ts';
import { requirePermission } from '../auth/middleware.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { importKindSchema, importOptionsSchema, optionsFromFields } from '../importers/schemas.ts';
import {
  commitPreview,
  commitUpload,
  type ImportServiceDeps,
  PreviewStore,
  previewAgain,
  previewUpload,
} from '../importers/service.ts';
import type { ImportResult } from '../importers/types.ts';
import { undoImport } from '../importers/undo.ts';
import { receiveUpload, type Upload, UploadError } from '../importers/upload.ts';
import {
  deleteMapping,
  importHistory,
  importReference,
  listMappings,
  saveMapping,
  visibleImport,
} from '../services/imports.ts';
import { validate } from './validation.ts';

/**
 * /api/imports: upload -> preview -> commit, history, undo, saved column mappings.
 *
 * POST /preview   multipart (file, kind, options JSON or one field per option), or JSON
 *                 { previewId, kind?, options? } to preview a kept upload again -> { previewId, result }
 * POST /commit    JSON { previewId, options? } -> 201 { result } | 422 { result } (errors: nothing written)
 *                 or multipart like /preview (the command line; field dryRun=1 for a dry run)
 * GET  /          ?kind&limit&offset -> { items, total } (imports touching the user's stations)
 * GET  /:id       -> { item }
 * POST /:id/undo  -> { result } | 404 | 409 { error, blockers? }
 * GET  /mappings  ?kind -> { items };  POST /mappings { name, kind, columns, options? };  DELETE /mappings/:name
 * GET  /reference -> kinds with their columns, offence groups and types (for the mapping screen)
 */
const previewJson = z
  .object({ previewId: z.string().uuid(), kind: importKindSchema.optional(), options: importOptionsSchema.optional() })
  .strict();
const commitJson = z.object({ previewId: z.string().uuid(), options: importOptionsSchema.optional() }).strict();
const historyQuery = z.object({
  kind: importKindSchema.optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional(),
  offset: z
    .string()
    .regex(/^\d{1,7}$/)
    .optional(),
});
const idParam = z.object({ id: z.string().regex(/^\d{1,9}$/) });
const mappingBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    kind: importKindSchema,
    columns: z.record(z.string().max(100), z.union([z.string().max(500), z.number().int().min(0), z.null()])),
    options: importOptionsSchema.omit({ mapping: true, force: true }).optional(),
  })
  .strict();
const mappingName = z.object({ name: z.string().min(1).max(100) });
const mappingsQuery = z.object({ kind: importKindSchema.optional() });

const isMultipart = (c: Context): boolean => /^multipart\/form-data/i.test(c.req.header('content-type') ?? '');

/** Thrown (not returned) so every handler's declared responses stay typed for the RPC client. */
function failure(status: 400 | 413, body: unknown): HTTPException {
  return new HTTPException(status, {
    res: new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=UTF-8' } }),
  });
}

function tooLarge(maxBytes: number): HTTPException {
  const mb = Math.round(maxBytes / (1024 * 1024));
  return failure(413, {
    error: {
      code: 'payload_too_large',
      th: `ไฟล์ใหญ่เกินกำหนด (สูงสุด ${mb} MB)`,
      en: `The file is too large (at most ${mb} MB).`,
    },
  });
}

function badRequest(message: string): HTTPException {
  return failure(400, { ...errorBody('invalid_input'), issues: [{ path: '', message }] });
}

/** Reads a multipart upload with its file; throws the 400 / 413 answer when it cannot. */
async function readUpload(c: Context<AppEnv>, deps: AppDeps): Promise<Upload & { file: NonNullable<Upload['file']> }> {
  let upload: Upload;
  try {
    upload = await receiveUpload(c.req.raw.body, c.req.header('content-type') ?? '', deps.maxUploadBytes);
  } catch (error) {
    if (error instanceof UploadError)
      throw error.code === 'too_large' ? tooLarge(deps.maxUploadBytes) : badRequest(error.message);
    throw error;
  }
  const file = upload.file;
  if (file === null) throw badRequest('no file part named "file"');
  return { ...upload, file };
}

async function auditCommit(c: Context<AppEnv>, deps: AppDeps, result: ImportResult) {
  if (result.importId === null) return;
  await auditRequest(c, deps, 'import', String(result.importId), {
    kind: result.preview.kind,
    file: result.preview.file.name,
    sha256: result.preview.file.sha256,
    rows: result.counts.write,
  });
}

async function uploadPreview(c: Context<AppEnv>, deps: AppDeps, svc: ImportServiceDeps) {
  const upload = await readUpload(c, deps);
  const parsed = optionsFromFields(upload.fields);
  if (!parsed.ok) throw badRequest(parsed.message);
  return previewUpload(svc, c.var.principal, parsed.kind, parsed.options, upload.file);
}

async function uploadCommit(c: Context<AppEnv>, deps: AppDeps, svc: ImportServiceDeps) {
  const upload = await readUpload(c, deps);
  const parsed = optionsFromFields(upload.fields);
  if (!parsed.ok) throw badRequest(parsed.message);
  const dryRun = ['1', 'true', 'yes'].includes((upload.fields.dryRun ?? '').toLowerCase());
  const result = await commitUpload(svc, c.var.principal, parsed.kind, parsed.options, upload.file, dryRun);
  await auditCommit(c, deps, result);
  return result;
}

/** JSON bodies of /preview and /commit (when not multipart). */
async function jsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const body = schema.safeParse(await c.req.json().catch(() => null));
  if (!body.success) throw badRequest(body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return body.data;
}

async function history(c: Context<AppEnv>, deps: AppDeps, q: z.infer<typeof historyQuery>) {
  return importHistory(deps.db, c.var.principal, {
    kind: q.kind,
    limit: Math.min(Number(q.limit ?? 50), 200),
    offset: Number(q.offset ?? 0),
  });
}

async function oneImport(c: Context<AppEnv>, deps: AppDeps, id: number) {
  const item = await visibleImport(deps.db, c.var.principal, id);
  return item === null ? c.json(errorBody('not_found'), 404) : c.json({ item }, 200);
}

async function undo(c: Context<AppEnv>, deps: AppDeps, id: number) {
  const result = await undoImport({ db: deps.db, principal: c.var.principal, importId: id });
  if (result.ok) {
    await auditRequest(c, deps, 'import_undo', String(id), { removed: result.removed, restored: result.restored });
    return c.json({ result }, 200);
  }
  if (result.code === 'not_found') return c.json(errorBody('not_found'), 404);
  return c.json({ error: { code: result.code, th: result.th, en: result.en }, blockers: result.blockers ?? [] }, 409);
}

export const importRoutes = (deps: AppDeps) => {
  const svc: ImportServiceDeps = { db: deps.db, maxUploadBytes: deps.maxUploadBytes, previews: new PreviewStore() };
  return new Hono<AppEnv>()
    .get('/', requirePermission('import'), validate('query', historyQuery), async (c) =>
      c.json(await history(c, deps, c.req.valid('query')), 200),
    )
    .get('/reference', requirePermission('import'), async (c) => c.json(await importReference(deps.db), 200))
    .get('/mappings', requirePermission('import'), validate('query', mappingsQuery), async (c) =>
      c.json({ items: await listMappings(deps.db, c.req.valid('query').kind) }, 200),
    )
    .post('/mappings', requirePermission('import'), validate('json', mappingBody), async (c) => {
      const m = c.req.valid('json');
      const mapping = await saveMapping(deps.db, {
        name: m.name,
        kind: m.kind,
        columns: m.columns,
        options: m.options ?? {},
        by: c.var.principal.username,
      });
      return c.json({ mapping }, 201);
    })
    .delete('/mappings/:name', requirePermission('import'), validate('param', mappingName), async (c) =>
      (await deleteMapping(deps.db, c.req.valid('param').name))
        ? c.json({ deleted: true }, 200)
        : c.json(errorBody('not_found'), 404),
    )
    .post('/preview', requirePermission('import'), async (c) => {
      if (isMultipart(c)) return c.json(await uploadPreview(c, deps, svc), 200);
      const body = await jsonBody(c, previewJson);
      const again = await previewAgain(svc, c.var.principal, body.previewId, body.options, body.kind);
      return again === null ? c.json(errorBody('not_found'), 404) : c.json(again, 200);
    })
    .post('/commit', requirePermission('import'), async (c) => {
      let result: ImportResult | null;
      if (isMultipart(c)) result = await uploadCommit(c, deps, svc);
      else {
        const body = await jsonBody(c, commitJson);
        result = await commitPreview(svc, c.var.principal, body.previewId, body.options);
        if (result !== null) await auditCommit(c, deps, result);
      }
      if (result === null) return c.json(errorBody('not_found'), 404);
      if (!result.ok) return c.json({ result }, 422);
      return result.importId === null ? c.json({ result }, 200) : c.json({ result }, 201);
    })
    .get('/:id', requirePermission('import'), validate('param', idParam), async (c) =>
      oneImport(c, deps, Number(c.req.valid('param').id)),
    )
    .post('/:id/undo', requirePermission('undo'), validate('param', idParam), async (c) =>
      undo(c, deps, Number(c.req.valid('param').id)),
    );
};
