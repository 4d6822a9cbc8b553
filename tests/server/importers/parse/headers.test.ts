import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  canonicalFor,
  IMPORT_KINDS,
  KIND_SPECS,
  matchHeaders,
  normalizeHeader,
  requiredFields,
} from '../../../../server/importers/parse/headers.ts';
import { realData } from './helpers.ts';

describe('normalizeHeader', () => {
  it('ignores case, spaces, underscores, dots, BOM and Thai digits', () => {
    expect(normalizeHeader(' Crime_ID ')).toBe('crimeid');
    expect(normalizeHeader('CRIME-ID')).toBe('crimeid');
    expect(normalizeHeader('\uFEFFcase id')).toBe('caseid');
    expect(normalizeHeader('สภ.')).toBe(normalizeHeader('สภ'));
    expect(normalizeHeader('รอบที่ ๑')).toBe('รอบที่1');
  });
});

describe('the kind specs', () => {
  it('lists every kind of data-formats.md', () => {
    expect([...IMPORT_KINDS].sort()).toEqual([
      'incidents',
      'monthly_counts',
      'partners',
      'problems',
      'stations',
      'survey',
      'zones',
    ]);
  });

  it('has no alias naming two canonicals within a kind', () => {
    for (const kind of IMPORT_KINDS) {
      expect(() => canonicalFor(kind, 'anything')).not.toThrow();
    }
  });

  it('matches every canonical name and alias to itself (any case / spacing)', () => {
    for (const kind of IMPORT_KINDS) {
      for (const field of KIND_SPECS[kind].fields) {
        for (const name of [field.canonical, ...field.aliases]) {
          expect(canonicalFor(kind, name), `${kind}: ${name}`).toBe(field.canonical);
          expect(canonicalFor(kind, ` ${name.toUpperCase().replace(/_/g, ' ')} `), `${kind}: ${name}`).toBe(
            field.canonical,
          );
        }
      }
    }
  });

  it('states required-ness as data-formats.md does', () => {
    expect(requiredFields('incidents').sort()).toEqual(['crime_type', 'occurred_at', 'station']);
    expect(requiredFields('monthly_counts').sort()).toEqual(['count', 'month', 'station']);
    expect(requiredFields('survey').sort()).toEqual(['surveyed_on', 'zone']);
    expect(KIND_SPECS.survey.oneOf).toEqual([['fear', 'trust']]);
    expect(KIND_SPECS.monthly_counts.oneOf).toEqual([['crime_group', 'crime_type']]);
    expect(KIND_SPECS.partners.oneOf).toEqual([['zone', 'station']]);
    expect(requiredFields('stations').sort()).toEqual([
      'bureau',
      'code',
      'division',
      'kind',
      'name_en',
      'name_th',
      'province',
    ]);
    expect(requiredFields('zones').sort()).toEqual(['code', 'name_th', 'start_date', 'station']);
    expect(requiredFields('partners').sort()).toEqual(['mou_date', 'partner', 'partner_type']);
  });
});

