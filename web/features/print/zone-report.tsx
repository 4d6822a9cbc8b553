/**
 * One zone's report for paper (A4 portrait), from the same components as the zone page: who and
 * where with every filter, the three KPI tiles, the crime and survey charts, a map, partners,
 * caveats and an appendix of how each figure was computed. Printed alone or as a section of a pack.
 */
import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import { kpisQuery, zoneCounterfactualQuery, zoneQuery, zoneSeriesQuery, zoneSurveyQuery } from '../../api/queries.ts';
import { ApiError } from '../../api/client.ts';
import { TrafficLightBadge } from '../../components/status-badge.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/use-t.tsx';
import { toKpiFigures } from '../kpi/to-kpi-figures.ts';
import { pickName } from '../overview/to-zone-rows.ts';
import { CrimeChart } from '../zone/crime-chart.tsx';
import { PartnersTable } from '../zone/partners-table.tsx';
import { SurveyChart } from '../zone/survey-chart.tsx';
import { toCounterfactualView } from '../zone/to-counterfactual.ts';
import { ZoneFacts } from '../zone/zone-facts.tsx';
import { useReadyPart } from './print-readiness.tsx';
import { printWords } from './print-words.ts';
import { ZoneSvgMap } from './svg-map.tsx';
import { Caveats, MethodAppendix } from './report-parts.tsx';
import { type ReportPeriod, periodText, targetLines } from './to-report-facts.ts';
import { PrintTiles } from './print-tiles.tsx';

function errorText(error: unknown, lang: 'th' | 'en'): string {
  if (error instanceof ApiError && error.text) return error.text[lang];
  return error instanceof Error ? error.message : String(error);
}

/** Memoised: a pack re-renders its document as parts arrive, and each zone has three charts. */
export const ZoneReport = memo(function ZoneReport({
  zoneId,
  period,
  section,
}: {
  zoneId: string;
  period: ReportPeriod;
  section: string;
}) {
  const { lang, t } = useT();
  const w = printWords(lang);
  const detail = useQuery(zoneQuery(zoneId));
  const kpis = useQuery(kpisQuery({ level: 'zone', unit: zoneId, ...period }));
  const series = useQuery(zoneSeriesQuery(zoneId, period));
  const survey = useQuery(zoneSurveyQuery(zoneId));
  const counterfactual = useQuery(zoneCounterfactualQuery(zoneId, period));
  const queries = [detail, kpis, series, survey, counterfactual];
  const failed = queries.find((q) => q.isError);
  // The synthetic control is optional on paper as on screen: its failure does not stop the report.
  const needed = [detail, kpis, series, survey];
  useReadyPart(
    `zone:${zoneId}`,
    needed.every((q) => q.isSuccess) && !counterfactual.isPending,
    failed && failed !== counterfactual ? errorText(failed.error, lang) : null,
  );

  if (!detail.data || !kpis.data || !series.data || !survey.data) return null;
  const { zone, partners, geometry, settings } = detail.data;
  const item = kpis.data.items[0];
  const counterfactualView = counterfactual.data ? toCounterfactualView(counterfactual.data, lang, t) : null;
  const figures = item
    ? toKpiFigures(item, { lang, t, methods: kpis.data.methods }, { counterfactualLine: counterfactualView?.line })
    : [];
  const groupNames = series.data.groupNames
    .filter((g) => g.counted)
    .map((g) => t(`group.${g.group}` as MessageKey))
    .join(', ');
  const filters = [
    { label: w('report.period'), value: periodText(period, lang, w) },
    { label: w('report.station'), value: pickName({ nameTh: zone.stationNameTh, nameEn: zone.stationNameEn }, lang) },
    {
      label: w('report.division'),
      value: pickName({ nameTh: zone.divisionNameTh, nameEn: zone.divisionNameEn }, lang),
    },
    { label: w('report.bureau'), value: pickName({ nameTh: zone.bureauNameTh, nameEn: zone.bureauNameEn }, lang) },
    { label: w('report.groups'), value: groupNames },
    ...targetLines(settings, w),
    { label: w('report.language'), value: w('report.languageValue') },
  ];

  return (
    <article className="print-section print-zone" data-print-section={section} aria-labelledby={`title-${section}`}>
      <header className="print-head">
        <p className="print-kicker">{w('report.zoneTitle')}</p>
        <h1 id={`title-${section}`}>{pickName(zone, lang)}</h1>
        {item && <TrafficLightBadge light={item.overall} withRule />}
      </header>

      <div className="print-intro">
        <div>
          <ZoneFacts zone={zone} />
          <h2 className="print-h3">{w('report.filters')}</h2>
          <dl className="print-filters">
            {filters.map((line) => (
              <div key={line.label}>
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        </div>
        {geometry && (
          <figure className="print-map">
            <ZoneSvgMap
              outline={geometry}
              light={item?.overall ?? 'grey'}
              lang={lang}
              label={`${t('zone.map')}: ${pickName(zone, lang)}`}
              partKey={`map:${section}`}
            />
            <figcaption>{w('report.mapZone')} · OCHA/HDX COD-AB (CC BY-IGO)</figcaption>
          </figure>
        )}
      </div>

      <PrintTiles figures={figures} empty={t('state.empty')} />

      <section className="print-block" aria-label={t('chart.crime')}>
        <h2>{t('chart.crime')}</h2>
        <CrimeChart series={series.data} counterfactual={counterfactual.data ?? null} />
        {counterfactualView && <p className="print-note">{counterfactualView.line}</p>}
      </section>

      <section className="print-block" aria-label={t('chart.survey')}>
        <h2>{t('chart.survey')}</h2>
        <div className="print-charts">
          <SurveyChart survey={survey.data} item="fear" usedWaves={item?.fear.waves ?? []} />
          <SurveyChart survey={survey.data} item="trust" usedWaves={item?.trust.waves ?? []} />
        </div>
      </section>

      <section className="print-block print-table" aria-label={t('zone.partners')}>
        <h2>{t('zone.partners')}</h2>
        <PartnersTable partners={partners} />
      </section>

      <Caveats figures={figures} partial={null} />
      <MethodAppendix figures={figures} />
    </article>
  );
});
