import { describe, expect, test } from 'vitest';
import type { ImportIssue } from '../../web/api/types.ts';
import {
  commitBlockers,
  issueCounts,
  issueGroups,
  rowsToWrite,
  shownOf,
  toIssueLines,
} from '../../web/features/imports/to-issue-lines.ts';
import { cellText, formatBytes, toPreviewTable } from '../../web/features/imports/to-preview-table.ts';
import { fieldName, tableName } from '../../web/features/imports/field-words.ts';
import { en, th } from './fixtures.ts';

const issue = (overrides: Partial<ImportIssue>): ImportIssue => ({
  file: 'cases.csv',
  row: 12,
  column: 'วันที่เกิดเหตุ',
  value: '31/2/2567',
  code: 'invalid_date',
  severity: 'error',
  th: 'วันที่ไม่ถูกต้อง: เดือนกุมภาพันธ์ไม่มีวันที่ 31',
  en: 'Invalid date: February has no day 31',
  ...overrides,
});

describe('issue lines', () => {
  test('row, column, value and the reason in the screen language', () => {
    expect(toIssueLines([issue({})], 'th', th.t)[0]).toMatchObject({
      row: '12',
      column: 'วันที่เกิดเหตุ',
      value: '31/2/2567',
      reason: 'วันที่ไม่ถูกต้อง: เดือนกุมภาพันธ์ไม่มีวันที่ 31',
    });
    expect(toIssueLines([issue({})], 'en', en.t)[0]?.reason).toBe('Invalid date: February has no day 31');
  });

  test('whole-file issues, and the physical line when a quoted cell spans lines', () => {
    const [file, multi] = toIssueLines(
      [issue({ row: null, column: null, value: null }), issue({ row: 1200, line: 1203 })],
      'th',
      th.t,
    );
    expect(file).toMatchObject({ row: 'ทั้งไฟล์', column: '', value: '' });
    expect(multi?.row).toBe('1,200 (บรรทัด 1,203)');
    expect(toIssueLines([issue({ row: 7, line: 9 })], 'en', en.t)[0]?.row).toBe('7 (line 9)');
    expect(toIssueLines([issue({ row: 7, line: 7 })], 'en', en.t)[0]?.row).toBe('7');
  });

  test('capped lists say how many are shown of the full count', () => {
    const counts = issueCounts({ errors: [issue({})], warnings: [], errorCount: 1532, warningCount: 0 });
    expect(counts).toEqual({ errors: 1532, warnings: 0, shownErrors: 1, shownWarnings: 0 });
    expect(shownOf(200, 1532, 'th', th.t)).toBe('แสดง 200 จาก 1,532 รายการ');
    expect(shownOf(3, 3, 'en', en.t)).toBe('3 items');
  });
});

describe('the commit button', () => {
  const clean = { ok: true, errorCount: 0, errors: [] };
  test('on only with a checked, current, error-free preview', () => {
    expect(commitBlockers({ result: clean, stale: false, busy: false })).toEqual([]);
    expect(commitBlockers({ result: null, stale: false, busy: false })).toEqual(['no_preview']);
    expect(commitBlockers({ result: clean, stale: true, busy: false })).toEqual(['stale']);
    expect(commitBlockers({ result: clean, stale: false, busy: true })).toEqual(['busy']);
  });

  test('any error blocks it, however it is reported', () => {
    expect(commitBlockers({ result: { ok: true, errorCount: 1, errors: [] }, stale: false, busy: false })).toEqual([
      'errors',
    ]);
    expect(commitBlockers({ result: { ok: false, errorCount: 0, errors: [] }, stale: false, busy: false })).toEqual([
      'errors',
    ]);
    expect(
      commitBlockers({ result: { ok: true, errorCount: 0, errors: [issue({})] }, stale: false, busy: false }),
    ).toEqual(['errors']);
  });

  test("rows to write add up over tables, not counting incidents' buffer-ring links", () => {
    expect(rowsToWrite({ incidents: 5, incident_rings: 2 })).toBe(5);
    expect(rowsToWrite({ partners: 3, contributions: 4 })).toBe(7);
    expect(rowsToWrite({})).toBe(0);
  });

  test('warnings grouped by reason, the most frequent first, with the full counts', () => {
    const outside = issue({ code: 'outside_zones', severity: 'warning', th: 'อยู่นอกพื้นที่', en: 'outside', row: 3 });
    const repeat = issue({ code: 'duplicate_in_file', severity: 'warning', th: 'ซ้ำกับแถว 2', en: 'same as row 2' });
    const groups = issueGroups(
      [outside, { ...outside, row: 4 }, repeat, { ...repeat, row: 9 }],
      { outside_zones: 14_348, duplicate_in_file: 20, invalid_date: 1 },
      'en',
    );
    expect(groups).toEqual([
      { code: 'outside_zones', count: 14_348, reason: 'outside' },
      { code: 'duplicate_in_file', count: 20, reason: 'same as row 2' },
    ]);
    // With general words for a code, no example's particulars ("row 2") stand for the group.
    const general = issueGroups([repeat], { duplicate_in_file: 20 }, 'en', (code) =>
      code === 'duplicate_in_file' ? 'Case number repeats an earlier row' : null,
    );
    expect(general[0]?.reason).toBe('Case number repeats an earlier row');
  });
});

