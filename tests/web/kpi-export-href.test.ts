import { expect, test } from 'vitest';
import { kpiExportHref } from '../../web/features/overview/kpi-export-href.ts';

test('export links carry the table level and the period on screen, as /api/kpis takes them', () => {
  expect(kpiExportHref('xlsx', { level: 'zone', from: null, to: null })).toBe('/api/exports/kpis.xlsx?level=zone');
  expect(kpiExportHref('csv', { level: 'bureau', from: '2023-10', to: '2024-09' })).toBe(
    '/api/exports/kpis.csv?level=bureau&from=2023-10&to=2024-09',
  );
  expect(kpiExportHref('csv', { level: 'station', from: '2023-10', to: null, unit: 'ST-HAT-YAI' })).toBe(
    '/api/exports/kpis.csv?level=station&unit=ST-HAT-YAI',
  );
});
