/**
 * Data import (permission 'import'): choose the kind, drop or pick a file, watch it upload, read
 * the server's dry run (preview), fix the mapping and options, then commit. Nothing is written
 * before the commit, and any error keeps the commit button off. History with undo below.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { importMappingsQuery, importReferenceQuery, zonesQuery } from '../../api/queries.ts';
import type { ImportKind, ImportPreviewResponse, ImportResult, Me } from '../../api/types.ts';
import type { UploadProgress } from '../../api/upload.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/use-t.tsx';
import { formatDateTime } from '../admin/date-time.ts';
import { errorText } from '../admin/error-text.ts';
import { DropZone } from './drop-zone.tsx';
import { FileOptions } from './file-options.tsx';
import { HistoryTable } from './history-table.tsx';
import {
  ACCEPT,
  buildImportOptions,
  changeKind,
  emptyImportForm,
  IMPORT_KINDS,
  type ImportForm,
  previewKey,
} from './import-form.ts';
import { PreviewPanel } from './preview-panel.tsx';
import { formatBytes } from './to-preview-table.ts';
import { type CommitBlocker, commitBlockers, rowsToWrite } from './to-issue-lines.ts';
import { previewAgain, uploadForPreview, useCommitImport } from './use-imports.ts';

type Phase =
  | { name: 'idle' }
  | { name: 'uploading'; progress: UploadProgress }
  | { name: 'checking' }
  | { name: 'failed'; error: unknown };

/** Wait this long after the last change before checking again (a user picking several columns). */
const RECHECK_DELAY_MS = 600;

