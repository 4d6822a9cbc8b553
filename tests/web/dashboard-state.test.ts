import { describe, expect, test } from 'vitest';
import {
  DEFAULT_STATE,
  effectiveLang,
  parseDashboardState,
  serializeDashboardState,
  updateDashboardState,
} from '../../web/state/dashboard-state.ts';

describe('parseDashboardState', () => {
  test('the root is the overview with defaults', () => {
    expect(parseDashboardState('/', '')).toEqual(DEFAULT_STATE);
  });

  test('reads a zone page with its period, level and language', () => {
    expect(parseDashboardState('/zones/Z-HKW-01', '?from=2023-10&to=2024-09&level=division&lang=en')).toEqual({
      view: 'zone',
      zoneId: 'Z-HKW-01',
      level: 'division',
      unit: null,
      slide: null,
      from: '2023-10',
      to: '2024-09',
      lang: 'en',
    });
  });

  test('decodes escaped zone ids and tolerates a trailing slash', () => {
    expect(parseDashboardState('/zones/Z%2F%E0%B8%81/', '').zoneId).toBe('Z/ก');
  });

  test('a malformed escape or unknown path falls back to the overview', () => {
    expect(parseDashboardState('/zones/%E0%A4%A', '').view).toBe('overview');
    expect(parseDashboardState('/nowhere', '').view).toBe('overview');
  });

  test('a period needs both ends, valid months, in order', () => {
    const none = { from: null, to: null };
    expect(parseDashboardState('/', '?from=2023-10')).toMatchObject(none);
    expect(parseDashboardState('/', '?from=2023-13&to=2024-01')).toMatchObject(none);
    expect(parseDashboardState('/', '?from=2024-09&to=2023-10')).toMatchObject(none);
    expect(parseDashboardState('/', '?from=2024-01&to=2024-01')).toMatchObject({ from: '2024-01', to: '2024-01' });
  });

  test('unknown levels and languages are ignored', () => {
    expect(parseDashboardState('/', '?level=galaxy&lang=fr')).toMatchObject({ level: 'bureau', lang: null });
  });
});

describe('serializeDashboardState', () => {
  test('defaults are left out', () => {
    expect(serializeDashboardState(DEFAULT_STATE)).toBe('/');
  });

  test('round-trips through the parser', () => {
    const state = {
      view: 'zone' as const,
      zoneId: 'Z/ก 1',
      level: 'station' as const,
      unit: null,
      slide: null,
      from: '2021-10',
      to: '2022-09',
      lang: 'th' as const,
    };
    const url = new URL(serializeDashboardState(state), 'http://x');
    expect(parseDashboardState(url.pathname, url.search)).toEqual(state);
  });
});

describe('the meeting mode (/present)', () => {
  test('reads the unit and the slide; no slide or a bad one is the first', () => {
    expect(parseDashboardState('/present', '?unit=ST-HAT-YAI&slide=3&lang=en')).toMatchObject({
      view: 'present',
      unit: 'ST-HAT-YAI',
      slide: 3,
      lang: 'en',
    });
    expect(parseDashboardState('/present/', '').slide).toBe(1);
    for (const bad of ['0', '-2', '2.5', 'x', '99999'])
      expect(parseDashboardState('/present', `?slide=${bad}`).slide).toBe(1);
    // Other views carry no slide.
    expect(parseDashboardState('/', '?slide=3').slide).toBeNull();
  });

  test('always writes the slide, and round-trips', () => {
    const state = parseDashboardState('/present', '?unit=PPR9&from=2023-10&to=2024-09&slide=12');
    const url = serializeDashboardState(state);
    expect(url).toBe('/present?unit=PPR9&slide=12&from=2023-10&to=2024-09');
    expect(serializeDashboardState(parseDashboardState('/present', ''))).toBe('/present?slide=1');
    const parsed = new URL(url, 'http://x');
    expect(parseDashboardState(parsed.pathname, parsed.search)).toEqual(state);
  });

  test('leaving the meeting for the unit page keeps unit, period and language and drops the slide', () => {
    const meeting = parseDashboardState('/present', '?unit=PPR9&slide=4&from=2023-10&to=2024-09&lang=en');
    expect(serializeDashboardState(updateDashboardState(meeting, { view: 'overview' }))).toBe(
      '/?unit=PPR9&from=2023-10&to=2024-09&lang=en',
    );
    expect(updateDashboardState(meeting, { slide: 5 }).slide).toBe(5);
  });
});

