/**
 * The resident form's moderation (issue #20), for analysts: the bursts by zone and Bangkok hour,
 * what became of their answers, and per hour a void with a reason (kept, out of every figure,
 * still listed) or a release of answers a rate limit held.
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { surveyModerationQuery } from '../../api/queries.ts';
import { DataTable } from '../../components/data-table.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { errorText } from '../admin/error-text.ts';
import { type BurstRow, toBurstRows } from './to-burst-rows.ts';
import { useReleaseBurst, useVoidBurst } from './use-moderation.ts';

export default function ModerationPage() {
  const { lang, t } = useT();
  const bursts = useQuery(surveyModerationQuery());
  const [notice, setNotice] = useState('');
  return (
    <>
      <h1>{t('moderation.title')}</h1>
      <p className="lead">{t('moderation.intro')}</p>
      <p className="notice" role="status">
        {notice}
      </p>
      <QueryState query={bursts}>
        {(data) =>
          data.bursts.length === 0 ? (
            <p>{t('moderation.none')}</p>
          ) : (
            <DataTable
              testId="moderation-table"
              columns={[
                t('moderation.zone'),
                t('moderation.hour'),
                t('moderation.answers'),
                t('moderation.inFigures'),
                t('moderation.held'),
                t('moderation.voided'),
                t('moderation.action'),
              ]}
            >
              {toBurstRows(data.bursts, lang).map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    <span className="cell-main">{row.zoneName}</span>
                    <span className="cell-sub">{row.zoneId}</span>
                  </th>
                  <td>{row.hourLabel}</td>
                  <td className="num">{formatNumber(row.answers, lang)}</td>
                  <td className="num">{formatNumber(row.inFigures, lang)}</td>
                  <td>
                    {formatNumber(row.held, lang)}
                    {row.holdKeys.map((key) => (
                      <span key={key} className="cell-sub">
                        {t(key)}
                      </span>
                    ))}
                  </td>
                  <td>
                    {formatNumber(row.voided, lang)}
                    {row.voids.map((v) => (
                      <span key={`${v.by}|${v.reason}`} className="cell-sub">
                        {t('moderation.voidedBy', { by: v.by, reason: v.reason })}
                      </span>
                    ))}
                  </td>
                  <td>
                    <BurstActions row={row} onDone={setNotice} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </QueryState>
    </>
  );
}

function BurstActions({ row, onDone }: { row: BurstRow; onDone: (notice: string) => void }) {
  const { lang, t } = useT();
  const voiding = useVoidBurst();
  const releasing = useReleaseBurst();
  const [reason, setReason] = useState('');
  const id = `void-reason-${row.key.replace(/[^A-Za-z0-9]/g, '-')}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    voiding.mutate(
      { zoneId: row.zoneId, hour: row.hour, reason: reason.trim() },
      { onSuccess: (r) => onDone(t('moderation.done.void', { n: formatNumber(r.voided, lang) })) },
    );
  };
  const failed = errorText(voiding.error ?? releasing.error, lang, t);
  return (
    <>
      {row.canVoid && (
        <form className="inline-form" onSubmit={submit}>
          <label htmlFor={id}>{t('moderation.reason')}</label>
          <input
            id={id}
            value={reason}
            minLength={3}
            maxLength={500}
            required
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" disabled={voiding.isPending || reason.trim().length < 3}>
            {t('moderation.void')}
          </button>
        </form>
      )}
      {row.canRelease && (
        <button
          type="button"
          disabled={releasing.isPending}
          onClick={() =>
            releasing.mutate(
              { zoneId: row.zoneId, hour: row.hour },
              { onSuccess: (r) => onDone(t('moderation.done.release', { n: formatNumber(r.released, lang) })) },
            )
          }
        >
          {t('moderation.release')}
        </button>
      )}
      {failed && (
        <p className="error" role="alert">
          {failed}
        </p>
      )}
    </>
  );
}
