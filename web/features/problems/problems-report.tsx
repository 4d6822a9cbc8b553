/**
 * The meeting pack's page on the unit's community problems (Stronger Together): the figures, the
 * units below, and every open or escalated problem with its level, age and latest note. Read
 * through the pack's print ticket like the rest of the pack (/api/problems and its summary).
 */
import { useQuery } from '@tanstack/react-query';
import { problemSummaryQuery, problemsQuery } from '../../api/queries.ts';
import { formatDate } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { pickName } from '../overview/to-zone-rows.ts';
import { useReadyPart } from '../print/print-readiness.tsx';
import { OpenProblemsTable } from './open-problems-table.tsx';
import { FiguresTable, ProblemFigureTiles } from './problems-panel.tsx';

export function ProblemsReport({
  unit,
  period,
  section,
}: {
  unit: string;
  period: { from: string | null; to: string | null };
  section: string;
}) {
  const { lang, t } = useT();
  const summary = useQuery(problemSummaryQuery({ unit, ...period }));
  const list = useQuery(problemsQuery({ unit, ...period }));
  const failed = summary.error ?? list.error;
  useReadyPart(section, summary.isSuccess && list.isSuccess, failed ? String(failed.message) : null);
  if (!summary.data || !list.data) return null;
  const s = summary.data;
  return (
    <article className="print-section print-problems" data-print-section={section} aria-labelledby={`title-${section}`}>
      <header className="print-head">
        <p className="print-kicker">{t('problems.title')}</p>
        <h1 id={`title-${section}`}>{pickName(s.unit, lang)}</h1>
      </header>
      <p className="hint">{t('problems.asOf', { day: formatDate(s.asOf, lang, 'long') })}</p>
      <ProblemFigureTiles figures={s.total} lang={lang} />
      {s.children.length > 0 && (
        <FiguresTable
          title={t('problems.byUnit')}
          rows={s.children.map((c) => ({ key: c.code, name: pickName(c, lang), figures: c.figures }))}
          lang={lang}
          testId="problem-children"
        />
      )}
      <h2>{t('problems.openEscalated')}</h2>
      <OpenProblemsTable items={list.data.items} />
    </article>
  );
}
