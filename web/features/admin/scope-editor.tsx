/**
 * Scope picker for users and tokens: the level (national, bureau, division, station, chosen
 * zones), then the units of that level with a search box. Units come from /api/zones, with their
 * Thai and English names.
 */
import { useId, useMemo, useState } from 'react';
import type { ScopeKind, ZoneSummary } from '../../api/types.ts';
import { useT } from '../../i18n/use-t.tsx';
import {
  SCOPE_KINDS,
  type ScopeForm,
  scopeKindLabel,
  scopeOptions,
  setScopeKind,
  toggleScopeCode,
  visibleScopeOptions,
} from './scope-form.ts';

export function ScopeEditor({
  value,
  onChange,
  zones,
  nationalOnly,
  error,
}: {
  value: ScopeForm;
  onChange: (next: ScopeForm) => void;
  zones: readonly ZoneSummary[];
  /** Administrators: national scope only. */
  nationalOnly: boolean;
  error?: string | null;
}) {
  const { lang, t } = useT();
  const name = useId();
  const errorId = useId();
  const [query, setQuery] = useState('');
  const kind = nationalOnly ? 'national' : value.kind;
  const options = useMemo(
    () =>
      kind === 'national'
        ? []
        : visibleScopeOptions(scopeOptions(zones, kind, lang), value.codes, query, t('scope.unknownCode')),
    [zones, kind, lang, value.codes, query, t],
  );
  const chosenNames = useMemo(() => {
    if (kind === 'national') return [];
    const labels = new Map(scopeOptions(zones, kind, lang).map((o) => [o.code, o.label]));
    return value.codes.map((c) => labels.get(c) ?? c);
  }, [zones, kind, lang, value.codes]);

  return (
    <fieldset className="scope-editor" aria-describedby={error ? errorId : undefined}>
      <legend>{t('scope.title')}</legend>
      <div className="segmented">
        {SCOPE_KINDS.map((k: ScopeKind) => (
          <label key={k} className={k === kind ? 'is-active' : undefined}>
            <input
              type="radio"
              name={name}
              value={k}
              checked={k === kind}
              disabled={nationalOnly && k !== 'national'}
              onChange={() => onChange(setScopeKind(value, k))}
            />
            {scopeKindLabel(k, t)}
          </label>
        ))}
      </div>
      {nationalOnly && <p className="hint">{t('scope.adminNational')}</p>}
      {kind !== 'national' && (
        <>
          <label className="field">
            {t('scope.search')}
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <fieldset className="pick-list" aria-label={scopeKindLabel(kind, t)}>
            {options.length === 0 && <p className="hint">{t('overview.noMatch')}</p>}
            {options.map((o) => (
              <label key={o.code} className="pick">
                <input
                  type="checkbox"
                  checked={value.codes.includes(o.code)}
                  onChange={(e) => onChange(toggleScopeCode(value, o.code, e.target.checked))}
                />
                <span>
                  <span className="pick-label">{o.label}</span>
                  <span className="pick-detail">
                    {o.code !== o.label ? `${o.code} · ` : ''}
                    {o.detail}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <p className="scope-chosen" aria-live="polite">
            {chosenNames.length === 0
              ? t('scope.noneChosen')
              : t('scope.chosen', { n: chosenNames.length, names: chosenNames.join(', ') })}
          </p>
        </>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
