/**
 * The crime readings (server/contracts/crime-reading.ts), hand-worked. WDQ = (B_a/C_a - B_b/C_b) /
 * (A_a/C_a - A_b/C_b) (kpi.md, Bowers and Johnson 2003), A = zone, B = ring, C = comparison area.
 */
import { describe, expect, it } from 'vitest';
import {
  crimeReadingSentence,
  displacementWarningText,
  metWithDisplacement,
  readCrimeChange,
  relativeDirection,
  rollupDisplacementText,
  wdqSentence,
} from '../../../server/contracts/crime-reading.ts';
import { weightedDisplacementQuotient } from '../../../server/kpi/crime.ts';

interface Case {
  zone: { baseline: number; after: number };
  control: { baseline: number; after: number };
  ring: { baseline: number; after: number };
  met: boolean;
}

/** The reading as the server makes it: the WDQ from server/kpi, the reading from the contract. */
function read({ zone, control, ring, met }: Case) {
  const wdq = weightedDisplacementQuotient({
    zone: { before: zone.baseline, after: zone.after },
    buffer: { before: ring.baseline, after: ring.after },
    control: { before: control.baseline, after: control.after },
  });
  return { wdq, reading: readCrimeChange({ met, zone, control, hasRing: true, wdq: wdq.wdq }) };
}

const words = (lang: 'th' | 'en', reading: ReturnType<typeof readCrimeChange>, change: string, wdq: string) => ({
  sentence: crimeReadingSentence(reading, lang, { changeMagnitude: change, after: '0' }),
  wdq: wdqSentence(reading, lang, wdq),
  warning: displacementWarningText(reading, lang, wdq),
});

