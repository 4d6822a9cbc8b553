/**
 * Streaming multipart/form-data reader for import uploads (busboy parses the parts): the file part
 * goes straight to a temp file (never held in memory, counted against the upload limit as it
 * arrives); small text parts (kind, options...) and a codebook part are kept in memory with their
 * own small limit.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';

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

/**
 * Reads the body. Throws UploadError('too_large') past `maxBytes` of file data (the temp file is
 * removed), UploadError('bad_request') for a body that is not multipart or ends early.
 */
export async function receiveUpload(
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
  maxBytes: number,
): Promise<Upload> {
  if (!/^multipart\/form-data/i.test(contentType) || !/boundary=/i.test(contentType))
    throw new UploadError('bad_request', 'expected multipart/form-data with a boundary');
  if (body === null) throw new UploadError('bad_request', 'empty body');
  mkdirSync(UPLOAD_DIR, { recursive: true });
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // UTF-8 file names as browsers send them (busboy's default would read the bytes as Latin-1).
      defParamCharset: 'utf8',
      limits: { fileSize: maxBytes, fieldSize: FIELD_LIMIT, files: 1 },
    });
  } catch (error) {
    throw new UploadError('bad_request', error instanceof Error ? error.message : String(error));
  }
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  let failure: UploadError | null = null;
  const writes: Promise<void>[] = [];
  const fail = (e: UploadError) => {
    failure ??= e;
  };

  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) fail(new UploadError('too_large', `form field "${name}" is too large`));
    else fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    if (name !== FILE_FIELD) {
      // A codebook sent as a file: a small text part like any field.
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > FIELD_LIMIT) fail(new UploadError('too_large', `form field "${name}" is too large`));
        else chunks.push(chunk);
      });
      stream.on('end', () => {
        fields[name] = Buffer.concat(chunks).toString('utf8');
      });
      return;
    }
    const path = join(UPLOAD_DIR, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const saved: UploadedFile = { name: baseName(info.filename ?? '') || 'upload', path, size: 0 };
    file = saved;
    stream.on('data', (chunk: Buffer) => {
      saved.size += chunk.length;
    });
    stream.on('limit', () =>
      fail(new UploadError('too_large', `the file is larger than ${Math.round(maxBytes / 1048576)} MB`)),
    );
    writes.push(pipeline(stream, createWriteStream(path, { flags: 'wx', mode: 0o600 })));
  });
  parser.on('filesLimit', () => fail(new UploadError('bad_request', 'only one file per upload')));

  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), parser);
    await Promise.all(writes);
  } catch (error) {
    fail(
      new UploadError(
        'bad_request',
        /unexpected end/i.test(String(error))
          ? 'the upload ended before the closing boundary (interrupted?)'
          : `the upload could not be read: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    await Promise.allSettled(writes);
  }
  const uploaded = file as UploadedFile | null;
  if (failure !== null) {
    if (uploaded !== null) rmSync(uploaded.path, { force: true });
    throw failure;
  }
  return { fields, file: uploaded };
}

/** The file name without any path a browser or client put before it. */
function baseName(name: string): string {
  return name.replace(/^.*[\\/]/, '');
}

export function removeUpload(path: string): void {
  rmSync(path, { force: true });
}
