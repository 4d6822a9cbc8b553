/**
 * RFC 4180 CSV, streaming-capable: quoted fields, doubled quotes, CRLF / LF / CR, line breaks
 * inside quotes, delimiter detected on the header line among `,` `;` TAB `|`.
 *
 * The first non-blank record is the header. Every later record is either delivered as a row
 * or reported as an issue (and skipped): unterminated quote, text after a closing quote,
 * a column count different from the header's, a cell longer than `maxFieldLength`.
 * Nothing here throws on bad input.
 *
 * Row numbers follow the pipeline convention (errors.ts): `row` counts records the way Excel
 * shows them (header = 1 when it is the first line; blank lines count; a quoted cell with line
 * breaks stays one row); `line` is the physical line where the record starts.
 *
 * Speed: one pass over the text with charCodeAt / indexOf, no regex per character;
 * a few million short rows per second on a laptop.
 */

import { type Issue, IssueCollector, issue } from '../issues.ts';

export type CsvDelimiter = ',' | ';' | '\t' | '|';
/** Candidates in tie-break order. */
const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];
const DEFAULT_MAX_FIELD_LENGTH = 10_000;

export interface CsvRecord {
  /** Excel-style row number (header = 1 when it is on the first line). */
  readonly row: number;
  /** 1-based physical line where the record starts. */
  readonly line: number;
  readonly fields: string[];
}

export interface CsvOptions {
  /** Fixed delimiter; absent = detected on the header line. */
  delimiter?: CsvDelimiter;
  /** Longest cell accepted, in UTF-16 code units (default 10,000). */
  maxFieldLength?: number;
  /** File name put into issues. */
  file?: string;
  /** Skip rows whose cells are all empty or whitespace, without an issue (default true). */
  skipBlankRows?: boolean;
  /**
   * Accept a row with MORE cells than the header when every extra cell is empty (trailing
   * delimiters left by some exporters); the extras are dropped. Default false: reported.
   */
  allowTrailingEmptyFields?: boolean;
}

export interface CsvHandlers {
  onHeader?: (header: CsvRecord, delimiter: CsvDelimiter) => void;
  onRow: (row: CsvRecord) => void;
  onIssue: (issue: Issue) => void;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/** Undecided header: give up waiting for a line end after this many characters. */
const DETECT_LIMIT = 1 << 20;

/** Parser states (plain numbers: no enums, the code runs under type stripping too). */
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Inside a quoted field, just read a `"`: either `""` or the closing quote. */
const QUOTE_SEEN = 3;
type State = typeof FIELD_START | typeof UNQUOTED | typeof QUOTED | typeof QUOTE_SEEN;

/** Incremental scan of the first non-blank line (resumable across pushed chunks). */
interface HeaderScan {
  pos: number;
  inQuotes: boolean;
  content: boolean;
  /** True once the end of the first non-blank line was seen. */
  complete: boolean;
  counts: number[];
}

const DELIMITER_CODES = CSV_DELIMITERS.map((d) => d.charCodeAt(0));

function newHeaderScan(): HeaderScan {
  return { pos: 0, inQuotes: false, content: false, complete: false, counts: [0, 0, 0, 0] };
}

/** Continues `scan` over text[scan.pos..]; `text` must extend the text scanned before. */
function continueHeaderScan(scan: HeaderScan, text: string): void {
  const n = text.length;
  let i = scan.pos;
  for (; i < n && !scan.complete; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      scan.inQuotes = !scan.inQuotes;
      scan.content = true;
      continue;
    }
    if (scan.inQuotes) continue;
    if (c === LF || c === CR) {
      if (scan.content) scan.complete = true;
      continue;
    }
    if (c !== 0x20 && c !== 0xfeff) scan.content = true;
    const k = DELIMITER_CODES.indexOf(c);
    if (k !== -1) scan.counts[k] = (scan.counts[k] ?? 0) + 1;
  }
  scan.pos = i;
}

function chosenDelimiter(scan: HeaderScan): CsvDelimiter {
  const counts = scan.counts;
  let best = 0;
  for (let k = 1; k < counts.length; k++) if ((counts[k] ?? 0) > (counts[best] ?? 0)) best = k;
  return CSV_DELIMITERS[best] ?? ',';
}

