/**
 * The review meeting on a projector: /present?unit=<code> (no unit: the user's own scope). A title
 * slide, one slide per zone, then the summary table; arrows, Page Up/Down (clickers), Home/End move,
 * Esc goes back to the unit's page. Each move replaces the URL's slide number (never pushes): a
 * reload stays on the slide, and the browser's Back leaves the meeting in one step instead of
 * walking back through every slide shown. Data comes from the drill-down's own queries
 * (/api/units/:code listing its zones, the zone's series, survey and outline). Loaded lazily.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo } from 'react';
import './present.css';
import { displacementWarningText } from '../../../server/contracts/crime-reading.ts';
import { crimeChangeRange } from '../../../server/contracts/derived-figures.ts';
import { ApiError } from '../../api/client.ts';
import { unitQuery, zoneQuery, zoneSeriesQuery, zoneSurveyQuery, zonesQuery } from '../../api/queries.ts';
import type { KpiItem, KpiMethods, Me, UnitPage, ZoneSummary, ZoneSurvey } from '../../api/types.ts';
import { DisplacementWarning } from '../../components/kpi-tile.tsx';
import { StatusBadge, TrafficLightBadge } from '../../components/status-badge.tsx';
import {
  formatDate,
  formatInterval,
  formatMonth,
  formatMonthRange,
  formatNumber,
  formatPercent,
  formatSigned,
  formatSignedIndex,
  formatSignedPercent,
  formatWave,
  type Lang,
} from '../../i18n/format.ts';
import { type Translate, useT } from '../../i18n/use-t.tsx';
import { useDashboardState } from '../../router.ts';
import { type KpiFigure, toKpiFigures } from '../kpi/to-kpi-figures.ts';
import { scopeHeading } from '../overview/to-scope-heading.ts';
import { pickName } from '../overview/to-zone-rows.ts';
import { ProblemsSlide } from '../problems/problems-slide.tsx';
import { CrimeChart } from '../zone/crime-chart.tsx';
import { reportHref } from './report-href.ts';
import { clampSlide, dataDates, movedSlide, type Slide, slideMove, toSlides, waveChange } from './to-slides.ts';

const ZoneOutlineMap = lazy(() => import('../map/zone-outline-map.tsx'));

const SHORT_TITLE = { fear: 'kpi.fear.short', trust: 'kpi.trust.short', crime: 'kpi.crime.short' } as const;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
}

export default function PresentPage({ me }: { me: Me }) {
  const { lang, t } = useT();
  const [state, navigate] = useDashboardState();
  const queryClient = useQueryClient();
  const { from, to } = state;
  const period = { from, to };
  const code = state.unit ?? 'national';
  // The unit's own figures and every zone of it (pooled and listed over the caller's zones only).
  const unit = useQuery(unitQuery({ code, level: 'zone', ...period }));
  const directory = useQuery(zonesQuery());

  const items = useMemo(() => unit.data?.children.map((child) => child.item) ?? [], [unit.data]);
  const slides = useMemo(() => toSlides(items.map((item) => item.id)), [items]);
  const ready = unit.data !== undefined;
  const current = clampSlide(state.slide, slides.length);
  const slide = slides[current - 1] ?? slides[0];

  const goTo = useCallback((slideNumber: number) => navigate({ slide: slideNumber }, { replace: true }), [navigate]);
  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    // Replaced, not pushed: Back from the unit's page then goes where the user was before the meeting.
    navigate({ view: 'overview' }, { replace: true });
  }, [navigate]);

  // The URL always names the slide shown: one past the end (zones left the scope) becomes the last.
  useEffect(() => {
    if (ready && new URLSearchParams(window.location.search).get('slide') !== String(current)) goTo(current);
  }, [ready, current, goTo]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const move = slideMove(event);
      if (!move) return;
      event.preventDefault();
      if (move === 'leave') leave();
      else goTo(movedSlide(current, move, slides.length));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, slides.length, goTo, leave]);

  // The next zone's data is fetched while this slide is shown, so a click never waits.
  useEffect(() => {
    const next = slides[current];
    if (next?.kind !== 'zone') return;
    void queryClient.prefetchQuery(zoneSeriesQuery(next.zoneId, { from, to }));
    void queryClient.prefetchQuery(zoneSurveyQuery(next.zoneId));
    void queryClient.prefetchQuery(zoneQuery(next.zoneId));
  }, [slides, current, queryClient, from, to]);

  const error = unit.error;
  let body: ReactNode;
  if (error) {
    body = (
      <div className="slide slide-message" role="alert">
        <p>{error instanceof ApiError && error.status === 404 ? t('unit.notFound') : t('state.error')}</p>
      </div>
    );
  } else if (!ready || !slide || !unit.data) {
    body = (
      <div className="slide slide-message" role="status">
        <p>{t('state.loading')}</p>
      </div>
    );
  } else {
    const title =
      state.unit === null
        ? scopeHeading(me.scope, directory.data?.items ?? [], lang, t)
        : pickName(unit.data.unit, lang);
    body = (
      <SlideView
        slide={slide}
        page={unit.data}
        title={title}
        items={items}
        zones={directory.data?.items ?? []}
        period={period}
        code={code}
      />
    );
  }

  return (
    <div className="present" data-testid="present" lang={lang}>
      <section
        className="slide-frame"
        aria-roledescription={t('present.slideRole')}
        aria-label={t('present.slideOf', { k: formatNumber(current, lang), n: formatNumber(slides.length, lang) })}
        data-slide={current}
        data-slide-kind={slide?.kind ?? 'title'}
      >
        {body}
      </section>
      <ControlBar
        current={current}
        count={slides.length}
        onMove={goTo}
        onLeave={leave}
        code={code}
        zoneId={slide?.kind === 'zone' ? slide.zoneId : null}
        period={period}
      />
    </div>
  );
}

function SlideView({
  slide,
  page,
  title,
  items,
  zones,
  period,
  code,
}: {
  slide: Slide;
  page: UnitPage;
  title: string;
  items: KpiItem[];
  zones: ZoneSummary[];
  period: { from: string | null; to: string | null };
  /** The unit's code ('national' for the caller's own scope). */
  code: string;
}) {
  switch (slide.kind) {
    case 'problems':
      return <ProblemsSlide unit={code} title={title} period={period} />;
    case 'title':
      return <TitleSlide page={page} title={title} items={items} period={period} />;
    case 'zone': {
      const item = items.find((i) => i.id === slide.zoneId);
      if (!item) return null;
      return (
        <ZoneSlide
          key={item.id}
          item={item}
          methods={page.methods}
          zone={zones.find((z) => z.id === item.id)}
          index={slide.index}
          count={items.length}
          period={period}
        />
      );
    }
    case 'summary':
      return (
        <SummarySlide
          items={slide.zoneIds.flatMap((id) => items.find((i) => i.id === id) ?? [])}
          methods={page.methods}
          zones={zones}
          page={slide.page}
          pages={slide.pages}
        />
      );
  }
}

