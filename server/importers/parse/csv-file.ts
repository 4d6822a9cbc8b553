/**
 * A CSV upload from bytes to rows: detect (or take) the encoding, decode, parse.
 * Encoding problems become issues like any other (file level, `row: null`).
 */

import {
  type CsvEvent,
  type CsvParseResult,
  type CsvStats,
  iterateCsv,
  type ParseCsvOptions,
  parseCsv,
} from './csv.ts';
import {
  createChunkDecoder,
  type DetectedEncoding,
  decodeTextDetailed,
  detectEncodingDetailed,
  detectUtf16Bom,
  type EncodingDetection,
  type EncodingOverride,
} from './encoding.ts';
import { IssueCollector, issue } from '../issues.ts';

export interface CsvFileOptions extends ParseCsvOptions {
  /** The user's choice in the import screen; absent = detected. */
  encoding?: EncodingOverride;
}

export interface CsvFileResult extends CsvParseResult {
  readonly encoding: DetectedEncoding | EncodingOverride;
  /** How the encoding was detected (null when the user chose it). */
  readonly detection: EncodingDetection | null;
}

const ENCODING_NAMES: Readonly<Record<DetectedEncoding | EncodingOverride, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  'windows-874': 'Windows-874',
  'tis-620': 'TIS-620',
};

const EMPTY_STATS: CsvStats = { records: 0, blankRows: 0, dataRows: 0, skippedRows: 0 };

/** Decodes and parses a whole file held in memory. */
export function parseCsvFile(bytes: Uint8Array, options: CsvFileOptions = {}): CsvFileResult {
  const file = options.file ?? '';
  const collector = options.collector ?? new IssueCollector({ limit: options.issueLimit ?? 200 });
  const utf16 = detectUtf16Bom(bytes);
  if (utf16 !== null) {
    collector.add(issue('unsupported_encoding', { file }, { encoding: utf16.toUpperCase() }));
    return {
      delimiter: options.delimiter ?? ',',
      header: null,
      rows: [],
      issues: collector.issues,
      issueCount: collector.total,
      stats: EMPTY_STATS,
      encoding: options.encoding ?? 'utf-8',
      detection: null,
    };
  }
  const decoded = decodeTextDetailed(bytes, options.encoding);
  if (decoded.replacements > 0) {
    collector.add(
      issue(
        'encoding_replacement',
        { file },
        { count: decoded.replacements, encoding: ENCODING_NAMES[decoded.encoding] },
      ),
    );
  }
  const result = parseCsv(decoded.text, { ...options, collector });
  return {
    ...result,
    issues: collector.issues,
    issueCount: collector.total,
    encoding: decoded.encoding,
    detection: decoded.detection,
  };
}

export type CsvFileEvent =
  | {
      readonly type: 'encoding';
      readonly encoding: DetectedEncoding | EncodingOverride;
      readonly detection: EncodingDetection | null;
    }
  | CsvEvent;

/** Bytes sampled for detection before streaming starts. */
export const DETECTION_SAMPLE_BYTES = 64 * 1024;

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Streams an upload: detects the encoding on the first 64 KiB (or takes `options.encoding`),
 * then yields an 'encoding' event, the header, rows and issues as they are found.
 */
export async function* iterateCsvFile(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: CsvFileOptions = {},
): AsyncGenerator<CsvFileEvent, CsvStats, undefined> {
  const file = options.file ?? '';
  const iterator = (Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]()) as
    | AsyncIterator<Uint8Array>
    | Iterator<Uint8Array>;
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < DETECTION_SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const sample = concat(head, headBytes);
  const utf16 = detectUtf16Bom(sample);
  if (utf16 !== null) {
    yield { type: 'issue', issue: issue('unsupported_encoding', { file }, { encoding: utf16.toUpperCase() }) };
    return EMPTY_STATS;
  }
  const detection = options.encoding === undefined ? detectEncodingDetailed(sample, { truncated: !done }) : null;
  const encoding = options.encoding ?? (detection as EncodingDetection).encoding;
  yield { type: 'encoding', encoding, detection };

  const decoder = createChunkDecoder(encoding);
  async function* text(): AsyncGenerator<string> {
    yield decoder.decode(sample);
    if (!done) {
      for (;;) {
        const next = await iterator.next();
        if (next.done === true) break;
        yield decoder.decode(next.value);
      }
    }
    yield decoder.end();
  }
  const csv = iterateCsv(text(), options);
  let step = await csv.next();
  while (step.done !== true) {
    yield step.value;
    step = await csv.next();
  }
  if (decoder.replacements > 0) {
    yield {
      type: 'issue',
      issue: issue(
        'encoding_replacement',
        { file },
        { count: decoder.replacements, encoding: ENCODING_NAMES[encoding] },
      ),
    };
  }
  return step.value;
}
