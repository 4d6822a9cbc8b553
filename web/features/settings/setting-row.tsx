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
  /** The input, given the id of the help text for aria-describedby. */
  children: (helpId: string) => ReactNode;
  /** 'fieldset' for a group of radios or checkboxes. */
  as?: 'label' | 'fieldset';
  testId?: string;
}) {
  const helpId = useId();
  const body = (
    <>
      {children(helpId)}
      {error && <span className="field-error">{error}</span>}
    </>
  );
  return (
    <div className="setting" data-testid={testId}>
      {as === 'label' ? (
        <label className="setting-input">
          <span className="setting-label">{label}</span>
          {body}
        </label>
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
  value,
  onChange,
  unit,
  helpId,
  disabled,
  invalid,
}: {
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
