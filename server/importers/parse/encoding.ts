/**
 * Text encoding of uploaded CSV files: UTF-8 (with or without BOM) or Windows-874 / TIS-620.
 *
 * Detection rule: a UTF-8 BOM wins; otherwise bytes that are valid UTF-8 are UTF-8 (pure ASCII
 * included: it decodes the same either way); otherwise Windows-874, the Microsoft superset of
 * TIS-620 (TIS-620 bytes decode identically; 0x80-0x9F add €, …, curly quotes, dashes).
 * One refinement: text that is overwhelmingly valid UTF-8 Thai with a few broken bytes (a legacy
 * tool cut a character in half) is still called UTF-8, because decoding it as Windows-874 would
 * turn every Thai letter into mojibake; the broken bytes become U+FFFD and are counted.
 *
 * Decoding uses the WHATWG `TextDecoder` ('windows-874' needs full ICU, which official Node 20
 * builds have; the label 'tis-620' is an alias of it).
 */

export type DetectedEncoding = 'utf-8-bom' | 'utf-8' | 'windows-874';
export type EncodingOverride = 'utf-8' | 'windows-874' | 'tis-620';

export type DetectionReason =
  /** Starts with EF BB BF. */
  | 'bom'
  /** Every byte sequence is valid UTF-8 (or the file is plain ASCII). */
  | 'valid_utf8'
  /** Not valid UTF-8, but valid Thai UTF-8 sequences outnumber broken bytes at least 20 to 1. */
  | 'mostly_utf8'
  /** Not valid UTF-8: legacy Thai code page. */
  | 'not_utf8';

export interface EncodingDetection {
  readonly encoding: DetectedEncoding;
  readonly reason: DetectionReason;
}

export interface DetectOptions {
  /**
   * The bytes are only the start of the file (a sample for streaming): an incomplete UTF-8
   * sequence at the very end is not held against UTF-8.
   */
  truncated?: boolean;
}

const MOSTLY_UTF8_RATIO = 20;

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** UTF-16 byte order mark (Excel "Unicode text" export); not a supported CSV encoding. */
export function detectUtf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

interface Utf8Scan {
  /** Invalid sequences (each counted once, at its first byte). */
  invalid: number;
  /** Valid 3-byte sequences in the Thai block U+0E00-U+0E7F (E0 B8 xx / E0 B9 xx). */
  thai: number;
}

/**
 * Scans `bytes` from `start` as strict UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
 * Stops at the first invalid sequence unless `countAll`.
 */
function scanUtf8(bytes: Uint8Array, start: number, allowTruncatedEnd: boolean, countAll: boolean): Utf8Scan {
  const n = bytes.length;
  let invalid = 0;
  let thai = 0;
  let i = start;
  while (i < n) {
    const b0 = bytes[i] as number;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) need = 1;
    else if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2;
      if (b0 === 0xe0) lo = 0xa0;
      else if (b0 === 0xed) hi = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3;
      if (b0 === 0xf0) lo = 0x90;
      else if (b0 === 0xf4) hi = 0x8f;
    } else {
      invalid++;
      if (!countAll) return { invalid, thai };
      i++;
      continue;
    }
    let ok = true;
    let k = 1;
    for (; k <= need; k++) {
      if (i + k >= n) break;
      const b = bytes[i + k] as number;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (b < min || b > max) {
        ok = false;
        break;
      }
    }
    if (ok && k <= need) {
      // Ran out of bytes in the middle of a sequence.
      if (allowTruncatedEnd) return { invalid, thai };
      ok = false;
    }
    if (!ok) {
      invalid++;
      if (!countAll) return { invalid, thai };
      i++;
      continue;
    }
    if (need === 2 && b0 === 0xe0 && (bytes[i + 1] === 0xb8 || bytes[i + 1] === 0xb9)) thai++;
    i += need + 1;
  }
  return { invalid, thai };
}

/** True when the bytes (after an optional BOM) are strict UTF-8. */
export function isValidUtf8(bytes: Uint8Array, options: DetectOptions = {}): boolean {
  const start = hasUtf8Bom(bytes) ? 3 : 0;
  return scanUtf8(bytes, start, options.truncated === true, false).invalid === 0;
}