describe('matchHeaders', () => {
  it('recognises Thai incident headers', () => {
    const m = matchHeaders('incidents', ['เลขคดี', 'วันที่เกิดเหตุ', 'ประเภทคดี', 'สภ.', 'ละติจูด', 'ลองจิจูด', 'หมายเหตุ']);
    expect(m.mapping).toEqual({ case_id: 0, occurred_at: 1, crime_type: 2, station: 3, lat: 4, lon: 5 });
    expect(m.extra).toEqual(['หมายเหตุ']);
    expect(m.extraIndexes).toEqual([6]);
    expect(m.ok).toBe(true);
  });

  it('recognises the police.uk header as incidents', () => {
    const dir = path.join(realData, 'police-uk-city-of-london');
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBe(36);
    for (const f of files) {
      const headerLine = readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/, 1)[0] ?? '';
      const headers = headerLine.split(',');
      const m = matchHeaders('incidents', headers);
      expect(m.mapping).toEqual({
        case_id: headers.indexOf('Crime ID'),
        occurred_at: headers.indexOf('Month'),
        lat: headers.indexOf('Latitude'),
        lon: headers.indexOf('Longitude'),
        crime_type: headers.indexOf('Crime type'),
      });
      expect(m.extra).toEqual(expect.arrayContaining(['Reported by', 'Falls within', 'LSOA code', 'Context']));
      // police.uk has no station column: the import chooses one for the whole file.
      expect(m.missingRequired).toEqual(['station']);
      const withDefault = matchHeaders('incidents', headers, undefined, { fileDefaults: ['station'] });
      expect(withDefault.missingRequired).toEqual([]);
      expect(withDefault.ok).toBe(true);
    }
  });

  it('reports missing required columns and one-of groups', () => {
    const m = matchHeaders('survey', ['พื้นที่', 'วันที่สำรวจ', 'เพศ']);
    expect(m.missingRequired).toEqual([]);
    expect(m.missingOneOf).toEqual([['fear', 'trust']]);
    expect(m.ok).toBe(false);
    const counts = matchHeaders('monthly_counts', ['station', 'month', 'count']);
    expect(counts.missingOneOf).toEqual([['crime_group', 'crime_type']]);
    expect(matchHeaders('monthly_counts', ['สถานี', 'เดือน', 'กลุ่มคดี', 'จำนวน']).ok).toBe(true);
  });

  it('does not let a whole-file value stand in for a column that cannot have one', () => {
    const m = matchHeaders('incidents', ['station', 'crime_type'], undefined, {
      fileDefaults: ['occurred_at' as never],
    });
    expect(m.missingRequired).toEqual(['occurred_at']);
  });

  it('reports two columns matching one canonical as ambiguous, mapping neither', () => {
    const m = matchHeaders('survey', ['zone', 'วันที่สำรวจ', 'date', 'fear']);
    expect(m.ambiguous).toEqual([{ canonical: 'surveyed_on', columns: [1, 2] }]);
    expect(m.mapping.surveyed_on).toBeUndefined();
    expect(m.missingRequired).toEqual([]);
    expect(m.ok).toBe(false);
  });

  it('applies a saved user mapping by header text or index, and null to unmap', () => {
    const headers = ['zone', 'วันที่สำรวจ', 'date', 'fear', 'Q37g'];
    const m = matchHeaders('survey', headers, { surveyed_on: 'Date', trust: 4 });
    expect(m.mapping).toEqual({ zone: 0, surveyed_on: 2, fear: 3, trust: 4 });
    expect(m.extra).toEqual(['วันที่สำรวจ']);
    expect(m.ok).toBe(true);
    const unmapped = matchHeaders('survey', headers, { fear: null, surveyed_on: 1, trust: 'Q37g' });
    expect(unmapped.mapping.fear).toBeUndefined();
    expect(unmapped.extra).toEqual(['date', 'fear']);
  });

  it('reports a saved mapping that does not fit the file', () => {
    const m = matchHeaders('survey', ['zone', 'date', 'fear'], { trust: 'Q37g', wave: 9, nonsense: 0 } as never);
    expect(m.invalidMapping).toEqual([
      { canonical: 'trust', target: 'Q37g' },
      { canonical: 'wave', target: 9 },
      { canonical: 'nonsense', target: 0 },
    ]);
    expect(m.ok).toBe(false);
  });

  it('matches headers of the other kinds', () => {
    expect(
      matchHeaders('stations', ['code', 'ชื่อสถานี', 'Name EN', 'ประเภท', 'กองบังคับการ', 'จังหวัด', 'กองบัญชาการ']).ok,
    ).toBe(true);
    expect(
      matchHeaders('zones', ['code', 'name', 'station', 'start_date', 'population', 'Area (km2)']).mapping,
    ).toMatchObject({
      code: 0,
      name_th: 1,
      station: 2,
      start_date: 3,
      population: 4,
    });
    const p = matchHeaders('partners', [
      'สถานี',
      'ภาคีเครือข่าย',
      'ประเภทภาคี',
      'วันที่ลงนาม',
      'กล้องวงจรปิด',
      'อาสาสมัคร',
      'งบประมาณ (บาท)',
    ]);
    expect(p.ok).toBe(true);
    expect(Object.keys(p.mapping).sort()).toEqual([
      'budget_thb',
      'cctv',
      'mou_date',
      'partner',
      'partner_type',
      'station',
      'volunteers',
    ]);
  });

  it('leaves blank headers as extras', () => {
    const m = matchHeaders('incidents', ['date', '', 'type', 'station']);
    expect(m.extraIndexes).toEqual([1]);
    expect(m.ok).toBe(true);
  });
});
