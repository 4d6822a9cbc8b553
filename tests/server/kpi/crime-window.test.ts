import { describe, expect, it } from 'vitest';
import {
  classifyMonths,
  crimeWindow,
  matchedBaselineMonth,
  sumWindowCounts,
} from '../../../server/kpi/crime-window.ts';
import {
  calendarYearRange,
  fiscalYearRange,
  monthFromIndex,
  monthIndex,
  monthsInRange,
} from '../../../server/contracts/calendar.ts';
import { mulberry32 } from '../../../server/random.ts';
import { randomInt } from './random.ts';

// kpi.md example: a zone started 16 Jul 2022 (start month July 2022), with plenty of data.
const example = {
  startMonth: '2022-07',
  coveredMonths: { from: '2019-01', to: '2024-06' },
  currentMonth: '2024-08',
} as const;

describe('crimeWindow: the kpi.md example (zone started 16 Jul 2022)', () => {
  it('FY2566 gives after = Oct 2022 .. Sep 2023, L = 12, each matched to the same month a year or two back', () => {
    const window = crimeWindow({ ...example, period: fiscalYearRange(2566) });
    expect(window.afterMonths).toEqual(monthsInRange({ from: '2022-10', to: '2023-09' }));
    expect(window.afterMonthCount).toBe(12);
    // Oct 2022 -> Oct 2021 ... Jun 2023 -> Jun 2022 (k = 1); Jul 2023 -> Jul 2021 (k = 2, as Jul 2022 is not before the start).
    expect(window.baselineMonths).toEqual([
      '2021-10',
      '2021-11',
      '2021-12',
      '2022-01',
      '2022-02',
      '2022-03',
      '2022-04',
      '2022-05',
      '2022-06',
      '2021-07',
      '2021-08',
      '2021-09',
    ]);
    expect(window.problem).toBeNull();
    expect(window.method).toEqual({
      rule: 'matched_months',
      startMonth: '2022-07',
      period: { from: '2022-10', to: '2023-09' },
      coveredMonths: { from: '2019-01', to: '2024-06' },
      L: 12,
    });
  });

  it('calendar 2022 gives after = Jul .. Dec 2022, L = 6', () => {
    const window = crimeWindow({ ...example, period: calendarYearRange(2022) });
    expect(window.afterMonths).toEqual(monthsInRange({ from: '2022-07', to: '2022-12' }));
    expect(window.baselineMonths).toEqual(monthsInRange({ from: '2021-07', to: '2021-12' }));
    expect(window.problem).toBeNull();
  });

  it("calendar 2022 with the 'previous' baseline uses the 6 months right before the start", () => {
    const window = crimeWindow({ ...example, period: calendarYearRange(2022), baselineMethod: 'previous' });
    expect(window.afterMonthCount).toBe(6);
    expect(window.baselineMonths).toEqual(monthsInRange({ from: '2022-01', to: '2022-06' }));
    expect(window.method.rule).toBe('previous_months');
  });

  it('a period wholly before the start has no after window', () => {
    const window = crimeWindow({ ...example, period: calendarYearRange(2021) });
    expect(window.afterMonths).toEqual([]);
    expect(window.baselineMonths).toEqual([]);
    expect(window.problem).toBe('no_after_window');
  });

  it('the start month counts as after (the zone started on the 16th)', () => {
    const window = crimeWindow({ ...example, period: { from: '2022-07', to: '2022-07' } });
    expect(window.afterMonths).toEqual(['2022-07']);
    expect(window.baselineMonths).toEqual(['2021-07']);
  });
});

