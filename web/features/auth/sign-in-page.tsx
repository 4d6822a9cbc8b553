import { type FormEvent, useId, useState } from 'react';
import { useSignIn } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/use-t.tsx';
import { LanguageSwitch } from '../shell/language-switch.tsx';

/** Shown whenever /api/auth/session says nobody is signed in. Thai first, with the language switch right here. */
export function SignInPage() {
  const { lang, t } = useT();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ username: username.trim(), password });
  };

  const error = signIn.error;
  const message =
    error instanceof ApiError && error.text
      ? error.text[lang]
      : error
        ? t('signIn.failed', { message: error.message })
        : null;

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <div className="sign-in-top">
          <p className="brand">{t('app.title')}</p>
          <LanguageSwitch />
        </div>
        <p className="sign-in-org">
          {t('app.org')} · {t('app.subtitle')}
        </p>
        <h1>{t('signIn.title')}</h1>
        <p>{t('signIn.intro')}</p>
        <form onSubmit={submit} aria-describedby={message ? errorId : undefined}>
          <label>
            {t('signIn.username')}
            <input
              name="username"
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </label>
          <label>
            {t('signIn.password')}
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {message && (
            <p id={errorId} className="form-error" role="alert">
              {message}
            </p>
          )}
          <button type="submit" className="primary" disabled={signIn.isPending}>
            {signIn.isPending ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
