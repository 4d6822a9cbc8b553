/** One setting: its input on the left, one plain sentence on what it does beside it. */
import { type ReactNode, useId } from 'react';
import { useT } from '../../i18n/use-t.tsx';

export function SettingRow({
  label,
  help,
  error,
  children,
  as = 'label',
  testId,
}: {
  label: string;
  help: string;
  error?: string | null;
  /** The input, given the id to take (labelled rows) and the help text's id for aria-describedby. */
  children: (ids: { helpId: string; inputId: string }) => ReactNode;
  /** 'fieldset' for a group of radios or checkboxes. */
  as?: 'label' | 'fieldset';
  testId?: string;
}) {
  const helpId = useId();
  const inputId = useId();
  const body = (
    <>
      {children({ helpId, inputId })}
      {error && <span className="field-error">{error}</span>}
    </>
  );
  return (
    <div className="setting" data-testid={testId}>
      {as === 'label' ? (
        <div className="setting-input">
          <label className="setting-label" htmlFor={inputId}>
            {label}
          </label>
          {body}
        </div>
      ) : (
        <fieldset className="setting-input">
          <legend className="setting-label">{label}</legend>
          {body}
        </fieldset>
      )}
      <p className="setting-help" id={helpId}>
        {help}
      </p>
    </div>
  );
}

/** A number box with its unit (%, m, answers) after it. */
export function NumberInput({
  id,
  label,
  value,
  onChange,
  unit,
  helpId,
  disabled,
  invalid,
}: {
  /** The id a <label htmlFor> points at, or a label of its own (aria-label). */
  id?: string;
  label?: string;
  value: string;
  onChange: (value: string) => void;
  unit?: string;
  helpId: string;
  disabled?: boolean;
  invalid?: boolean;
}) {
  const { t } = useT();
  return (
    <span className="number-input">
      <input
        id={id}
        aria-label={label}
        type="text"
        inputMode="decimal"
        value={value}
        disabled={disabled}
        aria-describedby={helpId}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        size={7}
      />
      {unit && <span className="unit">{unit === '%' ? t('settings.unit.percent') : unit}</span>}
    </span>
  );
}
