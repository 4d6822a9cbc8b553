import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, needsRehash, verifyPassword } from '../../../server/auth/passwords.ts';
import { ACTIONS, can, PERMISSIONS } from '../../../server/auth/permissions.ts';
import { ROLES } from '../../../server/auth/principal.ts';

describe('passwords', () => {
  it('hashes with scrypt, a per-hash salt and the parameters in the string', async () => {
    const a = await hashPassword('รหัสผ่านยาวพอ 123');
    const b = await hashPassword('รหัสผ่านยาวพอ 123');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('รหัสผ่านยาวพอ 123', a)).toBe(true);
    expect(await verifyPassword('รหัสผ่านยาวพอ 124', a)).toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  it('treats NFC and NFD spellings of the same text alike', async () => {
    const hash = await hashPassword('caf\u00e9 password');
    expect(await verifyPassword('cafe\u0301 password', hash)).toBe(true);
  });

  it('verifies older, cheaper parameters and flags them for re-hashing', async () => {
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const key = scryptSync('old password', salt, 64, { N: 1024, r: 8, p: 1 });
    const old = ['scrypt', 1024, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    expect(await verifyPassword('old password', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it('never throws on a malformed or hostile hash', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$8$1$a$b', 'scrypt$4194304$8$1$YQ$Yg', 'bcrypt$x', 'scrypt$1024$8$1$$']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('generates 24-character random passwords', () => {
    const p = generatePassword();
    expect(p).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generatePassword()).not.toBe(p);
  });
});

describe('role x action matrix', () => {
  it('gives admins everything and viewers only view', () => {
    expect(ACTIONS.every((a) => can({ role: 'admin' }, a))).toBe(true);
    expect(ACTIONS.filter((a) => can({ role: 'viewer' }, a))).toEqual(['view']);
    expect(ACTIONS.filter((a) => can({ role: 'executive' }, a))).toEqual(['view', 'export']);
    expect(ACTIONS.filter((a) => can({ role: 'commander' }, a))).toEqual([
      'view',
      'export',
      'import',
      'undo',
      'view_exact_locations',
      'edit_problems',
    ]);
    expect(ACTIONS.filter((a) => can({ role: 'analyst' }, a))).toEqual(ACTIONS.filter((a) => a !== 'admin'));
  });

  it('has a cell for every role and action', () => {
    for (const action of ACTIONS) expect(Object.keys(PERMISSIONS[action]).sort()).toEqual([...ROLES].sort());
  });
});
