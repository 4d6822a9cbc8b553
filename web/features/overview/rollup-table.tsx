import type { KpiItem } from '../../api/types.ts';
import { KpiCell } from '../../components/kpi-tile.tsx';
import { TrafficLightBadge } from '../../components/status-badge.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { ROLLUP_LEVELS, type RollupLevel } from '../../state/dashboard-state.ts';
import { toKpiFigures } from '../kpi/to-kpi-figures.ts';
import { pickName } from './to-zone-rows.ts';

/** Pooled figures per command unit, each with "k of n zones meet". */
export function RollupTable({
  items,
  level,
  onLevelChange,
}: {
  items: KpiItem[];
  level: RollupLevel;
  onLevelChange: (level: RollupLevel) => void;
}) {
  const { lang, t } = useT();
  return (
    <section className="rollups" aria-labelledby="rollups-title">
      <h2 id="rollups-title">{t('overview.rollups')}</h2>
      <fieldset className="segmented">
        <legend>{t('overview.rollupLevel')}</legend>
        {ROLLUP_LEVELS.map((l) => (
          <label key={l} className={l === level ? 'is-active' : undefined}>
            <input type="radio" name="rollup-level" value={l} checked={l === level} onChange={() => onLevelChange(l)} />
            {t(`level.${l}`)}
          </label>
        ))}
      </fieldset>
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
          {items.map((item) => {
            const [fear, trust, crime] = toKpiFigures(item, { lang, t });
            return (
              <tr key={item.id}>
                <th scope="row" className="zone-name-cell">
                  {pickName(item, lang)}
                  <span className="zone-sub">
                    {t('figure.zoneCount', {
                      n: formatNumber(item.zoneCount, lang),
                    })}
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
