import { describe, expect, test } from 'vitest';
import { matchPreset, periodPresets, presetLabel } from '../../web/features/period/period-presets.ts';

const today = new Date('2024-07-15T03:00:00Z');
const labels = { sinceStart: 'ตั้งแต่เริ่ม', last12: '12 เดือนล่าสุด' };

describe('period presets', () => {
  const presets = periodPresets(today);

  test('since the start first, then the last 12 complete months, fiscal years, calendar years', () => {
    expect(presets[0]).toMatchObject({ id: 'since_start', from: null, to: null });
    expect(presets[1]).toMatchObject({ id: 'last12', from: '2023-07', to: '2024-06' });
    expect(presets.filter((p) => p.kind === 'fiscal').map((p) => p.id)).toEqual([
      'fy2567',
      'fy2566',
      'fy2565',
      'fy2564',
    ]);
    expect(presets.filter((p) => p.kind === 'calendar').map((p) => p.id)).toEqual([
      'cy2024',
      'cy2023',
      'cy2022',
      'cy2021',
    ]);
  });

  test('labels are BE in Thai, CE in English', () => {
    const fy = presets.find((p) => p.id === 'fy2567');
    if (!fy) throw new Error('no fy2567');
    expect(presetLabel(fy, 'th', labels)).toBe('ปีงบประมาณ 2567 (ต.ค. 2566 – ก.ย. 2567)');
    expect(presetLabel(fy, 'en', labels)).toBe('Fiscal year 2024 (Oct 2023 – Sep 2024)');
  });

  test('a URL period finds its preset; anything else is custom', () => {
    expect(matchPreset(presets, null, null)?.id).toBe('since_start');
    expect(matchPreset(presets, '2022-10', '2023-09')?.id).toBe('fy2566');
    expect(matchPreset(presets, '2023-01', '2023-12')?.id).toBe('cy2023');
    expect(matchPreset(presets, '2023-07', '2024-06')?.id).toBe('last12');
    expect(matchPreset(presets, '2023-02', '2023-05')).toBeNull();
  });

  test('on 1 October the new fiscal year is offered', () => {
    const october = periodPresets(new Date('2024-09-30T18:00:00Z')); // 1 Oct 01:00 in Bangkok
    expect(october.find((p) => p.kind === 'fiscal')?.id).toBe('fy2568');
  });
});
