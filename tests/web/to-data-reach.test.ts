import { describe, expect, test } from 'vitest';
import { beyondDataText, dataUpToText, periodBeyondData } from '../../web/features/period/to-data-reach.ts';
import { en, th } from './fixtures.ts';

const dates = { crimeMonth: '2024-06', surveyDate: '2024-06-20' };

describe('how far the data reaches', () => {
  test('data up to: the last crime month and the latest wave, BE in Thai, CE in English', () => {
    expect(dataUpToText(dates, 'th', th.t)).toBe('ข้อมูลคดีถึง มิถุนายน 2567 · ผลสำรวจล่าสุด 20 มิถุนายน 2567');
    expect(dataUpToText(dates, 'en', en.t)).toBe('Crime data up to June 2024 · latest survey 20 June 2024');
    expect(dataUpToText({ crimeMonth: null, surveyDate: null }, 'en', en.t)).toBe(
      'Crime data up to none yet · latest survey none yet',
    );
  });

  test('a period is beyond the data only when it starts after both the crime data and the latest wave', () => {
    expect(periodBeyondData({ from: '2025-12', to: '2026-11' }, dates)).toBe(true);
    expect(periodBeyondData({ from: '2024-06', to: '2025-05' }, dates)).toBe(false); // the last month is in it
    expect(periodBeyondData({ from: '2024-07', to: '2025-06' }, { ...dates, surveyDate: '2024-08-01' })).toBe(false);
    expect(periodBeyondData({ from: null, to: null }, dates)).toBe(false); // since the start
    expect(periodBeyondData({ from: '2020-01', to: '2020-12' }, { crimeMonth: null, surveyDate: null })).toBe(true);
  });

  test('said once, in words, with the period and how far the data goes', () => {
    expect(beyondDataText({ from: '2025-12', to: '2026-11' }, dates, 'en', en.t)).toBe(
      'The data does not reach Dec 2025 – Nov 2026 yet, so there are no figures for it (Crime data up to June 2024 · latest survey 20 June 2024)',
    );
    expect(beyondDataText({ from: '2025-12', to: '2026-11' }, dates, 'th', th.t)).toContain('ธ.ค. 2568 – พ.ย. 2569');
  });
});
