/**
 * A unit's summary for paper (station, division/province, bureau, the country): its tiles, a map
 * of its zones, and the table of its zones with their figures and statuses (the header row
 * repeats on every page; no row is split). In a pack it also carries the table of contents.
 */
import type { KpiItem, KpiMethods, UnitPage } from '../../api/types.ts';
import { DisplacementWarning } from '../../components/kpi-tile.tsx';
import { StatusBadge, TrafficLightBadge } from '../../components/status-badge.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { toKpiFigures } from '../kpi/to-kpi-figures.ts';
import { pickName } from '../overview/to-zone-rows.ts';
import { printWords } from './print-words.ts';
import { UnitSvgMap } from './svg-map.tsx';
import { Caveats, MethodAppendix } from './report-parts.tsx';
import { type ReportPeriod, periodText, targetLines } from './to-report-facts.ts';
import { PrintTiles } from './print-tiles.tsx';

export interface ContentsEntry {
  section: string;
  title: string;
}

export function UnitSummary({
  page,
  period,
  section,
  kicker,
  contents = null,
  zoneItems,
  zoneMethods,
}: {
  page: UnitPage;
  /** Every zone's own figures (/api/kpis?level=zone), for the table of zones. */
  zoneItems: readonly KpiItem[];
  /** That answer's methods, which the zone items' figures point to. */
  zoneMethods: KpiMethods;
  period: ReportPeriod;
  section: string;
  kicker: string;
  /** A pack's table of contents; page numbers are written in by the server once it knows them. */
  contents?: ContentsEntry[] | null;
}) {
  const { lang, t } = useT();
  const w = printWords(lang);
  const figures = page.item ? toKpiFigures(page.item, { lang, t, methods: page.methods }) : [];
  const itemOf = new Map(zoneItems.map((item) => [item.id, item]));
  const zoneRows = [...page.zones].sort((a, b) => a.nameTh.localeCompare(b.nameTh, 'th'));
  const filters = [
    { label: w('report.unit'), value: page.path.map((u) => (lang === 'th' ? u.abbrTh : u.nameEn)).join(' › ') },
    { label: w('report.period'), value: periodText(period, lang, w) },
    {
      label: w('report.scope'),
      value:
        page.zonesInScope < page.zonesInUnit
          ? w('report.scopePart', { k: page.zonesInScope, n: page.zonesInUnit })
          : w('report.scopeAll', { n: page.zonesInUnit }),
    },
    ...targetLines(page.settings, w),
    { label: w('report.language'), value: w('report.languageValue') },
  ];

  return (
    <article className="print-section print-unit" data-print-section={section} aria-labelledby={`title-${section}`}>
      <header className="print-head">
        <p className="print-kicker">{kicker}</p>
        <h1 id={`title-${section}`}>{pickName(page.unit, lang)}</h1>
        {page.item && <TrafficLightBadge light={page.item.overall} withRule />}
      </header>

      <div className="print-intro">
        <dl className="print-filters">
          {filters.map((line) => (
            <div key={line.label}>
              <dt>{line.label}</dt>
              <dd>{line.value}</dd>
            </div>
          ))}
        </dl>
        <figure className="print-map">
          <UnitSvgMap
            markers={page.zones.map((z) => ({ ...z, name: pickName(z, lang), light: z.overall }))}
            lang={lang}
            label={`${w('report.map')}: ${pickName(page.unit, lang)}`}
            partKey={`map:${section}`}
          />
          <figcaption>{w('report.mapUnit')} · OCHA/HDX COD-AB (CC BY-IGO)</figcaption>
        </figure>
      </div>

      {contents && (
        <nav className="print-block print-contents" aria-label={w('report.contents')}>
          <h2>{w('report.contents')}</h2>
          <table className="print-table-body">
            <thead>
              <tr>
                <th scope="col">{w('report.zone')}</th>
                <th scope="col" className="num">
                  {w('report.contentsPage')}
                </th>
              </tr>
            </thead>
            <tbody>
              {contents.map((entry) => (
                <tr key={entry.section}>
                  <td>
                    <a href={`#title-${entry.section}`}>{entry.title}</a>
                  </td>
                  <td className="num" data-toc-page={entry.section}>
                    …
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </nav>
      )}

      <PrintTiles figures={figures} empty={t('unit.noZones')} />

      <section className="print-block print-table" aria-label={w('report.zonesTable')}>
        <h2>
          {w('report.zonesTable')} ({formatNumber(page.zones.length, lang)})
        </h2>
        <table className="print-table-body print-zone-table" data-testid="print-zone-table">
          <thead>
            <tr>
              <th scope="col">{w('report.zone')}</th>
              <th scope="col">{t('kpi.fear.short')}</th>
              <th scope="col">{t('kpi.trust.short')}</th>
              <th scope="col">{t('kpi.crime.short')}</th>
              <th scope="col">{w('report.overall')}</th>
            </tr>
          </thead>
          <tbody>
            {zoneRows.map((zone) => {
              const item = itemOf.get(zone.id) ?? null;
              const zoneFigures = item ? toKpiFigures(item, { lang, t, methods: zoneMethods }) : [];
              return (
                <tr key={zone.id}>
                  <th scope="row">{pickName(zone, lang)}</th>
                  {zoneFigures.length === 3 ? (
                    zoneFigures.map((f) => (
                      <td key={f.key}>
                        <span className="print-cell-value">{f.headline}</span> <StatusBadge status={f.status} />
                        {f.warning && <DisplacementWarning text={f.warning} />}
                        <span className="print-cell-basis">{f.basis}</span>
                      </td>
                    ))
                  ) : (
                    <td colSpan={3}>–</td>
                  )}
                  <td>
                    <TrafficLightBadge light={zone.overall} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <Caveats figures={figures} partial={{ k: page.zonesInScope, n: page.zonesInUnit }} />
      <MethodAppendix figures={figures} />
    </article>
  );
}