export default function ImportsPage({ me }: { me: Me }) {
  const { lang, t } = useT();
  const zones = useQuery(zonesQuery());
  const reference = useQuery(importReferenceQuery());
  const [form, setForm] = useState<ImportForm>(() => emptyImportForm('incidents'));
  const mappings = useQuery(importMappingsQuery(form.kind));
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreviewResponse | null>(null);
  const [checkedKey, setCheckedKey] = useState('');
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [committed, setCommitted] = useState<ImportResult | null>(null);
  const commit = useCommitImport();
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  // Keyboard and screen-reader users land on what just appeared: a new file's preview, or "imported".
  const [focusTarget, setFocusTarget] = useState<'preview' | 'done' | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget === 'preview' ? 'preview-title' : 'done-title')?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const key = previewKey(form);
  const stale = preview !== null && key !== checkedKey;
  const busy = phase.name === 'uploading' || phase.name === 'checking' || commit.isPending;
  // Choices stay open while the file is checked (a late change is simply checked again next):
  // locking them would throw keyboard focus out of the select being used. Only a commit locks them.
  const locked = commit.isPending;

  const upload = async (chosen: File, current: ImportForm) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setFile(chosen);
    setPreview(null);
    setCommitted(null);
    commit.reset();
    setPhase({ name: 'uploading', progress: { loaded: 0, total: chosen.size } });
    const sentKey = previewKey(current);
    try {
      const answer = await uploadForPreview({
        file: chosen,
        kind: current.kind,
        options: buildImportOptions(current),
        csrfToken: me.csrfToken,
        onProgress: (progress) => setPhase({ name: 'uploading', progress }),
        onUploaded: () => setPhase({ name: 'checking' }),
        signal: controller.signal,
      });
      setPreview(answer);
      setCheckedKey(sentKey);
      setPhase({ name: 'idle' });
      setFocusTarget('preview');
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'aborted')) setPhase({ name: 'failed', error });
    }
  };

  const recheck = async () => {
    if (!preview) return;
    const sentKey = previewKey(form);
    setPhase({ name: 'checking' });
    try {
      const answer = await previewAgain(preview.previewId, form.kind, buildImportOptions(form));
      setPreview(answer);
      setCheckedKey(sentKey);
      setPhase({ name: 'idle' });
    } catch (error) {
      // The kept upload expires after an hour (or a server restart): send the file again.
      if (error instanceof ApiError && error.status === 404 && file) void upload(file, form);
      else setPhase({ name: 'failed', error });
    }
  };
  const recheckLatest = useRef(recheck);
  recheckLatest.current = recheck;

  // A change of mapping or options checks the file again by itself, shortly after the last change.
  useEffect(() => {
    if (!stale || phase.name !== 'idle' || key === checkedKey) return;
    const timer = window.setTimeout(() => void recheckLatest.current(), RECHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [stale, phase.name, key, checkedKey]);

  const result = preview?.result ?? null;
  const blockers = commitBlockers({ result, stale, busy });

  const doCommit = () => {
    if (!preview || blockers.length > 0) return;
    commit.mutate(
      { previewId: preview.previewId, options: buildImportOptions(form) },
      {
        onSuccess: (answer) => {
          if (answer.ok) {
            setCommitted(answer);
            setPreview(null);
            setFile(null);
            setFocusTarget('done');
          } else {
            // Refused at commit (data changed since the preview): show why, nothing was written.
            setPreview({ previewId: preview.previewId, result: answer });
          }
        },
      },
    );
  };

  const startOver = () => {
    abort.current?.abort();
    setCommitted(null);
    setPreview(null);
    setFile(null);
    setPhase({ name: 'idle' });
    setForm((f) => ({ ...f, columns: {}, mappingName: null, offenceMap: {}, force: false, sheet: '' }));
  };

  return (
    <>
      <h1>{t('imports.title')}</h1>
      <p className="lead">{t('imports.intro')}</p>

      <section aria-labelledby="kind-title" className="panel">
        <h2 id="kind-title">{t('imports.step.kind')}</h2>
        <fieldset className="kind-choice" disabled={locked} aria-label={t('imports.kind')}>
          {IMPORT_KINDS.map((k: ImportKind) => (
            <label key={k} className={`kind-option${k === form.kind ? ' is-active' : ''}`}>
              <input
                type="radio"
                name="import-kind"
                value={k}
                checked={k === form.kind}
                onChange={() => setForm((f) => changeKind(f, k))}
              />
              <span className="kind-name">{t(`imports.kind.${k}`)}</span>
              <span className="kind-help">{t(`imports.kindHelp.${k}`)}</span>
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="file-title" className="panel">
        <h2 id="file-title">{t('imports.step.file')}</h2>
        <FileOptions
          form={form}
          onChange={setForm}
          zones={zones.data?.items ?? []}
          mappings={mappings.data?.items ?? []}
          preview={result?.preview ?? null}
          disabled={locked}
        />
        <DropZone
          accept={ACCEPT[form.kind]}
          disabled={phase.name === 'uploading' || commit.isPending}
          onFile={(chosen) => void upload(chosen, form)}
          hint={t(form.kind === 'zones' ? 'imports.formatsGeo' : 'imports.formats')}
        />
        <UploadStatus phase={phase} file={file} />
      </section>

      {committed && (
        <section className="panel success" aria-labelledby="done-title" data-testid="import-done">
          <h2 id="done-title" tabIndex={-1}>
            <span aria-hidden="true">✓ </span>
            {t('imports.done', { id: committed.importId ?? '' })}
          </h2>
          <p>
            {t('imports.doneBody', {
              file: committed.preview.file.name,
              n: formatNumber(rowsToWrite(committed.counts.write), lang),
              warnings: formatNumber(committed.warningCount, lang),
            })}
          </p>
          <button type="button" className="primary" onClick={startOver}>
            {t('imports.another')}
          </button>
        </section>
      )}

      {result && (
        <>
          <PreviewPanel
            result={result}
            form={form}
            onChange={setForm}
            reference={reference.data}
            zones={zones.data?.items ?? []}
            disabled={locked}
          />
          <section className="panel commit" aria-labelledby="commit-title">
            <h2 id="commit-title">{t('imports.step.commit')}</h2>
            {result.preview.previousImports.length > 0 && (
              <label className="check force">
                <input
                  type="checkbox"
                  checked={form.force}
                  disabled={locked}
                  onChange={(e) => setForm((f) => ({ ...f, force: e.target.checked }))}
                />
                {t('imports.force', {
                  imports: result.preview.previousImports
                    .map((p) => t('imports.previous', { id: p.id, when: formatDateTime(p.at, lang), by: p.by }))
                    .join(', '),
                })}
              </label>
            )}
            <CommitReasons blockers={blockers} errors={result.errorCount} />
            {commit.isError && (
              <p className="form-error" role="alert">
                {errorText(commit.error, lang, t)}
              </p>
            )}
            <div className="form-actions">
              <button
                type="button"
                className="primary big"
                disabled={blockers.length > 0}
                aria-describedby="commit-reasons"
                onClick={doCommit}
                data-testid="commit-import"
              >
                {commit.isPending
                  ? t('imports.committing')
                  : t('imports.commit', { n: formatNumber(rowsToWrite(result.counts.write), lang) })}
              </button>
              {stale && (phase.name === 'idle' || phase.name === 'failed') && (
                <button type="button" onClick={() => void recheck()}>
                  {t('imports.recheck')}
                </button>
              )}
              <button type="button" onClick={startOver} disabled={commit.isPending}>
                {t('imports.cancel')}
              </button>
            </div>
          </section>
        </>
      )}

      <HistoryTable canUndo={me.permissions.includes('undo')} />
    </>
  );
}

function UploadStatus({ phase, file }: { phase: Phase; file: File | null }) {
  const { lang, t } = useT();
  if (phase.name === 'uploading') {
    const { loaded, total } = phase.progress;
    const percent = total ? Math.min(100, Math.round((loaded / total) * 100)) : null;
    return (
      <div className="upload-status" role="status" data-testid="upload-progress">
        <label>
          {t('imports.uploading', { name: file?.name ?? '' })}
          <progress max={100} value={percent ?? undefined} />
        </label>
        <span>
          {percent === null
            ? formatBytes(loaded, lang)
            : t('imports.uploaded', {
                percent: formatNumber(percent, lang),
                loaded: formatBytes(loaded, lang),
                total: formatBytes(total, lang),
              })}
        </span>
      </div>
    );
  }
  if (phase.name === 'checking') {
    return (
      <div className="upload-status" role="status">
        <label>
          {t('imports.checking', { name: file?.name ?? '' })}
          <progress />
        </label>
      </div>
    );
  }
  if (phase.name === 'failed') {
    return <FailedStatus error={phase.error} />;
  }
  return null;
}

function FailedStatus({ error }: { error: unknown }) {
  const { lang, t } = useT();
  return (
    <p className="form-error" role="alert">
      {t('imports.failed')} {errorText(error, lang, t)}
    </p>
  );
}

const BLOCKER_KEYS: Record<CommitBlocker, MessageKey> = {
  no_preview: 'imports.block.no_preview',
  busy: 'imports.block.busy',
  errors: 'imports.block.errors',
  stale: 'imports.block.stale',
};

function CommitReasons({ blockers, errors }: { blockers: CommitBlocker[]; errors: number }) {
  const { lang, t } = useT();
  return (
    <div id="commit-reasons" className={blockers.length > 0 ? 'commit-blocked' : 'commit-ready'} aria-live="polite">
      {blockers.length === 0 ? (
        <p>
          <span aria-hidden="true">✓ </span>
          {t('imports.ready')}
        </p>
      ) : (
        <ul>
          {blockers.map((b) => (
            <li key={b}>{t(BLOCKER_KEYS[b], { n: formatNumber(errors, lang) })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
