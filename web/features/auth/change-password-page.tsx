import { type FormEvent, useState } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../server/contracts/accounts.ts';
import { useChangePassword, useSignOut } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/use-t.tsx';
import { LanguageSwitch } from '../shell/language-switch.tsx';

/** Shown instead of the dashboard while me.mustChangePassword is true (generated or reset password). */
export function ChangePasswordPage() {
  const { lang, t } = useT();
  const change = useChangePassword();
  const signOut = useSignOut();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(newPassword !== repeat);
    if (newPassword === repeat) change.mutate({ currentPassword, newPassword });
  };

  const error = change.error;
  const message = mismatch
    ? t('password.mismatch')
    : error instanceof ApiError && error.text
      ? error.text[lang]
      : error
        ? t('state.error')
        : null;

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <div className="sign-in-top">
          <p className="brand">{t('app.title')}</p>
          <LanguageSwitch />
        </div>
        <h1>{t('password.title')}</h1>
        <p>{t('password.intro')}</p>
        <form onSubmit={submit}>
          <label>
            {t('password.current')}
            <input
              type="password"
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(e) => setCurrent(e.target.value)}
            />
          </label>
          <label>
            {t('password.new', { min: MIN_PASSWORD_LENGTH })}
            <input
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              value={newPassword}
              onChange={(e) => setNew(e.target.value)}
            />
          </label>
          <label>
            {t('password.repeat')}
            <input
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
            />
          </label>
          {message && (
            <p className="form-error" role="alert">
              {message}
            </p>
          )}
          <button type="submit" className="primary" disabled={change.isPending}>
            {change.isPending ? t('password.busy') : t('password.submit')}
          </button>
          <button type="button" onClick={() => signOut.mutate()}>
            {t('app.signOut')}
          </button>
        </form>
      </div>
    </main>
  );
}