describe('crime readings, hand-worked', () => {
  it('zone fell, better than its comparison area, ring fell too: diffusion of benefits', () => {
    // A 100 -> 60, C 1000 -> 1000, B 50 -> 40: success = 0.06 - 0.10 = -0.04; buffer = 0.04 - 0.05
    // = -0.01; WDQ = 0.25 > 0.
    const { wdq, reading } = read({
      zone: { baseline: 100, after: 60 },
      control: { baseline: 1000, after: 1000 },
      ring: { baseline: 50, after: 40 },
      met: true,
    });
    expect(wdq.wdq).toBeCloseTo(0.25, 12);
    expect(reading).toEqual({
      zone: 'fell',
      relative: 'improved',
      pointsDifferentWays: false,
      wdq: 'diffusion_of_benefits',
      displacementWarning: false,
    });
    expect(words('en', reading, '40.0%', '+0.25')).toEqual({
      sentence: 'crime fell 40.0% in the zone and did better than in its comparison area',
      wdq: 'Weighted displacement quotient +0.25: diffusion of benefits',
      warning: null,
    });
  });

  it('zone met its target while crime moved into the ring: displacement, with the warning', () => {
    // B 50 -> 70: buffer = 0.07 - 0.05 = +0.02; WDQ = 0.02 / -0.04 = -0.5.
    const { wdq, reading } = read({
      zone: { baseline: 100, after: 60 },
      control: { baseline: 1000, after: 1000 },
      ring: { baseline: 50, after: 70 },
      met: true,
    });
    expect(wdq.wdq).toBeCloseTo(-0.5, 12);
    expect(reading.wdq).toBe('displacement');
    expect(reading.displacementWarning).toBe(true);
    expect(words('en', reading, '40.0%', '\u22120.50').warning).toBe(
      'Met, but crime moved into the ring around the zone (displacement, WDQ \u22120.50)',
    );
    expect(words('th', reading, '40.0%', '\u22120.50').warning).toBe(
      'ผ่านเป้าหมาย แต่อาชญากรรมย้ายไปรอบพื้นที่ (WDQ \u22120.50)',
    );
    // The short form for a table cell beside the status (the meeting's summary slide): same rule.
    expect(displacementWarningText(reading, 'en', '\u22120.50', 'short')).toBe('Displacement (WDQ \u22120.50)');
    expect(displacementWarningText(reading, 'th', '\u22120.50', 'short')).toBe('อาชญากรรมย้ายไปรอบพื้นที่ (WDQ \u22120.50)');
    expect(displacementWarningText({ ...reading, displacementWarning: false }, 'en', '\u22120.50', 'short')).toBeNull();
    // Not met: the same displacement reading, no warning (there is no "met" to qualify).
    expect(
      read({
        zone: { baseline: 100, after: 60 },
        control: { baseline: 1000, after: 1000 },
        ring: { baseline: 50, after: 70 },
        met: false,
      }).reading.displacementWarning,
    ).toBe(false);
  });

  it('zone fell but less than its comparison area (worse than its control): WDQ not read', () => {
    // A 100 -> 90 (RR 0.9), C 1000 -> 500 (RR 0.5): a * d = 90 * 1000 > b * c = 100 * 500, worsened.
    // success = 90/500 - 100/1000 = +0.08; buffer (B 50 -> 70) = 0.14 - 0.05 = +0.09; WDQ = 1.125,
    // positive, which a naive reading would call "diffusion of benefits".
    const { wdq, reading } = read({
      zone: { baseline: 100, after: 90 },
      control: { baseline: 1000, after: 500 },
      ring: { baseline: 50, after: 70 },
      met: true,
    });
    expect(wdq.wdq).toBeCloseTo(1.125, 12);
    expect(reading).toEqual({
      zone: 'fell',
      relative: 'worsened',
      pointsDifferentWays: true,
      wdq: 'not_applicable',
      displacementWarning: false,
    });
    const en = words('en', reading, '10.0%', '+1.13');
    expect(en.sentence).toBe('crime fell 10.0% in the zone but less than in its comparison area');
    expect(en.wdq).toBe('WDQ: not applicable: the zone did not improve relative to its comparison area');
    expect(en.wdq).not.toMatch(/diffusion|displace|1\.13/i);
    const th = words('th', reading, '10.0%', '+1.13');
    expect(th.sentence).toBe('คดีในพื้นที่ลดลง 10.0% แต่ลดลงน้อยกว่าพื้นที่เปรียบเทียบ');
    expect(th.wdq).toBe('WDQ: ไม่นำมาอ่านผล เพราะพื้นที่ไม่ได้ดีขึ้นเมื่อเทียบกับพื้นที่เปรียบเทียบ');
    expect(th.wdq).not.toMatch(/ย้าย|กระจาย/);
  });

  it('zone rose, but less than its comparison area: both said in one sentence, WDQ read', () => {
    // A 1000 -> 1037 (+3.7%), C 2000 -> 2400 (+20%): 1037 * 2000 < 1000 * 2400, improved.
    // success = 1037/2400 - 1000/2000 = -0.0679166...; buffer (B 100 -> 110) = 110/2400 - 0.05 =
    // -0.0041666...; WDQ = 0.0041666 / 0.0679166 = 10/163 = 0.0613496...
    const { wdq, reading } = read({
      zone: { baseline: 1000, after: 1037 },
      control: { baseline: 2000, after: 2400 },
      ring: { baseline: 100, after: 110 },
      met: false,
    });
    expect(wdq.wdq).toBeCloseTo(10 / 163, 12);
    expect(reading).toEqual({
      zone: 'rose',
      relative: 'improved',
      pointsDifferentWays: true,
      wdq: 'diffusion_of_benefits',
      displacementWarning: false,
    });
    expect(words('en', reading, '3.7%', '+0.06').sentence).toBe(
      'crime rose 3.7% in the zone but less than in its comparison area',
    );
    expect(words('th', reading, '3.7%', '+0.06').sentence).toBe('คดีในพื้นที่เพิ่มขึ้น 3.7% แต่เพิ่มขึ้นน้อยกว่าพื้นที่เปรียบเทียบ');
  });

  it('zone rose and did worse than its comparison area: WDQ not read, whatever its sign', () => {
    // A 100 -> 130, C 1000 -> 1000, B 50 -> 80: success = +0.03, buffer = +0.03, WDQ = 1.
    const { wdq, reading } = read({
      zone: { baseline: 100, after: 130 },
      control: { baseline: 1000, after: 1000 },
      ring: { baseline: 50, after: 80 },
      met: false,
    });
    expect(wdq.wdq).toBeCloseTo(1, 12);
    expect(reading).toMatchObject({ zone: 'rose', relative: 'worsened', pointsDifferentWays: false });
    expect(reading.wdq).toBe('not_applicable');
    expect(words('en', reading, '30.0%', '+1.00').sentence).toBe(
      'crime rose 30.0% in the zone and did worse than in its comparison area',
    );
  });

  it('zone moved exactly as its comparison area: no improvement, WDQ not read (its denominator is 0)', () => {
    // A 100 -> 50, C 1000 -> 500: RR 0.5 both; success = 0.1 - 0.1 = 0.
    const { wdq, reading } = read({
      zone: { baseline: 100, after: 50 },
      control: { baseline: 1000, after: 500 },
      ring: { baseline: 20, after: 30 },
      met: true,
    });
    expect(wdq).toMatchObject({ wdq: null, unavailable: 'no_zone_change' });
    expect(reading).toMatchObject({
      zone: 'fell',
      relative: 'same',
      pointsDifferentWays: false,
      wdq: 'not_applicable',
    });
    expect(reading.displacementWarning).toBe(false);
    expect(words('en', reading, '50.0%', '–').sentence).toBe(
      'crime fell 50.0% in the zone, as much as in its comparison area',
    );
  });

  it('an unchanged zone against a rising or falling comparison area points two ways', () => {
    const rising = readCrimeChange({
      met: false,
      zone: { baseline: 40, after: 40 },
      control: { baseline: 400, after: 500 },
      hasRing: false,
      wdq: null,
    });
    expect(rising).toEqual({
      zone: 'unchanged',
      relative: 'improved',
      pointsDifferentWays: true,
      wdq: null,
      displacementWarning: false,
    });
    expect(crimeReadingSentence(rising, 'en', { changeMagnitude: '0.0%', after: '40' })).toBe(
      'crime did not change in the zone but rose in its comparison area',
    );
    const falling = readCrimeChange({
      met: false,
      zone: { baseline: 40, after: 40 },
      control: { baseline: 500, after: 400 },
      hasRing: false,
      wdq: null,
    });
    expect(falling.relative).toBe('worsened');
    expect(crimeReadingSentence(falling, 'th', { changeMagnitude: '0.0%', after: '40' })).toBe(
      'คดีในพื้นที่ไม่เปลี่ยนแปลง แต่พื้นที่เปรียบเทียบลดลง',
    );
  });

  it('no baseline crime: the change is said in counts', () => {
    const reading = readCrimeChange({
      met: false,
      zone: { baseline: 0, after: 7 },
      control: { baseline: 300, after: 280 },
      hasRing: false,
      wdq: null,
    });
    expect(reading).toMatchObject({ zone: 'rose', relative: 'worsened' });
    expect(crimeReadingSentence(reading, 'en', { changeMagnitude: null, after: '7' })).toBe(
      'crime rose from 0 to 7 cases in the zone and did worse than in its comparison area',
    );
  });

  it('without comparison crime in both windows nothing relative is read', () => {
    expect(relativeDirection({ baseline: 10, after: 5 }, { baseline: 0, after: 30 })).toBeNull();
    expect(relativeDirection({ baseline: 10, after: 5 }, null)).toBeNull();
    const reading = readCrimeChange({
      met: true,
      zone: { baseline: 10, after: 5 },
      control: { baseline: 0, after: 30 },
      hasRing: true,
      wdq: null,
    });
    expect(reading).toEqual({
      zone: 'fell',
      relative: null,
      pointsDifferentWays: false,
      wdq: null,
      displacementWarning: false,
    });
    expect(crimeReadingSentence(reading, 'en', { changeMagnitude: '50.0%', after: '5' })).toBeNull();
    expect(wdqSentence(reading, 'en', '–')).toBeNull();
  });

  it('compares rate ratios exactly on the counts (no rounding onto "same")', () => {
    // RR_zone = 9999/10000, RR_control = 1: a relative effect of 0.9999 is an improvement.
    expect(relativeDirection({ baseline: 10_000, after: 9_999 }, { baseline: 77, after: 77 })).toBe('improved');
    expect(relativeDirection({ baseline: 3, after: 1 }, { baseline: 9, after: 3 })).toBe('same');
  });

  it('rollups: "k of n met, j of them with displacement" counts met zones with the warning only', () => {
    const base = { control: { baseline: 1000, after: 1000 }, zone: { baseline: 100, after: 60 } };
    const displaced = read({ ...base, ring: { baseline: 50, after: 70 }, met: true }).reading;
    const diffused = read({ ...base, ring: { baseline: 50, after: 40 }, met: true }).reading;
    const notMet = read({ ...base, ring: { baseline: 50, after: 70 }, met: false }).reading;
    expect(metWithDisplacement([displaced, diffused, notMet, null, displaced])).toBe(2);
    expect(rollupDisplacementText(2, 'en', '2')).toBe('2 of them with displacement');
    expect(rollupDisplacementText(2, 'th', '2')).toBe('ในจำนวนนี้ 2 พื้นที่มีอาชญากรรมย้ายไปรอบพื้นที่');
    expect(rollupDisplacementText(0, 'en', '0')).toBeNull();
  });
});
