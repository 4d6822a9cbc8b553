/**
 * The audit log: newest first, filtered by user, action and Bangkok calendar dates, 50 a page.
 * Times in Asia/Bangkok, Buddhist Era in Thai.
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { auditQuery } from '../../api/queries.ts';
import type { AdminUser, ZoneSummary } from '../../api/types.ts';
import { QueryState } from '../../components/query-state.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import {
  AUDIT_ACTIONS,
  type AuditFilterForm,
  auditActionKey,
  auditDetailText,
  auditTargetText,
  auditParams,
  EMPTY_AUDIT_FILTER,
  pageCount,
} from './audit-view.ts';
import { formatDateTime } from './date-time.ts';
import { DataTable } from '../../components/data-table.tsx';

export function AuditPanel({ users, zones }: { users: readonly AdminUser[]; zones: readonly ZoneSummary[] }) {
  const { lang, t } = useT();
  const usersListId = useId();
  const [draft, setDraft] = useState<AuditFilterForm>(EMPTY_AUDIT_FILTER);
  const [filter, setFilter] = useState<AuditFilterForm>(EMPTY_AUDIT_FILTER);
  const [page, setPage] = useState(1);
  const params = auditParams(filter, page);
  const audit = useQuery(auditQuery(params));
  const set = <K extends keyof AuditFilterForm>(key: K, value: AuditFilterForm[K]) =>
    setDraft((f) => ({ ...f, [key]: value }));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
    setPage(1);
  };
  const clear = () => {
    setDraft(EMPTY_AUDIT_FILTER);
    setFilter(EMPTY_AUDIT_FILTER);
    setPage(1);
  };
  const actionLabel = (action: string) => {
    const key = auditActionKey(action);
    return key ? t(key) : action;
  };

  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit')}</h2>
      <form className="filter-bar" onSubmit={apply} aria-label={t('audit.filters')}>
        <label className="field">
          {t('audit.user')}
          <input
            type="search"
            list={usersListId}
            value={draft.user}
            onChange={(e) => set('user', e.target.value)}
            autoComplete="off"
          />
          <datalist id={usersListId}>
            {users.map((u) => (
              <option key={u.username} value={u.username}>
                {u.displayName}
              </option>
            ))}
          </datalist>
        </label>
        <label className="field">
          {t('audit.action')}
          <select value={draft.action} onChange={(e) => set('action', e.target.value)}>
            <option value="">{t('audit.allActions')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('audit.from')}
          <input type="date" value={draft.from} onChange={(e) => set('from', e.target.value)} />
          <span className="field-help">{draft.from ? formatDate(draft.from, lang) : '\u00a0'}</span>
        </label>
        <label className="field">
          {t('audit.to')}
          <input type="date" value={draft.to} onChange={(e) => set('to', e.target.value)} />
          <span className="field-help">{draft.to ? formatDate(draft.to, lang) : '\u00a0'}</span>
        </label>
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t('audit.apply')}
          </button>
          <button type="button" onClick={clear}>
            {t('audit.clear')}
          </button>
        </div>
      </form>

      <QueryState query={audit}>
        {(data) => {
          const pages = pageCount(data.total, data.pageSize);
          return (
            <>
              <p className="hint" role="status">
                {t('audit.count', {
                  n: formatNumber(data.total, lang),
                  page: formatNumber(data.page, lang),
                  pages: formatNumber(pages, lang),
                })}
              </p>
              {data.items.length === 0 ? (
                <p>{t('audit.none')}</p>
              ) : (
                <DataTable
                  testId="audit-table"
                  columns={[
                    t('audit.time'),
                    t('audit.user'),
                    t('audit.action'),
                    t('audit.target'),
                    t('audit.detail'),
                    t('audit.ip'),
                  ]}
                >
                  {data.items.map((item) => {
                    const detail = auditDetailText(item.detail, { lang, t, zones });
                    const target = auditTargetText(item.action, item.target, { lang, t, zones });
                    return (
                      <tr key={item.id} className={item.action === 'login_failed' ? 'is-warning' : undefined}>
                        <td className="nowrap">
                          <time dateTime={item.at}>{formatDateTime(item.at, lang)}</time>
                        </td>
                        <td className="mono">{item.username}</td>
                        <td>{actionLabel(item.action)}</td>
                        <td
                          className={target === item.target ? 'mono' : undefined}
                          title={target === item.target ? undefined : (item.target ?? undefined)}
                        >
                          {target}
                        </td>
                        <td className="detail-cell">
                          {detail.short === detail.full ? (
                            detail.full
                          ) : (
                            <details>
                              <summary>{detail.short}</summary>
                              <p>{detail.full}</p>
                            </details>
                          )}
                        </td>
                        <td className="mono">{item.ip ?? ''}</td>
                      </tr>
                    );
                  })}
                </DataTable>
              )}
              <nav className="pager" aria-label={t('audit.pages')}>
                <button type="button" disabled={data.page <= 1} onClick={() => setPage(data.page - 1)}>
                  ← {t('audit.newer')}
                </button>
                <span>
                  {t('audit.pageOf', { page: formatNumber(data.page, lang), pages: formatNumber(pages, lang) })}
                </span>
                <button type="button" disabled={data.page >= pages} onClick={() => setPage(data.page + 1)}>
                  {t('audit.older')} →
                </button>
              </nav>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
