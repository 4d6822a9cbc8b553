import { describe, expect, test } from 'vitest';
import type { SurveyBurst } from '../../web/api/types.ts';
import { hourLabel, toBurstRows } from '../../web/features/moderation/to-burst-rows.ts';

const burst = (over: Partial<SurveyBurst>): SurveyBurst => ({
  zoneId: 'Z-HDY-01',
  zoneNameTh: 'ย่านตลาดกิมหยง',
  zoneNameEn: 'Kim Yong market',
  stationCode: 'ST-HAT-YAI',
  hour: '2026-12-07 23:00',
  answers: 12,
  inFigures: 0,
  held: 10,
  voided: 0,
  holdReasons: ['address_burst'],
  voids: [],
  ...over,
});

describe('moderation rows', () => {
  test('the Bangkok hour in BE for Thai, CE for English', () => {
    expect(hourLabel('2026-12-07 23:00', 'th')).toBe('7 ธ.ค. 2569 23:00 น.');
    expect(hourLabel('2026-12-07 09:00', 'en')).toBe('7 Dec 2026 09:00');
  });

  test('a held hour may be voided or released; a wholly voided one only stays listed', () => {
    const [held, voided] = toBurstRows(
      [
        burst({}),
        burst({
          hour: '2026-12-07 22:00',
          answers: 25,
          held: 0,
          voided: 25,
          holdReasons: [],
          voids: [{ by: 'demo-analyst', reason: 'สคริปต์', at: '2026-12-07T16:30:00Z' }],
        }),
      ],
      'th',
    );
    expect(held).toMatchObject({
      zoneName: 'ย่านตลาดกิมหยง',
      holdKeys: ['moderation.hold.address_burst'],
      canVoid: true,
      canRelease: true,
    });
    expect(voided).toMatchObject({
      voids: [{ by: 'demo-analyst', reason: 'สคริปต์' }],
      canVoid: false,
      canRelease: false,
    });
    expect(toBurstRows([burst({})], 'en')[0]?.zoneName).toBe('Kim Yong market');
  });
});
