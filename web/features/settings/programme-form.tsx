/**
 * The programme's KPI rules (kpi.md "settings"), each with one sentence on what it does. Only
 * national-scope users may change them; others see them read-only (and the server says 403).
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { ProgrammeSettings } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/use-t.tsx';
import { errorText } from '../admin/error-text.ts';
import { NumberInput, SettingRow } from './setting-row.tsx';
import {
  checkProgramme,
  type LevelsForm,
  type ProgrammeField,
  type ProgrammeForm as Form,
  programmeToForm,
  toggleNumber,
} from './settings-form.ts';
import { useSaveProgramme } from './use-settings.ts';

const GROUPS = [1, 2, 3, 4] as const;

export function ProgrammeForm({
  programme,
  defaults,
  canEdit,
}: {
  programme: ProgrammeSettings;
  defaults: ProgrammeSettings;
  canEdit: boolean;
}) {
  const { lang, t } = useT();
  const save = useSaveProgramme();
  const [form, setForm] = useState<Form>(() => programmeToForm(programme));
  const [errors, setErrors] = useState<Partial<Record<ProgrammeField, MessageKey>>>({});
  const [saved, setSaved] = useState(false);
  // A save elsewhere (another tab, another user) shows up when the query refetches.
  useEffect(() => setForm(programmeToForm(programme)), [programme]);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const err = (field: ProgrammeField) => (errors[field] ? t(errors[field]) : null);
  const disabled = !canEdit || save.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkProgramme(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    save.mutate(checked.value, { onSuccess: () => setSaved(true) });
  };

  const numberRow = (
    field: 'fearTarget' | 'trustTarget' | 'crimeTarget' | 'minSample' | 'bufferMeters',
    unit: string,
  ) => (
    <SettingRow
      label={t(`settings.${field}`)}
      help={t(`settings.help.${field}`)}
      error={err(field)}
      testId={`programme-${field}`}
    >
      {({ helpId, inputId }) => (
        <NumberInput
          id={inputId}
          value={form[field]}
          onChange={(v) => set(field, v)}
          unit={unit}
          helpId={helpId}
          disabled={disabled}
          invalid={Boolean(errors[field])}
        />
      )}
    </SettingRow>
  );

  return (
    <form onSubmit={submit} className="settings-form" aria-labelledby="programme-title" noValidate>
      {!canEdit && <p className="note">{t('settings.nationalOnly')}</p>}
      <h3>{t('settings.surveyRules')}</h3>
      {numberRow('fearTarget', '%')}
      {numberRow('trustTarget', '%')}
      <LevelsRow
        field="fearLevels"
        value={form.fearLevels}
        onChange={(v) => set('fearLevels', v)}
        disabled={disabled}
        error={err('fearLevels')}
      />
      <LevelsRow
        field="trustLevels"
        value={form.trustLevels}
        onChange={(v) => set('trustLevels', v)}
        disabled={disabled}
        error={err('trustLevels')}
      />
      <RadioRow
        field="denominator"
        options={['valid', 'all'] as const}
        value={form.denominator}
        onChange={(v) => set('denominator', v)}
        disabled={disabled}
      />
      <CheckRow
        field="overrideCodebooks"
        checked={form.overrideCodebooks}
        onChange={(v) => set('overrideCodebooks', v)}
        disabled={disabled}
        testId="programme-overrideCodebooks"
      />
      <RadioRow
        field="surveyRule"
        options={['latest_wave', 'all_in_period'] as const}
        value={form.surveyRule}
        onChange={(v) => set('surveyRule', v)}
        disabled={disabled}
      />
      {numberRow('minSample', t('settings.unit.answers'))}
      <CheckRow field="poolOptIn" checked={form.poolOptIn} onChange={(v) => set('poolOptIn', v)} disabled={disabled} />

      <h3>{t('settings.crimeRules')}</h3>
      {numberRow('crimeTarget', '%')}
      <RadioRow
        field="baseline"
        options={['matched', 'previous'] as const}
        value={form.baseline}
        onChange={(v) => set('baseline', v)}
        disabled={disabled}
      />
      <SettingRow
        label={t('settings.crimeGroups')}
        help={t('settings.help.crimeGroups')}
        error={err('crimeGroups')}
        as="fieldset"
      >
        {({ helpId }) => (
          <span className="checks">
            {GROUPS.map((g) => (
              <label key={g} className="check">
                <input
                  type="checkbox"
                  checked={form.crimeGroups.includes(g)}
                  disabled={disabled}
                  aria-describedby={helpId}
                  onChange={(e) => set('crimeGroups', toggleNumber(form.crimeGroups, g, e.target.checked))}
                />
                {g}. {t(`group.${g}`)}
              </label>
            ))}
          </span>
        )}
      </SettingRow>
      {numberRow('bufferMeters', t('settings.unit.metres'))}

      {save.isError && (
        <p className="form-error" role="alert">
          {errorText(save.error, lang, t)}
        </p>
      )}
      {Object.keys(errors).length > 0 && (
        <p className="form-error" role="alert">
          {t('settings.fixErrors')}
        </p>
      )}
      <p className="notice" role="status">
        {saved ? t('settings.savedProgramme') : ''}
      </p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={disabled} data-testid="save-programme">
          {save.isPending ? t('form.working') : t('settings.saveProgramme')}
        </button>
        <button type="button" disabled={disabled} onClick={() => setForm(programmeToForm(defaults))}>
          {t('settings.useDefaults')}
        </button>
      </div>
    </form>
  );
}

function RadioRow<V extends string>({
  field,
  options,
  value,
  onChange,
  disabled,
}: {
  field: 'denominator' | 'surveyRule' | 'baseline';
  options: readonly V[];
  value: V;
  onChange: (value: V) => void;
  disabled: boolean;
}) {
  const { t } = useT();
  const name = useId();
  return (
    <SettingRow label={t(`settings.${field}`)} help={t(`settings.help.${field}`)} as="fieldset">
      {({ helpId }) => (
        <span className="checks">
          {options.map((o) => (
            <label key={o} className="check">
              <input
                type="radio"
                name={name}
                value={o}
                checked={o === value}
                disabled={disabled}
                aria-describedby={helpId}
                onChange={() => onChange(o)}
              />
              {t(`settings.${field}.${o}` as MessageKey)}
            </label>
          ))}
        </span>
      )}
    </SettingRow>
  );
}

/** A yes/no setting: its name, help and one checkbox saying what "yes" means. */
function CheckRow({
  field,
  checked,
  onChange,
  disabled,
  testId,
}: {
  field: 'overrideCodebooks' | 'poolOptIn';
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled: boolean;
  testId?: string;
}) {
  const { t } = useT();
  return (
    <SettingRow label={t(`settings.${field}`)} help={t(`settings.help.${field}`)} as="fieldset" testId={testId}>
      {({ helpId }) => (
        <label className="check">
          <input
            type="checkbox"
            checked={checked}
            disabled={disabled}
            aria-describedby={helpId}
            onChange={(e) => onChange(e.target.checked)}
          />
          {t(`settings.${field}.yes`)}
        </label>
      )}
    </SettingRow>
  );
}

