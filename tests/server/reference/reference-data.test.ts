import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  loadBureaus,
  loadDivisions,
  loadOffenceGroups,
  loadOffenceTypes,
  loadProvinces,
  loadStations,
  parseCsv,
  toTypeKey,
} from '../../../server/reference/load.ts';

// --- helpers -------------------------------------------------------------------------------

type Position = [number, number];
type Geometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
interface Basemap {
  features: { properties: { iso: string; name_th: string; name_en: string }; geometry: Geometry }[];
}

const basemapPath = fileURLToPath(new URL('../../../data/basemap/thailand-provinces.geojson', import.meta.url));

function readBasemap(): Basemap {
  return JSON.parse(readFileSync(basemapPath, 'utf8')) as Basemap;
}

function polygonsOf(geometry: Geometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function signedArea2(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i] as Position;
    const [bx, by] = ring[i + 1] as Position;
    sum += ax * by - bx * ay;
  }
  return sum;
}

function ringContains(ring: Position[], [x, y]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function containsPoint(geometry: Geometry, point: Position): boolean {
  return polygonsOf(geometry).some(
    ([outer, ...holes]) =>
      outer !== undefined && ringContains(outer, point) && !holes.some((h) => ringContains(h, point)),
  );
}

const hdxProvincesPath = fileURLToPath(
  new URL('../../fixtures/real/thailand-boundaries/th_adm1_provinces_hdx2019_simplified.geojson', import.meta.url),
);
const policeUkDir = fileURLToPath(new URL('../../fixtures/real/police-uk-city-of-london/', import.meta.url));

const provinces = loadProvinces();
const bureaus = loadBureaus();
const divisions = loadDivisions();
const stations = loadStations();
const groups = loadOffenceGroups();
const types = loadOffenceTypes();

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe('parseCsv', () => {
  it('handles BOM, quotes, escaped quotes, embedded newlines and CRLF', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', ''],
    ]);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow();
  });
});

describe('provinces', () => {
  it('has 77 provinces with unique, well-formed codes', () => {
    expect(provinces).toHaveLength(77);
    expect(duplicates(provinces.map((p) => p.iso_3166_2))).toEqual([]);
    for (const p of provinces) {
      expect(p.iso_3166_2).toMatch(/^TH-\d{2}$/);
      expect(p.hdx_pcode).toBe(p.iso_3166_2.replace('-', ''));
    }
  });

  it('puts Bangkok under the Metropolitan Police Bureau and the rest in regions 1-9', () => {
    const bureauCodes = new Set(bureaus.map((b) => b.code));
    for (const p of provinces) {
      expect(bureauCodes.has(p.police_bureau_code), p.iso_3166_2).toBe(true);
      expect(p.police_bureau_code === 'MPB', p.iso_3166_2).toBe(p.iso_3166_2 === 'TH-10');
    }
    const perRegion = (code: string) => provinces.filter((p) => p.police_bureau_code === code).length;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => perRegion(`PPR${n}`))).toEqual([9, 8, 8, 12, 8, 9, 8, 7, 7]);
  });

  it('places the provinces named in the domain brief in the right region', () => {
    const bureauOf = (nameEn: string) => provinces.find((p) => p.name_en === nameEn)?.police_bureau_code;
    expect(bureauOf('Samut Prakan')).toBe('PPR1');
    expect(bureauOf('Rayong')).toBe('PPR2');
    expect(bureauOf('Ubon Ratchathani')).toBe('PPR3');
    expect(bureauOf('Bueng Kan')).toBe('PPR4');
    expect(bureauOf('Lamphun')).toBe('PPR5');
    expect(bureauOf('Uttaradit')).toBe('PPR6');
    expect(bureauOf('Prachuap Khiri Khan')).toBe('PPR7');
    expect(bureauOf('Chumphon')).toBe('PPR8');
    expect(bureauOf('Trang')).toBe('PPR9');
  });
});

