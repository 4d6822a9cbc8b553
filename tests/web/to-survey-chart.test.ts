import { expect, test } from 'vitest';
import type { ZoneSurvey } from '../../web/api/types.ts';
import { toSurveyChart } from '../../web/features/zone/to-survey-chart.ts';
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
  expect(toSurveyChart(survey, 'trust')).toEqual({ points: [], optIn: [], target: null });
});
