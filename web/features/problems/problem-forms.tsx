/**
 * The station's forms: record a problem the network raised (category, day raised, zone, what,
 * which network, a point where known) and change one (send it up a level, change its status, and
 * always a dated note). The server checks everything again; these only help the user.
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import {
  PROBLEM_LEVELS,
  PROBLEM_STATUSES,
  type ProblemLevel,
  type ProblemStatus,
} from '../../../server/contracts/problems.ts';
import { ApiError } from '../../api/client.ts';
import { problemCategoriesQuery } from '../../api/queries.ts';
import type { Problem } from '../../api/types.ts';
import { formatDate } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { levelName, statusName } from './to-problem-view.ts';
import { useChangeProblem, useRecordProblem } from './use-problems.ts';

export interface PlaceChoice {
  /** A zone id, or null for "the station, no zone". */
  zoneId: string | null;
  label: string;
}

function SelectField<T extends string>(props: {
  label: string;
  name: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  required?: boolean;
}) {
  return (
    <label className="field">
      {props.label}
      <select
        required={props.required}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as T)}
        name={props.name}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function TextField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** Lines of a text area; none = one line. */
  rows?: number;
  maxLength?: number;
  required?: boolean;
  help?: ReactNode;
  /** A number (coordinates): the phone shows its number keys. */
  decimal?: boolean;
}) {
  const controlId = useId();
  const common = {
    id: controlId,
    required: props.required,
    maxLength: props.maxLength,
    value: props.value,
    name: props.name,
  };
  return (
    <div className="field">
      <label htmlFor={controlId}>{props.label}</label>
      {props.rows === undefined ? (
        <input
          {...common}
          inputMode={props.decimal ? 'decimal' : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
      ) : (
        <textarea {...common} rows={props.rows} onChange={(e) => props.onChange(e.target.value)} />
      )}
      {props.help !== undefined && <span className="field-help">{props.help}</span>}
    </div>
  );
}

/** The API's own words for a refused change, and the submit button. */
function FormEnd({ error, busy, label }: { error: unknown; busy: boolean; label: string }) {
  const { lang, t } = useT();
  return (
    <>
      {error !== null && (
        <p className="form-error" role="alert">
          {error instanceof ApiError && error.text ? error.text[lang] : t('state.error')}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('problems.saving') : label}
      </button>
    </>
  );
}

export function RecordProblemForm({
  stationCode,
  places,
  today,
  onDone,
}: {
  stationCode: string;
  places: readonly PlaceChoice[];
  /** 'YYYY-MM-DD' in Bangkok: the default day raised and the latest allowed. */
  today: string;
  onDone: () => void;
}) {
  const { lang, t } = useT();
  const id = useId();
  const categories = useQuery(problemCategoriesQuery());
  const record = useRecordProblem();
  const [category, setCategory] = useState('');
  const [raisedOn, setRaisedOn] = useState(today);
  const [place, setPlace] = useState(places[0]?.zoneId ?? '');
  const [description, setDescription] = useState('');
  const [raisedBy, setRaisedBy] = useState('');
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const point: [number, number] | undefined = lat.trim() && lon.trim() ? [Number(lon), Number(lat)] : undefined;
    record.mutate(
      {
        category,
        raisedOn,
        ...(place ? { zoneId: place } : { stationCode }),
        description,
        raisedBy,
        ...(point ? { point } : {}),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="problem-form" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="record-problem">
      <h3 id={`${id}-title`}>{t('problems.record')}</h3>
      <SelectField
        label={t('problems.category')}
        name="category"
        required
        value={category}
        onChange={setCategory}
        options={[
          { value: '', label: t('problems.choose') },
          ...(categories.data?.items ?? []).map((c) => ({ value: c.code, label: lang === 'en' ? c.nameEn : c.nameTh })),
        ]}
      />
      <label className="field">
        {t('problems.raisedOn')}
        <input
          type="date"
          required
          max={today}
          value={raisedOn}
          onChange={(e) => setRaisedOn(e.target.value)}
          name="raisedOn"
        />
        <span className="field-help">{formatDate(raisedOn, lang, 'long')}</span>
      </label>
      {places.length > 1 && (
        <SelectField
          label={t('problems.place')}
          name="place"
          value={place}
          onChange={setPlace}
          options={places.map((p) => ({ value: p.zoneId ?? '', label: p.label }))}
        />
      )}
      <TextField
        label={t('problems.description')}
        name="description"
        rows={3}
        maxLength={2000}
        required
        value={description}
        onChange={setDescription}
      />
      <TextField
        label={t('problems.raisedBy')}
        name="raisedBy"
        maxLength={200}
        required
        value={raisedBy}
        onChange={setRaisedBy}
        help={t('problems.raisedByHelp')}
      />
      <fieldset className="field-pair">
        <legend>{t('problems.point')}</legend>
        <TextField label={t('problems.lat')} name="lat" value={lat} onChange={setLat} decimal />
        <TextField label={t('problems.lon')} name="lon" value={lon} onChange={setLon} decimal />
      </fieldset>
      <FormEnd error={record.error} busy={record.isPending} label={t('problems.save')} />
    </form>
  );
}

export function ChangeProblemForm({ problem, today, onDone }: { problem: Problem; today: string; onDone: () => void }) {
  const { lang, t } = useT();
  const id = useId();
  const change = useChangeProblem();
  const [level, setLevel] = useState<ProblemLevel>(problem.level);
  const [status, setStatus] = useState<ProblemStatus>(problem.status);
  const [note, setNote] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(
      {
        id: problem.id,
        change: {
          ...(level === problem.level ? {} : { level }),
          ...(status === problem.status ? {} : { status }),
          note,
        },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form
      className="problem-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      data-testid={`change-problem-${problem.id}`}
    >
      <h3 id={`${id}-title`}>{t('problems.change', { id: String(problem.id) })}</h3>
      <SelectField
        label={t('problems.level')}
        name="level"
        value={level}
        onChange={setLevel}
        options={PROBLEM_LEVELS.map((l) => ({ value: l, label: levelName(l, lang) }))}
      />
      <SelectField
        label={t('problems.status')}
        name="status"
        value={status}
        onChange={setStatus}
        options={PROBLEM_STATUSES.map((s) => ({ value: s, label: statusName(s, lang) }))}
      />
      <TextField
        label={t('problems.note')}
        name="note"
        rows={2}
        maxLength={2000}
        required
        value={note}
        onChange={setNote}
        help={t('problems.noteHelp', { day: formatDate(today, lang, 'long') })}
      />
      <FormEnd error={change.error} busy={change.isPending} label={t('problems.saveChange')} />
    </form>
  );
}
