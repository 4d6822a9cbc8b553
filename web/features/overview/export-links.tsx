import { useT } from '../../i18n/use-t.tsx';
import { kpiExportHref } from './kpi-export-href.ts';

/** Download links for the table above them: Excel for the ministry, CSV for anything else. */
export function ExportLinks({ level, from, to }: { level: string; from: string | null; to: string | null }) {
  const { t } = useT();
  return (
    <p className="export-links">
      {t('export.download')}{' '}
      <a href={kpiExportHref('xlsx', { level, from, to })} download data-testid={`export-xlsx-${level}`}>
        Excel (XLSX)
      </a>{' '}
      ·{' '}
      <a href={kpiExportHref('csv', { level, from, to })} download data-testid={`export-csv-${level}`}>
        CSV
      </a>
    </p>
  );
}
