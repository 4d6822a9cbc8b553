import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  progressLine,
  rowsPerSecond,
  summaryLine,
  timeLeftMs,
} from '../../../server/importers/progress.ts';

describe('import progress text', () => {
  it('says durations the way people read them', () => {
    expect(formatDuration(0)).toBe('< 1 s');
    expect(formatDuration(499)).toBe('< 1 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(4_320_000)).toBe('1 h 12 min');
  });

  it('estimates the time left from the share of bytes read so far', () => {
    // A quarter of the file in 10 s: three quarters more take 30 s.
    expect(timeLeftMs(0.25, 10_000)).toBe(30_000);
    expect(timeLeftMs(1, 10_000)).toBe(0);
    expect(timeLeftMs(0, 10_000)).toBeNull();
    expect(timeLeftMs(0.5, 0)).toBeNull();
    expect(rowsPerSecond(400_000, 2_000)).toBe(200_000);
    expect(rowsPerSecond(0, 2_000)).toBeNull();
  });

  it('shows rows, percent, rows/s and time left while reading', () => {
    expect(progressLine({ phase: 'reading', rows: 1_250_000, fractionRead: 0.4266 }, 7_800)).toBe(
      'อ่านไฟล์ / reading: 1,250,000 rows · 42% · 160,256 rows/s · เหลือ / left 10 s',
    );
    expect(progressLine({ phase: 'reading', rows: 50_000, fractionRead: 0.02 }, 250)).toBe(
      'อ่านไฟล์ / reading: 50,000 rows · 2% · 200,000 rows/s · เหลือ / left 12 s',
    );
  });

  it('leaves out what is not known and what does not apply after reading', () => {
    expect(progressLine({ phase: 'reading', rows: 0 }, 0)).toBe('อ่านไฟล์ / reading: 0 rows');
    expect(progressLine({ phase: 'checking', rows: 10_000_000 }, 25_000)).toBe(
      'ตรวจทั้งไฟล์ / checking: 10,000,000 rows · 400,000 rows/s',
    );
    expect(progressLine({ phase: 'writing', rows: 1 }, 0)).toBe('บันทึก / writing: 1 row');
  });

  it('sums a run up in one line: file, size, rows, time, rate and outcome', () => {
    expect(
      summaryLine({
        kind: 'incidents',
        file: 'national.csv',
        bytes: 930 * 1024 * 1024,
        rows: 10_000_000,
        elapsedMs: 25_000,
        outcome: 'imported',
      }),
    ).toBe(
      'สรุป / Summary: incidents national.csv, 930.0 MB, 10,000,000 rows in 25 s (400,000 rows/s): นำเข้าแล้ว / imported',
    );
    expect(summaryLine({ kind: 'survey', file: 's.csv', bytes: 0, rows: 0, elapsedMs: 300, outcome: 'failed' })).toBe(
      'สรุป / Summary: survey s.csv, 0.0 MB, 0 rows in < 1 s: นำเข้าไม่ได้ / could not import',
    );
  });
});
