import { KpiTile } from '../../components/kpi-tile.tsx';
import { useT } from '../../i18n/use-t.tsx';
import type { KpiFigure } from '../kpi/to-kpi-figures.ts';

/** The three KPI tiles of a printed report, kept together on one page, or what to say instead. */
export function PrintTiles({ figures, empty }: { figures: readonly KpiFigure[]; empty: string }) {
  const { t } = useT();
  return (
    <section className="print-block" aria-label={t('zone.kpis')}>
      <h2>{t('zone.kpis')}</h2>
      {figures.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="tile-row print-tiles">
          {figures.map((figure) => (
            <KpiTile key={figure.key} figure={figure} />
          ))}
        </div>
      )}
    </section>
  );
}
