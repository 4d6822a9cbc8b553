import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../server/importers/parse/csv.ts';
import {
  createNameMatcher,
  editDistance,
  matchProvince,
  matchStation,
  normalizeCode,
  normalizeName,
} from '../../../../server/importers/parse/names.ts';
import { realData } from './helpers.ts';

function readRef(file: string): Record<string, string>[] {
  const r = parseCsv(readFileSync(path.join(realData, 'reference', file), 'utf8'));
  const h = r.header?.fields ?? [];
  return r.rows.map((row) => Object.fromEntries(h.map((k, i) => [k, row.fields[i] ?? ''])));
}

// The pilot stations have no codes in the reference file: make some up.
const stations = readRef('pilot-stations.csv').map((s, i) => ({
  code: `ST${String(i + 1).padStart(3, '0')}`,
  name_th: s.name_th ?? '',
  name_en: s.name_en ?? '',
}));
const provinces = readRef('provinces.csv').map((p) => ({
  code: p.iso_3166_2 ?? '',
  name_th: p.name_th ?? '',
  name_en: p.name_en ?? '',
}));
const codeOf = (th: string) => stations.find((s) => s.name_th === th)?.code;

describe('normalizeName', () => {
  it.each([
    ['สภ.เมืองสงขลา', 'สงขลา'],
    ['สภ. เมืองสงขลา', 'สงขลา'],
    ['สถานีตำรวจภูธรเมืองสงขลา', 'สงขลา'],
    ['สภ.อ.เมืองสงขลา', 'สงขลา'],
    ['Mueang Songkhla', 'songkhla'],
    ['Muang Songkhla', 'songkhla'],
    ['MEUANG SONGKHLA Police Station', 'songkhla'],
    ['Mueang Songkhla Provincial Police Station', 'songkhla'],
    ['สน.ลุมพินี', 'ลุมพินี'],
    ['สถานีตำรวจนครบาลลุมพินี', 'ลุมพินี'],
    ['Hat Yai', 'hatyai'],
    ['Hat-Yai', 'hatyai'],
    ['จ.สงขลา', 'สงขลา'],
    ['จังหวัดสงขลา', 'สงขลา'],
    ['Songkhla Province', 'songkhla'],
    ['ภ.จว.สงขลา', 'สงขลา'],
    ['กรุงเทพฯ', 'กรุงเทพมหานคร'],
    ['กทม.', 'กรุงเทพมหานคร'],
    ['สภ.สนามชัยเขต', 'สนามชัยเขต'],
    ['สภ.ตากฟ้า', 'ตากฟ้า'],
  ])('%s -> %s', (input, key) => {
    expect(normalizeName(input)).toBe(key);
  });

  it('unifies the two ways of typing สระอำ', () => {
    expect(normalizeName('สภ.บางน\u0E4D\u0E32เปรี้ยว')).toBe(normalizeName('สภ.บางน\u0E33เปรี้ยว'));
  });
});

describe('matchStation', () => {
  it('matches every spelling of Mueang Songkhla to one station', () => {
    const code = codeOf('สภ.เมืองสงขลา');
    expect(code).toBeDefined();
    for (const input of [
      'สภ.เมืองสงขลา',
      'สภ. เมืองสงขลา',
      'สถานีตำรวจภูธรเมืองสงขลา',
      'Mueang Songkhla',
      'Muang Songkhla',
      'mueang songkhla police station',
      ' สภ.เมืองสงขลา ',
    ]) {
      expect(matchStation(input, stations), input).toMatchObject({ kind: 'exact', code });
    }
  });

  it('matches by code, tolerating case, hyphens and leading zeros', () => {
    const regs = [{ code: '00123', name_th: 'สภ.ก', name_en: 'A' }];
    expect(matchStation('123', regs)).toMatchObject({ kind: 'exact', code: '00123', via: 'code' });
    expect(matchStation('st001', stations)).toMatchObject({ kind: 'exact', code: 'ST001', via: 'code' });
    expect(normalizeCode('TH-90')).toBe(normalizeCode('th90'));
  });

  it('matches Bangkok สน. stations in Thai and English', () => {
    expect(matchStation('สถานีตำรวจนครบาลลุมพินี', stations)).toMatchObject({ kind: 'exact', code: codeOf('สน.ลุมพินี') });
    expect(matchStation('Lumphini Police Station', stations)).toMatchObject({ kind: 'exact', via: 'name_en' });
  });

  it('never returns a fuzzy guess as a match: only suggestions', () => {
    const typo = matchStation('หาดใหญ', stations); // missing mai ek
    expect(typo.kind).toBe('none');
    if (typo.kind === 'none') expect(typo.suggestions[0]?.code).toBe(codeOf('สภ.หาดใหญ่'));
    const roman = matchStation('Lumpini', stations);
    expect(roman.kind).toBe('none');
    if (roman.kind === 'none') expect(roman.suggestions.map((s) => s.code)).toContain(codeOf('สน.ลุมพินี'));
    expect(matchStation('Nowhere At All', stations)).toEqual({ kind: 'none', suggestions: [] });
    expect(matchStation('', stations)).toEqual({ kind: 'none', suggestions: [] });
  });

  it('reports a name shared by two stations as ambiguous', () => {
    const regs = [
      { code: 'A', name_th: 'สภ.บ้านใหม่', name_en: 'Ban Mai' },
      { code: 'B', name_th: 'สภ.บ้านใหม่', name_en: 'Ban Mai' },
      { code: 'C', name_th: 'สภ.บ้านเก่า', name_en: 'Ban Kao' },
    ];
    const r = matchStation('Ban Mai', regs);
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') expect(r.candidates.map((c) => c.code).sort()).toEqual(['A', 'B']);
  });

  it('prefers the exact spelling over the Mueang-stripped one', () => {
    const regs = [
      { code: 'M', name_th: 'สภ.เมืองยาง', name_en: 'Mueang Yang' },
      { code: 'Y', name_th: 'สภ.ยาง', name_en: 'Yang' },
    ];
    expect(matchStation('สภ.เมืองยาง', regs)).toMatchObject({ kind: 'exact', code: 'M' });
    expect(matchStation('Muang Yang', regs)).toMatchObject({ kind: 'exact', code: 'M' });
    expect(matchStation('สภ.ยาง', regs)).toMatchObject({ kind: 'exact', code: 'Y' });
  });

  it('answers from a cache built once per registry', () => {
    const m = createNameMatcher(stations);
    expect(m('Hat Yai')).toBe(m('Hat Yai'));
  });
});

describe('matchProvince', () => {
  it('matches ISO codes, Thai and English names', () => {
    for (const input of ['TH-90', 'TH90', 'สงขลา', 'จ.สงขลา', 'จังหวัดสงขลา', 'Songkhla', 'Songkhla Province']) {
      expect(matchProvince(input, provinces), input).toMatchObject({ kind: 'exact', code: 'TH-90' });
    }
    for (const input of ['กรุงเทพฯ', 'กทม.', 'กรุงเทพมหานคร', 'Bangkok']) {
      expect(matchProvince(input, provinces), input).toMatchObject({ kind: 'exact', code: 'TH-10' });
    }
  });

  it('has a unique key for each of the 77 provinces', () => {
    expect(provinces).toHaveLength(77);
    for (const p of provinces) {
      expect(matchProvince(p.name_th, provinces), p.name_th).toMatchObject({ kind: 'exact', code: p.code });
      expect(matchProvince(p.name_en, provinces), p.name_en).toMatchObject({ kind: 'exact', code: p.code });
    }
  });
});

describe('editDistance', () => {
  it('is Levenshtein with an early exit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
