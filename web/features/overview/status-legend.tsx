import type { KpiStatus, TrafficLight } from '../../api/types.ts';
import { StatusBadge, TrafficLightBadge } from '../../components/status-badge.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';

const LIGHTS: readonly TrafficLight[] = ['green', 'amber', 'red', 'grey'];
const STATUSES: readonly KpiStatus[] = ['met_confident', 'met', 'not_met', 'insufficient'];

/** The traffic-light rule (kpi.md, Overall zone status) with how many zones show each light. */
export function StatusLegend({ counts }: { counts?: Record<TrafficLight, number> }) {
  const { lang, t } = useT();
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend.title')}</h2>
      <ul className="legend-lights">
        {LIGHTS.map((light) => (
          <li key={light}>
            <TrafficLightBadge light={light} withRule />
            {counts && (
              <span className="legend-count">
                {t('figure.zoneCount', {
                  n: formatNumber(counts[light], lang),
                })}
              </span>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('legend.statuses')}</h3>
      <ul className="legend-statuses">
        {STATUSES.map((status) => (
          <li key={status}>
            <StatusBadge status={status} /> <span className="legend-hint">{t(`status.${status}.hint`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