/** Detection with the reason behind it (for the import screen: "detected: Windows-874"). */
export function detectEncodingDetailed(bytes: Uint8Array, options: DetectOptions = {}): EncodingDetection {
  if (hasUtf8Bom(bytes)) return { encoding: 'utf-8-bom', reason: 'bom' };
  const truncated = options.truncated === true;
  if (scanUtf8(bytes, 0, truncated, false).invalid === 0) return { encoding: 'utf-8', reason: 'valid_utf8' };
  const all = scanUtf8(bytes, 0, truncated, true);
  if (all.thai >= MOSTLY_UTF8_RATIO * all.invalid) return { encoding: 'utf-8', reason: 'mostly_utf8' };
  return { encoding: 'windows-874', reason: 'not_utf8' };
}

/** 'utf-8-bom' | 'utf-8' | 'windows-874' (see the rule at the top of this file). */
export function detectEncoding(bytes: Uint8Array, options: DetectOptions = {}): DetectedEncoding {
  return detectEncodingDetailed(bytes, options).encoding;
}

/** The WHATWG label to hand to TextDecoder. */
function decoderLabel(encoding: DetectedEncoding | EncodingOverride): 'utf-8' | 'windows-874' {
  return encoding === 'utf-8' || encoding === 'utf-8-bom' ? 'utf-8' : 'windows-874';
}

function countReplacements(text: string): number {
  let n = 0;
  let i = text.indexOf('\uFFFD');
  while (i !== -1) {
    n++;
    i = text.indexOf('\uFFFD', i + 1);
  }
  return n;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface DecodedText {
  /** The text, without a BOM. */
  readonly text: string;
  /** What was used: the detected encoding, or the override ('tis-620' decodes as windows-874). */
  readonly encoding: DetectedEncoding | EncodingOverride;
  readonly detection: EncodingDetection | null;
  /** U+FFFD characters in the output: bytes the encoding could not decode. */
  readonly replacements: number;
  /** Set when the bytes start with a UTF-16 BOM: the text is then meaningless; refuse the file. */
  readonly unsupported: 'utf-16le' | 'utf-16be' | null;
}

/** Decodes with detection or an override, and says what happened. */
export function decodeTextDetailed(bytes: Uint8Array, override?: EncodingOverride): DecodedText {
  const detection = override === undefined ? detectEncodingDetailed(bytes) : null;
  const encoding = override ?? (detection as EncodingDetection).encoding;
  const text = stripBom(new TextDecoder(decoderLabel(encoding)).decode(bytes));
  return {
    text,
    encoding,
    detection,
    replacements: countReplacements(text),
    unsupported: detectUtf16Bom(bytes),
  };
}

/** Decodes `bytes` (detected, or as `override` says) to text without a BOM. */
export function decodeText(bytes: Uint8Array, override?: EncodingOverride): string {
  return decodeTextDetailed(bytes, override).text;
}

/** Incremental decoder for byte chunks (multi-byte characters may straddle chunks). */
export interface ChunkDecoder {
  decode(chunk: Uint8Array): string;
  /** Flushes an incomplete trailing sequence (as U+FFFD). */
  end(): string;
  /** U+FFFD characters produced so far. */
  readonly replacements: number;
}

/**
 * A streaming decoder. Choose the encoding first with `detectEncoding(firstChunk, { truncated: true })`
 * (a 64 KiB sample is plenty) or from the user's override. A leading BOM is dropped.
 */
export function createChunkDecoder(encoding: DetectedEncoding | EncodingOverride): ChunkDecoder {
  const decoder = new TextDecoder(decoderLabel(encoding));
  let first = true;
  let replacements = 0;
  const take = (text: string): string => {
    let out = text;
    if (first && out.length > 0) {
      first = false;
      out = stripBom(out);
    }
    replacements += countReplacements(out);
    return out;
  };
  return {
    decode: (chunk) => take(decoder.decode(chunk, { stream: true })),
    end: () => take(decoder.decode()),
    get replacements() {
      return replacements;
    },
  };
}
