import type { KpiMethods, UnitChild } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { handleLinkClick, useDashboardState } from '../../router.ts';
import {
  ROLLUP_LEVELS,
  type RollupLevel,
  serializeDashboardState,
  updateDashboardState,
} from '../../state/dashboard-state.ts';
import { KpiRowCells, KpiTableHead } from './kpi-table-parts.tsx';
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
        <KpiTableHead first={t('col.unit')} />
        <tbody>
          {rows.map(({ item, zonesInUnit }) => {
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
                <KpiRowCells item={item} methods={methods} light={item.overall} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
