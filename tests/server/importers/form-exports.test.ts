/**
 * Exports of the form tools stations already use (issue #20 item 5, data-formats.md "Exports of
 * form tools"): a Google Forms CSV from a Thai account (ประทับเวลา, BE timestamps, the questions as
 * headers, labels such as "กลัวมาก" and "เชื่อมั่นมากที่สุด"), the same as a Sheets XLSX download, a
 * KoboToolbox CSV (`;`, metadata columns, `end` with its offset) and a form worded otherwise,
 * mapped once and saved by name (columns and labels) for its next export. They land as opt-in
 * answers of the zone chosen for the file; the preview says how each label was read; an unknown
 * label refuses the file whole, naming row and column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveMapping } from '../../../server/queries/import-mappings.ts';
import { featureCollection, importText, rect, type TestDb, tempDb } from './helpers/db.ts';
import { buildXlsx } from './helpers/xlsx.ts';

let t: TestDb;
const ZONE = 'Z-FORM-SK';
const FEAR_Q = 'ท่านรู้สึกหวาดกลัวภัยอาชญากรรมในพื้นที่นี้มากน้อยเพียงใด';
const TRUST_Q = 'ท่านเชื่อมั่นต่อการทำงานของตำรวจในพื้นที่นี้มากน้อยเพียงใด';
const OPT_IN = { zone: ZONE, sampleType: 'opt_in' as const };

beforeAll(async () => {
  t = await tempDb();
  const z = await importText(
    t.db,
    'zones',
    'form.geojson',
    featureCollection([
      {
        properties: { code: ZONE, name_th: 'ตลาดแบบฟอร์ม', station: 'ST-MUEANG-SONGKHLA', start_date: '2021-10-01' },
        ring: rect(100.6, 7.2, 100.6015, 7.2015),
      },
    ]),
  );
  expect(z.errors).toEqual([]);
}, 120_000);
afterAll(() => t?.close());

const GOOGLE_ROWS = [
  ['ประทับเวลา', FEAR_Q, TRUST_Q, 'เพศ', 'อายุ'],
  ['6/5/2567, 21:30:15', 'กลัวมาก', 'เชื่อมั่นมากที่สุด', 'หญิง', '25-34'],
  ['7/5/2567, 8:02:44', 'กลัวน้อยที่สุด', 'เชื่อมั่นมาก', 'ชาย', ''],
  ['7/5/2567, 23:59:59', 'ไม่ทราบ/ไม่แน่ใจ', 'ปานกลาง', '', ''],
];
const csv = (rows: string[][], sep = ',') =>
  `${rows.map((r) => r.map((c) => (c.includes(sep) ? `"${c}"` : c)).join(sep)).join('\r\n')}\r\n`;

async function storedOf(importId: number | null) {
  return t.db.all<{ d: string; f: number | null; fs: string; tr: number | null; s: string; w: string }>(
    `SELECT strftime(surveyed_on, '%Y-%m-%d') AS d, fear_level AS f, fear_status AS fs, trust_level AS tr, sample_type AS s, wave AS w
       FROM survey_responses WHERE import_id = $id ORDER BY rowid`,
    { id: importId ?? -1 },
  );
}

describe('form-tool exports as opt-in answers', () => {
  it('a Google Forms CSV from a Thai account: BE timestamps, questions as headers, worded labels', async () => {
    const r = await importText(t.db, 'survey', 'แบบสอบถาม (การตอบกลับ) - การตอบแบบฟอร์ม 1.csv', csv(GOOGLE_ROWS), OPT_IN);
    expect(r.errors).toEqual([]);
    expect(await storedOf(r.importId)).toEqual([
      { d: '2024-05-06', f: 4, fs: 'valid', tr: 5, s: 'opt_in', w: '2567-Q2' },
      { d: '2024-05-07', f: 1, fs: 'valid', tr: 4, s: 'opt_in', w: '2567-Q2' },
      { d: '2024-05-07', f: null, fs: 'dont_know', tr: 3, s: 'opt_in', w: '2567-Q2' },
    ]);
    expect(r.preview.answerLabels.fear).toEqual([
      { label: 'กลัวมาก', reading: 4, rows: 1, firstRow: 2 },
      { label: 'กลัวน้อยที่สุด', reading: 1, rows: 1, firstRow: 3 },
      { label: 'ไม่ทราบ/ไม่แน่ใจ', reading: 'dont_know', rows: 1, firstRow: 4 },
    ]);
    expect(r.preview.answerLabels.trust?.map((l) => [l.label, l.reading])).toEqual([
      ['เชื่อมั่นมากที่สุด', 5],
      ['เชื่อมั่นมาก', 4],
      ['ปานกลาง', 3],
    ]);
    const [agg] = await t.db.all<{ n: number }>(
      `SELECT sum(n)::INTEGER AS n FROM survey_agg WHERE zone_id = $zone AND item = 'fear' AND sample_type = 'opt_in'`,
      { zone: ZONE },
    );
    expect(agg?.n).toBe(3);
    const [probability] = await t.db.all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM survey_agg WHERE zone_id = $zone AND sample_type = 'probability'`,
      { zone: ZONE },
    );
    expect(probability?.n).toBe(0);
  });

  it('the same answers as a Google Sheets XLSX download', async () => {
    const xlsx = buildXlsx([{ name: 'การตอบแบบฟอร์ม 1', rows: GOOGLE_ROWS }]);
    const r = await importText(t.db, 'survey', 'responses.xlsx', xlsx, OPT_IN, { dryRun: true });
    expect(r.errors).toEqual([]);
    expect(
      r.preview.rows.map((row) => [row.cells.surveyed_on?.value, row.cells.fear?.value, row.cells.trust?.value]),
    ).toEqual([
      ['2024-05-06', 4, 5],
      ['2024-05-07', 1, 4],
      ['2024-05-07', 'dont_know', 3],
    ]);
  });

  it('a KoboToolbox CSV: semicolons, metadata columns kept aside, the phone time with its offset', async () => {
    const rows = [
      ['start', 'end', 'fear', 'trust', '_id', '_uuid', '_submission_time', '_validation_status', '_index'],
      [
        '2024-05-06T23:40:02.000+07:00',
        '2024-05-06T23:41:10.000+07:00',
        'เชื่อมั่นมาก',
        'เชื่อมั่นมาก',
        '1',
        'a-1',
        '2024-05-06T16:41:12',
        '',
        '1',
      ],
      [
        '2024-05-07T10:00:00.000+07:00',
        '2024-05-07T10:00:31.000+07:00',
        '2',
        '5',
        '2',
        'a-2',
        '2024-05-07T03:00:33',
        '',
        '2',
      ],
    ];
    // Kobo's own item names: the first answer's fear text is a trust label, which the fear item does not know.
    const r = await importText(t.db, 'survey', 'kobo.csv', csv(rows, ';'), OPT_IN, { dryRun: true });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.code, e.row, e.column])).toEqual([['unknown_answer_label', 2, 'fear']]);
    expect(r.errors[0]?.th).toContain('"เชื่อมั่นมาก"');
    expect(r.errors[0]?.en).toContain('not on the scale');
    rows[1] = [
      '2024-05-07T02:09:02.000+07:00',
      '2024-05-07T02:10:10.000+07:00',
      'กลัวมาก',
      'เชื่อมั่นมาก',
      '1',
      'a-1',
      '2024-05-06T19:10:12',
      '',
      '1',
    ];
    const ok = await importText(t.db, 'survey', 'kobo.csv', csv(rows, ';'), OPT_IN);
    expect(ok.errors).toEqual([]);
    // 02:10 on 7 May in Bangkok is the 7th (its _submission_time, UTC without an offset, would say the 6th).
    expect((await storedOf(ok.importId)).map((s) => [s.d, s.f, s.tr])).toEqual([
      ['2024-05-07', 4, 4],
      ['2024-05-07', 2, 5],
    ]);
  });

  it('a form worded otherwise: mapped once, saved by name with its labels, reused for the next export', async () => {
    const header = ['Timestamp', '1. รู้สึกไม่ปลอดภัยแค่ไหน เวลาเดินในตลาดตอนค่ำ', '2. ไว้ใจตำรวจในตลาดแค่ไหน'];
    const first = [header, ['5/6/2024 20:15:00', 'ไม่ปลอดภัยมาก', 'ไว้ใจมาก']];
    const codebook = {
      name: 'ตลาดแบบฟอร์ม 2567',
      items: {
        fear: {
          levels: 5,
          labels: {
            '5': ['ไม่ปลอดภัยมากที่สุด'],
            '4': ['ไม่ปลอดภัยมาก'],
            '3': ['เฉย ๆ'],
            '2': ['ปลอดภัย'],
            '1': ['ปลอดภัยมาก'],
          },
        },
        trust: {
          levels: 5,
          labels: { '5': ['ไว้ใจมากที่สุด'], '4': ['ไว้ใจมาก'], '3': ['เฉย ๆ'], '2': ['ไว้ใจน้อย'], '1': ['ไม่ไว้ใจเลย'] },
        },
      },
    };
    const columns = { surveyed_on: header[0] as string, fear: header[1] as string, trust: header[2] as string };
    const options = { ...OPT_IN, codebook: JSON.stringify(codebook), dateOrder: 'mdy' as const };
    const r = await importText(t.db, 'survey', 'market.csv', csv(first), { ...options, mapping: columns });
    expect(r.errors).toEqual([]);
    await saveMapping(t.db, { name: 'แบบฟอร์มตลาด', kind: 'survey', columns, options, by: 'test-admin' });

    const next = [
      header,
      ['6/1/2024 19:00:00', 'ปลอดภัยมาก', 'ไม่ไว้ใจเลย'],
      ['6/2/2024 19:30:00', 'เฉย ๆ', 'ไว้ใจมากที่สุด'],
    ];
    const again = await importText(t.db, 'survey', 'market-june.csv', csv(next), { mapping: 'แบบฟอร์มตลาด' });
    expect(again.errors).toEqual([]);
    expect((await storedOf(again.importId)).map((s) => [s.d, s.f, s.tr, s.s])).toEqual([
      ['2024-06-01', 1, 1, 'opt_in'],
      ['2024-06-02', 3, 5, 'opt_in'],
    ]);

    // A label the saved mapping does not know: the whole file is refused, row and column named.
    const third = [...next, ['6/3/2024 19:00:00', 'กลัวนิดหน่อย', 'ไว้ใจมาก']];
    const refused = await importText(t.db, 'survey', 'market-june-2.csv', csv(third), { mapping: 'แบบฟอร์มตลาด' });
    expect(refused.ok).toBe(false);
    expect(refused.importId).toBeNull();
    expect(refused.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([
      ['unknown_answer_label', 4, header[1], 'กลัวนิดหน่อย'],
    ]);
    const [count] = await t.db.all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM survey_responses r JOIN imports i ON i.id = r.import_id WHERE i.file_name = 'market-june-2.csv'`,
    );
    expect(count?.n).toBe(0);
  });
});
