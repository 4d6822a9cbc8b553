import { expect, test } from 'vitest';
import type { ZoneSurvey } from '../../web/api/types.ts';
import { axisFontSize } from '../../web/features/zone/chart-font.ts';
import { toSurveyChart, waveAxis, waveTickLabel } from '../../web/features/zone/to-survey-chart.ts';
import { waveFigure } from './fixtures.ts';

type Wave = ZoneSurvey['waves'][number];
const wave = (name: string, date: string, sampleType: Wave['sampleType'], fear: Wave['fear']): Wave => ({
  wave: name,
  waveDate: date,
  sampleType,
  beforeStart: date < '2021-04-01',
  fear,
  trust: null,
});

const survey: ZoneSurvey = {
  zoneId: 'Z-1',
  startDate: '2021-04-01',
  waves: [
    wave('2564-Q3', '2021-06-20', 'probability', waveFigure(49.2, 42.2, 56.3, 189)),
    wave('baseline', '2021-02-21', 'probability', waveFigure(57, 49.5, 64.1, 172)),
    wave('web-2564', '2021-06-30', 'opt_in', waveFigure(60, 55, 65, 900)),
    wave('empty', '2021-09-20', 'probability', waveFigure(null, null, null, 0)),
  ],
};

test('probability waves in date order with their interval; opt-in apart', () => {
  const chart = toSurveyChart(survey, 'fear');
  expect(chart.points.map((p) => p.wave)).toEqual(['baseline', '2564-Q3', 'empty']);
  expect(chart.points[0]).toMatchObject({ beforeStart: true, value: 57, range: [49.5, 64.1], n: 172 });
  expect(chart.points[2]?.range).toBeNull();
  expect(chart.optIn.map((p) => p.wave)).toEqual(['web-2564']);
  expect(chart.target).toBe(40);
});

test('an item no wave asked is empty', () => {
  expect(toSurveyChart(survey, 'trust')).toEqual({ points: [], optIn: [], target: null, used: null });
});

test('the waves the selected period’s KPI uses are marked (probability waves only)', () => {
  const chart = toSurveyChart(
    {
      ...survey,
      waves: [...survey.waves, wave('2564-Q3', '2021-06-21', 'opt_in', waveFigure(50, 45, 55, 300))],
    },
    'fear',
    ['2564-Q3'],
  );
  expect(chart.points.filter((p) => p.used).map((p) => p.wave)).toEqual(['2564-Q3']);
  expect(chart.used).toEqual({ from: '2564-Q3', to: '2564-Q3' });
  expect(chart.optIn.some((p) => p.used)).toBe(false);
  expect(toSurveyChart(survey, 'fear', ['not-on-axis']).used).toBeNull();
});

test('wave ticks: baseline in Thai, "before start" on other early waves', () => {
  expect(waveTickLabel({ wave: 'baseline', beforeStart: true }, 'th', 'ก่อนเริ่ม')).toBe('ก่อนเริ่ม');
  expect(waveTickLabel({ wave: 'baseline', beforeStart: true }, 'en', 'before start')).toBe('baseline');
  expect(waveTickLabel({ wave: '2564-Q1', beforeStart: true }, 'en', 'before start')).toBe('2021-Q1 (before start)');
  expect(waveTickLabel({ wave: '2564-Q3', beforeStart: false }, 'th', 'ก่อนเริ่ม')).toBe('2564-Q3');
});

test('every wave is labelled up to 16; slanted when the labels do not fit side by side', () => {
  const nine = Array.from({ length: 9 }, (_, i) => `256${i}-Q1`);
  expect(waveAxis(nine, 1200, 16)).toMatchObject({ interval: 0, angle: 0, textAnchor: 'middle' });
  const tight = waveAxis(nine, 450, 16);
  expect(tight).toMatchObject({ interval: 0, textAnchor: 'end' });
  expect(tight.angle).toBeLessThan(0);
  expect(tight.height).toBeGreaterThan(waveAxis(nine, 1200, 16).height);
  // A phone: slots too narrow even for slanted labels, so they stand upright (no overlap).
  const phone = waveAxis(nine, 180, 16);
  expect(phone).toMatchObject({ interval: 0, angle: -90, textAnchor: 'end' });
  expect(phone.height).toBeGreaterThan(tight.height);
  expect(
    waveAxis(
      Array.from({ length: 17 }, (_, i) => `w${i}`),
      450,
      16,
    ).interval,
  ).toBe('preserveStartEnd');
});

test('axis text scales with the root font, never below 14 px', () => {
  expect(axisFontSize(20)).toBe(16);
  expect(axisFontSize(18)).toBe(14);
  expect(axisFontSize(16)).toBe(14);
  expect(axisFontSize(Number.NaN)).toBe(14);
});
