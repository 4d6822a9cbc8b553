/**
 * Imports touching the user's stations, newest first, with undo (after a confirm). An undo the
 * server refuses (later imports stand on this one) shows its bilingual reason. Stations are shown
 * by name (code on hover); on phones each row is a card with its undo button in view.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { importHistoryQuery, zonesQuery } from '../../api/queries.ts';
import type { ImportHistoryItem } from '../../api/types.ts';
import { QueryState } from '../../components/query-state.tsx';
import { formatNumber } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/use-t.tsx';
import { formatDateTime } from '../admin/date-time.ts';
import { errorText } from '../admin/error-text.ts';
import { ConfirmDialog } from '../admin/modal.tsx';
import { pageCount } from '../admin/audit-view.ts';
import { rowsToWrite } from './to-issue-lines.ts';
import { stationNames } from './to-station-names.ts';
import { useUndoImport } from './use-imports.ts';
import { DataTable } from '../../components/data-table.tsx';

const PAGE_SIZE = 20;

export function HistoryTable({ canUndo }: { canUndo: boolean }) {
  const { lang, t } = useT();
  const [page, setPage] = useState(1);
  const history = useQuery(importHistoryQuery({ kind: null, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
  const zones = useQuery(zonesQuery());
  const undo = useUndoImport();
  const [undoing, setUndoing] = useState<ImportHistoryItem | null>(null);
  const [notice, setNotice] = useState('');
  // A kind newer than this screen is shown as the server named it.
  const kindLabel = (kind: string) => {
    const key = `imports.kind.${kind}` as MessageKey;
    return t(key) === key ? kind : t(key);
  };

  return (
    <section aria-labelledby="history-title" className="panel">
      <h2 id="history-title">{t('imports.history')}</h2>
      <p className="notice" role="status">
        {notice}
      </p>
      <QueryState query={history}>
        {(data) => {
          const pages = pageCount(data.total, PAGE_SIZE);
          return data.items.length === 0 ? (
            <p>{t('imports.noHistory')}</p>
          ) : (
            <>
              <DataTable
                className="card-table"
                testId="import-history"
                columns={[
                  '#',
                  t('audit.time'),
                  t('imports.kind'),
                  t('imports.file'),
                  t('audit.user'),
                  t('imports.stations'),
                  t('imports.rows'),
                  t('admin.state'),
                  t('admin.actions'),
                ]}
              >
                {data.items.map((item) => (
                  <tr
                    key={item.id}
                    data-import-id={item.id}
                    className={item.status === 'undone' ? 'is-disabled' : undefined}
                  >
                    <td className="num" data-label="#">
                      {item.id}
                    </td>
                    <td className="nowrap" data-label={t('audit.time')}>
                      {formatDateTime(item.createdAt, lang)}
                    </td>
                    <td data-label={t('imports.kind')}>{kindLabel(item.kind)}</td>
                    <td className="file-cell" data-label={t('imports.file')}>
                      {item.fileName}
                      {item.forced && <span className="tag">{t('imports.forced')}</span>}
                    </td>
                    <td className="mono" data-label={t('audit.user')}>
                      {item.username}
                    </td>
                    <td data-label={t('imports.stations')}>
                      {stationNames(item.stationCodes, zones.data?.items ?? [], lang).map((station, index) => (
                        <span key={station.code} title={station.code} className="station-name">
                          {index > 0 && ', '}
                          {station.name}
                        </span>
                      ))}
                    </td>
                    <td className="num" data-label={t('imports.rows')}>
                      {formatNumber(rowsToWrite(item.rowCounts), lang)}
                    </td>
                    <td data-label={t('admin.state')}>
                      {item.status === 'committed' ? (
                        <span className="state-word state-on">
                          <span aria-hidden="true">✓ </span>
                          {t('imports.committed')}
                        </span>
                      ) : (
                        <span className="state-word state-off">
                          <span aria-hidden="true">↶ </span>
                          {t('imports.undone')}
                          <span className="cell-sub">
                            {formatDateTime(item.undoneAt, lang)} · {item.undoneBy}
                          </span>
                        </span>
                      )}
                    </td>
                    <td data-label={t('admin.actions')} className="actions-cell">
                      {canUndo && item.status === 'committed' && item.kind !== 'demo' && (
                        <button
                          type="button"
                          className="danger-outline"
                          onClick={() => {
                            undo.reset();
                            setUndoing(item);
                          }}
                          aria-label={t('imports.undoOf', { id: item.id, file: item.fileName })}
                        >
                          {t('imports.undo')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </DataTable>
              {pages > 1 && (
                <nav className="pager" aria-label={t('audit.pages')}>
                  <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                    ← {t('audit.newer')}
                  </button>
                  <span>{t('audit.pageOf', { page: formatNumber(page, lang), pages: formatNumber(pages, lang) })}</span>
                  <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                    {t('audit.older')} →
                  </button>
                </nav>
              )}
            </>
          );
        }}
      </QueryState>
      {undoing && (
        <ConfirmDialog
          title={t('imports.undoTitle', { id: undoing.id })}
          confirmLabel={t('imports.undoYes')}
          cancelLabel={t('imports.undoNo')}
          busy={undo.isPending}
          error={undo.isError ? errorText(undo.error, lang, t) : null}
          onCancel={() => setUndoing(null)}
          onConfirm={() =>
            undo.mutate(undoing.id, {
              onSuccess: ({ result }) => {
                setUndoing(null);
                setNotice(
                  t('imports.undoneNotice', {
                    id: result.importId,
                    n: formatNumber(rowsToWrite(result.removed), lang),
                  }),
                );
              },
            })
          }
        >
          <p>
            {t('imports.undoBody', {
              file: undoing.fileName,
              n: formatNumber(rowsToWrite(undoing.rowCounts), lang),
              when: formatDateTime(undoing.createdAt, lang),
            })}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
