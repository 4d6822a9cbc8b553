/**
 * The header's navigation: the overview for everyone, and the staff screens (imports, KPI
 * settings, administration) only for users whose /api/auth/me permissions allow them. Real links,
 * so "open in a new tab" works; the current page is marked with aria-current.
 */
import type { Me, Permission } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/use-t.tsx';
import { handleLinkClick, useDashboardState } from '../../router.ts';
import {
  serializeDashboardState,
  type ToolView,
  updateDashboardState,
  type View,
} from '../../state/dashboard-state.ts';

/** The permission each staff screen needs (the server checks again on every request). */
export const TOOL_PERMISSION: Record<ToolView, Permission> = {
  imports: 'import',
  settings: 'settings',
  moderation: 'moderate_survey',
  admin: 'admin',
};

const LINKS: { view: Exclude<View, 'zone' | 'present'>; label: MessageKey }[] = [
  { view: 'overview', label: 'nav.overview' },
  { view: 'imports', label: 'nav.imports' },
  { view: 'settings', label: 'nav.settings' },
  { view: 'moderation', label: 'nav.moderation' },
  { view: 'admin', label: 'nav.admin' },
];

export function ToolNav({ me }: { me: Me }) {
  const { t } = useT();
  const [state, navigate] = useDashboardState();
  const links = LINKS.filter((l) => l.view === 'overview' || me.permissions.includes(TOOL_PERMISSION[l.view]));
  // Only the overview for this user: the brand link already goes there.
  if (links.length < 2) return null;
  const current = state.view === 'zone' ? 'overview' : state.view;
  return (
    <nav className="tool-nav" aria-label={t('nav.label')}>
      <ul>
        {links.map(({ view, label }) => (
          <li key={view}>
            <a
              href={serializeDashboardState(updateDashboardState(state, { view }))}
              aria-current={view === current ? 'page' : undefined}
              onClick={(event) => handleLinkClick(event, () => navigate({ view }))}
              data-testid={`nav-${view}`}
            >
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
