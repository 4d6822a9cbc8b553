import type { ReactNode } from 'react';

/**
 * The box a table scrolls sideways in on a narrow screen. It takes keyboard focus, so someone
 * without a mouse can scroll it with the arrow keys (WCAG 2.1.1; axe-core scrollable-region-focusable).
 */
export function TableScroll({ children }: { children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard
    <div className="table-scroll" tabIndex={0}>
      {children}
    </div>
  );
}
