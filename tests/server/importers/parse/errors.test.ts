import { describe, expect, it } from 'vitest';
import {
  formatIssue,
  type Issue,
  IssueCollector,
  issueMessage,
  MAX_VALUE_LENGTH,
  issue,
} from '../../../../server/importers/issues.ts';

const colCount = (row: number) => issue('column_count', { file: 'a.csv', row }, { expected: 3, actual: 2 });

describe('issue', () => {
  it('builds a located bilingual issue with a default severity', () => {
    const i = issue(
      'invalid_date',
      { file: 'x.csv', row: 12, column: 'วันที่เกิดเหตุ', value: '31/02/2564' },
      { reason: { th: 'ไม่มีวันที่ 31 ก.พ.', en: 'no 31 February' } },
    );
    expect(i).toEqual({
      file: 'x.csv',
      row: 12,
      column: 'วันที่เกิดเหตุ',
      value: '31/02/2564',
      code: 'invalid_date',
      severity: 'error',
      th: 'วันที่ไม่ถูกต้อง: ไม่มีวันที่ 31 ก.พ.',
      en: 'Invalid date: no 31 February',
    });
    expect(issue('duplicate_in_file', { file: 'x.csv', row: 9 }, { firstRow: 3 }).severity).toBe('warning');
    expect(issue('empty_file', { file: 'x.csv' }).row).toBeNull();
  });

  it('clips long values', () => {
    const i = issue('field_too_long', { file: 'f', row: 2, value: 'x'.repeat(5000) }, { limit: 10, cell: 1 });
    expect(i.value?.length).toBe(MAX_VALUE_LENGTH + 1);
  });

  it('formats one line in Thai or English', () => {
    const i: Issue = { ...colCount(7), line: 9, column: 'station', value: '4,5' };
    expect(formatIssue(i, 'en')).toBe(
      'a.csv, row 7 (line 9), column "station": This row has 2 column(s) but the header has 3; the row was skipped (value: "4,5")',
    );
    expect(formatIssue(i, 'th')).toContain('แถว 7 (บรรทัด 9)');
    expect(issueMessage('unknown_station', { suggestions: ['สภ.หาดใหญ่'] }).en).toContain('did you mean "สภ.หาดใหญ่"');
  });
});

describe('IssueCollector', () => {
  it('stores up to the limit and counts everything', () => {
    const c = new IssueCollector({ limit: 200 });
    for (let r = 2; r < 1002; r++) c.add(colCount(r));
    expect(c.issues).toHaveLength(200);
    expect(c.total).toBe(1000);
    expect(c.errors).toBe(1000);
    expect(c.truncated).toBe(true);
    expect(c.hasErrors).toBe(true);
    expect(Object.fromEntries(c.byCode)).toEqual({ column_count: 1000 });
  });

  it('keeps a few examples of a rarer code even when the list is full', () => {
    const c = new IssueCollector({ limit: 10, minPerCode: 3 });
    for (let r = 2; r < 100; r++) c.add(colCount(r));
    for (let r = 0; r < 5; r++) c.add(issue('unknown_station', { file: 'a.csv', row: 200 + r }, { suggestions: [] }));
    const codes = c.issues.map((i) => i.code);
    expect(codes).toHaveLength(10);
    expect(codes.filter((x) => x === 'unknown_station')).toHaveLength(3);
    expect(c.total).toBe(103);
    // Still in the order found.
    expect(c.issues.map((i) => i.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 200, 201, 202]);
  });

  it('counts warnings apart', () => {
    const c = new IssueCollector();
    c.add(issue('encoding_replacement', { file: 'a' }, { count: 2, encoding: 'UTF-8' }));
    expect(c.warnings).toBe(1);
    expect(c.hasErrors).toBe(false);
  });
});