function periodText(period: { from: string | null; to: string | null }, lang: Lang, t: Translate): string {
  return period.from && period.to ? formatMonthRange(period.from, period.to, lang) : t('period.sinceStart');
}

function TitleSlide({
  page,
  title,
  items,
  period,
}: {
  page: UnitPage;
  title: string;
  items: KpiItem[];
  period: { from: string | null; to: string | null };
}) {
  const { lang, t } = useT();
  const dates = dataDates(items);
  const figures = page.item ? toKpiFigures(page.item, { lang, t, methods: page.methods }) : [];
  return (
    <div className="slide slide-title">
      <p className="slide-kicker">{t('present.kicker')}</p>
      <h1>{title}</h1>
      <p>{t('present.period', { period: periodText(period, lang, t) })}</p>
      <p>
        {t('present.dataDates', {
          crime: dates.crimeMonth ? formatMonth(dates.crimeMonth.slice(0, 7), lang, 'long') : '–',
          survey: dates.surveyDate ? formatDate(dates.surveyDate, lang, 'long') : '–',
        })}
      </p>
      {figures.length > 0 ? (
        <ul className="title-meets">
          {figures.map((figure) => (
            <li key={figure.key}>
              <span className="title-meets-name">{t(SHORT_TITLE[figure.key])}</span>
              <strong className="title-meets-count">{figure.meets}</strong>
              <span className="title-meets-pooled">
                {t('present.pooled', { value: figure.headline })} <StatusBadge status={figure.status} />
              </span>
              {figure.warning && <DisplacementWarning text={figure.warning} />}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('present.noZones')}</p>
      )}
    </div>
  );
}

/** The figure's interval and the data it stands on, short enough for one line on a slide. */
function slideBasis(item: KpiItem, key: KpiFigure['key'], lang: Lang, t: Translate): string {
  if (key === 'crime') {
    const { after, baseline, months } = item.crime;
    const { low: changeLow, high: changeHigh } = crimeChangeRange(item.crime);
    const counts = t('present.crimeCounts', {
      after: formatNumber(after, lang),
      baseline: formatNumber(baseline, lang),
      months: formatNumber(months, lang),
    });
    return changeLow === null || changeHigh === null
      ? counts
      : `${t('present.interval', { interval: formatInterval(formatSignedPercent(changeLow, lang), formatSignedPercent(changeHigh, lang), lang) })} · ${counts}`;
  }
  const { ciLow, ciHigh, n } = item[key];
  const size = t('figure.n', { n: formatNumber(n, lang) });
  return ciLow === null || ciHigh === null
    ? size
    : `${t('present.interval', { interval: formatInterval(formatPercent(ciLow, lang), formatPercent(ciHigh, lang), lang) })} · ${size}`;
}

function ZoneSlide({
  item,
  methods,
  zone,
  index,
  count,
  period,
}: {
  item: KpiItem;
  /** The page's methods, which the item's figures point to. */
  methods: KpiMethods;
  zone: ZoneSummary | undefined;
  index: number;
  count: number;
  period: { from: string | null; to: string | null };
}) {
  const { lang, t } = useT();
  const series = useQuery(zoneSeriesQuery(item.id, period));
  const survey = useQuery(zoneSurveyQuery(item.id));
  const detail = useQuery(zoneQuery(item.id));
  const figures = toKpiFigures(item, { lang, t, methods });
  const geometry = detail.data?.geometry ?? null;
  const station = zone ? (lang === 'en' ? zone.stationNameEn : zone.stationNameTh) : null;
  return (
    <div className="slide slide-zone">
      <header className="zone-slide-head">
        <h1>{pickName(item, lang)}</h1>
        <TrafficLightBadge light={item.overall} />
        <p className="zone-slide-where">
          {station ? `${station} · ` : ''}
          {t('present.zoneOf', { i: formatNumber(index, lang), n: formatNumber(count, lang) })}
        </p>
      </header>
      <div className="zone-slide-body">
        <div className="zone-slide-figures">
          {figures.map((figure) => (
            <div key={figure.key} className={`slide-figure status-edge-${figure.status}`} data-kpi={figure.key}>
              <p className="slide-figure-head">
                <span className="slide-figure-name">{t(SHORT_TITLE[figure.key])}</span>
                <strong className="slide-figure-value">{figure.headline}</strong>
                <StatusBadge status={figure.status} />
                {figure.warning && <DisplacementWarning text={figure.warning} />}
              </p>
              <p className="slide-figure-basis">{slideBasis(item, figure.key, lang, t)}</p>
            </div>
          ))}
          <WaveChanges item={item} survey={survey.data ?? null} />
        </div>
        <div className="zone-slide-visuals">
          <div className="zone-slide-chart">
            {series.data ? (
              <CrimeChart series={series.data} variant="slide" />
            ) : (
              <p>{series.isError ? t('state.error') : t('state.loading')}</p>
            )}
          </div>
          <div className="zone-slide-map">
            {geometry && (
              <Suspense fallback={<p>{t('state.loading')}</p>}>
                <ZoneOutlineMap outline={geometry} light={item.overall} lang={lang} label={t('zone.map')} />
              </Suspense>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}

/** What moved since the previous survey wave, fear and trust, with the waves compared. */
function WaveChanges({ item, survey }: { item: KpiItem; survey: ZoneSurvey | null }) {
  const { lang, t } = useT();
  if (!survey) return <p className="slide-change">{t('state.loading')}</p>;
  const changes = (['fear', 'trust'] as const).map((key) => ({
    key,
    change: waveChange(survey, key, item[key].waves),
  }));
  const compared = changes.find((c) => c.change !== null)?.change;
  return (
    <div className="slide-change" data-testid="wave-change">
      <p className="slide-change-title">
        {compared
          ? t('present.changeTitleWaves', {
              previousWave: formatWave(compared.previousWave, lang, 'short'),
              wave: formatWave(compared.wave, lang, 'short'),
            })
          : t('present.changeTitle')}
      </p>
      {changes.map(({ key, change }) => (
        <p key={key}>
          {change
            ? t('present.change', {
                item: t(SHORT_TITLE[key]),
                previous: formatPercent(change.previousValue, lang),
                value: formatPercent(change.value, lang),
                points: formatSigned(change.points, lang),
              })
            : t('present.noChange', { item: t(SHORT_TITLE[key]) })}
          {change && change.status !== change.previousStatus && (
            <> {t('present.statusNow', { status: t(`status.${change.status}`) })}</>
          )}
        </p>
      ))}
    </div>
  );
}

function SummarySlide({
  items,
  methods,
  zones,
  page,
  pages,
}: {
  items: KpiItem[];
  /** The page's methods, which the items' figures point to. */
  methods: KpiMethods;
  zones: ZoneSummary[];
  page: number;
  pages: number;
}) {
  const { lang, t } = useT();
  return (
    <div className="slide slide-summary">
      <h1>
        {t('present.summary')}
        {pages > 1 && ` (${formatNumber(page, lang)}/${formatNumber(pages, lang)})`}
      </h1>
      <table className="summary-table">
        <colgroup>
          <col className="summary-col-zone" />
          <col className="summary-col-light" />
          <col span={3} className="summary-col-kpi" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('present.zone')}</th>
            <th scope="col">{t('present.overall')}</th>
            <th scope="col">{t('kpi.fear.short')}</th>
            <th scope="col">{t('kpi.trust.short')}</th>
            <th scope="col">{t('kpi.crime.short')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const zone = zones.find((z) => z.id === item.id);
            return (
              <tr key={item.id} data-zone-id={item.id}>
                <th scope="row">
                  {pickName(item, lang)}
                  {zone && (
                    <span className="summary-station">{lang === 'en' ? zone.stationNameEn : zone.stationNameTh}</span>
                  )}
                </th>
                <td>
                  <TrafficLightBadge light={item.overall} />
                </td>
                {toKpiFigures(item, { lang, t, methods }).map((figure) => {
                  // Five rows must fit a slide: the warning's short form, its full words on hover.
                  const short =
                    figure.key === 'crime'
                      ? displacementWarningText(
                          item.crime.reading,
                          lang,
                          formatSignedIndex(item.crime.wdq?.value, lang),
                          'short',
                        )
                      : null;
                  return (
                    <td key={figure.key}>
                      <span className="summary-value">{figure.headline}</span>
                      <StatusBadge status={figure.status} />
                      {short && <DisplacementWarning text={short} title={figure.warning ?? undefined} />}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ControlBar({
  current,
  count,
  onMove,
  onLeave,
  code,
  zoneId,
  period,
}: {
  current: number;
  count: number;
  onMove: (slide: number) => void;
  onLeave: () => void;
  code: string;
  zoneId: string | null;
  period: { from: string | null; to: string | null };
}) {
  const { lang, t } = useT();
  const q = { ...period, lang };
  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <nav className="present-bar" aria-label={t('present.controls')}>
      <button type="button" onClick={() => onMove(Math.max(1, current - 1))} disabled={current <= 1}>
        <span aria-hidden="true">◀</span> {t('present.previous')}
      </button>
      <span className="present-count" data-testid="slide-count">
        {formatNumber(current, lang)} / {formatNumber(count, lang)}
      </span>
      <button type="button" onClick={() => onMove(Math.min(count, current + 1))} disabled={current >= count}>
        {t('present.next')} <span aria-hidden="true">▶</span>
      </button>
      <details className="present-print" data-testid="print-menu">
        <summary>{t('present.print')}</summary>
        <ul>
          <li>
            <a href={reportHref({ kind: 'pack', code }, q)} download>
              {t('present.printPack')}
            </a>
          </li>
          <li>
            <a href={reportHref({ kind: 'unit', code }, q)} download>
              {t('present.printUnit')}
            </a>
          </li>
          {zoneId && (
            <li>
              <a href={reportHref({ kind: 'zone', zoneId }, q)} download>
                {t('present.printZone')}
              </a>
            </li>
          )}
        </ul>
      </details>
      <button type="button" onClick={toggleFullscreen}>
        {t('present.fullscreen')}
      </button>
      <button type="button" onClick={onLeave} data-testid="present-leave">
        {t('present.leave')}
      </button>
    </nav>
  );
}
