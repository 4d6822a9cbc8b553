/**
 * Choices that apply to the whole file: a saved column mapping, the station (or zone, wave,
 * sample type) for every row, the CSV encoding, the XLSX sheet, and a survey codebook.
 */
import { useId, useMemo, useState } from 'react';
import type { ImportPreview, SavedMapping, ZoneSummary } from '../../api/types.ts';
import { useT } from '../../i18n/use-t.tsx';
import { pickName } from '../overview/to-zone-rows.ts';
import { usesWholeFile } from '../../../server/contracts/imports.ts';
import { applySavedMapping, type ImportForm } from './import-form.ts';

export function FileOptions({
  form,
  onChange,
  zones,
  mappings,
  preview,
  disabled,
}: {
  form: ImportForm;
  onChange: (form: ImportForm) => void;
  zones: readonly ZoneSummary[];
  mappings: readonly SavedMapping[];
  preview: ImportPreview | null;
  disabled: boolean;
}) {
  const { lang, t } = useT();
  const set = <K extends keyof ImportForm>(key: K, value: ImportForm[K]) => onChange({ ...form, [key]: value });
  const stations = useMemo(() => {
    const seen = new Map<string, string>();
    for (const z of zones) {
      if (!seen.has(z.stationCode))
        seen.set(z.stationCode, pickName({ nameTh: z.stationNameTh, nameEn: z.stationNameEn }, lang));
    }
    return [...seen.entries()];
  }, [zones, lang]);
  const sheets = preview?.source.sheets ?? [];
  const isCsv = preview === null || preview.file.format === 'csv';

  return (
    <fieldset className="file-options" disabled={disabled}>
      <legend>{t('imports.options')}</legend>
      <div className="options-grid">
        {mappings.length > 0 && (
          <label className="field">
            {t('imports.savedMapping')}
            <select
              value={form.mappingName ?? ''}
              onChange={(e) => {
                const saved = mappings.find((m) => m.name === e.target.value);
                onChange(saved ? applySavedMapping(form, saved) : { ...form, mappingName: null, columns: {} });
              }}
              data-testid="saved-mapping"
            >
              <option value="">{t('imports.noSavedMapping')}</option>
              {mappings.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name}
                </option>
              ))}
            </select>
            <span className="field-help">{t('imports.savedMappingHelp')}</span>
          </label>
        )}
        {usesWholeFile(form.kind, 'station') && (
          <label className="field">
            {t('imports.station')}
            <select
              value={form.station}
              onChange={(e) => set('station', e.target.value)}
              data-testid="whole-file-station"
            >
              <option value="">{t('imports.fromColumn')}</option>
              {/* A station chosen by a saved mapping may be outside the zone directory: keep it. */}
              {form.station && !stations.some(([code]) => code === form.station) && (
                <option value={form.station}>{form.station}</option>
              )}
              {stations.map(([code, name]) => (
                <option key={code} value={code}>
                  {name} ({code})
                </option>
              ))}
            </select>
            <span className="field-help">{t('imports.stationHelp')}</span>
          </label>
        )}
        {usesWholeFile(form.kind, 'zone') && (
          <label className="field">
            {t('imports.zone')}
            <select value={form.zone} onChange={(e) => set('zone', e.target.value)}>
              <option value="">{t('imports.fromColumn')}</option>
              {form.zone && !zones.some((z) => z.id === form.zone) && <option value={form.zone}>{form.zone}</option>}
              {zones.map((z) => (
                <option key={z.id} value={z.id}>
                  {pickName(z, lang)} ({z.id})
                </option>
              ))}
            </select>
            <span className="field-help">{t('imports.zoneHelp')}</span>
          </label>
        )}
        {usesWholeFile(form.kind, 'wave') && (
          <label className="field">
            {t('imports.wave')}
            <input value={form.wave} onChange={(e) => set('wave', e.target.value)} placeholder="2567-Q1" />
            <span className="field-help">{t('imports.waveHelp')}</span>
          </label>
        )}
        {usesWholeFile(form.kind, 'sample_type') && (
          <label className="field">
            {t('imports.sampleType')}
            <select
              value={form.sampleType}
              onChange={(e) => set('sampleType', e.target.value as ImportForm['sampleType'])}
            >
              <option value="">{t('imports.fromColumnOrProbability')}</option>
              <option value="probability">{t('imports.sample.probability')}</option>
              <option value="opt_in">{t('imports.sample.opt_in')}</option>
            </select>
            <span className="field-help">{t('imports.sampleTypeHelp')}</span>
          </label>
        )}
        {isCsv && (
          <label className="field">
            {t('imports.encoding')}
            <select
              value={form.encoding}
              onChange={(e) => set('encoding', e.target.value as ImportForm['encoding'])}
              data-testid="encoding"
            >
              <option value="">{t('imports.encoding.auto')}</option>
              <option value="utf-8">UTF-8</option>
              <option value="windows-874">Windows-874 / TIS-620</option>
            </select>
            <span className="field-help">
              {preview?.source.encoding
                ? t(preview.source.encodingDetected ? 'imports.encoding.detected' : 'imports.encoding.used', {
                    encoding: preview.source.encoding,
                  })
                : t('imports.encodingHelp')}
            </span>
          </label>
        )}
        {sheets.length > 0 && (
          <label className="field">
            {t('imports.sheet')}
            <select value={form.sheet || preview?.source.sheet || ''} onChange={(e) => set('sheet', e.target.value)}>
              {sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            <span className="field-help">{t('imports.sheetHelp')}</span>
          </label>
        )}
        {form.kind === 'survey' && <CodebookChooser form={form} onChange={onChange} />}
      </div>
    </fieldset>
  );
}

/** The survey's codebook: the standard Thai 5-point items, or a JSON file (data-formats.md). */
function CodebookChooser({ form, onChange }: { form: ImportForm; onChange: (form: ImportForm) => void }) {
  const { t } = useT();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const read = async (file: File) => {
    const text = await file.text();
    try {
      JSON.parse(text);
    } catch {
      setError(t('imports.codebookNotJson', { name: file.name }));
      return;
    }
    setError(null);
    onChange({ ...form, codebook: { name: file.name, text } });
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t('imports.codebook')}</label>
      <p className="codebook-current">
        {form.codebook ? t('imports.codebookFile', { name: form.codebook.name }) : t('imports.codebookDefault')}
      </p>
      <div className="inline-tools">
        <input
          id={id}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void read(file);
            e.target.value = '';
          }}
        />
        {form.codebook && (
          <button type="button" onClick={() => onChange({ ...form, codebook: null })}>
            {t('imports.codebookClear')}
          </button>
        )}
      </div>
      <span className="field-help">{t('imports.codebookHelp')}</span>
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
