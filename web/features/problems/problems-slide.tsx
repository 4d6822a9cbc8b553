/**
 * The review meeting's slide on the unit's community problems (Stronger Together): the figures and
 * the open and escalated problems, the escalated and oldest first, as many as fit a projector.
 */
import { useQuery } from '@tanstack/react-query';
import { problemSummaryQuery, problemsQuery } from '../../api/queries.ts';
import { useT } from '../../i18n/use-t.tsx';
import { OpenProblemsTable } from './open-problems-table.tsx';
import { ProblemFigureTiles } from './problems-panel.tsx';

/** Rows that fit under the figures at 24 px on 1280x720. */
export const SLIDE_PROBLEM_ROWS = 3;

export function ProblemsSlide({
  unit,
  title,
  period,
}: {
  unit: string;
  title: string;
  period: { from: string | null; to: string | null };
}) {
  const { lang, t } = useT();
  const summary = useQuery(problemSummaryQuery({ unit, ...period }));
  const list = useQuery(problemsQuery({ unit, ...period }));
  return (
    <div className="slide slide-problems">
      <h1>{t('problems.slideTitle', { name: title })}</h1>
      {summary.data && <ProblemFigureTiles figures={summary.data.total} lang={lang} />}
      {list.data && <OpenProblemsTable items={list.data.items} slideRows={SLIDE_PROBLEM_ROWS} />}
      {(summary.isPending || list.isPending) && <p role="status">{t('state.loading')}</p>}
    </div>
  );
}
