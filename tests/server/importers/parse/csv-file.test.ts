import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CsvFileEvent, iterateCsvFile, parseCsvFile } from '../../../../server/importers/parse/csv-file.ts';
import { parseDateTime } from '../../../../server/importers/parse/dates.ts';
import { matchHeaders } from '../../../../server/importers/parse/headers.ts';
import { matchStation } from '../../../../server/importers/parse/names.ts';
import { parseLatitude } from '../../../../server/importers/parse/numbers.ts';
import { encodeWindows874, fixtureBytes, realData } from './helpers.ts';

describe('parseCsvFile on the Phuket tables', () => {
  const dir = path.join(realData, 'thai-crime-tables');
  const read = (f: string) => new Uint8Array(readFileSync(path.join(dir, f)));

  it('gives identical header and rows for UTF-8, Windows-874 and TIS-620', () => {
    const u = parseCsvFile(read('phuket_crime_groups_be2558_2561.csv'), { file: 'utf8' });
    const cp = parseCsvFile(read('phuket_crime_groups_be2558_2561.cp874.csv'), { file: 'cp874' });
    const tis = parseCsvFile(read('phuket_crime_groups_be2558_2561.tis620.csv'), { file: 'tis620' });
    expect([u.encoding, cp.encoding, tis.encoding]).toEqual(['utf-8', 'windows-874', 'windows-874']);
    expect(u.header?.fields).toEqual([
      'จังหวัด',
      'province_en',
      'ปี_พ.ศ.',
      'year_ce',
      'ประเภทความผิด',
      'type_of_crime_en',
      'รับแจ้ง_ราย',
      'จับกุม_ราย',
      'หมายเหตุ_note',
    ]);
    expect(u.rows).toHaveLength(16);
    for (const other of [cp, tis]) {
      expect(other.header?.fields).toEqual(u.header?.fields);
      expect(other.rows.map((r) => r.fields)).toEqual(u.rows.map((r) => r.fields));
      expect(other.rows.map((r) => r.row)).toEqual(u.rows.map((r) => r.row));
      expect(other.issues).toEqual([]);
    }
    expect(u.rows[0]?.fields.slice(0, 3)).toEqual(['ภูเก็ต', 'Phuket', '2558']);
    expect(u.rows[15]?.fields[8]).toContain('คอลัมน์แรก=จับกุม (ราย)');
  });

  it('decodes with an override and reports undecodable bytes', () => {
    const r = parseCsvFile(read('phuket_crime_groups_be2558_2561.tis620.csv'), { encoding: 'utf-8', file: 'p.csv' });
    expect(r.issues[0]).toMatchObject({ code: 'encoding_replacement', severity: 'warning', row: null, file: 'p.csv' });
  });

  it('refuses UTF-16', () => {
    const r = parseCsvFile(Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00]));
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['unsupported_encoding']);
  });
});

describe('the committed Thai incident fixtures, end to end', () => {
  const files = [
    'incidents-thai.utf8.csv',
    'incidents-thai.utf8-bom.csv',
    'incidents-thai.windows-874.csv',
    'incidents-thai.tis620.csv',
  ];
  const stations = [
    { code: '9001', name_th: 'สภ.เมืองสงขลา', name_en: 'Mueang Songkhla' },
    { code: '9002', name_th: 'สภ.หาดใหญ่', name_en: 'Hat Yai' },
  ];

  it.each(files)('%s', (file) => {
    const r = parseCsvFile(fixtureBytes(file), { file });
    expect(r.issues).toEqual([]);
    const header = r.header?.fields ?? [];
    const m = matchHeaders('incidents', header);
    expect(m.ok).toBe(true);
    expect(m.extra).toEqual(['หมายเหตุ']);
    const col = (row: string[], c: keyof typeof m.mapping) => row[m.mapping[c] ?? -1] ?? '';
    const rows = r.rows.map((x) => x.fields);
    expect(rows.map((row) => parseDateTime(col(row, 'occurred_at')))).toMatchObject([
      { ok: true, date: '2021-05-06', time: '21:30' },
      { ok: true, date: '2021-05-06', time: '21:30' },
      { ok: true, date: '2021-09-30' },
      { ok: true, month: '2021-09', monthOnly: true },
    ]);
    expect(rows.map((row) => matchStation(col(row, 'station'), stations))).toMatchObject([
      { kind: 'exact', code: '9002' },
      { kind: 'exact', code: '9001' },
      { kind: 'exact', code: '9001' },
      { kind: 'exact', code: '9002' },
    ]);
    expect(parseLatitude(col(rows[0] ?? [], 'lat'))).toEqual({ ok: true, value: 7.006 });
    expect(rows[1]?.[6]).toBe('ผู้เสียหาย "นาย ก"');
    expect(rows[2]?.[6]).toBe('บรรทัดแรก\r\nบรรทัดสอง');
    expect(r.rows.map((x) => [x.row, x.line])).toEqual([
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 6],
    ]);
  });
});

