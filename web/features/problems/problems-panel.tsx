/**
 * Stronger Together on a zone's or a unit's page, beside the KPIs: the figures (raised, solved,
 * open, median days to solve, open > 30 / > 90 days, escalated), the units below and the
 * categories, and the problems themselves with their level and status; the station's own users
 * record problems and send them up from here. Thai first, BE dates.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { bangkokDate } from '../../../server/contracts/calendar.ts';
import { editsProblemsOf } from '../../../server/contracts/problems.ts';
import { meQuery, problemSummaryQuery, problemsQuery } from '../../api/queries.ts';
import type { ProblemFigures, ProblemSummary } from '../../api/types.ts';
import { DataTable } from '../../components/data-table.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDate, formatFiscalYear, formatNumber, type Lang } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { ChangeProblemForm, type PlaceChoice, RecordProblemForm } from './problem-forms.tsx';
import { ProblemExportLinks } from './problem-export-links.tsx';
import { ProblemsTable } from './open-problems-table.tsx';
import { FIGURE_WORDS, figureCells } from './to-problem-view.ts';

export function ProblemFigureTiles({ figures, lang }: { figures: ProblemFigures; lang: Lang }) {
  return (
    <dl className="problem-figures" data-testid="problem-figures">
      {figureCells(figures, lang).map((cell) => (
        <div key={cell.key} className="problem-figure" data-figure={cell.key}>
          <dt>{cell.label}</dt>
          <dd>{cell.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Rows of figures: the units below, the categories or the fiscal years. */
export function FiguresTable({
  title,
  rows,
  lang,
  testId,
}: {
  title: string;
  rows: { key: string; name: string; figures: ProblemFigures }[];
  lang: Lang;
  testId: string;
}) {
  return (
    <DataTable columns={[title, ...FIGURE_WORDS.map(([, w]) => w[lang])]} className="compact" testId={testId}>
      {rows.map((r) => (
        <tr key={r.key}>
          <th scope="row">{r.name}</th>
          {FIGURE_WORDS.map(([key]) => (
            <td key={key} className="num">
              {formatNumber(r.figures[key], lang, key === 'medianDaysToSolve' ? 1 : 0)}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

function SummaryTables({ summary, lang, t }: { summary: ProblemSummary; lang: Lang; t: ReturnType<typeof useT>['t'] }) {
  const pick = (x: { nameTh: string; nameEn: string }) => (lang === 'en' ? x.nameEn : x.nameTh);
  return (
    <>
      {summary.children.length > 0 && (
        <FiguresTable
          title={t('problems.byUnit')}
          rows={summary.children.map((c) => ({ key: c.code, name: pick(c), figures: c.figures }))}
          lang={lang}
          testId="problem-children"
        />
      )}
      {summary.byCategory.length > 0 && (
        <FiguresTable
          title={t('problems.byCategory')}
          rows={summary.byCategory.map((c) => ({ key: c.code, name: pick(c), figures: c.figures }))}
          lang={lang}
          testId="problem-categories"
        />
      )}
      {summary.byFiscalYear.length > 1 && (
        <FiguresTable
          title={t('problems.byFiscalYear')}
          rows={summary.byFiscalYear.map((y) => ({
            key: String(y.fiscalYear),
            name: formatFiscalYear(y.fiscalYear, lang),
            figures: y.figures,
          }))}
          lang={lang}
          testId="problem-years"
        />
      )}
    </>
  );
}

export interface ProblemsPanelProps {
  /** A zone id, or 'national', a bureau, division or station code. */
  unit: string;
  from: string | null;
  to: string | null;
  /** The station whose problems this page may record (a zone's or a station's page), else null. */
  station: string | null;
  /** Where a new problem may be placed (the zone, or the station's zones and "no zone"). */
  places: readonly PlaceChoice[];
  canExport: boolean;
}

export function ProblemsPanel({ unit, from, to, station, places, canExport }: ProblemsPanelProps) {
  const { lang, t } = useT();
  const me = useQuery(meQuery());
  const summary = useQuery(problemSummaryQuery({ unit, from, to }));
  const list = useQuery(problemsQuery({ unit, from, to }));
  const [recording, setRecording] = useState(false);
  const [changing, setChanging] = useState<number | null>(null);
  const today = bangkokDate(new Date());
  const user = me.data;
  const canRecord =
    station !== null && user !== null && user !== undefined
      ? editsProblemsOf(user.scope, station, user.permissions.includes('edit_problems'))
      : false;

  return (
    <section className="problems-panel" aria-labelledby="problems-title" data-testid="problems-panel">
      <h2 id="problems-title">{t('problems.title')}</h2>
      <p className="hint">{t('problems.intro')}</p>
      <QueryState query={summary}>
        {(s) => (
          <>
            <p className="hint" data-testid="problems-as-of">
              {t('problems.asOf', { day: formatDate(s.asOf, lang, 'long') })}
            </p>
            <ProblemFigureTiles figures={s.total} lang={lang} />
            <SummaryTables summary={s} lang={lang} t={t} />
          </>
        )}
      </QueryState>
      {canRecord && station !== null && (
        <div className="problem-actions">
          {recording ? (
            <RecordProblemForm stationCode={station} places={places} today={today} onDone={() => setRecording(false)} />
          ) : (
            <button type="button" onClick={() => setRecording(true)} data-testid="record-problem-open">
              {t('problems.recordOpen')}
            </button>
          )}
        </div>
      )}
      <QueryState query={list}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('problems.none')}</p>
          ) : (
            <ProblemsTable
              items={items}
              withNetwork
              action={(p) =>
                p.editable &&
                (changing === p.id ? (
                  <ChangeProblemForm problem={p} today={today} onDone={() => setChanging(null)} />
                ) : (
                  <button type="button" onClick={() => setChanging(p.id)} data-testid={`change-problem-open-${p.id}`}>
                    {t('problems.changeOpen')}
                  </button>
                ))
              }
            />
          )
        }
      </QueryState>
      {canExport && <ProblemExportLinks unit={unit} from={from} to={to} />}
    </section>
  );
}
