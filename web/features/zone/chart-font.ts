/**
 * Chart text follows the page's root font size (18 px, 20 px on wide screens and projectors,
 * 16 px on phones), never below 14 px: recharts draws SVG text in pixels, so CSS cannot size it.
 */
import { type RefObject, useEffect, useState } from 'react';

/** Axis ticks: 0.8 rem, at least 14 px (20 px root on a projector -> 16 px). Pure. */
export function axisFontSize(rootPx: number): number {
  return Math.max(14, Math.round((Number.isFinite(rootPx) && rootPx > 0 ? rootPx : 18) * 0.8));
}

function rootFontPx(): number {
  if (typeof window === 'undefined') return 18;
  return Number.parseFloat(window.getComputedStyle(document.documentElement).fontSize) || 18;
}

/** The root font size in pixels, updated when a media query changes it (window resize). */
export function useRootFontPx(): number {
  const [px, setPx] = useState(rootFontPx);
  useEffect(() => {
    const update = () => setPx(rootFontPx());
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return px;
}

/**
 * The font size of an element (a slide sets its own, from the screen's height), updated on resize:
 * chart text on a slide is body text and as large as the rest.
 */
export function useFontPxOf(element: RefObject<HTMLElement | null>, fallback = 24): number {
  const [px, setPx] = useState(fallback);
  useEffect(() => {
    const update = () => {
      if (element.current) setPx(Number.parseFloat(window.getComputedStyle(element.current).fontSize) || fallback);
    };
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [element, fallback]);
  return px;
}
