/**
 * API tokens (for `npm run import` and other scripts): the list, create (the secret is shown
 * once, with a copy button), revoke after a confirm.
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { adminTokensQuery } from '../../api/queries.ts';
import type { ApiToken, CreatedToken, Role, ZoneSummary } from '../../api/types.ts';
import { QueryState } from '../../components/query-state.tsx';
import { formatDate, MISSING } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/use-t.tsx';
import { bangkokToday, checkTokenForm, type FormErrors, type TokenForm, tokenState } from './account-forms.ts';
import { formatDateTime } from './date-time.ts';
import { errorText } from './error-text.ts';
import { RoleSelect, SecretBox } from './fields.tsx';
import { ConfirmDialog, Modal, FormActions } from './modal.tsx';
import { ScopeEditor } from './scope-editor.tsx';
import { describeScope, NATIONAL_FORM, scopeForRole } from './scope-form.ts';
import { TextField } from './users-panel.tsx';
import { useCreateToken, useRevokeToken } from './use-admin.ts';
import { DataTable } from '../../components/data-table.tsx';

export function TokensPanel({ zones }: { zones: readonly ZoneSummary[] }) {
  const { lang, t } = useT();
  const tokens = useQuery(adminTokensQuery());
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [notice, setNotice] = useState('');
  const now = Date.now();

  return (
    <section aria-labelledby="tokens-title">
      <div className="section-head">
        <h2 id="tokens-title">{t('admin.tokens')}</h2>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('admin.newToken')}
        </button>
      </div>
      <p className="hint">{t('admin.tokensHint')}</p>
      <p className="notice" role="status">
        {notice}
      </p>
      {created && (
        <div className="secret-panel">
          <h3>{t('admin.tokenCreated', { name: created.token.name })}</h3>
          <SecretBox secret={created.secret} label={t('admin.tokenSecret')} />
          <button type="button" onClick={() => setCreated(null)}>
            {t('admin.tokenSaved')}
          </button>
        </div>
      )}
      <QueryState query={tokens}>
        {(data) =>
          data.tokens.length === 0 ? (
            <p>{t('admin.noTokens')}</p>
          ) : (
            <DataTable
              testId="tokens-table"
              columns={[
                t('admin.tokenName'),
                t('admin.role'),
                t('scope.title'),
                t('admin.created'),
                t('admin.expires'),
                t('admin.lastUsed'),
                t('admin.state'),
                t('admin.actions'),
              ]}
            >
              {data.tokens.map((token) => {
                const state = tokenState(token, now);
                return (
                  <tr key={token.id} className={state === 'active' ? undefined : 'is-disabled'}>
                    <th scope="row">
                      <span className="cell-main">{token.name}</span>
                      <span className="cell-sub">#{token.id}</span>
                    </th>
                    <td>{t(`role.${token.role}` as MessageKey)}</td>
                    <td className="scope-cell">{describeScope(token.scope, zones, lang, t)}</td>
                    <td>
                      {formatDateTime(token.createdAt, lang)}
                      <span className="cell-sub">{token.createdBy}</span>
                    </td>
                    <td>{token.expiresAt === null ? t('admin.never') : formatDateTime(token.expiresAt, lang)}</td>
                    <td>{token.lastUsedAt === null ? MISSING : formatDateTime(token.lastUsedAt, lang)}</td>
                    <td>
                      <span className={`state-word state-${state === 'active' ? 'on' : 'off'}`}>
                        <span aria-hidden="true">{state === 'active' ? '✓ ' : '✕ '}</span>
                        {t(`admin.token.${state}` as MessageKey)}
                      </span>
                      {token.revokedAt !== null && (
                        <span className="cell-sub">
                          {formatDateTime(token.revokedAt, lang)} · {token.revokedBy}
                        </span>
                      )}
                    </td>
                    <td>
                      {state === 'active' && (
                        <button type="button" className="danger-outline" onClick={() => setRevoking(token)}>
                          {t('admin.revoke')}
                          <span className="visually-hidden"> {token.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )
        }
      </QueryState>

      {creating && (
        <CreateTokenDialog
          zones={zones}
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setNotice('');
            setCreated(result);
          }}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={t('admin.revokeTitle', { name: revoking.name })}
          confirmLabel={t('admin.revoke')}
          busy={revoke.isPending}
          error={revoke.isError ? errorText(revoke.error, lang, t) : null}
          onCancel={() => {
            revoke.reset();
            setRevoking(null);
          }}
          onConfirm={() =>
            revoke.mutate(revoking.id, {
              onSuccess: () => {
                setNotice(t('admin.revokedNotice', { name: revoking.name }));
                setRevoking(null);
              },
            })
          }
        >
          <p>{t('admin.revokeBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function CreateTokenDialog({
  zones,
  onClose,
  onCreated,
}: {
  zones: readonly ZoneSummary[];
  onClose: () => void;
  onCreated: (result: CreatedToken) => void;
}) {
  const { lang, t } = useT();
  const create = useCreateToken();
  const today = bangkokToday(Date.now());
  const [form, setForm] = useState<TokenForm>({ name: '', role: 'analyst', scope: NATIONAL_FORM, expires: '' });
  const [errors, setErrors] = useState<FormErrors<'name' | 'scope' | 'expires'>>({});
  const set = <K extends keyof TokenForm>(key: K, value: TokenForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkTokenForm(form, today);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    create.mutate(checked.value, { onSuccess: ({ result }) => onCreated(result) });
  };
  return (
    <Modal title={t('admin.newToken')} onClose={onClose} className="modal-wide">
      <form className="stack-form" onSubmit={submit} noValidate>
        <TextField
          label={t('admin.tokenName')}
          help={t('admin.tokenNameHelp')}
          value={form.name}
          onChange={(v) => set('name', v)}
          error={errors.name ? t(errors.name) : null}
          name="tokenName"
          autoComplete="off"
        />
        <RoleSelect value={form.role} label={t('admin.role')} onChange={(role: Role) => set('role', role)} />
        <ScopeEditor
          value={scopeForRole(form.role, form.scope)}
          nationalOnly={form.role === 'admin'}
          zones={zones}
          onChange={(scope) => set('scope', scope)}
          error={errors.scope ? t(errors.scope) : null}
        />
        <label className="field">
          {t('admin.expiresOn')}
          <input type="date" min={today} value={form.expires} onChange={(e) => set('expires', e.target.value)} />
          <span className="field-help">
            {form.expires
              ? t('admin.expiresThrough', { date: formatDate(form.expires, lang) })
              : t('admin.expiresHelp')}
          </span>
          {errors.expires && <span className="field-error">{t(errors.expires)}</span>}
        </label>
        <FormActions
          error={create.isError ? errorText(create.error, lang, t) : null}
          pending={create.isPending}
          submitLabel={t('admin.createToken')}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}
