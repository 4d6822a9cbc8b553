import { ScopeDataUpTo } from './components/data-up-to.tsx';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { meQuery } from './api/queries.ts';
import type { Me } from './api/types.ts';
import { ChangePasswordPage } from './features/auth/change-password-page.tsx';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { OverviewPage } from './features/overview/overview-page.tsx';
import { PeriodPicker } from './features/period/period-picker.tsx';
import { isPrintPath } from './features/print/print-route.ts';
import { AppHeader } from './features/shell/app-header.tsx';
import { TOOL_PERMISSION } from './features/shell/tool-nav.tsx';
import { readStoredLang, storeLang } from './i18n/lang-store.ts';
import { I18nProvider, useT } from './i18n/use-t.tsx';
import { useDashboardState } from './router.ts';
import { effectiveLang, isToolView, type ToolView } from './state/dashboard-state.ts';

// The zone page carries recharts; the overview does not need it.
const ZonePage = lazy(() => import('./features/zone/zone-page.tsx'));
// Staff screens: most users never open them, so they are loaded on demand.
const ImportsPage = lazy(() => import('./features/imports/imports-page.tsx'));
const SettingsPage = lazy(() => import('./features/settings/settings-page.tsx'));
const ModerationPage = lazy(() => import('./features/moderation/moderation-page.tsx'));
const AdminPage = lazy(() => import('./features/admin/admin-page.tsx'));
// The meeting's slides fill the screen: no header, their own stylesheet, recharts and the map.
const PresentPage = lazy(() => import('./features/present/present-page.tsx'));
// Reports laid out for paper (/print/...): what the server's Chromium turns into PDFs.
const PrintApp = lazy(() => import('./features/print/print-app.tsx'));

export function App() {
  const [state] = useDashboardState();
  const lang = effectiveLang(state, readStoredLang());

  useEffect(() => {
    document.documentElement.lang = lang;
    // A ?lang= link also becomes the remembered choice.
    if (state.lang) storeLang(state.lang);
  }, [lang, state.lang]);

  return (
    <I18nProvider lang={lang}>
      {isPrintPath(window.location.pathname) ? (
        <Suspense fallback={null}>
          <PrintApp />
        </Suspense>
      ) : (
        <Gate />
      )}
    </I18nProvider>
  );
}

/** Signed out ({ user: null } from /api/auth/session): the sign-in screen. Signed in: the dashboard. */
function Gate() {
  const { t } = useT();
  const [state] = useDashboardState();
  const me = useQuery(meQuery());
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  if (me.isPending) {
    return (
      <p className="state-loading boot" role="status">
        {t('state.loading')}
      </p>
    );
  }
  if (me.isError) {
    return (
      <div className="state-error boot" role="alert">
        <p>{t('state.error')}</p>
        <button type="button" onClick={() => void me.refetch()}>
          {t('state.retry')}
        </button>
      </div>
    );
  }
  if (!me.data) return <SignInPage />;
  if (me.data.mustChangePassword) return <ChangePasswordPage />;
  if (state.view === 'present') {
    return (
      <Suspense fallback={<p className="state-loading boot">{t('state.loading')}</p>}>
        <PresentPage me={me.data} />
      </Suspense>
    );
  }
  return (
    <>
      <AppHeader me={me.data} />
      <Dashboard me={me.data} />
    </>
  );
}

function Dashboard({ me }: { me: Me }) {
  const { t } = useT();
  const [state] = useDashboardState();
  const main = useRef<HTMLElement>(null);
  const page = state.view === 'zone' ? `zone:${state.zoneId}` : state.view;
  const firstPage = useRef(page);
  // A new page moves keyboard and screen-reader focus to its content, as a full page load would.
  useEffect(() => {
    if (page !== firstPage.current) main.current?.focus({ preventScroll: true });
    firstPage.current = '';
  }, [page]);
  return (
    <main id="main" className="page" tabIndex={-1} ref={main}>
      {isToolView(state.view) ? (
        <>
          <ScopeDataUpTo />
          <Suspense fallback={<p className="state-loading">{t('state.loading')}</p>}>
            <ToolPage view={state.view} me={me} />
          </Suspense>
        </>
      ) : (
        <>
          <div className="page-tools">
            <PeriodPicker />
          </div>
          {state.view === 'zone' && state.zoneId ? (
            <Suspense fallback={<p className="state-loading">{t('state.loading')}</p>}>
              <ZonePage key={state.zoneId} zoneId={state.zoneId} />
            </Suspense>
          ) : (
            <OverviewPage me={me} />
          )}
        </>
      )}
    </main>
  );
}

/** An import, settings or admin screen, or a plain refusal for a role without the permission. */
function ToolPage({ view, me }: { view: ToolView; me: Me }) {
  const { t } = useT();
  if (!me.permissions.includes(TOOL_PERMISSION[view])) {
    return (
      <div className="state-error" role="alert">
        <p>{t('nav.forbidden')}</p>
      </div>
    );
  }
  switch (view) {
    case 'imports':
      return <ImportsPage me={me} />;
    case 'settings':
      return <SettingsPage me={me} />;
    case 'moderation':
      return <ModerationPage />;
    case 'admin':
      return <AdminPage me={me} />;
  }
}
