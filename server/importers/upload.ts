/**
 * Streaming multipart/form-data reader for import uploads: the file part goes straight to a temp
 * file (never held in memory, counted against the upload limit as it arrives); small text parts
 * (kind, options...) and a codebook part are kept in memory with their own small limits.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface UploadedFile {
  /** The file name as the browser sent it (path parts removed). */
  name: string;
  path: string;
  size: number;
}

export interface Upload {
  fields: Record<string, string>;
  file: UploadedFile | null;
}

export class UploadError extends Error {
  constructor(
    readonly code: 'too_large' | 'bad_request',
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** Where uploads wait between preview and commit. */
const UPLOAD_DIR = join(tmpdir(), 'ssz-uploads');
const FIELD_LIMIT = 5 * 1024 * 1024;
const FILE_FIELD = 'file';

function boundaryOf(contentType: string): string {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const b = m?.[1] ?? m?.[2];
  if (!/^multipart\/form-data/i.test(contentType) || b === undefined)
    throw new UploadError('bad_request', 'expected multipart/form-data with a boundary');
  return b;
}

function headerParams(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.matchAll(/;\s*([\w*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g)) {
    const key = (m[1] ?? '').toLowerCase();
    let value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '').trim();
    if (key.endsWith('*')) {
      // RFC 5987: filename*=UTF-8''%E0%B8...
      const enc = /^([\w-]+)'[^']*'(.*)$/.exec(value);
      if (enc !== null) {
        try {
          value = decodeURIComponent(enc[2] ?? '');
        } catch {
          /* keep as is */
        }
      }
      out[key.slice(0, -1)] = value;
    } else if (out[key] === undefined) out[key] = value;
  }
  return out;
}

/** Browsers send UTF-8 names as raw bytes read as latin1 by some stacks; undo that when it decodes. */
function fixName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  for (let i = 0; i < base.length; i++) if (base.charCodeAt(i) > 0xff) return base;
  const bytes = Buffer.from(base, 'latin1');
  const utf8 = bytes.toString('utf8');
  return utf8.includes('\uFFFD') ? base : utf8;
}

async function write(stream: WriteStream, chunk: Uint8Array): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((r) => stream.once('drain', () => r()));
}

/**
 * Reads the body. Throws UploadError('too_large') past `maxBytes` of file data (the temp file is
 * removed), UploadError('bad_request') for a body that is not multipart.
 */
export async function receiveUpload(
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
  maxBytes: number,
): Promise<Upload> {
  const boundary = boundaryOf(contentType);
  if (body === null) throw new UploadError('bad_request', 'empty body');
  mkdirSync(UPLOAD_DIR, { recursive: true });
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  let out: WriteStream | null = null;
  let outPath: string | null = null;
  let fieldName: string | null = null;
  let fieldChunks: Buffer[] = [];
  let fieldBytes = 0;
  let fileBytes = 0;
  // State: 'preamble' until the first boundary, 'headers' in part headers, 'body' in a part, 'done'.
  let state: 'preamble' | 'headers' | 'body' | 'done' = 'preamble';
  let buf: Buffer = Buffer.from('\r\n'); // lets the first boundary match the CRLF-prefixed delimiter

  const fail = (e: UploadError): never => {
    out?.destroy();
    if (outPath !== null) rmSync(outPath, { force: true });
    throw e;
  };

  const emit = async (data: Buffer): Promise<void> => {
    if (data.length === 0) return;
    if (out !== null) {
      fileBytes += data.length;
      if (fileBytes > maxBytes)
        fail(new UploadError('too_large', `the file is larger than ${Math.round(maxBytes / 1048576)} MB`));
      await write(out, data);
    } else if (fieldName !== null) {
      fieldBytes += data.length;
      if (fieldBytes > FIELD_LIMIT) fail(new UploadError('too_large', `form field "${fieldName}" is too large`));
      fieldChunks.push(data);
    }
  };

  const endPart = async (): Promise<void> => {
    if (out !== null) {
      const s = out;
      await new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));
      if (file !== null) file.size = fileBytes;
      out = null;
    } else if (fieldName !== null) {
      fields[fieldName] = Buffer.concat(fieldChunks).toString('utf8');
    }
    fieldName = null;
    fieldChunks = [];
    fieldBytes = 0;
  };

  const reader = body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (value !== undefined) buf = buf.length === 0 ? Buffer.from(value) : Buffer.concat([buf, value]);
    // Process as much of the buffer as possible.
    for (;;) {
      if (state === 'done') break;
      if (state === 'preamble' || state === 'body') {
        const at = buf.indexOf(delimiter);
        if (at === -1) {
          // Keep a tail that could be the start of a delimiter.
          const keep = Math.min(buf.length, delimiter.length + 4);
          if (state === 'body') await emit(buf.subarray(0, buf.length - keep));
          buf = buf.subarray(buf.length - keep);
          break;
        }
        if (state === 'body') {
          await emit(buf.subarray(0, at));
          await endPart();
        }
        const after = at + delimiter.length;
        if (buf.length < after + 2) break;
        if (buf[after] === 0x2d && buf[after + 1] === 0x2d) {
          state = 'done';
          break;
        }
        buf = buf.subarray(after);
        state = 'headers';
        continue;
      }
      // headers: skip the rest of the boundary line, then read until CRLFCRLF.
      const end = buf.indexOf('\r\n\r\n');
      if (end === -1) {
        if (buf.length > 16 * 1024) fail(new UploadError('bad_request', 'part headers too long'));
        break;
      }
      const headerText = buf.subarray(0, end).toString('utf8');
      buf = buf.subarray(end + 4);
      const disposition = /content-disposition:([^\r\n]*)/i.exec(headerText)?.[1] ?? '';
      const params = headerParams(disposition);
      const name = params.name ?? '';
      if (params.filename !== undefined && name === FILE_FIELD) {
        if (file !== null) fail(new UploadError('bad_request', 'only one file per upload'));
        outPath = join(UPLOAD_DIR, `${Date.now()}-${randomBytes(8).toString('hex')}`);
        out = createWriteStream(outPath, { flags: 'wx', mode: 0o600 });
        file = { name: fixName(params.filename) || 'upload', path: outPath, size: 0 };
        fileBytes = 0;
      } else {
        fieldName = name;
      }
      state = 'body';
    }
    if (done) break;
  }
  if (state !== 'done')
    fail(new UploadError('bad_request', 'the upload ended before the closing boundary (interrupted?)'));
  return { fields, file };
}

export function removeUpload(path: string): void {
  rmSync(path, { force: true });
}
