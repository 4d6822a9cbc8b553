/**
 * Users: the table (role, scope, enabled or not), create, edit role / scope / name, disable or
 * enable, and set a new password. The server checks everything again (and keeps one admin).
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { adminUsersQuery } from '../../api/queries.ts';
import type { AdminUser, Me, Role, ZoneSummary } from '../../api/types.ts';
import { QueryState } from '../../components/query-state.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/use-t.tsx';
import { checkPassword, checkUserForm, type FormErrors, type UserForm } from './account-forms.ts';
import { formatDateTime } from './date-time.ts';
import { errorText } from './error-text.ts';
import { PasswordField, RoleSelect } from './fields.tsx';
import { ConfirmDialog, Modal, FormActions } from './modal.tsx';
import { ScopeEditor } from './scope-editor.tsx';
import { describeScope, formToScope, NATIONAL_FORM, scopeForRole, scopeToForm } from './scope-form.ts';
import { useCreateUser, useResetPassword, useUpdateUser } from './use-admin.ts';
import { DataTable } from '../../components/data-table.tsx';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: AdminUser }
  | { kind: 'password'; user: AdminUser }
  | { kind: 'disable'; user: AdminUser };

export function UsersPanel({ me, zones }: { me: Me; zones: readonly ZoneSummary[] }) {
  const { lang, t } = useT();
  const users = useQuery(adminUsersQuery());
  const update = useUpdateUser();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState('');
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };

  const enable = (user: AdminUser) =>
    update.mutate(
      { username: user.username, patch: { disabled: false } },
      { onSuccess: () => setNotice(t('admin.enabledNotice', { name: user.username })) },
    );

  return (
    <section aria-labelledby="users-title">
      <div className="section-head">
        <h2 id="users-title">{t('admin.users')}</h2>
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'create' })}>
          {t('admin.newUser')}
        </button>
      </div>
      <p className="notice" role="status">
        {notice}
      </p>
      {update.isError && !dialog && (
        <p className="form-error" role="alert">
          {errorText(update.error, lang, t)}
        </p>
      )}
      <QueryState query={users}>
        {(data) => (
          <DataTable
            testId="users-table"
            columns={[
              t('admin.user'),
              t('admin.role'),
              t('scope.title'),
              t('admin.state'),
              t('admin.created'),
              t('admin.actions'),
            ]}
          >
            {data.users.map((user) => (
              <tr
                key={user.username}
                data-username={user.username}
                className={user.disabled ? 'is-disabled' : undefined}
              >
                <th scope="row">
                  <span className="cell-main">{user.displayName}</span>
                  <span className="cell-sub mono">{user.username}</span>
                </th>
                <td>{t(`role.${user.role}` as MessageKey)}</td>
                <td className="scope-cell">{describeScope(user.scope, zones, lang, t)}</td>
                <td>
                  <AccountState disabled={user.disabled} />
                  {user.mustChangePassword && <span className="tag">{t('admin.mustChange')}</span>}
                </td>
                <td className="nowrap">{formatDateTime(user.createdAt, lang)}</td>
                <td>
                  <div className="row-actions">
                    <button type="button" onClick={() => setDialog({ kind: 'edit', user })}>
                      {t('admin.edit')}
                      <span className="visually-hidden"> {user.username}</span>
                    </button>
                    <button type="button" onClick={() => setDialog({ kind: 'password', user })}>
                      {t('admin.resetPassword')}
                      <span className="visually-hidden"> {user.username}</span>
                    </button>
                    {user.disabled ? (
                      <button type="button" onClick={() => enable(user)} disabled={update.isPending}>
                        {t('admin.enable')}
                        <span className="visually-hidden"> {user.username}</span>
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="danger-outline"
                        onClick={() => setDialog({ kind: 'disable', user })}
                        disabled={user.username === me.username}
                        title={user.username === me.username ? t('admin.notYourself') : undefined}
                      >
                        {t('admin.disable')}
                        <span className="visually-hidden"> {user.username}</span>
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>

      {dialog?.kind === 'create' && (
        <CreateUserDialog
          zones={zones}
          onClose={() => setDialog(null)}
          onDone={(name) => done(t('admin.createdNotice', { name }))}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditUserDialog
          user={dialog.user}
          zones={zones}
          onClose={() => setDialog(null)}
          onDone={() => done(t('admin.savedNotice', { name: dialog.user.username }))}
        />
      )}
      {dialog?.kind === 'password' && (
        <ResetPasswordDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={() => done(t('admin.passwordNotice', { name: dialog.user.username }))}
        />
      )}
      {dialog?.kind === 'disable' && (
        <ConfirmDialog
          title={t('admin.disableTitle', { name: dialog.user.username })}
          confirmLabel={t('admin.disable')}
          busy={update.isPending}
          error={update.isError ? errorText(update.error, lang, t) : null}
          onCancel={() => {
            update.reset();
            setDialog(null);
          }}
          onConfirm={() =>
            update.mutate(
              { username: dialog.user.username, patch: { disabled: true } },
              { onSuccess: () => done(t('admin.disabledNotice', { name: dialog.user.username })) },
            )
          }
        >
          <p>{t('admin.disableBody', { name: dialog.user.displayName })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function AccountState({ disabled }: { disabled: boolean }) {
  const { t } = useT();
  return disabled ? (
    <span className="state-word state-off">
      <span aria-hidden="true">✕ </span>
      {t('admin.disabled')}
    </span>
  ) : (
    <span className="state-word state-on">
      <span aria-hidden="true">✓ </span>
      {t('admin.enabled')}
    </span>
  );
}

function useErrorWords() {
  const { t } = useT();
  return (key: MessageKey | undefined) => (key ? t(key) : null);
}

function CreateUserDialog({
  zones,
  onClose,
  onDone,
}: {
  zones: readonly ZoneSummary[];
  onClose: () => void;
  onDone: (username: string) => void;
}) {
  const { lang, t } = useT();
  const words = useErrorWords();
  const create = useCreateUser();
  const [form, setForm] = useState<UserForm>({
    username: '',
    displayName: '',
    role: 'viewer',
    scope: NATIONAL_FORM,
    password: '',
  });
  const [errors, setErrors] = useState<FormErrors<'username' | 'displayName' | 'scope' | 'password'>>({});
  const set = <K extends keyof UserForm>(key: K, value: UserForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkUserForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    create.mutate(checked.value, { onSuccess: () => onDone(checked.value.username) });
  };

  return (
    <Modal title={t('admin.newUser')} onClose={onClose} className="modal-wide">
      <form className="stack-form" onSubmit={submit} noValidate>
        <TextField
          label={t('admin.username')}
          help={t('admin.usernameHelp')}
          value={form.username}
          onChange={(v) => set('username', v)}
          error={words(errors.username)}
          autoComplete="off"
          name="username"
        />
        <TextField
          label={t('admin.displayName')}
          value={form.displayName}
          onChange={(v) => set('displayName', v)}
          error={words(errors.displayName)}
          name="displayName"
        />
        <RoleSelect value={form.role} label={t('admin.role')} onChange={(role: Role) => set('role', role)} />
        <ScopeEditor
          value={scopeForRole(form.role, form.scope)}
          nationalOnly={form.role === 'admin'}
          zones={zones}
          onChange={(scope) => set('scope', scope)}
          error={words(errors.scope)}
        />
        <PasswordField value={form.password} onChange={(v) => set('password', v)} error={words(errors.password)} />
        <FormActions
          error={create.isError ? errorText(create.error, lang, t) : null}
          pending={create.isPending}
          submitLabel={t('admin.createUser')}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}

function EditUserDialog({
  user,
  zones,
  onClose,
  onDone,
}: {
  user: AdminUser;
  zones: readonly ZoneSummary[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { lang, t } = useT();
  const update = useUpdateUser();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [scope, setScope] = useState(scopeToForm(user.scope));
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const nextScope = formToScope(scopeForRole(role, scope));
    if (displayName.trim() === '') return setError(t('admin.error.required'));
    if (nextScope === null) return setError(t('admin.error.scopeEmpty'));
    setError(null);
    update.mutate(
      { username: user.username, patch: { displayName: displayName.trim(), role, scope: nextScope } },
      { onSuccess: onDone },
    );
  };

  return (
    <Modal title={t('admin.editUserOf', { name: user.username })} onClose={onClose} className="modal-wide">
      <form className="stack-form" onSubmit={submit} noValidate>
        <TextField label={t('admin.displayName')} value={displayName} onChange={setDisplayName} name="displayName" />
        <RoleSelect value={role} label={t('admin.role')} onChange={setRole} />
        <ScopeEditor
          value={scopeForRole(role, scope)}
          nationalOnly={role === 'admin'}
          zones={zones}
          onChange={setScope}
        />
        <FormActions
          error={error || update.isError ? (error ?? errorText(update.error, lang, t)) : null}
          pending={update.isPending}
          submitLabel={t('form.save')}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}

function ResetPasswordDialog({ user, onClose, onDone }: { user: AdminUser; onClose: () => void; onDone: () => void }) {
  const { lang, t } = useT();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkPassword(password);
    setError(problem);
    if (!problem) reset.mutate({ username: user.username, body: { password } }, { onSuccess: onDone });
  };
  return (
    <Modal title={t('admin.resetPasswordOf', { name: user.username })} onClose={onClose}>
      <form className="stack-form" onSubmit={submit} noValidate>
        <p>{t('admin.resetPasswordBody', { name: user.displayName })}</p>
        <PasswordField value={password} onChange={setPassword} error={error ? t(error) : null} />
        <FormActions
          error={reset.isError ? errorText(reset.error, lang, t) : null}
          pending={reset.isPending}
          submitLabel={t('admin.setPassword')}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}

export function TextField({
  label,
  help,
  value,
  onChange,
  error,
  name,
  autoComplete,
}: {
  label: string;
  help?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  name?: string;
  autoComplete?: string;
}) {
  return (
    <label className="field">
      {label}
      <input
        name={name}
        value={value}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {help && <span className="field-help">{help}</span>}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}
