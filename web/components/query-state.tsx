import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/use-t.tsx';

/**
 * Loading, error (with retry) and data for one query. A refetch keeps the data on screen with a
 * small "updating" note instead of a spinner, so charts never blank while a filter changes.
 */
export function QueryState<T>({
  query,
  children,
  notFound,
  notFoundAction,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  notFound?: string;
  /** A way on from a 404, e.g. a link back to the country. */
  notFoundAction?: ReactNode;
}) {
  const { lang, t } = useT();
  if (query.data !== undefined) {
    return (
      <div className="query-state" aria-busy={query.isFetching}>
        {query.isPlaceholderData && (
          <p className="updating" role="status">
            {t('state.updating')}
          </p>
        )}
        {children(query.data)}
      </div>
    );
  }
  if (query.isError) {
    const error = query.error;
    const message =
      error instanceof ApiError && error.status === 404 && notFound
        ? notFound
        : error instanceof ApiError && error.text
          ? error.text[lang]
          : t('state.error');
    return (
      <div className="state-error" role="alert">
        <p>{message}</p>
        {error instanceof ApiError && error.status === 404 && notFoundAction}
        {/* Retrying a 4xx (not found, no permission) cannot help. */}
        {!(error instanceof ApiError && error.status < 500) && (
          <button type="button" onClick={() => void query.refetch()}>
            {t('state.retry')}
          </button>
        )}
      </div>
    );
  }
  return (
    <p className="state-loading" role="status">
      {t('state.loading')}
    </p>
  );
}
