/**
 * Fuzz-ish robustness: a few hundred randomly mutated CSV inputs (seeded, so any failure
 * reproduces) must never throw; they give rows or structured issues, the same in one piece or
 * in random chunks.
 */
import { describe, expect, it } from 'vitest';
import { classifyAnswer, DEFAULT_CODEBOOK } from '../../../../server/importers/parse/answers.ts';
import { CsvParser, type CsvRecord, parseCsv } from '../../../../server/importers/parse/csv.ts';
import { parseCsvFile } from '../../../../server/importers/parse/csv-file.ts';
import { parseDateTime } from '../../../../server/importers/parse/dates.ts';
import type { Issue } from '../../../../server/importers/issues.ts';
import { matchHeaders } from '../../../../server/importers/parse/headers.ts';
import { matchStation } from '../../../../server/importers/parse/names.ts';
import { parseNumber } from '../../../../server/importers/parse/numbers.ts';
import { mulberry32 } from '../../../../server/random.ts';
import { encodeWindows874 } from './helpers.ts';

const SEED = 20_240_501;
const STATIONS = [{ code: '1', name_th: 'สภ.หาดใหญ่', name_en: 'Hat Yai' }];
const CASES = 400;

const BASE = [
  'เลขคดี,วันที่เกิดเหตุ,ประเภทคดี,สภ.,ละติจูด,ลองจิจูด,หมายเหตุ',
  '64/001,6 พ.ค. 2564 21.30 น.,ลักทรัพย์,สภ.หาดใหญ่,7.006,100.47,"ตลาด, กลางคืน"',
  '64/002,06/05/2564 21:30,ชิงทรัพย์,สภ. เมืองสงขลา,7.2,100.595,"ผู้เสียหาย ""นาย ก"""',
  '64/003,30 ก.ย. 2564,ทำร้ายร่างกาย,สถานีตำรวจภูธรเมืองสงขลา,,,"บรรทัดแรก\r\nบรรทัดสอง"',
  '64/004,ก.ย. 64,ยาเสพติด,Hat Yai,,,',
].join('\r\n');

const KNOWN_CODES = new Set([
  'unterminated_quote',
  'malformed_quote',
  'column_count',
  'field_too_long',
  'empty_file',
  'encoding_replacement',
  'unsupported_encoding',
]);

type Mutator = (s: string, rnd: () => number) => string;
const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)] as T;
const at = (s: string, rnd: () => number) => Math.floor(rnd() * (s.length + 1));

const MUTATORS: readonly Mutator[] = [
  // truncate anywhere (often inside a quoted field)
  (s, r) => s.slice(0, at(s, r)),
  // insert a special character
  (s, r) => {
    const i = at(s, r);
    return (
      s.slice(0, i) + pick(['"', ',', '\r', '\n', '\r\n', ';', '\t', '|', '""', '\uFEFF', '\u0000'], r) + s.slice(i)
    );
  },
  // delete a character
  (s, r) => {
    const i = at(s, r);
    return s.slice(0, i) + s.slice(i + 1);
  },
  // wrong delimiter
  (s, r) => s.replaceAll(',', pick([';', '\t', '|', ' '], r)),
  // huge field
  (s, r) => {
    const i = at(s, r);
    return s.slice(0, i) + pick(['x', '"', 'ก', ','], r).repeat(10_000 + Math.floor(r() * 5_000)) + s.slice(i);
  },
  // duplicate a slice
  (s, r) => {
    const i = at(s, r);
    const j = Math.min(s.length, i + Math.floor(r() * 40));
    return s.slice(0, j) + s.slice(i, j) + s.slice(j);
  },
  // random unicode garbage
  (s, r) => {
    const i = at(s, r);
    let g = '';
    for (let k = 0; k < 1 + r() * 20; k++) g += String.fromCharCode(Math.floor(r() * 0xffff));
    return s.slice(0, i) + g + s.slice(i);
  },
];

function mutate(rnd: () => number): string {
  let s = BASE;
  const n = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < n; k++) s = pick(MUTATORS, rnd)(s, rnd);
  return s;
}

function parseChunked(text: string, rnd: () => number) {
  const rows: CsvRecord[] = [];
  const issues: Issue[] = [];
  let header: CsvRecord | null = null;
  const p = new CsvParser({
    onHeader: (h) => (header = h),
    onRow: (x) => rows.push(x),
    onIssue: (e) => issues.push(e),
  });
  let i = 0;
  while (i < text.length) {
    const size = 1 + Math.floor(rnd() * 50);
    p.push(text.slice(i, i + size));
    i += size;
  }
  p.end();
  return { header: header as CsvRecord | null, rows, issues };
}

