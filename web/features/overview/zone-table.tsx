import { useMemo, useState } from 'react';
import type { KpiItem, KpiMethods, ZoneSummary } from '../../api/types.ts';
import { ZoneLink } from '../../components/zone-link.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { KpiRowCells, KpiTableHead } from './kpi-table-parts.tsx';
import { toZoneRows, ZONE_SORTS, type ZoneSort } from './to-zone-rows.ts';

/**
 * Rows drawn at first: a national scope holds thousands of zones, and drawing them all before the
 * page can paint costs seconds on an old PC. The filter and the sort still run over every zone.
 */
export const ZONE_ROWS_AT_FIRST = 100;

/** Every zone in scope with its three KPIs; on phones each row becomes a card (see CSS). */
export function ZoneTable({
  items,
  methods,
  zones,
  title,
}: {
  items: KpiItem[];
  /** The answer's methods, which the items' figures point to. */
  methods: KpiMethods;
  zones: ZoneSummary[];
  title?: string;
}) {
  const { lang, t } = useT();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ZoneSort>('hierarchy');
  const [showAll, setShowAll] = useState(false);
  const rows = useMemo(() => toZoneRows(items, zones, lang, { query, sort }), [items, zones, lang, query, sort]);
  const zoneCount = items.filter((i) => i.level === 'zone').length;
  const shown = showAll ? rows : rows.slice(0, ZONE_ROWS_AT_FIRST);

  return (
    <section className="zone-list" aria-labelledby="zones-title">
      <h2 id="zones-title">{title ?? t('overview.zones', { n: formatNumber(zoneCount, lang) })}</h2>
      <div className="table-tools">
        <label>
          {t('overview.filter')}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>
          {t('overview.sort')}
          <select value={sort} onChange={(e) => setSort(e.target.value as ZoneSort)}>
            {ZONE_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`overview.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <p>{zoneCount === 0 ? t('state.empty') : t('overview.noMatch')}</p>
      ) : (
        <table className="kpi-table" data-testid="zone-table">
          <KpiTableHead first={t('col.zone')} />
          <tbody>
            {shown.map((row) => {
              return (
                <tr key={row.id} data-zone-id={row.id}>
                  <th scope="row" className="zone-name-cell">
                    <ZoneLink zoneId={row.id}>{row.name}</ZoneLink>
                    <span className="zone-sub">
                      {row.station}
                      {row.province && ` · ${row.province}`}
                    </span>
                  </th>
                  <KpiRowCells item={row.item} methods={methods} light={row.light} />
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown.length < rows.length && (
        <p className="table-more" data-testid="zone-table-more">
          {t('overview.shownOf', { k: formatNumber(shown.length, lang), n: formatNumber(rows.length, lang) })}{' '}
          <button type="button" onClick={() => setShowAll(true)}>
            {t('overview.showAll', { n: formatNumber(rows.length, lang) })}
          </button>
        </p>
      )}
    </section>
  );
}
