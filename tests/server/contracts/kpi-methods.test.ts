import { describe, expect, it } from 'vitest';
import { figureMethod, MethodKeys } from '../../../server/contracts/kpi-methods.ts';

describe('methods said once', () => {
  it('the same method gets the same key; another method the next key of its kind', () => {
    const keys = new MethodKeys<object>();
    const a = { rule: 'percent_change', targetPercent: 0 };
    expect(keys.key('crime', a)).toBe('crime-1');
    expect(keys.key('crime', { ...a })).toBe('crime-1');
    expect(keys.key('crime', { ...a, targetPercent: -10 })).toBe('crime-2');
    expect(keys.key('fear', a)).toBe('fear-1');
    expect(Object.keys(keys.methods)).toEqual(['crime-1', 'crime-2', 'fear-1']);
  });

  it("puts a figure's own months, covered months and pooled zones back beside the shared method", () => {
    const methods = { 'crime-1': { rule: 'percent_change' }, 'fear-1': { rule: 'top_two_levels' } };
    expect(
      figureMethod(methods, {
        method: 'crime-1',
        months: 18,
        coveredMonths: { from: '2020-01', to: '2024-06' },
        zonesPooled: null,
      }),
    ).toEqual({ rule: 'percent_change', L: 18, coveredMonths: { from: '2020-01', to: '2024-06' } });
    expect(figureMethod(methods, { method: 'crime-1', months: 856, coveredMonths: null, zonesPooled: 25 })).toEqual({
      rule: 'percent_change',
      L: 856,
      pooledZones: 25,
    });
    expect(figureMethod(methods, { method: 'fear-1' })).toEqual({ rule: 'top_two_levels' });
    expect(figureMethod(methods, { method: 'nope' })).toBeUndefined();
  });
});