describe('bureaus and divisions', () => {
  it('has MPB and PPR1-PPR9', () => {
    expect(bureaus.map((b) => b.code)).toEqual(['MPB', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `PPR${n}`)]);
  });

  it('has unique division codes pointing at existing bureaus', () => {
    expect(duplicates(divisions.map((d) => d.code))).toEqual([]);
    const bureauCodes = new Set(bureaus.map((b) => b.code));
    for (const d of divisions) expect(bureauCodes.has(d.bureau_code), d.code).toBe(true);
  });

  it('has one provincial police command per non-Bangkok province, under that province’s bureau', () => {
    for (const p of provinces.filter((p) => p.iso_3166_2 !== 'TH-10')) {
      const commands = divisions.filter((d) => d.province_iso === p.iso_3166_2);
      expect(commands, p.iso_3166_2).toHaveLength(1);
      const [command] = commands;
      expect(command?.bureau_code).toBe(p.police_bureau_code);
      expect(command?.abbr_th).toBe(`ภ.จว.${p.name_th}`);
    }
  });

  it('has Metropolitan Police Divisions 1-9 for Bangkok and nothing else under MPB', () => {
    const metro = divisions.filter((d) => d.bureau_code === 'MPB');
    expect(metro.map((d) => d.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `MPD${n}`));
    for (const d of metro) expect(d.province_iso).toBeNull();
    expect(divisions.filter((d) => d.province_iso === 'TH-10')).toEqual([]);
    expect(divisions).toHaveLength(76 + 9);
  });
});

describe('stations', () => {
  const divisionByCode = new Map(divisions.map((d) => [d.code, d]));

  it('has unique codes and names', () => {
    expect(duplicates(stations.map((s) => s.code))).toEqual([]);
    expect(duplicates(stations.map((s) => s.name_th))).toEqual([]);
    for (const s of stations) expect(s.code).toMatch(/^ST-[A-Z0-9-]+$/);
  });

  it('puts every station in an existing division of its own province', () => {
    for (const s of stations) {
      const division = divisionByCode.get(s.division_code);
      expect(division, s.code).toBeDefined();
      if (!division) continue;
      if (division.province_iso === null) {
        expect(s.province_iso, s.code).toBe('TH-10');
        expect(s.kind, s.code).toBe('สน.');
      } else {
        expect(s.province_iso, s.code).toBe(division.province_iso);
        expect(s.kind, s.code).toBe('สภ.');
      }
      expect(s.name_th.startsWith(s.kind), s.code).toBe(true);
    }
  });

  it('includes every station named in the domain brief', () => {
    const named = [
      'สน.ลุมพินี',
      'สน.ห้วยขวาง',
      'สน.ภาษีเจริญ',
      'สภ.ปากเกร็ด',
      'สภ.เมืองสมุทรปราการ',
      'สภ.เมืองพัทยา',
      'สภ.เมืองระยอง',
      'สภ.เมืองปราจีนบุรี',
      'สภ.ปากช่อง',
      'สภ.เมืองอุดรธานี',
      'สภ.เมืองเชียงใหม่',
      'สภ.เมืองพิษณุโลก',
      'สภ.เมืองราชบุรี',
      'สภ.เมืองภูเก็ต',
      'สภ.หาดใหญ่',
      'สภ.เมืองลำพูน',
      'สภ.เมืองสงขลา',
      'สภ.เมืองเพชรบูรณ์',
    ];
    const names = new Set(stations.map((s) => s.name_th));
    expect(named.filter((n) => !names.has(n))).toEqual([]);
  });

  it('has coordinates inside the station’s province on the basemap', () => {
    const basemap = readBasemap();
    for (const s of stations) {
      const feature = basemap.features.find((f) => f.properties.iso === s.province_iso);
      expect(feature, s.code).toBeDefined();
      if (feature) expect(containsPoint(feature.geometry, [s.lon, s.lat]), s.code).toBe(true);
    }
  });
});

