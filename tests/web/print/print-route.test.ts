import { describe, expect, it } from 'vitest';
import { isPrintPath, parsePrintRoute, printHref, reportPdfHref } from '../../../web/features/print/print-route.ts';

describe('print view addresses', () => {
  it('reads the three kinds, the period and the language', () => {
    expect(parsePrintRoute('/print/zones/Z-HDY-01', '?from=2024-01&to=2024-06&lang=en')).toEqual({
      kind: 'zone',
      id: 'Z-HDY-01',
      from: '2024-01',
      to: '2024-06',
      lang: 'en',
    });
    expect(parsePrintRoute('/print/units/ST-HAT-YAI', '')?.kind).toBe('unit');
    expect(parsePrintRoute('/print/units/national/pack', '?lang=th')).toMatchObject({
      kind: 'pack',
      id: 'national',
      lang: 'th',
    });
    // A period needs both ends in order; a bad language is no language.
    expect(parsePrintRoute('/print/units/X', '?from=2024-06&to=2024-01&lang=fr')).toMatchObject({
      from: null,
      to: null,
      lang: null,
    });
    expect(parsePrintRoute('/print/zones/%E0%B8', '')).toBeNull();
    expect(parsePrintRoute('/print/other/X', '')).toBeNull();
    expect(isPrintPath('/print/zones/X')).toBe(true);
    expect(isPrintPath('/printer')).toBe(false);
  });

  it('links the printable page and the API PDF with the same parameters', () => {
    const route = { kind: 'pack', id: 'ST-HAT-YAI', from: '2024-01', to: '2024-06', lang: 'th' } as const;
    expect(printHref(route)).toBe('/print/units/ST-HAT-YAI/pack?from=2024-01&to=2024-06&lang=th');
    expect(reportPdfHref(route)).toBe('/api/reports/units/ST-HAT-YAI/pack.pdf?from=2024-01&to=2024-06&lang=th');
    expect(reportPdfHref({ ...route, kind: 'zone', id: 'Z 1', from: null, to: null, lang: null })).toBe(
      '/api/reports/zones/Z%201.pdf',
    );
    expect(reportPdfHref({ ...route, kind: 'unit', lang: null, from: null, to: null })).toBe(
      '/api/reports/units/ST-HAT-YAI.pdf',
    );
  });
});
