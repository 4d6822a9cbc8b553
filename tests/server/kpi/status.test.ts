import { describe, expect, it } from 'vitest';
import { isMet, type KpiStatus, overallStatus, zonesMeetingTarget } from '../../../server/kpi/status.ts';

describe('overallStatus (traffic light)', () => {
  const light = (fear: KpiStatus, trust: KpiStatus, crime: KpiStatus) => overallStatus({ fear, trust, crime }).light;

  it('is green when all three are met (with or without confidence)', () => {
    expect(light('met', 'met', 'met')).toBe('green');
    expect(light('met_confident', 'met', 'met_confident')).toBe('green');
  });

  it('is amber when one or two are met', () => {
    expect(light('met', 'not_met', 'not_met')).toBe('amber');
    expect(light('met', 'met_confident', 'not_met')).toBe('amber');
  });

  it('is red when none is met', () => {
    expect(light('not_met', 'not_met', 'not_met')).toBe('red');
  });

  it('is grey when fewer than two can be judged', () => {
    expect(light('met', 'insufficient', 'insufficient')).toBe('grey');
    expect(light('insufficient', 'insufficient', 'insufficient')).toBe('grey');
  });

  it('judges on two when one is insufficient: never green then', () => {
    expect(light('met', 'met', 'insufficient')).toBe('amber');
    expect(light('not_met', 'met', 'insufficient')).toBe('amber');
    expect(light('not_met', 'not_met', 'insufficient')).toBe('red');
  });

  it('says how it got there', () => {
    const result = overallStatus({ fear: 'met', trust: 'insufficient', crime: 'not_met' });
    expect(result).toMatchObject({ light: 'amber', metCount: 1, judgedCount: 2 });
    expect(result.method.rule).toBe('traffic_light');
  });
});

describe('zonesMeetingTarget', () => {
  it('says k of n zones meet the target, with the breakdown', () => {
    expect(zonesMeetingTarget(['met', 'met_confident', 'not_met', 'insufficient', 'met'])).toMatchObject({
      met: 3,
      total: 5,
      metConfident: 1,
      notMet: 1,
      insufficient: 1,
    });
    expect(zonesMeetingTarget([])).toMatchObject({ met: 0, total: 0, metConfident: 0, notMet: 0, insufficient: 0 });
  });

  it('treats met with confidence as met', () => {
    expect(isMet('met_confident')).toBe(true);
    expect(isMet('insufficient')).toBe(false);
  });
});
