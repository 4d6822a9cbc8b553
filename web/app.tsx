import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { meQuery } from './api/queries.ts';
import { ChangePasswordPage } from './features/auth/change-password-page.tsx';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { OverviewPage } from './features/overview/overview-page.tsx';
import { PeriodPicker } from './features/period/period-picker.tsx';
import { AppHeader } from './features/shell/app-header.tsx';
import { readStoredLang, storeLang } from './i18n/lang-store.ts';
import { I18nProvider, useT } from './i18n/use-t.tsx';
import { useDashboardState } from './router.ts';
import { effectiveLang } from './state/dashboard-state.ts';

// The zone page carries recharts; the overview does not need it.
const ZonePage = lazy(() => import('./features/zone/zone-page.tsx'));

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
      <Gate />
    </I18nProvider>
  );
}

/** Signed out (401 from /api/auth/me): the sign-in screen. Signed in: the dashboard. */
function Gate() {
  const { t } = useT();
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
  return (
    <>
      <AppHeader me={me.data} />
      <Dashboard />
    </>
  );
}

function Dashboard() {
  const { t } = useT();
  const [state] = useDashboardState();
  const main = useRef<HTMLElement>(null);
  const page = state.view === 'zone' ? `zone:${state.zoneId}` : 'overview';
  const firstPage = useRef(page);
  // A new page moves keyboard and screen-reader focus to its content, as a full page load would.
  useEffect(() => {
    if (page !== firstPage.current) main.current?.focus({ preventScroll: true });
    firstPage.current = '';
  }, [page]);
  return (
    <main id="main" className="page" tabIndex={-1} ref={main}>
      <div className="page-tools">
        <PeriodPicker />
      </div>
      {state.view === 'zone' && state.zoneId ? (
        <Suspense fallback={<p className="state-loading">{t('state.loading')}</p>}>
          <ZonePage key={state.zoneId} zoneId={state.zoneId} />
        </Suspense>
      ) : (
        <OverviewPage />
      )}
    </main>
  );
}