describe('preview table', () => {
  test('dates in BE for Thai and CE for English, with the file text when it differs', () => {
    const cell = {
      raw: '2 มี.ค. 2567 21.30 น.',
      value: '2024-03-02 21:30',
      ce: '2024-03-02 21:30',
      be: '2/3/2567 21:30',
    };
    expect(cellText(cell, 'th')).toEqual({
      text: '2/3/2567 21:30',
      raw: '2 มี.ค. 2567 21.30 น.',
      ce: '2024-03-02 21:30',
    });
    expect(cellText(cell, 'en')).toEqual({ text: '2024-03-02 21:30', raw: '2 มี.ค. 2567 21.30 น.' });
  });

  test('numbers written differently are not "different"; codes are shown by name', () => {
    expect(cellText({ raw: '7.00590', value: 7.0059 }, 'th')).toEqual({ text: '7.0059', raw: null });
    const label = (c: string, v: string) => (c === 'crime_type' && v === 'theft' ? 'ลักทรัพย์' : null);
    expect(cellText({ raw: 'ลักทรัพย์', value: 'theft' }, 'th', 'crime_type', label)).toEqual({
      text: 'ลักทรัพย์',
      raw: null,
    });
    expect(cellText({ raw: 'ลักทรัพย์', value: 'theft' }, 'th', 'crime_type')).toEqual({ text: 'theft', raw: 'ลักทรัพย์' });
    expect(cellText({ raw: null, value: null }, 'th')).toEqual({ text: '–', raw: null });
    const group = (c: string, v: string) => (c === 'crime_group' && v === '2' ? '2 ความผิดเกี่ยวกับทรัพย์' : null);
    expect(cellText({ raw: '2', value: 2 }, 'th', 'crime_group', group)).toEqual({
      text: '2 ความผิดเกี่ยวกับทรัพย์',
      raw: null,
    });
  });

  test("columns: the kind's fields that have values, in the kind's order", () => {
    const table = toPreviewTable(
      {
        fields: [
          { canonical: 'occurred_at', required: true, fileDefault: false },
          { canonical: 'crime_type', required: true, fileDefault: false },
          { canonical: 'lat', required: false, fileDefault: false },
        ],
        rows: [
          {
            row: 2,
            cells: {
              crime_type: { raw: 'x', value: 'x' },
              occurred_at: { raw: '2024-01-01', value: '2024-01-01', ce: '2024-01-01', be: '1/1/2567' },
            },
          },
        ],
      },
      'th',
    );
    expect(table.columns).toEqual(['occurred_at', 'crime_type']);
    expect(table.rows[0]?.cells.map((c) => c.text)).toEqual(['1/1/2567', 'x']);
  });

  test('sizes, field and table names', () => {
    expect(formatBytes(617, 'en')).toBe('617 B');
    expect(formatBytes(48 * 1024, 'en')).toBe('48 KB');
    expect(formatBytes(1.25 * 1024 * 1024, 'en')).toBe('1.3 MB');
    expect(fieldName('occurred_at', 'th')).toBe('วันที่เกิดเหตุ');
    expect(fieldName('brand_new', 'en')).toBe('brand_new');
    expect(tableName('incidents', 'th')).toBe('คดี');
  });
});
