import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { dataDatesQuery } from '../api/queries.ts';
import { type DataDates, dataUpToText } from '../features/period/to-data-reach.ts';
import { useT } from '../i18n/use-t.tsx';

/** "Crime data up to November 2026 · latest survey 20 September 2026", under a screen's title. */
export function DataUpTo({ dates }: { dates: DataDates }) {
  const { lang, t } = useT();
  return (
    <p className="data-up-to" data-testid="data-up-to">
      {dataUpToText(dates, lang, t)}
    </p>
  );
}

/** In place of the figures when the period lies wholly beyond the data: said once, with a way back. */
export function BeyondData({ text, action }: { text: string; action: ReactNode }) {
  return (
    <div className="beyond-data" role="status" data-testid="beyond-data">
      <p>{text}</p>
      {action}
    </div>
  );
}

/** The caller's whole scope, for screens that show no unit or zone of their own (imports, settings, admin). */
export function ScopeDataUpTo() {
  const dates = useQuery(dataDatesQuery());
  return dates.data ? <DataUpTo dates={dates.data} /> : null;
}
