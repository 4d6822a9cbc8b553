/**
 * One zone: who and where, its three KPIs in full, the monthly crime chart, the survey waves,
 * partners and a small map. Loaded lazily: recharts lives in this chunk only.
 */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import {
  kpisQuery,
  meQuery,
  problemsQuery,
  zoneCounterfactualQuery,
  zoneExplanationQuery,
  zoneQuery,
  zoneSeriesQuery,
  zoneSurveyQuery,
} from '../../api/queries.ts';
import { BeyondData, DataUpTo } from '../../components/data-up-to.tsx';
import { KpiTile } from '../../components/kpi-tile.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { TrafficLightBadge } from '../../components/status-badge.tsx';
import { useT } from '../../i18n/use-t.tsx';
import { useDashboardState } from '../../router.ts';
import { toKpiFigures } from '../kpi/to-kpi-figures.ts';
import { pickName } from '../overview/to-zone-rows.ts';
import { beyondDataText, periodBeyondData } from '../period/to-data-reach.ts';
import { ReportMenu } from '../print/report-menu.tsx';
import { ProblemsPanel } from '../problems/problems-panel.tsx';
import { openProblemPoints } from '../problems/to-problem-view.ts';
import { CounterfactualDetails } from './counterfactual-details.tsx';
import { Breadcrumbs } from '../unit/breadcrumbs.tsx';
import { toBreadcrumbs, zonePath } from '../unit/to-breadcrumbs.ts';
import { CrimeChart } from './crime-chart.tsx';
import { AnswerDistribution, CaveatsBlock, comparisonOutlines, CrimeExplanationPanel } from './explanation-panels.tsx';
import { IncidentPanel } from './incident-panel.tsx';
import { PartnersTable } from './partners-table.tsx';
import { SurveyChart } from './survey-chart.tsx';
import { toCounterfactualView } from './to-counterfactual.ts';
import { ZoneFacts } from './zone-facts.tsx';

const ZoneOutlineMap = lazy(() => import('../map/zone-outline-map.tsx'));

export default function ZonePage({ zoneId }: { zoneId: string }) {
  const { lang, t } = useT();
  const [state, navigate] = useDashboardState();
  const period = { from: state.from, to: state.to };
  const detail = useQuery(zoneQuery(zoneId));
  const kpis = useQuery(kpisQuery({ level: 'zone', unit: zoneId, ...period }));
  const series = useQuery(zoneSeriesQuery(zoneId, period));
  const survey = useQuery(zoneSurveyQuery(zoneId));
  const counterfactual = useQuery(zoneCounterfactualQuery(zoneId, period));
  const explanation = useQuery(zoneExplanationQuery(zoneId, period));
  const counterfactualView = counterfactual.data ? toCounterfactualView(counterfactual.data, lang, t) : null;
  const item = kpis.data?.items[0];
  const me = useQuery(meQuery());
  const problems = useQuery(problemsQuery({ unit: zoneId, ...period }));
  const problemPoints = useMemo(
    () => (problems.data ? openProblemPoints(problems.data.items, lang) : undefined),
    [problems.data, lang],
  );

  return (
    <QueryState query={detail} notFound={t('zone.notFound')}>
      {({ zone, partners, geometry }) => (
        <>
          <Breadcrumbs
            crumbs={toBreadcrumbs(zonePath(zone), state, lang, t('unit.country'), {
              id: zone.id,
              name: pickName(zone, lang),
            })}
          />
          <div className="zone-head">
            <div>
              <h1>{pickName(zone, lang)}</h1>
              {item && <TrafficLightBadge light={item.overall} withRule />}
              <ReportMenu kind="zone" id={zone.id} from={state.from} to={state.to} />
              {explanation.data && (
                <DataUpTo
                  dates={{
                    crimeMonth: explanation.data.caveats.lastCrimeMonth,
                    surveyDate: explanation.data.caveats.lastWaveDate,
                  }}
                />
              )}
              <ZoneFacts zone={zone} />
            </div>
            {geometry && (
              <Suspense fallback={<div className="map map-zone map-loading">{t('state.loading')}</div>}>
                <ZoneOutlineMap
                  outline={geometry}
                  light={item?.overall ?? 'grey'}
                  lang={lang}
                  label={t('zone.map')}
                  problemPoints={problemPoints}
                />
              </Suspense>
            )}
          </div>

          <section aria-labelledby="kpis-title">
            <h2 id="kpis-title">{t('zone.kpis')}</h2>
            <QueryState query={kpis}>
              {(data) => {
                const zoneItem = data.items[0];
                if (!zoneItem) return <p>{t('state.empty')}</p>;
                const dates = explanation.data && {
                  crimeMonth: explanation.data.caveats.lastCrimeMonth,
                  surveyDate: explanation.data.caveats.lastWaveDate,
                };
                if (state.from && state.to && dates && periodBeyondData(period, dates)) {
                  return (
                    <BeyondData
                      text={beyondDataText({ from: state.from, to: state.to }, dates, lang, t)}
                      action={
                        <button type="button" onClick={() => navigate({ from: null, to: null })}>
                          {t('data.showSinceStart')}
                        </button>
                      }
                    />
                  );
                }
                return (
                  <div className="tile-row">
                    {toKpiFigures(
                      zoneItem,
                      { lang, t, methods: data.methods },
                      { counterfactualLine: counterfactualView?.line },
                    ).map((figure) => (
                      <KpiTile key={figure.key} figure={figure} />
                    ))}
                  </div>
                );
              }}
            </QueryState>
          </section>

          <ProblemsPanel
            unit={zone.id}
            {...period}
            station={zone.stationCode}
            places={[{ zoneId: zone.id, label: pickName(zone, lang) }]}
            canExport={me.data?.permissions.includes('export') ?? false}
          />

          <section aria-labelledby="crime-title">
            <h2 id="crime-title">{t('chart.crime')}</h2>
            <div className="crime-and-explanation">
              <div>
                <QueryState query={series}>
                  {(data) => <CrimeChart series={data} counterfactual={counterfactual.data ?? null} />}
                </QueryState>
                {counterfactualView && <CounterfactualDetails view={counterfactualView} />}
              </div>
              <QueryState query={explanation}>
                {(data) => (
                  <CrimeExplanationPanel explanation={data} outline={geometry} light={item?.overall ?? 'grey'} />
                )}
              </QueryState>
            </div>
          </section>

          {geometry && (
            <IncidentPanel
              zoneId={zone.id}
              outline={geometry}
              light={item?.overall ?? 'grey'}
              stationName={lang === 'en' ? zone.stationNameEn : zone.stationNameTh}
              groups={series.data?.groupNames ?? []}
              comparison={explanation.data ? comparisonOutlines(explanation.data) : []}
              comparisonKind={explanation.data?.comparisonArea.kind ?? 'rest_of_station'}
            />
          )}

          <section aria-labelledby="survey-title">
            <h2 id="survey-title">{t('chart.survey')}</h2>
            <QueryState query={survey}>
              {(data) => (
                <div className="chart-pair">
                  <SurveyChart survey={data} item="fear" usedWaves={item?.fear.waves ?? []} />
                  <SurveyChart survey={data} item="trust" usedWaves={item?.trust.waves ?? []} />
                </div>
              )}
            </QueryState>
          </section>

          {explanation.data && <AnswerDistribution explanation={explanation.data} />}
          {explanation.data && <CaveatsBlock explanation={explanation.data} />}

          <section aria-labelledby="partners-title">
            <h2 id="partners-title">{t('zone.partners')}</h2>
            <PartnersTable partners={partners} />
          </section>
        </>
      )}
    </QueryState>
  );
}
