/** The WAI-ARIA breadcrumb pattern: a labelled nav, an ordered list, the current page marked. */
import { useT } from '../../i18n/use-t.tsx';
import { handleLinkClick, useDashboardState } from '../../router.ts';
import type { Crumb } from './to-breadcrumbs.ts';

export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  const { t } = useT();
  const [, navigate] = useDashboardState();
  return (
    <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')} data-testid="breadcrumbs">
      <ol>
        {crumbs.map((crumb) => (
          <li key={crumb.key}>
            <a
              href={crumb.href}
              title={crumb.title !== crumb.label ? crumb.title : undefined}
              aria-current={crumb.current ? 'page' : undefined}
              onClick={(event) => handleLinkClick(event, () => navigate(crumb.target))}
            >
              {crumb.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
