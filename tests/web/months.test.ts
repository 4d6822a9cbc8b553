import { describe, expect, test } from 'vitest';
import {
  addMonths,
  bangkokMonth,
  fiscalYearOfMonth,
  fiscalYearRange,
  last12CompleteMonths,
  lastCompleteMonth,
} from '../../server/contracts/calendar.ts';

describe('Thai calendar facts', () => {
  test('ปีงบประมาณ 2565 = Oct 2021 - Sep 2022', () => {
    expect(fiscalYearRange(2565)).toEqual({ from: '2021-10', to: '2022-09' });
    expect(fiscalYearOfMonth('2021-10')).toBe(2565);
    expect(fiscalYearOfMonth('2022-09')).toBe(2565);
    expect(fiscalYearOfMonth('2022-10')).toBe(2566);
  });

  test('months are read in Bangkok, not the host zone', () => {
    // 17:30 UTC on 30 June is 00:30 on 1 July in Bangkok.
    const instant = new Date('2024-06-30T17:30:00Z');
    expect(bangkokMonth(instant)).toBe('2024-07');
    expect(lastCompleteMonth(instant)).toBe('2024-06');
    expect(last12CompleteMonths(instant)).toEqual({ from: '2023-07', to: '2024-06' });
  });

  test('month arithmetic crosses years', () => {
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(addMonths('2023-12', 13)).toBe('2025-01');
  });
});
