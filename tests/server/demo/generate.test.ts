import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type DemoData,
  demoContentHash,
  fiscalQuarterLabel,
  generateDemo,
  RING_METRES,
} from '../../../server/demo/generate.ts';
import { pointInRing, ringsOverlap } from '../../../server/geo/contains.ts';
import { pointToRingM, ringAreaKm2 } from '../../../server/geo/measure.ts';
import { validateGeometry } from '../../../server/geo/validate.ts';
import type { Ring } from '../../../server/demo/geo.ts';
import { DEMO_DEFAULT_SEED, DEMO_SCRIPT_TODAY, DEMO_STATIONS, DEMO_ZONES } from '../../../server/demo/spec.ts';
import { demoStatus, summarizeDemo } from '../../../server/demo/summary.ts';
import { loadOffenceTypes, loadStations } from '../../../server/reference/load.ts';

const stations = loadStations();
let data: DemoData;

beforeAll(() => {
  data = generateDemo({ seed: DEMO_DEFAULT_SEED, stations, today: DEMO_SCRIPT_TODAY });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const ringOf = (zoneId: string): Ring => {
  const zone = data.zones.find((z) => z.id === zoneId);
  const ring = zone?.geometry.coordinates[0];
  if (!ring) throw new Error(`no zone ${zoneId}`);
  return ring;
};

describe('determinism', () => {
  it('gives the same content hash for the same seed, and never asks for randomness or the clock', () => {
    const random = vi.spyOn(Math, 'random');
    const now = vi.spyOn(Date, 'now');
    const again = generateDemo({ seed: DEMO_DEFAULT_SEED, stations, today: DEMO_SCRIPT_TODAY });
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
    expect(demoContentHash(again)).toBe(demoContentHash(data));
    expect(demoContentHash(data)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a different hash for a different seed, with the same zones', () => {
    const other = generateDemo({ seed: DEMO_DEFAULT_SEED + 1, stations, today: DEMO_SCRIPT_TODAY });
    expect(demoContentHash(other)).not.toBe(demoContentHash(data));
    expect(other.zones).toEqual(data.zones);
  });

  it('does not depend on the order of the station registry', () => {
    const reversed = [...stations].reverse();
    expect(
      demoContentHash(generateDemo({ seed: DEMO_DEFAULT_SEED, stations: reversed, today: DEMO_SCRIPT_TODAY })),
    ).toBe(demoContentHash(data));
  });

  it('names the missing station when the registry lacks one', () => {
    const without = stations.filter((s) => s.name_th !== 'สภ.หาดใหญ่');
    expect(() => generateDemo({ seed: 1, stations: without, today: DEMO_SCRIPT_TODAY })).toThrow(/สภ\.หาดใหญ่/);
  });

  it('rejects a seed that is not a 32-bit unsigned integer', () => {
    expect(() => generateDemo({ seed: 1.5, stations, today: DEMO_SCRIPT_TODAY })).toThrow(/seed/);
  });
});

describe('stations and zones', () => {
  it('covers the 15 pilot stations plus Lamphun, Mueang Songkhla and Phetchabun', () => {
    const donors = new Set(data.roles.donorStations.map((d) => d.code));
    const codes = new Set([
      ...data.zones.map((z) => z.station_code),
      ...data.incidents.map((i) => i.station_code),
      ...data.monthly_counts.map((c) => c.station_code).filter((code) => !donors.has(code)),
    ]);
    expect(codes.size).toBe(18);
    const byName = new Map(stations.map((s) => [s.name_th, s.code]));
    for (const s of DEMO_STATIONS) expect(codes.has(byName.get(s.name_th) ?? '?')).toBe(true);
    // Every station has at least one zone.
    expect(new Set(data.zones.map((z) => z.station_code)).size).toBe(18);
  });

  it('has at least 20 zones with ids, names, kinds, criteria, 2021-2022 starts and municipalities', () => {
    expect(data.zones.length).toBeGreaterThanOrEqual(20);
    expect(new Set(data.zones.map((z) => z.id)).size).toBe(data.zones.length);
    for (const z of data.zones) {
      expect(z.id).toMatch(/^Z-[A-Z]{3}-\d{2}$/);
      expect(z.name_th).toMatch(/[\u0E00-\u0E7F]/);
      expect(z.name_en).toMatch(/[A-Za-z]/);
      expect(['market', 'night_street', 'bus_terminal', 'school_block', 'tourist_strip', 'community']).toContain(
        z.kind,
      );
      expect(['risk', 'landmark', 'economic']).toContain(z.criteria);
      expect(z.start_date >= '2021-01-01' && z.start_date <= '2022-12-31').toBe(true);
      expect(z.population).toBeGreaterThan(0);
      expect(z.municipality).toMatch(/^(เทศบาล|เมืองพัทยา|กรุงเทพมหานคร)/);
    }
    const kinds = new Set(data.zones.map((z) => z.kind));
    expect(kinds.size).toBe(6);
  });

  it('draws valid polygons whose area and bounding box are the stored ones', () => {
    for (const z of data.zones) {
      const ring = ringOf(z.id);
      expect(z.geometry.type).toBe('Polygon');
      expect(validateGeometry({ type: 'Polygon', coordinates: [ring] }).ok).toBe(true);
      expect(ring.length - 1).toBeGreaterThanOrEqual(5);
      expect(ring.length - 1).toBeLessThanOrEqual(8);
      expect(z.area_km2).toBeCloseTo(ringAreaKm2(ring), 3);
      expect(z.area_km2).toBeGreaterThan(0.1);
      expect(z.area_km2).toBeLessThan(2.5);
      const lons = ring.map((p) => p[0]);
      const lats = ring.map((p) => p[1]);
      expect([z.min_lon, z.min_lat, z.max_lon, z.max_lat]).toEqual([
        Math.min(...lons),
        Math.min(...lats),
        Math.max(...lons),
        Math.max(...lats),
      ]);
      // In Thailand, in [lon, lat] order.
      expect(z.min_lon).toBeGreaterThan(97);
      expect(z.max_lon).toBeLessThan(106);
      expect(z.min_lat).toBeGreaterThan(5);
      expect(z.max_lat).toBeLessThan(21);
    }
  });

  it('keeps the zones of a station apart, near their station', () => {
    for (const a of data.zones) {
      for (const b of data.zones) {
        if (a.id < b.id && a.station_code === b.station_code)
          expect(ringsOverlap(ringOf(a.id), ringOf(b.id))).toBe(false);
      }
      const station = stations.find((s) => s.code === a.station_code);
      const [lon, lat] = ringOf(a.id)[0] ?? [0, 0];
      expect(Math.hypot((lon - (station?.lon ?? 0)) * 108, (lat - (station?.lat ?? 0)) * 111)).toBeLessThan(6);
    }
  });

  it('has Ban Khlong at about 2 km2 with 4,589 people', () => {
    const banKhlong = data.zones.find((z) => z.name_th === 'ชุมชนบ้านคลอง');
    expect(banKhlong?.population).toBe(4589);
    expect(banKhlong?.area_km2).toBeCloseTo(2, 1);
  });

  it('has partners of every type, with the MOUs the domain brief names', () => {
    expect(new Set(data.partners.map((p) => p.partner_type))).toEqual(
      new Set(['PAO', 'municipality', 'DLA', 'private', 'community']),
    );
    const mou = (name: string) => data.partners.find((p) => p.partner === name)?.mou_date;
    expect(mou('องค์การบริหารส่วนจังหวัดลำพูน')).toBe('2021-05-06');
    expect(mou('องค์การบริหารส่วนจังหวัดสงขลา')).toBe('2021-12-03');
    expect(mou('สำนักงานจังหวัดเพชรบูรณ์')).toBe('2022-01-21');
    const zoneIds = new Set(data.zones.map((z) => z.id));
    for (const p of data.partners) {
      if (p.zone_id !== null) {
        expect(zoneIds.has(p.zone_id)).toBe(true);
        expect(data.zones.find((z) => z.id === p.zone_id)?.station_code).toBe(p.station_code);
      }
    }
  });
});

describe('incidents', () => {
  it('has a believable volume over whole months 2020-01 .. 2024-06', () => {
    expect(data.incidents.length).toBeGreaterThan(30_000);
    expect(data.incidents.length).toBeLessThan(80_000);
    const months = [...new Set(data.incidents.map((i) => i.month))].sort();
    expect(months[0]).toBe('2020-01-01');
    expect(months.at(-1)).toBe('2024-06-01');
    expect(months).toHaveLength(54);
    expect(data.lastMonth).toBe('2024-06-01');
  });

  it('writes consistent rows: month of the time, unique case ids, valid groups and Thai offence types', () => {
    const types = new Map(loadOffenceTypes().map((t) => [t.name_th, t.group_current4]));
    const ids = new Set<string>();
    const bad: unknown[] = [];
    for (const i of data.incidents) {
      const ok =
        /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(i.occurred_at) &&
        i.month === `${i.occurred_at.slice(0, 7)}-01` &&
        types.get(i.crime_type) === i.crime_group;
      if (!ok) bad.push(i);
      ids.add(i.case_id);
    }
    expect(bad.slice(0, 3)).toEqual([]);
    expect(ids.size).toBe(data.incidents.length);
    expect(data.incidents[0]?.case_id).toMatch(/^[A-Z]{3}-25\d{2}-\d{6}$/);
  });

  it('is mostly property crime, with every group present', () => {
    const byGroup = [0, 0, 0, 0];
    for (const i of data.incidents) byGroup[i.crime_group - 1] = (byGroup[i.crime_group - 1] ?? 0) + 1;
    const [g1 = 0, g2 = 0, g3 = 0, g4 = 0] = byGroup;
    expect(g2).toBeGreaterThan(g1 + g3);
    expect(g2 / data.incidents.length).toBeGreaterThan(0.45);
    expect(Math.min(g1, g3, g4)).toBeGreaterThan(1000);
  });

  it('has rows without coordinates, and those have no zone', () => {
    const unlocated = data.incidents.filter((i) => i.lat === null || i.lon === null);
    expect(unlocated.length).toBeGreaterThan(1000);
    for (const i of unlocated) {
      expect(i.lat).toBeNull();
      expect(i.lon).toBeNull();
      expect(i.zone_id).toBeNull();
    }
  });

  it('assigns zones by point in polygon, with most points in the comparison area', () => {
    let inZones = 0;
    let located = 0;
    const mismatched: unknown[] = [];
    for (const i of data.incidents) {
      if (i.lat === null || i.lon === null) continue;
      located++;
      const hit = data.zones.find(
        (z) => z.station_code === i.station_code && pointInRing(i.lon ?? 0, i.lat ?? 0, ringOf(z.id)),
      );
      if (i.zone_id !== (hit?.id ?? null)) mismatched.push(i);
      if (hit) inZones++;
    }
    expect(mismatched.slice(0, 3)).toEqual([]);
    expect(inZones / located).toBeGreaterThan(0.15);
    expect(inZones / located).toBeLessThan(0.5);
  });

  it('lists each located incident in the ring of every zone within 500 m outside it', () => {
    const expected = new Map<string, number>();
    for (const i of data.incidents) {
      if (i.lat === null || i.lon === null) continue;
      for (const z of data.zones) {
        if (z.station_code !== i.station_code) continue;
        const ring = ringOf(z.id);
        if (!pointInRing(i.lon, i.lat, ring) && pointToRingM([i.lon, i.lat], ring) < RING_METRES) {
          expected.set(z.id, (expected.get(z.id) ?? 0) + 1);
        }
      }
    }
    const actual = new Map<string, number>();
    for (const r of data.incident_rings) actual.set(r.zone_id, (actual.get(r.zone_id) ?? 0) + 1);
    expect(actual).toEqual(expected);
  });

  it('is seasonal: December-January above June-September', () => {
    const byMonth = new Array(12).fill(0) as number[];
    for (const i of data.incidents) {
      const m = Number(i.month.slice(5, 7)) - 1;
      byMonth[m] = (byMonth[m] ?? 0) + 1;
    }
    const avg = (ms: number[]) => ms.reduce((s, m) => s + (byMonth[m] ?? 0), 0) / ms.length;
    // Jan-Jun have one more year of data (2024) than Jul-Dec: compare within the halves too.
    expect(avg([0])).toBeGreaterThan(avg([5]));
    expect(avg([11])).toBeGreaterThan(avg([8]));
    expect(avg([3])).toBeGreaterThan(avg([4]));
  });
});

describe('monthly counts', () => {
  it('has one pilot station with monthly counts only, for the whole station and its zone', () => {
    const code = data.roles.countsOnlyStation.code;
    expect(data.roles.countsOnlyStation.name_th).toBe('สภ.เมืองเพชรบูรณ์');
    expect(data.incidents.some((i) => i.station_code === code)).toBe(false);
    const donors = new Set(data.roles.donorStations.map((d) => d.code));
    const counts = data.monthly_counts.filter((c) => !donors.has(c.station_code));
    expect(counts.every((c) => c.station_code === code)).toBe(true);
    const zoneIds = data.zones.filter((z) => z.station_code === code).map((z) => z.id);
    expect(zoneIds.length).toBeGreaterThan(0);
    // 54 months x 4 groups, once for the station and once per zone.
    expect(counts).toHaveLength(54 * 4 * (1 + zoneIds.length));
    const key = (c: { month: string; crime_group: number }) => `${c.month}|${c.crime_group}`;
    const station = new Map(counts.filter((c) => c.zone_id === null).map((c) => [key(c), c.cases]));
    for (const c of counts.filter((c) => c.zone_id !== null)) {
      expect(zoneIds).toContain(c.zone_id);
      expect(station.get(key(c)) ?? -1).toBeGreaterThanOrEqual(c.cases);
      expect(Number.isInteger(c.cases) && c.cases >= 0).toBe(true);
    }
  });
});

describe('donor station areas (the synthetic control)', () => {
  it('are the reference stations that hold no pilot zone, with a monthly return for every month', () => {
    const pilots = new Set(data.zones.map((z) => z.station_code));
    const withoutZone = stations.filter((s) => !pilots.has(s.code)).map((s) => s.code);
    expect(data.roles.donorStations.map((d) => d.code).sort()).toEqual([...withoutZone].sort());
    expect(withoutZone.length).toBe(12);
    const donors = new Set(withoutZone);
    // No incident rows, no zone rows: 54 months x 4 groups of whole-station counts each.
    expect(data.incidents.some((i) => donors.has(i.station_code))).toBe(false);
    const rows = data.monthly_counts.filter((c) => donors.has(c.station_code));
    expect(rows).toHaveLength(12 * 54 * 4);
    expect(rows.every((c) => c.zone_id === null && c.crime_type === null && Number.isInteger(c.cases))).toBe(true);
    for (const code of donors) {
      const months = new Set(rows.filter((c) => c.station_code === code).map((c) => c.month));
      expect(months.size, code).toBe(54);
    }
  });

  it('are the size of the pilot station areas and seasonal like them (Dec-Jan above Jun-Sep)', () => {
    const donors = new Set(data.roles.donorStations.map((d) => d.code));
    const rows = data.monthly_counts.filter((c) => donors.has(c.station_code));
    const perStationMonth = rows.reduce((s, c) => s + c.cases, 0) / (12 * 54);
    expect(perStationMonth).toBeGreaterThan(20);
    expect(perStationMonth).toBeLessThan(80);
    const inMonths = (ms: number[]) =>
      rows.filter((c) => ms.includes(Number(c.month.slice(5, 7)))).reduce((s, c) => s + c.cases, 0) / ms.length;
    expect(inMonths([12, 1])).toBeGreaterThan(inMonths([6, 7, 8, 9]));
  });
});

describe('surveys', () => {
  const waves = () => {
    const map = new Map<string, { n: number; valid: number; last: string; first: string }>();
    for (const r of data.survey_responses) {
      if (r.sample_type !== 'probability') continue;
      const key = `${r.zone_id}|${r.wave}`;
      const w = map.get(key) ?? { n: 0, valid: 0, last: '', first: '9999' };
      w.n++;
      if (r.fear_status === 'valid') w.valid++;
      if (r.surveyed_on > w.last) w.last = r.surveyed_on;
      if (r.surveyed_on < w.first) w.first = r.surveyed_on;
      map.set(key, w);
    }
    return map;
  };

  it('labels waves by Thai fiscal quarter in BE', () => {
    expect(fiscalQuarterLabel(2021, 10)).toBe('2565-Q1');
    expect(fiscalQuarterLabel(2021, 12)).toBe('2565-Q1');
    expect(fiscalQuarterLabel(2022, 3)).toBe('2565-Q2');
    expect(fiscalQuarterLabel(2022, 6)).toBe('2565-Q3');
    expect(fiscalQuarterLabel(2022, 9)).toBe('2565-Q4');
    expect(fiscalQuarterLabel(2024, 6)).toBe('2567-Q3');
  });

  it('has a baseline wave before each zone starts, then quarterly waves of 80-450 answers', () => {
    const all = waves();
    for (const z of data.zones) {
      const baseline = all.get(`${z.id}|baseline`);
      expect(baseline?.last && baseline.last < z.start_date).toBe(true);
      const zoneWaves = [...all.entries()].filter(([k]) => k.startsWith(`${z.id}|`));
      expect(zoneWaves.length).toBeGreaterThanOrEqual(6);
      const latest = zoneWaves.reduce((a, b) => (b[1].last > a[1].last ? b : a));
      for (const [key, w] of zoneWaves) {
        const label = key.split('|')[1] ?? '';
        expect(label).toMatch(/^(baseline|25\d{2}-Q[1-4])$/);
        if (label !== 'baseline') {
          expect(w.first > z.start_date).toBe(true);
          const [y, m] = w.first.split('-').map(Number);
          expect(fiscalQuarterLabel(y ?? 0, m ?? 0)).toBe(label);
        }
        if (z.id === data.roles.tooFewAnswersZone && key === latest[0]) continue;
        expect(w.n).toBeGreaterThanOrEqual(80);
        expect(w.n).toBeLessThanOrEqual(450);
      }
      expect(latest[1].last <= '2024-06-30').toBe(true);
    }
  });

  it('has one zone whose latest wave has fewer than 30 valid answers', () => {
    const all = waves();
    const small = data.zones.filter((z) => {
      const zoneWaves = [...all.entries()].filter(([k]) => k.startsWith(`${z.id}|`));
      const latest = zoneWaves.reduce((a, b) => (b[1].last > a[1].last ? b : a));
      return latest[1].valid < 30;
    });
    expect(small.map((z) => z.id)).toEqual([data.roles.tooFewAnswersZone]);
  });

  it('has one zone with many opt-in answers beside its probability samples', () => {
    const optIn = data.survey_responses.filter((r) => r.sample_type === 'opt_in');
    expect(new Set(optIn.map((r) => r.zone_id))).toEqual(new Set([data.roles.optInZone]));
    const prob = data.survey_responses.filter(
      (r) => r.zone_id === data.roles.optInZone && r.sample_type === 'probability',
    );
    expect(optIn.length).toBeGreaterThan(prob.length);
    // Opt-in waves share their labels with the probability waves.
    const probWaves = new Set(prob.map((r) => r.wave));
    for (const r of optIn) expect(probWaves.has(r.wave)).toBe(true);
  });

  it('codes answers consistently: Thai labels or digits, non-answers counted, weights 0.5-2 in some zones', () => {
    const labels: Record<string, number> = { น้อยที่สุด: 1, น้อย: 2, ปานกลาง: 3, มาก: 4, มากที่สุด: 5 };
    const statuses = new Set<string>();
    const bad: unknown[] = [];
    for (const r of data.survey_responses) {
      for (const item of ['fear', 'trust'] as const) {
        const raw = r[`${item}_raw`];
        const level = r[`${item}_level`];
        const status = r[`${item}_status`];
        statuses.add(status);
        const ok =
          r[`${item}_levels`] === 5 &&
          (status === 'valid' ? raw === String(level) || labels[raw ?? ''] === level : level === null) &&
          (status !== 'blank' || raw === null) &&
          (status !== 'dont_know' || raw === 'ไม่ทราบ');
        if (!ok) bad.push(r);
      }
      if (!(r.weight >= 0.5 && r.weight <= 2 && r.codebook_id === null)) bad.push(r);
    }
    expect(bad.slice(0, 3)).toEqual([]);
    expect(statuses).toEqual(new Set(['valid', 'dont_know', 'blank', 'refused', 'out_of_range']));
    const weighted = new Set(data.survey_responses.filter((r) => r.weight !== 1).map((r) => r.zone_id));
    expect(weighted.size).toBeGreaterThanOrEqual(3);
    expect(weighted.size).toBeLessThan(data.zones.length);
  });
});

describe('made for a later day', () => {
  // The day this was written: the demo then ends in 2026-11, 2.5 years after the script's data.
  const later = new Date('2026-12-07T09:00:00+07:00');
  let current: DemoData;
  beforeAll(() => {
    current = generateDemo({ seed: DEMO_DEFAULT_SEED, stations, today: later });
  });

  it('ends with the whole month before today in Bangkok, from the same first month', () => {
    expect(current.lastMonth).toBe('2026-11-01');
    expect(current.asOf).toBe('2026-12-07');
    const months = [...new Set(current.incidents.map((i) => i.month))].sort();
    expect(months[0]).toBe('2020-01-01');
    expect(months.at(-1)).toBe('2026-11-01');
    expect(months).toHaveLength(83);
    // 1 December 00:30 in Bangkok is still 30 November in UTC: the month before is November.
    const justAfterMidnight = generateDemo({
      seed: DEMO_DEFAULT_SEED,
      stations,
      today: new Date('2026-11-30T17:30:00Z'),
    });
    expect(justAfterMidnight.lastMonth).toBe('2026-11-01');
  });

  it('keeps every month the script day had, drawn the same, and only adds months after', () => {
    const upTo = (rows: readonly { month: string }[]) => rows.filter((r) => r.month <= data.lastMonth);
    expect(upTo(current.incidents)).toEqual(data.incidents);
    expect(upTo(current.incident_rings)).toEqual(data.incident_rings);
    expect(upTo(current.monthly_counts)).toEqual(data.monthly_counts);
    expect(current.zones).toEqual(data.zones);
    expect(current.partners).toEqual(data.partners);
  });

  it('has survey waves up to the last whole quarter, labelled in the fiscal year they fall in', () => {
    const waves = new Set(current.survey_responses.map((r) => r.wave));
    expect(waves.has('2569-Q4')).toBe(true);
    expect(waves.has('2570-Q1')).toBe(false);
    expect(current.survey_responses.every((r) => r.surveyed_on <= '2026-11-30')).toBe(true);
  });

  it('still tells the story: met and missed targets, a red zone, the small latest wave, displacement', () => {
    const summary = summarizeDemo(current);
    const lights = summary.map((s) => demoStatus(s).light);
    expect(lights.filter((l) => l === 'green').length).toBeGreaterThanOrEqual(5);
    expect(lights.filter((l) => l === 'amber').length).toBeGreaterThanOrEqual(5);
    expect(lights).toContain('red');
    const byZone = new Map(summary.map((s) => [s.zoneId, s]));
    expect(demoStatus(byZone.get(current.roles.tooFewAnswersZone) as (typeof summary)[number]).light).toBe('grey');
    expect(byZone.get(current.roles.displacementZone)?.ringChangePct ?? 0).toBeGreaterThan(25);
  });

  it('refuses a today before the script day (the zones need their baseline months)', () => {
    expect(() =>
      generateDemo({ seed: DEMO_DEFAULT_SEED, stations, today: new Date('2024-03-01T12:00:00+07:00') }),
    ).toThrow(/2024-07-01 or later/);
  });
});

describe('the story the demo tells', () => {
  it('has zones that meet the targets and zones that miss them', () => {
    const summary = summarizeDemo(data);
    const status = new Map(summary.map((s) => [s.zoneId, demoStatus(s)]));
    const lights = [...status.values()].map((s) => s.light);
    expect(lights.filter((l) => l === 'green').length).toBeGreaterThanOrEqual(5);
    expect(lights.filter((l) => l === 'amber').length).toBeGreaterThanOrEqual(5);
    expect(lights).toContain('red');
    expect(status.get(data.roles.tooFewAnswersZone)?.light).toBe('grey');
    for (const item of ['fear', 'trust', 'crime'] as const) {
      const values = [...status.values()].map((s) => s[item]);
      expect(values).toContain('met');
      expect(values).toContain('not met');
    }
  });

  it('follows the script: falling zones fall, rising zones rise (groups 1-3, matched months)', () => {
    const summary = new Map(summarizeDemo(data).map((s) => [s.zoneId, s]));
    for (const spec of DEMO_ZONES) {
      const s = summary.get(spec.id);
      if (spec.crime.effect < 0) expect(s?.changePct ?? 0).toBeLessThan(-10);
      else expect(s?.changePct ?? 0).toBeGreaterThan(5);
    }
    const rising = DEMO_ZONES.filter((z) => z.crime.effect > 0).length;
    expect(rising).toBeGreaterThanOrEqual(3);
    expect(rising).toBeLessThan(DEMO_ZONES.length / 2);
  });

  it('shows displacement: the ring of one zone rises after its start while the zone falls', () => {
    const s = summarizeDemo(data).find((x) => x.zoneId === data.roles.displacementZone);
    expect(s?.changePct ?? 0).toBeLessThan(-20);
    expect(s?.ringChangePct ?? 0).toBeGreaterThan(25);
  });

  it('shows opt-in answers reading differently from the probability sample in the opt-in zone', () => {
    const s = summarizeDemo(data).find((x) => x.zoneId === data.roles.optInZone);
    expect(s?.optIn?.n ?? 0).toBeGreaterThan(400);
    expect(s?.fearPct ?? 100).toBeLessThanOrEqual(40);
    expect(s?.optIn?.fearPct ?? 0).toBeGreaterThan(40);
  });
});
