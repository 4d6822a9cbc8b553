/**
 * "พิมพ์ / PDF" on a zone page and a unit page: print the page itself (Ctrl+P, print.css), open
 * its printable page, or have the server make the PDF. A unit's meeting pack takes a while, so it
 * is made as a job whose progress shows here, and downloads itself when ready. Viewers may print
 * what they see but not take files away (export permission), as with the KPI spreadsheets.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError, client, readJson } from '../../api/client.ts';
import { meQuery } from '../../api/queries.ts';
import type { Lang } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { type PrintKind, printHref, reportPdfHref } from './print-route.ts';
import { type PrintTranslate, printWords } from './print-words.ts';

type JobStatus = Awaited<ReturnType<typeof fetchJob>>;

async function fetchJob(id: string) {
  return readJson(await client.api.reports.jobs[':id'].$get({ param: { id } }));
}

/** The job's progress in words. Pure. */
export function jobProgressText(
  status: Pick<JobStatus, 'progress' | 'error' | 'fileName'>,
  lang: Lang,
  w: PrintTranslate,
): string {
  const { stage, ahead, done, total } = status.progress;
  switch (stage) {
    case 'waiting':
      return w('menu.waiting', { ahead });
    case 'loading':
      return w('menu.loading', { done, total: Math.max(total, done) });
    case 'paging':
      return w('menu.paging', { done, total });
    case 'printing':
      return w('menu.printing');
    case 'done':
      return w('menu.done', { file: status.fileName });
    case 'failed':
      return w('menu.failed', { message: status.error ? status.error[lang] : '' });
  }
}

function PackJob({ code, from, to }: { code: string; from: string | null; to: string | null }) {
  const { lang } = useT();
  const w = printWords(lang);
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  const poll = (id: string) => {
    timer.current = window.setTimeout(async () => {
      try {
        const next = await fetchJob(id);
        setStatus(next);
        if (next.progress.stage === 'done') {
          setBusy(false);
          window.location.assign(`/api/reports/jobs/${encodeURIComponent(id)}/file`);
        } else if (next.progress.stage === 'failed') setBusy(false);
        else poll(id);
      } catch (e) {
        setBusy(false);
        setError(e instanceof Error ? e.message : String(e));
      }
    }, 1000);
  };

  const start = async () => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const job = await readJson(
        await client.api.reports.jobs.$post({
          json: { kind: 'pack', id: code, lang, ...(from && to ? { from, to } : {}) },
        }),
      );
      setStatus({ ...job, error: null });
      poll(job.id);
    } catch (e) {
      setBusy(false);
      const text = e instanceof ApiError && e.text ? e.text[lang] : e instanceof Error ? e.message : String(e);
      setError(w('menu.failed', { message: text }));
    }
  };

  return (
    <div className="report-job">
      <button type="button" onClick={() => void start()} disabled={busy} data-testid="pack-button">
        {w('menu.packPdf')}
      </button>
      {(busy || status) && (
        <div className="report-job-status" role="status" data-testid="pack-progress">
          <progress max={1} value={status?.progress.fraction ?? 0} />
          <span>{status ? jobProgressText(status, lang, w) : w('menu.starting')}</span>
          {status?.progress.stage === 'done' && (
            <a href={`/api/reports/jobs/${encodeURIComponent(status.id)}/file`} download={status.fileName}>
              {status.fileName}
            </a>
          )}
        </div>
      )}
      {error && (
        <p className="state-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function ReportMenu({
  kind,
  id,
  from,
  to,
}: {
  kind: Exclude<PrintKind, 'pack'>;
  /** A zone id, or a unit code ('national' for the country). */
  id: string;
  from: string | null;
  to: string | null;
}) {
  const { lang } = useT();
  const w = printWords(lang);
  const me = useQuery(meQuery());
  const canExport = me.data?.permissions.includes('export') ?? false;
  const route = { kind, id, from, to, lang };
  return (
    <details className="report-menu" data-testid="report-menu">
      <summary>{w('menu.button')}</summary>
      <ul>
        <li>
          <button type="button" onClick={() => window.print()}>
            {w('menu.print')}
          </button>
        </li>
        <li>
          <a href={printHref(route)} target="_blank" rel="noopener">
            {w('menu.printView')}
          </a>
        </li>
        {canExport && (
          <li>
            <a href={reportPdfHref(route)} download data-testid="report-pdf-link">
              {kind === 'zone' ? w('menu.zonePdf') : w('menu.unitPdf')}
            </a>
          </li>
        )}
        {canExport && kind === 'unit' && (
          <li>
            <PackJob code={id} from={from} to={to} />
          </li>
        )}
      </ul>
    </details>
  );
}
