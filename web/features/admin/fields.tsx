/** Small form pieces of the admin screen: role select, password with "generate", a copyable secret. */
import { useId, useRef, useState } from 'react';
import type { Role } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/use-t.tsx';
import { MIN_PASSWORD_LENGTH, ROLES } from '../../../server/contracts/accounts.ts';
import { generatePassword } from './account-forms.ts';

export function RoleSelect({ value, onChange, label }: { value: Role; onChange: (role: Role) => void; label: string }) {
  const { t } = useT();
  return (
    <label className="field">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}` as MessageKey)}
          </option>
        ))}
      </select>
      <span className="field-help">{t(`admin.roleHelp.${value}` as MessageKey)}</span>
    </label>
  );
}

/** A new password: at least 10 characters, typed or generated (then shown, to pass on). */
export function PasswordField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (password: string) => void;
  error?: string | null;
}) {
  const { t } = useT();
  const [shown, setShown] = useState(false);
  const errorId = useId();
  return (
    <div className="field">
      <label htmlFor={`${errorId}-input`}>{t('admin.password', { min: MIN_PASSWORD_LENGTH })}</label>
      <div className="inline-tools">
        <input
          id={`${errorId}-input`}
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          required
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => onChange(e.target.value)}
          className="mono"
        />
        <button type="button" onClick={() => setShown((s) => !s)} aria-pressed={shown}>
          {shown ? t('admin.hidePassword') : t('admin.showPassword')}
        </button>
        <button
          type="button"
          onClick={() => {
            onChange(generatePassword((bytes) => crypto.getRandomValues(bytes)));
            setShown(true);
          }}
        >
          {t('admin.generatePassword')}
        </button>
      </div>
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * A secret shown once (a new API token): read-only text, a copy button that works on plain
 * http too (the Clipboard API needs a secure context; old office PCs may not have one), and the
 * warning that it will never be shown again.
 */
export function SecretBox({ secret, label }: { secret: string; label: string }) {
  const { t } = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      input.current?.select();
      // The old way still works where the Clipboard API does not.
      setCopied(document.execCommand('copy') ? 'yes' : 'no');
    }
  };
  return (
    <div className="secret-box" data-testid="token-secret">
      <p className="secret-warning">
        <strong>{t('admin.tokenOnce')}</strong>
      </p>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <div className="inline-tools">
          <input
            id={id}
            ref={input}
            readOnly
            value={secret}
            className="mono secret"
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="primary" onClick={() => void copy()}>
            {t('admin.copy')}
          </button>
        </div>
      </div>
      <p role="status" className="hint">
        {copied === 'yes' ? t('admin.copied') : copied === 'no' ? t('admin.copyFailed') : ''}
      </p>
    </div>
  );
}
