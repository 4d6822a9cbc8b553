import type { KpiMethods, UnitChild } from '../../api/types.ts';
import { KpiCell } from '../../components/kpi-tile.tsx';
import { TrafficLightBadge } from '../../components/status-badge.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { handleLinkClick, useDashboardState } from '../../router.ts';
import {
  ROLLUP_LEVELS,
  type RollupLevel,
  serializeDashboardState,
  updateDashboardState,
} from '../../state/dashboard-state.ts';
import { toKpiFigures } from '../kpi/to-kpi-figures.ts';
import { pickName } from './to-zone-rows.ts';

/**
 * Pooled figures per command unit, each with "k of n zones meet"; each row opens its unit. A row
 * pooling only some of the unit's zones (the user's) says so instead of reading as the unit's figure.
 */
export function RollupTable({
  rows,
  methods,
  title,
  level,
  onLevelChange,
}: {
  rows: UnitChild[];
  /** The page's methods, which the rows' figures point to. */
  methods: KpiMethods;
  title: string;
  level: RollupLevel;
  /** The national page lets the user pick the level; a unit page lists the level below it. */
  onLevelChange?: (level: RollupLevel) => void;
}) {
  const { lang, t } = useT();
  const [state, navigate] = useDashboardState();
  return (
    <section className="rollups" aria-labelledby="rollups-title">
      <h2 id="rollups-title">{title}</h2>
      {onLevelChange && (
        <fieldset className="segmented">
          <legend>{t('overview.rollupLevel')}</legend>
          {ROLLUP_LEVELS.filter((l) => l !== 'national').map((l) => (
            <label key={l} className={l === level ? 'is-active' : undefined}>
              <input
                type="radio"
                name="rollup-level"
                value={l}
                checked={l === level}
                onChange={() => onLevelChange(l)}
              />
              {t(`level.${l}`)}
            </label>
          ))}
        </fieldset>
      )}
      <p className="hint">{t('unit.openHint')}</p>
      <table className="kpi-table" data-testid="rollup-table">
        <thead>
          <tr>
            <th scope="col">{t('col.unit')}</th>
            <th scope="col">{t('kpi.fear.short')}</th>
            <th scope="col">{t('kpi.trust.short')}</th>
            <th scope="col">{t('kpi.crime.short')}</th>
            <th scope="col">{t('col.overall')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ item, zonesInUnit }) => {
            const [fear, trust, crime] = toKpiFigures(item, { lang, t, methods });
            const target = { view: 'overview' as const, unit: item.id };
            const partial = item.zoneCount < zonesInUnit;
            return (
              <tr key={item.id} data-unit={item.id}>
                <th scope="row" className="zone-name-cell">
                  <a
                    href={serializeDashboardState(updateDashboardState(state, target))}
                    onClick={(event) => handleLinkClick(event, () => navigate(target))}
                  >
                    {pickName(item, lang)}
                  </a>
                  <span className="zone-sub">
                    {partial
                      ? t('unit.rowMine', { k: formatNumber(item.zoneCount, lang), n: formatNumber(zonesInUnit, lang) })
                      : t('figure.zoneCount', { n: formatNumber(item.zoneCount, lang) })}
                  </span>
                </th>
                <td data-label={t('kpi.fear.short')}>{fear && <KpiCell figure={fear} />}</td>
                <td data-label={t('kpi.trust.short')}>{trust && <KpiCell figure={trust} />}</td>
                <td data-label={t('kpi.crime.short')}>{crime && <KpiCell figure={crime} />}</td>
                <td data-label={t('col.overall')}>
                  <TrafficLightBadge light={item.overall} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