describe('crimeWindow: months', () => {
  it('without a period runs from the start to the end of the data', () => {
    const window = crimeWindow({ ...example });
    expect(window.afterMonths[0]).toBe('2022-07');
    expect(window.afterMonths.at(-1)).toBe('2024-06');
    expect(window.method.period).toBe('since_start');
  });

  it('never counts the current, unfinished month', () => {
    const window = crimeWindow({ ...example, coveredMonths: { from: '2019-01', to: '2024-08' } });
    expect(window.afterMonths.at(-1)).toBe('2024-07');
    expect(window.coveredMonths).toEqual({ from: '2019-01', to: '2024-07' });
  });

  it('cuts a period at the end of the data and lists the months it lacks', () => {
    const window = crimeWindow({
      ...example,
      coveredMonths: { from: '2019-01', to: '2025-03' },
      currentMonth: '2025-06',
      period: fiscalYearRange(2568), // Oct 2024 .. Sep 2025
    });
    expect(window.afterMonths).toEqual(monthsInRange({ from: '2024-10', to: '2025-03' }));
    // June is the current month and July on is the future: neither is "missing data".
    expect(window.uncoveredPeriodMonths).toEqual(['2025-04', '2025-05']);
    expect(window.problem).toBeNull();
  });

  it('has nothing to judge without covered data', () => {
    expect(crimeWindow({ ...example, coveredMonths: null }).problem).toBe('no_covered_data');
    // Data that only exists in the current month is no whole month either.
    const onlyCurrent = crimeWindow({ ...example, coveredMonths: { from: '2024-08', to: '2024-08' } });
    expect(onlyCurrent.problem).toBe('no_covered_data');
  });

  it('has no after window when the data ends before the start', () => {
    const window = crimeWindow({ ...example, coveredMonths: { from: '2020-01', to: '2022-06' } });
    expect(window.problem).toBe('no_after_window');
  });
});

describe('crimeWindow: an after window longer than 12 months', () => {
  const window = crimeWindow({
    startMonth: '2022-07',
    coveredMonths: { from: '2021-01', to: '2023-12' },
    currentMonth: '2024-01',
  });

  it('matches month 13 onwards with the same baseline months again', () => {
    expect(window.afterMonthCount).toBe(18); // Jul 2022 .. Dec 2023
    expect(window.baselineMonths).toEqual([
      ...monthsInRange({ from: '2021-07', to: '2022-06' }),
      ...monthsInRange({ from: '2021-07', to: '2021-12' }),
    ]);
    expect(window.problem).toBeNull();
  });

  it('adds a baseline month counted twice twice', () => {
    // Every month has 10 cases before the start and 7 after, except Aug 2021 with 3.
    const counts = new Map<string, number>();
    for (const month of monthsInRange({ from: '2021-01', to: '2022-06' })) counts.set(month, 10);
    for (const month of monthsInRange({ from: '2022-07', to: '2023-12' })) counts.set(month, 7);
    counts.set('2021-08', 3);
    // Baseline: 18 months x 10, minus 7 for Aug 2021 on each of its two uses.
    expect(sumWindowCounts(window, counts)).toEqual({ after: 18 * 7, baseline: 180 - 2 * 7 });
  });

  it("with the 'previous' baseline takes the 18 months before the start", () => {
    const previous = crimeWindow({
      startMonth: '2022-07',
      coveredMonths: { from: '2021-01', to: '2023-12' },
      currentMonth: '2024-01',
      baselineMethod: 'previous',
    });
    expect(previous.baselineMonths).toEqual(monthsInRange({ from: '2021-01', to: '2022-06' }));
    expect(previous.problem).toBeNull();
  });
});

