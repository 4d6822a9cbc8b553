import { useMemo } from 'react';
import { formatMonthRange } from '../../i18n/format.ts';
import { useT } from '../../i18n/use-t.tsx';
import { useDashboardState } from '../../router.ts';
import { matchPreset, type PeriodPreset, periodPresets, presetLabel } from './period-presets.ts';

const CUSTOM = 'custom';

/** One select of presets; a custom period from a shared link is shown as such. */
export function PeriodPicker() {
  const { lang, t } = useT();
  const [state, navigate] = useDashboardState();
  const presets = useMemo(() => periodPresets(new Date()), []);
  const current = matchPreset(presets, state.from, state.to);
  const labels = {
    sinceStart: t('period.sinceStart'),
    last12: t('period.last12'),
  };
  const option = (preset: PeriodPreset) => (
    <option key={preset.id} value={preset.id}>
      {presetLabel(preset, lang, labels)}
    </option>
  );

  const choose = (id: string) => {
    const preset = presets.find((p) => p.id === id);
    if (preset) navigate({ from: preset.from, to: preset.to });
  };

  return (
    <div className="period-picker">
      <label>
        <span className="period-label">{t('period.label')}</span>
        <select value={current?.id ?? CUSTOM} onChange={(e) => choose(e.target.value)} data-testid="period-select">
          {!current && state.from && state.to && (
            <option value={CUSTOM}>
              {t('period.custom', {
                range: formatMonthRange(state.from, state.to, lang),
              })}
            </option>
          )}
          <optgroup label={t('period.other')}>
            {presets.filter((p) => p.kind === 'since_start' || p.kind === 'last12').map(option)}
          </optgroup>
          <optgroup label={t('period.fiscal')}>{presets.filter((p) => p.kind === 'fiscal').map(option)}</optgroup>
          <optgroup label={t('period.calendar')}>{presets.filter((p) => p.kind === 'calendar').map(option)}</optgroup>
        </select>
      </label>
    </div>
  );
}