/**
 * The delimiter of the first non-blank line (counted outside quotes): the most frequent of
 * `,` `;` TAB `|`, ties broken in that order, `,` when none occurs (one-column file).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const scan = newHeaderScan();
  continueHeaderScan(scan, text);
  return chosenDelimiter(scan);
}

/**
 * Push-style parser: `push(text)` any number of times, then `end()`. Records and issues go to
 * the handlers as soon as they are complete, so memory stays flat on large files.
 */
export class CsvParser {
  readonly #h: CsvHandlers;
  readonly #file: string;
  readonly #max: number;
  readonly #skipBlank: boolean;
  readonly #trailingOk: boolean;

  #delimiter: CsvDelimiter | null;
  #delim = -1;
  #pending = '';
  #scan = newHeaderScan();
  #first = true;
  #ended = false;

  #state: State = FIELD_START as State;
  #fields: string[] = [];
  #field = '';
  #overflow = false;
  #inRecord = false;
  #recordLine = 1;
  #quoteLine = 1;
  #line = 1;
  #prevCR = false;
  #skipLF = false;
  #tooLongCell = 0;
  #malformedCell = 0;

  #rows = 0;
  #blankRows = 0;
  #headerCount = -1;
  #dataRows = 0;
  #badRows = 0;

  constructor(handlers: CsvHandlers, options: CsvOptions = {}) {
    this.#h = handlers;
    this.#file = options.file ?? '';
    this.#max = options.maxFieldLength ?? DEFAULT_MAX_FIELD_LENGTH;
    this.#skipBlank = options.skipBlankRows ?? true;
    this.#trailingOk = options.allowTrailingEmptyFields ?? false;
    this.#delimiter = options.delimiter ?? null;
    if (this.#delimiter !== null) this.#delim = this.#delimiter.charCodeAt(0);
  }

  /** The delimiter in use (null until the header line has been seen). */
  get delimiter(): CsvDelimiter | null {
    return this.#delimiter;
  }

  get stats(): CsvStats {
    return {
      records: this.#rows,
      blankRows: this.#blankRows,
      dataRows: this.#dataRows,
      skippedRows: this.#badRows,
    };
  }

  push(chunk: string): void {
    if (this.#ended || chunk.length === 0) return;
    let text = chunk;
    if (this.#first) {
      this.#first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.#delimiter === null) {
      this.#pending += text;
      continueHeaderScan(this.#scan, this.#pending);
      if (!this.#scan.complete && this.#pending.length < DETECT_LIMIT) return;
      this.#setDelimiter(chosenDelimiter(this.#scan));
      text = this.#pending;
      this.#pending = '';
    }
    this.#consume(text);
  }

  end(): void {
    if (this.#ended) return;
    if (this.#delimiter === null) {
      continueHeaderScan(this.#scan, this.#pending);
      this.#setDelimiter(chosenDelimiter(this.#scan));
      const text = this.#pending;
      this.#pending = '';
      this.#consume(text);
    }
    this.#ended = true;
    switch (this.#state) {
      case FIELD_START:
        if (this.#inRecord) {
          this.#fields.push('');
          this.#endRecord();
        }
        break;
      case UNQUOTED:
      case QUOTE_SEEN:
        this.#finishField();
        this.#endRecord();
        break;
      case QUOTED: {
        const row = ++this.#rows;
        this.#badRows++;
        this.#h.onIssue(
          issue('unterminated_quote', { file: this.#file, row, line: this.#recordLine }, { line: this.#quoteLine }),
        );
        break;
      }
    }
    if (this.#headerCount < 0) this.#h.onIssue(issue('empty_file', { file: this.#file }));
  }

  #setDelimiter(d: CsvDelimiter): void {
    this.#delimiter = d;
    this.#delim = d.charCodeAt(0);
  }

  #append(s: string, from: number, to: number): void {
    if (this.#overflow || to <= from) return;
    if (this.#field.length + (to - from) > this.#max) {
      this.#overflow = true;
      this.#field = '';
      if (this.#tooLongCell === 0) this.#tooLongCell = this.#fields.length + 1;
      return;
    }
    this.#field = this.#field.length === 0 ? s.slice(from, to) : this.#field + s.slice(from, to);
  }

  #finishField(): void {
    this.#fields.push(this.#field);
    this.#field = '';
    this.#overflow = false;
  }

  /** Counts line breaks in quoted content s[from, to). */
  #countLines(s: string, from: number, to: number): void {
    let prevCR = this.#prevCR;
    let line = this.#line;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      if (c === LF) {
        if (!prevCR) line++;
        prevCR = false;
      } else if (c === CR) {
        line++;
        prevCR = true;
      } else prevCR = false;
    }
    this.#prevCR = prevCR;
    this.#line = line;
  }

  /** Consumes the record terminator at s[i] (CR, LF or CRLF); returns the next index. */
  #newline(s: string, i: number): number {
    this.#line++;
    if (s.charCodeAt(i) === CR) {
      if (i + 1 < s.length) return s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      this.#skipLF = true;
    }
    return i + 1;
  }

  #consume(s: string): void {
    const n = s.length;
    const delim = this.#delim;
    const max = this.#max;
    let i = 0;
    if (this.#skipLF && n > 0) {
      this.#skipLF = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    let state = this.#state;
    while (i < n) {
      if (state === FIELD_START) {
        if (!this.#inRecord) {
          this.#inRecord = true;
          this.#recordLine = this.#line;
        }
        let c = s.charCodeAt(i);
        if (c === QUOTE) {
          state = QUOTED;
          this.#quoteLine = this.#line;
          this.#prevCR = false;
          i++;
          continue;
        }
        // Unquoted field (the hot path): scan to the next delimiter or line end.
        let j = i;
        while (j < n) {
          c = s.charCodeAt(j);
          if (c === delim || c === LF || c === CR) break;
          j++;
        }
        if (j === n) {
          // The field may go on in the next chunk.
          this.#append(s, i, j);
          state = UNQUOTED;
          break;
        }
        if (j - i > max) {
          if (this.#tooLongCell === 0) this.#tooLongCell = this.#fields.length + 1;
          this.#fields.push('');
        } else this.#fields.push(j === i ? '' : s.slice(i, j));
        if (c === delim) i = j + 1;
        else {
          this.#endRecord();
          i = this.#newline(s, j);
        }
        continue;
      }
      if (state === UNQUOTED) {
        // An unquoted field continued from the previous chunk, or text after `"abc"`.
        let j = i;
        let c = 0;
        while (j < n) {
          c = s.charCodeAt(j);
          if (c === delim || c === LF || c === CR) break;
          j++;
        }
        this.#append(s, i, j);
        if (j === n) break;
        this.#finishField();
        state = FIELD_START;
        if (c === delim) i = j + 1;
        else {
          this.#endRecord();
          i = this.#newline(s, j);
        }
        continue;
      }
      if (state === QUOTED) {
        const qi = s.indexOf('"', i);
        const stop = qi === -1 ? n : qi;
        this.#countLines(s, i, stop);
        this.#append(s, i, stop);
        if (qi === -1) break;
        state = QUOTE_SEEN;
        i = qi + 1;
        continue;
      }
      // QUOTE_SEEN
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        this.#append('"', 0, 1);
        state = QUOTED;
        this.#prevCR = false;
        i++;
      } else if (c === delim) {
        this.#finishField();
        state = FIELD_START;
        i++;
      } else if (c === LF || c === CR) {
        this.#finishField();
        state = FIELD_START;
        this.#endRecord();
        i = this.#newline(s, i);
      } else {
        // `"abc"def`: keep the text, report the row.
        if (this.#malformedCell === 0) this.#malformedCell = this.#fields.length + 1;
        state = UNQUOTED;
      }
    }
    this.#state = state;
  }

  #endRecord(): void {
    const fields = this.#fields;
    const row = ++this.#rows;
    const line = this.#recordLine;
    const tooLong = this.#tooLongCell;
    const malformed = this.#malformedCell;
    this.#fields = [];
    this.#inRecord = false;
    this.#tooLongCell = 0;
    this.#malformedCell = 0;

    if (this.#skipBlank && tooLong === 0 && malformed === 0 && isBlank(fields)) {
      this.#blankRows++;
      return;
    }
    const where = { file: this.#file, row, line };
    if (this.#headerCount < 0) {
      // The header: still usable with a problem cell, but say so.
      if (malformed !== 0) this.#h.onIssue(issue('malformed_quote', where, { cell: malformed }));
      if (tooLong !== 0) this.#h.onIssue(issue('field_too_long', where, { limit: this.#max, cell: tooLong }));
      this.#headerCount = fields.length;
      this.#h.onHeader?.({ row, line, fields }, this.#delimiter ?? ',');
      return;
    }
    if (malformed !== 0) {
      this.#badRows++;
      this.#h.onIssue(issue('malformed_quote', { ...where, value: fields[malformed - 1] }, { cell: malformed }));
      return;
    }
    if (tooLong !== 0) {
      this.#badRows++;
      this.#h.onIssue(issue('field_too_long', where, { limit: this.#max, cell: tooLong }));
      return;
    }
    if (fields.length !== this.#headerCount) {
      if (this.#trailingOk && fields.length > this.#headerCount && isBlank(fields, this.#headerCount)) {
        fields.length = this.#headerCount;
      } else {
        this.#badRows++;
        this.#h.onIssue(
          issue(
            'column_count',
            { ...where, value: fields.join(this.#delimiter ?? ',') },
            { expected: this.#headerCount, actual: fields.length },
          ),
        );
        return;
      }
    }
    this.#dataRows++;
    this.#h.onRow({ row, line, fields });
  }
}

/** Every cell empty or whitespace only (Excel writes blank rows as `,,,`). */
function isBlank(fields: readonly string[], from = 0): boolean {
  for (let k = from; k < fields.length; k++) {
    const f = fields[k] as string;
    if (f === '') continue;
    const c = f.charCodeAt(0);
    if ((c > 0x20 && c !== 0xa0 && c !== 0xfeff) || f.trim() !== '') return false;
  }
  return true;
}

export interface CsvStats {
  /** Records read, header and blank rows included (= the last row number). */
  readonly records: number;
  readonly blankRows: number;
  /** Rows delivered. */
  readonly dataRows: number;
  /** Rows skipped with an issue. */
  readonly skippedRows: number;
}

export interface CsvParseResult {
  readonly delimiter: CsvDelimiter;
  /** Null when the file has no non-blank record (an `empty_file` issue is then reported). */
  readonly header: CsvRecord | null;
  readonly rows: CsvRecord[];
  /** Stored issues (capped, see IssueCollector). */
  readonly issues: readonly Issue[];
  /** All issues, stored or not. */
  readonly issueCount: number;
  readonly stats: CsvStats;
}

export interface ParseCsvOptions extends CsvOptions {
  /** Issues stored in the result (default 200; all are counted). Ignored with `collector`. */
  issueLimit?: number;
  /** Collect into this collector (e.g. one shared with the encoding step) instead of a new one. */
  collector?: IssueCollector;
}

/** Parses a whole text. */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvParseResult {
  const rows: CsvRecord[] = [];
  let header: CsvRecord | null = null;
  const issues = options.collector ?? new IssueCollector({ limit: options.issueLimit ?? 200 });
  const parser = new CsvParser(
    {
      onHeader: (h) => {
        header = h;
      },
      onRow: (r) => rows.push(r),
      onIssue: (e) => issues.add(e),
    },
    options,
  );
  parser.push(text);
  parser.end();
  return {
    delimiter: parser.delimiter ?? ',',
    header,
    rows,
    issues: issues.issues,
    issueCount: issues.total,
    stats: parser.stats,
  };
}

export type CsvEvent =
  | { readonly type: 'header'; readonly record: CsvRecord; readonly delimiter: CsvDelimiter }
  | { readonly type: 'row'; readonly record: CsvRecord }
  | { readonly type: 'issue'; readonly issue: Issue };

/** Parses text chunks as they arrive (e.g. from a decoded upload stream). */
export async function* iterateCsv(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: CsvOptions = {},
): AsyncGenerator<CsvEvent, CsvStats, undefined> {
  let queue: CsvEvent[] = [];
  const parser = new CsvParser(
    {
      onHeader: (record, delimiter) => queue.push({ type: 'header', record, delimiter }),
      onRow: (record) => queue.push({ type: 'row', record }),
      onIssue: (issue) => queue.push({ type: 'issue', issue }),
    },
    options,
  );
  for await (const chunk of chunks) {
    parser.push(chunk);
    if (queue.length > 0) {
      const out = queue;
      queue = [];
      yield* out;
    }
  }
  parser.end();
  yield* queue;
  return parser.stats;
}
