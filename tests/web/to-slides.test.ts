import { describe, expect, test } from 'vitest';
import {
  clampSlide,
  dataDates,
  movedSlide,
  SUMMARY_ROWS,
  slideMove,
  toSlides,
  waveChange,
} from '../../web/features/present/to-slides.ts';
import { reportHref } from '../../web/features/present/report-href.ts';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('toSlides', () => {
  test('title, one slide per zone, the summary in pages of SUMMARY_ROWS, then the community problems', () => {
    const ids = Array.from({ length: SUMMARY_ROWS * 2 + 1 }, (_, i) => `Z-${i + 1}`);
    const slides = toSlides(ids);
    expect(slides[0]).toEqual({ kind: 'title' });
    expect(slides[1]).toEqual({ kind: 'zone', zoneId: 'Z-1', index: 1 });
    expect(slides[ids.length]).toEqual({ kind: 'zone', zoneId: ids.at(-1), index: ids.length });
    expect(slides.at(-1)).toEqual({ kind: 'problems' });
    const summary = slides.slice(ids.length + 1, -1);
    expect(summary.map((s) => (s.kind === 'summary' ? [s.page, s.pages, s.zoneIds.length] : null))).toEqual([
      [1, 3, SUMMARY_ROWS],
      [2, 3, SUMMARY_ROWS],
      [3, 3, 1],
    ]);
    expect(summary.flatMap((s) => (s.kind === 'summary' ? s.zoneIds : []))).toEqual(ids);
  });

  test('no zones: the title slide and the problems', () => {
    expect(toSlides([])).toEqual([{ kind: 'title' }, { kind: 'problems' }]);
  });
});

describe('moving through the slides', () => {
  test('clicker and keyboard keys', () => {
    expect(['ArrowRight', 'ArrowDown', 'PageDown'].map((k) => slideMove(key(k)))).toEqual(['next', 'next', 'next']);
    expect(['ArrowLeft', 'ArrowUp', 'PageUp'].map((k) => slideMove(key(k)))).toEqual([
      'previous',
      'previous',
      'previous',
    ]);
    expect(slideMove(key('Home'))).toBe('first');
    expect(slideMove(key('End'))).toBe('last');
    expect(slideMove(key('Escape'))).toBe('leave');
    expect(slideMove(key('a'))).toBeNull();
    // Alt+Left is the browser's Back; Ctrl+End is not ours either.
    expect(slideMove(key('ArrowLeft', { altKey: true }))).toBeNull();
    expect(slideMove(key('End', { ctrlKey: true }))).toBeNull();
  });

  test('moves stop at both ends; a slide past the end is the last', () => {
    expect(movedSlide(1, 'previous', 5)).toBe(1);
    expect(movedSlide(5, 'next', 5)).toBe(5);
    expect(movedSlide(2, 'next', 5)).toBe(3);
    expect(movedSlide(3, 'first', 5)).toBe(1);
    expect(movedSlide(1, 'last', 5)).toBe(5);
    expect(clampSlide(40, 5)).toBe(5);
    expect(clampSlide(null, 5)).toBe(1);
    expect(clampSlide(3, 0)).toBe(1);
  });
});

type Waves = Parameters<typeof waveChange>[0]['waves'];
const wave = (name: string, date: string, fear: number | null, n: number, status: string, sampleType = 'probability') =>
  ({
    wave: name,
    waveDate: date,
    sampleType,
    beforeStart: false,
    fear: fear === null ? null : { value: fear, n, status },
    trust: null,
  }) as unknown as Waves[number];

describe('waveChange', () => {
  const waves = [
    wave('2567-Q2', '2024-05-15', 44, 300, 'not_met'),
    wave('2567-Q4', '2024-11-15', 38.5, 320, 'met'),
    wave('2567-Q3', '2024-08-15', 41, 310, 'not_met'),
    wave('online', '2024-12-01', 10, 900, 'met', 'opt_in'),
  ];

  test('the latest probability wave against the one before it, opt-in never compared', () => {
    expect(waveChange({ waves }, 'fear')).toEqual({
      wave: '2567-Q4',
      previousWave: '2567-Q3',
      value: 38.5,
      previousValue: 41,
      points: -2.5,
      n: 320,
      previousN: 310,
      status: 'met',
      previousStatus: 'not_met',
    });
  });

  test("the period's KPI wave against its predecessor", () => {
    expect(waveChange({ waves }, 'fear', ['2567-Q3'])).toMatchObject({
      wave: '2567-Q3',
      previousWave: '2567-Q2',
      points: -3,
    });
  });

  test('no earlier wave, or no figure: nothing to compare', () => {
    expect(waveChange({ waves: [waves[0] as Waves[number]] }, 'fear')).toBeNull();
    expect(waveChange({ waves }, 'trust')).toBeNull();
  });
});

describe('dataDates', () => {
  test('the latest crime month and survey date any figure stands on', () => {
    const item = (afterTo: string | null, fear: string | null, trust: string | null) => ({
      crime: { afterTo },
      fear: { waveDate: fear },
      trust: { waveDate: trust },
    });
    const items = [item('2024-05', '2024-05-15', null), item('2024-06', null, '2024-02-01'), item(null, null, null)];
    expect(dataDates(items as unknown as Parameters<typeof dataDates>[0])).toEqual({
      crimeMonth: '2024-06',
      surveyDate: '2024-05-15',
    });
  });
});

describe('reportHref', () => {
  test('the fixed report addresses with period and language', () => {
    const q = { from: '2023-10', to: '2024-09', lang: 'th' as const };
    expect(reportHref({ kind: 'pack', code: 'ST-HAT-YAI' }, q)).toBe(
      '/api/reports/units/ST-HAT-YAI/pack.pdf?from=2023-10&to=2024-09&lang=th',
    );
    expect(reportHref({ kind: 'unit', code: 'national' }, { from: null, to: null, lang: 'en' })).toBe(
      '/api/reports/units/national.pdf?lang=en',
    );
    expect(reportHref({ kind: 'zone', zoneId: 'Z/1' }, q)).toBe(
      '/api/reports/zones/Z%2F1.pdf?from=2023-10&to=2024-09&lang=th',
    );
  });
});

describe('chartCsvHref', () => {
  test("a zone chart's CSV address with the period on screen and the language", async () => {
    const { chartCsvHref } = await import('../../web/features/zone/chart-csv-href.ts');
    expect(chartCsvHref('Z-HDY-01', 'crime', { from: '2023-10', to: '2024-09', lang: 'th' })).toBe(
      '/api/exports/zones/Z-HDY-01/crime.csv?from=2023-10&to=2024-09&lang=th',
    );
    expect(chartCsvHref('Z/1', 'trust', { from: null, to: null, lang: 'en' })).toBe(
      '/api/exports/zones/Z%2F1/survey.csv?item=trust&lang=en',
    );
  });
});
