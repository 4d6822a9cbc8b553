import type { KpiItem, KpiMethods, TrafficLight } from '../../api/types.ts';
import { KpiCell } from '../../components/kpi-tile.tsx';
import { TrafficLightBadge } from '../../components/status-badge.tsx';
import { useT } from '../../i18n/use-t.tsx';
import { toKpiFigures } from '../kpi/to-kpi-figures.ts';

/** The overview tables' header: what a row is (unit or zone), then the three KPIs and the overall status. */
export function KpiTableHead({ first }: { first: string }) {
  const { t } = useT();
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t('kpi.fear.short')}</th>
        <th scope="col">{t('kpi.trust.short')}</th>
        <th scope="col">{t('kpi.crime.short')}</th>
        <th scope="col">{t('col.overall')}</th>
      </tr>
    </thead>
  );
}

/** A row's three KPI cells and its overall status (labelled for the card layout on phones). */
export function KpiRowCells({ item, methods, light }: { item: KpiItem; methods: KpiMethods; light: TrafficLight }) {
  const { lang, t } = useT();
  const [fear, trust, crime] = toKpiFigures(item, { lang, t, methods });
  return (
    <>
      <td data-label={t('kpi.fear.short')}>{fear && <KpiCell figure={fear} />}</td>
      <td data-label={t('kpi.trust.short')}>{trust && <KpiCell figure={trust} />}</td>
      <td data-label={t('kpi.crime.short')}>{crime && <KpiCell figure={crime} />}</td>
      <td data-label={t('col.overall')}>
        <TrafficLightBadge light={light} />
      </td>
    </>
  );
}
