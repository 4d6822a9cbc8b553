/**
 * Stronger Together figures against hand-worked dates. Every number below was counted on a
 * calendar, not computed by the code under test (2024 is a leap year: February has 29 days).
 */
import { describe, expect, it } from 'vitest';
import type { ProblemLevel, ProblemStatus } from '../../../server/contracts/problems.ts';
import {
  asOfDay,
  daysBetween,
  figuresBy,
  fiscalYearOfDay,
  median,
  type ProblemHistory,
  problemFigures,
  stateAsOf,
} from '../../../server/services/problem-figures.ts';

type Step = [on: string, level: ProblemLevel, status: ProblemStatus];
const problem = (raisedOn: string, ...steps: Step[]): ProblemHistory => ({
  raisedOn,
  history: [
    { on: raisedOn, level: 'station', status: 'open', note: null, by: 't' },
    ...steps.map(([on, level, status]) => ({ on, level, status, note: 'n', by: 't' })),
  ],
});

describe('days between two days', () => {
  it('counts calendar days, across month ends and the leap day', () => {
    expect(daysBetween('2024-01-15', '2024-02-14')).toBe(30); // 16 days to 31 Jan, then 14
    expect(daysBetween('2023-10-02', '2023-12-01')).toBe(60); // 2 Oct -> 2 Nov 31, -> 1 Dec 29
    expect(daysBetween('2024-03-01', '2024-06-30')).toBe(121); // 31 + 30 + 31 + 29
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // 29 Feb 2024 exists
    expect(daysBetween('2024-05-20', '2024-05-19')).toBe(-1);
  });
});

describe('the median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([60, 10, 30])).toBe(30);
    expect(median([60, 30])).toBe(45);
  });
});

describe('a problem on a day', () => {
  const escalatedThenSolved = problem(
    '2024-03-01',
    ['2024-03-10', 'division', 'in_progress'],
    ['2024-07-05', 'division', 'solved'],
  );
  it('is what its history said on that day', () => {
    expect(stateAsOf(escalatedThenSolved, '2024-02-29')).toBeNull();
    expect(stateAsOf(escalatedThenSolved, '2024-03-05')).toEqual({
      level: 'station',
      status: 'open',
      topRank: 0,
      resolvedOn: null,
    });
    expect(stateAsOf(escalatedThenSolved, '2024-06-30')).toEqual({
      level: 'division',
      status: 'in_progress',
      topRank: 2,
      resolvedOn: null,
    });
    expect(stateAsOf(escalatedThenSolved, '2024-07-05')?.resolvedOn).toBe('2024-07-05');
  });
  it('keeps the highest level reached when sent back down, and the first day a final status was given', () => {
    const back = problem(
      '2024-01-01',
      ['2024-01-05', 'bureau', 'open'],
      ['2024-01-09', 'station', 'solved'],
      ['2024-01-20', 'station', 'solved'],
    );
    expect(stateAsOf(back, '2024-02-01')).toEqual({
      level: 'station',
      status: 'solved',
      topRank: 4,
      resolvedOn: '2024-01-09',
    });
  });
});

describe("a unit's figures as of 30 June 2024 (BE 2567)", () => {
  const asOf = '2024-06-30';
  const problems = [
    problem('2024-01-15', ['2024-02-14', 'station', 'solved']), // solved in 30 days
    problem('2023-10-02', ['2023-11-01', 'district', 'in_progress'], ['2023-12-01', 'district', 'solved']), // 60 days, escalated
    problem('2024-04-01', ['2024-04-11', 'station', 'solved']), // 10 days
    problem('2024-03-01', ['2024-03-10', 'division', 'in_progress'], ['2024-07-05', 'division', 'solved']), // open on 30 June: 121 days
    problem('2024-05-20'), // open, 41 days
    problem('2024-06-10'), // open, 20 days
    problem('2023-09-30', ['2023-10-05', 'station', 'closed_without_action']),
    problem('2024-07-01'), // raised after the day: not counted
  ];

  it('counts raised, solved, open, closed, escalated and the ageing by hand', () => {
    expect(problemFigures(problems, asOf)).toEqual({
      raised: 7,
      solved: 3,
      open: 3,
      closedWithoutAction: 1,
      medianDaysToSolve: 30, // 10, 30, 60
      openOver30: 2, // 121 and 41 days
      openOver90: 1, // 121 days
      escalated: 2, // district, division
    });
  });

  it('a later day sees the problem solved on 5 July: 4 solved, median of 10, 30, 60, 126 = 45', () => {
    // 1 March -> 5 July 2024: 31 + 30 + 31 + 30 + 4 = 126 days
    expect(daysBetween('2024-03-01', '2024-07-05')).toBe(126);
    const f = problemFigures(problems, '2024-07-31');
    expect(f).toMatchObject({ raised: 8, solved: 4, open: 3, medianDaysToSolve: 45 });
    // open: 20 May (72 days), 10 June (51), 1 July (30: not over 30)
    expect(f.openOver30).toBe(2);
    expect(f.openOver90).toBe(0);
  });

  it('splits by Thai fiscal year (1 October - 30 September), each problem once', () => {
    expect(fiscalYearOfDay('2023-09-30')).toBe(2566);
    expect(fiscalYearOfDay('2023-10-01')).toBe(2567);
    expect(fiscalYearOfDay('2024-09-30')).toBe(2567);
    const byYear = figuresBy(problems, (p) => String(fiscalYearOfDay(p.raisedOn)), asOf);
    expect(byYear.get('2566')?.raised).toBe(1);
    expect(byYear.get('2567')?.raised).toBe(6);
    const sum = [...byYear.values()].reduce((n, f) => n + f.raised, 0);
    expect(sum).toBe(problemFigures(problems, asOf).raised);
  });

  it('reads states on the period end, or today when the period runs past today', () => {
    expect(asOfDay('2024-06-30', '2024-09-30')).toBe('2024-06-30');
    expect(asOfDay('2024-06-30', '2024-03-31')).toBe('2024-03-31');
    expect(asOfDay('2024-06-30', null)).toBe('2024-06-30');
  });
});
