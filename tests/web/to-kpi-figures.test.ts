import { describe, expect, test } from 'vitest';
import { crimeFigure, surveyFigure, toKpiFigures } from '../../web/features/kpi/to-kpi-figures.ts';
import { crimeKpi, en, kpiItem, surveyKpi, th } from './fixtures.ts';

describe('survey figures', () => {
  test('headline, target and the n it stands on', () => {
    const figure = surveyFigure('fear', surveyKpi(), th);
    expect(figure).toMatchObject({
      key: 'fear',
      status: 'met',
      headline: '37.5%',
      target: 'เป้าหมาย: ไม่เกิน 40%',
      basis: 'n\u00a0=\u00a0212',
      problem: null,
      meets: null,
    });
    expect(figure.details).toContain('ช่วงความเชื่อมั่น 95%: 31.2% ถึง 44.1%');
    expect(figure.details).toContain('ก่อนเริ่มโครงการ: 49.7% (เปลี่ยน \u221212.2 จุด)');
    expect(figure.details).toContain('รอบสำรวจ 2567-Q3 · 20 มิ.ย. 2567');
  });

  test('insufficient data says why, and still shows the estimate', () => {
    const figure = surveyFigure(
      'trust',
      surveyKpi({ status: 'insufficient', problem: 'below_minimum_sample', n: 12, nEff: 12 }),
      en,
    );
    expect(figure.headline).toBe('37.5%');
    expect(figure.problem).toBe('Fewer answers than the minimum');
    expect(figure.basis).toBe('n\u00a0=\u00a012');
  });

  test('weighted answers: effective n beside n, and the needed n is an effective one (QA n04)', () => {
    const figure = surveyFigure('fear', surveyKpi({ n: 351, nEff: 315.27, neededN: 322 }), th);
    expect(figure.basis).toBe('n\u00a0=\u00a0351 · n ที่มีผล (Kish) ≈ 315');
    expect(figure.details).toContain('ต้องการ n ที่มีผล ≈ 322 เพื่อความคลาดเคลื่อน ±5 จุด');
    expect(surveyFigure('fear', surveyKpi({ n: 351, nEff: 351 }), en).basis).toBe('n\u00a0=\u00a0351');
    expect(surveyFigure('fear', surveyKpi({ n: 351, nEff: 350.6 }), en).basis).toBe('n\u00a0=\u00a0351');
  });

  test('the baseline wave is named in Thai', () => {
    const figure = surveyFigure('fear', surveyKpi({ waves: ['baseline'], waveDate: '2021-02-21' }), th);
    expect(figure.details).toContain('รอบสำรวจ ก่อนเริ่มโครงการ (baseline) · 21 ก.พ. 2564');
  });

  test('no survey at all: said once, and no change in points without a figure', () => {
    const figure = surveyFigure(
      'fear',
      surveyKpi({
        value: null,
        ciLow: null,
        ciHigh: null,
        n: 0,
        respondents: 0,
        status: 'insufficient',
        problem: 'no_data',
      }),
      en,
    );
    expect(figure.headline).toBe('–');
    expect(figure.basis).toBe('No survey in this period');
    expect(figure.problem).toBeNull();
    expect(figure.details).toContain('Before start: 49.7%');
    expect(figure.details.join(' ')).not.toContain('change');
  });

  test('opt-in answers come apart, with their own n', () => {
    const optIn = {
      value: 52.8,
      ciLow: 49.6,
      ciHigh: 56.1,
      n: 899,
      respondents: 935,
      waves: ['2567-Q3'],
      label: 'opt_in_not_probability_sample' as const,
    };
    expect(surveyFigure('fear', surveyKpi({ optIn }), en).optIn).toEqual({
      headline: '52.8%',
      basis: 'n\u00a0=\u00a0899',
    });
  });
});

