import type { ReactNode } from 'react';
import { handleLinkClick, useDashboardState } from '../router.ts';
import { serializeDashboardState, updateDashboardState } from '../state/dashboard-state.ts';

/** A real link to a zone page (open in new tab works), keeping the period and language. */
export function ZoneLink({ zoneId, children }: { zoneId: string; children: ReactNode }) {
  const [state, navigate] = useDashboardState();
  const href = serializeDashboardState(updateDashboardState(state, { view: 'zone', zoneId }));
  return (
    <a href={href} onClick={(event) => handleLinkClick(event, () => navigate({ view: 'zone', zoneId }))}>
      {children}
    </a>
  );
}
