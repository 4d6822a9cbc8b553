/**
 * Status icons as inline SVG: shapes differ as well as colours, so a status reads in greyscale,
 * on a washed-out projector, or to a colour-blind reader. No icon font, nothing fetched.
 */
import type { KpiStatus, TrafficLight } from '../api/types.ts';

// Decorative: the words beside each icon say the same (hence aria-hidden on every <svg>).
const box = { width: '1em', height: '1em', viewBox: '0 0 20 20', focusable: false } as const;

export function StatusIcon({ status }: { status: KpiStatus }) {
  switch (status) {
    case 'met_confident':
      return (
        <svg aria-hidden="true" {...box} className="icon">
          <path
            d="M1 10.5l3.5 3.5L11 7.5M8 13.5l1 1L17.5 6"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      );
    case 'met':
      return (
        <svg aria-hidden="true" {...box} className="icon">
          <path
            d="M3 10.5l4.5 4.5L17 5.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      );
    case 'not_met':
      return (
        <svg aria-hidden="true" {...box} className="icon">
          <path
            d="M4.5 4.5l11 11M15.5 4.5l-11 11"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.8"
            strokeLinecap="round"
          />
        </svg>
      );
    case 'insufficient':
      return (
        <svg aria-hidden="true" {...box} className="icon">
          <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="2" strokeDasharray="3 2.2" />
          <path
            d="M10 11.5v-1.2c1.8-.6 2.6-1.4 2.6-2.7 0-1.5-1.2-2.5-2.7-2.5-1.3 0-2.3.7-2.6 1.9"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
          <circle cx="10" cy="14.6" r="1.2" fill="currentColor" />
        </svg>
      );
  }
}

/** Green circle, amber triangle, red square, grey hollow circle. */
export function LightIcon({ light }: { light: TrafficLight }) {
  switch (light) {
    case 'green':
      return (
        <svg aria-hidden="true" {...box} className={`icon light-icon light-${light}`}>
          <circle cx="10" cy="10" r="8.5" fill="currentColor" />
          <path
            d="M5.5 10.5l3 3 6-6.5"
            fill="none"
            stroke="#fff"
            strokeWidth="2.4"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      );
    case 'amber':
      return (
        <svg aria-hidden="true" {...box} className={`icon light-icon light-${light}`}>
          <path d="M10 1.5l9 16.5H1z" fill="currentColor" />
          <path d="M10 7v5" stroke="#000" strokeWidth="2.2" strokeLinecap="round" />
          <circle cx="10" cy="15" r="1.3" fill="#000" />
        </svg>
      );
    case 'red':
      return (
        <svg aria-hidden="true" {...box} className={`icon light-icon light-${light}`}>
          <rect x="2" y="2" width="16" height="16" rx="2" fill="currentColor" />
          <path d="M6.5 6.5l7 7M13.5 6.5l-7 7" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
        </svg>
      );
    case 'grey':
      return (
        <svg aria-hidden="true" {...box} className={`icon light-icon light-${light}`}>
          <circle cx="10" cy="10" r="7.5" fill="none" stroke="currentColor" strokeWidth="3" />
        </svg>
      );
  }
}