describe('offence groups and types', () => {
  it('has the four current groups and the five legacy groups', () => {
    const numbers = (scheme: string) => groups.filter((g) => g.scheme === scheme).map((g) => g.group_no);
    expect(numbers('current4')).toEqual([1, 2, 3, 4]);
    expect(numbers('legacy5')).toEqual([1, 2, 3, 4, 5]);
  });

  it('marks exactly the state-as-victim groups, counted by arrests', () => {
    const stateVictim = groups.filter((g) => g.is_state_victim).map((g) => `${g.scheme}:${g.group_no}`);
    expect(stateVictim).toEqual(['current4:4', 'legacy5:5']);
    for (const g of groups) expect(g.counted_by).toBe(g.is_state_victim ? 'arrests' : 'reported');
  });

  it('maps every offence type to an existing group in both schemes', () => {
    const exists = (scheme: string, no: number) => groups.some((g) => g.scheme === scheme && g.group_no === no);
    for (const t of types) {
      expect(exists('current4', t.group_current4), t.type_key).toBe(true);
      expect(exists('legacy5', t.group_legacy5), t.type_key).toBe(true);
    }
  });

  it('has unique, normalized keys and unique Thai names within a mapping version', () => {
    for (const version of new Set(types.map((t) => t.mapping_version))) {
      const inVersion = types.filter((t) => t.mapping_version === version);
      expect(duplicates(inVersion.map((t) => t.type_key))).toEqual([]);
      expect(duplicates(inVersion.map((t) => t.name_th))).toEqual([]);
    }
    for (const t of types) expect(t.type_key).toBe(toTypeKey(t.type_key));
  });

  it('maps core Thai offence types as the police do', () => {
    const groupOf = (key: string) => types.find((t) => t.type_key === key)?.group_current4;
    expect(['murder', 'attempted_murder', 'assault', 'rape'].map(groupOf)).toEqual([1, 1, 1, 1]);
    expect(
      ['theft', 'snatching', 'robbery', 'gang_robbery', 'extortion', 'motorcycle_theft', 'car_theft'].map(groupOf),
    ).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(groupOf('computer_fraud')).toBe(3);
    expect(['drugs', 'firearms', 'gambling'].map(groupOf)).toEqual([4, 4, 4]);
  });

  it('covers the 14 police.uk crime types, drugs and weapons as state-as-victim', () => {
    const ukTypes = types.filter((t) => t.type_key.startsWith('uk_'));
    expect(ukTypes).toHaveLength(14);
    for (const t of ukTypes) expect(t.type_key).toBe(`uk_${toTypeKey(t.name_en)}`);
    const groupOf = (nameEn: string) => ukTypes.find((t) => t.name_en === nameEn)?.group_current4;
    expect(groupOf('Drugs')).toBe(4);
    expect(groupOf('Possession of weapons')).toBe(4);
    expect(groupOf('Violence and sexual offences')).toBe(1);
  });

  it('matches the crime types spelled in the police.uk files', () => {
    const spelled = new Set<string>();
    for (const file of readdirSync(policeUkDir).filter((f) => f.endsWith('.csv'))) {
      const [header, ...rows] = parseCsv(readFileSync(`${policeUkDir}${file}`, 'utf8'));
      const column = header?.indexOf('Crime type') ?? -1;
      expect(column, file).toBeGreaterThanOrEqual(0);
      for (const row of rows) spelled.add(row[column] ?? '');
    }
    expect(spelled.size).toBe(14);
    const known = new Set(types.map((t) => t.name_en));
    expect([...spelled].filter((s) => !known.has(s))).toEqual([]);
  });
});

describe('basemap', () => {
  const basemap = readBasemap();

  it('has 77 provinces matching provinces.csv, with Thai and English names', () => {
    expect(basemap.features).toHaveLength(77);
    const byIso = new Map(basemap.features.map((f) => [f.properties.iso, f.properties]));
    for (const p of provinces) {
      expect(byIso.get(p.iso_3166_2), p.iso_3166_2).toEqual({
        iso: p.iso_3166_2,
        name_th: p.name_th,
        name_en: p.name_en,
      });
    }
  });

  it('has only valid closed rings, outer rings counter-clockwise', () => {
    for (const f of basemap.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      for (const polygon of polygonsOf(f.geometry)) {
        polygon.forEach((ring, i) => {
          expect(ring.length, f.properties.iso).toBeGreaterThanOrEqual(4);
          expect(ring[0], f.properties.iso).toEqual(ring[ring.length - 1]);
          for (const [lon, lat] of ring) {
            expect(lon).toBeGreaterThan(97);
            expect(lon).toBeLessThan(106);
            expect(lat).toBeGreaterThan(5);
            expect(lat).toBeLessThan(21);
          }
          const area = signedArea2(ring);
          expect(i === 0 ? area > 0 : area < 0, f.properties.iso).toBe(true);
        });
      }
    }
  });

  it('keeps small island provinces such as Phuket', () => {
    const phuket = basemap.features.find((f) => f.properties.iso === 'TH-83');
    expect(phuket).toBeDefined();
    expect(phuket && containsPoint(phuket.geometry, [98.39, 7.88])).toBe(true);
  });

  it('stays small enough to ship with the app', () => {
    expect(readFileSync(basemapPath).byteLength).toBeLessThan(250_000);
  });

  it('uses the names of the HDX boundary file', () => {
    const hdx = JSON.parse(readFileSync(hdxProvincesPath, 'utf8')) as {
      features: { properties: { ADM1_PCODE: string; ADM1_TH: string; ADM1_EN: string } }[];
    };
    expect(hdx.features).toHaveLength(77);
    for (const { properties: h } of hdx.features) {
      const p = provinces.find((x) => x.hdx_pcode === h.ADM1_PCODE);
      expect(p, h.ADM1_PCODE).toBeDefined();
      expect(p?.name_th).toBe(h.ADM1_TH);
      expect(p?.name_en).toBe(h.ADM1_EN);
    }
  });
});
