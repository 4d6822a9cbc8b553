/**
 * The create-user and create-token forms as plain data, checked before anything is sent, with the
 * server's own rules (server/contracts/accounts.ts); the server decides.
 * Pure.
 */
import type { ApiToken, CreateTokenBody, CreateUserBody, Role } from '../../api/types.ts';
import {
  MIN_PASSWORD_LENGTH,
  TOKEN_NAME_MAX_LENGTH,
  TOKEN_NAME_PATTERN,
  USERNAME_PATTERN,
} from '../../../server/contracts/accounts.ts';
import { bangkokDate } from '../../../server/contracts/calendar.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { endOfBangkokDay } from './date-time.ts';
import { formToScope, type ScopeForm, scopeForRole } from './scope-form.ts';

export interface UserForm {
  username: string;
  displayName: string;
  role: Role;
  scope: ScopeForm;
  password: string;
}

/** Field -> message key of what is wrong with it. */
export type FormErrors<F extends string> = Partial<Record<F, MessageKey>>;

export type Checked<T, F extends string> = { ok: true; value: T } | { ok: false; errors: FormErrors<F> };

export function checkPassword(password: string): MessageKey | null {
  return password.length < MIN_PASSWORD_LENGTH ? 'admin.error.passwordShort' : null;
}

export function checkUserForm(
  form: UserForm,
): Checked<CreateUserBody, 'username' | 'displayName' | 'scope' | 'password'> {
  const errors: FormErrors<'username' | 'displayName' | 'scope' | 'password'> = {};
  const username = form.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) errors.username = 'admin.error.username';
  const displayName = form.displayName.trim();
  if (displayName === '') errors.displayName = 'admin.error.required';
  const scope = formToScope(scopeForRole(form.role, form.scope));
  if (scope === null) errors.scope = 'admin.error.scopeEmpty';
  const password = checkPassword(form.password);
  if (password) errors.password = password;
  if (Object.keys(errors).length > 0 || scope === null) return { ok: false, errors };
  return { ok: true, value: { username, displayName, role: form.role, scope, password: form.password } };
}

export interface TokenForm {
  name: string;
  role: Role;
  scope: ScopeForm;
  /** Bangkok calendar date 'YYYY-MM-DD' (the token works through that day), or '' for never. */
  expires: string;
}

export function checkTokenForm(form: TokenForm, today: string): Checked<CreateTokenBody, 'name' | 'scope' | 'expires'> {
  const errors: FormErrors<'name' | 'scope' | 'expires'> = {};
  const name = form.name.trim();
  if (name === '' || name.length > TOKEN_NAME_MAX_LENGTH || !TOKEN_NAME_PATTERN.test(name))
    errors.name = 'admin.error.tokenName';
  const scope = formToScope(scopeForRole(form.role, form.scope));
  if (scope === null) errors.scope = 'admin.error.scopeEmpty';
  let expiresAt: string | undefined;
  if (form.expires !== '') {
    const end = endOfBangkokDay(form.expires);
    if (end === null || form.expires < today) errors.expires = 'admin.error.expires';
    else expiresAt = end;
  }
  if (Object.keys(errors).length > 0 || scope === null) return { ok: false, errors };
  return { ok: true, value: { name, role: form.role, scope, ...(expiresAt ? { expiresAt } : {}) } };
}

export type TokenState = 'active' | 'revoked' | 'expired';

export function tokenState(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now: number): TokenState {
  if (token.revokedAt !== null) return 'revoked';
  if (token.expiresAt !== null && token.expiresAt <= now) return 'expired';
  return 'active';
}

/** Letters and digits without look-alikes (no 0/O, 1/l/I), for passwords read out over the phone. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A random password of `length` characters; `random` fills a byte array (crypto.getRandomValues in
 * the browser). Bytes beyond the largest multiple of the alphabet are skipped, so no bias.
 */
export function generatePassword(random: (bytes: Uint8Array) => Uint8Array, length = 14): string {
  const limit = 256 - (256 % ALPHABET.length);
  let out = '';
  while (out.length < length) {
    for (const byte of random(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return out;
}

/** Today's Bangkok calendar date, for the expiry picker's minimum. */
export function bangkokToday(now: number): string {
  return bangkokDate(new Date(now));
}
