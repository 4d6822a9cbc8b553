import { describe, expect, test } from 'vitest';
import {
  AUDIT_ACTIONS,
  auditActionKey,
  auditDetailText,
  auditTargetText,
  auditParams,
  EMPTY_AUDIT_FILTER,
  pageCount,
} from '../../web/features/admin/audit-view.ts';
import { endOfBangkokDay, formatDateTime } from '../../web/features/admin/date-time.ts';
import { en, th, zoneSummary } from './fixtures.ts';

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
  const zones = [
    zoneSummary({ id: 'Z-HDY-01', nameTh: 'ตลาดกิมหยง', nameEn: 'Kim Yong market', stationCode: 'ST-HAT-YAI' }),
    zoneSummary({ id: 'Z-HDY-02', stationCode: 'ST-HAT-YAI', stationNameTh: 'สภ.หาดใหญ่', stationNameEn: 'Hat Yai' }),
  ];
  const thCtx = { ...th, zones };
  const enCtx = { ...en, zones };

  test('known keys read as labelled words; roles and scopes by name', () => {
    expect(auditDetailText(null, thCtx)).toEqual({ short: '', full: '' });
    expect(auditDetailText({ role: 'viewer', demo: true }, thCtx).full).toBe('บทบาท: ผู้ชม · ผู้ใช้ตัวอย่าง: ใช่');
    expect(auditDetailText({ role: 'commander', scope: { kind: 'zones', ids: ['Z-HDY-01'] } }, enCtx).full).toBe(
      'Role: Commander · Scope: Zones: Kim Yong market',
    );
    expect(auditDetailText({ changes: { disabled: true, role: 'analyst' } }, enCtx).full).toBe(
      'Disabled: yes · Role: Analyst',
    );
    expect(auditDetailText({ name: 'hatyai', role: 'commander', expiresAt: null }, thCtx).full).toBe(
      'ชื่อ: hatyai · บทบาท: ผู้บังคับบัญชา · หมดอายุ: ไม่มีวันหมดอายุ',
    );
  });

  test('imports, undo and sign-in failures', () => {
    expect(
      auditDetailText({ kind: 'incidents', file: 'a.csv', sha256: 'abcdef0123456789abcdef', rows: 3 }, enCtx).full,
    ).toBe('Kind of data: Incidents (one per case) · File: a.csv · SHA-256: abcdef012345… · Rows: 3');
    expect(auditDetailText({ removed: { incidents: 3 }, restored: 0 }, thCtx).full).toBe(
      'ลบออก: คดี 3 · นำแถวเดิมกลับคืน: 0',
    );
    expect(auditDetailText({ reason: 'locked' }, enCtx).full).toBe(
      'Reason: Locked for a while (too many failed sign-ins)',
    );
  });

  test('KPI settings in the settings screen’s words', () => {
    expect(auditDetailText({ crimeTarget: -10, controlZones: [] }, enCtx).full).toBe(
      'Crime change target: \u221210% · Comparison zones: rest of the station area',
    );
  });

  test('unknown keys and shapes fall back to compact JSON; long text is cut with the full text kept', () => {
    expect(auditDetailText({ brandNew: { a: 1 } }, enCtx).full).toBe('brandNew: {"a":1}');
    expect(auditDetailText({ role: { odd: true } }, enCtx).full).toBe('role: {"odd":true}');
    expect(auditDetailText(['x', 1], enCtx).full).toBe('["x",1]');
    const long = auditDetailText({ file: 'x'.repeat(300) }, enCtx, 20);
    expect(long.short).toHaveLength(20);
    expect(long.short.endsWith('…')).toBe(true);
    expect(long.full).toBe(`File: ${'x'.repeat(300)}`);
  });

  test('a settings change names its zone', () => {
    expect(auditTargetText('settings_update', 'Z-HDY-01', thCtx)).toBe('ตลาดกิมหยง');
    expect(auditTargetText('settings_update', 'programme', enCtx)).toBe(en.t('settings.programme'));
    expect(auditTargetText('user_create', 'somchai', enCtx)).toBe('somchai');
    expect(auditTargetText('logout', null, enCtx)).toBe('');
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
