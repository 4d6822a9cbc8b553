import type { KpiFigure } from '../features/kpi/to-kpi-figures.ts';
import { useT } from '../i18n/use-t.tsx';
import { MethodDetails } from './method-details.tsx';
import { StatusBadge } from './status-badge.tsx';

const TITLE_KEYS = {
  fear: 'kpi.fear',
  trust: 'kpi.trust',
  crime: 'kpi.crime',
} as const;

/**
 * Beside a status it does not change: a met crime target whose WDQ reads displacement (its words
 * from server/contracts/crime-reading.ts through the figure), or a rollup's "j of them with
 * displacement". The one component for tiles, table cells, meeting slides and printed reports.
 */
export function DisplacementWarning({ text, title }: { text: string; title?: string | undefined }) {
  return (
    <span className="badge figure-warning" role="note" title={title}>
      <span aria-hidden="true">⚠</span> <span>{text}</span>
    </span>
  );
}

/** One indicator in full: headline, status, target, the data behind it, details and method. */
export function KpiTile({ figure, headingLevel = 3 }: { figure: KpiFigure; headingLevel?: 2 | 3 }) {
  const { t } = useT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article
      className={`kpi-tile kpi-${figure.key} status-edge-${figure.status}`}
      aria-label={t(TITLE_KEYS[figure.key])}
    >
      <Heading className="kpi-title">{t(TITLE_KEYS[figure.key])}</Heading>
      <p className="kpi-headline">
        <span className="kpi-value">{figure.headline}</span>
        <StatusBadge status={figure.status} />
        {figure.warning && <DisplacementWarning text={figure.warning} />}
      </p>
      <p className="kpi-target">{figure.target}</p>
      <p className="kpi-basis">{figure.basis}</p>
      {figure.meets && <p className="kpi-meets">{figure.meets}</p>}
      {figure.problem && <p className="kpi-problem">{figure.problem}</p>}
      {figure.details.length > 0 && (
        <ul className="kpi-details">
          {figure.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {figure.optIn && (
        <aside className="opt-in" aria-label={t('optIn.title')}>
          <p className="opt-in-title">
            {t('optIn.title')}: <strong>{figure.optIn.headline}</strong> ({figure.optIn.basis})
          </p>
          <p className="opt-in-caveat">{t('optIn.caveat')}</p>
        </aside>
      )}
      <MethodDetails method={figure.method} pooled={figure.pooled} warning={figure.warning} />
    </article>
  );
}

/** One indicator in a table cell: headline, status, the data behind it, and the method on demand. */
export function KpiCell({ figure }: { figure: KpiFigure }) {
  return (
    <div className="kpi-cell">
      <span className="kpi-cell-value">{figure.headline}</span>
      <StatusBadge status={figure.status} />
      {figure.warning && <DisplacementWarning text={figure.warning} />}
      <span className="kpi-cell-basis">{figure.basis}</span>
      {figure.meets && <span className="kpi-cell-meets">{figure.meets}</span>}
      <MethodDetails method={figure.method} pooled={figure.pooled} warning={figure.warning} />
    </div>
  );
}
