/**
 * Calls of the import screen: upload with progress (web/api/upload.ts), preview again with new
 * options, commit, undo, save a mapping. A commit or an undo moves figures, so every KPI query is
 * invalidated; the history and saved mappings reload too.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, readJson, toApiError } from '../../api/client.ts';
import { invalidateFigures, invalidateImports } from '../../api/queries.ts';
import type {
  ImportCommitResponse,
  ImportKind,
  ImportOptions,
  ImportPreviewResponse,
  ImportResult,
  SaveMappingBody,
} from '../../api/types.ts';
import { postMultipart, type UploadProgress } from '../../api/upload.ts';

const PREVIEW_URL = '/api/imports/preview';

/** The file, its kind and options as multipart; the server answers with a preview id and a dry run. */
export async function uploadForPreview(input: {
  file: File;
  kind: ImportKind;
  options: ImportOptions;
  csrfToken: string | null;
  onProgress: (progress: UploadProgress) => void;
  onUploaded: () => void;
  signal?: AbortSignal;
}): Promise<ImportPreviewResponse> {
  const form = new FormData();
  form.append('kind', input.kind);
  form.append('options', JSON.stringify(input.options));
  form.append('file', input.file, input.file.name);
  const answer = await postMultipart(PREVIEW_URL, form, {
    csrfToken: input.csrfToken,
    onProgress: input.onProgress,
    onUploaded: input.onUploaded,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  return answer.body as ImportPreviewResponse;
}

const jsonInit = (body: unknown) => ({
  init: { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } },
});

/** The kept upload, checked again with other options (mapping, station, sheet...). No re-upload. */
export async function previewAgain(
  previewId: string,
  kind: ImportKind,
  options: ImportOptions,
): Promise<ImportPreviewResponse> {
  // The route reads its JSON body by hand (it also takes multipart), so hc has no typed `json` here.
  return readJson(await client.api.imports.preview.$post(undefined, jsonInit({ previewId, kind, options })));
}

/** 201: written; 422: refused with the errors (nothing written). Both carry the full result. */
async function commitImport(previewId: string, options: ImportOptions): Promise<ImportResult> {
  const response = await client.api.imports.commit.$post(undefined, jsonInit({ previewId, options }));
  if (response.status === 201 || response.status === 422)
    return ((await response.json()) as ImportCommitResponse).result;
  throw await toApiError(response);
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ previewId, options }: { previewId: string; options: ImportOptions }) =>
      commitImport(previewId, options),
    onSuccess: async (result) => {
      if (result.ok) await Promise.all([invalidateFigures(queryClient), invalidateImports(queryClient)]);
    },
  });
}

export function useUndoImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      readJson(await client.api.imports[':id'].undo.$post({ param: { id: String(id) } })),
    onSuccess: () => Promise.all([invalidateFigures(queryClient), invalidateImports(queryClient)]),
  });
}

export function useSaveMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (json: SaveMappingBody) => readJson(await client.api.imports.mappings.$post({ json })),
    onSuccess: () => invalidateImports(queryClient),
  });
}
