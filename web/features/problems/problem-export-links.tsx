import { useT } from '../../i18n/use-t.tsx';
import { problemExportHref } from './problem-export-href.ts';

/** Download links for the problems table, as for the KPI tables: Excel (XLSX) and CSV. */
export function ProblemExportLinks({ unit, from, to }: { unit: string; from: string | null; to: string | null }) {
  const { t } = useT();
  return (
    <p className="export-links">
      {t('export.download')}{' '}
      <a href={problemExportHref('xlsx', { unit, from, to })} download data-testid="export-problems-xlsx">
        Excel (XLSX)
      </a>{' '}
      ·{' '}
      <a href={problemExportHref('csv', { unit, from, to })} download data-testid="export-problems-csv">
        CSV
      </a>
    </p>
  );
}
