/**
 * One zone's own rules: targets, baseline, buffer ring and comparison zones. Each field is
 * either "as the programme" (shown with the programme's value) or the zone's own value.
 */
import { type FormEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import type { ProgrammeSettings, ZoneOverrides, ZoneSummary } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/use-t.tsx';
import { errorText } from '../admin/error-text.ts';
import { ConfirmDialog } from '../admin/modal.tsx';
import { pickName } from '../overview/to-zone-rows.ts';
import { NumberInput, SettingRow } from './setting-row.tsx';
import {
  checkZoneForm,
  hasOverrides,
  type Override,
  type ZoneField,
  type ZoneForm,
  zoneToForm,
} from './settings-form.ts';
import { useResetZoneSettings, useSaveZoneSettings } from './use-settings.ts';

export function ZoneSettingsForm({
  zone,
  zones,
  overrides,
  programme,
}: {
  zone: ZoneSummary;
  zones: readonly ZoneSummary[];
  overrides: ZoneOverrides | undefined;
  programme: ProgrammeSettings;
}) {
  const { lang, t } = useT();
  const save = useSaveZoneSettings();
  const reset = useResetZoneSettings();
  const [form, setForm] = useState<ZoneForm>(() => zoneToForm(overrides, programme));
  const [errors, setErrors] = useState<Partial<Record<ZoneField, MessageKey>>>({});
  const [notice, setNotice] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);
  useEffect(() => setForm(zoneToForm(overrides, programme)), [overrides, programme]);
  const set = <K extends keyof ZoneForm>(key: K, value: Partial<ZoneForm[K]>) => {
    setNotice('');
    setForm((f) => ({ ...f, [key]: { ...f[key], ...value } }));
  };
  const busy = save.isPending || reset.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkZoneForm(form, zone.id);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const name = pickName(zone, lang);
    if (!hasOverrides(checked.value)) {
      reset.mutate(zone.id, { onSuccess: () => setNotice(t('settings.zoneReset', { name })) });
      return;
    }
    save.mutate(
      { zoneId: zone.id, overrides: checked.value },
      { onSuccess: () => setNotice(t('settings.zoneSaved', { name })) },
    );
  };

  const percent = (v: number) => `${formatNumber(v, lang, 1)}%`;
  const numberField = (field: 'fearTarget' | 'trustTarget' | 'crimeTarget' | 'bufferMeters') => {
    const unit = field === 'bufferMeters' ? t('settings.unit.metres') : '%';
    const base =
      field === 'bufferMeters' ? `${formatNumber(programme[field], lang)} ${unit}` : percent(programme[field]);
    return (
      <OverrideRow
        key={field}
        field={field}
        override={form[field]}
        base={base}
        error={errors[field] ? t(errors[field]) : null}
        onOwn={(own) => set(field, { own })}
        disabled={busy}
      >
        {(helpId) => (
          <NumberInput
            label={t(`settings.${field}`)}
            value={form[field].value}
            onChange={(value) => set(field, { value })}
            unit={unit}
            helpId={helpId}
            disabled={busy || !form[field].own}
            invalid={Boolean(errors[field])}
          />
        )}
      </OverrideRow>
    );
  };

  return (
    <form onSubmit={submit} className="settings-form" noValidate data-testid="zone-settings-form">
      {numberField('fearTarget')}
      {numberField('trustTarget')}
      {numberField('crimeTarget')}
      <OverrideRow
        field="baseline"
        override={form.baseline}
        base={t(`settings.baseline.${programme.baseline}`)}
        onOwn={(own) => set('baseline', { own })}
        disabled={busy}
      >
        {(helpId) => (
          <select
            aria-label={t('settings.baseline')}
            value={form.baseline.value}
            disabled={busy || !form.baseline.own}
            aria-describedby={helpId}
            onChange={(e) => set('baseline', { value: e.target.value as ProgrammeSettings['baseline'] })}
          >
            <option value="matched">{t('settings.baseline.matched')}</option>
            <option value="previous">{t('settings.baseline.previous')}</option>
          </select>
        )}
      </OverrideRow>
      {numberField('bufferMeters')}
      <OverrideRow
        field="controlZones"
        override={form.controlZones}
        base={t('settings.controlZones.rest')}
        onOwn={(own) => set('controlZones', { own })}
        disabled={busy}
        error={errors.controlZones ? t(errors.controlZones) : null}
      >
        {(helpId) => (
          <ControlZonesPicker
            zone={zone}
            zones={zones}
            value={form.controlZones.value}
            onChange={(value) => set('controlZones', { value })}
            disabled={busy || !form.controlZones.own}
            helpId={helpId}
          />
        )}
      </OverrideRow>

      {(save.isError || reset.isError) && (
        <p className="form-error" role="alert">
          {errorText(save.error ?? reset.error, lang, t)}
        </p>
      )}
      <p className="notice" role="status">
        {notice}
      </p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="save-zone-settings">
          {save.isPending ? t('form.working') : t('settings.saveZone')}
        </button>
        <button type="button" disabled={busy || !hasOverrides(overrides)} onClick={() => setConfirmReset(true)}>
          {t('settings.resetZone')}
        </button>
      </div>
      {confirmReset && (
        <ConfirmDialog
          title={t('settings.resetZoneTitle', { name: pickName(zone, lang) })}
          confirmLabel={t('settings.resetZone')}
          busy={reset.isPending}
          error={reset.isError ? errorText(reset.error, lang, t) : null}
          onCancel={() => setConfirmReset(false)}
          onConfirm={() =>
            reset.mutate(zone.id, {
              onSuccess: () => {
                setConfirmReset(false);
                setNotice(t('settings.zoneReset', { name: pickName(zone, lang) }));
              },
            })
          }
        >
          <p>{t('settings.resetZoneBody')}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}

function OverrideRow<T>({
  field,
  override,
  base,
  onOwn,
  disabled,
  error,
  children,
}: {
  field: ZoneField;
  override: Override<T>;
  /** The programme's value, in words. */
  base: string;
  onOwn: (own: boolean) => void;
  disabled: boolean;
  error?: string | null;
  children: (helpId: string) => ReactNode;
}) {
  const { t } = useT();
  return (
    <SettingRow
      label={t(`settings.${field}`)}
      help={t(`settings.help.${field}`)}
      error={error}
      as="fieldset"
      testId={`zone-${field}`}
    >
      {({ helpId }) => (
        <>
          <label className="check">
            <input
              type="checkbox"
              checked={override.own}
              disabled={disabled}
              onChange={(e) => onOwn(e.target.checked)}
            />
            {t('settings.ownValue')}
          </label>
          {override.own ? (
            children(helpId)
          ) : (
            <span className="as-programme">{t('settings.asProgramme', { value: base })}</span>
          )}
        </>
      )}
    </SettingRow>
  );
}

function ControlZonesPicker({
  zone,
  zones,
  value,
  onChange,
  disabled,
  helpId,
}: {
  zone: ZoneSummary;
  zones: readonly ZoneSummary[];
  value: string[];
  onChange: (ids: string[]) => void;
  disabled: boolean;
  helpId: string;
}) {
  const { lang, t } = useT();
  // Same station first: the usual comparison.
  const candidates = useMemo(
    () =>
      zones
        .filter((z) => z.id !== zone.id)
        .sort((a, b) => Number(b.stationCode === zone.stationCode) - Number(a.stationCode === zone.stationCode)),
    [zones, zone],
  );
  return (
    <fieldset className="pick-list compact" aria-label={t('settings.controlZones')} aria-describedby={helpId}>
      {candidates.map((z) => (
        <label key={z.id} className="pick">
          <input
            type="checkbox"
            checked={value.includes(z.id)}
            disabled={disabled}
            onChange={(e) => onChange(e.target.checked ? [...value, z.id] : value.filter((id) => id !== z.id))}
          />
          <span>
            <span className="pick-label">{pickName(z, lang)}</span>
            <span className="pick-detail">
              {pickName({ nameTh: z.stationNameTh, nameEn: z.stationNameEn }, lang)}
              {z.stationCode === zone.stationCode ? ` · ${t('settings.sameStation')}` : ''}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
