import { describe, expect, test } from 'vitest';
import {
  bangkokToday,
  checkTokenForm,
  checkUserForm,
  generatePassword,
  tokenState,
} from '../../web/features/admin/account-forms.ts';

const user = {
  username: ' Sgt.Somchai ',
  displayName: ' จ.ส.ต. สมชาย ',
  role: 'commander' as const,
  scope: { kind: 'station' as const, codes: ['ST-HAT-YAI'] },
  password: 'long-enough-1',
};

describe('create-user form', () => {
  test('a good form becomes the request body, normalised like the server does', () => {
    expect(checkUserForm(user)).toEqual({
      ok: true,
      value: {
        username: 'sgt.somchai',
        displayName: 'จ.ส.ต. สมชาย',
        role: 'commander',
        scope: { kind: 'station', codes: ['ST-HAT-YAI'] },
        password: 'long-enough-1',
      },
    });
  });

  test('each problem is named by its field', () => {
    const checked = checkUserForm({
      ...user,
      username: 'ab',
      displayName: '  ',
      password: 'short',
      scope: { kind: 'station', codes: [] },
    });
    expect(checked).toEqual({
      ok: false,
      errors: {
        username: 'admin.error.username',
        displayName: 'admin.error.required',
        scope: 'admin.error.scopeEmpty',
        password: 'admin.error.passwordShort',
      },
    });
  });

  test('passwords need 10 characters; Thai usernames are refused', () => {
    expect(checkUserForm({ ...user, password: '123456789' }).ok).toBe(false);
    expect(checkUserForm({ ...user, password: '1234567890' }).ok).toBe(true);
    expect(checkUserForm({ ...user, username: 'สมชาย' }).ok).toBe(false);
  });

  test('an administrator gets national scope whatever the picker says', () => {
    const checked = checkUserForm({ ...user, role: 'admin', scope: { kind: 'station', codes: [] } });
    expect(checked.ok && checked.value.scope).toEqual({ kind: 'national' });
  });
});

describe('create-token form', () => {
  const token = {
    name: 'hat-yai incidents',
    role: 'commander' as const,
    scope: { kind: 'station' as const, codes: ['ST-HAT-YAI'] },
    expires: '',
  };

  test('no expiry date = never expires (no expiresAt sent)', () => {
    expect(checkTokenForm(token, '2026-11-23')).toEqual({
      ok: true,
      value: { name: 'hat-yai incidents', role: 'commander', scope: { kind: 'station', codes: ['ST-HAT-YAI'] } },
    });
  });

  test('an expiry date means the end of that Bangkok day; past dates are refused', () => {
    const checked = checkTokenForm({ ...token, expires: '2026-12-31' }, '2026-11-23');
    expect(checked.ok && checked.value.expiresAt).toBe('2026-12-31T23:59:59+07:00');
    expect(checkTokenForm({ ...token, expires: '2026-11-22' }, '2026-11-23')).toMatchObject({
      ok: false,
      errors: { expires: 'admin.error.expires' },
    });
  });

  test('names: letters (Thai with its marks too), digits, space . _ - like the server', () => {
    expect(checkTokenForm({ ...token, name: 'cron/import' }, '2026-01-01').ok).toBe(false);
    expect(checkTokenForm({ ...token, name: 'นำเข้าคดีหาดใหญ่' }, '2026-01-01').ok).toBe(true);
    expect(checkTokenForm({ ...token, name: '' }, '2026-01-01').ok).toBe(false);
  });
});

describe('tokens and passwords', () => {
  test('a token is revoked, expired or active', () => {
    const now = Date.UTC(2026, 10, 23);
    expect(tokenState({ revokedAt: now - 1, expiresAt: null }, now)).toBe('revoked');
    expect(tokenState({ revokedAt: null, expiresAt: now }, now)).toBe('expired');
    expect(tokenState({ revokedAt: null, expiresAt: now + 1 }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe('active');
  });

  test('generated passwords: requested length, no look-alike characters, unbiased skip', () => {
    let n = 0;
    const counting = (bytes: Uint8Array) => bytes.map(() => n++ % 256);
    const password = generatePassword(counting, 14);
    expect(password).toHaveLength(14);
    expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]+$/);
    // Bytes at or above the largest multiple of the alphabet size (224) are skipped, never folded in.
    let i = 0;
    expect(generatePassword((bytes) => bytes.map(() => (i++ % 2 ? 0 : 250)), 5)).toBe('aaaaa');
  });

  test("today's date in Bangkok, whatever the host zone", () => {
    expect(bangkokToday(Date.UTC(2026, 10, 22, 17, 30))).toBe('2026-11-23');
    expect(bangkokToday(Date.UTC(2026, 10, 22, 16, 59))).toBe('2026-11-22');
  });
});