describe('police.uk City of London files', () => {
  it('parse without issues: 27,422 rows in 36 files, headers matching the incidents kind', () => {
    const dir = path.join(realData, 'police-uk-city-of-london');
    let rows = 0;
    let noId = 0;
    let noCoords = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.csv'))) {
      const r = parseCsvFile(new Uint8Array(readFileSync(path.join(dir, f))), { file: f });
      expect(r.issues, f).toEqual([]);
      expect(r.encoding).toBe('utf-8');
      const m = matchHeaders('incidents', r.header?.fields ?? [], undefined, { fileDefaults: ['station'] });
      expect(m.ok).toBe(true);
      const id = m.mapping.case_id ?? -1;
      const month = m.mapping.occurred_at ?? -1;
      const lat = m.mapping.lat ?? -1;
      for (const row of r.rows) {
        if (row.fields[id] === '') noId++;
        if (row.fields[lat] === '') noCoords++;
        const d = parseDateTime(row.fields[month] ?? '');
        expect(d.ok && d.monthOnly === true && d.month === f.slice(0, 7)).toBe(true);
      }
      rows += r.rows.length;
    }
    expect(rows).toBe(27_422);
    expect(noId).toBeGreaterThan(0); // anti-social behaviour rows have no Crime ID
    expect(noCoords).toBeGreaterThan(1_000); // README: about 2,100 rows without coordinates
  });
});

describe('iterateCsvFile', () => {
  async function collect(chunks: Uint8Array[], options = {}) {
    const events: CsvFileEvent[] = [];
    const gen = iterateCsvFile(chunks, options);
    let step = await gen.next();
    while (step.done !== true) {
      events.push(step.value);
      step = await gen.next();
    }
    return { events, stats: step.value };
  }

  it('streams a Windows-874 file split anywhere', async () => {
    const text = `สถานี,ประเภทคดี\r\n${'สภ.หาดใหญ่,ลักทรัพย์\r\n'.repeat(5000)}`;
    const bytes = encodeWindows874(text);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 7777) chunks.push(bytes.subarray(i, i + 7777));
    const { events, stats } = await collect(chunks);
    expect(events[0]).toMatchObject({ type: 'encoding', encoding: 'windows-874' });
    expect(events[1]).toMatchObject({ type: 'header', record: { fields: ['สถานี', 'ประเภทคดี'] } });
    const rows = events.filter((e) => e.type === 'row');
    expect(rows).toHaveLength(5000);
    expect(rows.every((e) => e.type === 'row' && e.record.fields[0] === 'สภ.หาดใหญ่')).toBe(true);
    expect(stats.dataRows).toBe(5000);
  });

  it('detects UTF-8 on a 64 KiB sample that ends in the middle of a character', async () => {
    const bytes = new TextEncoder().encode(`a\n${'ภูเก็ต\n'.repeat(5000)}`);
    // 65,538 bytes = the header (2 bytes) + 3,449 lines of 19 bytes + 5 bytes: mid-character.
    const { events } = await collect([bytes.subarray(0, 65_538), bytes.subarray(65_538)]);
    expect(events[0]).toMatchObject({ type: 'encoding', encoding: 'utf-8', detection: { reason: 'valid_utf8' } });
    const rows = events.filter((e) => e.type === 'row');
    expect(rows).toHaveLength(5000);
    expect(rows.every((e) => e.type === 'row' && e.record.fields[0] === 'ภูเก็ต')).toBe(true);
    expect(events.some((e) => e.type === 'issue')).toBe(false);
  });
});
