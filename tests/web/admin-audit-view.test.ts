import { describe, expect, test } from 'vitest';
import {
  AUDIT_ACTIONS,
  auditActionKey,
  auditDetailText,
  auditParams,
  EMPTY_AUDIT_FILTER,
  pageCount,
} from '../../web/features/admin/audit-view.ts';
import { endOfBangkokDay, formatDateTime } from '../../web/features/admin/date-time.ts';
import { en, th } from './fixtures.ts';

describe('audit filters', () => {
  test('blank filters are left out; the user is lower-cased', () => {
    expect(auditParams(EMPTY_AUDIT_FILTER, 1)).toEqual({
      user: null,
      action: null,
      from: null,
      to: null,
      page: 1,
      pageSize: 50,
    });
    expect(auditParams({ user: ' Admin ', action: 'login', from: '2026-11-01', to: '2026-11-23' }, 2)).toEqual({
      user: 'admin',
      action: 'login',
      from: '2026-11-01',
      to: '2026-11-23',
      page: 2,
      pageSize: 50,
    });
  });

  test('a reversed range is put in order; a malformed date is dropped; page is at least 1', () => {
    expect(auditParams({ ...EMPTY_AUDIT_FILTER, from: '2026-11-23', to: '2026-11-01' }, 0)).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-23',
      page: 1,
    });
    expect(auditParams({ ...EMPTY_AUDIT_FILTER, from: '23/11/2569' }, 1).from).toBeNull();
  });

  test('pages', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
  });

  test('every server action has words in both languages; unknown actions have none', () => {
    for (const action of AUDIT_ACTIONS) {
      const key = auditActionKey(action);
      expect(key).not.toBeNull();
      if (key) {
        expect(th.t(key)).not.toBe(key);
        expect(en.t(key)).not.toBe(key);
      }
    }
    expect(auditActionKey('brand_new_action')).toBeNull();
  });
});

describe('audit details', () => {
  test('flat objects read as key: value pairs; long text is cut with the full text kept', () => {
    expect(auditDetailText(null)).toEqual({ short: '', full: '' });
    expect(auditDetailText({ role: 'viewer', demo: true }).full).toBe('role: viewer · demo: true');
    expect(auditDetailText({ scope: { kind: 'station', codes: ['A'] } }).full).toBe(
      'scope: {"kind":"station","codes":["A"]}',
    );
    const long = auditDetailText({ file: 'x'.repeat(300) }, 20);
    expect(long.short).toHaveLength(20);
    expect(long.short.endsWith('…')).toBe(true);
    expect(long.full).toHaveLength(306);
  });
});

describe('times in Asia/Bangkok (tests run in UTC)', () => {
  test('Thai: Buddhist Era and น.; English: CE', () => {
    expect(formatDateTime('2026-11-23T01:25:46.562Z', 'th')).toBe('23 พ.ย. 2569 08:25 น.');
    expect(formatDateTime('2026-11-23T01:25:46.562Z', 'en')).toBe('23 Nov 2026 08:25');
  });

  test('just before midnight UTC is already the next day in Bangkok', () => {
    expect(formatDateTime(Date.UTC(2024, 0, 31, 17, 0), 'en')).toBe('1 Feb 2024 00:00');
  });

  test('missing or broken values show a dash', () => {
    expect(formatDateTime(null, 'th')).toBe('–');
    expect(formatDateTime('not a date', 'en')).toBe('–');
  });

  test('the end of a Bangkok calendar day', () => {
    expect(endOfBangkokDay('2026-12-31')).toBe('2026-12-31T23:59:59+07:00');
    expect(endOfBangkokDay('31/12/2026')).toBeNull();
  });
});