function checkInvariants(text: string, r: ReturnType<typeof parseCsv>) {
  expect(r.header !== null || r.issues.some((i) => i.code === 'empty_file')).toBe(true);
  const width = r.header?.fields.length ?? 0;
  let last = r.header?.row ?? 0;
  for (const row of r.rows) {
    expect(row.fields).toHaveLength(width);
    expect(row.row).toBeGreaterThan(last);
    expect(row.line).toBeGreaterThanOrEqual(row.row);
    for (const f of row.fields) expect(f.length).toBeLessThanOrEqual(10_000);
    last = row.row;
  }
  for (const issue of r.issues) {
    expect(KNOWN_CODES.has(issue.code), issue.code).toBe(true);
    expect(issue.row === null || issue.row >= 1).toBe(true);
    expect(issue.th.length).toBeGreaterThan(0);
    expect(issue.en.length).toBeGreaterThan(0);
  }
  expect(r.stats.records).toBeLessThanOrEqual(text.length + 1);
}

describe(`fuzz: ${CASES} mutated CSV inputs (seed ${SEED})`, () => {
  it('never throws, and returns rows or structured issues, identical in chunks', () => {
    const rnd = mulberry32(SEED);
    let withIssues = 0;
    for (let k = 0; k < CASES; k++) {
      const text = mutate(rnd);
      let whole: ReturnType<typeof parseCsv> | undefined;
      expect(() => {
        whole = parseCsv(text, { file: `case-${k}.csv` });
      }, `case ${k}`).not.toThrow();
      if (whole === undefined) continue;
      checkInvariants(text, whole);
      if (whole.issueCount > 0) withIssues++;
      const chunked = parseChunked(text, rnd);
      expect(chunked.rows, `case ${k}`).toEqual(whole.rows);
      expect(
        chunked.issues.map((i) => [i.code, i.row]),
        `case ${k}`,
      ).toEqual(whole.issues.map((i) => [i.code, i.row]));
      // The other parse steps cope with whatever cells came out.
      for (const row of whole.rows) {
        for (const cell of row.fields) {
          parseDateTime(cell);
          parseNumber(cell);
          classifyAnswer(cell, DEFAULT_CODEBOOK.items.fear ?? { levels: 5, counts: [4, 5] });
          matchStation(cell, STATIONS);
        }
      }
      if (whole.header !== null) matchHeaders('incidents', whole.header.fields);
    }
    // The mutations do hit the error paths.
    expect(withIssues).toBeGreaterThan(CASES / 10);
  });

  it('never throws on mutated bytes (UTF-8, Windows-874, random flips)', () => {
    const rnd = mulberry32(SEED + 1);
    const sources = [new TextEncoder().encode(BASE), encodeWindows874(BASE.replace('…', '...'))];
    for (let k = 0; k < CASES; k++) {
      const src = pick(sources, rnd);
      const bytes = src.slice(0, Math.floor(rnd() * (src.length + 1)));
      const flips = Math.floor(rnd() * 6);
      for (let f = 0; f < flips && bytes.length > 0; f++) {
        const i = Math.floor(rnd() * bytes.length);
        bytes[i] = ((bytes[i] as number) ^ (1 << Math.floor(rnd() * 8))) & 0xff;
      }
      const r = parseCsvFile(bytes, { file: `bytes-${k}.csv` });
      checkInvariants('', { ...r, stats: { ...r.stats, records: 0 } });
    }
  });

  it('never throws on random strings in the value parsers', () => {
    const rnd = mulberry32(SEED + 2);
    const alphabet = '0123456789๐๑๒๓๔๕๖๗๘๙/-.:, TนพศคยมกาreqtZ+\u00A0';
    for (let k = 0; k < 2_000; k++) {
      let s = '';
      for (let c = 0; c < rnd() * 25; c++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const d = parseDateTime(s);
      if (d.ok) {
        expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(d.month).toBe(d.date.slice(0, 7));
        expect(Number.isFinite(d.utcMillis)).toBe(true);
      } else expect(d.reason.en.length).toBeGreaterThan(0);
      const n = parseNumber(s);
      if (n.ok) expect(Number.isFinite(n.value)).toBe(true);
      parseDateTime(rnd() * 100_000 - 10_000);
    }
  });
});