describe('updateDashboardState', () => {
  test('going to the overview clears the zone and keeps the rest', () => {
    const zone = parseDashboardState('/zones/Z-1', '?from=2023-10&to=2024-09&lang=en');
    expect(updateDashboardState(zone, { view: 'overview' })).toEqual({
      ...zone,
      view: 'overview',
      zoneId: null,
    });
  });

  test('a zone view without an id is the overview', () => {
    expect(updateDashboardState(DEFAULT_STATE, { view: 'zone' }).view).toBe('overview');
  });

  test('clearing the period clears both ends', () => {
    const withPeriod = parseDashboardState('/', '?from=2023-10&to=2024-09');
    expect(updateDashboardState(withPeriod, { from: null, to: null })).toMatchObject({ from: null, to: null });
  });
});

describe('a unit of the hierarchy (?unit=)', () => {
  test('a bureau, division or station code opens that unit; the country has none', () => {
    expect(parseDashboardState('/', '?unit=PPR9').unit).toBe('PPR9');
    expect(parseDashboardState('/', '?unit=PPC-TH-90&from=2023-10&to=2024-09').unit).toBe('PPC-TH-90');
    expect(parseDashboardState('/', '?unit=national').unit).toBeNull();
    expect(parseDashboardState('/', '').unit).toBeNull();
  });

  test('rejects what cannot be a code, and only the overview has a unit', () => {
    expect(parseDashboardState('/', '?unit=%3Cscript%3E').unit).toBeNull();
    expect(parseDashboardState('/', `?unit=${'A'.repeat(101)}`).unit).toBeNull();
    expect(parseDashboardState('/zones/Z-1', '?unit=PPR9').unit).toBeNull();
    expect(parseDashboardState('/admin', '?unit=PPR9').unit).toBeNull();
  });

  test('round-trips through the URL with period and language, unit first', () => {
    const state = parseDashboardState('/', '?unit=ST-HAT-YAI&from=2023-10&to=2024-09&lang=en');
    expect(serializeDashboardState(state)).toBe('/?unit=ST-HAT-YAI&from=2023-10&to=2024-09&lang=en');
    expect(parseDashboardState('/', new URL(serializeDashboardState(state), 'http://x').search)).toEqual(state);
  });

  test('opening a zone drops the unit; going back up to the country drops it too', () => {
    const unit = parseDashboardState('/', '?unit=ST-HAT-YAI&lang=th');
    const zone = updateDashboardState(unit, { view: 'zone', zoneId: 'Z-HDY-01' });
    expect(zone.unit).toBeNull();
    expect(serializeDashboardState(zone)).toBe('/zones/Z-HDY-01?lang=th');
    expect(serializeDashboardState(updateDashboardState(unit, { unit: null }))).toBe('/?lang=th');
    expect(updateDashboardState(zone, { view: 'overview', unit: 'PPR9' }).unit).toBe('PPR9');
  });
});

describe('tool screens (imports, settings, admin)', () => {
  test('each has its own path and keeps language, level and period', () => {
    for (const view of ['imports', 'settings', 'admin'] as const) {
      const state = parseDashboardState(`/${view}`, '?level=division&from=2023-10&to=2024-09&lang=en');
      expect(state).toMatchObject({ view, zoneId: null, level: 'division', from: '2023-10', lang: 'en' });
      expect(serializeDashboardState(state)).toBe(`/${view}?level=division&from=2023-10&to=2024-09&lang=en`);
    }
    expect(parseDashboardState('/admin/', '').view).toBe('admin');
  });

  test('unknown or nested paths stay the overview', () => {
    expect(parseDashboardState('/administrator', '').view).toBe('overview');
    expect(parseDashboardState('/admin/users', '').view).toBe('overview');
  });

  test('leaving a zone for a tool screen clears the zone', () => {
    const zone = parseDashboardState('/zones/Z-1', '?lang=th');
    expect(updateDashboardState(zone, { view: 'settings' })).toEqual({ ...zone, view: 'settings', zoneId: null });
    expect(serializeDashboardState(updateDashboardState(zone, { view: 'admin' }))).toBe('/admin?lang=th');
  });
});

describe('effectiveLang', () => {
  test('URL, then the stored choice, then Thai', () => {
    expect(effectiveLang({ ...DEFAULT_STATE, lang: 'en' }, 'th')).toBe('en');
    expect(effectiveLang(DEFAULT_STATE, 'en')).toBe('en');
    expect(effectiveLang(DEFAULT_STATE, 'xx')).toBe('th');
    expect(effectiveLang(DEFAULT_STATE, null)).toBe('th');
  });
});
