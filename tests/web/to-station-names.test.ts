import { describe, expect, test } from 'vitest';
import { stationNames } from '../../web/features/imports/to-station-names.ts';
import { zoneSummary } from './fixtures.ts';

const zones = [
  zoneSummary({ id: 'Z-HDY-01', stationCode: 'ST-HAT-YAI', stationNameTh: 'สภ.หาดใหญ่', stationNameEn: 'Hat Yai' }),
  zoneSummary({ id: 'Z-HDY-02', stationCode: 'ST-HAT-YAI', stationNameTh: 'สภ.หาดใหญ่', stationNameEn: 'Hat Yai' }),
];

describe('import history stations by name', () => {
  test('names from the zone directory; a station without zones keeps its code', () => {
    expect(stationNames(['ST-HAT-YAI', 'ST-NEW'], zones, 'th')).toEqual([
      { code: 'ST-HAT-YAI', name: 'สภ.หาดใหญ่' },
      { code: 'ST-NEW', name: 'ST-NEW' },
    ]);
    expect(stationNames(['ST-HAT-YAI'], zones, 'en')).toEqual([{ code: 'ST-HAT-YAI', name: 'Hat Yai' }]);
  });
});
