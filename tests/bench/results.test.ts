import { describe, expect, it } from 'vitest';
import { type BenchResults, compareResults, leadingNumber } from '../../bench/lib/results.ts';

const run = (figures: BenchResults['figures']): BenchResults => ({
  figures,
  load: [0, 0, 0],
  cores: 2,
  node: 'v20',
  tookMs: 1,
  scale: 1,
});

describe('bench results compared with the last run', () => {
  it('reads the leading number of a printed figure', () => {
    expect(leadingNumber('12.5 ms')).toBe(12.5);
    expect(leadingNumber('118,953 rows/s')).toBe(118953);
    expect(leadingNumber('1.05x')).toBe(1.05);
    expect(leadingNumber('-37.7%')).toBe(-37.7);
    expect(leadingNumber('pipeline not available yet')).toBeNaN();
  });

  it('lists changed, new and gone figures with the change in percent and a verdict that flipped', () => {
    const before = run([
      { figure: 'a', target: '<= 10 ms', measured: '8.0 ms', pass: true },
      { figure: 'b', target: '<= 10 ms', measured: '5.0 ms', pass: true },
      { figure: 'gone', target: '', measured: '1', pass: null },
    ]);
    const now = run([
      { figure: 'a', target: '<= 10 ms', measured: '12.0 ms', pass: false },
      { figure: 'b', target: '<= 10 ms', measured: '5.0 ms', pass: true },
      { figure: 'new', target: '', measured: '3 ms', pass: null },
    ]);
    expect(compareResults(before, now)).toEqual([
      '  changed  a: 8.0 ms -> 12.0 ms (50%)  now MISS',
      '  new      new: 3 ms',
      '  gone     gone (was 1)',
    ]);
  });
});