describe('crime figures', () => {
  test('change with the counts and months behind it', () => {
    const figure = crimeFigure(crimeKpi(), th);
    expect(figure.headline).toBe('\u221220.0%');
    expect(figure.basis).toBe('หลัง 18 เดือน: 120 คดี เทียบ 150');
    expect(figure.target).toBe('เป้าหมาย: ลดลง');
    expect(figure.details).toContain('หลัง: ม.ค. 2566 – มิ.ย. 2567 · ฐาน: ม.ค. 2565 – ธ.ค. 2565');
    expect(figure.details).toContain('อัตราส่วน 0.80 (95%: 0.63 ถึง 1.01)');
  });

  test('a significant interval never reads as if it included 1 (QA: "1.18 (95%: 1 – 1.39)")', () => {
    const figure = crimeFigure(crimeKpi({ rr: 1.18, rrLow: 1.0025, rrHigh: 1.39, significant: true }), en);
    expect(figure.details).toContain('Rate ratio 1.18 (95%: 1.003 to 1.39)');
    expect(figure.details).toContain(en.t('figure.significant'));
  });

  test('relative effect with fixed decimals', () => {
    const relative = {
      area: 'rest_of_station' as const,
      controlAfter: 632,
      controlBaseline: 590,
      effect: 0.9,
      low: 0.7,
      high: 0.9991,
      significant: true,
    };
    const text = crimeFigure(crimeKpi({ relative }), en).details.find((d) => d.includes('0.90'));
    expect(text).toContain('0.90 (95%: 0.70 to 0.999)');
  });

  test('a zero baseline gives no percentage, never infinity', () => {
    const figure = crimeFigure(
      crimeKpi({
        baseline: 0,
        changePct: null,
        rr: null,
        rrLow: null,
        rrHigh: null,
        status: 'not_met',
        problem: 'no_baseline_crime',
      }),
      en,
    );
    expect(figure.headline).toBe('–');
    expect(figure.problem).toBe('No baseline crime (no percentage)');
  });

  test('an incomplete window is not judged and says so', () => {
    const figure = crimeFigure(
      crimeKpi({ status: 'insufficient', problem: 'incomplete_baseline', changePct: null }),
      en,
    );
    expect(figure.problem).toBe('Baseline months incomplete: not judged');
  });

  test('a target below zero is stated as a fall of at least that much', () => {
    expect(crimeFigure(crimeKpi({ target: -10 }), en).target).toBe('Target: a fall of at least 10%');
  });

  test('an unbounded rate-ratio interval reads as infinity', () => {
    expect(crimeFigure(crimeKpi({ rrHigh: null }), en).details).toContain('Rate ratio 0.80 (95%: 0.63 to ∞)');
  });

  test('the WDQ is read with a true minus where the zone improved against its comparison area', () => {
    const improved = {
      zone: 'fell',
      relative: 'improved',
      pointsDifferentWays: false,
      wdq: 'displacement',
      displacementWarning: true,
    } as const;
    const figure = crimeFigure(crimeKpi({ wdq: { value: -0.066, reading: 'displacement' }, reading: improved }), en);
    expect(figure.details).toContain(
      'Weighted displacement quotient \u22120.07: displacement (crime moved into the ring around the zone)',
    );
    expect(figure.details[0]).toBe('Crime fell 20.0% in the zone and did better than in its comparison area');
    // Met with displacement: the status stands, the warning goes beside it and into the method.
    expect(figure.status).toBe('met');
    expect(figure.warning).toBe('Met, but crime moved into the ring around the zone (displacement, WDQ \u22120.07)');
    const tiny = crimeFigure(
      crimeKpi({
        wdq: { value: 0.0021, reading: 'diffusion_of_benefits' },
        reading: { ...improved, wdq: 'diffusion_of_benefits', displacementWarning: false },
      }),
      en,
    );
    expect(tiny.details.find((d) => d.startsWith('Weighted'))).toContain('+0.002');
    expect(tiny.warning).toBeNull();
  });

  test('a zone that rose less than its comparison area: one sentence, no warning', () => {
    const figure = crimeFigure(
      crimeKpi({
        changePct: 3.7,
        status: 'not_met',
        wdq: { value: 0.06, reading: 'diffusion_of_benefits' },
        reading: {
          zone: 'rose',
          relative: 'improved',
          pointsDifferentWays: true,
          wdq: 'diffusion_of_benefits',
          displacementWarning: false,
        },
      }),
      th,
    );
    expect(figure.details[0]).toBe('คดีในพื้นที่เพิ่มขึ้น 3.7% แต่เพิ่มขึ้นน้อยกว่าพื้นที่เปรียบเทียบ');
    expect(figure.warning).toBeNull();
  });

  test('a zone worse than its comparison area: the WDQ is "not applicable", never a reading word', () => {
    const figure = crimeFigure(
      crimeKpi({
        wdq: { value: 1.13, reading: 'not_applicable' },
        reading: {
          zone: 'fell',
          relative: 'worsened',
          pointsDifferentWays: true,
          wdq: 'not_applicable',
          displacementWarning: false,
        },
      }),
      en,
    );
    expect(figure.details[0]).toBe('Crime fell 20.0% in the zone but less than in its comparison area');
    expect(figure.details).toContain('WDQ: not applicable: the zone did not improve relative to its comparison area');
    expect(figure.details.join(' ')).not.toMatch(/diffusion|displacement/i);
    expect(figure.warning).toBeNull();
  });
});

describe('toKpiFigures', () => {
  test('a zone: three figures, no "k of n"', () => {
    const figures = toKpiFigures(kpiItem(), en);
    expect(figures.map((f) => f.key)).toEqual(['fear', 'trust', 'crime']);
    expect(figures.every((f) => f.meets === null)).toBe(true);
    expect(figures.every((f) => !f.pooled)).toBe(true);
  });

  test('a rollup says how many zones meet each target and pools crime by zones, not months', () => {
    const item = kpiItem({
      level: 'bureau',
      zoneCount: 5,
      crime: crimeKpi({ months: 90, zonesPooled: 4, zonesExcluded: 1 }),
      meets: { fear: { k: 3, n: 5 }, trust: { k: 4, n: 5 }, crime: { k: 2, n: 5, withDisplacement: 1 } },
    });
    const [fear, , crime] = toKpiFigures(item, th);
    expect(fear?.meets).toBe('3 จาก 5 พื้นที่ผ่าน');
    expect(fear?.warning).toBeNull();
    expect(crime?.meets).toBe('2 จาก 5 พื้นที่ผ่าน');
    expect(crime?.warning).toBe('ในจำนวนนี้ 1 พื้นที่มีอาชญากรรมย้ายไปรอบพื้นที่');
    expect(toKpiFigures(item, en)[2]?.warning).toBe('1 of them with displacement');
    expect(crime?.basis).toBe('หลังเริ่ม (รวม 4 พื้นที่): 120 คดี เทียบ 150');
    expect(crime?.details).toContain('ไม่รวม 1 พื้นที่ที่ข้อมูลไม่ครบ');
    expect(crime?.pooled).toBe(true);
    const [enFear, , enCrime] = toKpiFigures(
      kpiItem({
        level: 'station',
        crime: crimeKpi({ zonesPooled: 1 }),
        meets: { ...item.meets, fear: { k: 1, n: 1 } },
      }),
      en,
    );
    expect(enFear?.meets).toBe('1 of 1 zone meets');
    expect(enCrime?.basis).toBe('After start (1 zone pooled): 120 cases vs 150');
  });
});
