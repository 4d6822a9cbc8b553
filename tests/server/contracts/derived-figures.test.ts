import { describe, expect, it } from 'vitest';
import {
  changePoints,
  crimeChangeRange,
  marginOfError,
  percentChange,
} from '../../../server/contracts/derived-figures.ts';
import { crimeChange } from '../../../server/kpi/crime.ts';

describe('figures worked out from the numbers sent', () => {
  it('margin of error is half the interval, change in points is value minus baseline', () => {
    expect(marginOfError({ ciLow: 31.2, ciHigh: 44.2 })).toBeCloseTo(6.5, 12);
    expect(marginOfError({ ciLow: null, ciHigh: 44.2 })).toBeNull();
    expect(changePoints({ value: 37.5, baselineValue: 49.7 })).toBeCloseTo(-12.2, 12);
    expect(changePoints({ value: 37.5, baselineValue: null })).toBeNull();
  });

  it("a crime change's interval equals the KPI module's own, to the last bit", () => {
    for (const [after, baseline] of [
      [36, 60],
      [734, 705],
      [0, 12],
      [5, 0],
    ] as const) {
      const change = crimeChange({ after, baseline }, { afterMonthCount: 12, problem: null });
      const figure = {
        changePct: change.changePercent,
        rrLow: change.rateRatioInterval?.lower ?? null,
        rrHigh: change.rateRatioInterval?.upper ?? null,
      };
      expect(crimeChangeRange(figure)).toEqual({
        low: change.changeInterval?.lower ?? null,
        high: change.changeInterval?.upper ?? null,
      });
    }
    expect(percentChange(0.6)).toBeCloseTo(-40, 12);
  });
});
