import { useSignOut } from '../../api/auth.ts';
import type { Me } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/use-t.tsx';
import { handleLinkClick, useDashboardState } from '../../router.ts';
import { serializeDashboardState, updateDashboardState } from '../../state/dashboard-state.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { ToolNav } from './tool-nav.tsx';

/**
 * Programme title (a link home), navigation to the screens the user may open, language switch,
 * who is signed in with their role, sign out.
 */
export function AppHeader({ me }: { me: Me }) {
  const { t } = useT();
  const [state, navigate] = useDashboardState();
  const signOut = useSignOut();
  const home = serializeDashboardState(updateDashboardState(state, { view: 'overview' }));
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <a className="brand" href={home} onClick={(e) => handleLinkClick(e, () => navigate({ view: 'overview' }))}>
        <span className="brand-title">{t('app.title')}</span>
        <span className="brand-sub">
          {t('app.org')} · {t('app.subtitle')}
        </span>
      </a>
      <ToolNav me={me} />
      <div className="header-tools">
        <LanguageSwitch />
        <p className="user" data-testid="signed-in-user">
          <span className="visually-hidden">{t('app.signedInAs')}: </span>
          <strong>{me.displayName}</strong>
          <span className="user-role">{t(`role.${me.role}` as MessageKey)}</span>
        </p>
        <button type="button" className="sign-out" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {signOut.isPending ? t('app.signingOut') : t('app.signOut')}
        </button>
      </div>
    </header>
  );
}
