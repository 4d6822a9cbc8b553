/**
 * A chart's menu: its picture as PNG (twice its size, for slides) or SVG (vector, standalone),
 * and the numbers it draws as CSV from the server (the export rules: viewers refused, formulas
 * neutralised). Shown to roles that may export, like the KPI tables' download links.
 */
import { useQuery } from '@tanstack/react-query';
import { type RefObject, useState } from 'react';
import { meQuery } from '../../api/queries.ts';
import { useT } from '../../i18n/use-t.tsx';
import { useDashboardState } from '../../router.ts';
import { chartCsvHref, type ZoneChart } from './chart-csv-href.ts';
import { chartPngBlob, chartSvgFile, downloadBlob } from './chart-image.ts';

export function ChartMenu({
  figure,
  zoneId,
  chart,
}: {
  figure: RefObject<HTMLElement | null>;
  zoneId: string;
  chart: ZoneChart;
}) {
  const { lang, t } = useT();
  const [state] = useDashboardState();
  const me = useQuery(meQuery());
  const [failed, setFailed] = useState(false);
  if (!me.data?.permissions.includes('export')) return null;
  const base = `ssz-${zoneId.replace(/[^A-Za-z0-9-]+/g, '_')}-${chart}`;
  const save = async (format: 'png' | 'svg') => {
    setFailed(false);
    try {
      const file = figure.current ? await chartSvgFile(figure.current) : null;
      if (!file) throw new Error('no chart');
      const blob = format === 'svg' ? new Blob([file.svg], { type: 'image/svg+xml' }) : await chartPngBlob(file, 2);
      downloadBlob(blob, `${base}.${format}`);
    } catch {
      setFailed(true);
    }
  };
  return (
    <details className="chart-menu" data-testid={`chart-menu-${chart}`}>
      <summary>{t('chart.menu')}</summary>
      <ul>
        <li>
          <button type="button" onClick={() => void save('png')} data-testid="chart-png">
            {t('chart.png')}
          </button>
        </li>
        <li>
          <button type="button" onClick={() => void save('svg')} data-testid="chart-svg">
            {t('chart.svg')}
          </button>
        </li>
        <li>
          <a
            href={chartCsvHref(zoneId, chart, { from: state.from, to: state.to, lang })}
            download
            data-testid="chart-csv"
          >
            {t('chart.csv')}
          </a>
        </li>
      </ul>
      {failed && <p role="alert">{t('chart.exportFailed')}</p>}
    </details>
  );
}
