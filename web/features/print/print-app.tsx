/**
 * The print views (/print/...): a report laid out for A4 paper, with no header, menus or maps
 * that need WebGL. The server's Chromium opens them to make PDFs (reports/render.ts) and reads
 * on <html> whether they are ready: data-print-state = loading | ready | error. A signed-in user
 * can open them too, to print from the browser.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { ApiError } from '../../api/client.ts';
import { kpisQuery, unitQuery } from '../../api/queries.ts';
import type { UnitPage } from '../../api/types.ts';
import { useT } from '../../i18n/use-t.tsx';
import { formatDateTime } from '../admin/date-time.ts';
import { pickName } from '../overview/to-zone-rows.ts';
import { ReadinessProvider, ReadinessStore, useReadyPart } from './print-readiness.tsx';
import { parsePrintRoute, type PrintRoute } from './print-route.ts';
import { printWords } from './print-words.ts';
import { dataUpTo, dataUpToText } from './to-report-facts.ts';
import { prefetchBasemaps } from './svg-map.tsx';
import { type ContentsEntry, UnitSummary } from './unit-summary.tsx';
import { ZoneReport } from './zone-report.tsx';
import { ProblemsReport } from '../problems/problems-report.tsx';

declare global {
  interface Window {
    /** Set by the server's Chromium (reports/render.ts): how many parts have drawn. */
    sszPrintProgress?: (done: number, total: number) => void;
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Every recharts chart has its SVG at a real size, the fonts are in, and two frames have passed. */
async function settle(): Promise<void> {
  await document.fonts.ready;
  for (let i = 0; i < 300; i += 1) {
    const boxes = [...document.querySelectorAll('.recharts-responsive-container')];
    const drawn = boxes.every((box) => {
      const svg = box.querySelector('svg.recharts-surface');
      return svg !== null && svg.getBoundingClientRect().width > 0;
    });
    if (drawn) break;
    await nextFrame();
  }
  await nextFrame();
  await nextFrame();
}

function setPrintState(state: 'loading' | 'ready' | 'error'): void {
  document.documentElement.dataset.printState = state;
}

function errorText(error: unknown, lang: 'th' | 'en'): string {
  if (error instanceof ApiError && error.text) return error.text[lang];
  return error instanceof Error ? error.message : String(error);
}

export default function PrintApp() {
  const { lang } = useT();
  const w = printWords(lang);
  const route = useMemo(() => parsePrintRoute(window.location.pathname, window.location.search), []);
  const store = useMemo(() => new ReadinessStore(), []);
  const summary = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [ready, setReady] = useState(false);
  const queryClient = useQueryClient();

  useEffect(() => {
    // Maps need the basemap; fetched now, beside the report's data, not after it.
    prefetchBasemaps(queryClient);
    document.documentElement.classList.add('print-view');
    setPrintState('loading');
    return () => document.documentElement.classList.remove('print-view');
  }, [queryClient]);

  useEffect(() => {
    window.sszPrintProgress?.(summary.done, summary.total);
    if (summary.error !== null) {
      setPrintState('error');
      return;
    }
    const allDrawn = summary.total > 0 && summary.done === summary.total;
    setReady(false);
    if (!allDrawn) {
      setPrintState('loading');
      return;
    }
    let cancelled = false;
    void settle().then(() => {
      if (cancelled) return;
      setReady(true);
      setPrintState('ready');
    });
    return () => {
      cancelled = true;
    };
  }, [summary]);

  if (!route) {
    return (
      <p className="state-error" role="alert" data-print-error>
        {w('report.notFound')}
      </p>
    );
  }
  return (
    <ReadinessProvider store={store}>
      <div className="print-doc" aria-busy={!ready}>
        {summary.error !== null && (
          <p className="state-error" role="alert" data-print-error>
            {w('report.error', { message: summary.error })}
          </p>
        )}
        {!ready && summary.error === null && (
          <p className="print-progress screen-only" role="status">
            {w('report.loading', { done: summary.done, total: Math.max(summary.total, 1) })}
          </p>
        )}
        {route.kind === 'zone' ? <ZoneDocument route={route} /> : <UnitDocument route={route} />}
      </div>
    </ReadinessProvider>
  );
}

/** What the footer of every page says: filled in by the server into Chromium's footer. */
function FooterData({ title, upTo }: { title: string; upTo: string }) {
  const { lang } = useT();
  const w = printWords(lang);
  const [madeAt] = useState(() => Date.now());
  return (
    <div
      hidden
      data-print-footer
      data-title={title}
      data-left={`${upTo} · ${w('report.madeAt', { time: formatDateTime(madeAt, lang) })}`}
      data-page={w('report.page')}
      data-of={w('report.of')}
    />
  );
}

/**
 * The documents are memoised: the readiness store changes once per part drawn, and re-rendering
 * a pack's 25 zones (75 charts) on each change made a pack several times slower.
 */
const ZoneDocument = memo(function ZoneDocument({ route }: { route: PrintRoute }) {
  const { lang } = useT();
  const w = printWords(lang);
  const period = useMemo(() => ({ from: route.from, to: route.to }), [route]);
  const kpis = useQuery(kpisQuery({ level: 'zone', unit: route.id, ...period }));
  const item = kpis.data?.items[0];
  return (
    <>
      <ZoneReport zoneId={route.id} period={period} section={`zone-${route.id}`} />
      {item && (
        <FooterData
          title={`${w('report.zoneTitle')}: ${pickName(item, lang)}`}
          upTo={dataUpToText(dataUpTo(item, period, new Date()), lang, w)}
        />
      )}
    </>
  );
});

const UnitDocument = memo(function UnitDocument({ route }: { route: PrintRoute }) {
  const { lang, t } = useT();
  const w = printWords(lang);
  const period = useMemo(() => ({ from: route.from, to: route.to }), [route]);
  const unit = useQuery(unitQuery({ code: route.id, level: 'bureau', ...period }));
  const zoneKpis = useQuery(kpisQuery({ level: 'zone', unit: null, ...period }));
  const failed = unit.isError ? unit.error : zoneKpis.isError ? zoneKpis.error : null;
  useReadyPart('unit', unit.isSuccess && zoneKpis.isSuccess, failed ? errorText(failed, lang) : null);
  if (!unit.data || !zoneKpis.data) return null;
  const page: UnitPage = unit.data;
  const pack = route.kind === 'pack';
  const zones = [...page.zones].sort((a, b) => a.nameTh.localeCompare(b.nameTh, 'th'));
  const contents: ContentsEntry[] | null = pack
    ? [
        { section: 'summary', title: w('report.contentsSummary') },
        { section: 'problems', title: t('problems.title') },
        ...zones.map((z) => ({ section: `zone-${z.id}`, title: pickName(z, lang) })),
      ]
    : null;
  const kicker = pack ? w('report.packTitle') : w('report.unitTitle');
  return (
    <>
      <UnitSummary
        page={page}
        period={period}
        section="summary"
        kicker={kicker}
        contents={contents}
        zoneItems={zoneKpis.data.items}
        zoneMethods={zoneKpis.data.methods}
      />
      {pack && <ProblemsReport unit={route.id} period={period} section="problems" />}
      {pack && zones.map((z) => <ZoneReport key={z.id} zoneId={z.id} period={period} section={`zone-${z.id}`} />)}
      <FooterData
        title={`${kicker}: ${pickName(page.unit, lang)}`}
        upTo={dataUpToText(dataUpTo(page.item, period, new Date()), lang, w)}
      />
    </>
  );
});
