import { describe, expect, it } from 'vitest';
import {
  type CsvRecord,
  CsvParser,
  detectDelimiter,
  iterateCsv,
  parseCsv,
} from '../../../../server/importers/parse/csv.ts';
import type { Issue } from '../../../../server/importers/issues.ts';

const fields = (rows: readonly CsvRecord[]) => rows.map((r) => r.fields);

/** Feeds `text` to a CsvParser in pieces of `size` characters. */
function parseInPieces(text: string, size: number) {
  const rows: CsvRecord[] = [];
  const issues: Issue[] = [];
  let header: CsvRecord | null = null;
  const p = new CsvParser({
    onHeader: (h) => (header = h),
    onRow: (r) => rows.push(r),
    onIssue: (e) => issues.push(e),
  });
  for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
  p.end();
  return { header: header as CsvRecord | null, rows, issues };
}

describe('parseCsv: RFC 4180', () => {
  it('reads quoted fields, doubled quotes, CRLF and embedded line breaks', () => {
    const text = 'a,b,c\r\n1,"x, ""y""",3\r\n"multi\r\nline","",z\r\n';
    const r = parseCsv(text);
    expect(r.delimiter).toBe(',');
    expect(r.header?.fields).toEqual(['a', 'b', 'c']);
    expect(fields(r.rows)).toEqual([
      ['1', 'x, "y"', '3'],
      ['multi\r\nline', '', 'z'],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('accepts LF, CR-only and a missing final newline', () => {
    expect(fields(parseCsv('a,b\n1,2\n3,4').rows)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(fields(parseCsv('a,b\r1,2\r3,4\r').rows)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps spaces and empty trailing cells as written', () => {
    expect(fields(parseCsv('a,b,c\n x ,,\n').rows)).toEqual([[' x ', '', '']]);
  });

  it('skips blank rows (empty or whitespace cells) without an issue', () => {
    const r = parseCsv('a,b\n,\n  ,\t\n\n1,2\n');
    expect(fields(r.rows)).toEqual([['1', '2']]);
    expect(r.rows[0]?.row).toBe(5);
    expect(r.stats.blankRows).toBe(3);
    expect(r.issues).toEqual([]);
  });

  it('strips a BOM before the header', () => {
    expect(parseCsv('\uFEFFcase_id,date\n1,2\n').header?.fields).toEqual(['case_id', 'date']);
  });

  it('keeps a quote inside an unquoted field as text (5" screen)', () => {
    expect(fields(parseCsv('a,b\n5" screen,x\n').rows)).toEqual([['5" screen', 'x']]);
  });
});

describe('row and line numbers', () => {
  it('numbers rows as Excel shows them: header 1, blank lines count, a multi-line cell is one row', () => {
    const text = 'h1,h2\n"a\nb",1\n\nc,2\n,\nd,3\n';
    const r = parseCsv(text);
    expect(r.header).toMatchObject({ row: 1, line: 1 });
    expect(r.rows.map((x) => [x.row, x.line, x.fields[0]])).toEqual([
      [2, 2, 'a\nb'],
      [4, 5, 'c'],
      [6, 7, 'd'],
    ]);
    expect(r.stats).toEqual({ records: 6, blankRows: 2, dataRows: 3, skippedRows: 0 });
  });

  it('gives the header its real row when blank lines come first', () => {
    const r = parseCsv('\n\na,b\n1,2\n');
    expect(r.header).toMatchObject({ row: 3, line: 3, fields: ['a', 'b'] });
    expect(r.rows[0]).toMatchObject({ row: 4, line: 4 });
  });

  it('counts CRLF inside quotes as one line', () => {
    const r = parseCsv('a,b\r\n"x\r\ny\r\nz",1\r\nq,2\r\n');
    expect(r.rows.map((x) => [x.row, x.line])).toEqual([
      [2, 2],
      [3, 5],
    ]);
  });
});

describe('delimiter detection', () => {
  it.each([
    ['a,b,c\n', ','],
    ['a;b;c\n1,5;2;3', ';'],
    ['a\tb\tc\n', '\t'],
    ['a|b|c\n', '|'],
    ['"x,y";b;c\n', ';'],
    ['single\n', ','],
    ['\n\nname;value\n', ';'],
  ] as const)('%j -> %j', (text, d) => {
    expect(detectDelimiter(text)).toBe(d);
  });

  it('parses a semicolon file with decimal commas', () => {
    const r = parseCsv('station;count\nสภ.หาดใหญ่;1,5\n');
    expect(r.delimiter).toBe(';');
    expect(fields(r.rows)).toEqual([['สภ.หาดใหญ่', '1,5']]);
  });

  it('uses a fixed delimiter when given', () => {
    expect(fields(parseCsv('a;b,c\n1;2,3\n', { delimiter: ',' }).rows)).toEqual([['1;2', '3']]);
  });

  it('detects on a header split across pushed chunks', () => {
    const { rows, header } = parseInPieces('col1\tcol2\tcol3\n1\t2\t3\n', 3);
    expect(header?.fields).toEqual(['col1', 'col2', 'col3']);
    expect(fields(rows)).toEqual([['1', '2', '3']]);
  });
});

describe('structured errors', () => {
  it('reports a row with a different column count and goes on', () => {
    const r = parseCsv('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n', { file: 'x.csv' });
    expect(fields(r.rows)).toEqual([
      ['1', '2', '3'],
      ['10', '11', '12'],
    ]);
    expect(r.issues.map((i) => [i.code, i.row, i.file])).toEqual([
      ['column_count', 3, 'x.csv'],
      ['column_count', 4, 'x.csv'],
    ]);
    expect(r.issues[0]?.en).toContain('2 column(s) but the header has 3');
    expect(r.issues[0]?.th).toContain('แถวนี้มี 2 คอลัมน์');
    expect(r.issues[0]?.value).toBe('4,5');
  });

  it('can accept trailing empty cells when asked', () => {
    const text = 'a,b\n1,2,,\n';
    expect(parseCsv(text).issues[0]?.code).toBe('column_count');
    const r = parseCsv(text, { allowTrailingEmptyFields: true });
    expect(fields(r.rows)).toEqual([['1', '2']]);
    expect(r.issues).toEqual([]);
  });

  it('reports an unterminated quote with the row and line it opened on', () => {
    const r = parseCsv('a,b\n1,2\n3,"oops\n4,5\n6,7\n');
    expect(fields(r.rows)).toEqual([['1', '2']]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'unterminated_quote', row: 3, line: 3 });
    expect(r.issues[0]?.en).toContain('line 3');
  });

  it('reports text after a closing quote', () => {
    const r = parseCsv('a,b\n"x"y,1\n2,3\n');
    expect(fields(r.rows)).toEqual([['2', '3']]);
    expect(r.issues[0]).toMatchObject({ code: 'malformed_quote', row: 2 });
  });

  it('rejects a field longer than the limit, quoted or not, and goes on', () => {
    const long = 'x'.repeat(10_001);
    const r = parseCsv(`a,b\n${long},1\n"${long}",2\nok,3\n`);
    expect(fields(r.rows)).toEqual([['ok', '3']]);
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([
      ['field_too_long', 2],
      ['field_too_long', 3],
    ]);
    expect(parseCsv(`a\n${'y'.repeat(10_000)}\n`).rows).toHaveLength(1);
    expect(parseCsv('a\nabcdef\n', { maxFieldLength: 5 }).issues[0]?.code).toBe('field_too_long');
  });

  it('reports an empty file', () => {
    for (const text of ['', '\n\n', '\uFEFF']) {
      const r = parseCsv(text);
      expect(r.header).toBeNull();
      expect(r.issues.map((i) => i.code)).toEqual(['empty_file']);
    }
  });

  it('caps stored issues but counts them all', () => {
    const text = `a,b\n${'1\n'.repeat(500)}`;
    const r = parseCsv(text, { issueLimit: 50 });
    expect(r.issues).toHaveLength(50);
    expect(r.issueCount).toBe(500);
  });
});

describe('streaming', () => {
  const text =
    '\uFEFFid;name;note\r\n1;"สภ.หาดใหญ่";"a ""b""\r\nc"\r\n\r\n2;สภ.เมืองสงขลา;\r\n3;x;"y;z"\r\n4;bad\r\n5;"unterminated;q\r\n';

  it('gives the same rows and issues whatever the chunk size', () => {
    const whole = parseCsv(text);
    for (const size of [1, 2, 3, 5, 7, 64, 1 << 20]) {
      const pieces = parseInPieces(text, size);
      expect(pieces.header?.fields).toEqual(whole.header?.fields);
      expect(pieces.rows).toEqual(whole.rows);
      expect(pieces.issues).toEqual(whole.issues);
    }
    expect(whole.rows.map((r) => r.fields[0])).toEqual(['1', '2', '3']);
    expect(whole.issues.map((i) => [i.code, i.row])).toEqual([
      ['column_count', 6],
      ['unterminated_quote', 7],
    ]);
  });

  it('iterateCsv yields header, rows and issues in order', async () => {
    async function* chunks() {
      yield 'a,b\n1,';
      yield '2\n3\n';
      yield '4,5\n';
    }
    const events = [];
    for await (const e of iterateCsv(chunks())) events.push(e);
    expect(events.map((e) => e.type)).toEqual(['header', 'row', 'issue', 'row']);
  });
});

describe('large input', () => {
  // No timed assertion here (tests/README.md): throughput belongs to `npm run bench`.
  it('streams 200,000 seven-column rows in 64 KiB chunks', () => {
    const lines = ['case_id,occurred_at,crime_type,lat,lon,station,zone'];
    for (let i = 0; i < 200_000; i++) {
      lines.push(`C${i},2021-05-06 21:30,ลักทรัพย์,7.0${i % 1000},100.47,สภ.หาดใหญ่,"Z, ${i % 10}"`);
    }
    const text = lines.join('\r\n');
    let n = 0;
    let last: CsvRecord | null = null;
    const p = new CsvParser({
      onRow: (r) => {
        n++;
        last = r;
      },
      onIssue: () => {},
    });
    for (let i = 0; i < text.length; i += 65_536) p.push(text.slice(i, i + 65_536));
    p.end();
    expect(n).toBe(200_000);
    expect(last).toEqual({
      row: 200_001,
      line: 200_001,
      fields: ['C199999', '2021-05-06 21:30', 'ลักทรัพย์', '7.0999', '100.47', 'สภ.หาดใหญ่', 'Z, 9'],
    });
  });
});
