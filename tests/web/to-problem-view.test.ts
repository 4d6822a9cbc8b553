import { describe, expect, it } from 'vitest';
import type { Problem } from '../../web/api/types.ts';
import {
  figureCells,
  levelsAbove,
  openAndEscalated,
  openProblemPoints,
  problemRow,
} from '../../web/features/problems/to-problem-view.ts';
import { problemExportHref } from '../../web/features/problems/problem-export-href.ts';

const base: Problem = {
  id: 1,
  category: 'dark_spots',
  categoryNameTh: 'จุดมืด จุดเสี่ยง',
  categoryNameEn: 'Dark spots',
  raisedOn: '2024-01-15',
  stationCode: 'ST-A',
  stationNameTh: 'สภ.ก',
  stationNameEn: 'Station A',
  divisionCode: 'DV-A',
  bureauCode: 'BU-A',
  zoneId: 'ZN-A',
  zoneNameTh: 'ตลาด ก',
  zoneNameEn: 'Market A',
  point: [100.4, 7.0],
  description: 'ไม่มีไฟ',
  raisedBy: 'เครือข่าย',
  level: 'station',
  status: 'open',
  escalated: false,
  resolvedOn: null,
  resolutionNote: null,
  ageDays: 40,
  history: [{ on: '2024-01-15', level: 'station', status: 'open', note: null, by: 'x' }],
  editable: true,
};
const p = (over: Partial<Problem>): Problem => ({ ...base, ...over });

describe('problems as the panels show them', () => {
  it('a row in Thai with a BE date and the latest note, in English with CE', () => {
    const escalated = p({
      level: 'division',
      escalated: true,
      history: [...base.history, { on: '2024-02-01', level: 'division', status: 'open', note: 'ส่งต่อ', by: 'x' }],
    });
    expect(problemRow(escalated, 'th')).toMatchObject({
      raisedOn: '15 ม.ค. 2567',
      category: 'จุดมืด จุดเสี่ยง',
      place: 'ตลาด ก',
      level: 'ระดับกองบังคับการ',
      status: 'รอดำเนินการ',
      lastNote: '1 ก.พ. 2567: ส่งต่อ',
      open: true,
      escalated: true,
    });
    expect(problemRow(p({ zoneId: null, zoneNameTh: null, zoneNameEn: null }), 'en')).toMatchObject({
      raisedOn: '15 Jan 2024',
      place: 'Station A',
      lastNote: '–',
    });
  });

  it('the meeting goes through open and escalated problems, the highest level and the oldest first', () => {
    const items = [
      p({ id: 1, ageDays: 10 }),
      p({ id: 2, ageDays: 90 }),
      p({ id: 3, status: 'solved', ageDays: 5 }),
      p({ id: 4, status: 'solved', level: 'bureau', escalated: true, ageDays: 20 }),
      p({ id: 5, level: 'division', escalated: true, ageDays: 3 }),
    ];
    expect(openAndEscalated(items).map((x) => x.id)).toEqual([4, 5, 2, 1]);
  });

  it('only open problems with a point go on the map', () => {
    const points = openProblemPoints([p({ id: 1 }), p({ id: 2, point: null }), p({ id: 3, status: 'solved' })], 'th');
    expect(points.features.map((f) => f.properties.id)).toEqual([1]);
    expect(points.features[0]?.geometry.coordinates).toEqual([100.4, 7.0]);
  });

  it('figures with their words; a missing median is a dash', () => {
    const cells = figureCells(
      {
        raised: 3,
        solved: 0,
        open: 3,
        closedWithoutAction: 0,
        medianDaysToSolve: null,
        openOver30: 1,
        openOver90: 0,
        escalated: 1,
      },
      'th',
    );
    expect(cells.map((c) => c.value)).toEqual(['3', '0', '3', '–', '1', '0', '1']);
    expect(cells[6]?.label).toBe('ส่งต่อเกินระดับสถานี');
  });

  it('levels above, and the export address', () => {
    expect(levelsAbove('division')).toEqual(['province', 'bureau', 'national']);
    expect(problemExportHref('xlsx', { unit: 'PPC-TH-90', from: '2023-10', to: '2024-09' })).toBe(
      '/api/exports/problems.xlsx?unit=PPC-TH-90&from=2023-10&to=2024-09',
    );
  });
});