describe('crimeWindow: exactly one month of data before the start', () => {
  const oneBefore = {
    startMonth: '2022-07',
    coveredMonths: { from: '2022-06', to: '2023-06' },
    currentMonth: '2023-08',
  } as const;

  it('judges the one after month whose matched month is that month', () => {
    const window = crimeWindow({ ...oneBefore, period: { from: '2023-06', to: '2023-06' } });
    expect(window.afterMonths).toEqual(['2023-06']);
    expect(window.baselineMonths).toEqual(['2022-06']);
    expect(window.problem).toBeNull();
  });

  it("judges one after month with the 'previous' baseline", () => {
    const window = crimeWindow({
      ...oneBefore,
      period: { from: '2022-07', to: '2022-07' },
      baselineMethod: 'previous',
    });
    expect(window.baselineMonths).toEqual(['2022-06']);
    expect(window.problem).toBeNull();
  });

  it('flags a longer window incomplete and says which baseline months are missing', () => {
    const window = crimeWindow({ ...oneBefore });
    expect(window.afterMonthCount).toBe(12);
    expect(window.problem).toBe('incomplete_baseline');
    expect(window.missingBaselineMonths).toEqual(monthsInRange({ from: '2021-07', to: '2022-05' }));
  });

  it('with no month before the start there is no baseline at all', () => {
    const window = crimeWindow({ ...oneBefore, coveredMonths: { from: '2022-07', to: '2023-06' } });
    expect(window.problem).toBe('incomplete_baseline');
  });
});

describe('matchedBaselineMonth', () => {
  it('is m - 12k for the smallest k >= 1 that falls before the start', () => {
    const random = mulberry32(42);
    for (let i = 0; i < 2000; i++) {
      const start = randomInt(random, 2015 * 12, 2030 * 12);
      const after = start + randomInt(random, 0, 60);
      let k = 1;
      while (after - 12 * k >= start) k++;
      expect(matchedBaselineMonth(monthFromIndex(after), monthFromIndex(start))).toBe(monthFromIndex(after - 12 * k));
      const baseline = monthIndex(matchedBaselineMonth(monthFromIndex(after), monthFromIndex(start)));
      expect(baseline).toBeGreaterThanOrEqual(start - 12);
      expect(baseline).toBeLessThan(start);
    }
  });

  it('refuses a month before the start', () => {
    expect(() => matchedBaselineMonth('2022-06', '2022-07')).toThrow(RangeError);
  });
});

describe('sumWindowCounts', () => {
  it('counts a month absent from the data as zero and accepts a plain object', () => {
    const window = crimeWindow({ ...example, period: { from: '2022-07', to: '2022-08' } });
    expect(sumWindowCounts(window, { '2022-07': 4, '2021-08': 2 })).toEqual({ after: 4, baseline: 2 });
  });
});

describe('classifyMonths', () => {
  it('marks before / baseline / after / outside for the calendar-2022 window', () => {
    const window = crimeWindow({ ...example, period: calendarYearRange(2022) });
    const roles = classifyMonths(monthsInRange({ from: '2021-01', to: '2023-02' }), window);
    const roleOf = (month: string) => roles.find((r) => r.month === month)?.role;
    expect(roleOf('2021-03')).toBe('before');
    expect(roleOf('2021-07')).toBe('baseline');
    expect(roleOf('2021-12')).toBe('baseline');
    expect(roleOf('2022-03')).toBe('before'); // before the start but not matched to an after month
    expect(roleOf('2022-07')).toBe('after');
    expect(roleOf('2022-12')).toBe('after');
    expect(roleOf('2023-01')).toBe('outside'); // after the start, outside the period
    expect(roles).toHaveLength(26);
  });
});

describe('why there is no after window', () => {
  const covered = { from: '2021-01', to: '2024-06' };
  it('a period wholly before the start has no after window', () => {
    expect(
      crimeWindow({
        startMonth: '2022-07',
        coveredMonths: covered,
        currentMonth: '2026-11',
        period: { from: '2021-01', to: '2021-12' },
      }).problem,
    ).toBe('no_after_window');
  });
  it('a period after the end of the data says the data does not reach it', () => {
    const window = crimeWindow({
      startMonth: '2022-07',
      coveredMonths: covered,
      currentMonth: '2026-11',
      period: { from: '2025-11', to: '2026-10' },
    });
    expect(window.problem).toBe('no_data_in_period');
    expect(window.afterMonthCount).toBe(0);
  });
});
