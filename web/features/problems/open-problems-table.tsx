/**
 * The problems a review meeting goes through (open, and those sent above the station), the
 * escalated and the oldest first: every column on the pack's page; on a slide the fewer columns a
 * projector can show at 24 px, in the meeting's own table style, nothing scrolling.
 */
import type { ReactNode } from 'react';
import type { Problem } from '../../api/types.ts';
import { DataTable } from '../../components/data-table.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { openAndEscalated, problemRow } from './to-problem-view.ts';

export function OpenProblemsTable({ items, slideRows }: { items: readonly Problem[]; slideRows?: number }) {
  const { lang, t } = useT();
  const all = openAndEscalated(items);
  if (all.length === 0) return <p>{t('problems.none')}</p>;
  const more = (shown: number) =>
    shown < all.length && (
      <p className="hint">{t('problems.moreNotShown', { n: formatNumber(all.length - shown, lang) })}</p>
    );
  if (slideRows !== undefined) {
    const shown = all.slice(0, slideRows).map((p) => problemRow(p, lang));
    return (
      <>
        <table className="summary-table open-problems" data-testid="open-problems">
          <thead>
            <tr>
              <th scope="col">{t('problems.category')}</th>
              <th scope="col">{t('problems.place')}</th>
              <th scope="col">{t('problems.level')}</th>
              <th scope="col">{t('problems.status')}</th>
              <th scope="col">{t('problems.ageDays')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} data-problem={row.id} className={row.escalated ? 'escalated' : undefined}>
                <td>{row.category}</td>
                <td>{row.place}</td>
                <td>{row.level}</td>
                <td>{row.status}</td>
                <td>{row.ageDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {more(shown.length)}
      </>
    );
  }
  return <ProblemsTable items={all} />;
}

/**
 * Problems with every column, one row each (escalated ones marked); the panel adds the network
 * that raised each and an action (the station's form).
 */
export function ProblemsTable({
  items,
  withNetwork = false,
  action,
}: {
  items: readonly Problem[];
  withNetwork?: boolean;
  action?: (problem: Problem) => ReactNode;
}) {
  const { lang, t } = useT();
  return (
    <DataTable
      columns={[
        t('problems.raisedOn'),
        t('problems.category'),
        t('problems.place'),
        t('problems.description'),
        ...(withNetwork ? [t('problems.raisedBy')] : []),
        t('problems.level'),
        t('problems.status'),
        t('problems.ageDays'),
        t('problems.lastNote'),
        ...(action ? [''] : []),
      ]}
      className="compact open-problems"
      testId={withNetwork ? 'problems-table' : 'open-problems'}
    >
      {items.map((p) => {
        const row = problemRow(p, lang);
        return (
          <tr key={p.id} data-problem={p.id} className={row.escalated ? 'escalated' : undefined}>
            <td>{row.raisedOn}</td>
            <td>{row.category}</td>
            <td>{row.place}</td>
            <td>{row.description}</td>
            {withNetwork && <td>{row.raisedBy}</td>}
            <td>{row.level}</td>
            <td>{row.status}</td>
            <td className="num">{row.ageDays}</td>
            <td>{row.lastNote}</td>
            {action && <td>{action(p)}</td>}
          </tr>
        );
      })}
    </DataTable>
  );
}
