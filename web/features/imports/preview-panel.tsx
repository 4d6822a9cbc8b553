/**
 * What the server made of the file, before anything is written: counts, errors and warnings
 * (row, column, value, reason in the screen's language; capped lists with full totals), the
 * column mapping to fix, offence types to map, and the first rows as they will be stored.
 */
import { useState } from 'react';
import type { ImportReference, ImportResult, ZoneSummary } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { isMessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/use-t.tsx';
import { errorText } from '../admin/error-text.ts';
import { fieldName, tableName } from './field-words.ts';
import { type ImportForm, mappingOptions, setOffenceGroup } from './import-form.ts';
import {
  chooseColumn,
  clearColumn,
  type MappingRow,
  mappingRows,
  mappingToSave,
  unusedHeaders,
} from './mapping-state.ts';
import { formatBytes, toPreviewTable, type ValueLabel } from './to-preview-table.ts';
import { pickName } from '../overview/to-zone-rows.ts';
import { issueCounts, issueGroups, type IssueLine, rowsToWrite, shownOf, toIssueLines } from './to-issue-lines.ts';
import { useSaveMapping } from './use-imports.ts';
import { DataTable } from '../../components/data-table.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';

export function PreviewPanel({
  result,
  form,
  onChange,
  reference,
  zones,
  disabled,
}: {
  result: ImportResult;
  form: ImportForm;
  onChange: (form: ImportForm) => void;
  reference: ImportReference | undefined;
  zones: readonly ZoneSummary[];
  disabled: boolean;
}) {
  const { lang, t } = useT();
  const preview = result.preview;
  const label = valueLabels(reference, zones, lang);
  const counts = issueCounts(result);
  const wholeFile = new Set<string>(
    [form.station && 'station', form.zone && 'zone', form.wave && 'wave', form.sampleType && 'sample_type'].filter(
      (x): x is string => Boolean(x),
    ),
  );
  const rows = mappingRows(preview, form.columns, wholeFile);
  const table = toPreviewTable(preview, lang, label);
  const write = rowsToWrite(result.counts.write);

  return (
    <section aria-labelledby="preview-title" className="panel preview" data-testid="import-preview">
      <h2 id="preview-title" tabIndex={-1}>
        {t('imports.preview')}
      </h2>

      <dl className="summary-grid">
        <div>
          <dt>{t('imports.file')}</dt>
          <dd>
            {preview.file.name}{' '}
            <span className="cell-sub inline">
              {formatBytes(preview.file.bytes, lang)}
              {preview.file.format ? ` · ${preview.file.format.toUpperCase()}` : ''}
              {preview.source.encoding ? ` · ${preview.source.encoding}` : ''}
              {preview.source.sheet ? ` · ${t('imports.sheet')}: ${preview.source.sheet}` : ''}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('imports.rowsRead')}</dt>
          <dd data-testid="rows-read">{formatNumber(result.counts.rowsRead, lang)}</dd>
        </div>
        <div>
          <dt>{t('imports.rowsToWrite')}</dt>
          <dd data-testid="rows-to-write">
            {formatNumber(write, lang)}
            {Object.values(result.counts.write).filter((n) => n > 0).length > 1 && (
              <span className="cell-sub">
                {Object.entries(result.counts.write)
                  .filter(([, n]) => n > 0)
                  .map(([table, n]) => `${tableName(table, lang)}: ${formatNumber(n, lang)}`)
                  .join(' · ')}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('imports.skipped')}</dt>
          <dd>{formatNumber(result.counts.skipped, lang)}</dd>
        </div>
        <div className={counts.errors > 0 ? 'is-bad' : 'is-good'}>
          <dt>{t('imports.errors')}</dt>
          <dd data-testid="error-count">
            <span aria-hidden="true">{counts.errors > 0 ? '✕ ' : '✓ '}</span>
            {formatNumber(counts.errors, lang)}
            {result.counts.rowsWithErrors > 0 && (
              <span className="cell-sub">
                {t('imports.rowsWithErrors', { n: formatNumber(result.counts.rowsWithErrors, lang) })}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('imports.warnings')}</dt>
          <dd data-testid="warning-count">{formatNumber(counts.warnings, lang)}</dd>
        </div>
      </dl>

      {counts.errors > 0 && (
        <IssueTable
          title={t('imports.errorsTitle')}
          lines={toIssueLines(result.errors, lang, t)}
          summary={shownOf(counts.shownErrors, counts.errors, lang, t)}
          kind="error"
        />
      )}

      <MappingTable rows={rows} headers={preview.headers} form={form} onChange={onChange} disabled={disabled} />

      {preview.unknownOffenceTypes.length > 0 && (
        <OffenceTypes result={result} form={form} onChange={onChange} reference={reference} disabled={disabled} />
      )}

      {counts.warnings > 0 && <IssueGroups result={result} />}

      {counts.warnings > 0 && (
        <details className="issues-details" open={counts.warnings <= 10}>
          <summary>
            {t('imports.warningsTitle')} ({shownOf(counts.shownWarnings, counts.warnings, lang, t)})
          </summary>
          <IssueTable lines={toIssueLines(result.warnings, lang, t)} kind="warning" />
        </details>
      )}

      {result.counts.answers && <AnswerCounts answers={result.counts.answers} />}
      {Object.keys(result.preview.answerLabels).length > 0 && <AnswerLabels labels={result.preview.answerLabels} />}

      <section aria-labelledby="rows-title">
        <h3 id="rows-title">{t('imports.firstRows', { n: formatNumber(table.rows.length, lang) })}</h3>
        {table.rows.length === 0 ? (
          <p>{t('imports.noRows')}</p>
        ) : (
          <DataTable
            className="compact"
            testId="preview-rows"
            columns={[t('imports.row'), ...table.columns.map((c) => fieldName(c, lang))]}
          >
            {table.rows.map((r) => (
              <tr key={r.row}>
                <th scope="row" className="num">
                  {formatNumber(r.row, lang)}
                </th>
                {r.cells.map((cell, i) => (
                  <td key={table.columns[i]}>
                    {cell.text}
                    {cell.ce !== undefined && (
                      <span className="cell-sub">{t('imports.ceDate', { date: cell.ce })}</span>
                    )}
                    {cell.raw !== null && <span className="cell-sub">{t('imports.inFile', { raw: cell.raw })}</span>}
                  </td>
                ))}
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <SaveMapping result={result} form={form} disabled={disabled} />
    </section>
  );
}

/** Codes the preview stores (offence type keys, station codes, zone ids) shown by their names. */
function valueLabels(
  reference: ImportReference | undefined,
  zones: readonly ZoneSummary[],
  lang: 'th' | 'en',
): ValueLabel {
  const offences = new Map(
    (reference?.offenceTypes ?? []).map((o) => [o.type_key, lang === 'th' ? o.name_th : o.name_en]),
  );
  const stations = new Map(
    zones.map((z) => [z.stationCode, pickName({ nameTh: z.stationNameTh, nameEn: z.stationNameEn }, lang)]),
  );
  const zoneNames = new Map(zones.map((z) => [z.id, pickName(z, lang)]));
  // Stored group numbers are of the current four-group scheme.
  const groups = new Map(
    (reference?.offenceGroups ?? [])
      .filter((g) => g.scheme === 'current4')
      .map((g) => [String(g.group_no), `${g.group_no} ${lang === 'th' ? g.name_th : g.name_en}`]),
  );
  return (canonical, value) => {
    if (canonical === 'crime_type') return offences.get(value) ?? null;
    if (canonical === 'crime_group') return groups.get(value) ?? null;
    if (canonical === 'station') return stations.get(value) ?? null;
    if (canonical === 'zone') return zoneNames.get(value) ?? null;
    return null;
  };
}

/** Warnings counted by reason, most frequent first (the list below carries examples of each). */
function IssueGroups({ result }: { result: ImportResult }) {
  const { lang, t } = useT();
  const groups = issueGroups(result.warnings, result.byCode, lang, (code) => {
    const key = `imports.reasonOf.${code}`;
    return isMessageKey(key) ? t(key) : null;
  });
  return (
    <div className="issues issues-warning">
      <h3>
        <span aria-hidden="true">! </span>
        {t('imports.warningsTitle')} · {t('imports.byReason')}
      </h3>
      <TableScroll>
        <table className="data-table compact" data-testid="warning-groups">
          <thead>
            <tr>
              <th scope="col">{t('imports.reason')}</th>
              <th scope="col" className="num">
                {t('imports.reasonCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.code}>
                <td>{g.reason}</td>
                <td className="num">{formatNumber(g.count, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

function IssueTable({
  title,
  lines,
  summary,
  kind,
}: {
  title?: string;
  lines: IssueLine[];
  summary?: string;
  kind: 'error' | 'warning';
}) {
  const { t } = useT();
  return (
    <div className={`issues issues-${kind}`}>
      {title && (
        <h3>
          <span aria-hidden="true">{kind === 'error' ? '✕ ' : '! '}</span>
          {title} {summary && <span className="cell-sub inline">({summary})</span>}
        </h3>
      )}
      <DataTable
        className="compact"
        testId={`${kind}-table`}
        columns={[t('imports.row'), t('imports.column'), t('imports.value'), t('imports.reason')]}
      >
        {lines.map((line) => (
          <tr key={line.key}>
            <td className="nowrap">{line.row}</td>
            <td>{line.column}</td>
            <td className="mono">{line.value}</td>
            <td>{line.reason}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

const STATUS_ICON: Record<MappingRow['status'], string> = {
  matched: '✓',
  whole_file: '✓',
  missing: '✕',
  ambiguous: '?',
  unused: '–',
};

function MappingTable({
  rows,
  headers,
  form,
  onChange,
  disabled,
}: {
  rows: MappingRow[];
  headers: string[];
  form: ImportForm;
  onChange: (form: ImportForm) => void;
  disabled: boolean;
}) {
  const { lang, t } = useT();
  const extra = unusedHeaders(rows, headers);
  const setColumns = (columns: ImportForm['columns']) => onChange({ ...form, columns, mappingName: null });
  const NONE = '\u0000none';
  return (
    <section aria-labelledby="mapping-title" className="mapping">
      <h3 id="mapping-title">{t('imports.mapping')}</h3>
      <p className="hint">{t('imports.mappingHelp')}</p>
      <DataTable
        className="compact"
        testId="mapping-table"
        columns={[t('imports.field'), t('imports.columnInFile'), t('admin.state')]}
      >
        {rows.map((row) => (
          <tr key={row.canonical} data-canonical={row.canonical} className={`map-${row.status}`}>
            <th scope="row">
              <span className="cell-main">{fieldName(row.canonical, lang)}</span>
              <span className="cell-sub mono">
                {row.canonical}
                {row.required ? ` · ${t('imports.required')}` : ''}
              </span>
            </th>
            <td>
              <select
                aria-label={t('imports.columnFor', { field: fieldName(row.canonical, lang) })}
                value={row.header ?? NONE}
                disabled={disabled}
                onChange={(e) =>
                  setColumns(
                    chooseColumn(form.columns, headers, row.canonical, e.target.value === NONE ? null : e.target.value),
                  )
                }
              >
                <option value={NONE}>{t('imports.noColumn')}</option>
                {headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
              {row.chosen && (
                <button
                  type="button"
                  className="link-button"
                  disabled={disabled}
                  onClick={() => setColumns(clearColumn(form.columns, row.canonical))}
                >
                  {t('imports.auto')}
                </button>
              )}
            </td>
            <td>
              <span className={`map-state map-state-${row.status}`}>
                <span aria-hidden="true">{STATUS_ICON[row.status]} </span>
                {t(`imports.map.${row.status}`)}
              </span>
              {row.candidates.length > 0 && (
                <span className="cell-sub">{t('imports.candidates', { headers: row.candidates.join(', ') })}</span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {extra.length > 0 && <p className="hint">{t('imports.extraColumns', { headers: extra.join(', ') })}</p>}
    </section>
  );
}

function OffenceTypes({
  result,
  form,
  onChange,
  reference,
  disabled,
}: {
  result: ImportResult;
  form: ImportForm;
  onChange: (form: ImportForm) => void;
  reference: ImportReference | undefined;
  disabled: boolean;
}) {
  const { lang, t } = useT();
  const groups = (reference?.offenceGroups ?? []).filter((g) => g.scheme === 'current4');
  const options =
    groups.length > 0
      ? groups.map((g) => ({ no: g.group_no, name: lang === 'th' ? g.name_th : g.name_en }))
      : [1, 2, 3, 4].map((no) => ({ no, name: t(`group.${no}` as 'group.1') }));
  return (
    <section aria-labelledby="offences-title" className="mapping">
      <h3 id="offences-title">{t('imports.unknownOffences')}</h3>
      <p className="hint">{t('imports.unknownOffencesHelp')}</p>
      <DataTable
        className="compact"
        testId="offence-table"
        columns={[t('imports.offenceLabel'), t('imports.rows'), t('imports.offenceGroup')]}
      >
        {result.preview.unknownOffenceTypes.map((u) => (
          <tr key={u.label}>
            <th scope="row">{u.label}</th>
            <td>{t('imports.rowsFirst', { n: formatNumber(u.rows, lang), first: formatNumber(u.firstRow, lang) })}</td>
            <td>
              <select
                aria-label={t('imports.groupFor', { label: u.label })}
                value={form.offenceMap[u.label] ?? ''}
                disabled={disabled}
                onChange={(e) =>
                  onChange(setOffenceGroup(form, u.label, e.target.value ? Number(e.target.value) : null))
                }
              >
                <option value="">{t('imports.chooseGroup')}</option>
                {options.map((g) => (
                  <option key={g.no} value={g.no}>
                    {g.no}. {g.name}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function AnswerCounts({ answers }: { answers: Record<string, Record<string, number>> }) {
  const { lang, t } = useT();
  const statuses = [...new Set(Object.values(answers).flatMap((byStatus) => Object.keys(byStatus)))];
  return (
    <section aria-labelledby="answers-title">
      <h3 id="answers-title">{t('imports.answers')}</h3>
      <DataTable className="compact" columns={[t('imports.item'), ...statuses]}>
        {Object.entries(answers).map(([item, byStatus]) => (
          <tr key={item}>
            <th scope="row">{fieldName(item, lang)}</th>
            {statuses.map((s) => (
              <td key={s} className="num">
                {formatNumber(byStatus[s] ?? 0, lang)}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** How each answer text of the file was read: the label -> level mapping, before anything is written. */
function AnswerLabels({ labels }: { labels: ImportResult['preview']['answerLabels'] }) {
  const { lang, t } = useT();
  return (
    <section aria-labelledby="answer-labels-title">
      <h3 id="answer-labels-title">{t('imports.answerLabels')}</h3>
      <DataTable
        className="compact"
        columns={[t('imports.item'), t('imports.answerLabel'), t('imports.readAs'), t('imports.labelRows')]}
      >
        {Object.entries(labels).flatMap(([item, list]) =>
          list.map((l) => (
            <tr key={`${item}|${l.label}`}>
              <th scope="row">{fieldName(item, lang)}</th>
              <td>{l.label === '' ? '—' : l.label}</td>
              <td>
                {typeof l.reading === 'number'
                  ? t('imports.level', { level: formatNumber(l.reading, lang) })
                  : t(answerStatusKey(l.reading))}
              </td>
              <td className="num">{formatNumber(l.rows, lang)}</td>
            </tr>
          )),
        )}
      </DataTable>
    </section>
  );
}

const ANSWER_STATUS_KEYS = {
  blank: 'imports.answerStatus.blank',
  dont_know: 'imports.answerStatus.dont_know',
  refused: 'imports.answerStatus.refused',
  missing: 'imports.answerStatus.missing',
  out_of_range: 'imports.answerStatus.out_of_range',
} as const;

const answerStatusKey = (status: string) =>
  ANSWER_STATUS_KEYS[status as keyof typeof ANSWER_STATUS_KEYS] ?? 'imports.answerStatus.out_of_range';

function SaveMapping({ result, form, disabled }: { result: ImportResult; form: ImportForm; disabled: boolean }) {
  const { lang, t } = useT();
  const save = useSaveMapping();
  const [name, setName] = useState(form.mappingName ?? '');
  const [savedAs, setSavedAs] = useState<string | null>(null);
  return (
    <form
      className="save-mapping"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = name.trim();
        if (!trimmed) return;
        save.mutate(
          {
            name: trimmed,
            kind: form.kind,
            columns: mappingToSave(result.preview, form.columns),
            options: mappingOptions(form),
          },
          { onSuccess: () => setSavedAs(trimmed) },
        );
      }}
    >
      <label className="field">
        {t('imports.saveMappingAs')}
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={100}
          placeholder={t('imports.saveMappingExample')}
        />
        <span className="field-help">{t('imports.saveMappingHelp')}</span>
      </label>
      <button type="submit" disabled={disabled || save.isPending || name.trim() === ''}>
        {t('imports.saveMapping')}
      </button>
      <p role="status" className="notice">
        {savedAs ? t('imports.mappingSaved', { name: savedAs }) : ''}
      </p>
      {save.isError && (
        <p className="form-error" role="alert">
          {errorText(save.error, lang, t)}
        </p>
      )}
    </form>
  );
}
