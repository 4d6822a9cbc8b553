/**
 * "Meeting mode" on a unit's page: opens its slides, and asks for full screen while the click
 * still counts as the user's gesture (browsers refuse full screen later).
 */
import { useT } from '../../i18n/use-t.tsx';
import { handleLinkClick, useDashboardState } from '../../router.ts';
import { serializeDashboardState, updateDashboardState } from '../../state/dashboard-state.ts';

export function MeetingLink() {
  const { t } = useT();
  const [state, navigate] = useDashboardState();
  const href = serializeDashboardState(updateDashboardState(state, { view: 'present', slide: 1 }));
  return (
    <a
      className="meeting-link"
      href={href}
      data-testid="meeting-link"
      onClick={(event) =>
        handleLinkClick(event, () => {
          void document.documentElement.requestFullscreen?.().catch(() => undefined);
          navigate({ view: 'present', slide: 1 });
        })
      }
    >
      {t('present.open')}
    </a>
  );
}