function LevelsRow({
  field,
  value,
  onChange,
  disabled,
  error,
}: {
  field: 'fearLevels' | 'trustLevels';
  value: LevelsForm;
  onChange: (value: LevelsForm) => void;
  disabled: boolean;
  error: string | null;
}) {
  const { t } = useT();
  const name = useId();
  const top = Math.max(5, ...value.levels);
  const levels = Array.from({ length: top }, (_, i) => i + 1);
  return (
    <SettingRow label={t(`settings.${field}`)} help={t(`settings.help.${field}`)} error={error} as="fieldset">
      {({ helpId }) => (
        <span className="checks">
          <label className="check">
            <input
              type="radio"
              name={name}
              checked={value.mode === 'top2'}
              disabled={disabled}
              aria-describedby={helpId}
              onChange={() => onChange({ ...value, mode: 'top2' })}
            />
            {t('settings.levels.top2')}
          </label>
          <label className="check">
            <input
              type="radio"
              name={name}
              checked={value.mode === 'chosen'}
              disabled={disabled}
              onChange={() => onChange({ ...value, mode: 'chosen' })}
            />
            {t('settings.levels.chosen')}
          </label>
          {value.mode === 'chosen' && (
            <fieldset className="level-boxes" aria-label={t('settings.levels.which')}>
              {levels.map((l) => (
                <label key={l} className="check">
                  <input
                    type="checkbox"
                    checked={value.levels.includes(l)}
                    disabled={disabled}
                    onChange={(e) => onChange({ ...value, levels: toggleNumber(value.levels, l, e.target.checked) })}
                  />
                  {t('settings.levels.level', { level: l })}
                </label>
              ))}
            </fieldset>
          )}
        </span>
      )}
    </SettingRow>
  );
}
